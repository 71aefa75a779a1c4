import ArgumentParser
import FootScanEngine

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

    mutating func validate() throws {
        if let dpi, !(dpi.isFinite && dpi >= 10 && dpi <= 20_000) {
            throw ValidationError("--dpi must be between 10 and 20000.")
        }
    }

    /// The engine's options.
    var engine: MeasurementOptions { MeasurementOptions(view: view, sex: sex) }
}
