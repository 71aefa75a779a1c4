/// A 64-bit FNV-1a hash of a file's bytes, as 16 hex digits: enough to tell whether a file changed
/// between an interrupted batch and its `--resume`.
package enum ContentHash {
    package static func of(_ bytes: [UInt8]) -> String {
        let hash = bytes.withUnsafeBufferPointer { value(of: $0) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash as a number (the same on every machine and run).
    package static func value<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
