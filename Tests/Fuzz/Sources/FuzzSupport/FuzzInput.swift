/// Reads a fuzzer's bytes front to back: small numbers for the parameters first, the rest as data.
/// Past the end every read gives zero, so any input, however short, is a valid one.
public struct FuzzInput {
    /// All the bytes.
    public let bytes: [UInt8]
    /// Where the next read starts.
    public private(set) var offset = 0

    /// Wraps the bytes libFuzzer hands over.
    public init(_ data: UnsafePointer<UInt8>?, count: Int) {
        if let data, count > 0 {
            bytes = Array(UnsafeBufferPointer(start: data, count: count))
        } else {
            bytes = []
        }
    }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number in `range`, from the next two bytes.
    public mutating func number(in range: ClosedRange<Int>) -> Int {
        let raw = Int(byte()) << 8 | Int(byte())
        return range.lowerBound + raw % (range.upperBound - range.lowerBound + 1)
    }

    /// The bytes not read yet.
    public var rest: ArraySlice<UInt8> { bytes[min(offset, bytes.count)...] }
}
