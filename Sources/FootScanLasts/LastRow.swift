/// Reads one last from named fields, with an issue per bad field.
enum LastRow {
    static func last(from row: [String: String], line: Int) -> Result<Last, CatalogueError> {
        var issues: [CatalogueIssue] = []
        func text(_ column: String) -> String {
            let value = row[column] ?? ""
            if value.isEmpty && column != "notes" { issues.append(CatalogueIssue(line: line, column: column, message: "empty")) }
            return value
        }
        func number(_ column: String, _ plausible: ClosedRange<Double>) -> Double {
            let raw = row[column] ?? ""
            guard let value = Double(raw), value.isFinite else {
                issues.append(CatalogueIssue(line: line, column: column, message: raw.isEmpty ? "empty" : "\"\(raw)\" is not a number"))
                return 0
            }
            if value < 0 {
                issues.append(CatalogueIssue(line: line, column: column, message: "negative: \(raw)"))
            } else if !plausible.contains(value) {
                issues.append(CatalogueIssue(line: line, column: column, message: "\(raw) mm is implausible (expected \(CatalogueText.number(plausible.lowerBound))-\(CatalogueText.number(plausible.upperBound)))"))
            }
            return value
        }
        let id = text("id")
        let workshop = text("workshop")
        let styleText = text("style").lowercased()
        let style = LastStyle(rawValue: styleText)
        if style == nil && !styleText.isEmpty {
            issues.append(CatalogueIssue(line: line, column: "style", message: "unknown style \"\(styleText)\" (known: \(LastStyle.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        let toeText = text("toe_shape").lowercased()
        let toe = LastToeShape(rawValue: toeText)
        if toe == nil && !toeText.isEmpty {
            issues.append(CatalogueIssue(line: line, column: "toe_shape", message: "unknown toe shape \"\(toeText)\" (known: \(LastToeShape.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        let size = number("size_mm", 150...350)
        let width = text("width")
        let length = number("length_mm", 160...420)
        let ball = number("ball_width_mm", 50...150)
        let girth = number("ball_girth_mm", 150...350)
        let heel = number("heel_width_mm", 35...110)
        if issues.isEmpty && length < size {
            issues.append(CatalogueIssue(line: line, column: "length_mm", message: "the last (\(CatalogueText.number(length)) mm) is shorter than its size (\(CatalogueText.number(size)) mm)"))
        }
        guard issues.isEmpty, let style, let toe else { return .failure(CatalogueError(issues: issues)) }
        return .success(Last(id: id, workshop: workshop, style: style, toeShape: toe, sizeMM: size, width: width, lengthMM: length,
                             ballWidthMM: ball, ballGirthMM: girth, heelWidthMM: heel, notes: row["notes"] ?? ""))
    }
}
