import ArgumentParser
import FootScanEngine
import FootScanImage
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

/// A scanner profile: the true pixel size in x and y, the view and the bed, as TOML.
struct ScannerProfile: Equatable {
    var millimetresPerPixelX: Double
    var millimetresPerPixelY: Double
    var view: ScanView
    var bed: String
    var bedLevel: Double
    var object: String
    var file: String

    var density: ScanDensity {
        ScanDensity(dotsPerInchX: 25.4 / millimetresPerPixelX, dotsPerInchY: 25.4 / millimetresPerPixelY, source: .profile)
    }

    var toml: String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return """
            # FootScan scanner profile, written by `footscan calibrate`. Use it with --profile.
            [scanner]
            mm_per_pixel_x = \(millimetresPerPixelX)
            mm_per_pixel_y = \(millimetresPerPixelY)
            dpi_x = \((25.4 / millimetresPerPixelX * 1000).rounded() / 1000)
            dpi_y = \((25.4 / millimetresPerPixelY * 1000).rounded() / 1000)
            view = \(quoted(view.rawValue))
            bed = \(quoted(bed))
            bed_level = \((bedLevel * 10).rounded() / 10)

            [calibration]
            object = \(quoted(object))
            file = \(quoted(file))

            """
    }

    /// Reads the keys FootScan wrote (`key = value` lines; sections and comments skipped).
    static func load(path: String) throws -> ScannerProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the profile \(path)")
        }
        var values: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.hasPrefix("#"), !text.hasPrefix("["), let equals = text.firstIndex(of: "=") else { continue }
            let key = text[..<equals].trimmingCharacters(in: .whitespaces)
            var value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            values[key] = value
        }
        guard let x = values["mm_per_pixel_x"].flatMap(Double.init), let y = values["mm_per_pixel_y"].flatMap(Double.init),
              x > 0.001, x < 5, y > 0.001, y < 5 else {
            throw ValidationError("\(path): not a FootScan profile (mm_per_pixel_x and mm_per_pixel_y are needed)")
        }
        return ScannerProfile(millimetresPerPixelX: x, millimetresPerPixelY: y, view: values["view"].flatMap(ScanView.init(rawValue:)) ?? .plantar,
                              bed: values["bed"] ?? "", bedLevel: values["bed_level"].flatMap(Double.init) ?? 0,
                              object: values["object"] ?? "", file: values["file"] ?? "")
    }
}
