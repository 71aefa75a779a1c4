import Foundation
import FootScanSynth
import Testing

/// Runs the built `footscan` executable, as swift-argument-parser's own tests do.
package enum CommandRunner {
    package struct Outcome {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The `footscan` binary beside the test bundle.
    package static var executable: URL { executable(named: "footscan") }

    /// A binary of this package's, built beside the test bundle.
    package static func executable(named name: String) -> URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [runner, runner.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return runner.appendingPathComponent(name)
    }

    package static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Under AddressSanitizer (CI's second run) the command would end every run with LeakSanitizer's
        // report of what is still allocated when it calls exit() (the parsed command, TOMLKit's strings),
        // and exit 1 instead of its own status. The engine, decoders and matcher it runs are checked for
        // leaks in this test process; the command's exit is not.
        var environment = ProcessInfo.processInfo.environment
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let outData = LockedData(), errData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData.value, as: UTF8.self),
                       stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// A fresh temporary folder; a test removes it with ``removeTemporaryFolder(_:)`` when done.
    package static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footscan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a folder from ``temporaryFolder(_:)`` with all it holds (each run of the suite left
    /// about 40 MB of scans, overlays and server data behind). A folder that cannot be removed is
    /// left: a test's outcome never depends on its cleanup.
    package static func removeTemporaryFolder(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a generated scan into `folder` and returns its URL and truth.
    package static func writeScan(seed: UInt64, dpi: Double = 150, feet: Int = 1, format: ScanFileFormat = .jpeg(quality: 90, progressive: false),
                          density: Bool = true, isoluminant: Bool = false, claimedDPI: Double? = nil, into folder: URL, name: String? = nil)
        throws -> (url: URL, truth: [FootTruth])
    {
        var conditions = SceneConditions()
        conditions.isoluminantBed = isoluminant
        conditions.dotsPerInch = [dpi]
        conditions.footCount = feet
        conditions.formats = [format]
        var scene = ScanScene.random(seed: seed, conditions: conditions)
        scene.writesDensity = density
        scene.claimedDotsPerInch = claimedDPI
        let scan = try ScanRenderer.render(scene)
        let url = folder.appendingPathComponent(name ?? "scan-\(seed).\(scan.fileExtension)")
        try Data(scan.fileBytes).write(to: url)
        return (url, scan.truth)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
