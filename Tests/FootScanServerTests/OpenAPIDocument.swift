import Foundation

/// `API/openapi.json` read back, and a small JSON Schema check (the keywords the file uses: `$ref`,
/// `allOf`, `type` with null, `const`, `enum`, `required`, `properties`, `items`, `pattern`) to hold
/// real responses to it.
struct OpenAPIDocument {
    let root: [String: Any]

    init() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("API/openapi.json")
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else { throw ServerError("not JSON") }
        self.root = root
    }

    var paths: [String: [String: Any]] { (root["paths"] as? [String: [String: Any]]) ?? [:] }

    /// Every documented operation as `METHOD /path/{param}`.
    var operations: Set<String> {
        Set(paths.flatMap { path, item in item.keys.map { "\($0.uppercased()) \(path)" } })
    }

    /// What is wrong with an answer to `method path` (a documented path template), or nil.
    func problems(_ answer: ServerProcess.Answer, _ method: String, _ path: String) -> [String] {
        // An undeclared method's answer (405) is held to any of the path's operations.
        let declared = paths[path]?[method.lowercased()] ?? paths[path]?.values.first
        guard let operation = declared as? [String: Any],
              let responses = operation["responses"] as? [String: Any] else { return ["\(method) \(path) is not documented"] }
        guard let response = responses[String(answer.status)] as? [String: Any] else {
            return ["\(method) \(path) answered \(answer.status), which is not documented"]
        }
        guard let content = response["content"] as? [String: Any] else {
            return answer.body.isEmpty ? [] : ["\(method) \(path) \(answer.status) has a body the document does not describe"]
        }
        let type = (answer.header("Content-Type") ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let media = content[type] as? [String: Any] else { return ["\(method) \(path) \(answer.status): content type \(type) not documented"] }
        guard type == "application/json", let schema = media["schema"] else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: Data(answer.body), options: [.fragmentsAllowed]) else {
            return ["\(method) \(path) \(answer.status): body is not JSON"]
        }
        return check(value, against: schema, at: "\(method) \(path) \(answer.status)")
    }

    private func resolve(_ schema: Any) -> [String: Any] {
        guard let object = schema as? [String: Any] else { return [:] }
        if let ref = object["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
            return resolve(((root["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] ?? [:])
        }
        return object
    }

    /// Whether JSONSerialization read `true` or `false` (a boolean is its own class; `1 is Bool` holds for any number).
    private static func isBoolean(_ value: Any) -> Bool { "\(Swift.type(of: value))".contains("Boolean") || Swift.type(of: value) == Bool.self }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "number": return !isBoolean(value) && (value is NSNumber || value is Double || value is Int)
        case "integer":
            guard !isBoolean(value), let number = value as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        default: return false
        }
    }

    func check(_ value: Any, against schema: Any, at place: String) -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        for part in (schema["allOf"] as? [Any]) ?? [] { problems += check(value, against: part, at: place) }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            guard types.contains(where: { Self.matches(value, type: $0) }) else { return problems + ["\(place): \(value) is not \(types)"] }
        }
        if let constant = schema["const"] as? String, (value as? String) != constant { problems.append("\(place): not \(constant)") }
        if let choices = schema["enum"] as? [String], let text = value as? String, !choices.contains(text) {
            problems.append("\(place): \(text) not one of \(choices)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String, text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(place): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { problems.append("\(place): no \(key)") }
            for (key, property) in (schema["properties"] as? [String: Any]) ?? [:] {
                if let member = object[key] { problems += check(member, against: property, at: "\(place).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() { problems += check(item, against: items, at: "\(place)[\(index)]") }
        }
        return problems
    }
}
