import Dispatch
import Foundation
import FootScanEngine
import FootScanImage
import FootScanSynth

/// One generated foot, its truth and what the engine measured of it.
package struct FootResult: Sendable {
    package var seed: UInt64
    package var dotsPerInch: Double
    package var truth: FootTruth
    package var measured: FootMeasurement?
}

/// One generated scan's outcome.
package struct ScanResult: Sendable {
    package var seed: UInt64
    package var scene: ScanScene
    package var feet: [FootResult]
    package var measuredCount: Int
    package var error: String?
    package var orderedLeftToRight: Bool
    package var imageKind: ImageKind?
    package var reduction = 1
    /// Whether the grey channel was projected from colour rather than luma.
    package var usedColour = false
}

/// Renders, encodes, decodes and measures a seeded set of scenes in parallel, once per test process.
package enum GeneratedSet {
    /// The main set: 170 scans (over 200 feet) across densities, rotations, lighting, formats, one or
    /// two feet, with and without density metadata.
    package static let main: [ScanResult] = run(seeds: Array(1...170)) { seed in
        var conditions = SceneConditions()
        let densities: [Double] = [150, 200, 300, 600]
        conditions.dotsPerInch = [densities[Int(seed % 4)]]
        if seed % 4 == 3 { conditions.footCount = 1 } // keep the 600 dpi scans to one foot: CI time
        var scene = ScanScene.random(seed: seed &* 7919, conditions: conditions)
        scene.writesDensity = seed % 7 != 0
        return scene
    }

    /// Contact prints: 60 scans (one or two feet) at 150, 200 and 300 dpi, arch indices from split prints
    /// (0) to flat feet.
    package static let footprints = atThreeDensities(seeds: 1001...1060, multiplier: 104_729) { $0.footprints = true }

    /// Partial prints: one or two outer toes left no pad; 20 scans at 150 to 300 dpi.
    package static let partialPrints = atThreeDensities(seeds: 1101...1120, multiplier: 104_729) {
        $0.footprints = true
        $0.partialPrints = true
    }

    /// Two split prints side by side (no midfoot contact): 16 scans at 150 to 300 dpi.
    package static let splitPrintPairs = atThreeDensities(seeds: 1201...1216, multiplier: 104_729) {
        $0.footprints = true
        $0.splitPrints = true
        $0.footCount = 2
    }

    /// Two feet that touch (overlapping by 1 mm where they are closest), 150 to 300 dpi, any rotation.
    package static let touching = atThreeDensities(seeds: 4001...4030, multiplier: 5519) {
        $0.footCount = 2
        $0.touching = true
    }

    /// A band of light along the left edge, 60 to 95% of the way from bed to skin, that the leftmost foot
    /// touches; one or two feet, 150 to 300 dpi.
    package static let leakTouching = atThreeDensities(seeds: 5001...5024, multiplier: 4513) { $0.leakTouchesFoot = true }

    /// A bed as bright as the skin (luma within 3%) but bluish under a warm skin: only colour separates
    /// them. One or two feet, 150 to 300 dpi, PNG and JPEG.
    package static let isoluminant = atThreeDensities(seeds: 6001...6024, multiplier: 3571) { $0.isoluminantBed = true }

    /// The same scenes decoded as luma alone, to show that they need colour.
    package static let isoluminantLumaOnly = atThreeDensities(seeds: 6001...6024, multiplier: 3571, lumaOnly: true) { $0.isoluminantBed = true }

    /// Two feet that touch in a staggered stance: one 30 to 150 mm ahead of the other, 150 to 300 dpi.
    package static let touchingStaggered = atThreeDensities(seeds: 4101...4130, multiplier: 5519) {
        $0.footCount = 2
        $0.touching = true
        $0.touchingStaggerMM = 30...150
    }

    /// Soft edges: the feet's outlines blurred by a Gaussian of 0.2 to 0.6 mm (the lens; a sole curving
    /// off the glass), with every other condition as in the main set; 150 to 300 dpi.
    package static let softEdges = atThreeDensities(seeds: 7001...7024, multiplier: 7919) { $0.edgeBlurMM = 0.2...0.6 }

    /// Single feet with toes turned by 0 to 30 degrees (true hallux angles about 5 to 35), 150 to 300 dpi.
    package static let hallux = atThreeDensities(seeds: 3001...3040, multiplier: 6151) {
        $0.footCount = 1
        $0.toeRotationDeg = 0...30
    }

    /// A colour flatbed with its lid open (``ScannerLook/darkBed``): near-black bed, skin-coloured soles,
    /// a colourless haze from one edge to the heel, a white cloth against the medial arch, toe pads on
    /// darker necks, ridges, a pale defocused heel; 30 scans at 150 to 300 dpi, PNG and JPEG.
    package static let darkBed = atThreeDensities(seeds: 8001...8030, multiplier: 6007) { $0.look = .darkBed }

    /// The same under a white lid (``ScannerLook/lightBed``): a shadow halo, the arch in shade, a grey
    /// gradient from the edge where the lid does not close; 30 scans.
    package static let lightBed = atThreeDensities(seeds: 8101...8130, multiplier: 6007) { $0.look = .lightBed }

    /// Either look with a scanner's quirks: vignetting, dust specks and hairs, 16-bit samples in half the
    /// PNGs; 30 scans.
    package static let quirks = atThreeDensities(seeds: 8201...8230, multiplier: 6007, lookBySeed: true) { $0.quirks = true }

    /// Grey scans with hairs on the glass touching the feet (``SceneConditions/touchingHairs``): three on
    /// each foot, from the longest toe's tip, the heel's back and a point at random; every other condition
    /// as in the main set; 30 scans at 150 to 300 dpi.
    package static let touchingHairs = atThreeDensities(seeds: 8501...8530, multiplier: 7727) { $0.touchingHairs = true }

    /// The same scenes without the hairs.
    package static let touchingHairsRemoved = atThreeDensities(seeds: 8501...8530, multiplier: 7727) { _ in }

    /// Hairs touching the feet under a real colour scanner's look (dark and light bed by seed), where they
    /// are colourless; 18 scans.
    package static let touchingHairsColour = atThreeDensities(seeds: 8531...8548, multiplier: 7727, lookBySeed: true) {
        $0.touchingHairs = true
    }

    /// The same scenes without the hairs.
    package static let touchingHairsColourRemoved = atThreeDensities(seeds: 8531...8548, multiplier: 7727, lookBySeed: true) { _ in }

    /// Grey scans with dust specks on the glass touching the feet (``SceneConditions/touchingSpecks``): four
    /// on each foot, 0.3 to 1 mm across, at the longest toe's tip, the heel's back and the widest points;
    /// every other condition as in the main set; 30 scans at 150 to 300 dpi.
    package static let touchingSpecks = atThreeDensities(seeds: 8551...8580, multiplier: 7727) { $0.touchingSpecks = true }

    /// The same scenes without the specks.
    package static let touchingSpecksRemoved = atThreeDensities(seeds: 8551...8580, multiplier: 7727) { _ in }

    /// Specks touching the feet under a real colour scanner's look (dark and light bed by seed), where they
    /// are colourless; 12 scans.
    package static let touchingSpecksColour = atThreeDensities(seeds: 8581...8592, multiplier: 7727, lookBySeed: true) {
        $0.touchingSpecks = true
    }

    /// The same scenes without the specks.
    package static let touchingSpecksColourRemoved = atThreeDensities(seeds: 8581...8592, multiplier: 7727, lookBySeed: true) { _ in }

    /// Feet partly off the bed (one edge cuts 5 to 20 mm off them), dark-bed look; 12 scans.
    package static let offBed = atThreeDensities(seeds: 8301...8312, multiplier: 6007) {
        $0.look = .darkBed
        $0.offBed = true
    }

    /// An optical contact scanner's prints (``PrintDevice/contactScanner``): grey, ridged, a faint heel,
    /// a dim arch band, dust; one or two feet, 30 scans at 150 to 300 dpi. The contact scanners',
    /// podoscopes', ink grid's, touching pads' and grey and 600 dpi maps' sets draw the ball's front as a
    /// real print's, oblique and rounded behind the toe pads (``SceneConditions/roundedBallFronts``); the
    /// colour maps' stay square (with rounded fronts their length P95 was 1.05-1.15 mm, past the maps' 1.0).
    package static let contactScanner = atThreeDensities(seeds: 9001...9030, multiplier: 7727) {
        $0.device = .contactScanner
        $0.roundedBallFronts = true
    }

    /// Contact-scanner prints at 60 to 100 dpi (60, 72, 85, 100 in turn), as such scanners' own files
    /// come: too coarse for the ridges to show, so the faint heel and the dim arch band are found by
    /// growing the print from its contact (`MeasurementEngine.measureGradedPrint`); 32 scans.
    package static let contactScannerCoarse: [ScanResult] = run(seeds: Array(9681...9712)) { seed in
        var conditions = SceneConditions()
        conditions.dotsPerInch = [[60.0, 72, 85, 100][Int(seed % 4)]]
        conditions.device = .contactScanner
        conditions.roundedBallFronts = true
        return ScanScene.random(seed: seed &* 7727, conditions: conditions)
    }

    /// Ink podograph prints on a paper form (``PrintDevice/inkGrid``), seen from above (`--view dorsal`):
    /// grid lines dense under heel and ball, sparse and broken under arch and toes; frame, text, logo,
    /// pencil marks; uneven light. 30 scans.
    package static let inkGrid = atThreeDensities(seeds: 9101...9130, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .inkGrid
        $0.roundedBallFronts = true
    }

    /// The ink grid's scenes photographed with the camera tilted (``SceneConditions/perspective``: a
    /// keystone of 1 to 3 % at the sheet's corners), their truth the sheet's;
    /// 30 scans.
    package static let inkGridPerspective = atThreeDensities(seeds: 9101...9130, multiplier: 7727,
                                                             options: MeasurementOptions(view: .dorsal)) {
        $0.device = .inkGrid
        $0.roundedBallFronts = true
        $0.perspective = true
    }

    /// Colour podoscope images (``PrintDevice/podoscope``): bright contact inside the dim whole foot; 30 scans.
    package static let podoscope = atThreeDensities(seeds: 9201...9230, multiplier: 7727) {
        $0.device = .podoscope
        $0.roundedBallFronts = true
    }

    /// Podoscope images with trousers at the heels (``SceneConditions/trousers``): dark cloth around and
    /// behind each heel, as dim as the foot beside it; 30 scans.
    package static let podoscopeTrousers = atThreeDensities(seeds: 9231...9260, multiplier: 7727) {
        $0.device = .podoscope
        $0.trousers = true
        $0.roundedBallFronts = true
    }

    /// Contact-scanner prints whose big toe's pad, fifth toe's pad or both join the forefoot's print (no
    /// gap at the crease), all pads irregular; 30 scans.
    package static let touchingPads = atThreeDensities(seeds: 9401...9430, multiplier: 7727) {
        $0.device = .contactScanner
        $0.touchingToePads = true
        $0.roundedBallFronts = true
    }

    /// Prints without separate toes (``SceneConditions/padlessPrints``): on each foot every toe's pad
    /// joined to the forefoot's print, or no pad at all; plain prints, 40 scans at 150 to 300 dpi.
    package static let padlessPrints = atThreeDensities(seeds: 9601...9640, multiplier: 7727) {
        $0.footprints = true
        $0.padlessPrints = true
    }

    /// The same looks on a contact scanner (ridged, a faint heel, dust); 36 scans.
    package static let padlessContactScanner = atThreeDensities(seeds: 9641...9676, multiplier: 7727) {
        $0.device = .contactScanner
        $0.padlessPrints = true
    }

    /// Podoscope images of the same feet: the contact shows no toe pad apart (toes joined to the forefoot's
    /// contact, or off the glass), the dim whole foot holds them all; 30 scans.
    package static let padlessPodoscope = atThreeDensities(seeds: 9721...9750, multiplier: 7727) {
        $0.device = .podoscope
        $0.padlessPrints = true
    }

    /// Pressure plates' maps of the same looks (seen from above, `--view dorsal`): every toe's pad joined
    /// to the forefoot's pressure, or no toe pressed at all; 30 scans.
    package static let padlessPressurePlate = atThreeDensities(seeds: 9781...9810, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.padlessPrints = true
    }

    /// The same maps in grey levels (pressure as brightness on black, or as darkness on white), in grey
    /// files: 30 scans, 40 feet.
    package static let padlessPressurePlateGrey = atThreeDensities(seeds: 9781...9810, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.padlessPrints = true
        $0.greyPressureMap = true
    }

    /// Pressure plates' maps (``PrintDevice/pressurePlate``): sensors 4.5 to 5.1 mm apart, in jet or a
    /// rainbow on black, as blocks or interpolated, seen from above (`--view dorsal`); faint toes that
    /// may join one another and the forefoot. 30 scans.
    package static let pressurePlate = atThreeDensities(seeds: 9301...9330, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
    }

    /// Pressure plates' maps whose sensors are drawn as tiles with a gap of the background's colour
    /// around each (``SensorGrid/tiles``), as blocks in jet or a rainbow, on black or white. 30 scans.
    package static let pressurePlateTiles = atThreeDensities(seeds: 9781...9810, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.sensorGrid = .tiles
    }

    /// The same maps with grey grid lines between the sensors over the whole plate
    /// (``SensorGrid/lines``). 30 scans.
    package static let pressurePlateGridLines = atThreeDensities(seeds: 9781...9810, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.sensorGrid = .lines
    }

    /// Pressure plates' maps in the hot scale (dark red to white, on black), 24 scans at 150/200/300 dpi.
    package static let pressurePlateHot = atThreeDensities(seeds: 9351...9374, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.pressureScale = .hot
    }

    /// Pressure plates' maps in grey levels (pressure as brightness on black, or as darkness on white, a
    /// quarter of them), in grey files, blocks or interpolated; 30 scans at 150/200/300 dpi.
    package static let pressurePlateGrey = atThreeDensities(seeds: 9501...9530, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
        $0.device = .pressurePlate
        $0.greyPressureMap = true
        $0.roundedBallFronts = true
    }

    /// Pressure plates' maps drawn at 600 dpi, one foot each, where an interpolated map's ramps are
    /// gentle enough for the colour scale's levels to step them; 8 scans.
    package static let pressurePlateFine: [ScanResult] = run(seeds: Array(9341...9348), options: MeasurementOptions(view: .dorsal)) { seed in
        var conditions = SceneConditions()
        conditions.dotsPerInch = [600]
        conditions.footCount = 1
        conditions.device = .pressurePlate
        conditions.roundedBallFronts = true
        return ScanScene.random(seed: seed &* 7727, conditions: conditions)
    }

    /// Scans whose file states a wrong density: a scanner's 72 dpi placeholder on scans at 150 to 300 dpi,
    /// and 600 dpi claimed for 150; plain and dark-bed looks; 16 scans.
    package static let wrongDensity: [ScanResult] = run(seeds: Array(8401...8416)) { seed in
        var conditions = SceneConditions()
        conditions.dotsPerInch = [seed % 2 == 0 ? 150 : [150.0, 200, 300][Int(seed / 2 % 3)]]
        if seed % 3 == 0 { conditions.look = .darkBed }
        var scene = ScanScene.random(seed: seed &* 6007, conditions: conditions)
        scene.claimedDotsPerInch = seed % 2 == 0 ? 600 : 72
        return scene
    }

    /// JPEG scans at 300 and 600 dpi decoded by DCT scaling to pixels of about 0.17 mm (1/2 and 1/4).
    package static let reduced: [ScanResult] = run(seeds: Array(2001...2040), decoding: DecodingOptions(coarsestPixelMM: 0.17)) { seed in
        var conditions = SceneConditions()
        conditions.dotsPerInch = [seed % 2 == 0 ? 300 : 600]
        conditions.footCount = seed % 2 == 0 ? nil : 1
        conditions.formats = [.jpeg(quality: 85, progressive: seed % 3 == 0)]
        return ScanScene.random(seed: seed &* 7907, conditions: conditions)
    }

    /// Scenes at 150, 200 and 300 dpi in turn (by seed), under the conditions `configure` sets, each drawn
    /// from seed x `multiplier`.
    package static func atThreeDensities(seeds: ClosedRange<UInt64>, multiplier: UInt64, lumaOnly: Bool = false, lookBySeed: Bool = false,
                                 options: MeasurementOptions = MeasurementOptions(),
                                 _ configure: @Sendable (inout SceneConditions) -> Void) -> [ScanResult] {
        run(seeds: Array(seeds), lumaOnly: lumaOnly, options: options) { seed in
            var conditions = SceneConditions()
            conditions.dotsPerInch = [[150.0, 200, 300][Int(seed % 3)]]
            if lookBySeed { conditions.look = seed % 2 == 0 ? .darkBed : .lightBed }
            configure(&conditions)
            return ScanScene.random(seed: seed &* multiplier, conditions: conditions)
        }
    }

    /// Renders each scene, writes it as a file's bytes, decodes and measures it.
    package static func run(seeds: [UInt64], decoding: DecodingOptions = DecodingOptions(), lumaOnly: Bool = false,
                    options: MeasurementOptions = MeasurementOptions(), scene: @Sendable (UInt64) -> ScanScene) -> [ScanResult] {
        let slots = ResultSlots(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
            slots.set(index, measure(seed: seeds[index], scene: scene(seeds[index]), decoding: decoding, lumaOnly: lumaOnly, options: options))
        }
        return slots.values
    }

    /// Decodes as the command does (luma, or a colour channel when luma cannot separate foot from bed),
    /// or as luma alone.
    package static func measure(seed: UInt64, scene: ScanScene, decoding: DecodingOptions = DecodingOptions(), lumaOnly: Bool = false,
                        options: MeasurementOptions = MeasurementOptions()) -> ScanResult {
        var result = ScanResult(seed: seed, scene: scene, feet: [], measuredCount: 0, error: nil, orderedLeftToRight: true, imageKind: nil)
        do {
            let scan = try ScanRenderer.render(scene)
            // FOOTSCAN_DUMP=DIR keeps each generated file for a look (debugging only).
            if let folder = ProcessInfo.processInfo.environment["FOOTSCAN_DUMP"] {
                _ = FileManager.default.createFile(atPath: "\(folder)/seed-\(seed).\(scan.fileExtension)", contents: Data(scan.fileBytes))
            }
            // As the command decodes (through the pipeline, the true density filled in where the file
            // states none), or as luma alone.
            let pipeline = ScanPipeline(decoding: decoding, density: .fillIn(ScanDensity(dotsPerInch: scene.dotsPerInch, source: .option)))
            var image = lumaOnly ? try ScanDecoder.decode(scan.fileBytes, file: "seed-\(seed)", options: decoding)
                : try pipeline.decode(scan.fileBytes, file: "seed-\(seed)")
            result.usedColour = image.source.projection != nil
            if image.density == nil {
                image = image.replacingDensity(ScanDensity(dotsPerInch: scene.dotsPerInch, source: .option))
            }
            // Truth is in full-size pixels: scale the pternion to the delivered buffer.
            result.reduction = image.source.reduction
            let measurement = try MeasurementEngine(options: options).measure(image)
            result.measuredCount = measurement.feet.count
            result.imageKind = measurement.imageKind
            // Left to right by the x of each outline's area centroid (within a pixel: stacked feet may tie).
            let xs = measurement.feet.map { centroidX($0.geometry.contour) }
            result.orderedLeftToRight = zip(xs, xs.dropFirst()).allSatisfy { $0 <= $1 + 1 }
            // Pair each true foot with the measured foot whose pternion lies nearest its own.
            for truth in scan.truth {
                let scale = Double(result.reduction)
                let nearest = measurement.feet.min { a, b in
                    distance(a.geometry.pternion * scale, truth.pternionPixel) < distance(b.geometry.pternion * scale, truth.pternionPixel)
                }
                result.feet.append(FootResult(seed: seed, dotsPerInch: scene.dotsPerInch, truth: truth, measured: nearest))
            }
        } catch {
            result.error = "\(error)"
            result.feet = []
        }
        return result
    }

    package static func centroidX(_ polygon: [SIMD2<Double>]) -> Double {
        var area = 0.0, sum = 0.0
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            let cross = a.x * b.y - b.x * a.y
            area += cross
            sum += (a.x + b.x) * cross
        }
        return area == 0 ? 0 : sum / (3 * area)
    }

    package static func distance(_ a: SIMD2<Double>, _ b: Point2) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}

/// Result slots written by concurrent iterations, one slot each.
final class ResultSlots: @unchecked Sendable {
    private var storage: [ScanResult?]
    private let lock = DispatchSemaphore(value: 1)
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: ScanResult) {
        lock.wait()
        storage[index] = value
        lock.signal()
    }
    var values: [ScanResult] { storage.compactMap { $0 } }
}
