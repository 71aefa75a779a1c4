import ArgumentParser
import Foundation
import FootScanImage
import FootScanSynth

/// `footscan synth`: draw scans of feet with known measures, and their truth.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate scans of feet with known measures (and a truth JSON beside each)."
    )

    /// `--pressure-scale`'s value for a map in grey levels (no colour scale).
    static let greyScale = "grey"

    /// The values `--pressure-scale` takes: the colour scales, then grey.
    static let pressureScales = PressureScale.allCases.map(\.rawValue) + [greyScale]

    @Option(help: "Folder to write into.")
    var out: String = "."

    @Option(help: "How many scans.")
    var count: Int = 1

    @Option(help: "Seed of the first scan; scan i uses seed + i.")
    var seed: UInt64 = 1

    @Option(help: "Pixel density (default: one of 150, 200, 300, 600, at most what `footscan measure` reads).")
    var dpi: Double?

    @Option(help: "Feet per scan, 1 or 2 (default: either).")
    var feet: Int?

    @Option(help: "File format: png or jpeg (default: either).")
    var format: String?

    @Option(help: "File name prefix: files are PREFIX-SEED.png (or .jpg) and PREFIX-SEED.truth.json.")
    var prefix: String = "foot"

    @Option(help: "JPEG quality, 1 to 100.")
    var quality: Int = 90

    @Flag(help: "Leave the density out of the file.")
    var noDensity = false

    @Flag(help: "Clean scans: no gradient, light leak or colour cast.")
    var clean = false

    @Flag(help: "Contact footprints (separate toe pads, a known arch index) instead of whole soles.")
    var footprints = false

    @Flag(help: "With --footprints or --device: irregular toe pads, the big toe's, the fifth's or both joined to the forefoot's print.")
    var touchingPads = false

    @Flag(help: "With --footprints or --device: prints without separate toes: every toe's pad joined to the forefoot's print, or no toe pads at all (one foot in two each), the ball's print ending oblique along the toes' bases and rounded into the sides; on a podoscope the dim whole foot still holds the toes.")
    var padless = false

    @Flag(help: "With --footprints or --device: the ball's print ends as a real print's behind separate toe pads too, oblique along the toes' bases and rounded into the sides (by default it is cut square across behind them).")
    var roundedFronts = false

    @Flag(help: "With --device podoscope: trousers at the heels, dark cloth around and behind each heel as dim as the foot beside it.")
    var trousers = false

    @Option(help: "With --device pressure-plate: the map's colour scale (\(Self.pressureScales.joined(separator: ", ")); grey: pressure as brightness on black or darkness on white, in a grey file); default jet or rainbow at random.")
    var pressureScale: String?

    @Option(help: "With --device pressure-plate: the boundaries between sensors drawn, as some plates' software shows its cells (tiles: each sensor a tile with a gap of the background's colour around it; lines: grey grid lines over the whole plate).")
    var sensorGrid: String?

    @Flag(help: "With two feet: make them touch.")
    var touching = false

    @Option(help: "With --touching: one foot stands this many mm ahead of the other.")
    var stagger: Double = 0

    @Flag(help: "A band of light along the left edge, near the skin's level, that the leftmost foot touches.")
    var leakTouching = false

    @Option(help: "Blur the edges by a Gaussian of this many mm (the lens; the sole curving off the glass).")
    var blur: Double = 0

    @Flag(help: "A bed as bright as the skin but of another hue: only colour tells them apart.")
    var isoluminant = false

    @Option(help: "Turn the toes laterally by up to this many degrees (hallux angles).")
    var toeTurn: Double = 0

    @Flag(help: "A calibration scan: an ID-1 card alone on the bed, at a random angle, instead of feet.")
    var card = false

    @Option(help: "Write this density into the file instead of the true one (as scanners that write 72 dpi do).")
    var claimDpi: Double?

    @Option(help: ArgumentHelp(
        "A real colour scanner's look: dark-bed (lid open: near-black bed, skin-coloured soles, a grey haze from one edge to the heel, a white cloth against the arch, toe pads on darker necks, a pale defocused heel) or light-bed (white lid: a shadow halo, the arch in shade, a grey gradient where the lid does not close).",
        valueName: "look"))
    var look: String?

    @Option(help: ArgumentHelp(
        "A print device's image (contact prints): contact-scanner (grey, black bed, ridged contact, a faint heel, dust), ink-grid (an ink podograph's grid of lines, dense where the pressure is high, on a paper form with lines, text, a logo and pencil marks, in uneven light) podoscope (bright contact areas inside the dim outline of the whole foot) or pressure-plate (a map of sensors about 5 mm apart in a colour scale on black, blocky or interpolated, seen from above).",
        valueName: "device"))
    var device: String?

    @Flag(help: "Scanner quirks: vignetting, dust specks and hairs on the glass, 16-bit samples in half the PNGs.")
    var quirks = false

    @Flag(help: "A foot partly off the bed: one edge of the scan cuts 5 to 20 mm off the feet.")
    var offBed = false

    @Flag(help: "Hairs on the glass touching the feet: three on each foot, from the longest toe's tip, the heel's back and a point at random, 0.05 to 0.1 mm wide, running 5 to 25 mm out; as dark as the sole on a grey scan, colourless with --look.")
    var touchingHairs = false

    @Flag(help: "Dust specks on the glass touching the feet: four on each foot, at the longest toe's tip, the heel's back and the widest points either side, 0.3 to 1 mm across, reaching 0.5 to 0.9 of their size beyond the edge; as dark as the sole on a grey scan, colourless with --look.")
    var touchingSpecks = false

    @Flag(help: "With --device ink-grid: the form photographed with the camera tilted, a keystone that changes the scale by 1 to 3 % from the image's centre to its corners; the truth is the sheet's, what a tape on the paper gives.")
    var perspective = false

    @Flag(help: "Replace scans and truth files of the same names that exist in the folder.")
    var force = false

    mutating func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1.") }
        if let feet, !(1...2).contains(feet) { throw ValidationError("--feet must be 1 or 2.") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1 to 100.") }
        guard stagger >= 0 else { throw ValidationError("--stagger must not be negative.") }
        if stagger > 0 && !touching { throw ValidationError("--stagger needs --touching.") }
        if touching && feet == 1 { throw ValidationError("--touching needs two feet; drop --feet 1.") }
        guard blur >= 0 else { throw ValidationError("--blur must not be negative.") }
        if let format, !["png", "jpeg", "jpg"].contains(format) { throw ValidationError("--format must be png or jpeg.") }
        if let device, PrintDevice(rawValue: device) == nil {
            throw ValidationError("--device must be one of \(PrintDevice.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if device != nil && look != nil { throw ValidationError("--device and --look do not go together: a device draws its own look.") }
        if touchingPads && !footprints && device == nil { throw ValidationError("--touching-pads needs --footprints or --device.") }
        if padless && !footprints && device == nil { throw ValidationError("--padless needs --footprints or --device.") }
        if roundedFronts && !footprints && device == nil { throw ValidationError("--rounded-fronts needs --footprints or --device.") }
        if perspective && device != PrintDevice.inkGrid.rawValue { throw ValidationError("--perspective needs --device ink-grid.") }
        if trousers && device != PrintDevice.podoscope.rawValue { throw ValidationError("--trousers needs --device podoscope.") }
        if let pressureScale {
            guard device == PrintDevice.pressurePlate.rawValue else { throw ValidationError("--pressure-scale needs --device pressure-plate.") }
            guard Self.pressureScales.contains(pressureScale) else {
                throw ValidationError("--pressure-scale must be one of \(Self.pressureScales.joined(separator: ", ")).")
            }
        }
        if let sensorGrid {
            guard device == PrintDevice.pressurePlate.rawValue else { throw ValidationError("--sensor-grid needs --device pressure-plate.") }
            guard SensorGrid(rawValue: sensorGrid) != nil else {
                throw ValidationError("--sensor-grid must be one of \(SensorGrid.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        if touchingHairs && (device != nil || footprints) { throw ValidationError("--touching-hairs draws soles; drop --device and --footprints.") }
        if touchingSpecks && (device != nil || footprints) { throw ValidationError("--touching-specks draws soles; drop --device and --footprints.") }
        if let look, ScannerLook(rawValue: look) == nil {
            throw ValidationError("--look must be one of \(ScannerLook.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        try OutputFile.makeFolder(out)
        var conditions = SceneConditions()
        if let dpi { conditions.dotsPerInch = [dpi] }
        conditions.footCount = feet
        conditions.harsh = !clean
        conditions.footprints = footprints
        conditions.touchingToePads = touchingPads
        conditions.padlessPrints = padless
        conditions.roundedBallFronts = roundedFronts
        conditions.trousers = trousers
        conditions.pressureScale = pressureScale.flatMap(PressureScale.init(rawValue:))
        conditions.greyPressureMap = pressureScale == Self.greyScale
        conditions.sensorGrid = sensorGrid.flatMap(SensorGrid.init(rawValue:))
        conditions.touching = touching
        conditions.leakTouchesFoot = leakTouching
        conditions.touchingStaggerMM = stagger...stagger
        conditions.isoluminantBed = isoluminant
        conditions.edgeBlurMM = blur...blur
        conditions.toeRotationDeg = 0...max(toeTurn, 0)
        conditions.look = look.flatMap(ScannerLook.init(rawValue:))
        conditions.device = device.flatMap(PrintDevice.init(rawValue:))
        conditions.quirks = quirks
        conditions.offBed = offBed
        conditions.touchingHairs = touchingHairs
        conditions.touchingSpecks = touchingSpecks
        conditions.perspective = perspective
        switch format {
        case "png": conditions.formats = [.png]
        case "jpeg", "jpg": conditions.formats = [.jpeg(quality: quality, progressive: false)]
        default: break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        for index in 0..<count {
            var scene = ScanScene.random(seed: seed &+ UInt64(index), conditions: conditions)
            scene.writesDensity = !noDensity
            if card {
                var random = SeededRandom(seed: seed &+ UInt64(index))
                scene.placeCardAlone(centreMM: Point2(75 + random.uniform(-10...10), 60 + random.uniform(-8...8)),
                                     angle: random.uniform(-0.35...0.35), bedMM: (150, 120))
            }
            scene.claimedDotsPerInch = claimDpi
            // Never a scan that `footscan measure` refuses as too large (an ink form at 600 dpi is 91
            // million pixels): a density drawn at random steps down to one it reads; one asked for fails.
            let limit = DecodingOptions.defaultMaximumPixelCount
            while scene.widthPixels * scene.heightPixels > limit {
                guard dpi == nil, let lower = [300.0, 200, 150].first(where: { $0 < scene.dotsPerInch }) else {
                    StandardError.print("footscan: scan \(seed &+ UInt64(index)) would be \(scene.widthPixels) x \(scene.heightPixels) pixels at \(scene.dotsPerInch.rounded() == scene.dotsPerInch ? String(Int(scene.dotsPerInch)) : String(scene.dotsPerInch)) dpi, more than footscan measure reads (\(limit)); choose a lower --dpi")
                    throw ExitCode(1)
                }
                scene.dotsPerInch = lower
            }
            let scan = try ScanRenderer.render(scene)
            let name = "\(prefix)-\(seed &+ UInt64(index))"
            let imagePath = (out as NSString).appendingPathComponent("\(name).\(scan.fileExtension)")
            let truthPath = (out as NSString).appendingPathComponent("\(name).truth.json")
            try OutputFile.check(imagePath, inputs: [], force: force)
            try OutputFile.check(truthPath, inputs: [], force: force)
            let truth = try encoder.encode(SynthTruthFile(file: "\(name).\(scan.fileExtension)", dpi: scene.dotsPerInch, feet: scan.truth, scene: scene))
            try OutputFile.write(scan.fileBytes, to: imagePath, what: "scan")
            try OutputFile.write(Array(truth), to: truthPath, what: "truth file")
            StandardError.print("wrote \(imagePath)")
        }
    }
}

/// The truth file written beside each generated scan.
struct SynthTruthFile: Encodable {
    var file: String
    var dpi: Double
    var feet: [FootTruth]
    var scene: ScanScene
}
