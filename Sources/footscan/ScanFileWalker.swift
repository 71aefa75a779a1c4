import FootScanImage
import Foundation

/// Lists the files a batch measures: the named files, and below each named folder (recursively, in
/// sorted order) every file that is PNG or JPEG by its content, or named `.png`, `.jpg` or `.jpeg` (so a
/// damaged scan gets its error row). Other files in folders are skipped and counted.
struct ScanFileWalker {
    var files: [String] = []
    var skipped = 0

    /// Walks `paths`, leaving out the files in `excluded` (canonical paths: the batch's own output).
    init(paths: [String], excluding excluded: Set<String>) {
        let manager = FileManager.default
        let excludedNames = Set(excluded.map { ($0 as NSString).lastPathComponent })
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path) // a named file, even a missing one, gets its row
                continue
            }
            var found: [String] = []
            if let enumerator = manager.enumerator(atPath: path) {
                while let relative = enumerator.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var childIsDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue else { continue }
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") || (excludedNames.contains(name) && excluded.contains(OutputFile.canonical(full))) { continue }
                    if ScanFileWalker.looksLikeScan(full) { found.append(full) } else { skipped += 1 }
                }
            }
            files += found.sorted()
        }
    }

    static func looksLikeScan(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") || lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        return ImageFormat.sniff([UInt8](head)) != nil
    }
}
