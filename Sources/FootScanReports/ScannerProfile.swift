import FootScanEngine
import FootScanImage
import FootScanLasts
import Foundation
import TOMLKit

/// A scanner profile: the true pixel size in x and y, the view and the bed, as TOML.
package struct ScannerProfile: Equatable, Sendable {
    /// Millimetres per pixel across the image.
    package var millimetresPerPixelX: Double
    /// Millimetres per pixel down the image.
    package var millimetresPerPixelY: Double
    /// Which side of the foot the scanner sees.
    package var view: ScanView
    /// The bed the calibration saw (`dark` or `light`), or empty.
    package var bed: String
    /// The bed's grey level at calibration.
    package var bedLevel: Double
    /// What the calibration measured (a card, a ruler), as the user named it.
    package var object: String
    /// The calibration scan's file.
    package var file: String

    /// A profile with every field given.
    package init(millimetresPerPixelX: Double, millimetresPerPixelY: Double, view: ScanView, bed: String, bedLevel: Double,
                 object: String, file: String) {
        self.millimetresPerPixelX = millimetresPerPixelX
        self.millimetresPerPixelY = millimetresPerPixelY
        self.view = view
        self.bed = bed
        self.bedLevel = bedLevel
        self.object = object
        self.file = file
    }

    /// Why a profile could not be read; `description` is the line to show, naming the file.
    package struct LoadError: Error, CustomStringConvertible, Equatable {
        /// The line to show.
        package var description: String
    }

    /// The pixel size as a density that replaces a file's own.
    package var density: ScanDensity {
        ScanDensity(dotsPerInchX: 25.4 / millimetresPerPixelX, dotsPerInchY: 25.4 / millimetresPerPixelY, source: .profile)
    }

    /// The profile as TOML, as `footscan calibrate` writes it.
    package var toml: String {
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
    package static func load(path: String) throws(LoadError) -> ScannerProfile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError(description: "cannot read the profile \(path): \(FileFailure.reason(error))")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: path)
    }

    /// Reads a profile's TOML text; `name` (a path, an upload's name) prefixes each error.
    package static func parse(_ text: String, name: String) throws(LoadError) -> ScannerProfile {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw LoadError(description: "\(name): not a TOML file: \(error.description) (line \(error.source.begin.line))")
        } catch {
            throw LoadError(description: "\(name): not a TOML file")
        }
        let scanner = table["scanner"]?.table ?? table
        func number(_ key: String) -> Double? { scanner[key]?.double ?? scanner[key]?.int.map(Double.init) }
        func string(_ table: TOMLTable, _ key: String) -> String? { table[key]?.string }
        guard let x = number("mm_per_pixel_x"), let y = number("mm_per_pixel_y"), x > 0.001, x < 5, y > 0.001, y < 5 else {
            throw LoadError(description: "\(name): not a FootScan profile (mm_per_pixel_x and mm_per_pixel_y are needed)")
        }
        let calibration = table["calibration"]?.table ?? table
        return ScannerProfile(millimetresPerPixelX: x, millimetresPerPixelY: y,
                              view: string(scanner, "view").flatMap(ScanView.init(rawValue:)) ?? .plantar,
                              bed: string(scanner, "bed") ?? "", bedLevel: number("bed_level") ?? 0,
                              object: string(calibration, "object") ?? "", file: string(calibration, "file") ?? "")
    }
}
