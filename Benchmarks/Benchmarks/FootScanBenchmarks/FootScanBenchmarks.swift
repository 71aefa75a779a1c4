import Benchmark
import FootScanEngine
import FootScanImage
import FootScanLasts
import FootScanOverlay
import FootScanSynth

/// Inputs made once at start-up by the project's generator (never files from the repository): one
/// foot on a clean-lit bed at each density, as PNG, JPEG and decoded buffers.
struct Inputs: Sendable {
    let dpi: Int
    let png: [UInt8]
    let jpeg: [UInt8]
    let image: ScanImage

    init(dpi: Int) {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [Double(dpi)]
        conditions.footCount = 1
        conditions.harsh = false
        conditions.angle = -Double.pi / 2
        conditions.marginMM = 15...15
        var scene = ScanScene.random(seed: 2026, conditions: conditions)
        scene.format = .png
        png = (try? ScanRenderer.render(scene).fileBytes) ?? []
        scene.format = .jpeg(quality: 90, progressive: false)
        jpeg = (try? ScanRenderer.render(scene).fileBytes) ?? []
        image = (try? ScanDecoder.decode(png)) ?? ScanImage(width: 1, height: 1, packedPixels: [0], density: nil,
                                                          source: ImageSourceDescription(format: .png, storedWidth: 1, storedHeight: 1, bitDepth: 8, colourType: "grey", interlaced: false))
        self.dpi = dpi
    }
}

let densities = [150, 300, 600]
nonisolated(unsafe) var inputs: [Int: Inputs] = [:]

func input(_ dpi: Int) -> Inputs {
    if let ready = inputs[dpi] { return ready }
    let made = Inputs(dpi: dpi)
    inputs[dpi] = made
    return made
}

/// A 10,000-last catalogue: the sample catalogue's lasts repeated with new ids.
let bigCatalogue: [Last] = {
    let sample = SampleCatalogue.lasts
    return (0..<10_000).map { i in
        var last = sample[i % sample.count]
        last.id += "-\(i / sample.count)"
        return last
    }
}()

