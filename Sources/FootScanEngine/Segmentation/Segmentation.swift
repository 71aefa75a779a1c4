import FootScanImage

/// Splits the scan into foot and bed.
///
/// 1. A subsampled histogram gives Otsu's threshold; the class the border belongs to is the bed, which
///    fixes the polarity.
/// 2. On a subsample of rows (about one a millimetre), every edge of a long run (15 mm or more, clear of
///    the image border) votes for the level half-way between the grey two pixels inside and two pixels
///    outside it: the middle of the *local* step. The median vote is the threshold. Where a shadow halo,
///    a glare strip or a gradient makes the bed next to the foot darker or lighter than the bed at
///    large, this level still cuts each edge at its middle, where Otsu's would not.
/// 3. One SIMD pass turns every row into foreground runs at that threshold.
/// 4. A band of light along an edge (``VisibleArea``, or the image's ``ScanImage/hiddenEdges`` found on
///    the luma before a colour projection) is cut off the runs.
struct Segmentation {
    let test: ForegroundTest
    let threshold: Int
    let footIsLighter: Bool
    /// Grey-level distance between the two classes' means.
    let contrast: Double
    /// Mean grey level along the image's border: the bed's.
    let borderMean: Double
    /// Foreground runs in raster order.
    var runs: [ForegroundRun] = []
    /// `rowStarts[y] ..< rowStarts[y + 1]` index the runs of row y.
    var rowStarts: [Int] = []
    /// The part of the image that shows the bed (all of it unless a light band runs along an edge).
    var visible: VisibleArea = VisibleArea(minX: 0, minY: 0, maxX: 0, maxY: 0)

    init(image: ScanImage, pixelMM: Double) {
        let choice = Segmentation.chooseThreshold(image: image, pixelMM: pixelMM)
        threshold = choice.threshold
        footIsLighter = choice.footIsLighter
        contrast = choice.contrast
        borderMean = choice.borderMean
        test = ForegroundTest(threshold: threshold, footIsLighter: footIsLighter)

        (runs, rowStarts) = RunExtraction.runs(of: image, test: test)
        let width = image.width
        visible = VisibleArea.detect(runs: runs, rowStarts: rowStarts, width: width, height: image.height, pixelMM: pixelMM)
        if let hidden = image.hiddenEdges {
            // Bands found on the luma before a colour projection hid them.
            visible.minX = max(visible.minX, hidden.left)
            visible.minY = max(visible.minY, hidden.top)
            visible.maxX = min(visible.maxX, width - hidden.right)
            visible.maxY = min(visible.maxY, image.height - hidden.bottom)
        }
        if visible != VisibleArea(width: width, height: image.height) { clipRuns(to: visible) }
    }

    /// Keeps only the parts of runs inside `area`.
    mutating func clipRuns(to area: VisibleArea) {
        (runs, rowStarts) = Segmentation.clip(runs: runs, rowStarts: rowStarts, to: area)
    }

    /// The parts of `runs` inside `area`, with their row starts.
    static func clip(runs: [ForegroundRun], rowStarts: [Int], to area: VisibleArea) -> (runs: [ForegroundRun], rowStarts: [Int]) {
        var kept: [ForegroundRun] = []
        kept.reserveCapacity(runs.count)
        var starts: [Int] = []
        starts.reserveCapacity(rowStarts.count)
        for y in 0..<(rowStarts.count - 1) {
            starts.append(kept.count)
            guard y >= area.minY && y < area.maxY else { continue }
            for r in rowStarts[y]..<rowStarts[y + 1] {
                let start = max(Int(runs[r].start), area.minX), end = min(Int(runs[r].end), area.maxX)
                if end > start { kept.append(ForegroundRun(row: Int32(y), start: Int32(start), end: Int32(end))) }
            }
        }
        starts.append(kept.count)
        return (kept, starts)
    }

    /// Steps 1 and 2: the threshold, the polarity, the two classes' distance and the bed's level.
    static func chooseThreshold(image: ScanImage, pixelMM: Double)
        -> (threshold: Int, footIsLighter: Bool, contrast: Double, borderMean: Double)
    {
        let step = max(1, Int((0.8 / pixelMM).rounded()))
        let histogram = GreyHistogram(image: image, step: step)
        let otsu = histogram.otsu()
        // The bed surrounds the feet: the class the border belongs to is the bed.
        let lighter = histogram.borderMean <= Double(otsu.threshold)
        let local = Segmentation.localStepLevel(image: image, test: ForegroundTest(threshold: otsu.threshold, footIsLighter: lighter),
                                                footIsLighter: lighter, rowStep: step, minimumRun: Int((15 / pixelMM).rounded()),
                                                reach: Int((3 / pixelMM).rounded()))
        return (local ?? otsu.threshold, lighter, otsu.highMean - otsu.lowMean, histogram.borderMean)
    }

    /// The median of the local step levels at the edges of long runs on every `rowStep`-th row, as a raw
    /// grey threshold; nil when too few edges vote. Each edge votes the grey level where the row's grey
    /// changes fastest within `reach` pixels of the run's end (the steepest step over four pixels, and
    /// the mean of its two ends): on a sharp edge that is the step's middle, as the two pixels either side
    /// give it; on an edge blurred by the lens or a sole curving off the glass it is the ramp's inflection,
    /// the edge itself, wherever the first threshold cut the ramp.
    static func localStepLevel(image: ScanImage, test: ForegroundTest, footIsLighter: Bool, rowStep: Int, minimumRun: Int,
                               reach: Int = 2) -> Int? {
        var votes: [Int] = []
        var runs: [ForegroundRun] = []
        let width = image.width, stride = image.stride
        let reach = max(reach, 2)
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            /// The vote at an edge near `x` on the row at `row`: `rising` when grey rises with x there.
            func vote(row: Int, near x: Int, rising: Bool) -> Int? {
                let low = max(x - reach, 2), high = min(x + reach, width - 3)
                guard low <= high else { return nil }
                var best = (x: -1, step: 0)
                for c in low...high {
                    let step = Int(pixels[row + c + 2]) - Int(pixels[row + c - 2])
                    let signed = rising ? step : -step
                    if signed > best.step { best = (c, signed) }
                }
                guard best.x >= 0 else { return nil }
                return (Int(pixels[row + best.x - 2]) + Int(pixels[row + best.x + 2])) / 2
            }
            var y = rowStep / 2
            while y < image.height {
                runs.removeAll(keepingCapacity: true)
                RunExtraction.appendRuns(row: base + y * stride, width: width, rowIndex: y, test: test, into: &runs)
                let row = y * stride
                // Entering a lighter foot, grey rises; entering a darker one, it falls.
                let entering = footIsLighter
                for run in runs where Int(run.end - run.start) >= max(minimumRun, 6) {
                    let start = Int(run.start), end = Int(run.end)
                    if start >= 3, let level = vote(row: row, near: start, rising: entering) { votes.append(level) }
                    if end <= width - 3, let level = vote(row: row, near: end - 1, rising: !entering) { votes.append(level) }
                }
                y += rowStep
            }
        }
        guard votes.count >= 12 else { return nil }
        votes.sort()
        return votes[votes.count / 2]
    }
}
