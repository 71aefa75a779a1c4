@testable import FootScanSynth
import Testing

/// The generator's prints whose ball ends as a real print's behind separate toe pads (`footscan synth
/// --rounded-fronts`): oblique along the toes' bases and rounded into the sides. The pads keep half the
/// toe gap clear of the print across their whole breadth, and the toes' pressure begins past the print,
/// never on the ball.
@Suite("Generator: rounded ball fronts behind separate toe pads")
struct RoundedBallFrontTests {
    /// The feet of 16 random print scenes with rounded fronts: each foot's print parameters, shape, sole
    /// outline and print.
    static func feet() -> [(parameters: FootprintParameters, shape: FootShape, outline: FootOutline, print: FootprintOutline)] {
        var conditions = SceneConditions()
        conditions.footprints = true
        conditions.roundedBallFronts = true
        return (1...16).flatMap { seed in
            ScanScene.random(seed: UInt64(41_000 + seed), conditions: conditions).feet.compactMap { foot in
                let outline = FootOutline(shape: foot.shape)
                return foot.print.map { ($0, foot.shape, outline, FootprintOutline(outline: outline, shape: foot.shape, parameters: $0)) }
            }
        }
    }

    /// The same feet's print parameters and prints.
    static func prints() -> [(parameters: FootprintParameters, print: FootprintOutline)] {
        feet().map { ($0.parameters, $0.print) }
    }

    @Test("every separate pad stands half the toe gap clear of the print across its breadth")
    func padsClearOfTheFront() throws {
        let feet = Self.prints()
        #expect(feet.count >= 16)
        for (parameters, print) in feet {
            #expect(parameters.roundedFront)
            let printPoints = print.print.flatMap { $0 }
            for pad in print.toePads {
                for p in pad {
                    // Every print vertex beside the pad's vertex (within a section's step across) lies
                    // at least half the gap behind it.
                    let ahead = printPoints.filter { abs($0.y - p.y) <= 0.25 }.map(\.x).max() ?? -.infinity
                    #expect(ahead <= p.x - 0.5 * parameters.toeGapMM + 0.01, "pad vertex \(p), print reaches \(ahead)")
                }
            }
        }
    }

    @Test("the front is oblique: the print reaches further forward at one end of the ball than the other")
    func frontIsOblique() {
        for (_, print) in Self.prints() {
            let forefoot = print.print.last ?? []
            let front = forefoot.map(\.x).max() ?? 0
            let ys = forefoot.map(\.y)
            let low = ys.min() ?? 0, high = ys.max() ?? 0
            // The print's foremost x in the outer fifths of its breadth.
            func foremost(_ range: ClosedRange<Double>) -> Double { forefoot.filter { range.contains($0.y) }.map(\.x).max() ?? 0 }
            let one = foremost(low...low + 0.2 * (high - low)), other = foremost(high - 0.2 * (high - low)...high)
            #expect(abs(one - other) >= 3, "ends \(one) and \(other), front \(front)")
        }
    }

    @Test("the front's corners begin on the sole's sides: the print's edge leaves the sole's without a step")
    func cornersBeginOnTheSides() {
        var corners = 0
        for (parameters, shape, outline, print) in Self.feet() {
            let forefoot = print.print.last ?? []
            // The forefoot's print is its sections' low ends, then their high ends backwards.
            let n = forefoot.count / 2
            let lows = forefoot.prefix(n), highs = forefoot.suffix(n).reversed()
            // Where the print is the sole's full section (past the midfoot band's widening), the first
            // section whose edge lies inside the sole's is where a corner begins: it leaves the side as a
            // quarter circle does, by hundredths of a millimetre, not by a step.
            let full = parameters.forefootStart * shape.lengthMM + 12
            for (side, isLow) in [(Array(lows), true), (Array(highs), false)] {
                let inset = side.filter { $0.x > full }.compactMap { p -> Double? in
                    guard let sole = FootTruth.section([outline.points], atX: p.x) else { return nil }
                    return isLow ? p.y - sole.low : sole.high - p.y
                }
                guard let first = inset.first(where: { $0 > 0.05 }) else { continue }
                corners += 1
                #expect(first < 0.5, "the corner begins \(first) mm inside the sole's side")
            }
        }
        #expect(corners >= 32)
    }

    @Test("the toes' pressure begins past the print, and on every pad")
    func toePressureBeginsPastThePrint() {
        for (_, print) in Self.prints() {
            for p in print.print.flatMap({ $0 }) {
                #expect(print.toesBegin(atY: p.y) > p.x, "print vertex \(p) takes the toes' pressure")
            }
            for p in print.toePads.flatMap({ $0 }) {
                #expect(print.toesBegin(atY: p.y) <= p.x + 0.01, "pad vertex \(p) takes the ball's pressure")
            }
        }
    }
}
