import FootScanEngine
import FootScanLasts
import Foundation

/// One row of batch output: one foot of one file, or one failed file. Columns are the spec's keys plus
/// `file`, `foot` (0-based), `error`, the scan's density and the file's content hash (for `--resume`).
package struct FootRow {
    /// The columns before a foot's own: which file and foot, its error, and how the scan was read.
    package static let fileColumns = ["file", "foot", "error", "content_hash", "dpi", "density_source", "channel", "image_kind"]

    /// The column names, in order: the file's, then every ``FootKey``.
    package static let columns = fileColumns + FootKey.allCases.map(\.rawValue)

    package var values: [(String, JSONValue)]

    /// The rows of one measured or failed file.
    package static func rows(for report: ScanReport, hash: String) -> [FootRow] {
        let file: (String, JSONValue) = ("file", .string(report.file))
        let hashValue: (String, JSONValue) = ("content_hash", .string(hash))
        let density = report.image?.density
        let dpi: (String, JSONValue) = ("dpi", .rounded(density?.dotsPerInch, 2))
        let source: (String, JSONValue) = ("density_source", density.map { .string($0.source.rawValue) } ?? .null)
        let channel: (String, JSONValue) = ("channel", report.image.map { .string($0.source.channelName) } ?? .null)
        guard report.error == nil, let measurement = report.measurement else {
            var values: [(String, JSONValue)] = [file, ("foot", .null), ("error", .string(report.error ?? "not measured")), hashValue, dpi, source,
                                                 channel]
            for column in columns.dropFirst(values.count) {
                let isList = column == FootKey.warnings.rawValue || column == FootKey.toeTips.rawValue
                values.append((column, isList ? .array([]) : .null))
            }
            return [FootRow(values: values)]
        }
        return measurement.feet.enumerated().map { index, foot in
            var values: [(String, JSONValue)] = [file, ("foot", .integer(index)), ("error", .null), hashValue, dpi, source, channel,
                                                 ("image_kind", .string(measurement.imageKind.rawValue))]
            if case .object(let members) = FootReport.json(foot) { values += members }
            return FootRow(values: values)
        }
    }

    /// One line of JSON.
    package var jsonLine: String { JSONValue.object(values).serialized() }

    /// One CSV line (RFC 4180 quoting, by the CSV library; lists joined with `;`).
    package var csvLine: String {
        let lookup = Dictionary(values, uniquingKeysWith: { first, _ in first })
        return CSVText.line(FootRow.columns.map { FootRow.csvText(lookup[$0] ?? .null) })
    }

    package static var csvHeader: String { CSVText.line(columns) }

    /// A value as a CSV field's text (before quoting).
    package static func csvText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return JSONValue.format(n)
        case .integer(let i): return String(i)
        case .string(let s): return s
        case .serializedText(let json): return json
        case .array(let items): return items.map(csvText).joined(separator: ";")
        case .object(let members):
            // A width class reads as its class and range: EE (E-EEE).
            let lookup = Dictionary(members, uniquingKeysWith: { first, _ in first })
            if case .string(let name)? = lookup["class"], case .array(let range)? = lookup["range"] {
                return "\(name) (\(range.map { csvText($0) }.joined(separator: "-")))"
            }
            return value.serialized()
        }
    }
}
