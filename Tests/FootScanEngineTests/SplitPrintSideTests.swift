@testable import FootScanEngine
import Testing

/// The split print's side cue (`SideCues.splitGaps`): on a print whose heel and forefoot lie apart, the
/// lateral side stays in contact longer, so the gap between them is shorter there. Hand-made prints in mm.
@Suite("The side cue of a split print")
struct SplitPrintSideTests {
    /// A split print along +x: a heel (x 0-60, y -30...30) whose front runs on to x 72 on the lateral
    /// side, and a forefoot (x 140-200, y -40...40) whose back starts at x 128 on the lateral side. The
    /// lateral side is -y when `lateral` is -1, +y when +1.
    static func splitPrint(lateral: Double) -> (points: [SIMD2<Double>], parts: [Range<Int>]) {
        let heel: [SIMD2<Double>] = [SIMD2(0, -30), SIMD2(60 + 6 - 6 * lateral, -30), SIMD2(60 + 6 + 6 * lateral, 30), SIMD2(0, 30)]
        let forefoot: [SIMD2<Double>] = [SIMD2(140 - 6 + 6 * lateral, -40), SIMD2(200, -40), SIMD2(200, 40), SIMD2(140 - 6 - 6 * lateral, 40)]
        return (heel + forefoot, [0..<4, 4..<8])
    }

    @Test("the longer gap is the medial side's, either way round", arguments: [-1.0, 1.0])
    func medialSideHasTheLongerGap(lateral: Double) throws {
        let (points, parts) = Self.splitPrint(lateral: lateral)
        let frame = Frame(points: points, parts: parts, axis: SIMD2(1, 0))
        let gaps = try #require(SideCues.splitGaps(frame: frame, print: parts))
        // The band where both parts lie is y -30...30; the gaps are read 9 mm in from each edge, 42 mm
        // apart: the heel's front slants 12 mm over 60, the forefoot's back 12 over 80 (8.4 + 6.3 mm).
        let lateralGap = lateral > 0 ? gaps.plus : gaps.minus, medialGap = lateral > 0 ? gaps.minus : gaps.plus
        #expect(abs(medialGap - lateralGap - 14.7) < 1e-6, "gaps \(gaps)")
        // The cue alone says the medial side is the one away from the lateral side, with full confidence.
        let cues = SideCues(frame: frame, main: parts[0], print: parts, tips: [], bigToe: nil)
        #expect(cues.vote * lateral < 0, "vote \(cues.vote)")
        #expect(cues.confidence(medialSign: -lateral) == 1)
    }

    @Test("no cue from a print in one part, or from parts side by side with too narrow a band in common")
    func noCue() {
        let (points, parts) = Self.splitPrint(lateral: 1)
        let frame = Frame(points: points, parts: parts, axis: SIMD2(1, 0))
        #expect(SideCues.splitGaps(frame: frame, print: [parts[0]]) == nil)
        // A forefoot beside the heel's edge: they share only y 25...30.
        let shifted = points.enumerated().map { index, p in index >= 4 ? p + SIMD2(0, 65) : p }
        #expect(SideCues.splitGaps(frame: Frame(points: shifted, parts: parts, axis: SIMD2(1, 0)), print: parts) == nil)
    }
}
