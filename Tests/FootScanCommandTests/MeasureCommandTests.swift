import FootScanImage
import Foundation
import Testing
import FootScanTestSupport

@Suite("footscan measure and overlay, end to end")
struct MeasureCommandTests {
    @Test("a bed as bright as the skin is measured from colour, and says so")
    func colourChannel() throws {
        let folder = try CommandRunner.temporaryFolder("colour")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, truth) = try CommandRunner.writeScan(seed: 77, dpi: 150, feet: 1, isoluminant: true, into: folder)
        let outcome = try CommandRunner.run(["measure", "--format", "json", url.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["channel"] as? String == "colour")
        let feet = try #require(object["feet"] as? [[String: Any]])
        #expect(feet.count == 1)
        #expect(abs((feet.first?["length_mm"] as? Double ?? 0) - (truth.first?.lengthMM ?? -10)) < 1.0)
        let text = try CommandRunner.run(["measure", url.path])
        #expect(text.stdout.contains("colour channel"))
    }

    @Test("JSON output carries the spec's keys and the true measures")
    func json() throws {
        let folder = try CommandRunner.temporaryFolder("measure")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, truth) = try CommandRunner.writeScan(seed: 41, feet: 2, into: folder)
        let outcome = try CommandRunner.run(["measure", "--format", "json", url.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        for key in ["file", "dpi", "mm_per_pixel", "density_source", "channel", "width_px", "height_px", "image_kind", "feet"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["dpi"] as? Double == 150)
        #expect(object["density_source"] as? String == "jfif")
        #expect(object["channel"] as? String == "luma")
        let feet = try #require(object["feet"] as? [[String: Any]])
        #expect(feet.count == 2)
        for (foot, expected) in zip(feet, truth) {
            for key in ["side", "length_mm", "width_mm", "ball_width_mm", "heel_width_mm", "toe_tips_mm", "toe1_minus_toe2_mm",
                        "toe_shape", "arch_index", "arch_type", "uncertainty_mm", "warnings"] {
                #expect(foot.keys.contains(key), "missing \(key)")
            }
            #expect(foot["side"] as? String == expected.side.rawValue)
            #expect(abs((foot["length_mm"] as? Double ?? 0) - expected.lengthMM) < 1.0)
            #expect(abs((foot["width_mm"] as? Double ?? 0) - expected.widthMM) < 1.0)
            #expect(foot["arch_index"] is NSNull)
        }
        #expect(outcome.stderr.isEmpty)
    }

    @Test("text and JSON Lines for several files; one failure gives status 1 and a one-line message")
    func severalFiles() throws {
        let folder = try CommandRunner.temporaryFolder("several")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (a, _) = try CommandRunner.writeScan(seed: 42, into: folder)
        let (b, _) = try CommandRunner.writeScan(seed: 43, format: .png, into: folder)
        let broken = folder.appendingPathComponent("broken.png")
        try Data("not an image".utf8).write(to: broken)
        let lines = try CommandRunner.run(["measure", "--format", "json", a.path, broken.path, b.path])
        #expect(lines.status == 1)
        let rows = lines.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].contains("\"error\": \"unknown format"))
        #expect(lines.stderr == "footscan: \(broken.path): unknown format (neither PNG nor JPEG)\n")
        let text = try CommandRunner.run(["measure", a.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("foot 1 ("))
        #expect(text.stdout.contains("length "))
    }

