import ArgumentParser
import FootScanLasts
import FootScanReports
import Foundation

/// Where batch rows go: standard output, or a file written one whole file's rows per `write` call, so
/// an interrupted batch leaves it valid up to the last complete row. An existing file is replaced only
/// with `--force`; with `--resume` it is read back (through `BatchFile`: it must be `batch`'s own output,
/// in this version's columns), its failed rows and an unfinished last line are dropped, so those files
/// are measured again, and new rows are appended.
final class BatchOutput: @unchecked Sendable {
    /// A file already measured: its path and its content hash.
    struct Key: Hashable {
        var file: String
        var hash: String
    }

    let descriptor: Int32
    private(set) var completed: Set<Key> = []

    /// Opens the output; a refusal or failure is reported in one line and throws exit status 1.
    init(path: String?, jsonLines: Bool, resume: Bool, force: Bool) throws {
        guard let path else {
            descriptor = 1
            if !jsonLines { StandardOutput.print(FootRow.csvHeader) }
            return
        }
        func refuse(_ reason: String) -> ExitCode {
            StandardError.print("footscan: \(path): \(reason)")
            return ExitCode(1)
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && resume {
            let previous: BatchFile
            do { previous = try BatchFile.read(path: path, jsonLines: jsonLines) } catch {
                throw refuse("cannot resume: \(error.reason); write to a new --out file")
            }
            guard previous.hasCurrentColumns else {
                throw refuse("cannot resume: written by another version of footscan batch (its columns differ); write to a new --out file")
            }
            // Keep the measured rows; the failed ones are measured again.
            let kept = previous.rows.filter { $0.error == nil && !($0.fields["content_hash"] ?? "").isEmpty }
            completed = Set(kept.map { Key(file: $0.file, hash: $0.fields["content_hash"] ?? "") })
            var text = jsonLines ? "" : FootRow.csvHeader + "\n"
            for row in kept { text += row.line + "\n" }
            try OutputFile.write(Array(text.utf8), to: path, what: "batch output")
            descriptor = open(path, O_WRONLY | O_APPEND)
        } else {
            if exists && !force { throw refuse("exists; pass --resume to finish it, or --force to replace it") }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if descriptor >= 0 && !jsonLines { StandardStream.write(FootRow.csvHeader + "\n", to: descriptor) }
        }
        guard descriptor >= 0 else { throw refuse("cannot write the batch output: \(String(cString: strerror(errno)))") }
    }

    deinit { if descriptor > 2 { close(descriptor) } }

    /// Writes one file's lines in one call.
    func append(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        StandardStream.write(lines.joined(separator: "\n") + "\n", to: descriptor)
    }
}
