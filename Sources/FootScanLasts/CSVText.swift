import CSV
import Foundation

/// CSV as FootScan reads and writes it (catalogues, batch output), through yaslab/CSV.swift: RFC 4180
/// fields, quoted when they hold a comma, a quote or a line break. Rows keep the line they start on, for
/// messages; a line that starts with `#` outside a quoted field is a comment, handed back as it is.
package enum CSVText {
    /// One row: its fields, or a comment line's text.
    package struct Row {
        /// The 1-based line the row starts on.
        package var line: Int
        /// The fields (empty for a comment).
        package var fields: [String]
        /// The whole line, for a comment (`#` first); nil for a row of fields.
        package var comment: String?
    }

    /// The rows of `text`, blank lines left out. `trim` strips spaces around unquoted fields.
    package static func rows(_ text: String, trim: Bool = false) -> [Row] {
        // Comments are taken out first (their text is free: a quote in one must not open a field), their
        // lines left blank so the reader's rows keep their line numbers.
        var comments: [Row] = []
        var kept: [Substring] = []
        var insideQuotes = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if !insideQuotes && line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                comments.append(Row(line: index + 1, fields: [], comment: line.trimmingCharacters(in: .whitespacesAndNewlines)))
                kept.append("")
                continue
            }
            if line.utf8.filter({ $0 == UInt8(ascii: "\"") }).count % 2 == 1 { insideQuotes.toggle() }
            kept.append(line)
        }
        var rows: [Row] = []
        if let reader = try? CSVReader(string: kept.joined(separator: "\n"), trimFields: trim) {
            var line = 1
            while let fields = reader.next() {
                let breaks = fields.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" }.count }
                // The reader skips nothing: a blank line comes back as one empty field.
                if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                    rows.append(Row(line: line, fields: fields, comment: nil))
                }
                line += 1 + breaks
            }
        }
        return (rows + comments).sorted { $0.line < $1.line }
    }

    /// The fields of one line (no line breaks outside quotes).
    package static func fields(_ line: String) -> [String] {
        rows(line).first?.fields ?? []
    }

    /// One row as a CSV line (no line break at the end).
    package static func line(_ fields: [String]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        guard let writer = try? CSVWriter(stream: stream) else { return "" }
        try? writer.write(row: fields)
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
