#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole lines straight to a file descriptor (no shared C stdio state, safe from any thread).
enum StandardStream {
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Messages for the user go to standard error.
enum StandardError {
    static func print(_ line: String) { StandardStream.write(line + "\n", to: 2) }
}

/// Data goes to standard output.
enum StandardOutput {
    static func print(_ line: String) { StandardStream.write(line + "\n", to: 1) }
}
