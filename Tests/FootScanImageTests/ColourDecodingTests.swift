import FootScanImage
import Testing

/// The colour path: block means of RGB, and a grey channel projected from RGB instead of luma.
@Suite("Colour sampling and projected channels")
struct ColourDecodingTests {
    /// Left half (200, 60, 40), right half (40, 90, 210), 96 x 64.
    static func halves() -> [UInt8] {
        var pixels = [UInt8]()
        for _ in 0..<64 {
            for x in 0..<96 { pixels += x < 48 ? [200, 60, 40] : [40, 90, 210] }
        }
        return pixels
    }

    static func png(_ pixels: [UInt8], width: Int = 96, height: Int = 64, interlaced: Bool = false) throws -> [UInt8] {
        var options = PNGEncoder.Options()
        options.colourType = .rgb
        options.interlaced = interlaced
        return try PNGEncoder.encode(rows: pixels, width: width, height: height, options: options)
    }

    static func jpeg(_ pixels: [UInt8], progressive: Bool = false) throws -> [UInt8] {
        var options = JPEGEncoder.Options()
        options.quality = 95
        options.progressive = progressive
        return try JPEGEncoder.encode(pixels: pixels, width: 96, height: 64, channels: 3, options: options)
    }

    @Test("a PNG's block means are its colours; a JPEG's are within a few levels")
    func sample() throws {
        for (file, tolerance) in [(try Self.png(Self.halves()), Float(0.001)), (try Self.jpeg(Self.halves()), Float(6))] {
            let found = try ScanDecoder.colourSample(file, file: "halves")
            let sample = try #require(found)
            #expect(sample.blockPixels == 8 && sample.columns == 12 && sample.rows == 8)
            // Blocks clear of the colour boundary (columns 0-4 and 7-11; JPEG chroma blurs a block or so).
            for row in 0..<sample.rows {
                for column in [0, 1, 2, 3, 4, 7, 8, 9, 10, 11] {
                    let mean = sample.means[row * sample.columns + column]
                    let expected: SIMD3<Float> = column < 6 ? SIMD3(200, 60, 40) : SIMD3(40, 90, 210)
                    let difference = mean - expected
                    let worst = max(abs(difference.x), abs(difference.y), abs(difference.z))
                    #expect(worst <= tolerance, "block \(column), \(row): \(mean)")
                }
            }
        }
    }

    @Test("grey files and Adam7 PNGs give no sample")
    func noSample() throws {
        let grey = try PNGEncoder.encode(pixels: [UInt8](repeating: 90, count: 96 * 64), width: 96, height: 64, channels: 1, dotsPerInch: 300)
        #expect(try ScanDecoder.colourSample(grey) == nil)
        var options = JPEGEncoder.Options()
        options.quality = 90
        let greyJPEG = try JPEGEncoder.encode(pixels: [UInt8](repeating: 90, count: 96 * 64), width: 96, height: 64, channels: 1, options: options)
        #expect(try ScanDecoder.colourSample(greyJPEG) == nil)
        #expect(try ScanDecoder.colourSample(Self.png(Self.halves(), interlaced: true)) == nil)
    }

    @Test("a projection makes the grey channel from RGB: exact on PNG, close on JPEG; Adam7 stays luma")
    func projection() throws {
        let pixels = TestImages.rgb(width: 96, height: 64)
        let projection = ChannelProjection(weights: SIMD3(0.5, -0.25, 1), offset: 20)
        func expected(_ x: Int, _ y: Int) -> Double {
            let i = 3 * (y * 96 + x)
            let value = 0.5 * Double(pixels[i]) - 0.25 * Double(pixels[i + 1]) + Double(pixels[i + 2]) + 20
            return min(max(value, 0), 255)
        }
        let options = DecodingOptions(projection: projection)
        let fromPNG = try ScanDecoder.decode(Self.png(pixels), options: options)
        #expect(fromPNG.source.projection == projection)
        var worst = 0.0
        for y in 0..<64 { for x in 0..<96 { worst = max(worst, abs(Double(fromPNG[x, y]) - expected(x, y))) } }
        #expect(worst <= 0.51, "largest PNG difference \(worst)")

        // A smooth picture for JPEG (the pattern above changes every pixel, which chroma subsampling blurs).
        var smooth = [UInt8]()
        for y in 0..<64 { for x in 0..<96 { smooth += [UInt8(60 + x), UInt8(40 + y), UInt8(200 - x)] } }
        let fromJPEG = try ScanDecoder.decode(Self.jpeg(smooth), options: options)
        #expect(fromJPEG.source.projection == projection)
        var total = 0.0
        for y in 0..<64 {
            for x in 0..<96 {
                let value = 0.5 * Double(60 + x) - 0.25 * Double(40 + y) + Double(200 - x) + 20
                total += abs(Double(fromJPEG[x, y]) - min(max(value, 0), 255))
            }
        }
        #expect(total / Double(96 * 64) < 3, "mean JPEG difference \(total / Double(96 * 64))")

        let adam7 = try ScanDecoder.decode(Self.png(pixels, interlaced: true), options: options)
        #expect(adam7.source.projection == nil)
        let i = 3 * (5 * 96 + 7)
        #expect(abs(Double(adam7[7, 5]) - TestImages.luma(Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))) <= 1.01)
    }

    @Test("every truncation on the colour path is an error, never a crash", arguments: ["png", "jpeg", "progressive"])
    func truncated(kind: String) throws {
        let pixels = TestImages.rgb(width: 96, height: 64)
        let file = kind == "png" ? try Self.png(pixels) : try Self.jpeg(pixels, progressive: kind == "progressive")
        let options = DecodingOptions(projection: ChannelProjection(weights: SIMD3(1, 0, 0), offset: 0))
        for length in stride(from: 1, to: file.count, by: max(1, file.count / 60)) {
            let cut = Array(file.prefix(length))
            for path in 0..<2 {
                do {
                    if path == 0 { _ = try ScanDecoder.colourSample(cut, file: "cut") } else { _ = try ScanDecoder.decode(cut, file: "cut", options: options) }
                    Issue.record("\(kind) cut to \(length) of \(file.count) bytes read on path \(path)")
                } catch {
                    #expect(error.file == "cut")
                    switch error.reason {
                    case .truncated, .corrupt, .unknownFormat: break
                    default: Issue.record("unexpected reason \(error.reason) at \(length)")
                    }
                }
            }
        }
    }
}
