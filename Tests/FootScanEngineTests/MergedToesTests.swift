@testable import FootScanEngine
import Foundation
import Testing

/// Toes joined to a print's forefoot, on hand-made outlines in the axis frame (mm): found beside the
/// pads apart, cut off at their crease, and not found on a forefoot's own front.
@Suite("Merged toes")
struct MergedToesTests {
    /// A print outline (counter-clockwise, about every 0.5 mm): heel at x = 0, the forefoot's front at
    /// x = 200 between y = -40 and 40, and, when `toe` is set, a toe 16 mm wide standing 15 mm proud of
    /// the front at its lateral end (y -40 to -24), with a notch where it meets the front.
    static func print(toe: Bool) -> [SIMD2<Double>] {
        var corners: [SIMD2<Double>] = [SIMD2(0, -40), SIMD2(200, -40)]
        if toe { corners += [SIMD2(215, -40), SIMD2(215, -24), SIMD2(198, -24)] }
        corners += [SIMD2(200, 40), SIMD2(0, 40)]
        return [SIMD2<Double>](polygonThrough: corners)
    }

    /// Four round pads ahead of the front, across y = -15 to 30.
    static func pads() -> [[SIMD2<Double>]] {
        [-15.0, 0, 15, 30].map { y in (0..<24).map { k in
            let a = Double(k) / 24 * 2 * Double.pi
            let x: Double = 212 + 5 * cos(a), across: Double = y + 5 * sin(a)
            return SIMD2(x, across)
        } }
    }

    /// A print whose forefoot's front is oblique, as a real ball's along the metatarsal heads: x = 200 +
    /// y / 4, from 190 at its lateral end (y = -40) to 210 at its medial end (y = 40). When `toe` is set,
    /// a big toe 20 mm wide (y 20 to 40) stands to x = 225 at the medial end, its medial side in line
    /// with the ball's, with a notch 2 mm deep where it meets the front; with `dent`, a dent 2 mm deep in
    /// its medial rim 4 to 6 mm behind its tip.
    static func obliquePrint(toe: Bool, dent: Bool = false) -> [SIMD2<Double>] {
        var corners: [SIMD2<Double>] = [SIMD2(0, -40), SIMD2(190, -40)]
        corners += toe ? [SIMD2(205, 20), SIMD2(203, 20), SIMD2(225, 20), SIMD2(225, 40)] : [SIMD2(210, 40)]
        if toe && dent { corners += [SIMD2(221, 40), SIMD2(220, 38), SIMD2(219, 40)] }
        corners += [SIMD2(0, 40)]
        return [SIMD2<Double>](polygonThrough: corners)
    }

    /// The pads of toes 2 to 5 ahead of that oblique front, 10 mm past it.
    static func obliquePads() -> [[SIMD2<Double>]] {
        [8.0, -8, -22, -36].map { y in (0..<24).map { k in
            let a = Double(k) / 24 * 2 * Double.pi
            return SIMD2(210 + y / 4 + 4 * cos(a), y + 4 * sin(a))
        } }
    }

