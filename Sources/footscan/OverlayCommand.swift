import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanOverlay
import Foundation

/// `footscan overlay FILE -o OUT.png`: the scan with what was measured drawn on it.
struct OverlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: "Draw each foot's contour, axis, landmarks and measures on the scan (PNG at the scan's density)."
    )

    @Argument(help: "A PNG or JPEG scan.")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "The PNG to write.")
    var output: String

    @OptionGroup var measuring: MeasuringOptions

    func run() throws {
        let report = ScanReport.measure(file: file, density: measuring.densityOverride, options: measuring.engine, decoding: measuring.decoding)
        if let message = report.errorMessage {
            StandardError.print("footscan: \(message)")
            // A scan that decoded but held no foot still gets its picture: what the engine saw, and why.
            if let image = report.image, image.density != nil, let reason = report.error,
               let grouped = try? MeasurementStages.Segmented(image: image).groupFeet(scanner: FootScanner(options: measuring.engine)) {
                let canvas = OverlayRenderer.drawFailure(image: image, reason: reason, runs: grouped.foregroundRuns, regions: grouped.seenRegions)
                try Self.write(bytes: { () throws(ImageEncodingError) in try OverlayRenderer.encode(canvas, image: image) }, to: output)
            }
            throw ExitCode(1)
        }
        try Self.write(report: report, to: output)
    }

    /// Writes PNG bytes made by `bytes`; a failure to make or write them is reported and rethrown.
    static func write(bytes: () throws(ImageEncodingError) -> [UInt8], to path: String) throws {
        do {
            try Data(try bytes()).write(to: URL(fileURLWithPath: path))
        } catch {
            StandardError.print("footscan: \(path): cannot write the overlay: \(error)")
            throw ExitCode(1)
        }
    }

    /// Writes the overlay of a measured report; a failure to write is reported and rethrown.
    static func write(report: ScanReport, to path: String) throws {
        guard let image = report.image, let measurement = report.measurement else { return }
        try write(bytes: { () throws(ImageEncodingError) in try OverlayRenderer.png(image: image, measurement: measurement) }, to: path)
    }
}
