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

    /// Builds the print of a foot from its outline.
    public init(outline: FootOutline, shape: FootShape, parameters: FootprintParameters) {
        let length = shape.lengthMM
        let front = outline.toeBaseX - parameters.toeGapMM
        let lateralSign = shape.side == .right ? -1.0 : 1.0 // the big toe is on +y for a right foot
        let heelEnd = parameters.heelEnd * length, forefootStart = parameters.forefootStart * length
        // Cross-sections of the sole, then of the print, every 0.25 mm from the heel to the front.
        var lows: [Point2] = [], highs: [Point2] = []
        var heelPart: (lows: [Point2], highs: [Point2]) = ([], [])
        var split = false
        var x = 0.0
        while x <= front {
            guard let section = FootTruth.section([outline.points], atX: max(x, 0.01)) else { x += 0.25; continue }
            // The band narrows from the full section behind heelEnd to the lateral band, and widens again
            // to the full section after forefootStart, over 12 mm each.
            let full = section.high - section.low
            let fromHeel = min(max((x - heelEnd) / 12, 0), 1), toForefoot = min(max((forefootStart - x) / 12, 0), 1)
            let narrowing = min(fromHeel, toForefoot)
            let band = full - (full - min(parameters.midfootBandMM, full)) * FootprintOutline.smooth(narrowing)
            let (a, b): (Double, Double) = lateralSign < 0 ? (section.low, section.low + band) : (section.high - band, section.high)
            if band <= 0.05 {
                if !split && !lows.isEmpty { heelPart = (lows, highs); lows = []; highs = [] }
                split = true
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
        let printed = outline.toeTips.count - min(max(parameters.missingToePads, 0), 3)
        axisPads = outline.toeTips.prefix(printed).enumerated().map { index, tip in
            let size = outline.toeSizes[index]
            // Each pad ends 1.5 mm behind its toe's tip and starts at least half the toe gap clear of the
            // forefoot's print, so that pads and print never touch; a touching pad reaches 1 mm into it.
            let touches = parameters.touchingToePads.contains(index)
            let room = (tip.x - 1.5) - (touches ? front - 1 : front + 0.5 * parameters.toeGapMM)
            let halfLength = touches ? room / 2 : min((index == 0 ? 0.75 : 0.6) * size.capLength + 2, room / 2)
            let halfWidth = 0.8 * size.halfWidth
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
    }

    static func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }
}
