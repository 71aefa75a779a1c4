import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanOverlay
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        try Self.checkOutput(output, inputs: [file], force: force)
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

    /// Writes PNG bytes made by `bytes` to a temporary file beside `path` and renames it into place, so a
    /// failed write leaves nothing half-written; a failure is reported in one line (the system's reason)
    /// and rethrown.
    static func write(bytes: () throws(ImageEncodingError) -> [UInt8], to path: String) throws {
        func fail(_ reason: String) -> ExitCode {
            StandardError.print("footscan: \(path): cannot write the overlay: \(reason)")
            return ExitCode(1)
        }
        let data: [UInt8]
        do { data = try bytes() } catch { throw fail("\(error)") }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).partial").path
        guard let handle = fopen(temporary, "wb") else { throw fail(String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let writeError = written == data.count ? 0 : errno
        let closed = fclose(handle) == 0
        guard writeError == 0, closed else {
            let reason = String(cString: strerror(writeError != 0 ? writeError : errno))
            unlink(temporary)
            throw fail(reason)
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw fail(reason)
        }
    }

    /// Refuses an output path that is one of the inputs (the customer's scan is never overwritten) or
    /// that exists, unless `force` (and never an input, even then).
    static func checkOutput(_ output: String, inputs: [String], force: Bool) throws {
        let resolved = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == resolved }) {
            StandardError.print("footscan: \(output): is the scan itself; write the overlay to another file")
            throw ExitCode(1)
        }
        if !force && FileManager.default.fileExists(atPath: output) {
            StandardError.print("footscan: \(output): exists; pass --force to replace it")
            throw ExitCode(1)
        }
    }

    /// Writes the overlay of a measured report; a failure to write is reported and rethrown.
    static func write(report: ScanReport, to path: String) throws {
        guard let image = report.image, let measurement = report.measurement else { return }
        try write(bytes: { () throws(ImageEncodingError) in try OverlayRenderer.png(image: image, measurement: measurement) }, to: path)
    }
}
