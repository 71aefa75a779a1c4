import FootScanImage

/// Splits the scan into foot and bed: a threshold and polarity from a subsampled histogram, then one
/// SIMD pass that turns every row into foreground runs.
struct Segmentation {
    let test: ForegroundTest
    let threshold: Int
    let footIsLighter: Bool
    /// Grey-level distance between the two classes' means.
    let contrast: Double
    /// Foreground runs in raster order.
    var runs: [ForegroundRun] = []
    /// `rowStarts[y] ..< rowStarts[y + 1]` index the runs of row y.
    var rowStarts: [Int] = []

    init(image: ScanImage, pixelMM: Double) {
        let step = max(1, Int((0.8 / pixelMM).rounded()))
        let histogram = GreyHistogram(image: image, step: step)
        let otsu = histogram.otsu()
        threshold = otsu.threshold
        // The bed surrounds the feet: the class the border belongs to is the bed.
        footIsLighter = histogram.borderMean <= Double(otsu.threshold)
        contrast = otsu.highMean - otsu.lowMean
        test = ForegroundTest(threshold: otsu.threshold, footIsLighter: footIsLighter)
        rowStarts.reserveCapacity(image.height + 1)
        runs.reserveCapacity(4 * image.height)
        let width = image.width, stride = image.stride, test = self.test
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            for y in 0..<image.height {
                rowStarts.append(runs.count)
                RunExtraction.appendRuns(row: base + y * stride, width: width, rowIndex: y, test: test, into: &runs)
            }
        }
        rowStarts.append(runs.count)
    }
}
