@testable import FootScanEngine
import FootScanImage
import Testing

@Suite("Visible area: light bands along the edges")
struct VisibleAreaTests {
    /// A 300 x 220 dark bed at 0.5 mm a pixel with a light blob in the middle and light bands as asked.
    static func image(left: Int = 0, right: Int = 0, top: Int = 0, bottom: Int = 0, ragged: Bool = false) -> ScanImage {
        let width = 300, height = 220
        // A little texture, as every scan has (a two-valued picture leaves Otsu's threshold undecided).
        var pixels = [UInt8](repeating: 0, count: width * height)
        for i in pixels.indices {
            let texture: Int = (i * 7 + i / width) % 9
            pixels[i] = UInt8(20 + texture)
        }
        for y in 0..<height {
            for x in 0..<width {
                // The blob's edge is a ramp 3 pixels wide, as a lens draws it (a two-valued picture leaves
                // Otsu's threshold at the lower cluster).
                let dx = Double(x - 150) / 50, dy = Double(y - 110) / 70
                var light = min(max((1 - (dx * dx + dy * dy).squareRoot()) * 50 / 3, 0), 1)
                let wobble = ragged ? (y % 7 == 0 ? 2 : 0) : 0
                if x < left + wobble || x >= width - right - wobble || y < top || y >= height - bottom { light = 1 }
                let texture: Int = (x * 3 + y) % 11
                if light > 0 { pixels[y * width + x] = UInt8(Double(pixels[y * width + x]) * (1 - light) + Double(205 - texture) * light) }
            }
        }
        let density = ScanDensity(dotsPerInch: 50.8, source: .option)
        return ScanImage(width: width, height: height, packedPixels: pixels, density: density,
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8, colourType: "grey", interlaced: false))
    }

    @Test("reading the edges' pixels finds exactly what the runs find", arguments: [
        (0, 0, 0, 0, false), (6, 0, 0, 0, false), (0, 9, 0, 0, true), (0, 0, 5, 0, false), (0, 0, 0, 4, false), (4, 7, 0, 0, true),
    ])
    func pixelsAgreeWithRuns(left: Int, right: Int, top: Int, bottom: Int, ragged: Bool) {
        let picture = Self.image(left: left, right: right, top: top, bottom: bottom, ragged: ragged)
        let segmentation = Segmentation(image: picture, pixelMM: 0.5)
        let fromRuns = segmentation.visible
        let fromPixels = VisibleArea.detect(image: picture, test: segmentation.test, pixelMM: 0.5)
        #expect(fromPixels == fromRuns)
        // And a band is found where one was drawn.
        if left + right + top + bottom > 0 {
            #expect(fromPixels != VisibleArea(width: picture.width, height: picture.height), "no band found: \(fromPixels), threshold \(segmentation.threshold), foot lighter \(segmentation.footIsLighter), border \(segmentation.borderMean)")
        }
    }
}

