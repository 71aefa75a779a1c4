#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a contact print differs from the whole sole: what touches the plate.
public struct FootprintParameters: Sendable, Codable, Hashable {
    /// Width of the lateral midfoot band that touches, mm (0: a split print, as a high arch leaves).
    public var midfootBandMM: Double
    /// Where the heel's full contact ends, as a share of the foot's length.
    public var heelEnd: Double
    /// Where the forefoot's full contact starts, as a share of the foot's length.
    public var forefootStart: Double
    /// Gap between the forefoot pad and the toe pads, mm.
    public var toeGapMM: Double
    /// How many of the outer toes (5, then 4) leave no pad: a partial print.
    public var missingToePads = 0
    /// The toes (0: the big toe) whose pads join the forefoot's print: no gap at the crease, the pad
    /// reaching 1 mm into the print.
    public var touchingToePads: [Int] = []
    /// Whether the pads are irregular (their outline wobbles by up to a fifth of their size, as real
    /// pads do) rather than ellipses.
    public var irregularPads = false
    /// Whether no toe left a pad at all (toes clawed or lifted off the plate): the print ends at the ball.
    public var hiddenToes = false
    /// Whether the ball's print ends as a real print's behind separate toe pads too: oblique along the
    /// toes' bases and rounded into the sides (``BallFront``); prints without separate toes always do.
    public var roundedFront = false

    /// Creates parameters.
    public init(midfootBandMM: Double, heelEnd: Double, forefootStart: Double, toeGapMM: Double) {
        self.midfootBandMM = midfootBandMM
        self.heelEnd = heelEnd
        self.forefootStart = forefootStart
        self.toeGapMM = toeGapMM
    }

    /// Random parameters: the band from none (split print) to the whole midfoot (flat foot).
    public static func random(using random: inout SeededRandom) -> FootprintParameters {
        let band = random.uniform(0...1) < 0.12 ? 0 : random.uniform(8...75)
        return FootprintParameters(midfootBandMM: band, heelEnd: random.uniform(0.26...0.32),
                                   forefootStart: random.uniform(0.56...0.62), toeGapMM: random.uniform(3...7))
    }
}

/// The polygons of a contact print in the foot's frame: the print of heel, midfoot and forefoot (one
/// polygon, or two when the midfoot does not touch), and one elliptical pad per toe.
public struct FootprintOutline: Sendable {
    /// The toe-less print: one polygon, or heel and forefoot apart.
    public let print: [[Point2]]
    /// The toe pads, toe 1 first (none when ``FootprintParameters/hiddenToes``).
    public let toePads: [[Point2]]
    /// The pads the toes would leave had they pressed, toe 1 first: the foot's axis runs through toe 2's
    /// tip whether or not its pad shows.
    public let axisPads: [[Point2]]
    /// Where the toes begin across the foot (``toesBegin(atY:)``) behind a rounded front: one x every
    /// ``toeLineStepMM`` of y from ``toeLineLow``; empty behind a square one, where they begin at
    /// ``squareToesBegin``.
    let toeLine: [Double]
    let toeLineLow: Double
    let squareToesBegin: Double
    static let toeLineStepMM = 0.25

