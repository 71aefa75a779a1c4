import Foundation
import FootScanImage
import Testing

/// Every input a fuzzer found a problem with is committed under `Tests/Fuzz/Regressions` and decoded
/// here on every run (under AddressSanitizer in CI): it must decode or fail with a ``ScanImageError``,
/// and the ones with a known cause fail for that cause.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test("every committed finding decodes or fails with a reason")
    func everyFinding() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Self.bytes(name)
            let limits = DecodingOptions(maximumPixelCount: 1 << 22)
            do {
                let image = try ScanDecoder.decode(bytes, file: name, options: limits)
                #expect(image.width > 0 && image.height > 0, "\(name)")
            } catch {
                #expect(error.description.hasPrefix(name), "\(name): \(error)")
            }
            _ = try? ScanDecoder.colourSample(bytes, file: name, options: limits)
            _ = try? ScanDecoder.decodePlanes(bytes, file: name, options: limits)
        }
    }

    /// libpng allocates an eXIf chunk's stated length before reading it: a 105-byte file stating
    /// 1.7 GB made it ask for 1.7 GB. The shim now refuses any chunk longer than the bytes left.
    @Test("a PNG chunk stating more bytes than the file has is truncation, refused before libpng allocates it")
    func chunkPastTheEnd() throws {
        let name = "png-exif-states-1.7-GB.png"
        let bytes = try Self.bytes(name)
        do throws(ScanImageError) {
            _ = try ScanDecoder.decode(bytes, file: name)
            Issue.record("\(name) decoded")
        } catch {
            #expect(error.reason == .truncated("the file ends inside its eXIf chunk (1715341368 bytes stated, 64 left)"))
        }
    }
}
