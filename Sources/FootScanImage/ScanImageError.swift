/// Why a file could not be turned into a ``ScanImage``. Its description names the file, the format and
/// the reason in one line.
public struct ScanImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Reason: Sendable, Equatable {
        /// The file has no bytes.
        case empty
        /// The first bytes are neither PNG nor JPEG.
        case unknownFormat
        /// The data ends before the image does.
        case truncated(String)
        /// The codec rejected the data; its own message.
        case corrupt(String)
        /// Valid data in a form FootScan does not read (for example a CMYK JPEG).
        case unsupported(String)
        /// The header claims more pixels than the limit allows.
        case tooLarge(width: Int, height: Int, limit: Int)
        /// The file could not be read at all.
        case unreadable(String)
    }

    /// The file's path as the user gave it, if any.
    public var file: String?
    /// The format, when it was recognised.
    public var format: ImageFormat?
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(file: String? = nil, format: ImageFormat? = nil, reason: Reason) {
        self.file = file
        self.format = format
        self.reason = reason
    }

    /// The reason alone, in words, e.g. `truncated: the file ends before the image does`.
    public var reasonText: String {
        switch reason {
        case .empty: return "empty file"
        case .unknownFormat: return "unknown format (neither PNG nor JPEG)"
        case .truncated(let detail): return "truncated: \(detail)"
        case .corrupt(let detail): return "corrupt: \(detail)"
        case .unsupported(let detail): return "unsupported: \(detail)"
        case .tooLarge(let width, let height, let limit):
            return "too large: \(width) x \(height) pixels exceeds the limit of \(limit) pixels"
        case .unreadable(let detail): return "unreadable: \(detail)"
        }
    }

    /// `FILE: FORMAT: reason`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let format { parts.append(format.rawValue) }
        parts.append(reasonText)
        return parts.joined(separator: ": ")
    }
}
