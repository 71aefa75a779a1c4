/// A JSON value whose objects keep their keys in the order given, so that output follows the spec's
/// order and is stable from run to run.
package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text made earlier (a stored measurement), written as it is: the caller vouches that it is JSON.
    case serializedText(String)

    /// A number rounded to `places` decimals, or null.
    package static func rounded(_ value: Double?, _ places: Int = 2) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }

    /// Compact one-line JSON.
    package func serialized() -> String {
        var text = ""
        write(into: &text)
        return text
    }

    private func write(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .serializedText(let json): text += json
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += JSONValue.format(value)
        case .integer(let value): text += String(value)
        case .string(let value): JSONValue.quote(value, into: &text)
        case .array(let values):
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += ", " }
                value.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += ", " }
                JSONValue.quote(key, into: &text)
                text += ": "
                value.write(into: &text)
            }
            text += "}"
        }
    }

    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return "\(value)"
    }

    /// A number as a person writes it in a message: whole numbers bare (`2500`), others as they are.
    package static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    package static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
