import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanReports


/// `footscan measure FILE...`: decode each scan and report what was measured.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure the feet on one or more scans."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "PNG or JPEG scans.")
    var files: [String]

    @Option(help: "Output format: text or json (JSON Lines for several files).")
    var format: Format = .text

    @OptionGroup var measuring: MeasuringOptions

    @Option(help: "Also write an overlay picture (PNG) of the measured scan; with several files, of the first.")
    var overlay: String?

    @Flag(help: "With --overlay: replace the overlay file if it exists (never a scan).")
    var force = false

    func run() throws {
        if let overlay { try OutputFile.check(overlay, inputs: files, force: force) }
        var failed = false
        for file in files {
            let report = ScanReport.measure(file: file, pipeline: measuring.pipeline)
            switch format {
            case .json: StandardOutput.print(report.json.serialized())
            case .text: if let text = report.text { StandardOutput.print(text) }
            }
            if let message = report.errorMessage {
                StandardError.print("footscan: \(message)")
                failed = true
            } else if let overlay, file == files.first {
                try OverlayCommand.write(report: report, to: overlay)
            }
        }
        if failed { throw ExitCode(1) }
    }
}
