import Foundation
import Testing

@Suite("footscan batch, end to end")
struct BatchCommandTests {
    /// A folder of good scans (one and two feet, PNG and JPEG, in a subfolder too) with a corrupt, a
    /// truncated and a non-image file among them, and a text file that is skipped.
    static func makeFolder() throws -> (folder: URL, good: Int, feet: Int) {
        let folder = try CommandRunner.temporaryFolder("batch")
        let sub = folder.appendingPathComponent("customers/2026")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        var feet = 0
        for seed in UInt64(60)..<66 {
            let target = seed % 2 == 0 ? folder : sub
            let (_, truth) = try CommandRunner.writeScan(seed: seed, feet: seed % 3 == 0 ? 2 : 1,
                                                        format: seed % 2 == 0 ? .png : .jpeg(quality: 85, progressive: true), into: target)
            feet += truth.count
        }
        let (good, _) = try CommandRunner.writeScan(seed: 70, into: folder, name: "whole.jpg")
        feet += 1
        let bytes = try Data(contentsOf: good)
        try bytes.prefix(bytes.count / 2).write(to: folder.appendingPathComponent("truncated.jpg"))
        var corrupt = bytes
        for i in stride(from: 400, to: corrupt.count, by: 97) { corrupt[i] ^= 0x5A }
        try corrupt.write(to: sub.appendingPathComponent("corrupt.jpg"))
        try Data("these are notes, not a scan".utf8).write(to: folder.appendingPathComponent("scan-999.png"))
        try Data("skipped".utf8).write(to: folder.appendingPathComponent("README.txt"))
        return (folder, 7, feet)
    }

    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("every file gets its rows, failures included, and the batch goes on; status 1")
    func folder() throws {
        let (folder, good, feet) = try Self.makeFolder()
        let out = folder.appendingPathComponent("results.csv")
        let outcome = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--jobs", "2"])
        #expect(outcome.status == 1)
        let rows = Self.csvRows(try String(contentsOf: out, encoding: .utf8))
        let failed = rows.filter { !$0[2].isEmpty }
        #expect(failed.count == 3, "\(failed.map { $0[0] })")
        #expect(Set(failed.map { URL(fileURLWithPath: $0[0]).lastPathComponent }) == ["truncated.jpg", "corrupt.jpg", "scan-999.png"])
        #expect(rows.filter { $0[2].isEmpty }.count == feet)
        #expect(Set(rows.filter { $0[2].isEmpty }.map { $0[0] }).count == good)
        #expect(outcome.stderr.contains("\(good) files measured (\(feet) feet"))
        #expect(outcome.stderr.contains("3 failed"))
        #expect(outcome.stderr.contains("1 non-image files skipped"))
        // Stable order: sorted paths, feet in order.
        let files = rows.map { $0[0] }
        #expect(files == files.sorted())
    }

    @Test("JSON Lines rows carry the spec's keys plus file, foot and error")
    func jsonLines() throws {
        let (folder, _, feet) = try Self.makeFolder()
        let out = folder.appendingPathComponent("results.jsonl")
        _ = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--no-progress"])
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == feet + 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["file", "foot", "error", "length_mm", "width_mm", "toe_shape", "warnings"] { #expect(object.keys.contains(key)) }
        }
    }

    @Test("--resume after an interruption measures only what is missing and keeps the file valid")
    func resume() throws {
        let (folder, _, _) = try Self.makeFolder()
        let out = folder.appendingPathComponent("results.csv")
        _ = try CommandRunner.run(["batch", folder.path, "--out", out.path])
        let complete = try String(contentsOf: out, encoding: .utf8)
        // An interrupted run: the first four rows and half of the fifth.
        let lines = complete.split(separator: "\n", omittingEmptySubsequences: false)
        let partial = lines.prefix(5).joined(separator: "\n") + "\n" + lines[5].prefix(20)
        try Data(partial.utf8).write(to: out)
        let resumed = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--resume"])
        #expect(resumed.stderr.contains("already done"))
        let after = try String(contentsOf: out, encoding: .utf8)
        #expect(Self.csvRows(after).sorted { $0.joined() < $1.joined() } == Self.csvRows(complete).sorted { $0.joined() < $1.joined() })
    }

    @Test("one job and two jobs give the same rows")
    func jobs() throws {
        let (folder, _, _) = try Self.makeFolder()
        let one = try CommandRunner.run(["batch", folder.path, "--jobs", "1"])
        let two = try CommandRunner.run(["batch", folder.path, "--jobs", "2"])
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("file,foot,error,content_hash,dpi,density_source,channel,image_kind,"))
    }
}
