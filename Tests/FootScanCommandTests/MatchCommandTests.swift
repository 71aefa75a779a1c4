import Foundation
import Testing
import FootScanTestSupport

@Suite("footscan match and lasts, end to end")
struct MatchCommandTests {
    @Test("typed measures give the contract's JSON, best first")
    func typed() throws {
        let outcome = try CommandRunner.run(["match", "--length", "247", "--width", "96", "--toe", "greek", "--format", "json", "--top", "3"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let size = try #require(object["size"] as? [String: Any])
        #expect(size["korean_mm"] as? Int == 250 && size["mondopoint"] as? String == "247/96")
        for key in ["eu", "uk", "us_men", "us_women"] { #expect(size[key] is Double) }
        let recommendations = try #require(object["recommendations"] as? [[String: Any]])
        #expect(recommendations.count == 3)
        let scores = recommendations.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        for key in ["last_id", "workshop", "style", "toe_shape", "size_mm", "width", "score", "length_room_mm", "width_diff_mm", "reasons"] {
            #expect(recommendations[0].keys.contains(key), "missing \(key)")
        }
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test("a scan is measured and matched; a batch file gives one match per scan")
    func scanAndBatch() throws {
        let folder = try CommandRunner.temporaryFolder("match")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (url, _) = try CommandRunner.writeScan(seed: 81, feet: 2, into: folder)
        let scan = try CommandRunner.run(["match", url.path, "--sex", "male"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("size: Korean "))
        #expect(scan.stdout.contains("toe room"))
        _ = try CommandRunner.writeScan(seed: 82, into: folder)
        let results = folder.appendingPathComponent("results.csv")
        _ = try CommandRunner.run(["batch", folder.path, "--out", results.path])
        let batch = try CommandRunner.run(["match", "--batch", results.path, "--format", "json", "--top", "1"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let rows = batch.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 2)
        // One match per scan, in file order, with that scan's feet, sized by its longer foot as the typed match sizes it.
        #expect(rows.map { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["scan-81.jpg", "scan-82.jpg"])
        #expect(rows.map { ($0["feet"] as? [Any])?.count } == [2, 1])
        for row in rows {
            let feet = try #require(row["feet"] as? [[String: Any]])
            let longest = try #require(feet.compactMap { $0["length_mm"] as? Double }.max())
            let width = try #require(feet.first { $0["length_mm"] as? Double == longest }?["width_mm"] as? Double)
            let typed = try CommandRunner.run(["match", "--length", "\(longest)", "--width", "\(width)", "--format", "json", "--top", "1"])
            let typedSize = try #require((try JSONSerialization.jsonObject(with: Data(typed.stdout.utf8)) as? [String: Any])?["size"] as? [String: Any])
            let size = try #require(row["size"] as? [String: Any])
            #expect(size["korean_mm"] as? Int == typedSize["korean_mm"] as? Int)
            #expect(size["mondopoint"] as? String == typedSize["mondopoint"] as? String)
        }
    }

    @Test("a foot no human has is refused with the reason, exit 1; the overlay of a scan with no foot shows why")
    func implausible() throws {
        let folder = try CommandRunner.temporaryFolder("implausible")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        // A 100 dpi scan of a 318 mm foot that says 85 dpi: 374 mm, foot-shaped, measured but implausible.
        let (long, _) = try CommandRunner.writeScan(seed: 7, dpi: 100, claimedDPI: 85, into: folder)
        let measured = try CommandRunner.run(["measure", "--format", "json", long.path])
        #expect(measured.status == 0, "\(measured.stderr)")
        #expect(measured.stdout.contains("\"implausible_size\""))
        let match = try CommandRunner.run(["match", long.path])
        #expect(match.status == 1)
        #expect(match.stdout.isEmpty)
        #expect(match.stderr.contains("\(long.path): not matched: foot 1: its size ("), "\(match.stderr)")
        #expect(match.stderr.contains("is no human foot's: the density is probably wrong"), "\(match.stderr)")
        // A 150 dpi scan that says 72: no foot at all, the error says why, and the overlay shows what was seen.
        let (placeholder, _) = try CommandRunner.writeScan(seed: 5, claimedDPI: 72, into: folder)
        let overlay = folder.appendingPathComponent("seen.png")
        let drawn = try CommandRunner.run(["overlay", placeholder.path, "-o", overlay.path])
        #expect(drawn.status == 1)
        #expect(drawn.stderr.contains("mm long at the file's 72 dpi: the density is probably wrong"), "\(drawn.stderr)")
        let picture = try Data(contentsOf: overlay)
        #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("lasts validate names each mistake and fails; the sample passes")
    func validate() throws {
        let folder = try CommandRunner.temporaryFolder("lasts")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("id,workshop,style,toe_shape,size_mm,width,length_mm,ball_width_mm,ball_girth_mm,heel_width_mm\nA,W,clog,round,250,E,267,93,233,58\n".utf8).write(to: bad)
        let outcome = try CommandRunner.run(["lasts", "validate", bad.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(bad.path): line 2, column style: unknown style \"clog\""))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let good = try CommandRunner.run(["lasts", "validate", root.appendingPathComponent("Samples/lasts/seongsu.csv").path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("540 lasts from 3 workshops"))
    }

    @Test("match --batch reports each failed or implausible scan in one line (and a JSON row) and exits 1")
    func batchFailures() throws {
        let folder = try CommandRunner.temporaryFolder("match-batch")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let (good, _) = try CommandRunner.writeScan(seed: 82, into: folder)
        let broken = folder.appendingPathComponent("broken.jpg")
        try Data("not a scan".utf8).write(to: broken)
        let out = folder.appendingPathComponent("results.jsonl")
        _ = try CommandRunner.run(["batch", folder.path, "--out", out.path])
        // A third row: a foot of 374 mm, as a scan at a wrong density gives.
        let implausible = #"{"file": "wrong-dpi.png", "foot": 0, "error": null, "content_hash": "00", "length_mm": 374.2, "width_mm": 140.1, "warnings": ["implausible_size"]}"#
        try (try String(contentsOf: out, encoding: .utf8) + implausible + "\n").write(to: out, atomically: true, encoding: .utf8)
        let json = try CommandRunner.run(["match", "--batch", out.path, "--format", "json", "--top", "1"])
        #expect(json.status == 1)
        #expect(json.stderr == """
            footscan: \(broken.path): not matched: unknown format (neither PNG nor JPEG)
            footscan: wrong-dpi.png: not matched: foot 1: its size (374.2 x 140.1 mm) is no human foot's: the density is probably wrong; calibrate the scanner or pass the density
            footscan: 2 of the batch file's scans not matched

            """, "\(json.stderr)")
        let rows = json.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 3)
        #expect(rows.map { $0["file"] as? String } == [broken.path, good.path, "wrong-dpi.png"])
        #expect(rows[0]["error"] as? String == "unknown format (neither PNG nor JPEG)")
        #expect(rows[1]["recommendations"] != nil && rows[1]["error"] == nil)
        let text = try CommandRunner.run(["match", "--batch", out.path, "--top", "1"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(good.path):") && !text.stdout.contains("broken.jpg"))
        let missing = try CommandRunner.run(["match", "--batch", folder.appendingPathComponent("none.csv").path])
        #expect(missing.stderr == "footscan: \(folder.path)/none.csv: cannot read the file: No such file or directory\n")
        #expect(missing.status == 1)
    }

    @Test("each criterion's label follows its wanted range, and the advised change moves into it")
    func labelsFollowRanges() throws {
        // 58 mm heel: the sample's nearest last has a seat 1.6 mm narrower, inside 4 mm: too wide, it slips.
        let outcome = try CommandRunner.run(["match", "--length", "250", "--width", "95", "--heel", "58", "--top", "1"])
        #expect(outcome.stdout.contains("heel seat 1.6 mm narrower than the heel: slips"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("> narrow the heel seat by 2.4 mm"))
        #expect(!outcome.stdout.contains("pinches"))
    }

    @Test("lasts validate: a renamed header is one line, a missing file says why")
    func validateHeaderAndFile() throws {
        let folder = try CommandRunner.temporaryFolder("lasts-header")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let renamed = folder.appendingPathComponent("renamed.csv")
        let sample = try CommandRunner.run(["lasts", "sample"]).stdout
        try Data(sample.replacingOccurrences(of: "size_mm,width", with: "sizes_mm,width").utf8).write(to: renamed)
        let outcome = try CommandRunner.run(["lasts", "validate", renamed.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.hasPrefix("\(renamed.path): line "))
        #expect(outcome.stderr.contains(": the header is not a catalogue's: missing size_mm; unknown \"sizes_mm\""))
        let missing = try CommandRunner.run(["lasts", "validate", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(folder.path)/none.csv: cannot read the file: No such file or directory\n")
    }
}
