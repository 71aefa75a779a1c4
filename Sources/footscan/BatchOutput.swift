import ArgumentParser
import FootScanLasts
import Foundation

/// Where batch rows go: standard output, or a file written one whole file's rows per `write` call, so
/// an interrupted batch leaves it valid up to the last complete row. With `--resume` the rows already in
/// the file are read back (an unfinished last line is cut off) and new rows are appended.
final class BatchOutput: @unchecked Sendable {
    /// A file already measured: its path and its content hash.
    struct Key: Hashable {
        var file: String
        var hash: String
    }

    let descriptor: Int32
    private(set) var completed: Set<Key> = []

    init(path: String?, jsonLines: Bool, resume: Bool) throws {
        guard let path else {
            descriptor = 1
            if !jsonLines { StandardOutput.print(FootRow.csvHeader) }
            return
        }
        var existing = ""
        if resume, let data = FileManager.default.contents(atPath: path) {
            existing = String(decoding: data, as: UTF8.self)
            if !existing.isEmpty && !existing.hasSuffix("\n") {
                // The last row was cut by the interruption: drop it.
                existing = existing.lastIndex(of: "\n").map { String(existing[...$0]) } ?? ""
            }
            completed = BatchOutput.completedFiles(existing, jsonLines: jsonLines)
        }
        let flags = O_WRONLY | O_CREAT | O_TRUNC
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))") }
        if !existing.isEmpty {
            StandardStream.write(existing, to: descriptor)
        } else if !jsonLines {
            StandardStream.write(FootRow.csvHeader + "\n", to: descriptor)
        }
    }

    deinit { if descriptor > 2 { close(descriptor) } }

    /// Writes one file's lines in one call.
    func append(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        StandardStream.write(lines.joined(separator: "\n") + "\n", to: descriptor)
    }

    /// The (file, hash) pairs already in the output, failed ones included (the same bytes would fail the
    /// same way); a file whose content changed since has another hash and is measured again.
    static func completedFiles(_ text: String, jsonLines: Bool) -> Set<Key> {
        var keys = Set<Key>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        if jsonLines {
            for line in lines {
                guard let data = line.data(using: .utf8),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let file = object["file"] as? String, let hash = object["content_hash"] as? String,
                      !hash.isEmpty else { continue }
                keys.insert(Key(file: file, hash: hash))
            }
        } else {
            for line in lines.dropFirst() {
                let fields = CSVLine.fields(String(line))
                guard fields.count >= 4, !fields[3].isEmpty else { continue }
                keys.insert(Key(file: fields[0], hash: fields[3]))
            }
        }
        return keys
    }
}
