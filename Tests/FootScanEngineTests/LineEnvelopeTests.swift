import Foundation
@testable import FootScanEngine
import Testing

@Suite("Line envelope: the largest of many lines, by binary search")
struct LineEnvelopeTests {
    @Test("three lines: each holds where it is the largest; a line below the others never shows")
    func threeLines() {
        // v = -x, v = 0.2 (and v = -1, always below), v = x - 4.
        let envelope = LineEnvelope(slopes: [1, 0, -1, 0], intercepts: [-4, 0.2, 0, -1])
        #expect(envelope.value(at: -3) == 3)
        #expect(envelope.value(at: 2) == 0.2)
        #expect(envelope.value(at: 10) == 6)
        #expect(LineEnvelope(slopes: [], intercepts: []).value(at: 0) == -.infinity)
    }

    @Test("a polygon's excess along a row is the envelope of its normals' lines, at every pixel")
    func hullExcessAlongRows() {
        // A heel-like ellipse's support along the 64 normals.
        let contour = (0..<90).map { k -> SIMD2<Double> in
            let t = Double(k) / 90 * 2 * Double.pi
            return SIMD2(50 + 22 * cos(t), 70 + 35 * sin(t))
        }
        let support = HeelCloth.directions.map { n in contour.reduce(-Double.infinity) { max($0, ($1 * n).sum()) } }
        let bounds = HeelCloth.Bounds(support: support, margin: 0, pternion: SIMD2(50, 105), axis: SIMD2(0, -1), heelLength: 10,
                                      handoverLength: 20, rearLength: 40, taperLength: 35, rearBox: PixelBox(x: 0, y: 0, width: 0, height: 0),
                                      nearBox: PixelBox(x: 0, y: 0, width: 0, height: 0))
        var largestDifference = 0.0, outsideCount = 0
        for y in Swift.stride(from: 0, through: 140, by: 7) {
            let row = bounds.hullExcess(row: y)
            for x in 0...100 {
                let exact = HeelCloth.excess(SIMD2(Double(x), Double(y)), support: support)
                largestDifference = max(largestDifference, abs(max(0, row.value(at: Double(x))) - exact))
                if exact > 0 { outsideCount += 1 }
            }
        }
        #expect(largestDifference < 1e-9)
        #expect(outsideCount > 1000, "most of the pixels lie outside the hull")
    }
}
