import FootScanImage
import Testing

@Suite("JPEG decoding")
struct JPEGDecodingTests {
    let width = 64
    let height = 48

    @Test("baseline and progressive, grey and colour", arguments: [false, true], [1, 3])
    func variants(progressive: Bool, channels: Int) throws {
        let pixels = channels == 1 ? TestImages.grey(width: width, height: height) : TestImages.rgb(width: width, height: height)
        var options = JPEGEncoder.Options()
        options.quality = 95
        options.progressive = progressive
        options.dotsPerInch = 300
        let file = try JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: channels, options: options)
        #expect(ImageFormat.sniff(file) == .jpeg)
        let image = try ScanDecoder.decode(file, file: "scan.jpg")
        #expect(image.width == width && image.height == height)
        #expect(image.source.interlaced == progressive)
        #expect(image.source.colourType == (channels == 1 ? "grey" : "ycbcr"))
        #expect(image.density == ScanDensity(dotsPerInch: 300, source: .jfif))
        var total = 0.0
        for y in 0..<height {
            for x in 0..<width {
                let expected = channels == 1 ? Double(pixels[y * width + x])
                    : TestImages.luma(Int(pixels[3 * (y * width + x)]), Int(pixels[3 * (y * width + x) + 1]), Int(pixels[3 * (y * width + x) + 2]))
                total += abs(Double(image[x, y]) - expected)
            }
        }
        let meanError = total / Double(width * height)
        // The colour pattern changes every pixel: chroma subsampling blurs it, luma stays close.
        #expect(meanError < (channels == 1 ? 2.0 : 12.0), "mean luma error \(meanError)")
    }

    @Test("an RGB-coded JPEG (no YCbCr transform) decodes to luma")
    func rgbColourSpace() throws {
        let pixels = TestImages.rgb(width: width, height: height)
        var options = JPEGEncoder.Options()
        options.quality = 98
        options.storeRGB = true
        let image = try ScanDecoder.decode(JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 3, options: options))
        #expect(image.source.colourType == "rgb")
        var total = 0.0
        for y in 0..<height {
            for x in 0..<width {
                let i = 3 * (y * width + x)
                total += abs(Double(image[x, y]) - TestImages.luma(Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2])))
            }
        }
        #expect(total / Double(width * height) < 6)
    }

    @Test("a CMYK JPEG is refused as an unsupported colour space")
    func cmyk() throws {
        let pixels = [UInt8](repeating: 60, count: width * height * 4)
        let file = try JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 4, options: JPEGEncoder.Options())
        #expect(throws: ScanImageError(file: "cmyk.jpg", format: .jpeg, reason: .unsupported("unsupported colour space CMYK"))) {
            try ScanDecoder.decode(file, file: "cmyk.jpg")
        }
    }

    @Test("JFIF dots per centimetre, aspect-only density and EXIF fallback")
    func density() throws {
        let pixels = TestImages.grey(width: width, height: height)
        var options = JPEGEncoder.Options()
        options.dotsPerInch = 300
        options.densityInCentimetres = true // 118 dots per cm
        var image = try ScanDecoder.decode(JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 1, options: options))
        #expect(abs((image.density?.dotsPerInch ?? 0) - 118 * 2.54) < 1e-9)
        options = JPEGEncoder.Options()
        image = try ScanDecoder.decode(JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 1, options: options))
        #expect(image.density == nil, "unit 0 is an aspect ratio, not a density")
        options.exif = ExifMetadata(xResolution: 100, yResolution: 100, resolutionUnit: 3)
        image = try ScanDecoder.decode(JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 1, options: options))
        #expect(image.density == ScanDensity(dotsPerInch: 254, source: .exif))
    }

    @Test("reduced decoding picks the coarsest DCT scale still within the asked pixel size")
    func reduced() throws {
        let w = 203, h = 150
        let pixels = TestImages.grey(width: w, height: h)
        var options = JPEGEncoder.Options()
        options.dotsPerInch = 300
        let file = try JPEGEncoder.encode(pixels: pixels, width: w, height: h, channels: 1, options: options)
        for (coarsest, factor) in [(0.05, 1), (0.17, 2), (0.34, 4), (0.7, 8), (5.0, 8)] {
            let image = try ScanDecoder.decode(file, options: DecodingOptions(coarsestPixelMM: coarsest))
            #expect(image.source.reduction == factor)
            #expect(image.width == (w + factor - 1) / factor && image.height == (h + factor - 1) / factor)
            #expect(image.density?.dotsPerInch == 300 / Double(factor))
            #expect(abs(Double(image[image.width / 2, image.height / 2]) - Double(pixels[(h / 2) * w + w / 2])) < 12)
        }
    }
}
