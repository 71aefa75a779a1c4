@testable import FootScanEngine
import Testing

/// The box covering points, against its definition on hand-made points.
@Suite("Pixel box")
struct PixelBoxTests {
    @Test("the box covers the points, rounded outwards, in any order")
    func covering() {
        let points: [SIMD2<Double>] = [SIMD2(12.5, 40.2), SIMD2(3.7, 9.0), SIMD2(30.1, 22.9), SIMD2(8, 55.5)]
        let box = PixelBox(covering: points, width: 100, height: 100)
        #expect(box == PixelBox(x: 3, y: 9, width: 29, height: 48))
        #expect(PixelBox(covering: points.reversed(), width: 100, height: 100) == box)
        #expect(PixelBox(covering: [SIMD2(7, 7)], width: 100, height: 100) == PixelBox(x: 7, y: 7, width: 1, height: 1))
    }

    @Test("the box is clipped to the image; points off the image, or none, cover no pixel")
    func clipped() {
        let box = PixelBox(covering: [SIMD2(-20, -5.5), SIMD2(150.2, 30)], width: 100, height: 80)
        #expect(box == PixelBox(x: 0, y: 0, width: 100, height: 31))
        #expect(PixelBox(covering: [SIMD2(120, 10), SIMD2(140, 20)], width: 100, height: 80).isEmpty)
        #expect(PixelBox(covering: [], width: 100, height: 80).isEmpty)
        #expect(box.contains(x: 99, y: 30) && !box.contains(x: 100, y: 30) && !box.contains(x: 5, y: 31))
    }
}
