import FootScanImage
import Testing

@Suite("PNG decoding")
struct PNGDecodingTests {
    let width = 37
    let height = 23

    func decode(_ rows: [UInt8], _ options: PNGEncoder.Options) throws -> ScanImage {
        let file = try PNGEncoder.encode(rows: rows, width: width, height: height, options: options)
        #expect(ImageFormat.sniff(file) == .png)
        return try ScanDecoder.decode(file, file: "test.png")
    }

    func expectPixels(_ image: ScanImage, tolerance: Double = 0, _ expected: (Int, Int) -> Double) {
        #expect(image.width == width && image.height == height)
        #expect(image.stride % 64 == 0 && image.stride >= width)
        var worst = 0.0
        for y in 0..<height {
            for x in 0..<width {
                worst = max(worst, abs(Double(image[x, y]) - expected(x, y)))
            }
        }
        #expect(worst <= tolerance, "largest pixel difference \(worst)")
    }

    @Test("grey at 1, 2, 4 and 8 bits, plain and Adam7", arguments: [1, 2, 4, 8], [false, true])
    func greyDepths(depth: Int, interlaced: Bool) throws {
        let maximum = (1 << depth) - 1
        let values = (0..<(width * height)).map { ($0 * 7 + $0 / width * 3) % (maximum + 1) }
        var options = PNGEncoder.Options()
        options.bitDepth = depth
        options.interlaced = interlaced
        let image = try decode(TestImages.pack(values, width: width, height: height, depth: depth), options)
        #expect(image.source.bitDepth == depth && image.source.interlaced == interlaced)
        expectPixels(image) { x, y in Double(values[y * width + x] * 255 / maximum) }
    }

    @Test("16-bit grey and grey+alpha scale to 8 bits")
    func sixteenBit() throws {
        let values = (0..<(width * height)).map { ($0 * 997) % 65536 }
        var options = PNGEncoder.Options()
        options.bitDepth = 16
        let image = try decode(TestImages.pack(values, width: width, height: height, depth: 16), options)
        expectPixels(image, tolerance: 0.51) { x, y in Double(values[y * width + x]) / 257 }

        var withAlpha = [Int]()
        for v in values { withAlpha.append(v); withAlpha.append(1234) }
        options.colourType = .greyAlpha
        let alphaImage = try decode(TestImages.pack(withAlpha, width: width, height: height, depth: 16, channels: 2), options)
        expectPixels(alphaImage, tolerance: 0.51) { x, y in Double(values[y * width + x]) / 257 }
    }

    @Test("RGB and RGBA, 8 and 16 bits, become Rec. 601 luma", arguments: [8, 16], [PNGEncoder.ColourType.rgb, .rgba])
    func colour(depth: Int, type: PNGEncoder.ColourType) throws {
        let rgb = TestImages.rgb(width: width, height: height)
        var samples = [Int]()
        for i in 0..<(width * height) {
            for c in 0..<3 { samples.append(depth == 16 ? Int(rgb[3 * i + c]) * 257 : Int(rgb[3 * i + c])) }
            if type == .rgba { samples.append(depth == 16 ? 40000 : 77) }
        }
        var options = PNGEncoder.Options()
        options.bitDepth = depth
        options.colourType = type
        let image = try decode(TestImages.pack(samples, width: width, height: height, depth: depth, channels: type.channels), options)
        #expect(image.source.colourType == (type == .rgb ? "rgb" : "rgba"))
        expectPixels(image, tolerance: 1.01) { x, y in
            let i = 3 * (y * width + x)
            return TestImages.luma(Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
        }
    }

    @Test("palette with and without tRNS, at 8 and 4 bits", arguments: [false, true], [4, 8])
    func palette(transparency: Bool, depth: Int) throws {
        let entries = 1 << depth
        var palette = [UInt8]()
        for i in 0..<entries { palette += [UInt8(i * 13 % 256), UInt8(255 - i * 7 % 256), UInt8(i * 29 % 256)] }
        let indices = (0..<(width * height)).map { ($0 * 5) % entries }
        var options = PNGEncoder.Options()
        options.bitDepth = depth
        options.colourType = .palette
        options.palette = palette
        if transparency { options.paletteAlpha = (0..<entries).map { UInt8($0 % 256) } }
        let image = try decode(TestImages.pack(indices, width: width, height: height, depth: depth), options)
        #expect(image.source.colourType == (transparency ? "palette+trns" : "palette"))
        expectPixels(image, tolerance: 1.01) { x, y in
            let p = indices[y * width + x] * 3
            return TestImages.luma(Int(palette[p]), Int(palette[p + 1]), Int(palette[p + 2]))
        }
    }

    @Test("grey with a transparent grey value keeps its grey")
    func greyTransparency() throws {
        let pixels = TestImages.grey(width: width, height: height)
        var options = PNGEncoder.Options()
        options.transparentGrey = Int(pixels[5])
        let image = try decode(pixels, options)
        expectPixels(image) { x, y in Double(pixels[y * width + x]) }
    }

    @Test("pHYs gives the density; 11811 px/m snaps to 300 dpi; none gives none")
    func density() throws {
        let pixels = TestImages.grey(width: width, height: height)
        var options = PNGEncoder.Options()
        options.dotsPerInch = 300
        let image = try decode(pixels, options)
        #expect(image.density == ScanDensity(dotsPerInch: 300, source: .pngPhys))
        #expect(image.density?.dotsPerInchX == 300)
        for dpi in [150.0, 200, 400, 600, 1200] { // pHYs holds whole pixels per metre: 150 dpi is 5906 px/m = 150.012 dpi
            options.dotsPerInch = dpi
            #expect(try decode(pixels, options).density?.dotsPerInch == dpi)
        }
        options.dotsPerInch = nil
        #expect(try decode(pixels, options).density == nil)
        options.exif = ExifMetadata(xResolution: 600, yResolution: 600, resolutionUnit: 2)
        let exifImage = try decode(pixels, options)
        #expect(exifImage.density == ScanDensity(dotsPerInch: 600, source: .exif))
        options.exif = ExifMetadata(xResolution: 600, yResolution: 600, resolutionUnit: 1)
        #expect(try decode(pixels, options).density == nil, "EXIF without a unit is no density")
    }
}
