import FootScanLasts
import Foundation

/// A batch output file read back, by column name: the one reader `batch --resume` and `match --batch`
/// share. A CSV must start with `batch`'s header; JSON Lines rows must be objects naming their `file`.
package struct BatchFile {
    /// One complete line of the file and its fields by column name.
    package struct Row {
        /// The row as a line of the file (JSON Lines: as written; CSV: its fields written again, as batch wrote them).
        package var line: Substring
        /// Field values by column name; JSON nulls and empty CSV fields are absent, lists are joined with `;`.
        package var fields: [String: String]

        /// The scanned file the row belongs to.
        package var file: String { fields["file"] ?? "" }
        /// The row's error, when its file failed.
        package var error: String? { fields["error"].flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// Why a file cannot serve as a batch output.
    package enum Problem: Error, Equatable {
        /// The file cannot be read (the system's reason).
        case unreadable(String)
        /// The file holds something else than `batch` rows.
        case notBatchOutput(String)

        /// The reason, in the user's terms, to follow the file's name.
        package var reason: String {
            switch self {
            case .unreadable(let why): return "cannot read the file: \(why)"
            case .notBatchOutput(let why): return "not a footscan batch output (\(why))"
            }
        }
    }

    /// The CSV header line as found (nil for JSON Lines).
    package var header: [String]?
    /// The rows, in file order; a last line cut by an interruption is left out.
    package var rows: [Row]

    /// Whether the columns are the ones this version of `batch` writes.
    package var hasCurrentColumns: Bool { header.map { $0 == FootRow.columns } ?? true }

    /// Reads a batch output file (`.csv` or `.jsonl`).
    package static func read(path: String, jsonLines: Bool) throws(Problem) -> BatchFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(FileFailure.reason(error))
        }
        return try parse(String(decoding: data, as: UTF8.self), jsonLines: jsonLines)
    }

    /// Parses a batch output's text.
    package static func parse(_ text: String, jsonLines: Bool) throws(Problem) -> BatchFile {
        var complete = Substring(text)
        if !complete.isEmpty && !complete.hasSuffix("\n") {
            // The last row was cut by an interruption: it does not count.
            complete = complete.lastIndex(of: "\n").map { complete[...$0] } ?? ""
        }
        if jsonLines {
            let lines = complete.split(whereSeparator: \.isNewline)
            var rows: [Row] = []
            for (number, line) in lines.enumerated() {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["file"] is String else {
                    throw .notBatchOutput("line \(number + 1) is not a row of batch's JSON Lines")
                }
                var fields: [String: String] = [:]
                for (key, value) in object where !(value is NSNull) {
                    if let text = value as? String { fields[key] = text } else if let items = value as? [Any] {
                        // Lists as a CSV row holds them: joined with `;`.
                        fields[key] = items.map { ($0 as? String) ?? "\($0)" }.joined(separator: ";")
                    } else if let number = value as? NSNumber { fields[key] = number.stringValue } else { fields[key] = "\(value)" }
                }
                rows.append(Row(line: line, fields: fields))
            }
            return BatchFile(header: nil, rows: rows)
        }
        let csvRows = CSVText.rows(String(complete)).filter { $0.comment == nil }
        guard let first = csvRows.first else { return BatchFile(header: nil, rows: []) }
        let header = first.fields
        guard header.first == "file", header.contains("content_hash"), header.contains("error") else {
            throw .notBatchOutput("its first line is not batch's header")
        }
        let rows = csvRows.dropFirst().map { row in
            var fields: [String: String] = [:]
            for (column, value) in zip(header, row.fields) where !value.isEmpty && fields[column] == nil { fields[column] = value }
            return Row(line: Substring(CSVText.line(row.fields)), fields: fields)
        }
        return BatchFile(header: header, rows: rows)
    }
}