    @Test("no density: an error that says how to fix it; --dpi fixes it")
    func density() throws {
        let folder = try CommandRunner.temporaryFolder("density")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, truth) = try CommandRunner.writeScan(seed: 44, density: false, into: folder)
        let refused = try CommandRunner.run(["measure", url.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--dpi"))
        let measured = try CommandRunner.run(["measure", "--format", "json", "--dpi", "150", url.path])
        #expect(measured.status == 0)
        #expect(measured.stdout.contains("\"density_source\": \"option\""))
        #expect(measured.stdout.contains("\"side\": \"\(truth[0].side.rawValue)\""))
    }

    @Test("--dpi fills in only where a file states no density; --override-dpi replaces a stated one")
    func densityFillInAndOverride() throws {
        let folder = try CommandRunner.temporaryFolder("density-choice")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, truth) = try CommandRunner.writeScan(seed: 47, dpi: 100, into: folder)
        func measured(_ arguments: [String]) throws -> [String: Any] {
            let outcome = try CommandRunner.run(["measure", "--format", "json"] + arguments + [url.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        }
        let filled = try measured(["--dpi", "150"])
        #expect(filled["dpi"] as? Double == 100 && filled["density_source"] as? String == "jfif")
        let length = try #require((filled["feet"] as? [[String: Any]])?.first?["length_mm"] as? Double)
        #expect(abs(length - truth[0].lengthMM) <= 1.0)
        let overridden = try measured(["--override-dpi", "150"])
        #expect(overridden["dpi"] as? Double == 150 && overridden["density_source"] as? String == "option")
        let both = try CommandRunner.run(["measure", "--dpi", "150", "--override-dpi", "150", url.path])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--dpi and --override-dpi both set the pixel size: give one."))
    }

    @Test("usage errors exit with status 2")
    func usage() throws {
        #expect(try CommandRunner.run(["measure"]).status == 2)
        #expect(try CommandRunner.run(["measure", "--dpi", "-3", "x.png"]).status == 2)
        #expect(try CommandRunner.run(["batch", "--jobs", "0", "."]).status == 2)
        #expect(try CommandRunner.run(["--help"]).status == 0)
    }

    @Test("messages say what is wrong with the value given; help shows each default once; --version")
    func messages() throws {
        let coarsest = try CommandRunner.run(["measure", "--coarsest-pixel", "0", "x.png"])
        #expect(coarsest.status == 2)
        #expect(coarsest.stderr.hasPrefix("Error: --coarsest-pixel must be more than 0 and at most 2 mm (got 0).\n"), "\(coarsest.stderr)")
        let length = try CommandRunner.run(["match", "--length", "2500", "--width", "95"])
        #expect(length.status == 2)
        #expect(length.stderr.hasPrefix("Error: --length 2500: a foot's is 60 to 400 mm.\n"), "\(length.stderr)")
        let help = try CommandRunner.run(["batch", "--help"])
        #expect(help.stdout.contains("(default: every core, "))
        #expect(!help.stdout.contains("). (default:"), "\(help.stdout)")
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
    }

    @Test("bench prints the fastest and the median of each step")
    func benchMedian() throws {
        let folder = try CommandRunner.temporaryFolder("bench")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 47, into: folder)
        let text = try CommandRunner.run(["bench", url.path, "--repeat", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("fastest / median of 3 runs: decode "), "\(text.stdout)")
        // The decode for measuring beside the luma decode, with its ratio (a generated grey scan: luma).
        #expect(text.stdout.range(of: #"decode for measuring \(luma\) [0-9.]+ / [0-9.]+ ms \([0-9.]+x / [0-9.]+x the decode\)"#,
                                  options: .regularExpression) != nil, "\(text.stdout)")
        let missing = try CommandRunner.run(["bench", folder.appendingPathComponent("none.png").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("footscan: \(folder.path)/none.png: "), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test("the overlay is a PNG of the scan's height and density, at least as wide (a label panel may be added on the right)")
    func overlay() throws {
        let folder = try CommandRunner.temporaryFolder("overlay")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 45, into: folder)
        let out = folder.appendingPathComponent("overlay.png")
        let outcome = try CommandRunner.run(["overlay", url.path, "-o", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let picture = try ScanDecoder.decodeFile(atPath: out.path)
        let scan = try ScanDecoder.decodeFile(atPath: url.path)
        #expect(picture.width >= scan.width && picture.height == scan.height)
        #expect(picture.width <= scan.width + Int(100 / 25.4 * 150), "a panel is at most a label's width")
        #expect(picture.density?.dotsPerInch == 150)
        #expect(picture.source.colourType == "rgb")
    }

    @Test("an overlay never replaces the scan, nor an existing file without --force")
    func overlayKeepsFiles() throws {
        let folder = try CommandRunner.temporaryFolder("overlay-safe")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 46, into: folder)
        let original = try Data(contentsOf: url)
        for arguments in [["overlay", url.path, "-o", url.path], ["overlay", url.path, "-o", url.path, "--force"],
                          ["measure", url.path, "--overlay", url.path, "--force"]] {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr == "footscan: \(url.path): is the scan itself; write the overlay to another file\n", "\(outcome.stderr)")
            #expect(try Data(contentsOf: url) == original)
        }
        let out = folder.appendingPathComponent("out.png")
        try Data("keep me".utf8).write(to: out)
        let refused = try CommandRunner.run(["overlay", url.path, "-o", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "footscan: \(out.path): exists; pass --force to replace it\n")
        #expect(try Data(contentsOf: out) == Data("keep me".utf8))
        let replaced = try CommandRunner.run(["overlay", url.path, "-o", out.path, "--force"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try ScanDecoder.decodeFile(atPath: out.path).width > 0)
        let unwritable = try CommandRunner.run(["overlay", url.path, "-o", "/proc/footscan-no/out.png"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "footscan: /proc/footscan-no/out.png: cannot write the overlay: No such file or directory\n", "\(unwritable.stderr)")
    }

    @Test("a place the system will not write to (sysfs refuses even root): one line with the system's reason, exit 1, for every command that writes")
    func unwritablePlaces() throws {
        guard FileManager.default.fileExists(atPath: "/sys/kernel") else { return }
        let folder = try CommandRunner.temporaryFolder("unwritable")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 48, into: folder)
        let card = try CalibrateCommandTests.cardScan(seed: 8, dpi: 150, angle: 0.2, format: .png, into: folder)
        let cases: [([String], String)] = [
            (["overlay", url.path, "-o", "/sys/footscan-overlay.png"], "footscan: /sys/footscan-overlay.png: cannot write the overlay: "),
            (["measure", url.path, "--overlay", "/sys/footscan-overlay.png"], "footscan: /sys/footscan-overlay.png: cannot write the overlay: "),
            (["batch", url.path, "--out", "/sys/footscan-results.csv"], "footscan: /sys/footscan-results.csv: cannot write the batch output: "),
            (["synth", "--out", "/sys/footscan-synth"], "footscan: /sys/footscan-synth: cannot create the folder: "),
            (["calibrate", card.path, "--object", "card", "-o", "/sys/footscan.toml"], "footscan: /sys/footscan.toml: cannot write the profile: "),
        ]
        for (arguments, prefix) in cases {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 1, "\(arguments): \(outcome.stderr)")
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix(prefix), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Error Domain") && !outcome.stderr.contains("Usage:"), "\(outcome.stderr)")
        }
    }

    @Test("the JSON keys and the batch CSV columns are the key list the README gives, in its order")
    func keyList() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("Each foot's keys, in order") })
        let listed = line.split(separator: ":", maxSplits: 1).last.map { part in
            part.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        } ?? []
        #expect(listed.count == 24)
        let folder = try CommandRunner.temporaryFolder("keys")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 49, into: folder)
        let outcome = try CommandRunner.run(["measure", "--format", "json", url.path])
        // The same keys, no more, and each written after the one before it.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let foot = try #require((object["feet"] as? [[String: Any]])?.first)
        #expect(Set(foot.keys) == Set(listed))
        let text = outcome.stdout
        let positions = listed.map { text.range(of: "\"\($0)\": ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "keys out of order")
        let csv = try CommandRunner.run(["batch", url.path])
        let header = try #require(csv.stdout.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(header == ["file", "foot", "error", "content_hash", "dpi", "density_source", "channel", "image_kind"] + listed)
    }
}
