import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files the command writes: never over an input, never over an existing file unless the user says
/// `--force`, always through a temporary file renamed into place, and every failure one line.
enum OutputFile {
    /// Refuses an output path that is one of the inputs (a customer's scan is never overwritten, not even
    /// with `force`) or that exists, unless `force`. Reports in one line and throws exit status 1.
    static func check(_ output: String, inputs: [String], force: Bool, what: String = "overlay") throws {
        let resolved = canonical(output)
        if inputs.contains(where: { canonical($0) == resolved }) {
            StandardError.print("footscan: \(output): is the scan itself; write the \(what) to another file")
            throw ExitCode(1)
        }
        if !force && FileManager.default.fileExists(atPath: output) {
            StandardError.print("footscan: \(output): exists; pass --force to replace it")
            throw ExitCode(1)
        }
    }

    /// The path with `.`, `..` and symbolic links resolved, to compare two names of one file.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Writes `data` to a temporary file beside `path` and renames it into place, so a failed write
    /// leaves nothing half-written; a failure is reported in one line naming the file, what it was
    /// (`what`: "overlay", "scan") and the system's reason, and throws exit status 1.
    static func write(_ data: [UInt8], to path: String, what: String) throws {
        func fail(_ reason: String) -> ExitCode {
            StandardError.print("footscan: \(path): cannot write the \(what): \(reason)")
            return ExitCode(1)
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).partial").path
        guard let handle = fopen(temporary, "wb") else { throw fail(String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let writeError = written == data.count ? 0 : errno
        let closed = fclose(handle) == 0
        guard writeError == 0, closed else {
            let reason = String(cString: strerror(writeError != 0 ? writeError : errno))
            unlink(temporary)
            throw fail(reason)
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw fail(reason)
        }
    }

    /// Creates a folder to write into (and its parents); a failure is one line with the system's reason
    /// and exit status 1.
    static func makeFolder(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            var status = stat()
            if stat(prefix, &status) != 0 {
                guard mkdir(prefix, 0o755) == 0 || errno == EEXIST else {
                    StandardError.print("footscan: \(path): cannot create the folder: \(String(cString: strerror(errno)))")
                    throw ExitCode(1)
                }
            } else if status.st_mode & S_IFMT != S_IFDIR {
                StandardError.print("footscan: \(path): cannot create the folder: \(String(cString: strerror(ENOTDIR)))")
                throw ExitCode(1)
            }
            prefix += "/"
        }
    }
}
