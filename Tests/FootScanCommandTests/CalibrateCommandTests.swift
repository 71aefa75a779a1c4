import FootScanSynth
import Foundation
import Testing
import FootScanTestSupport

@Suite("footscan calibrate and --profile, end to end")
struct CalibrateCommandTests {
    /// A card alone on the bed at a known pixel size, written with a wrong (placeholder) density.
    static func cardScan(seed: UInt64, dpi: Double, angle: Double, format: ScanFileFormat, into folder: URL) throws -> URL {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [dpi]
        conditions.formats = [format]
        var scene = ScanScene.random(seed: seed, conditions: conditions)
        scene.placeCardAlone(centreMM: Point2(70, 55), angle: angle, bedMM: (140, 110))
        scene.claimedDotsPerInch = 72
        let scan = try ScanRenderer.render(scene)
        let url = folder.appendingPathComponent("card-\(seed).\(scan.fileExtension)")
        try Data(scan.fileBytes).write(to: url)
        return url
    }

    @Test("the card gives the true pixel size in x and y within 0.2%", arguments: [
        (1 as UInt64, 150.0, 0.0), (2, 200, 0.3), (3, 300, -0.2), (4, 600, 0.05), (5, 200, 1.2),
    ])
    func card(seed: UInt64, dpi: Double, angle: Double) throws {
        let folder = try CommandRunner.temporaryFolder("calibrate")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let url = try Self.cardScan(seed: seed, dpi: dpi, angle: angle, format: seed % 2 == 0 ? .png : .jpeg(quality: 90, progressive: false), into: folder)
        let profile = folder.appendingPathComponent("scanner.toml")
        let outcome = try CommandRunner.run(["calibrate", url.path, "--object", "card", "-o", profile.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try String(contentsOf: profile, encoding: .utf8)
        func value(_ key: String) -> Double? {
            text.split(separator: "\n").first { $0.hasPrefix(key + " =") }.flatMap { Double($0.split(separator: "=")[1].trimmingCharacters(in: .whitespaces)) }
        }
        let truth = 25.4 / dpi
        let x = try #require(value("mm_per_pixel_x")), y = try #require(value("mm_per_pixel_y"))
        print("calibration at \(Int(dpi)) dpi, angle \(angle) rad: x error \((x / truth - 1) * 100)%, y error \((y / truth - 1) * 100)%")
        #expect(abs(x / truth - 1) <= 0.002)
        #expect(abs(y / truth - 1) <= 0.002)
        #expect(text.contains("view = \"plantar\""))
    }

    @Test("a profile replaces the file's wrong density when measuring; no card is a clear error")
    func profileInUse() throws {
        let folder = try CommandRunner.temporaryFolder("profile")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let card = try Self.cardScan(seed: 9, dpi: 150, angle: 0.1, format: .png, into: folder)
        let profile = folder.appendingPathComponent("scanner.toml")
        #expect(try CommandRunner.run(["calibrate", card.path, "--object", "card", "-o", profile.path]).status == 0)
        // A foot scanned by the same scanner, its file claiming 72 dpi.
        var conditions = SceneConditions()
        conditions.dotsPerInch = [150]
        conditions.footCount = 1
        var scene = ScanScene.random(seed: 19, conditions: conditions)
        scene.claimedDotsPerInch = 72
        let scan = try ScanRenderer.render(scene)
        let foot = folder.appendingPathComponent("foot.\(scan.fileExtension)")
        try Data(scan.fileBytes).write(to: foot)
        let outcome = try CommandRunner.run(["measure", "--format", "json", "--profile", profile.path, foot.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["density_source"] as? String == "profile")
        let length = try #require((object["feet"] as? [[String: Any]])?.first?["length_mm"] as? Double)
        #expect(abs(length - scan.truth[0].lengthMM) < 1.0)
        // Text shows the profile's density to a tenth of a dpi, not to the last bit.
        let text = try CommandRunner.run(["measure", "--profile", profile.path, foot.path])
        #expect(text.stdout.range(of: #", 1[45]\d(\.\d)? dpi \(profile\)\n"#, options: .regularExpression) != nil, "\(text.stdout)")
        // An existing profile is kept unless --force.
        let again = try CommandRunner.run(["calibrate", card.path, "--object", "card", "-o", profile.path])
        #expect(again.status == 1)
        #expect(again.stderr == "footscan: \(profile.path): exists; pass --force to replace it\n")
        #expect(try CommandRunner.run(["calibrate", card.path, "--object", "card", "-o", profile.path, "--force"]).status == 0)
        let missing = try CommandRunner.run(["calibrate", foot.path, "--object", "card"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no ID-1 card found"))
        #expect(try CommandRunner.run(["calibrate", card.path, "--object", "coin"]).status == 2)
    }

    @Test("a profile is read by a TOML parser: comments after values and other layouts work; a broken one says where")
    func profileTOML() throws {
        let folder = try CommandRunner.temporaryFolder("profile-toml")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (scan, truth) = try CommandRunner.writeScan(seed: 23, claimedDPI: 72, into: folder)
        let handWritten = folder.appendingPathComponent("hand.toml")
        try Data("""
            # our scanner, checked with a ruler on 2026-11-30
            [calibration]
            object = "ruler-mm=300"   # the long steel rule

            [scanner]
            view = "plantar"
            mm_per_pixel_y = 0.169333  # 150 dpi
            mm_per_pixel_x = 0.169333  # checked with a ruler

            """.utf8).write(to: handWritten)
        let outcome = try CommandRunner.run(["measure", "--format", "json", "--profile", handWritten.path, scan.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let length = try #require((object["feet"] as? [[String: Any]])?.first?["length_mm"] as? Double)
        #expect(abs(length - truth[0].lengthMM) < 1.0)
        let broken = folder.appendingPathComponent("broken.toml")
        try Data("[scanner]\nmm_per_pixel_x = = 0.17\n".utf8).write(to: broken)
        let refused = try CommandRunner.run(["measure", "--profile", broken.path, scan.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("Error: \(broken.path): not a TOML file: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("(line 2)"), "\(refused.stderr)")
    }
}
