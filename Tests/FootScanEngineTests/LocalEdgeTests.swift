@testable import FootScanEngine
import FootScanImage
import Testing

/// The local-edge refinement on a hand-made image: a dark square whose outline was traced 0.4 px
/// inside its true edges.
@Suite("Local edge")
struct LocalEdgeTests {
    /// 40 x 40 pixels, bed 220, the square (grey 40) over columns 10-29 and rows 14-34: its edges lie
    /// at x = 9.5 and 29.5, y = 13.5 and 34.5.
    static let image: ScanImage = {
        var pixels = [UInt8](repeating: 220, count: 40 * 40)
        for y in 14...34 {
            for x in 10...29 { pixels[y * 40 + x] = 40 }
        }
        return ScanImage(width: 40, height: 40, packedPixels: pixels, density: nil,
                         source: ImageSourceDescription(format: .png, storedWidth: 40, storedHeight: 40, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }()

    /// The square's outline 0.4 px inside its edges, a vertex every pixel, clockwise on screen.
    static let outline: [SIMD2<Double>] = {
        let left = 9.9, right = 29.1, top = 13.9, bottom = 34.1
        var points: [SIMD2<Double>] = []
        for x in stride(from: left, to: right, by: 1) { points.append(SIMD2(x, top)) }
        for y in stride(from: top, to: bottom, by: 1) { points.append(SIMD2(right, y)) }
        for x in stride(from: right, to: left, by: -1) { points.append(SIMD2(x, bottom)) }
        for y in stride(from: bottom, to: top, by: -1) { points.append(SIMD2(left, y)) }
        return points
    }()

    @Test("vertices move onto the edge; those whose profile would leave the image stay, also when the profile's half-pixel samples run past the reach")
    func refined() {
        // reach 4.76 px: the samples, half a pixel apart, run to 5.0 px; from the bottom edge's vertices
        // (y 34.1) 4.76 px stays inside the image's last row but 5.0 does not.
        let edge = LocalEdge(image: Self.image, footIsLighter: false, visible: VisibleArea(width: 40, height: 40),
                             reach: 4.76, minimumStep: 20)
        let refined = edge.refined(Self.outline)
        #expect(refined.count == Self.outline.count)
        for (before, after) in zip(Self.outline, refined) {
            if before.y == 13.9, (14.0...26.0).contains(before.x) { #expect(abs(after.y - 13.5) < 0.05, "top \(after)") }
            if before.x == 9.9, (17.0...30.0).contains(before.y) { #expect(abs(after.x - 9.5) < 0.05, "left \(after)") }
            if before.x == 29.1, (17.0...30.0).contains(before.y) { #expect(abs(after.x - 29.5) < 0.05, "right \(after)") }
            if before.y == 34.1, (14.0...26.0).contains(before.x) { #expect(after == before, "bottom \(after)") }
        }
    }
}