    /// Builds the print of a foot from its outline.
    public init(outline: FootOutline, shape: FootShape, parameters: FootprintParameters) {
        let length = shape.lengthMM
        // A print without separate toes shows its ball's front: rounded, as a real one. Behind separate
        // pads it is cut square unless asked (see BallFront).
        let rounded = parameters.roundedFront || parameters.hiddenToes || Set(parameters.touchingToePads).isSuperset(of: 0..<5)
        let front = FootprintOutline.BallFront(outline: outline, shape: shape, gap: parameters.toeGapMM, rounded: rounded)
        let lateralSign = shape.side == .right ? -1.0 : 1.0 // the big toe is on +y for a right foot
        let heelEnd = parameters.heelEnd * length, forefootStart = parameters.forefootStart * length
        // Cross-sections of the sole, then of the print, every 0.25 mm from the heel to the front.
        var lows: [Point2] = [], highs: [Point2] = []
        var heelPart: (lows: [Point2], highs: [Point2]) = ([], [])
        var split = false
        var x = 0.0
        while x <= front.foremostX {
            guard let section = FootTruth.section([outline.points], atX: max(x, 0.01)) else { x += 0.25; continue }
            // Past the ball's front, nothing; towards it, the part of the section behind the front.
            guard let behind = front.span(atX: x) else { break }
            // The band narrows from the full section behind heelEnd to the lateral band, and widens again
            // to the full section after forefootStart, over 12 mm each.
            let full = section.high - section.low
            let fromHeel = min(max((x - heelEnd) / 12, 0), 1), toForefoot = min(max((forefootStart - x) / 12, 0), 1)
            let narrowing = min(fromHeel, toForefoot)
            let band = full - (full - min(parameters.midfootBandMM, full)) * FootprintOutline.smooth(narrowing)
            var (a, b): (Double, Double) = lateralSign < 0 ? (section.low, section.low + band) : (section.high - band, section.high)
            (a, b) = (max(a, behind.lowerBound), min(b, behind.upperBound))
            if band <= 0.05 {
                if !split && !lows.isEmpty { heelPart = (lows, highs); lows = []; highs = [] }
                split = true
            } else if b - a <= 0.05 {
                break
            } else {
                lows.append(Point2(x, a))
                highs.append(Point2(x, b))
            }
            x += 0.25
        }
        var prints: [[Point2]] = []
        if !heelPart.lows.isEmpty { prints.append(heelPart.lows + heelPart.highs.reversed()) }
        if !lows.isEmpty { prints.append(lows + highs.reversed()) }
        print = prints
        // Behind a rounded front, the forefoot print's foremost x across the foot: its last section
        // reaching each cell of y (a step wide, centred on the cell's y; -infinity where none does).
        let lowestY = lows.map(\.y).min() ?? 0, highestY = highs.map(\.y).max() ?? 0
        var reach = [Double](repeating: -Double.infinity, count: rounded ? Int(((highestY - lowestY) / Self.toeLineStepMM).rounded(.up)) + 1 : 0)
        func cell(_ y: Double) -> Int { Self.toeLineCell(y, from: lowestY, count: reach.count) }
        for (low, high) in zip(lows, highs) where !reach.isEmpty {
            for k in cell(low.y)...cell(high.y) { reach[k] = max(reach[k], low.x) }
        }
        let printed = outline.toeTips.count - min(max(parameters.missingToePads, 0), 3)
        axisPads = outline.toeTips.prefix(printed).enumerated().map { index, tip in
            let size = outline.toeSizes[index]
            // Each pad ends 1.5 mm behind its toe's tip and starts at least half the toe gap clear of the
            // forefoot's print across all its breadth (an oblique, rounded front lies further forward on
            // one side of the tip than at it, and beside the ball the print runs as far as the sole), so
            // that pads and print never touch; a touching pad reaches 1 mm into it at its tip's place.
            let touches = parameters.touchingToePads.contains(index)
            let halfWidth = 0.8 * size.halfWidth
            let across = reach.isEmpty ? [] : reach[cell(tip.y - halfWidth)...cell(tip.y + halfWidth)]
            // The print's front at the pad: the front's line at its tip, and behind a rounded front (where
            // `reach` is kept) the print's reach across the pad's breadth where that lies further forward.
            let frontX = touches ? front.x(atY: tip.y) : max(front.x(atY: tip.y), across.max() ?? -.infinity)
            let room = (tip.x - 1.5) - (touches ? frontX - 1 : frontX + 0.5 * parameters.toeGapMM)
            let halfLength = touches ? room / 2 : min((index == 0 ? 0.75 : 0.6) * size.capLength + 2, room / 2)
            let centre = Point2(tip.x - 1.5 - halfLength, tip.y)
            // An irregular pad: two wobbles of its radius, phases fixed by the toe (the tip itself stays).
            let phase = Double(index) * 1.7
            return (0..<96).map { step in
                let angle = Double(step) / 96 * 2 * Double.pi
                let wobble = parameters.irregularPads ? 1 + 0.12 * sin(3 * angle + phase) * sin(angle / 2) * sin(angle / 2)
                    + 0.06 * sin(5 * angle + 2 * phase) * sin(angle / 2) * sin(angle / 2) : 1
                return Point2(centre.x + halfLength * cos(angle) * wobble, centre.y + halfWidth * sin(angle) * wobble)
            }
        }
        toePads = parameters.hiddenToes ? [] : axisPads
        // Behind a square front the toes begin at their bases. Behind a rounded one, half the toe gap
        // past the forefoot print's reach at each y, where the pads may begin (the front is oblique and
        // rounded, and beside the ball the print runs as far as the sole, so no one x parts ball and
        // toes: the ball's print ahead of the toes' bases took the toes' pressure); past the print's
        // foremost point beyond its sides.
        squareToesBegin = outline.toeBaseX
        let foremost = lows.map(\.x).max() ?? front.foremostX
        toeLine = reach.map { ($0.isFinite ? $0 : foremost) + 0.5 * parameters.toeGapMM }
        toeLineLow = lowestY
    }

