import Foundation
import Testing
import FootScanTestSupport

/// The scans a new user tries first: each measures as its truth file says.
@Suite("Sample scans")
struct SampleScanTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/scans")

    @Test("every sample scan gives its feet within 1.0 mm of length and 0.6 mm of width (1.0 on ink, 1.3 and 3.0 on a pressure plate; a print with no toe shown says so), sides right, prints' arch index within 0.02")
    func samples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".truth.json") }.sorted()
        #expect(names.count >= 15)
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
            // An ink print on paper, and a pressure plate's map, are seen from above.
            if file.hasPrefix("ink-grid") || file.hasPrefix("pressure-plate") { arguments += ["--view", "dorsal"] }
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
                // An ink print's edge is a texture of broken lines: the ink-grid set's width P95 is 0.88 mm
                // (README, Prints from real devices), above the soles' 0.6.
                // A pressure plate's sensors are about 5 mm apart: the pressure-plate set's bounds (length
                // P95 1.3 mm, width 3.0 mm).
                let pressure = file.hasPrefix("pressure-plate")
                let widthBound = pressure ? 3.0 : file.hasPrefix("ink-grid") ? 1.0 : 0.6
                // A print on which no toe showed ends at the ball: its length and width are the print's,
                // along its own axis (the truth's runs to where toe 2 would be); it says so.
                let toeless = (expected["toe_tips_mm"] as? [Any])?.isEmpty == true
                let warnings = foot["warnings"] as? [String] ?? []
                #expect(!toeless || warnings.contains("partial_print"), "\(file) \(side ?? "?"): \(warnings)")
                for (key, bound) in toeless ? [] : [("length_mm", pressure ? 1.3 : 1.0), ("width_mm", widthBound)] {
                    let error = abs((foot[key] as? Double ?? 0) - (expected[key] as? Double ?? -100))
                    #expect(error <= bound, "\(file) \(side ?? "?") \(key) off by \(error) mm")
                }
                if let trueArch = expected["arch_index"] as? Double {
                    let arch = foot["arch_index"] as? Double ?? -1
                    #expect(abs(arch - trueArch) <= 0.02, "\(file) \(side ?? "?") arch index \(arch) against \(trueArch)")
                }
            }
        }
    }
}
