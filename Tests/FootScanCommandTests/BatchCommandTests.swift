import Foundation
import Testing
import FootScanTestSupport

@Suite("footscan batch, end to end")
struct BatchCommandTests {
    /// A folder of good scans (one and two feet, PNG and JPEG, in a subfolder too) with a corrupt, a
    /// truncated and a non-image file among them, and a text file that is skipped. The caller removes it.
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
        defer { CommandRunner.removeTemporaryFolder(folder) }
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
        #expect(outcome.stderr.contains("1 non-image file skipped"))
        // One line per failed file, naming it and the reason.
        let messages = outcome.stderr.split(separator: "\n").filter { !$0.contains("files measured") }
        #expect(messages.count == 3, "\(outcome.stderr)")
        #expect(messages.contains("footscan: \(folder.path)/scan-999.png: unknown format (neither PNG nor JPEG)"), "\(messages)")
        // Stable order: sorted paths, feet in order.
        let files = rows.map { $0[0] }
        #expect(files == files.sorted())
    }

    @Test("JSON Lines rows carry the spec's keys plus file, foot and error")
    func jsonLines() throws {
        let (folder, _, feet) = try Self.makeFolder()
        defer { CommandRunner.removeTemporaryFolder(folder) }
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
        defer { CommandRunner.removeTemporaryFolder(folder) }
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
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let one = try CommandRunner.run(["batch", folder.path, "--jobs", "1"])
        let two = try CommandRunner.run(["batch", folder.path, "--jobs", "2"])
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("file,foot,error,content_hash,dpi,density_source,channel,image_kind,"))
    }

    @Test("an existing output is never replaced without --force, nor resumed unless batch wrote it; unwritable places are one line")
    func existingOutput() throws {
        let folder = try CommandRunner.temporaryFolder("batch-out")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        _ = try CommandRunner.writeScan(seed: 61, into: folder)
        let out = folder.appendingPathComponent("results.csv")
        try Data("customer,notes\nKim,keep me\n".utf8).write(to: out)
        let refused = try CommandRunner.run(["batch", folder.path, "--out", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "footscan: \(out.path): exists; pass --resume to finish it, or --force to replace it\n")
        let notOurs = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--resume"])
        #expect(notOurs.status == 1)
        #expect(notOurs.stderr == "footscan: \(out.path): cannot resume: not a footscan batch output (its first line is not batch's header); write to a new --out file\n")
        #expect(try String(contentsOf: out, encoding: .utf8) == "customer,notes\nKim,keep me\n")
        // A batch output of another version (other columns) is not resumed either.
        try Data("file,foot,error,content_hash,length_mm\n".utf8).write(to: out)
        let older = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--resume"])
        #expect(older.status == 1)
        #expect(older.stderr == "footscan: \(out.path): cannot resume: written by another version of footscan batch (its columns differ); write to a new --out file\n")
        let forced = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("file,foot,error,content_hash,dpi,"))
        // A folder that is a file: the system's reason in one line, exit 1, no usage text.
        let unwritable = try CommandRunner.run(["batch", folder.path, "--out", out.path + "/r.csv"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "footscan: \(out.path)/r.csv: cannot write the batch output: Not a directory\n")
        let both = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--resume", "--force"])
        #expect(both.status == 2)
        // Nothing to measure is said, and is a failure.
        let empty = try CommandRunner.temporaryFolder("batch-empty")
        defer { CommandRunner.removeTemporaryFolder(empty) }
        try Data("notes".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        let nothing = try CommandRunner.run(["batch", empty.path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr == "footscan: no PNG or JPEG scans in \(empty.path) (1 other file skipped)\n")
    }

    @Test("--resume measures failed files again: a density given after the first run fixes their rows")
    func resumeRetriesFailures() throws {
        let folder = try CommandRunner.temporaryFolder("batch-retry")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        _ = try CommandRunner.writeScan(seed: 62, into: folder)
        _ = try CommandRunner.writeScan(seed: 63, density: false, into: folder)
        let out = folder.appendingPathComponent("results.csv")
        let first = try CommandRunner.run(["batch", folder.path, "--out", out.path])
        #expect(first.status == 1)
        #expect(Self.csvRows(try String(contentsOf: out, encoding: .utf8)).filter { !$0[2].isEmpty }.count == 1)
        let second = try CommandRunner.run(["batch", folder.path, "--out", out.path, "--resume", "--dpi", "150"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 file measured (1 foot, 0 with warnings), 0 failed, 1 already done"), "\(second.stderr)")
        let rows = Self.csvRows(try String(contentsOf: out, encoding: .utf8))
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0[2].isEmpty })
        #expect(rows.map { $0[5] }.sorted() == ["jfif", "option"])
    }

    @Test("shards 1/3, 2/3 and 3/3 together give exactly the rows of one unsharded run")
    func shards() throws {
        let (folder, _, _) = try Self.makeFolder()
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let whole = try CommandRunner.run(["batch", folder.path, "--jobs", "2"])
        var rows: [String] = []
        var counts: [Int] = []
        for k in 1...3 {
            let part = try CommandRunner.run(["batch", folder.path, "--shard", "\(k)/3"])
            let lines = part.stdout.split(separator: "\n").dropFirst().map(String.init)
            counts.append(Set(lines.map { $0.split(separator: ",").first ?? "" }).count)
            rows += lines
            #expect(part.stderr.contains("; shard \(k)/3: "), "\(part.stderr)")
        }
        let wholeRows = whole.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(rows.sorted() == wholeRows.sorted())
        #expect(counts.filter { $0 > 0 }.count >= 2, "\(counts)")
        for bad in ["0/3", "4/3", "1/0", "x"] {
            #expect(try CommandRunner.run(["batch", folder.path, "--shard", bad]).status == 2)
        }
    }
}
