import FootScanImage
import Testing

@Suite("Bad input")
struct BadInputTests {
    static func validPNG() throws -> [UInt8] {
        try PNGEncoder.encode(pixels: TestImages.grey(width: 61, height: 47), width: 61, height: 47, channels: 1, dotsPerInch: 300)
    }

    static func validJPEG(progressive: Bool = false) throws -> [UInt8] {
        var options = JPEGEncoder.Options()
        options.progressive = progressive
        options.dotsPerInch = 300
        return try JPEGEncoder.encode(pixels: TestImages.rgb(width: 61, height: 47), width: 61, height: 47, channels: 3, options: options)
    }

    @Test("empty and unknown files name the file and the reason")
    func emptyAndUnknown() {
        #expect(throws: ScanImageError(file: "a.png", reason: .empty)) { try ScanDecoder.decode([], file: "a.png") }
        #expect(throws: ScanImageError(file: "b.png", reason: .unknownFormat)) {
            try ScanDecoder.decode(Array("GIF89a not a scan".utf8), file: "b.png")
        }
        do {
            _ = try ScanDecoder.decode([0x89, 0x50], file: "short.png")
            Issue.record("two bytes decoded")
        } catch {
            #expect(error.description == "short.png: unknown format (neither PNG nor JPEG)")
        }
    }

    @Test("every truncation of a PNG and a JPEG is an error", arguments: ["png", "jpeg", "progressive"])
    func truncated(kind: String) throws {
        let file = kind == "png" ? try Self.validPNG() : try Self.validJPEG(progressive: kind == "progressive")
        var offsets = Array(stride(from: 1, to: file.count, by: max(1, file.count / 150)))
        offsets += [file.count - 1, file.count - 2, file.count - 3]
        for length in offsets {
            do {
                _ = try ScanDecoder.decode(Array(file.prefix(length)), file: "cut.\(kind)")
                Issue.record("\(kind) cut to \(length) of \(file.count) bytes decoded")
            } catch {
                #expect(error.file == "cut.\(kind)")
                switch error.reason {
                case .truncated, .corrupt, .unknownFormat: break
                default: Issue.record("unexpected reason \(error.reason) at \(length)")
                }
            }
        }
    }

    @Test("a truncated JPEG says truncated, not a grey-padded image")
    func truncatedJPEGReason() throws {
        let file = try Self.validJPEG()
        do {
            _ = try ScanDecoder.decode(Array(file.prefix(file.count * 2 / 3)), file: "half.jpg")
            Issue.record("a two-thirds JPEG decoded")
        } catch {
            #expect(error.reason == .truncated("Premature end of JPEG file"))
            #expect(error.description.hasPrefix("half.jpg: JPEG: truncated"))
        }
    }

    @Test("hundreds of seeded byte flips never crash", arguments: ["png", "jpeg", "progressive"])
    func flips(kind: String) throws {
        let file = kind == "png" ? try Self.validPNG() : try Self.validJPEG(progressive: kind == "progressive")
        var random = SeededGenerator(seed: 0xF007_5CA9)
        var failures = 0
        for _ in 0..<300 {
            var mutated = file
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<mutated.count, using: &random)
                mutated[at] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                let image = try ScanDecoder.decode(mutated, file: "flip")
                #expect(image.pixels.count >= image.stride * image.height)
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0, "no mutation was caught at all")
    }

    @Test("a PNG header claiming 100000 x 100000 pixels is refused before allocation")
    func hugePNG() throws {
        var file = try Self.validPNG()
        // IHDR data starts at byte 16: width, height (big-endian); then fix the CRC.
        for (offset, value) in [(16, 100_000), (20, 100_000)] {
            for i in 0..<4 { file[offset + i] = UInt8((value >> (24 - 8 * i)) & 0xFF) }
        }
        let crc = CRC32.checksum(file[12..<29])
        for i in 0..<4 { file[29 + i] = UInt8((crc >> (24 - 8 * UInt32(i))) & 0xFF) }
        #expect(throws: ScanImageError(file: "huge.png", format: .png,
                                       reason: .tooLarge(width: 100_000, height: 100_000, limit: DecodingOptions.defaultMaximumPixelCount))) {
            try ScanDecoder.decode(file, file: "huge.png")
        }
        #expect(throws: ScanImageError.self) {
            try ScanDecoder.decode(try Self.validPNG(), options: DecodingOptions(maximumPixelCount: 100))
        }
    }

    @Test("a JPEG frame claiming 60000 x 60000 pixels is refused before allocation")
    func hugeJPEG() throws {
        var file = try Self.validJPEG()
        // Find the SOF0 marker and overwrite its height and width.
        guard let sof = (0..<(file.count - 1)).first(where: { file[$0] == 0xFF && file[$0 + 1] == 0xC0 }) else {
            Issue.record("no SOF0")
            return
        }
        for i in [5, 7] { file[sof + i] = 0xEA; file[sof + i + 1] = 0x60 }
        do {
            _ = try ScanDecoder.decode(file, file: "huge.jpg")
            Issue.record("a forged JPEG header decoded")
        } catch {
            #expect(error.reason == .tooLarge(width: 60000, height: 60000, limit: DecodingOptions.defaultMaximumPixelCount))
        }
    }

    @Test("a PNG with a bad header CRC is corrupt, with libpng's message")
    func badCRC() throws {
        var file = try Self.validPNG()
        file[29] ^= 0xFF
        do {
            _ = try ScanDecoder.decode(file, file: "crc.png")
            Issue.record("bad CRC decoded")
        } catch {
            guard case .corrupt(let message) = error.reason else {
                Issue.record("expected corrupt, got \(error.reason)")
                return
            }
            #expect(message.contains("CRC"))
        }
    }

    @Test("a missing file is unreadable")
    func missing() {
        #expect(throws: ScanImageError.self) { try ScanDecoder.decodeFile(atPath: "/nonexistent/scan.png") }
    }
}

/// CRC-32 as PNG uses it, to forge valid chunks in tests.
enum CRC32 {
    static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
