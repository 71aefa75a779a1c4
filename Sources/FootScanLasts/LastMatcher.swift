/// A ranked last for a foot or a pair, with a plain-language reason per criterion.
public struct Recommendation: Sendable {
    /// The last.
    public var last: Last
    /// 0...1, higher is better.
    public var score: Double
    /// Whether every hard criterion (length room, width, heel) is within the rules for every foot.
    public var fits: Bool
    /// Stick length minus foot length (the longer foot of a pair), mm.
    public var lengthRoomMM: Double
    /// Last ball width minus foot width (the wider foot), mm.
    public var widthDifferenceMM: Double
    /// Reasons, one per criterion.
    public var reasons: [String]
    /// What would make it fit, when it does not.
    public var changes: [String]
}

/// The matcher's answer.
public struct MatchResult: Sendable {
    /// Sizes of the foot (the longer of a pair).
    public var size: ShoeSize
    /// Best first; when nothing fits, the nearest candidates.
    public var recommendations: [Recommendation]
    /// Pair differences, "no last fits" and what to change.
    public var warnings: [String]
}

/// Narrows the catalogue before scoring.
public struct LastFilter: Sendable {
    /// Only this style.
    public var style: LastStyle?
    /// Only this toe shape.
    public var toeShape: LastToeShape?
    /// Only this workshop (case-insensitive).
    public var workshop: String?

    /// No filter.
    public init(style: LastStyle? = nil, toeShape: LastToeShape? = nil, workshop: String? = nil) {
        self.style = style
        self.toeShape = toeShape
        self.workshop = workshop
    }

    func accepts(_ last: Last) -> Bool {
        (style == nil || last.style == style) && (toeShape == nil || last.toeShape == toeShape)
            && (workshop == nil || last.workshop.lowercased() == workshop?.lowercased())
    }
}

/// Scores every last of a catalogue against a foot or a pair and explains each choice: toe room
/// against the style's allowance, ball width, heel, girth (with its error) and toe-shape suitability,
/// weighted by the rules. A pair is scored by its worse foot on each criterion, so the order of the two
/// feet never changes the answer.
public struct LastMatcher: Sendable {
    /// The catalogue's rules.
    public var rules: FittingRules

    /// Creates a matcher.
    public init(rules: FittingRules = .standard) { self.rules = rules }

    /// The best `top` lasts for one foot or a pair.
    public func match(_ feet: [FootForFitting], in catalogue: [Last], filter: LastFilter = LastFilter(), top: Int = 5) -> MatchResult {
        precondition(!feet.isEmpty, "match needs a foot")
        let longest = feet.max { $0.lengthMM < $1.lengthMM } ?? feet[0]
        var warnings: [String] = []
        if feet.count == 2 {
            let difference = abs(feet[0].lengthMM - feet[1].lengthMM)
            if difference > 4 {
                warnings.append("the feet differ by \(Self.mm(difference)) mm in length: size by the longer foot and fill the shorter foot's shoe (a thin insole or a tongue pad)")
            }
        }
        let candidates = catalogue.filter(filter.accepts)
        var ranked = candidates.map { recommendation(for: $0, feet: feet) }
        ranked.sort { a, b in
            if a.fits != b.fits { return a.fits }
            if a.score != b.score { return a.score > b.score }
            return a.last.id < b.last.id
        }
        let best = Array(ranked.prefix(max(top, 1)))
        if candidates.isEmpty {
            warnings.append("no last in the catalogue matches the filter")
        } else if !(best.first?.fits ?? false) {
            let nearest = best.first.map { "; nearest: \($0.last.id)" + ($0.changes.isEmpty ? "" : " (\($0.changes.joined(separator: ", ")))") } ?? ""
            warnings.append("no last fits\(nearest)")
        }
        return MatchResult(size: ShoeSize(lengthMM: longest.lengthMM, widthMM: longest.widthMM), recommendations: best, warnings: warnings)
    }

    /// One criterion's outcome for one foot.
    struct Criterion {
        var score: Double
        var hard: Bool
        var fits: Bool
        var reason: String
        var change: String?
    }

    func recommendation(for last: Last, feet: [FootForFitting]) -> Recommendation {
        // Each criterion for each foot; a pair keeps its worse foot per criterion.
        var worst: [String: Criterion] = [:]
        for foot in feet {
            for (name, criterion) in criteria(last: last, foot: foot) {
                if let kept = worst[name], kept.score <= criterion.score { continue }
                worst[name] = criterion
            }
        }
        let order = ["length", "width", "heel", "girth", "toe_shape"]
        var total = 0.0, weights = 0.0
        var fits = true
        var reasons: [String] = [], changes: [String] = []
        for name in order {
            guard let criterion = worst[name] else { continue }
            let weight = rules.weights[name] ?? 0
            total += weight * criterion.score
            weights += weight
            if criterion.hard && !criterion.fits { fits = false }
            reasons.append(criterion.reason)
            if let change = criterion.change { changes.append(change) }
        }
        let longest = feet.map(\.lengthMM).max() ?? 0
        let widest = feet.map(\.widthMM).max() ?? 0
        return Recommendation(last: last, score: weights > 0 ? total / weights : 0, fits: fits,
                              lengthRoomMM: last.lengthMM - longest, widthDifferenceMM: last.ballWidthMM - widest,
                              reasons: reasons, changes: changes)
    }

