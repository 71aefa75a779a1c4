import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `footscan` command: measure foot scans for shoemakers.
@main
struct FootScanCommand: ParsableCommand {
    /// The command's version, printed by `footscan --version`.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "footscan",
        abstract: "Measure feet on plantar scans and footprints.",
        discussion: "Reads PNG and JPEG scans, finds each foot and reports its length, width, heel width, toe shape and side.",
        version: FootScanCommand.version,
        subcommands: [MeasureCommand.self, BatchCommand.self, OverlayCommand.self, CalibrateCommand.self, MatchCommand.self, LastsCommand.self, SynthCommand.self, BenchCommand.self]
    )

    /// Runs the command; usage errors exit with status 2 (as `batch` documents), other failures as
    /// the commands decide.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.print(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
