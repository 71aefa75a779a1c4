import Foundation
import Testing

/// The architecture article (`Sources/FootScanEngine/FootScanEngine.docc/Architecture.md`) is the map a
/// new engineer reads first: it must name every file of the engine, and only files that exist.
@Suite("The architecture article names the engine's files")
struct ArchitectureArticleTests {
    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func article() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Sources/FootScanEngine/FootScanEngine.docc/Architecture.md"),
                   encoding: .utf8)
    }

    /// Every repository path the article names in code font (`Sources/...`, `Tests/...`).
    static func namedPaths(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { index, piece in
            // Odd pieces lie between backticks.
            guard index % 2 == 1, piece.hasPrefix("Sources/") || piece.hasPrefix("Tests/") else { return nil }
            return String(piece)
        }
    }

    @Test("every file and folder the article names exists")
    func namedFilesExist() throws {
        let named = Self.namedPaths(in: try Self.article())
        #expect(named.count >= 40, "the article names \(named.count) paths")
        for path in named {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path),
                    "Architecture.md names \(path), which does not exist")
        }
    }

    @Test("every Swift file of the engine is named in the article")
    func everyEngineFileNamed() throws {
        let named = Set(Self.namedPaths(in: try Self.article()))
        let engine = Self.root.appendingPathComponent("Sources/FootScanEngine")
        let files = FileManager.default.enumerator(atPath: engine.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count >= 40)
        for file in files {
            #expect(named.contains("Sources/FootScanEngine/" + file), "Architecture.md does not name Sources/FootScanEngine/\(file)")
        }
    }

    @Test("the path finder reads code font only")
    func pathFinder() {
        let text = "See `Sources/A.swift` and Sources/B.swift, `Tests/C` and `ScanPipeline`."
        #expect(Self.namedPaths(in: text) == ["Sources/A.swift", "Tests/C"])
    }
}