    /// Where the toes begin at `y` across the foot, mm along it (where the toes' pressure starts).
    func toesBegin(atY y: Double) -> Double {
        guard !toeLine.isEmpty else { return squareToesBegin }
        return toeLine[Self.toeLineCell(y, from: toeLineLow, count: toeLine.count)]
    }

    /// The cell of the toe line (one every ``toeLineStepMM`` of y from `low`, `count` in all) that holds
    /// `y`: the nearest, clamped to the line's ends.
    static func toeLineCell(_ y: Double, from low: Double, count: Int) -> Int {
        min(max(Int(((y - low) / toeLineStepMM).rounded()), 0), max(count - 1, 0))
    }

    static func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }

    /// How far the ball's front falls back at its two ends from the line along the toes' bases, as a
    /// share of the ball's breadth: the front is convex across the ball.
    static let frontBulge = 0.04
    /// The radius of the rounds at the front's two corners, as a share of the ball's breadth: the front
    /// turns into the foot's sides there, as a real print's ball does around the first and fifth
    /// metatarsal heads.
    static let cornerRadius = 0.15

    /// The front of the forefoot's print: the toe gap behind the toes' bases, so oblique as the toes
    /// are (the big toe's base the foremost, the little toe's well behind), convex across the ball, and
    /// rounded into the foot's sides at both corners, as a real print's ball ends along the metatarsal
    /// heads. In the foot's frame it is `x = a + b y - c (y - centre)^2`, the line fitted through the
    /// clefts between the toes moved back by the gap less a parabola across the ball, less a quarter
    /// circle's fall within ``cornerRadius`` of either edge of the ball.
    ///
    /// Not `rounded`, it is the straight cut across the foot the toe gap behind the deepest cleft, as
    /// the generator drew every print before. Prints with separate toe pads keep that unless
    /// ``FootprintParameters/roundedFront`` asks (most device test sets do), so that the
    /// sets drawn before keep their images.
    struct BallFront {
        /// The line's value at y = 0 and its slope (x per mm of y).
        let a: Double, b: Double
        /// The parabola's curvature (mm of x per mm of y squared).
        let c: Double
        /// The ball's edges across the axis, and its centre: square, the section a little behind the deepest
        /// cleft; rounded, the sole's sides where the corners begin.
        let low: Double, high: Double, centre: Double
        /// The corners' radius, mm.
        let radius: Double
        /// The front's foremost x.
        let foremostX: Double
        /// Ys across the ball, 0.25 mm apart, both edges included, where the front is sampled.
        let ys: [Double]

        init(outline: FootOutline, shape: FootShape, gap: Double, rounded: Bool) {
            // The clefts between neighbouring toes: where the shorter of the two leaves the forefoot.
            let tips = outline.toeTips, caps = outline.toeSizes.map(\.capLength)
            let clefts = (1..<tips.count).map { k in
                Point2(min(tips[k].x - caps[k], tips[k - 1].x - caps[k - 1]) - shape.cleftDepthMM, (tips[k].y + tips[k - 1].y) / 2)
            }
            // Least squares of x on y through the clefts.
            let count = Double(max(clefts.count, 1))
            let meanY = clefts.map(\.y).reduce(0, +) / count, meanX = clefts.map(\.x).reduce(0, +) / count
            let spread = clefts.map { ($0.y - meanY) * ($0.y - meanY) }.reduce(0, +)
            let slope = spread > 1e-9 ? clefts.map { ($0.y - meanY) * ($0.x - meanX) }.reduce(0, +) / spread : 0
            let lineB = rounded ? slope : 0, lineA = rounded ? meanX - slope * meanY - gap : outline.toeBaseX - gap
            (a, b) = (lineA, lineB)
            let ball = FootTruth.section([outline.points], atX: outline.toeBaseX - gap)
            var low = ball?.low ?? -shape.ballBreadthMM / 2, high = ball?.high ?? shape.ballBreadthMM / 2
            /// The parabola's curvature and the corners' radius for a ball from `low` to `high`.
            func bulgeAndRadius(_ low: Double, _ high: Double) -> (c: Double, radius: Double) {
                let breadth = max(high - low, 2)
                return rounded ? (FootprintOutline.frontBulge * breadth / (breadth * breadth / 4), FootprintOutline.cornerRadius * breadth) : (0, 0)
            }
            // A rounded front's corners begin on the sole's sides: each edge is the sole's at the x where
            // its corner begins (the front fallen back by the full radius there), found in a few rounds
            // (the edges move the corners' x through the centre, bulge and radius). Taken at the ball's
            // section instead, an oblique front's lateral corner, well behind it, began inside the sole's
            // side and the print stepped in there (1.9-3.4 mm on generated prints).
            if rounded {
                for _ in 0..<Self.cornerRounds {
                    let (c, radius) = bulgeAndRadius(low, high), centre = (low + high) / 2
                    func cornerX(_ y: Double) -> Double {
                        Self.x(atY: y, line: (lineA, lineB), bulge: c, centre: centre, fallingBack: radius)
                    }
                    guard let lowSection = FootTruth.section([outline.points], atX: max(cornerX(low), 0.01)),
                          let highSection = FootTruth.section([outline.points], atX: max(cornerX(high), 0.01)) else { break }
                    (low, high) = (lowSection.low, highSection.high)
                }
            }
            self.low = low
            self.high = high
            centre = (low + high) / 2
            (c, radius) = bulgeAndRadius(low, high)
            let steps = max(Int(((high - low) / 0.25).rounded(.up)), 1)
            let ys = (0...steps).map { low + (high - low) * Double($0) / Double(steps) }
            self.ys = ys
            var foremost = -Double.infinity
            for y in ys {
                let x = Self.x(atY: y, line: (a, b), bulge: c, centre: centre, fallingBack: Self.fall(y, low, high, radius))
                foremost = max(foremost, x)
            }
            foremostX = foremost
        }

        /// The rounds in which a rounded front's edges are moved to the sole's sides where its corners begin.
        static let cornerRounds = 4

        /// How far a quarter circle of radius `radius` falls back at `y`, within `radius` of either edge.
        static func fall(_ y: Double, _ low: Double, _ high: Double, _ radius: Double) -> Double {
            let inside = min(y - low, high - y)
            guard inside < radius else { return 0 }
            let from = radius - max(inside, 0)
            return radius - (radius * radius - from * from).squareRoot()
        }

        /// The front's x at `y`.
        func x(atY y: Double) -> Double {
            Self.x(atY: y, line: (a, b), bulge: c, centre: centre, fallingBack: Self.fall(y, low, high, radius))
        }

        /// A front's x at `y`: the line `a + b y`, bulged forward by `bulge` (mm per mm squared) about
        /// `centre`, fallen back by `fall` mm (a corner's quarter circle, or its whole radius).
        static func x(
            atY y: Double, line: (a: Double, b: Double), bulge c: Double, centre: Double, fallingBack fall: Double
        ) -> Double {
            line.a + line.b * y - c * (y - centre) * (y - centre) - fall
        }

        /// The ys at which the front lies at or ahead of `x` (nil when the front lies wholly behind it);
        /// unbounded on a side where the ball's edge itself lies ahead of `x`.
        func span(atX x: Double) -> ClosedRange<Double>? {
            // A square front: all of every section up to it, nothing past it.
            guard radius > 0 else { return x <= a ? -Double.infinity...Double.infinity : nil }
            guard let first = ys.firstIndex(where: { self.x(atY: $0) >= x }),
                  let last = ys.lastIndex(where: { self.x(atY: $0) >= x }) else { return nil }
            // The front is concave in y, so what lies ahead is one run; its ends are placed between samples.
            func crossing(_ inner: Int, _ outer: Int) -> Double {
                let xi = self.x(atY: ys[inner]), xo = self.x(atY: ys[outer])
                return ys[inner] + (ys[outer] - ys[inner]) * (xi - x) / max(xi - xo, 1e-12)
            }
            let lower = first == 0 ? -Double.infinity : crossing(first, first - 1)
            let upper = last == ys.count - 1 ? Double.infinity : crossing(last, last + 1)
            return lower...upper
        }
    }
}
