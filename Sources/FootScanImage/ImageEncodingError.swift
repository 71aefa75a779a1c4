/// Why an encoder could not write an image.
public struct ImageEncodingError: Error, Sendable, CustomStringConvertible {
    /// The codec's message.
    public let message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { "encoding failed: \(message)" }
}
