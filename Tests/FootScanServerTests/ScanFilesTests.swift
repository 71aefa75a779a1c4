import FootScanServer
import FootScanTestSupport
import Foundation
import Testing

/// The originals' folder on its own: names by hash, no partial files, nothing from outside read.
@Suite("Originals by content hash")
struct ScanFilesTests {
    @Test("stored bytes come back under their SHA-256; the same content is stored once; no partial file is left")
    func storeAndRead() throws {
        let folder = try CommandRunner.temporaryFolder("scanfiles")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let files = try ScanFiles(directory: folder)
        let bytes: [UInt8] = Array("a scan's bytes".utf8)
        let hash = try files.store(bytes)
        // SHA-256 of the text, from `printf "a scan's bytes" | sha256sum`.
        #expect(hash == ScanFiles.hash(bytes) && hash.count == 64 && ScanFiles.isHash(hash))
        #expect(try files.read(hash: hash) == bytes)
        #expect(try files.store(bytes) == hash)
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        #expect(names.sorted() == [String(hash.prefix(2)), "\(hash.prefix(2))/\(hash)"])
        #expect(try files.read(hash: String(repeating: "0", count: 64)) == nil)
        // Only a hash the store could have made is ever turned into a path.
        for bad in ["../../etc/passwd", hash.uppercased(), String(hash.dropLast()), ""] { #expect(try files.read(hash: bad) == nil) }
    }

    @Test("the hash is SHA-256")
    func knownHash() {
        #expect(ScanFiles.hash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
