import FootScanLasts

/// The match's JSON (a contract) and text.
package enum MatchReport {
    package static func json(_ result: MatchResult, feet: [JSONValue], file: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let file { members.append(("file", .string(file))) }
        members += [
            ("feet", .array(feet)),
            ("size", .object([("korean_mm", .integer(result.size.koreanMM)), ("mondopoint", .string(result.size.mondopoint)),
                              ("eu", .number(result.size.eu)), ("uk", .number(result.size.uk)),
                              ("us_men", .number(result.size.usMen)), ("us_women", .number(result.size.usWomen))])),
            ("recommendations", .array(result.recommendations.map { r in
                .object([("last_id", .string(r.last.id)), ("workshop", .string(r.last.workshop)), ("style", .string(r.last.style.rawValue)),
                         ("toe_shape", .string(r.last.toeShape.rawValue)), ("size_mm", .integer(Int(r.last.sizeMM.rounded()))),
                         ("width", .string(r.last.width)), ("score", .rounded(r.score, 3)), ("fits", .bool(r.fits)),
                         ("length_room_mm", .rounded(r.lengthRoomMM, 1)), ("width_diff_mm", .rounded(r.widthDifferenceMM, 1)),
                         ("reasons", .array(r.reasons.map { .string($0) })), ("changes", .array(r.changes.map { .string($0) }))])
            })),
            ("warnings", .array(result.warnings.map { .string($0) })),
        ]
        return .object(members)
    }

    package static func text(_ result: MatchResult, feet: [FootForFitting], file: String?) -> String {
        var lines: [String] = []
        if let file { lines.append("\(file):") }
        let size = result.size
        lines.append("size: Korean \(size.koreanMM) mm, Mondopoint \(size.mondopoint), EU \(JSONValue.format(size.eu)), UK \(JSONValue.format(size.uk)), "
                     + "US men \(JSONValue.format(size.usMen)), US women \(JSONValue.format(size.usWomen))")
        for warning in result.warnings { lines.append("warning: \(warning)") }
        for (rank, r) in result.recommendations.enumerated() {
            lines.append("\(rank + 1). \(r.last.id)  \(r.last.style.rawValue), \(r.last.toeShape.rawValue) toe, size \(Int(r.last.sizeMM)) \(r.last.width)"
                         + "  score \(JSONValue.format((r.score * 100).rounded() / 100))\(r.fits ? "" : " (does not fit)")  [\(r.last.workshop)]")
            for reason in r.reasons { lines.append("     - \(reason)") }
            for change in r.changes { lines.append("     > \(change)") }
        }
        return lines.joined(separator: "\n")
    }
}
