import ArgumentParser
import FootScanEngine
import FootScanImage

extension ScanView: ExpressibleByArgument {}

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

    @Option(help: "Pixel density in dots per inch, overriding the file's own.")
    var dpi: Double?

    @Option(help: "plantar (from below the glass, the default) or dorsal (from above: left and right mirrored).")
    var view: ScanView = .plantar

    @Option(help: "Also write an overlay picture (PNG) of the measured scan; with several files, of the first.")
    var overlay: String?

    mutating func validate() throws {
        if let dpi, !(dpi.isFinite && dpi >= 10 && dpi <= 20_000) {
            throw ValidationError("--dpi must be between 10 and 20000.")
        }
    }

    func run() throws {
        var failed = false
        for file in files {
            let report = ScanReport.measure(file: file, dpiOverride: dpi, view: view)
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
