@testable import FootScanEngine
import FootScanImage
import Testing

/// The quick look's reduction against its definition, computed the plain way on small images.
@Suite("Strip means kernel")
struct StripMeansTests {
    @Test("each pixel is the rounded mean of its block's middle row; leftover rows and columns dropped; the density reduced",
          arguments: [(width: 7, height: 5, factor: 2), (width: 40, height: 33, factor: 3), (width: 37, height: 12, factor: 12), (width: 5, height: 5, factor: 5)])
    func reducedByStrips(width: Int, height: Int, factor: Int) {
        let (image, pixels) = BoxSmoothingTests.image(width, height, seed: UInt64(width * 31 + factor))
        let (reduced, applied) = StripMeans.reduced(image, by: factor)
        #expect(applied == factor)
        #expect(reduced.width == width / factor && reduced.height == height / factor)
        #expect(reduced.density?.dotsPerInch == 100 / Double(factor))
        for row in 0..<reduced.height {
            for column in 0..<reduced.width {
                let y = row * factor + factor / 2
                let sum = (0..<factor).reduce(0) { $0 + Int(pixels[y * width + column * factor + $1]) }
                #expect(Int(reduced[column, row]) == (sum + factor / 2) / factor, "(\(column), \(row))")
            }
        }
    }

    @Test("a factor of one or less, or an image smaller than a block, is left as it is, the factor applied one")
    func leftAsItIs() {
        let (image, pixels) = BoxSmoothingTests.image(6, 4, seed: 3)
        let (same, one) = StripMeans.reduced(image, by: 1)
        #expect(same.pixels == image.pixels && one == 1)
        let (whole, none) = StripMeans.reduced(image, by: 5)
        #expect(whole.width == 6 && pixels.count == 24 && none == 1)
        #expect(StripMeans.reduced(image, by: 0).factor == 1 && StripMeans.reduced(image, by: -3).factor == 1)
    }
}
