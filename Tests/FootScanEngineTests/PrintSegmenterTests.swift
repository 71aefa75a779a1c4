@testable import FootScanEngine
import FootScanImage
import Testing

/// The print path's stages on small hand-made images: texture, smoothing, the bed's level, hysteresis,
/// solidity, the podoscope's outline level, and which blobs are toes.
@Suite("Print segmentation stages")
struct PrintSegmenterTests {
    /// A grey image of `width` x `height` whose pixel (x, y) is `value(x, y)`, at 0.25 mm a pixel.
    static func image(_ width: Int, _ height: Int, _ value: (Int, Int) -> Double) -> ScanImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { pixels[y * width + x] = UInt8(min(max(value(x, y).rounded(), 0), 255)) } }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: ScanDensity(dotsPerInch: 101.6, source: .option),
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }

    static func foreground(_ image: ScanImage, threshold: Int) -> Foreground {
        let test = ForegroundTest(threshold: threshold, footIsLighter: true)
        var runs: [ForegroundRun] = [], starts: [Int] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            for y in 0..<image.height {
                starts.append(runs.count)
                RunExtraction.appendRuns(row: base + y * image.stride, width: image.width, rowIndex: y, test: test, into: &runs)
            }
        }
        starts.append(runs.count)
        return Foreground(runs: runs, rowStarts: starts, visible: VisibleArea(width: image.width, height: image.height), contrast: 100,
                          edge: test, footIsLighter: true, bedLevel: 0)
    }

    @Test("boundary per area: a solid square is 4/side, stripes 0.5 mm apart are a texture")
    func texture() {
        // A 40 x 40 mm square (160 px at 0.25 mm) on a 60 mm image: boundary 160 mm over 1,600 mm².
        let square = Self.image(240, 240) { x, y in (40..<200).contains(x) && (40..<200).contains(y) ? 200 : 10 }
        let solid = Self.foreground(square, threshold: 100).boundaryPerArea(mmPerPixelX: 0.25, mmPerPixelY: 0.25)
        #expect(abs(solid - 0.1) < 0.005)
        #expect(solid < PrintSegmenter.texturedAbove)
        // The same square striped every 0.5 mm (two pixels on, two off).
        let striped = Self.image(240, 240) { x, y in (40..<200).contains(x) && (40..<200).contains(y) && x % 4 < 2 ? 200 : 10 }
        let ridges = Self.foreground(striped, threshold: 100).boundaryPerArea(mmPerPixelX: 0.25, mmPerPixelY: 0.25)
        #expect(ridges > 3 && ridges > 5 * PrintSegmenter.texturedAbove)
    }

    @Test("box smoothing: stripes become their mean, a step's half-way level stays at the step")
    func smoothing() {
        let striped = Self.image(64, 64) { x, _ in x % 4 < 2 ? 200 : 0 }
        let smooth = BoxSmoothing.smoothed(striped, radius: 2)
        for x in 8..<56 { #expect(abs(Int(smooth[x, 32]) - 100) <= 10, "x \(x): \(smooth[x, 32])") }
        let step = Self.image(64, 8) { x, _ in x < 32 ? 20 : 220 }
        let smoothStep = BoxSmoothing.smoothed(step, radius: 3)
        // Half-way (120) between pixels 31 and 32, as in the unsmoothed image.
        #expect(smoothStep[31, 4] < 120 && smoothStep[32, 4] > 120)
        #expect(abs(Int(smoothStep[31, 4]) + Int(smoothStep[32, 4]) - 240) <= 1)
        #expect(smoothStep[20, 4] == 20 && smoothStep[44, 4] == 220)
    }

    @Test("the bed's shift per pixel rounds as rounded() does: half-way cases away from zero, the largest doubles below a half")
    func bedShiftRounding() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 254.5, -254.5, 0.49999999999999994, -0.49999999999999994,
                                1.4999999999999998, -1.4999999999999998, 0.5000000000000001, 1e-300, -1e-300, 123456.5, -98765.49999999999]
        var state: UInt64 = 2026
        for _ in 0..<100_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.5) * 600)
        }
        let wrong = values.filter { BedLevel.roundedToInt($0) != Int($0.rounded()) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("the bed's noise is the median residual by selection: the same element a sort puts at k, with ties and at every k")
    func bedNoiseSelection() {
        var state: UInt64 = 7
        func next(_ range: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % range
        }
        for count in [1, 2, 3, 5, 8, 33, 100, 1001] {
            for levels in [2, 7, 1000] {
                let values = (0..<count).map { _ in Double(next(levels)) / 4 }
                let sorted = values.sorted()
                for k in Set([0, count / 2, count - 1, next(count)]) {
                    var scratch = values
                    #expect(BedLevel.orderStatistic(&scratch, k) == sorted[k], "\(count) values of \(levels) levels, k \(k)")
                    #expect(scratch.sorted() == sorted, "a permutation of the values")
                }
            }
        }
    }

    @Test("the bed's surface: the least-squares quadratic through exact samples is the quadratic")
    func bedSurfaceFit() throws {
        let truth = SIMD8<Double>(40, -12, 7, 30, -5, 18, 0, 0)
        var samples: [(u: Double, v: Double, value: Double)] = []
        for j in 0..<20 { for i in 0..<30 {
            let u = Double(i) / 30 - 0.5, v = Double(j) / 20 - 0.5
            samples.append((u, v, BedLevel.evaluate(truth, u, v)))
        } }
        let fit = try #require(BedLevel.leastSquares(samples))
        for i in 0..<8 { #expect(abs(fit[i] - truth[i]) < 1e-9, "\(fit)") }
        #expect(BedLevel.leastSquares(Array(samples.prefix(5))) == nil, "five samples fix no quadratic")
    }

    @Test("the bed's level: a gradient of 30 levels across paper is taken out; the print keeps its step")
    func bedLevel() {
        // Paper from 210 (left) to 240 (right), a dark print 60 levels below it in the middle.
        let paper = { (x: Int) in 210 + 30 * Double(x) / 199 }
        let sheet = Self.image(200, 200) { x, y in (70..<130).contains(x) && (50..<150).contains(y) ? paper(x) - 60 : paper(x) }
        let histogram = GreyHistogram(image: sheet, step: 2)
        let otsu = histogram.otsu()
        let bed = BedLevel(image: sheet, pixelMM: 0.25, threshold: otsu.threshold, footIsLighter: false,
                           peak: histogram.bedPeak(threshold: otsu.threshold, footIsLighter: false))
        #expect(abs(bed.level(x: 0, y: 100) - 210) < 1.5 && abs(bed.level(x: 199, y: 100) - 240) < 1.5)
        let level = bed.flattened(sheet)
        #expect(abs(Int(level[5, 10]) - Int(level[195, 190])) <= 1, "the paper is one level")
        #expect(abs(Int(level[5, 100]) - Int(level[100, 100]) - 60) <= 2, "the print stays 60 below it")
    }

    @Test("the bed taken out: every pixel moved by the surface's rounded departure from its mean, worked out pixel by pixel",
          arguments: [(width: 37, height: 23, seed: UInt64(1)), (width: 200, height: 9, seed: 2), (width: 5, height: 64, seed: 3)])
    func bedFlattenedPixelByPixel(width: Int, height: Int, seed: UInt64) {
        let (image, _) = BoxSmoothingTests.image(width, height, seed: seed)
        let histogram = GreyHistogram(image: image, step: 1)
        let otsu = histogram.otsu()
        var bed = BedLevel(image: image, pixelMM: 0.25, threshold: otsu.threshold, footIsLighter: true,
                           peak: histogram.bedPeak(threshold: otsu.threshold, footIsLighter: true))
        // Surfaces steep enough to saturate pixels at both ends, and one with half-way shifts.
        for coefficients in [SIMD8<Double>(31, -140, 75, 300, -90, 260, 0, 0), SIMD8<Double>(0.5, 1, -1, 0, 0, 0, 0, 0),
                             SIMD8<Double>(-12.25, 3.5, 0, -7.75, 2.5, 0.125, 0, 0)] {
            bed.coefficients = coefficients
            let mean = bed.meanLevel
            let flat = bed.flattened(image)
            var wrong = 0
            for y in 0..<height {
                for x in 0..<width {
                    let u = Double(x) / Double(width) - 0.5, v = Double(y) / Double(height) - 0.5
                    let c = coefficients
                    let shift = (c[0] + c[2] * v + c[5] * v * v - mean) + (c[1] + c[4] * v) * u + c[3] * u * u
                    if flat[x, y] != UInt8(clamping: Int(image[x, y]) - Int(shift.rounded())) { wrong += 1 }
                }
            }
            #expect(wrong == 0, "\(coefficients): \(wrong) of \(width * height) pixels")
        }
    }

    @Test("the bed's level away from the feet: a bed rising by 25 levels to its middle, a dim foot 10 above it")
    func bedLevelAway() {
        // A podoscope's bed, 15 at the corners and 40 in the middle, with noise of up to 2 levels either
        // way; a foot's dim outline 10 levels above the bed around a bright contact (230), covering the
        // middle of the image, and a dim cloth patch (the bed + 10) away from the foot.
        let bedAt = { (x: Int, y: Int) -> Double in
            let u = Double(x) / 299 - 0.5, v = Double(y) / 199 - 0.5
            return 40 - 50 * (u * u + v * v)
        }
        let scan = Self.image(300, 200) { x, y in
            if (130..<170).contains(x) && (60..<140).contains(y) { return 230 }
            let noise = Double((x &* 7919 &+ y &* 104_729) % 5 - 2)
            if (60..<240).contains(x) && (20..<180).contains(y) { return bedAt(x, y) + 10 + noise }
            if (10..<50).contains(x) && (10..<60).contains(y) { return bedAt(x, y) + 10 + noise }
            return bedAt(x, y) + noise
        }
        let histogram = GreyHistogram(image: scan, step: 2)
        let otsu = histogram.otsu()
        let peak = histogram.bedPeak(threshold: otsu.threshold, footIsLighter: true)
        let around = BedLevel(image: scan, pixelMM: 0.25, threshold: otsu.threshold, footIsLighter: true, peak: peak,
                              away: [PixelBox(x: 50, y: 10, width: 200, height: 180)])
        var worst = 0.0
        for (x, y) in [(0, 0), (299, 199), (150, 100), (40, 100), (260, 30), (150, 195)] { worst = max(worst, abs(around.level(x: Double(x), y: Double(y)) - bedAt(x, y))) }
        #expect(worst < 1.5, "the surface away from the feet: largest departure \(worst)")
        // From the levels near the bed's peak alone, the surface keeps to a ring of the bed.
        let ring = BedLevel(image: scan, pixelMM: 0.25, threshold: otsu.threshold, footIsLighter: true, peak: peak)
        #expect(abs(ring.level(x: 150, y: 100) - bedAt(150, 100)) > 3, "the peak's ring: \(ring.level(x: 150, y: 100)) in the middle")
    }

    @Test("hysteresis: a faint region joined to a bright one is kept, a faint one alone is not")
    func hysteresis() {
        // Bed 10; a bright block (200) with a faint tail (40) attached; a faint block (40) apart.
        let scan = Self.image(200, 120) { x, y in
            if (20..<60).contains(y) && (20..<80).contains(x) { return 200 }
            if (20..<60).contains(y) && (80..<120).contains(x) { return 40 }
            if (80..<110).contains(y) && (130..<180).contains(x) { return 40 }
            return 10
        }
        let foreground = PrintSegmenter(smoothingMM: 0).segment(scan, pixelMM: 0.25)
        let covered = Set(foreground.runs.flatMap { run in (Int(run.start)..<Int(run.end)).map { Int(run.row) * 200 + $0 } })
        #expect(covered.contains(40 * 200 + 100), "the faint tail stays with the bright block")
        #expect(!covered.contains(95 * 200 + 150), "a faint block alone is no print")
        #expect(foreground.edgeRefinementMM != nil)
    }

    @Test("row fill: a disc is solid, a ring and a comb are not")
    func rowFill() {
        let shapes = Self.image(300, 100) { x, y in
            let disc = (x - 50) * (x - 50) + (y - 50) * (y - 50) < 900
            let r = (x - 150) * (x - 150) + (y - 50) * (y - 50)
            let ring = r < 900 && r > 500
            let comb = (220..<280).contains(x) && (20..<80).contains(y) && (x % 6 < 2 || y < 26)
            return disc || ring || comb ? 200 : 0
        }
        let foreground = Self.foreground(shapes, threshold: 100)
        let (regions, labels) = RegionLabeler.regions(of: foreground.runs, rowStarts: foreground.rowStarts)
        let fills = FootGrouping.rowFills(runs: foreground.runs, labels: labels, regionCount: regions.count)
        let byX = regions.indices.sorted { regions[$0].centroid.x < regions[$1].centroid.x }.map { fills[$0] }
        #expect(byX.count == 3)
        #expect(byX[0] > 0.99 && byX[1] < PrintSegmenter.solidAbove && byX[2] < PrintSegmenter.solidAbove, "\(byX)")
    }

    @Test("a podoscope's dim foot gives an outline level half-way up its step; a black bed gives none")
    func outlineLevel() throws {
        // Bed 20; a dim foot 14 above it; a bright contact inside.
        let podoscope = Self.image(200, 200) { x, y in
            if (60..<140).contains(x) && (40..<160).contains(y) { return 220 }
            if (45..<155).contains(x) && (25..<175).contains(y) { return 34 }
            return 20
        }
        let segmenter = try #require(OutlineSegmenter(image: podoscope, pixelMM: 0.25))
        #expect((26...28).contains(segmenter.threshold) && (33...35).contains(segmenter.dimLevel), "counts are evened over three levels")
        let contactScanner = Self.image(200, 200) { x, y in (60..<140).contains(x) && (40..<160).contains(y) ? 220 : 2 }
        #expect(OutlineSegmenter(image: contactScanner, pixelMM: 0.25) == nil)
    }

    @Test("a very flat foot's dim rim, a twelfth of its contact, is a dim foot; a ring as thin as a blurred edge is not")
    func thinDimRim() throws {
        /// Bed 20, a contact of 80 x 120 pixels at 220, and a dim rim `rim` pixels wide around it at 34.
        func podoscope(rim: Int) -> ScanImage {
            Self.image(200, 200) { x, y in
                if (60..<140).contains(x) && (40..<160).contains(y) { return 220 }
                if (60 - rim..<140 + rim).contains(x) && (40 - rim..<160 + rim).contains(y) { return 34 }
                return 20
            }
        }
        // Two pixels (0.5 mm) wide: 816 pixels, 8.5 % of the contact's 9,600.
        let flatFoot = podoscope(rim: 2), blurredEdge = podoscope(rim: 1)
        let flat = try #require(OutlineSegmenter(image: flatFoot, pixelMM: 0.25))
        #expect((26...28).contains(flat.threshold) && (33...35).contains(flat.dimLevel))
        // One pixel: 4.3 %.
        #expect(OutlineSegmenter(image: blurredEdge, pixelMM: 0.25) == nil)
    }

    @Test("around the toes alone, a podoscope's outline level shows where the whole image hides it")
    func outlineLevelAroundToes() throws {
        // The top half as above; below it a bed darkening from 20 to 6, whose spread hides the dim step.
        let image = Self.image(200, 400) { x, y in
            if (60..<140).contains(x) && (40..<160).contains(y) { return 220 }
            if (45..<155).contains(x) && (25..<175).contains(y) { return 34 }
            if y >= 200 { return 20 - 14 * Double(y - 200) / 200 }
            return 20
        }
        #expect(OutlineSegmenter(image: image, pixelMM: 0.25) == nil)
        let around = try #require(OutlineSegmenter(image: image, pixelMM: 0.25, around: [PixelBox(x: 0, y: 0, width: 200, height: 200)]))
        #expect((26...28).contains(around.threshold) && (33...35).contains(around.dimLevel), "as on the top half alone")
        // Two feet side by side, a box around each: read as one.
        let pair = Self.image(400, 400) { x, y in
            let x = x % 200
            if (60..<140).contains(x) && (40..<160).contains(y) { return 220 }
            if (45..<155).contains(x) && (25..<175).contains(y) { return 34 }
            if y >= 200 { return 20 - 14 * Double(y - 200) / 200 }
            return 20
        }
        let boxes = [PixelBox(x: 0, y: 0, width: 200, height: 200), PixelBox(x: 200, y: 0, width: 200, height: 200)]
        let aroundHalves = try #require(OutlineSegmenter(image: pair, pixelMM: 0.25, around: boxes))
        #expect(aroundHalves.threshold == around.threshold && aroundHalves.dimLevel == around.dimLevel)
    }
}