    func criteria(last: Last, foot: FootForFitting) -> [(String, Criterion)] {
        var result: [(String, Criterion)] = []
        // Length: toe room against the style's allowance.
        let room = last.lengthMM - foot.lengthMM
        let allowed = rules.toeRoom(for: last)
        let lengthMiss = distance(room, allowed)
        var lengthChange: String?
        if room < allowed.lowerBound { lengthChange = "a last \(Self.mm(allowed.lowerBound - room)) mm longer (a larger size)" }
        if room > allowed.upperBound { lengthChange = "a last \(Self.mm(room - allowed.upperBound)) mm shorter (a smaller size)" }
        result.append(("length", Criterion(score: max(0, 1 - lengthMiss / 5), hard: true, fits: lengthMiss == 0,
                                           reason: "\(Self.mm(room)) mm toe room, \(last.style.rawValue)\(last.toeShape == .pointed || last.toeShape == .almond ? " (\(last.toeShape.rawValue))" : "") wants \(Self.mm(allowed.lowerBound))-\(Self.mm(allowed.upperBound))",
                                           change: lengthChange)))
        // Width: last ball width minus foot width.
        let difference = last.ballWidthMM - foot.widthMM
        let fit = rules.widthFit
        let widthMiss = distance(difference, fit)
        let feel: String
        if rules.regularMM.contains(difference) { feel = "regular" } else if rules.snugMM.contains(difference) { feel = "snug" } else if rules.looseMM.contains(difference) { feel = "loose" } else { feel = difference < fit.lowerBound ? "too narrow" : "too wide" }
        var widthChange: String?
        if difference < fit.lowerBound { widthChange = "widen the ball by \(Self.mm(fit.lowerBound - difference)) mm" }
        if difference > fit.upperBound { widthChange = "narrow the ball by \(Self.mm(difference - fit.upperBound)) mm" }
        let widthScore = widthMiss > 0 ? 0.6 * max(0, 1 - widthMiss / 4) : (feel == "regular" ? 1 : 0.85)
        let side = difference <= 0 ? "\(Self.mm(-difference)) mm narrower than" : "\(Self.mm(difference)) mm wider than"
        result.append(("width", Criterion(score: widthScore, hard: true, fits: widthMiss == 0,
                                          reason: "ball \(side) the foot: \(feel)", change: widthChange)))
        // Heel.
        if let heel = foot.heelWidthMM {
            let d = last.heelWidthMM - heel
            let miss = distance(d, rules.heelMM)
            var change: String?
            if d < rules.heelMM.lowerBound { change = "widen the heel seat by \(Self.mm(rules.heelMM.lowerBound - d)) mm" }
            if d > rules.heelMM.upperBound { change = "narrow the heel seat by \(Self.mm(d - rules.heelMM.upperBound)) mm (or a heel pad)" }
            let text = d <= 0 ? "\(Self.mm(-d)) mm narrower than" : "\(Self.mm(d)) mm wider than"
            result.append(("heel", Criterion(score: max(0, 1 - miss / 4), hard: true, fits: miss == 0,
                                             reason: "heel seat \(text) the heel: \(miss == 0 ? "holds" : (d > rules.heelMM.upperBound ? "slips" : "pinches"))", change: change)))
        }
        // Girth, with its error.
        if let girth = foot.girthMM {
            let under = foot.sex == "male" ? rules.girthUnderMenMM : (foot.sex == "female" ? rules.girthUnderWomenMM : (rules.girthUnderMenMM + rules.girthUnderWomenMM) / 2)
            let target = girth - under
            let d = last.ballGirthMM - target
            let sigma = max(foot.girthSDMM, 2)
            let score = abs(d) <= sigma ? 1 : max(0, 1 - (abs(d) - sigma) / (2 * sigma))
            let cut = girth - last.ballGirthMM
            let verdict = abs(d) <= sigma ? "regular" : (d < 0 ? "tight" : "roomy")
            let sd = foot.girthSDMM > 0 ? " ± \(Self.mm(foot.girthSDMM))" : ""
            result.append(("girth", Criterion(score: score, hard: false, fits: true,
                                              reason: "girth \(Self.mm(girth))\(sd) mm; last \(Self.mm(last.ballGirthMM)) mm: \(Self.mm(cut)) mm under, \(verdict) (about \(Self.mm(under)) under suits)",
                                              change: nil)))
        }
        // Toe shape.
        if let toe = foot.toeShape {
            let suits = rules.suitableToeShapes[toe]?.contains(last.toeShape) ?? true
            result.append(("toe_shape", Criterion(score: suits ? 1 : 0.4, hard: false, fits: true,
                                                  reason: "\(toe) toes \(suits ? "suit" : "do not suit") \(last.toeShape == .almond || last.toeShape == .oblique ? "an" : "a") \(last.toeShape.rawValue) toe", change: nil)))
        }
        return result
    }

    func distance(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        value < range.lowerBound ? range.lowerBound - value : (value > range.upperBound ? value - range.upperBound : 0)
    }

    static func mm(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
