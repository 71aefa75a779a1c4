import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A scan uploaded as `multipart/form-data`, as a scanner PC's form or `curl -F` sends it: the file in
/// the part named `scan`, and the same options as the query (`dpi`, `override_dpi`, `profile`, `view`,
/// `sex`, `customer_id`), or a customer by `customer_name` and `customer_phone` (found, or added).
struct ScanUploadForm: Decodable {
    /// A file part: its bytes and the file name its `Content-Disposition` gives. (MultipartKit decodes
    /// the part; the name needs this wrapper.)
    struct FilePart: Decodable, MultipartPartConvertible {
        var bytes: [UInt8]
        var fileName: String?

        var multipart: MultipartPart? { MultipartPart(body: bytes) }

        init?(multipart: MultipartPart) {
            bytes = [UInt8](multipart.body.readableBytesView)
            fileName = multipart.headers.first(name: "Content-Disposition").flatMap(Self.fileName(inDisposition:))
        }

        init(from decoder: any Decoder) throws {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a file part is read from multipart data only"))
        }

        /// The `filename` parameter of a `Content-Disposition` value.
        static func fileName(inDisposition value: String) -> String? {
            for parameter in value.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "filename" else { continue }
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return nil
        }
    }

    var scan: FilePart
    var customer_id: String?
    var customer_name: String?
    var customer_phone: String?
    var dpi: String?
    var override_dpi: String?
    var profile: String?
    var view: String?
    var sex: String?

    /// The options as the query would give them (non-empty fields only).
    var options: [String: String] {
        var options: [String: String] = [:]
        for (key, value) in [("customer_id", customer_id), ("dpi", dpi), ("override_dpi", override_dpi), ("profile", profile), ("view", view),
                             ("sex", sex), ("name", scan.fileName)] {
            if let value, !value.isEmpty { options[key] = value }
        }
        return options
    }

    /// The boundary of a `multipart/form-data` content type, or nil for another type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Decodes a multipart body; a malformed one, or one without a `scan` part, is a 400.
    static func decode(_ body: ByteBuffer, boundary: String) throws -> ScanUploadForm {
        do { return try FormDataDecoder().decode(ScanUploadForm.self, from: body, boundary: boundary) } catch {
            throw HTTPError(.badRequest, message: "the form needs the scan's file in a part named scan (multipart/form-data)")
        }
    }
}
