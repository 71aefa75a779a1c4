import Foundation
import Testing

/// The scans a new user tries first: each measures as its truth file says.
@Suite("Sample scans")
struct SampleScanTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/scans")

    @Test("every sample scan gives its feet within 1.0 mm of length and 0.6 mm of width, sides right")
    func samples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".truth.json") }.sorted()
        #expect(names.count >= 11)
        for name in names {
            let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent(name))) as? [String: Any])
            let file = try #require(truth["file"] as? String)
            let dpi = try #require(truth["dpi"] as? Double)
            var arguments = ["measure", "--format", "json", Self.folder.appendingPathComponent(file).path]
            if file.hasPrefix("placeholder-72dpi") {
                // A scanner's 72 dpi placeholder: refused with the reason and the fix, then measured with the fix.
                let refused = try CommandRunner.run(arguments)
                #expect(refused.status == 1, "\(file)")
                #expect(refused.stderr.contains("at the file's 72 dpi: the density is probably wrong"), "\(file): \(refused.stderr)")
            }
            if file.hasPrefix("no-density") { arguments += ["--dpi", String(dpi)] }
            if file.hasPrefix("placeholder-72dpi") { arguments += ["--override-dpi", String(dpi)] }
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
            let measured = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let feet = measured["feet"] as? [[String: Any]] ?? []
            let trueFeet = truth["feet"] as? [[String: Any]] ?? []
            #expect(feet.count == trueFeet.count, "\(file)")
            for expected in trueFeet {
                let side = expected["side"] as? String
                guard let foot = feet.first(where: { $0["side"] as? String == side }) else {
                    Issue.record("\(file): no \(side ?? "?") foot")
                    continue
                }
                for (key, bound) in [("length_mm", 1.0), ("width_mm", 0.6)] {
                    let error = abs((foot[key] as? Double ?? 0) - (expected[key] as? Double ?? -100))
                    #expect(error <= bound, "\(file) \(side ?? "?") \(key) off by \(error) mm")
                }
            }
        }
    }
}
