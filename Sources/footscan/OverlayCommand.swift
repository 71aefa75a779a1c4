import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanOverlay
import FootScanReports
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

    @Flag(help: "Replace the output file if it exists (never the scan itself).")
    var force = false

    func run() throws {
        try OutputFile.check(output, inputs: [file], force: force)
        let report = ScanReport.measure(file: file, pipeline: measuring.pipeline)
        if let message = report.errorMessage {
            StandardError.print("footscan: \(message)")
            // A scan that decoded but held no foot still gets its picture: what the engine saw, and why.
            if let image = report.image, image.density != nil, let reason = report.error,
               let grouped = try? MeasurementStages.Segmented(image: image).groupFeet() {
                let canvas = OverlayRenderer.drawFailure(image: image, reason: reason, runs: grouped.foregroundRuns, regions: grouped.seenRegions)
                try Self.write(bytes: { () throws(ImageEncodingError) in try OverlayRenderer.encode(canvas, image: image) }, to: output)
            }
            throw ExitCode(1)
        }
        try Self.write(report: report, to: output)
    }

    /// Writes PNG bytes made by `bytes` through `OutputFile`; an encoding failure is one line too.
    static func write(bytes: () throws(ImageEncodingError) -> [UInt8], to path: String) throws {
        let data: [UInt8]
        do { data = try bytes() } catch {
            StandardError.print("footscan: \(path): cannot write the overlay: \(error)")
            throw ExitCode(1)
        }
        try OutputFile.write(data, to: path, what: "overlay")
    }

    /// Writes the overlay of a measured report; a failure to write is reported and rethrown.
    static func write(report: ScanReport, to path: String) throws {
        guard let image = report.image, let measurement = report.measurement else { return }
        try write(bytes: { () throws(ImageEncodingError) in try OverlayRenderer.png(image: image, measurement: measurement) }, to: path)
    }
}
