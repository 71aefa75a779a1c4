import FootScanEngine
import FootScanImage
import FootScanSynth
import Testing
import FootScanTestSupport

@Suite("Borders, bad scale and empty scans")
struct BorderAndInputTests {
    /// Scenes whose bed is cut so that a foot runs off the image.
    static let cut: [ScanResult] = GeneratedSet.run(seeds: Array(500..<512)) { seed in
        var conditions = SceneConditions()
        conditions.dotsPerInch = [150]
        conditions.footCount = 1
        conditions.marginMM = 5...5
        var scene = ScanScene.random(seed: seed, conditions: conditions)
        // Cut 25 mm off one side of the bed (the feet lie 5 mm from each side), or move the feet 25 mm
        // towards the top-left corner and cut as much off the bed.
        let shift = 25.0
        switch seed % 4 {
        case 0: scene.bedWidthMM -= shift
        case 1: for i in scene.feet.indices { scene.feet[i].pternionMM.x -= shift }; scene.bedWidthMM -= shift
        case 2: scene.bedHeightMM -= shift
        default: for i in scene.feet.indices { scene.feet[i].pternionMM.y -= shift }; scene.bedHeightMM -= shift
        }
        return scene
    }

    @Test("every foot that runs off the image carries touches_border")
    func touchesBorder() {
        for scan in Self.cut {
            let error = scan.error
            #expect(error == nil, "seed \(scan.seed)")
            for foot in scan.feet {
                let warnings = foot.measured?.warnings ?? []
                #expect(warnings.contains(.touchesBorder), "seed \(scan.seed): \(warnings)")
            }
        }
    }

    @Test("an image without a pixel size is refused, not guessed")
    func noDensity() throws {
        var scene = ScanScene.random(seed: 3, conditions: { var c = SceneConditions(); c.dotsPerInch = [150]; return c }())
        scene.writesDensity = false
        let scan = try ScanRenderer.render(scene)
        let image = try ScanDecoder.decode(scan.fileBytes)
        #expect(throws: MeasurementError.self) { try MeasurementEngine().measure(image) }
    }

    @Test("a blank bed, a card and a ruler are not feet")
    func notFeet() throws {
        let width = 1200, height = 1600
        var pixels = [UInt8](repeating: 30, count: width * height)
        // A card (85.6 x 54 mm) and a ruler (300 x 25 mm) at 150 dpi.
        let perMM = 150 / 25.4
        for y in Int(20 * perMM)..<Int(74 * perMM) { for x in Int(20 * perMM)..<Int(105.6 * perMM) { pixels[y * width + x] = 200 } }
        for y in Int(100 * perMM)..<Int(125 * perMM) { for x in Int(10 * perMM)..<Int(198 * perMM) { pixels[y * width + x] = 200 } }
        let image = ScanImage(width: width, height: height, packedPixels: pixels,
                              density: ScanDensity(dotsPerInch: 150, source: .option),
                              source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8, colourType: "grey", interlaced: false))
        #expect(throws: MeasurementError("no foot found on the scan")) { try MeasurementEngine().measure(image) }
        let blank = ScanImage(width: 300, height: 300, packedPixels: [UInt8](repeating: 128, count: 90_000),
                              density: ScanDensity(dotsPerInch: 150, source: .option), source: image.source)
        #expect(throws: MeasurementError.self) { try MeasurementEngine().measure(blank) }
    }

    @Test("dorsal view mirrors the side")
    func dorsal() throws {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [150]
        conditions.footCount = 1
        let scene = ScanScene.random(seed: 11, conditions: conditions)
        let scan = try ScanRenderer.render(scene)
        let image = try ScanDecoder.decode(scan.fileBytes)
        let plantar = try MeasurementEngine().measure(image)
        let dorsal = try MeasurementEngine(options: MeasurementOptions(view: .dorsal)).measure(image)
        let truth = try #require(scan.truth.first)
        try #require(plantar.feet.count == 1 && dorsal.feet.count == 1)
        #expect(plantar.feet[0].side == truth.side)
        // Seen from above, the same outline is the other foot; nothing else changes.
        #expect(dorsal.feet[0].side == (truth.side == .left ? .right : .left))
        #expect(dorsal.feet[0].lengthMM == plantar.feet[0].lengthMM && dorsal.feet[0].widthMM == plantar.feet[0].widthMM)
    }
}
