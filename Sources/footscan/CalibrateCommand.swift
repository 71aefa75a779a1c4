import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanReports
import Foundation

/// `footscan calibrate FILE --object card`: find a known object and write a scanner profile.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Find a known object on a scan (an ID-1 card, A4, Letter, a ruler) and write the scanner's true pixel size.",
        discussion: "Many scanners write a wrong or placeholder resolution (72 dpi) into their files. Scan the object alone on the bed, then pass the profile to measure, batch, overlay or match with --profile."
    )

    @Argument(help: "A scan of the object.")
    var file: String

    @Option(help: "card (ID-1, 85.60 x 53.98 mm), a4, letter, or ruler-mm=N.")
    var object: String

    @Option(name: [.short, .customLong("output")], help: "The profile to write (TOML); default: print it.")
    var output: String?

    @Option(help: "The scanner's view: plantar (from below, the default) or dorsal.")
    var view: ScanView = .plantar

    mutating func validate() throws {
        guard CalibrationObject(argument: object) != nil else {
            throw ValidationError("--object must be card, a4, letter or ruler-mm=N.")
        }
    }

    @Flag(help: "Replace the profile file if it exists (never the scan itself).")
    var force = false

    func run() throws {
        guard let known = CalibrationObject(argument: object) else { throw ExitCode(2) }
        if let output { try OutputFile.check(output, inputs: [file], force: force, what: "profile") }
        let result: CalibrationResult
        do {
            let image = try ScanDecoder.decodeFile(atPath: file)
            result = try ScannerCalibration.calibrate(image: image, object: known)
        } catch let error as ScanImageError {
            StandardError.print("footscan: \(error)")
            throw ExitCode(1)
        } catch {
            StandardError.print("footscan: \(file): \(error)")
            throw ExitCode(1)
        }
        let profile = ScannerProfile(millimetresPerPixelX: result.millimetresPerPixelX, millimetresPerPixelY: result.millimetresPerPixelY,
                                     view: view, bed: result.bedIsLight ? "light" : "dark", bedLevel: result.bedLevel,
                                     object: object, file: file)
        if let output {
            try OutputFile.write(Array(profile.toml.utf8), to: output, what: "profile")
            StandardError.print("footscan: wrote \(output): \(JSONValue.plain((25.4 / result.millimetresPerPixelX * 10).rounded() / 10)) x "
                                + "\(JSONValue.plain((25.4 / result.millimetresPerPixelY * 10).rounded() / 10)) dpi")
        } else {
            StandardStream.write(profile.toml, to: 1)
        }
    }
}
