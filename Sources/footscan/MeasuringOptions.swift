import ArgumentParser
import FootScanEngine
import FootScanImage

extension ScanView: ExpressibleByArgument {}
extension WearerSex: ExpressibleByArgument {}

/// The options every measuring command shares.
struct MeasuringOptions: ParsableArguments {
    @Option(help: "Pixel density in dots per inch, overriding what the files state.")
    var dpi: Double?

    @Option(help: "plantar (from below the glass, the default) or dorsal (from above: left and right mirrored).")
    var view: ScanView = .plantar

    @Option(help: "The wearer's sex, male or female: sharpens the girth estimate and picks the JIS width table.")
    var sex: WearerSex?

    @Option(help: "A scanner profile from `footscan calibrate`: its pixel size (x and y) and view replace the files'.")
    var profile: String?

    @Option(help: ArgumentHelp("Decode JPEG scans no finer than this pixel size, mm (DCT scaling: faster; 0.17 keeps every accuracy bound).", valueName: "mm"))
    var coarsestPixel: Double?

    /// The profile, read once when the options are validated.
    var loadedProfile: ScannerProfile?

    enum CodingKeys: String, CodingKey { case dpi, view, sex, profile, coarsestPixel }

    mutating func validate() throws {
        if let coarsestPixel, !(coarsestPixel > 0 && coarsestPixel <= 2) {
            throw ValidationError("--coarsest-pixel must be between 0 and 2 mm.")
        }
        if let profile {
            if dpi != nil { throw ValidationError("--dpi and --profile both set the pixel size: give one.") }
            loadedProfile = try ScannerProfile.load(path: profile)
        }
        if let dpi, !(dpi.isFinite && dpi >= 10 && dpi <= 20_000) {
            throw ValidationError("--dpi must be between 10 and 20000.")
        }
    }

    /// The engine's options (a profile's view unless --view is given).
    var engine: MeasurementOptions { MeasurementOptions(view: loadedProfile?.view ?? view, sex: sex) }

    /// How the decoder may reduce JPEG scans.
    var decoding: DecodingOptions { DecodingOptions(coarsestPixelMM: coarsestPixel) }

    /// The density that replaces the files' own, if any.
    var densityOverride: ScanDensity? {
        if let loadedProfile { return loadedProfile.density }
        return dpi.map { ScanDensity(dotsPerInch: $0, source: .option) }
    }
}