    static func frame(_ outlines: [[SIMD2<Double>]]) -> (Frame, [Range<Int>]) {
        var ranges: [Range<Int>] = []
        for outline in outlines { ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + outline.count)) }
        return (Frame(points: outlines.flatMap { $0 }, parts: ranges, axis: SIMD2(1, 0)), ranges)
    }

    /// The toes found joined to `print` (the first outline) beside `pads`, with the frame they were found in.
    static func mergedToes(print: [SIMD2<Double>], pads: [[SIMD2<Double>]]) -> (MergedToes, Frame, [Range<Int>]) {
        let (frame, ranges) = frame([print] + pads)
        return (MergedToes(frame: frame, print: [ranges[0]], pads: Array(ranges.dropFirst()), length: frame.length), frame, ranges)
    }

    /// The print (the first outline in `frame`) with `merged`'s toes cut off.
    static func printWithoutToes(_ merged: MergedToes, frame: Frame, ranges: [Range<Int>]) -> [SIMD2<Double>] {
        let points = frame.xs.indices.map { SIMD2(frame.xs[$0], frame.ys[$0]) }
        return merged.printWithoutToes(points: points, print: [ranges[0]]).points
    }

    @Test("a fifth toe joined at the forefoot's corner: found, its tip at its end, cut off at the notch")
    func joined() throws {
        let (merged, frame, ranges) = Self.mergedToes(print: Self.print(toe: true), pads: Self.pads())
        #expect(merged.toes.count == 1)
        let toe = try #require(merged.toes.first)
        // The frame's origin is the heel's corner (0, -40): y is ys - 40.
        #expect(abs(frame.xs[toe.tip] - 215) < 0.6 && frame.ys[toe.tip] + frame.origin.y < -23)
        // The toe's vertices lie beyond the notch (x 198 to 200), and its area is about 16 x 15 mm.
        #expect(toe.run.allSatisfy { frame.xs[$0] >= 197.9 })
        #expect(abs(merged.area(of: toe, frame: frame) - 16 * 15) < 40)
        let toeless = Self.printWithoutToes(merged, frame: frame, ranges: ranges)
        #expect(toeless.allSatisfy { $0.x <= 200.01 }, "the print without its toe ends at the front")
    }

    @Test("a forefoot's own front, or a bump behind a pad, is no toe")
    func none() {
        #expect(Self.mergedToes(print: Self.print(toe: false), pads: Self.pads()).0.toes.isEmpty)
    }

    @Test("a big toe joined to an oblique front: cut off at its neck, not with the front falling away past it")
    func joinedToAnObliqueFront() throws {
        let (merged, frame, ranges) = Self.mergedToes(print: Self.obliquePrint(toe: true), pads: Self.obliquePads())
        #expect(merged.toes.count == 1)
        let toe = try #require(merged.toes.first)
        #expect(abs(frame.xs[toe.tip] - 225) < 0.6)
        // The toe's vertices lie beyond the notch (x 203), none on the front beside it, and its area is
        // about 20 x 21 mm.
        #expect(toe.run.allSatisfy { frame.xs[$0] >= 202.9 })
        #expect(abs(merged.area(of: toe, frame: frame) - 20 * 21) < 40)
        let toeless = Self.printWithoutToes(merged, frame: frame, ranges: ranges)
        #expect(toeless.allSatisfy { $0.x <= 205.01 }, "the print without its toe ends at the front")
    }

    @Test("a dent in a joined toe's rim near its tip is no neck: the toe is still cut off at its base")
    func dentNearTheTip() throws {
        let (merged, frame, ranges) = Self.mergedToes(print: Self.obliquePrint(toe: true, dent: true), pads: Self.obliquePads())
        let toe = try #require(merged.toes.first)
        #expect(merged.toes.count == 1 && abs(frame.xs[toe.tip] - 225) < 0.6)
        // Cut at its neck (x 203), its area about 20 x 21 mm less the dent's 2 mm²; not 5 mm behind its tip.
        #expect(abs(merged.area(of: toe, frame: frame) - 20 * 21) < 40)
        let toeless = Self.printWithoutToes(merged, frame: frame, ranges: ranges)
        #expect(toeless.allSatisfy { $0.x <= 205.01 }, "the print without its toe ends at the front")
    }

    /// A print with two joined toes, the medial one shorter: toe 2 (y 6 to 22) to x = 215, toe 1 (y 24 to
    /// 40) to x = 213, the col between them at x = 208, 7 mm behind toe 2's tip. Walking from toe 2 over
    /// the lower toe 1, the col used to be sought past toe 1 (the neck lies under 8 mm behind the tip),
    /// and toe 2's protrusion took toe 1 in: one toe 34 mm broad where two stand (a generated pressure
    /// map's toe 2 was missed, its axis aimed at toe 3, its width 1.8 mm out).
    static func twoToesPrint() -> [SIMD2<Double>] {
        [SIMD2<Double>](polygonThrough: [SIMD2(0, -40), SIMD2(200, -40), SIMD2(200, 6), SIMD2(215, 6), SIMD2(215, 22),
                                         SIMD2(208, 23), SIMD2(213, 24), SIMD2(213, 40), SIMD2(0, 40)])
    }

    @Test("a longer toe beside a shorter one: both found, parted at the col between them")
    func longerToeBesideAShorter() throws {
        let (merged, frame, _) = Self.mergedToes(print: Self.twoToesPrint(), pads: [])
        #expect(merged.toes.count == 2)
        let tips = merged.toes.map { frame.xs[$0.tip] }.sorted()
        #expect(tips.count == 2 && abs(tips[0] - 213) < 0.6 && abs(tips[1] - 215) < 0.6, "tips at \(tips)")
        // Each toe's vertices lie beyond the col (x 208); toe 2's about 16 x 7 mm of area and more.
        for toe in merged.toes {
            #expect(toe.run.allSatisfy { frame.xs[$0] >= 207.9 })
            let across = toe.run.map { frame.ys[$0] }
            #expect((across.max() ?? 0) - (across.min() ?? 0) < 18, "one toe's breadth")
        }
    }

    @Test("an oblique front's foremost corner is no toe")
    func obliqueFrontAlone() {
        #expect(Self.mergedToes(print: Self.obliquePrint(toe: false), pads: Self.obliquePads()).0.toes.isEmpty)
    }
}
