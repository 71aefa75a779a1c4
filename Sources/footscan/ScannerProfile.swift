import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanLasts
import Foundation
import TOMLKit

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

    /// Reads a profile with a TOML parser: the keys FootScan writes, in its `[scanner]` table (or at the
    /// top level, as older profiles had them); comments, reordering and other tables are fine.
    static func load(path: String) throws -> ScannerProfile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("cannot read the profile \(path): \(FileFailure.reason(error))")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: String(decoding: data, as: UTF8.self)) } catch let error as TOMLParseError {
            throw ValidationError("\(path): not a TOML file: \(error.description) (line \(error.source.begin.line))")
        }
        let scanner = table["scanner"]?.table ?? table
        func number(_ key: String) -> Double? { scanner[key]?.double ?? scanner[key]?.int.map(Double.init) }
        func text(_ table: TOMLTable, _ key: String) -> String? { table[key]?.string }
        guard let x = number("mm_per_pixel_x"), let y = number("mm_per_pixel_y"), x > 0.001, x < 5, y > 0.001, y < 5 else {
            throw ValidationError("\(path): not a FootScan profile (mm_per_pixel_x and mm_per_pixel_y are needed)")
        }
        let calibration = table["calibration"]?.table ?? table
        return ScannerProfile(millimetresPerPixelX: x, millimetresPerPixelY: y,
                              view: text(scanner, "view").flatMap(ScanView.init(rawValue:)) ?? .plantar,
                              bed: text(scanner, "bed") ?? "", bedLevel: number("bed_level") ?? 0,
                              object: text(calibration, "object") ?? "", file: text(calibration, "file") ?? "")
    }
}
