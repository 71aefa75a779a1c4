import ArgumentParser
import FootScanLasts

/// `footscan lasts validate FILE`: check a catalogue and list every mistake.
struct LastsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lasts", abstract: "Work with last catalogues.",
        subcommands: [Validate.self, Sample.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a catalogue (.csv or .json); every mistake is named by line and column.")

        @Argument(help: "The catalogue.")
        var file: String

        func run() throws {
            do {
                let catalogue = try LastCatalogue.load(path: file)
                let workshops = Set(catalogue.lasts.map(\.workshop)).count
                StandardOutput.print("\(file): \(catalogue.lasts.count) lasts from \(workshops) workshops, no mistakes")
            } catch {
                StandardError.print(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the built-in sample catalogue as CSV (Samples/lasts/seongsu.csv).")

        func run() {
            StandardStream.write(LastCatalogue(lasts: SampleCatalogue.lasts).csv(comment: SampleCatalogue.comment), to: 1)
        }
    }
}
