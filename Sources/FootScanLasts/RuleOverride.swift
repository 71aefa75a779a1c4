/// `#rule` lines: `#rule,oxford,toe_room_mm,15,20`, `#rule,pointed,toe_extra_mm,12`,
/// `#rule,regular,width_mm,-8,-4` (snug, regular, loose), `#rule,heel,heel_mm,-14,-4`,
/// `#rule,men,girth_under_mm,10` (men, women), `#rule,length,weight,0.4`.
enum RuleOverride {
    static func apply(_ fields: [String], to rules: inout FittingRules, line: Int) -> CatalogueIssue? {
        guard fields.count >= 3 else { return CatalogueIssue(line: line, column: nil, message: "a rule needs a subject, a key and values") }
        let subject = fields[0].lowercased(), key = fields[1].lowercased()
        let values = fields.dropFirst(2).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == fields.count - 2 else { return CatalogueIssue(line: line, column: key, message: "rule values must be numbers") }
        func range() -> ClosedRange<Double>? { values.count == 2 && values[0] <= values[1] ? values[0]...values[1] : nil }
        switch key {
        case "toe_room_mm":
            guard let style = LastStyle(rawValue: subject), let r = range() else { break }
            rules.toeRoomMM[style] = r
            return nil
        case "toe_extra_mm":
            guard let shape = LastToeShape(rawValue: subject), values.count == 1 else { break }
            rules.toeShapeExtraMM[shape] = values[0]
            return nil
        case "width_mm":
            guard let r = range() else { break }
            switch subject {
            case "snug": rules.snugMM = r
            case "regular": rules.regularMM = r
            case "loose": rules.looseMM = r
            default: return CatalogueIssue(line: line, column: key, message: "width rules are snug, regular or loose")
            }
            return nil
        case "heel_mm":
            guard let r = range() else { break }
            rules.heelMM = r
            return nil
        case "girth_under_mm":
            guard values.count == 1, subject == "men" || subject == "women" else { break }
            if subject == "men" { rules.girthUnderMenMM = values[0] } else { rules.girthUnderWomenMM = values[0] }
            return nil
        case "weight":
            guard values.count == 1, rules.weights[subject] != nil, values[0] >= 0 else { break }
            rules.weights[subject] = values[0]
            return nil
        default:
            return CatalogueIssue(line: line, column: key, message: "unknown rule \"\(key)\"")
        }
        return CatalogueIssue(line: line, column: key, message: "bad rule for \"\(subject)\": \(fields.dropFirst(2).joined(separator: ","))")
    }
}
