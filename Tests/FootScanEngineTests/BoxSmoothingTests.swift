@testable import FootScanEngine
import FootScanImage
import Testing

/// The box smoothing kernel against the filter it stands for, computed the plain way: every output
/// pixel the rounded mean of its window, the border continuing its nearest pixel, each pass on the
/// last one's rounded bytes.
@Suite("Box smoothing kernel")
struct BoxSmoothingTests {
    /// One box pass the plain way: for each pixel, the window's sum over clamped positions.
    static func reference(_ pixels: [UInt8], width: Int, height: Int, radius: Int, alongRows: Bool) -> [UInt8] {
        let window = 2 * radius + 1
        var out = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0
                for d in -radius...radius {
                    let sx = alongRows ? min(max(x + d, 0), width - 1) : x
                    let sy = alongRows ? y : min(max(y + d, 0), height - 1)
                    sum += Int(pixels[sy * width + sx])
                }
                out[y * width + x] = UInt8((sum + window / 2) / window)
            }
        }
        return out
    }

    static func image(_ width: Int, _ height: Int, seed: UInt64) -> (ScanImage, [UInt8]) {
        // A small linear congruential sequence: texture, steps and saturated runs of bytes.
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        var pixels = [UInt8](repeating: 0, count: width * height)
        for index in pixels.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = UInt8(truncatingIfNeeded: state >> 56)
            pixels[index] = index % 7 == 0 ? 255 : index % 11 == 0 ? 0 : r
        }
        let image = ScanImage(width: width, height: height, packedPixels: pixels, density: ScanDensity(dotsPerInch: 100, source: .option),
                              source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                             colourType: "grey", interlaced: false))
        return (image, pixels)
    }

    @Test("every pixel equals the plain filter's, at radii wider and narrower than the image, one or two passes",
          arguments: [(37, 23, 1), (37, 23, 3), (64, 5, 2), (5, 64, 2), (9, 9, 12), (1, 17, 4), (17, 1, 4), (101, 31, 7)])
    func matchesPlainFilter(width: Int, height: Int, radius: Int) {
        let (image, pixels) = Self.image(width, height, seed: UInt64(width * 1000 + height * 10 + radius))
        for passes in [1, 2] {
            var expected = pixels
            for _ in 0..<passes {
                expected = Self.reference(expected, width: width, height: height, radius: radius, alongRows: true)
                expected = Self.reference(expected, width: width, height: height, radius: radius, alongRows: false)
            }
            let smoothed = BoxSmoothing.smoothed(image, radius: radius, passes: passes)
            var mismatches = 0
            for y in 0..<height { for x in 0..<width where smoothed[x, y] != expected[y * width + x] { mismatches += 1 } }
            #expect(mismatches == 0, "\(width) x \(height), radius \(radius), \(passes) passes: \(mismatches) pixels differ")
        }
    }

    @Test("the mean by reciprocal is the rounded quotient, on 32-bit products up to 255 pixels wide, 64-bit ones up to 4096, and beyond")
    func reciprocalMean() {
        for window in [3, 5, 7, 25, 51, 253, 255, 257, 1001, 4095, 4097] where window % 2 == 1 {
            let mean = BoxSmoothing.WindowMean(window: window)
            var wrong = 0
            for sum in 0...(255 * window) {
                if Int(mean(UInt32(sum))) != (sum + window / 2) / window { wrong += 1 }
            }
            // The window's largest sum, always.
            if Int(mean(UInt32(255 * window))) != 255 { wrong += 1 }
            #expect(wrong == 0, "window \(window): \(wrong) sums")
        }
    }
}
