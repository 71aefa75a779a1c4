@testable import FootScanImage
import Testing

/// The single-decode colour path: a YCbCr JPEG's planes give the same luma, sample and projection as
/// the luma decode, the 1/8 sample and the RGB decode.
@Suite("YCbCr planes: one decode for luma, sample and projection")
struct YCbCrPlanesTests {
    /// A smooth colour picture with a skin-coloured ellipse on a dark bed, odd sizes to test the edges.
    static func picture(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8]()
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - Double(width) / 2) / (Double(width) / 3), dy = (Double(y) - Double(height) / 2) / (Double(height) / 3)
                if dx * dx + dy * dy < 1 {
                    pixels += [UInt8(170 + x % 7), UInt8(128 + y % 5), UInt8(112)]
                } else {
                    pixels += [UInt8(30 + x / 8), UInt8(32 + y / 8), UInt8(35)]
                }
            }
        }
        return pixels
    }

    static func jpeg(width: Int, height: Int, chroma: (Int, Int), progressive: Bool = false) throws -> [UInt8] {
        var options = JPEGEncoder.Options()
        options.quality = 92
        options.progressive = progressive
        options.dotsPerInch = 300
        options.chromaSubsampling = chroma
        return try JPEGEncoder.encode(pixels: picture(width: width, height: height), width: width, height: height, channels: 3, options: options)
    }

    @Test("luma is the luma decode's, bit for bit", arguments: [(2, 2), (2, 1), (1, 1)])
    func luma(chroma: (Int, Int)) throws {
        let file = try Self.jpeg(width: 203, height: 131, chroma: chroma)
        let planes = try #require(try ScanDecoder.decodePlanes(file))
        let luma = try ScanDecoder.decode(file)
        #expect(planes.luma.width == luma.width && planes.luma.height == luma.height)
        #expect(planes.luma.density == luma.density)
        var differing = 0
        for y in 0..<luma.height { for x in 0..<luma.width where planes.luma[x, y] != luma[x, y] { differing += 1 } }
        #expect(differing == 0)
    }

    @Test("a projection from the planes is the RGB decode's within rounding", arguments: [(2, 2), (2, 1), (1, 1)])
    func projection(chroma: (Int, Int)) throws {
        for progressive in [false, true] {
            let file = try Self.jpeg(width: 203, height: 131, chroma: chroma, progressive: progressive)
            let projection = ChannelProjection(weights: SIMD3(1.8, -0.4, -1.3), offset: 40, isSkinHue: true)
            let planes = try #require(try ScanDecoder.decodePlanes(file))
            let fromPlanes = planes.projected(by: projection)
            let fromRGB = try ScanDecoder.decode(file, options: DecodingOptions(projection: projection))
            #expect(fromPlanes.source.projection == projection)
            #expect(fromPlanes.width == fromRGB.width && fromPlanes.height == fromRGB.height)
            var total = 0, signed = 0, worst = 0
            for y in 0..<fromRGB.height {
                for x in 0..<fromRGB.width {
                    let d = Int(fromPlanes[x, y]) - Int(fromRGB[x, y])
                    total += abs(d)
                    signed += d
                    worst = max(worst, abs(d))
                }
            }
            // The RGB decode rounds R, G and B to whole levels before weighting (weights of up to 1.8 here):
            // most of the difference is that rounding, and it has no direction.
            let pixels = Double(fromRGB.width * fromRGB.height)
            #expect(Double(total) / pixels < 1, "mean difference \(Double(total) / pixels) (chroma \(chroma), progressive \(progressive))")
            #expect(abs(Double(signed) / pixels) < 0.1, "mean signed difference \(Double(signed) / pixels)")
            #expect(worst <= 4, "largest difference \(worst) (chroma \(chroma), progressive \(progressive))")
        }
    }

    /// Rows of halved chroma go sixteen pixels a step; the general path, pixel by pixel, is the
    /// reference. Widths either side of a whole step, odd ones, and weights with and without luma.
    @Test("the vector path gives the general path's grey to the bit", arguments: [(2, 2), (2, 1)])
    func vectorPath(chroma: (Int, Int)) throws {
        let projections = [ChannelProjection(weights: SIMD3(1.8, -0.4, -1.4), offset: 40, isSkinHue: true),
                           ChannelProjection(weights: SIMD3(0.9, 0.5, -0.2), offset: -12, isSkinHue: false),
                           ChannelProjection(weights: SIMD3(-2.5, 3.0, 0.5), offset: 300, isSkinHue: false)]
        for width in [15, 16, 17, 31, 32, 33, 203] {
            let file = try Self.jpeg(width: width, height: 37, chroma: chroma)
            let planes = try #require(try ScanDecoder.decodePlanes(file))
            for projection in projections {
                let fast = planes.projected(by: projection), reference = planes.projected(by: projection, vectorised: false)
                #expect(fast.width == reference.width && fast.height == reference.height && fast.pixels == reference.pixels,
                        "width \(width), weights \(projection.weights)")
            }
        }
    }

    @Test("the sample's block means are the 1/8 decode's within a few levels")
    func sample() throws {
        let file = try Self.jpeg(width: 256, height: 192, chroma: (2, 2))
        let planes = try #require(try ScanDecoder.decodePlanes(file))
        let fromPlanes = planes.sample()
        let fromEighth = try #require(try ScanDecoder.colourSample(file))
        #expect(fromPlanes.columns == fromEighth.columns && fromPlanes.rows == fromEighth.rows)
        #expect(fromPlanes.blockPixels == fromEighth.blockPixels)
        var worst: Float = 0, total: Float = 0
        for (a, b) in zip(fromPlanes.means, fromEighth.means) {
            let d: SIMD3<Float> = a - b
            let size: SIMD3<Float> = SIMD3(abs(d.x), abs(d.y), abs(d.z))
            worst = max(worst, size.max())
            total += size.sum() / 3
        }
        // Blocks on the ellipse's edge differ most (the 1/8 decode blurs chroma over 16 pixels).
        #expect(worst < 24, "largest difference \(worst)")
        let mean = total / Float(fromPlanes.means.count)
        #expect(mean < 2, "mean difference \(mean)")
    }

    @Test("grey JPEGs, RGB-coded JPEGs and PNGs have no planes")
    func none() throws {
        var grey = JPEGEncoder.Options()
        grey.quality = 90
        let greyFile = try JPEGEncoder.encode(pixels: [UInt8](repeating: 100, count: 64 * 48), width: 64, height: 48, channels: 1, options: grey)
        #expect(try ScanDecoder.decodePlanes(greyFile) == nil)
        var rgb = JPEGEncoder.Options()
        rgb.storeRGB = true
        let rgbFile = try JPEGEncoder.encode(pixels: Self.picture(width: 64, height: 48), width: 64, height: 48, channels: 3, options: rgb)
        #expect(try ScanDecoder.decodePlanes(rgbFile) == nil)
        var png = PNGEncoder.Options()
        png.colourType = .rgb
        let pngFile = try PNGEncoder.encode(rows: Self.picture(width: 64, height: 48), width: 64, height: 48, options: png)
        #expect(try ScanDecoder.decodePlanes(pngFile) == nil)
    }
}
