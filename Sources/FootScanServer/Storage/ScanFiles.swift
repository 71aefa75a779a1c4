import Crypto
import Foundation

/// The originals, one file per distinct content, named by its SHA-256 (`scans/ab/abcdef…`). A file is
/// written under a temporary name, flushed to disk (`fsync`), renamed into place and its folder
/// flushed, so a scan that was acknowledged is on disk whole, and a crash leaves no half file under a
/// hash's name. No name from a request ever reaches the file system: names are hashes the server made.
package struct ScanFiles: Sendable {
    /// Why an original could not be stored or read.
    package struct Failure: Error, CustomStringConvertible {
        /// What went wrong, for the log.
        package var description: String
    }

    /// The folder holding the originals.
    package let directory: URL

    /// Originals under `directory` (created when missing).
    package init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The SHA-256 of `bytes`, lowercase hex.
    package static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Whether `hash` is a hash this store could have made (64 lowercase hex digits).
    package static func isHash(_ hash: String) -> Bool {
        hash.utf8.count == 64 && hash.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Where the original with this hash lives.
    func url(hash: String) -> URL {
        directory.appendingPathComponent(String(hash.prefix(2)), isDirectory: true).appendingPathComponent(hash)
    }

    /// Stores `bytes` durably (see the type's note) and returns their hash; content already stored is
    /// not written again.
    package func store(_ bytes: [UInt8]) throws(Failure) -> String {
        let hash = Self.hash(bytes)
        let target = url(hash: hash)
        if let existing = try? read(hash: hash), existing == bytes { return hash }
        let folder = target.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw Failure(description: "cannot create \(folder.path): \(error)")
        }
        let temporary = folder.appendingPathComponent(".\(hash).\(UInt64.random(in: 0...UInt64.max)).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary.path): \(Self.lastError)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return fsync(descriptor) == 0
        }
        let reason = Self.lastError
        close(descriptor)
        guard ok else {
            unlink(temporary.path)
            throw Failure(description: "cannot write \(temporary.path): \(reason)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = Self.lastError
            unlink(temporary.path)
            throw Failure(description: "cannot rename \(temporary.path): \(reason)")
        }
        try Self.flushFolder(folder)
        try Self.flushFolder(directory)
        return hash
    }

    /// The original with this hash, or nil when there is none.
    package func read(hash: String) throws(Failure) -> [UInt8]? {
        guard Self.isHash(hash) else { return nil }
        let target = url(hash: hash)
        guard FileManager.default.fileExists(atPath: target.path) else { return nil }
        do { return [UInt8](try Data(contentsOf: target)) } catch {
            throw Failure(description: "cannot read \(target.path): \(error)")
        }
    }

    private static func flushFolder(_ folder: URL) throws(Failure) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(folder.path): \(lastError)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(folder.path): \(lastError)") }
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