let timing: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: timing, warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 200)

    for dpi in densities {
        let pixels = "\(input(dpi).image.width)x\(input(dpi).image.height)"
        Benchmark("decode_png_\(dpi)dpi_\(pixels)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScanDecoder.decode(input(dpi).png)) }
        }
        Benchmark("decode_jpeg_\(dpi)dpi_\(pixels)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScanDecoder.decode(input(dpi).jpeg)) }
        }
        Benchmark("decode_jpeg_\(dpi)dpi_reduced_to_0.34mm") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ScanDecoder.decode(input(dpi).jpeg, options: DecodingOptions(coarsestPixelMM: 0.34)))
            }
        }
        Benchmark("core_\(dpi)dpi_\(pixels)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try MeasurementEngine().measure(input(dpi).image)) }
        }
        Benchmark("end_to_end_jpeg_\(dpi)dpi") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ScanPipeline().run(input(dpi).jpeg)) }
        }
        Benchmark("end_to_end_png_\(dpi)dpi") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ScanPipeline().run(input(dpi).png)) }
        }
    }

    // A bed as bright as the skin: luma decode, colour sample, colour decode, measure.
    let colourJPEG: [UInt8] = {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [150]
        conditions.footCount = 1
        conditions.isoluminantBed = true
        conditions.angle = -Double.pi / 2
        var scene = ScanScene.random(seed: 2026, conditions: conditions)
        scene.format = .jpeg(quality: 90, progressive: false)
        return (try? ScanRenderer.render(scene).fileBytes) ?? []
    }()
    Benchmark("end_to_end_jpeg_150dpi_bed_as_bright_as_skin_colour") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ScanPipeline().run(colourJPEG)) }
    }

    // A solid print with toe pads at 300 dpi (two feet, PNG): the podoscope is tried on it (its bed made
    // level on a 0.5 mm box smoothing), so the box smoothing's passes weigh in the whole.
    let printPNG: [UInt8] = {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [300]
        conditions.footprints = true
        var scene = ScanScene.random(seed: 2026, conditions: conditions)
        scene.format = .png
        return (try? ScanRenderer.render(scene).fileBytes) ?? []
    }()
    Benchmark("end_to_end_png_300dpi_print_with_toe_pads") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ScanPipeline().run(printPNG)) }
    }

    // A colour flatbed's dark-bed look (haze, cloth, toe necks, pale heel) at 300 dpi: the luma decode
    // alone against the decode for measuring (colour sample, skin-hue projection) of the same file, and
    // the whole pipeline. The real-scans issue asks the second to cost at most 1.3x the first.
    let darkBedJPEG: [UInt8] = {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [300]
        conditions.footCount = 1
        conditions.look = .darkBed
        conditions.angle = -Double.pi / 2
        var scene = ScanScene.random(seed: 2026, conditions: conditions)
        scene.format = .jpeg(quality: 90, progressive: false)
        return (try? ScanRenderer.render(scene).fileBytes) ?? []
    }()
    Benchmark("decode_luma_jpeg_300dpi_dark_bed") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScanDecoder.decode(darkBedJPEG)) }
    }
    // The planes decoded, with the colour sample summed as their rows arrive (less
    // `decode_luma_jpeg_300dpi_dark_bed`: what the chroma planes and the sample cost).
    Benchmark("decode_planes_and_sample_jpeg_300dpi_dark_bed") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScanDecoder.decodePlanes(darkBedJPEG)) }
    }
    nonisolated(unsafe) var planes: YCbCrPlanes?
    Benchmark("project_skin_hue_300dpi_dark_bed", closure: { benchmark in
        guard let planes, let hue = SkinHue.choose(planes.sample()).projection else { return }
        for _ in benchmark.scaledIterations { blackHole(planes.projected(by: hue)) }
    }, setup: { planes = try ScanDecoder.decodePlanes(darkBedJPEG) })
    // The channel as the decode for measuring makes it: the planes decoded, then the skin's hue written
    // over the luma plane (less `decode_planes_and_sample_jpeg_300dpi_dark_bed`: what the projection in place costs).
    Benchmark("decode_planes_project_over_luma_300dpi_dark_bed", closure: { benchmark in
        guard let planes, let hue = SkinHue.choose(planes.sample()).projection else { return }
        for _ in benchmark.scaledIterations {
            guard let fresh = try ScanDecoder.decodePlanes(darkBedJPEG) else { return }
            blackHole(fresh.projectedOverLuma(by: hue))
        }
    }, setup: { planes = try ScanDecoder.decodePlanes(darkBedJPEG) })
    Benchmark("decode_for_measuring_jpeg_300dpi_dark_bed_skin_hue") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScanPipeline().decode(darkBedJPEG)) }
    }
    Benchmark("end_to_end_jpeg_300dpi_dark_bed_skin_hue") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ScanPipeline().run(darkBedJPEG)) }
    }

    // A colour flatbed scan in the plain look (skin on a dark bed, no haze): the colour sample is read
    // and the luma kept. The pressure scales' check once read every bright block against each scale
    // (some 20 ms here); it now stops once a tenth of the blocks lie off a scale.
    let plainColourJPEG: [UInt8] = {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [300]
        conditions.footCount = 1
        conditions.angle = -Double.pi / 2
        var scene = ScanScene.random(seed: 2026, conditions: conditions)
        scene.lighting.skinTint = [1.0, 0.8, 0.7]
        scene.lighting.bedTint = [0.95, 0.97, 1.0]
        scene.format = .jpeg(quality: 90, progressive: false)
        return (try? ScanRenderer.render(scene).fileBytes) ?? []
    }()
    Benchmark("decode_luma_jpeg_300dpi_plain_colour") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScanDecoder.decode(plainColourJPEG)) }
    }
    Benchmark("decode_for_measuring_jpeg_300dpi_plain_colour") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScanPipeline().decode(plainColourJPEG)) }
    }

    // Writing PNG at 600 dpi: an overlay (one foot, and a pair on a 330 x 350 mm bed), and a generated
    // scan's pixels (noise, gradient and leak: what `synth` writes) with the fast setting, beside the old
    // one (level 6, adaptive filters) for the ratio. The technician's-command issue asks at most 1 s.
    nonisolated(unsafe) var overlay: OverlayCanvas?
    Benchmark("write_overlay_png_600dpi_one_foot", configuration: .init(maxIterations: 10), closure: { benchmark in
        guard let overlay else { return }
        for _ in benchmark.scaledIterations { blackHole(try OverlayRenderer.encode(overlay, image: input(600).image)) }
    }, setup: {
        overlay = OverlayRenderer.draw(image: input(600).image, measurement: try MeasurementEngine().measure(input(600).image))
    })
    nonisolated(unsafe) var pairImage = input(600).image
    nonisolated(unsafe) var pairOverlay: OverlayCanvas?
    Benchmark("write_overlay_png_600dpi_pair", configuration: .init(maxIterations: 10), closure: { benchmark in
        guard let pairOverlay else { return }
        for _ in benchmark.scaledIterations { blackHole(try OverlayRenderer.encode(pairOverlay, image: pairImage)) }
    }, setup: {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [600]
        conditions.footCount = 2
        var scene = ScanScene.random(seed: 3, conditions: conditions)
        scene.format = .jpeg(quality: 90, progressive: false)
        pairImage = try ScanPipeline().decode(try ScanRenderer.render(scene).fileBytes)
        pairOverlay = OverlayRenderer.draw(image: pairImage, measurement: try MeasurementEngine().measure(pairImage))
    })
    nonisolated(unsafe) var harshScan = input(600).image
    let writeScan: (Bool) throws -> [UInt8] = { fast in
        try PNGEncoder.encode(pixels: harshScan.pixels, width: harshScan.width, height: harshScan.height, channels: 1,
                              dotsPerInch: 600, preferSpeed: fast)
    }
    let harshSetup: @Sendable () throws -> Void = {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [600]
        conditions.footCount = 1
        var scene = ScanScene.random(seed: 5, conditions: conditions)
        scene.format = .jpeg(quality: 95, progressive: false)
        harshScan = try ScanDecoder.decode(try ScanRenderer.render(scene).fileBytes)
    }
    Benchmark("write_scan_png_600dpi", configuration: .init(maxIterations: 10), closure: { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try writeScan(true)) }
    }, setup: harshSetup)
    Benchmark("write_scan_png_600dpi_level6_adaptive", configuration: .init(maxIterations: 5), closure: { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try writeScan(false)) }
    }, setup: harshSetup)

    // The core's stages at 300 dpi, each on the previous stage's result made in setup.
    Benchmark("stage_threshold_histogram_300dpi") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try MeasurementStages.threshold(of: input(300).image)) }
    }
    Benchmark("stage_segmentation_runs_300dpi") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try MeasurementStages.Segmented(image: input(300).image)) }
    }
    nonisolated(unsafe) var segmented: MeasurementStages.Segmented?
    Benchmark("stage_regions_and_grouping_300dpi", closure: { benchmark in
        guard let segmented else { return }
        for _ in benchmark.scaledIterations { blackHole(segmented.groupFeet()) }
    }, setup: { segmented = try MeasurementStages.Segmented(image: input(300).image) })
    nonisolated(unsafe) var grouped: MeasurementStages.Grouped?
    Benchmark("stage_contour_300dpi", closure: { benchmark in
        guard let grouped else { return }
        for _ in benchmark.scaledIterations { blackHole(grouped.traced()) }
    }, setup: { grouped = try MeasurementStages.Segmented(image: input(300).image).groupFeet() })
    nonisolated(unsafe) var traced: MeasurementStages.Traced?
    Benchmark("stage_axis_and_measures_300dpi", closure: { benchmark in
        guard let traced else { return }
        for _ in benchmark.scaledIterations { blackHole(traced.measure()) }
    }, setup: { traced = try MeasurementStages.Segmented(image: input(300).image).groupFeet().traced() })

    Benchmark("matcher_10000_lasts") { benchmark in
        let foot = FootForFitting(lengthMM: 247, widthMM: 96, heelWidthMM: 64, toeShape: "greek", girthMM: 240, girthSDMM: 6.2, sex: "male")
        for _ in benchmark.scaledIterations { blackHole(LastMatcher().match([foot], in: bigCatalogue, top: 5)) }
    }

    // Allocation counts only: the CI smoke run checks these against Thresholds/ (wall clock on shared
    // machines is noise). The core's count must not grow with the image.
    for dpi in densities {
        let tolerance = BenchmarkThresholds(relative: [.p90: 10.0], absolute: [.p90: 15])
        Benchmark("allocations_core_\(dpi)dpi", configuration: .init(metrics: [.mallocCountTotal], warmupIterations: 1, maxIterations: 3,
                                                                     thresholds: [.mallocCountTotal: tolerance])) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try MeasurementEngine().measure(input(dpi).image)) }
        }
    }
}
