@testable import FootScanEngine
import Testing

/// The spans a convex hull covers row by row (`HullSpans`), on hand-made runs.
@Suite("Hull spans")
struct HullSpansTests {
    static func run(_ row: Int32, _ start: Int32, _ end: Int32) -> ForegroundRun {
        ForegroundRun(row: row, start: start, end: end)
    }

    /// An L: rows 0-9 hold x 0-2; row 10 holds x 0-10. Its hull is (0,0), (2,0), (10,10), (0,10): x from
    /// 0 to 2 at row 0, to 10 at row 10.
    static let lShape: [ForegroundRun] = (0..<10).map { run(Int32($0), 0, 3) } + [run(10, 0, 11)]

    @Test("an L's hull: the notch is inside, pixels beyond the diagonal or the reach are not")
    func lShape() {
        let spans = HullSpans(runs: Self.lShape)
        #expect(spans.firstRow == 0 && spans.spans.count == 11)
        // Row 5: the hull reaches from x 0 to 2 + 8 * 5 / 10 = 6.
        #expect(spans.columns(row: 5, width: 100) == 0...6)
        #expect(spans.columns(row: 5, width: 4) == 0...3)
        #expect(spans.columns(row: 11, width: 100) == nil)
        #expect(spans.pixelsOutside(Self.run(5, 0, 7), reachX: 0, reachY: 0) == 0)
        #expect(spans.pixelsOutside(Self.run(5, 0, 9), reachX: 0, reachY: 0) == 2)
        #expect(spans.pixelsOutside(Self.run(5, 7, 9), reachX: 0, reachY: 0) == 2)
        // Rows beyond the hull are outside altogether.
        #expect(spans.pixelsOutside(Self.run(11, 0, 3), reachX: 0, reachY: 0) == 3)
        #expect(spans.pixelsOutside(Self.run(-1, 0, 3), reachX: 0, reachY: 0) == 3)
        // With a reach of 2 pixels and a row, row 5 holds x -2 to 8 (not 9), and row 11 takes row 10's span.
        #expect(spans.pixelsOutside(Self.run(5, -2, 10), reachX: 2, reachY: 1) == 1)
        #expect(spans.pixelsOutside(Self.run(11, 0, 13), reachX: 2, reachY: 1) == 0)
        #expect(spans.pixelsOutside(Self.run(-1, 0, 5), reachX: 2, reachY: 1) == 0)
        #expect(spans.pixelsOutside(Self.run(12, 0, 3), reachX: 2, reachY: 1) == 3)
    }

    @Test("no runs: every pixel is outside, no row has columns")
    func empty() {
        let spans = HullSpans(runs: [])
        #expect(spans.pixelsOutside(Self.run(0, 0, 4), reachX: 1, reachY: 1) == 4)
        #expect(spans.columns(row: 0, width: 10) == nil)
    }
}
