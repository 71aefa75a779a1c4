import ArgumentParser

/// The `footscan` command: measure foot scans for shoemakers.
@main
struct FootScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footscan",
        abstract: "Measure feet on plantar scans and footprints.",
        discussion: "Reads PNG and JPEG scans, finds each foot and reports its length, width, heel width, toe shape and side.",
        subcommands: [MeasureCommand.self, SynthCommand.self]
    )
}
