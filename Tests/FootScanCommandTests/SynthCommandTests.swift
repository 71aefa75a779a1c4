import Foundation
import Testing
import FootScanTestSupport

@Suite("footscan synth, end to end")
struct SynthCommandTests {
    @Test("synth never replaces a file without --force, says in one line why it cannot write, and refuses options that do nothing")
    func keepsFiles() throws {
        let folder = try CommandRunner.temporaryFolder("synth")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let arguments = ["synth", "--out", folder.path, "--seed", "9", "--dpi", "150", "--feet", "1", "--format", "jpeg"]
        let first = try CommandRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let scan = folder.appendingPathComponent("foot-9.jpg")
        let original = try Data(contentsOf: scan)
        try Data("my notes".utf8).write(to: folder.appendingPathComponent("foot-9.truth.json"))
        let again = try CommandRunner.run(arguments + ["--quality", "50"])
        #expect(again.status == 1)
        #expect(again.stderr == "footscan: \(scan.path): exists; pass --force to replace it\n")
        #expect(try Data(contentsOf: scan) == original)
        #expect(try String(contentsOf: folder.appendingPathComponent("foot-9.truth.json"), encoding: .utf8) == "my notes")
        let forced = try CommandRunner.run(arguments + ["--quality", "50", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: scan) != original)
        // The folder is a file: the system's reason, one line.
        let notFolder = try CommandRunner.run(["synth", "--out", scan.path + "/more"])
        #expect(notFolder.status == 1)
        #expect(notFolder.stderr == "footscan: \(scan.path)/more: cannot create the folder: Not a directory\n", "\(notFolder.stderr)")
        for (options, message) in [(["--stagger", "3"], "--stagger needs --touching."),
                                   (["--touching", "--feet", "1"], "--touching needs two feet; drop --feet 1."),
                                   (["--padless"], "--padless needs --footprints or --device."),
                                   (["--trousers", "--device", "contact-scanner"], "--trousers needs --device podoscope."),
                                   (["--perspective", "--device", "podoscope"], "--perspective needs --device ink-grid.")] {
            let outcome = try CommandRunner.run(["synth", "--out", folder.path] + options)
            #expect(outcome.status == 2)
            #expect(outcome.stderr.hasPrefix("Error: \(message)\n"), "\(outcome.stderr)")
        }
    }

    /// An ink form is 413 x 396 mm: at 600 dpi 91 million pixels, more than `footscan measure` reads
    /// (seed 5301 draws 600 dpi; it used to write a scan the command then refused as too large).
    @Test("synth writes no scan that measure refuses as too large: a random density steps down, one asked for fails")
    func fitsTheReader() throws {
        let folder = try CommandRunner.temporaryFolder("synth-size")
        defer { CommandRunner.removeTemporaryFolder(folder) }
        let asked = try CommandRunner.run(["synth", "--out", folder.path, "--device", "ink-grid", "--seed", "5301", "--dpi", "600"])
        #expect(asked.status == 1)
        #expect(asked.stderr.hasPrefix("footscan: scan 5301 would be ") && asked.stderr.hasSuffix("choose a lower --dpi\n") && asked.stderr.contains(" at 600 dpi, ")
                && asked.stderr.filter { $0 == "\n" }.count == 1, "\(asked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let drawn = try CommandRunner.run(["synth", "--out", folder.path, "--device", "ink-grid", "--seed", "5301", "--format", "jpeg"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("foot-5301.truth.json"))) as? [String: Any]
        #expect((truth?["dpi"] as? Double) == 300)
        let measured = try CommandRunner.run(["measure", "--view", "dorsal", folder.appendingPathComponent("foot-5301.jpg").path])
        #expect(measured.status == 0, "\(measured.stderr)")
    }
}
