import Foundation

/// A workshop's lasts and its fitting rules, read from CSV (one row per last; `#` starts a comment,
/// `#rule,...` lines override the rules) or from JSON (`{"rules": {...}, "lasts": [...]}`).
public struct LastCatalogue: Sendable {
    /// The lasts, in file order.
    public var lasts: [Last]
    /// The fitting rules, defaults overridden by the file's.
    public var rules: FittingRules

    /// The CSV columns, in order; `notes` may be left out.
    public static let columns = ["id", "workshop", "style", "toe_shape", "size_mm", "width", "length_mm",
                                 "ball_width_mm", "ball_girth_mm", "heel_width_mm", "notes"]

    /// Creates a catalogue.
    public init(lasts: [Last], rules: FittingRules = .standard) {
        self.lasts = lasts
        self.rules = rules
    }

    /// Reads a file by its extension (.json, otherwise CSV).
    public static func load(path: String) throws(CatalogueError) -> LastCatalogue {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CatalogueError(file: path, issues: [CatalogueIssue(line: 0, column: nil, message: "cannot read the file: \(FileFailure.reason(error))")])
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            return path.lowercased().hasSuffix(".json") ? try parse(json: text) : try parse(csv: text)
        } catch {
            throw CatalogueError(file: path, issues: error.issues)
        }
    }

    /// Parses CSV text.
    public static func parse(csv text: String) throws(CatalogueError) -> LastCatalogue {
        var issues: [CatalogueIssue] = []
        var rules = FittingRules.standard
        var header: [String]?
        var lasts: [Last] = []
        var seen: [String: Int] = [:]
        for csvRow in CSVText.rows(text, trim: true) {
            let lineNumber = csvRow.line
            if let comment = csvRow.comment {
                if comment.hasPrefix("#rule,") {
                    let fields = CSVText.fields(String(comment.dropFirst("#rule,".count)))
                    if let issue = RuleOverride.apply(fields, to: &rules, line: lineNumber) { issues.append(issue) }
                }
                continue
            }
            let fields = csvRow.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                // A header problem is one message, and no row is read under a wrong header.
                let missing = columns.dropLast().filter { !fields.contains($0) }
                let unknown = fields.filter { !Self.columns.contains($0) }
                if !missing.isEmpty || !unknown.isEmpty {
                    let parts = [missing.isEmpty ? nil : "missing \(missing.joined(separator: ", "))",
                                 unknown.isEmpty ? nil : "unknown \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))"].compactMap { $0 }
                    let message = "the header is not a catalogue's: \(parts.joined(separator: "; ")) (the columns are \(Self.columns.joined(separator: ",")); notes may be left out)"
                    throw CatalogueError(issues: issues + [CatalogueIssue(line: lineNumber, column: nil, message: message)])
                }
                header = fields
                continue
            }
            var row: [String: String] = [:]
            for (index, name) in columns.enumerated() where index < fields.count { row[name] = fields[index] }
            if fields.count > columns.count {
                issues.append(CatalogueIssue(line: lineNumber, column: nil, message: "\(fields.count) fields, the header has \(columns.count)"))
            }
            switch LastRow.last(from: row, line: lineNumber) {
            case .success(let last):
                if let first = seen[last.id] {
                    issues.append(CatalogueIssue(line: lineNumber, column: "id", message: "duplicate id \"\(last.id)\" (first on line \(first))"))
                } else {
                    seen[last.id] = lineNumber
                    lasts.append(last)
                }
            case .failure(let rowError):
                issues += rowError.issues
            }
        }
        if header == nil { issues.append(CatalogueIssue(line: 1, column: nil, message: "no header line")) }
        if issues.isEmpty && lasts.isEmpty { issues.append(CatalogueIssue(line: 1, column: nil, message: "no lasts")) }
        // Relations between columns, under the file's final rules.
        for last in lasts { issues += relationIssues(last, rules: rules, line: seen[last.id] ?? 0) }
        guard issues.isEmpty else { throw CatalogueError(issues: issues.sorted { $0.line < $1.line }) }
        return LastCatalogue(lasts: lasts, rules: rules)
    }

    /// Parses JSON text: `{"rules": {"oxford": {"toe_room_mm": [15, 20]}, ...}, "lasts": [{...}, ...]}`.
    public static func parse(json text: String) throws(CatalogueError) -> LastCatalogue {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let items = object["lasts"] as? [[String: Any]] else {
            throw CatalogueError(issues: [CatalogueIssue(line: 1, column: nil, message: "not a JSON object with a \"lasts\" array")])
        }
        var issues: [CatalogueIssue] = []
        var rules = FittingRules.standard
        if let ruleObject = object["rules"] as? [String: Any] {
            for (subject, value) in ruleObject.sorted(by: { $0.key < $1.key }) {
                guard let settings = value as? [String: Any] else { continue }
                for (key, setting) in settings.sorted(by: { $0.key < $1.key }) {
                    let numbers = (setting as? [Any] ?? [setting]).map { "\($0)" }
                    if let issue = RuleOverride.apply([subject, key] + numbers, to: &rules, line: 0) { issues.append(issue) }
                }
            }
        }
        var lasts: [Last] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            var row: [String: String] = [:]
            for (key, value) in item { row[key] = value is NSNull ? "" : "\(value)" }
            for column in columns.dropLast() where row[column] == nil {
                issues.append(CatalogueIssue(line: index + 1, column: column, message: "missing"))
            }
            switch LastRow.last(from: row, line: index + 1) {
            case .success(let last):
                if let first = seen[last.id] {
                    issues.append(CatalogueIssue(line: index + 1, column: "id", message: "duplicate id \"\(last.id)\" (first in last \(first))"))
                } else {
                    seen[last.id] = index + 1
                    lasts.append(last)
                }
            case .failure(let rowError):
                // A key reported missing above is not reported empty again.
                issues += rowError.issues.filter { !($0.message == "empty" && row[$0.column ?? ""] == nil) }
            }
        }
        for last in lasts { issues += relationIssues(last, rules: rules, line: seen[last.id] ?? 0) }
        guard issues.isEmpty else { throw CatalogueError(issues: issues.sorted { $0.line < $1.line }) }
        return LastCatalogue(lasts: lasts, rules: rules)
    }

    /// Mistakes no single column shows: a heel seat as wide as the ball (two columns swapped), toe room
    /// (stick length minus size) outside what the last's style and toe shape allow.
    static func relationIssues(_ last: Last, rules: FittingRules, line: Int) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        if last.heelWidthMM >= last.ballWidthMM {
            issues.append(CatalogueIssue(line: line, column: "heel_width_mm", message: "the heel seat (\(CatalogueText.number(last.heelWidthMM)) mm) is not narrower than the ball (\(CatalogueText.number(last.ballWidthMM)) mm): are heel_width_mm and ball_width_mm swapped?"))
        }
        let room = last.lengthMM - last.sizeMM
        let allowed = rules.toeRoom(for: last)
        if room < allowed.lowerBound - 0.5 || room > allowed.upperBound + 0.5 {
            issues.append(CatalogueIssue(line: line, column: "length_mm", message: "\(CatalogueText.number(room)) mm toe room (length_mm minus size_mm) is outside the \(CatalogueText.number(allowed.lowerBound))-\(CatalogueText.number(allowed.upperBound)) mm that \(last.style.rawValue) lasts with \(last.toeShape.rawValue) toes allow (a #rule line can change it)"))
        }
        return issues
    }

    /// The catalogue as CSV (with the rules' defaults left implicit).
    public func csv(comment: [String] = []) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append(CSVText.line(Self.columns))
        for last in lasts {
            let numbers = [last.sizeMM, last.lengthMM, last.ballWidthMM, last.ballGirthMM, last.heelWidthMM].map(CatalogueText.number)
            lines.append(CSVText.line([last.id, last.workshop, last.style.rawValue, last.toeShape.rawValue, numbers[0], last.width] + numbers[1...] + [last.notes]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
