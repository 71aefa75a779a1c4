import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanReports

extension ScanView: ExpressibleByArgument {}
extension WearerSex: ExpressibleByArgument {}

/// The options every measuring command shares.
struct MeasuringOptions: ParsableArguments {
    @Option(help: "Pixel density in dots per inch for files that state none (a file's own density is kept).")
    var dpi: Double?

    @Option(help: "Pixel density in dots per inch for every file, replacing what the files state (a scanner that writes a wrong density, e.g. a 72 dpi placeholder).")
    var overrideDpi: Double?

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

    enum CodingKeys: String, CodingKey { case dpi, overrideDpi, view, sex, profile, coarsestPixel }

    mutating func validate() throws {
        if let coarsestPixel, !(coarsestPixel > 0 && coarsestPixel <= 2) {
            throw ValidationError("--coarsest-pixel must be more than 0 and at most 2 mm (got \(JSONValue.plain(coarsestPixel))).")
        }
        if dpi != nil && overrideDpi != nil { throw ValidationError("--dpi and --override-dpi both set the pixel size: give one.") }
        if let profile {
            if dpi != nil || overrideDpi != nil { throw ValidationError("--dpi or --override-dpi and --profile both set the pixel size: give one.") }
            do { loadedProfile = try ScannerProfile.load(path: profile) } catch { throw ValidationError(error.description) }
        }
        for (name, value) in [("--dpi", dpi), ("--override-dpi", overrideDpi)] {
            if let value, !(value.isFinite && value >= 10 && value <= 20_000) {
                throw ValidationError("\(name) must be between 10 and 20000.")
            }
        }
    }

    /// The engine's options (a profile's view unless --view is given).
    var engine: MeasurementOptions { MeasurementOptions(view: loadedProfile?.view ?? view, sex: sex) }

    /// How the decoder may reduce JPEG scans.
    var decoding: DecodingOptions { DecodingOptions(coarsestPixelMM: coarsestPixel) }

    /// The density the options give: one that replaces a file's own (a profile or --override-dpi) or
    /// one that only fills in where a file states none (--dpi).
    var density: ScanPipeline.GivenDensity? {
        if let loadedProfile { return .override(loadedProfile.density) }
        if let overrideDpi { return .override(ScanDensity(dotsPerInch: overrideDpi, source: .option)) }
        return dpi.map { .fillIn(ScanDensity(dotsPerInch: $0, source: .option)) }
    }

    /// The measuring pipeline these options ask for.
    var pipeline: ScanPipeline { ScanPipeline(measurement: engine, decoding: decoding, density: density) }
}
