import FootScanImage

/// The segmenter for contact prints: ink, optical contact scanners, prints whose arch and toes press
/// lightly.
///
/// A print is found by hysteresis on an image prepared for it (``prepared(_:pixelMM:smoothingMM:)``:
/// smoothed at a millimetre's scale when the print is a texture of ridges or ink lines, and with the
/// bed's level made even): the foot is grown from pixels confidently off the bed (a quarter of the way
/// to the print's level, or eight times the bed's noise) through every pixel clearly off it (an eleventh
/// of the way, or four times the noise), so that a faint heel, a lightly pressed arch band and sparse toe
/// pads stay with the print while form lines, pencil marks and dust, faint after smoothing, do not start
/// a region. Vertices are then placed on the local edge, half-way between the print's level and the
/// bed's (``LocalEdge``), which a symmetric smoothing leaves where the print's edge is.
struct PrintSegmenter: Segmenter {
    /// The smoothing the image had, mm (0: none).
    var smoothingMM: Double
    /// The level the print stands on, when it is not the bed's: a podoscope's contact stands on the dim
    /// foot around it (``OutlineSegmenter/dimLevel``), and gaps between toe pads and forefoot are that
    /// level, not the bed's.
    var baseLevel: Int? = nil

    /// Boundary per area (``Foreground/boundaryPerArea(mmPerPixelX:mmPerPixelY:)``) above which a foreground is a texture
    /// (ridges, ink lines, dots), 1/mm. Measured with `footscan` on generated scans: soles of every look
    /// and solid prints 0.06 to 0.36 (the highest: ridged skin on a dark bed), contact-scanner prints 0.5
    /// to 4.3 (JPEG smooths ridges at 200 dpi), ink-grid prints 7 to 9.
    static let texturedAbove = 0.45

    /// The row fill (``FootGrouping/rowFills(runs:labels:regionCount:)``) below which a region of a textured scan is
    /// no print: text and marks on a form, smoothed, stay full of holes.
    static let solidAbove = 0.65

    /// The radius of the smoothing for a textured print, mm: a box of 1 mm, twice, averages out ridges
    /// 0.5 mm and grid lines about 1 mm apart, yet leaves a gap of 1.5 mm between a toe pad and the
    /// forefoot open (tried on the ink-grid set: 0.6 mm merged pads into the forefoot, 23 of 40 feet
    /// `partial_print`; 0.5 mm none).
    static let texturedSmoothingMM = 0.5

    /// How far off the bed's level a pixel must stand to be grown into a print (the hysteresis's weaker
    /// test) where the noise is low: an eleventh of the `contrast` between bed and print, at least 3.
    static func weakStep(contrast: Double) -> Double { max(contrast / 11, 3) }

    /// `image` prepared for segmenting prints: smoothed by a box of `smoothingMM` either side (twice),
    /// then its bed made level (``BedLevel``).
    static func prepared(_ image: ScanImage, pixelMM: Double, smoothingMM: Double) -> ScanImage {
        let radius = Int((smoothingMM / pixelMM).rounded())
        return levelled(radius >= 1 ? BoxSmoothing.smoothed(image, radius: radius) : image, pixelMM: pixelMM)
    }

    /// `image` with its bed made level (``BedLevel``, fitted with Otsu's classes and the bed's peak, and
    /// without the samples inside `away`).
    static func levelled(_ smoothed: ScanImage, pixelMM: Double, away: [PixelBox] = [], gridMM: Double = BedLevel.gridMM) -> ScanImage {
        let histogram = GreyHistogram(image: smoothed, step: max(1, Int((0.8 / pixelMM).rounded())))
        let otsu = histogram.otsu()
        let lighter = histogram.borderMean <= Double(otsu.threshold)
        let peak = histogram.bedPeak(threshold: otsu.threshold, footIsLighter: lighter)
        let bed = BedLevel(image: smoothed, pixelMM: pixelMM, threshold: otsu.threshold, footIsLighter: lighter, peak: peak, away: away, gridMM: gridMM)
        return bed.flattened(smoothed)
    }

    func segment(_ image: ScanImage, pixelMM: Double) -> Foreground {
        let step = max(1, Int((0.8 / pixelMM).rounded()))
        let histogram = GreyHistogram(image: image, step: step)
        let otsu = histogram.otsu()
        let lighter = histogram.borderMean <= Double(otsu.threshold)
        let classes = otsu.highMean - otsu.lowMean
        let peak = histogram.bedPeak(threshold: otsu.threshold, footIsLighter: lighter)
        let mode = baseLevel ?? peak.mode, noise = peak.noise
        let contrast = baseLevel.map { Double(abs((lighter ? otsu.highMean : otsu.lowMean) - Double($0))) } ?? classes
        let sign = lighter ? 1 : -1
        let weak = mode + sign * Int(max(4 * noise, Self.weakStep(contrast: contrast)).rounded())
        let strong = mode + sign * Int(max(8 * noise, contrast / 4, 6).rounded())
        let weakTest = ForegroundTest(threshold: weak, footIsLighter: lighter)
        let strongTest = ForegroundTest(threshold: strong, footIsLighter: lighter)

        let (runs, rowStarts) = RunExtraction.runs(of: image, test: weakTest)
        let width = image.width, stride = image.stride
        // Hysteresis: keep the regions that hold a confident pixel.
        let (regions, labels) = RegionLabeler.regions(of: runs, rowStarts: rowStarts)
        var confident = [Bool](repeating: false, count: regions.count)
        image.pixels.withUnsafeBufferPointer { pixels in
            for (index, run) in runs.enumerated() where !confident[Int(labels[index])] {
                let row = Int(run.row) * stride
                for x in Int(run.start)..<Int(run.end) where strongTest.isForeground(pixels[row + x]) {
                    confident[Int(labels[index])] = true
                    break
                }
            }
        }
        var kept: [ForegroundRun] = [], starts: [Int] = []
        kept.reserveCapacity(runs.count)
        starts.reserveCapacity(rowStarts.count)
        for y in 0..<image.height {
            starts.append(kept.count)
            for index in rowStarts[y]..<rowStarts[y + 1] where confident[Int(labels[index])] { kept.append(runs[index]) }
        }
        starts.append(kept.count)
        let visible = VisibleArea.detect(runs: kept, rowStarts: starts, width: width, height: image.height, pixelMM: pixelMM)
        var foreground = Foreground(runs: kept, rowStarts: starts, visible: VisibleArea(width: width, height: image.height),
                                    contrast: contrast, edge: weakTest, footIsLighter: lighter, bedLevel: Double(mode))
        if visible != foreground.visible {
            (foreground.runs, foreground.rowStarts) = Segmentation.clip(runs: kept, rowStarts: starts, to: visible)
            foreground.visible = visible
        }
        foreground.edgeRefinementMM = max(2, 4 * smoothingMM + 1)
        foreground.edgeIsTextured = true
        foreground.textureSmoothingMM = smoothingMM
        return foreground
    }
}
