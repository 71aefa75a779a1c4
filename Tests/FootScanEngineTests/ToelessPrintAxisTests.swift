@testable import FootScanEngine
import Foundation
import Testing

/// The axis of a print that shows no toe: aimed where toe 2 stands on the forefoot's front
/// (`FootMeasurer.toelessPrintAxis`), on hand-made prints in millimetres.
@Suite("The axis of a print without toes")
struct ToelessPrintAxisTests {
    /// A split print with its heel (x 0-60, y -30...30, its back pointed at the origin) and its forefoot
    /// (x 140-200, y -45...45) apart, and, when asked, a lone toe pad ahead of it: the points and each
    /// part's range.
    static func splitPrint(pad: Bool) -> (points: [SIMD2<Double>], parts: [Range<Int>]) {
        func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [SIMD2<Double>] {
            [SIMD2(x0, y0), SIMD2(x1, y0), SIMD2(x1, y1), SIMD2(x0, y1)]
        }
        let heel: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(10, -30), SIMD2(60, -30), SIMD2(60, 30), SIMD2(10, 30)]
        var points = heel + rectangle(140, -45, 200, 45)
        if pad { points += rectangle(215, 10, 230, 25) }
        let parts = [0..<5, 5..<9] + (pad ? [9..<13] : [])
        return (points, parts)
    }

    /// Where toe 2's place lies across the axis, mm, in the frame of `axis`: the point
    /// `FootMeasurer.toeTwoShare` of the ball's breadth from its medial edge (+y when `medialSign` is +1),
    /// the ball's edges being the print's most medial and most lateral points ahead of
    /// `FootMeasurer.toelessBallFrom` of its length.
    static func offset(points: [SIMD2<Double>], parts: [Range<Int>], print: [Range<Int>], axis: SIMD2<Double>,
                       medialSign: Double) -> Double {
        let frame = Frame(points: points, parts: parts, axis: axis)
        let indices = print.flatMap { $0 }
        let front = indices.map { frame.xs[$0] }.max() ?? 0
        let ball = indices.filter { frame.xs[$0] >= FootMeasurer.toelessBallFrom * front }.map { frame.ys[$0] * medialSign }
        let medialEdge = ball.max() ?? 0, lateralEdge = ball.min() ?? 0
        return medialSign * (medialEdge - FootMeasurer.toeTwoShare * (medialEdge - lateralEdge))
    }

    /// The split print of ``splitPrint(pad:)`` with its forefoot's front oblique: the medial corner at
    /// x 200, the lateral one at 170 (as a real ball's front runs along the metatarsal heads).
    static func obliqueFront(medialSign: Double) -> (points: [SIMD2<Double>], parts: [Range<Int>]) {
        let heel: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(10, -30), SIMD2(60, -30), SIMD2(60, 30), SIMD2(10, 30)]
        let forefoot = [SIMD2(140, -45 * medialSign), SIMD2(170, -45 * medialSign), SIMD2(200, 45 * medialSign), SIMD2(140, 45 * medialSign)]
        return (heel + forefoot, [0..<5, 5..<9])
    }

    @Test("the axis runs through toe 2's place, turned towards the medial side, either side", arguments: [1.0, -1.0])
    func throughToeTwosPlace(medialSign: Double) {
        let (points, parts) = Self.splitPrint(pad: false)
        let start = Frame(points: points, parts: parts, axis: SIMD2(1, 0))
        // Along +x, toe 2's place stands 10.35 mm medial of the axis (45 - 0.385 * 90).
        #expect(abs(Self.offset(points: points, parts: parts, print: parts, axis: SIMD2(1, 0), medialSign: medialSign) - 10.35 * medialSign) < 1e-9)
        let axis = FootMeasurer.toelessPrintAxis(points: points, parts: parts, print: parts, from: start,
                                                 medialSign: medialSign, pternionBand: 0).axis
        #expect(abs((axis * axis).sum() - 1) < 1e-9)
        // About 10.35 mm over 200 mm, and more as the turn brings the forefoot's back corner out medially:
        // 3.6 degrees towards the medial side.
        let turn = atan2(axis.y, axis.x) * 180 / Double.pi
        #expect(turn * medialSign > 3 && turn * medialSign < 4.5, "turned \(turn) degrees")
        let offset = Self.offset(points: points, parts: parts, print: parts, axis: axis, medialSign: medialSign)
        #expect(abs(offset) < 0.01, "toe 2's place \(offset) mm off the axis")
    }

    @Test("a lone toe pad ahead is left out: the forefoot's front decides, not the pad's")
    func padLeftOut() {
        let (points, parts) = Self.splitPrint(pad: true)
        let print = Array(parts.prefix(2))
        let start = Frame(points: points, parts: parts, axis: SIMD2(1, 0))
        let withPad = FootMeasurer.toelessPrintAxis(points: points, parts: parts, print: print, from: start, medialSign: 1, pternionBand: 0).axis
        let (bare, bareParts) = Self.splitPrint(pad: false)
        let without = FootMeasurer.toelessPrintAxis(points: bare, parts: bareParts, print: bareParts,
                                                    from: Frame(points: bare, parts: bareParts, axis: SIMD2(1, 0)), medialSign: 1, pternionBand: 0).axis
        #expect(abs(withPad.x - without.x) < 1e-6 && abs(withPad.y - without.y) < 1e-6, "\(withPad) against \(without)")
    }

    @Test("an oblique front: the ball's edges decide, not a section behind the front", arguments: [1.0, -1.0])
    func obliqueFront(medialSign: Double) {
        let (points, parts) = Self.obliqueFront(medialSign: medialSign)
        let start = Frame(points: points, parts: parts, axis: SIMD2(1, 0))
        let axis = FootMeasurer.toelessPrintAxis(points: points, parts: parts, print: parts, from: start,
                                                 medialSign: medialSign, pternionBand: 0).axis
        let offset = Self.offset(points: points, parts: parts, print: parts, axis: axis, medialSign: medialSign)
        #expect(abs(offset) < 0.01, "toe 2's place \(offset) mm off the axis")
        // Nearly the square print's turn (3.9 degrees against 3.6). A section 10 mm behind this front
        // crosses a third of the ball, at its medial end: read there (0.4 of its breadth), toe 2's place
        // came 23 mm further medial along x.
        let turn = atan2(axis.y, axis.x) * 180 / Double.pi
        #expect(turn * medialSign > 3 && turn * medialSign < 4.5, "turned \(turn) degrees")
    }
}
