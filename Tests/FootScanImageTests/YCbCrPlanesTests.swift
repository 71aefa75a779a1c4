@testable import FootScanImage
import Testing

/// The single-decode colour path: a YCbCr JPEG's planes give the same luma, sample and projection as
/// the luma decode, the 1/8 sample and the RGB decode.
@Suite("YCbCr planes: one decode for luma, sample and projection")
struct YCbCrPlanesTests {
    /// A smooth colour picture with a skin-coloured ellipse on a dark bed (its gradients repeating every
    /// 1,600 pixels), odd sizes to test the edges.
    static func picture(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8]()
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - Double(width) / 2) / (Double(width) / 3), dy = (Double(y) - Double(height) / 2) / (Double(height) / 3)
                if dx * dx + dy * dy < 1 {
                    pixels += [UInt8(170 + x % 7), UInt8(128 + y % 5), UInt8(112)]
                } else {
                    pixels += [UInt8(30 + x / 8 % 200), UInt8(32 + y / 8 % 200), UInt8(35)]
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
        let projections = [ChannelProjection(weights: SIMD3(0.9, 0.5, -0.2), offset: -12, isSkinHue: false),
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

    /// A pure hue (weights summing to zero, as the skin's) is worked out at the chroma's size to a
    /// sixteenth of a level and brought up in 16-bit lanes; the general path's 32-bit terms are the
    /// reference. Projections that keep every sample within 0...255, as the skin's hue keeps the bed and
    /// the skin (levels 64 and 192): next to a sample beyond (the JPEG's ringing at the ellipse's edge
    /// under a stronger projection) the two differ by more, as the sample is clamped before it is
    /// brought up.
    @Test("a pure hue is the general path's grey within a level, with no direction", arguments: [(2, 2), (2, 1), (1, 1)])
    func pureHue(chroma: (Int, Int)) throws {
        let projections = [ChannelProjection(weights: SIMD3(0.9, -0.2, -0.7), offset: 100, isSkinHue: true),
                           ChannelProjection(weights: SIMD3(-0.5, 0.1, 0.4), offset: 160, isSkinHue: true)]
        for width in [15, 16, 17, 33, 203] {
            let file = try Self.jpeg(width: width, height: 37, chroma: chroma)
            let planes = try #require(try ScanDecoder.decodePlanes(file))
            for projection in projections {
                let fast = planes.projected(by: projection), reference = planes.projected(by: projection, vectorised: false)
                #expect(fast.width == reference.width && fast.height == reference.height)
                var worst = 0, signed = 0, differing = 0, saturated = 0
                for y in 0..<fast.height {
                    for x in 0..<fast.width {
                        let d = Int(fast[x, y]) - Int(reference[x, y])
                        worst = max(worst, abs(d))
                        signed += d
                        if d != 0 { differing += 1 }
                        if reference[x, y] == 0 || reference[x, y] == 255 { saturated += 1 }
                    }
                }
                let pixels = Double(fast.width * fast.height)
                let about = "width \(width), weights \(projection.weights)"
                #expect(saturated == 0, "\(about): saturated pixels")
                #expect(worst <= 1, "\(about): largest difference \(worst)")
                #expect(Double(differing) / pixels < 0.1, "\(about): \(differing) pixels differ")
                // On the widest picture, enough pixels for a mean: rounding in either direction evens out.
                if width == 203 { #expect(abs(Double(signed)) / pixels < 0.02, "\(about): mean difference \(Double(signed) / pixels)") }
            }
        }
    }

    /// The channel written over the luma plane reads each pixel's luma before it writes it: the same
    /// grey as into a new image, for weights with luma (the vector path and the general one, 4:4:4) and
    /// for a pure hue, and zero past the width.
    @Test("the channel written over the luma is the channel into a new image", arguments: [(2, 2), (2, 1), (1, 1)])
    func overLuma(chroma: (Int, Int)) throws {
        let projections = [ChannelProjection(weights: SIMD3(0.9, 0.5, -0.2), offset: -12, isSkinHue: false),
                           ChannelProjection(weights: SIMD3(0.9, -0.2, -0.7), offset: 100, isSkinHue: true)]
        for width in [17, 203] {
            let file = try Self.jpeg(width: width, height: 37, chroma: chroma)
            for projection in projections {
                let planes = try #require(try ScanDecoder.decodePlanes(file))
                let expected = planes.projected(by: projection)
                let over = try #require(try ScanDecoder.decodePlanes(file)).projectedOverLuma(by: projection)
                #expect(over.width == expected.width && over.height == expected.height && over.source == expected.source)
                var differing = 0, padding = 0
                for y in 0..<over.height {
                    for x in 0..<over.width where over[x, y] != expected[x, y] { differing += 1 }
                    for x in over.width..<over.stride where over.pixels[y * over.stride + x] != 0 { padding += 1 }
                }
                #expect(differing == 0 && padding == 0, "width \(width), weights \(projection.weights)")
            }
        }
    }

    /// The sample's block sums, one pixel at a time: every second luma row of the block and every
    /// chroma sample under it, converted as the sample converts them. The sample is summed as the
    /// decoder delivers the planes, an iMCU row (8 or 16 luma rows) at a time: blocks of 8 take one or
    /// half of one; on the largest picture blocks are 16 pixels a side (the grid's limit), and with
    /// chroma at full size each takes two.
    @Test("the sample's means are every block's pixels, summed one by one", arguments: [(2, 2), (2, 1), (1, 1)])
    func sampleSums(chroma: (Int, Int)) throws {
        for (width, height) in [(256, 192), (203, 131), (1030, 70), (2100, 2060)] {
            let planes = try #require(try ScanDecoder.decodePlanes(Self.jpeg(width: width, height: height, chroma: chroma)))
            let sample = planes.sample()
            let side = sample.blockPixels
            #expect(side == (width * height > 65_536 * 64 ? 16 : 8))
            #expect(sample.columns == width / side && sample.rows == height / side)
            for row in 0..<sample.rows {
                for column in 0..<sample.columns {
                    var luma = 0, blue = 0, red = 0
                    for y in Swift.stride(from: row * side, to: (row + 1) * side, by: 2) {
                        for x in (column * side)..<((column + 1) * side) { luma += Int(planes.y[y * planes.yStride + x]) }
                    }
                    for y in (row * side / planes.chromaY)..<((row + 1) * side / planes.chromaY) {
                        for x in (column * side / planes.chromaX)..<((column + 1) * side / planes.chromaX) {
                            blue += Int(planes.cb[y * planes.chromaStride + x])
                            red += Int(planes.cr[y * planes.chromaStride + x])
                        }
                    }
                    let chromaCount = Float(side / planes.chromaX * (side / planes.chromaY))
                    let l = Float(luma) / Float(side * (side / 2)), b = Float(blue) / chromaCount - 128, r = Float(red) / chromaCount - 128
                    let rgb = SIMD3(l + 1.402 * r, l - 0.344_136 * b - 0.714_136 * r, l + 1.772 * b)
                        .clamped(lowerBound: SIMD3(repeating: 0), upperBound: SIMD3(repeating: 255))
                    #expect(sample.means[row * sample.columns + column] == rgb, "block \(column), \(row) of \(width) x \(height)")
                }
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
