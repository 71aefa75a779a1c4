import FootScanImage

/// A 256-bin histogram of a subsample of the image, and the threshold and polarity chosen from it.
struct GreyHistogram {
    var counts: [Int]
    /// Mean grey level of the pixels along the image's border (subsampled).
    var borderMean: Double

    /// Counts every `step`-th pixel of every `step`-th row, and the border ring.
    ///
    /// The pixels are counted into four tallies in turn, added at the end. A bed is mostly one level:
    /// counted into one tally, each pixel's count waited for the last one's to be stored, and the loop
    /// ran at the speed of that store and load; four tallies let four counts run at once.
    init(image: ScanImage, step: Int) {
        var counts = [Int](repeating: 0, count: 256)
        var borderSum = 0
        var borderCount = 0
        let width = image.width, height = image.height, stride = image.stride
        let step = max(step, 1)
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * 256) { tallies in
                tallies.initialize(repeating: 0)
                guard let tally = tallies.baseAddress else { return }
                // The tallies added into the counts, and cleared: before a tally could hold 2^32.
                func flush() {
                    for level in 0..<256 {
                        counts[level] += Int(tally[level]) + Int(tally[256 + level]) + Int(tally[512 + level]) + Int(tally[768 + level])
                    }
                    tallies.update(repeating: 0)
                }
                let rowsPerFlush = max(1, Int(UInt32.max) / max(width, 1))
                var rowsCounted = 0
                var y = step / 2
                while y < height {
                    if rowsCounted == rowsPerFlush {
                        flush()
                        rowsCounted = 0
                    }
                    rowsCounted += 1
                    // Every pixel read lies within the row: x < width <= stride.
                    let row = base + y * stride
                    var x = step / 2
                    while x + 3 * step < width {
                        tally[Int(row[x])] &+= 1
                        tally[256 + Int(row[x + step])] &+= 1
                        tally[512 + Int(row[x + 2 * step])] &+= 1
                        tally[768 + Int(row[x + 3 * step])] &+= 1
                        x += 4 * step
                    }
                    while x < width {
                        tally[Int(row[x])] &+= 1
                        x += step
                    }
                    y += step
                }
                flush()
            }
            // One pixel in (a scanner's edge row is often odd), less on images too small for it.
            let inset = min(max(1, min(width, height) / 200), (min(width, height) - 1) / 2)
            for x in Swift.stride(from: 0, to: width, by: max(1, step / 2)) {
                borderSum += Int(pixels[inset * stride + x]) + Int(pixels[(height - 1 - inset) * stride + x])
                borderCount += 2
            }
            for y in Swift.stride(from: 0, to: height, by: max(1, step / 2)) {
                borderSum += Int(pixels[y * stride + inset]) + Int(pixels[y * stride + width - 1 - inset])
                borderCount += 2
            }
        }
        self.counts = counts
        self.borderMean = borderCount > 0 ? Double(borderSum) / Double(borderCount) : 0
    }

    /// Two histograms as one: the counts added, the border's mean the mean of the two.
    static func + (a: GreyHistogram, b: GreyHistogram) -> GreyHistogram {
        var sum = a
        for level in 0..<256 { sum.counts[level] += b.counts[level] }
        sum.borderMean = (a.borderMean + b.borderMean) / 2
        return sum
    }

    /// Otsu's threshold: the level t that best separates [0, t] from (t, 255].
    /// Returns the level and the two class means.
    func otsu() -> (threshold: Int, lowMean: Double, highMean: Double) { GreyHistogram.otsu(of: counts) }

    /// Otsu's threshold of any 256-bin histogram, with the two class means.
    static func otsu(of counts: [Int]) -> (threshold: Int, lowMean: Double, highMean: Double) {
        let total = counts.reduce(0, +)
        guard total > 0 else { return (127, 0, 255) }
        var sumAll = 0.0
        for (level, count) in counts.enumerated() { sumAll += Double(level * count) }
        var weightLow = 0.0, sumLow = 0.0
        var best = (threshold: 127, score: -1.0, lowMean: 0.0, highMean: 255.0)
        for level in 0..<255 {
            weightLow += Double(counts[level])
            sumLow += Double(level * counts[level])
            let weightHigh = Double(total) - weightLow
            guard weightLow > 0, weightHigh > 0 else { continue }
            let meanLow = sumLow / weightLow
            let meanHigh = (sumAll - sumLow) / weightHigh
            let score = weightLow * weightHigh * (meanLow - meanHigh) * (meanLow - meanHigh)
            if score > best.score { best = (level, score, meanLow, meanHigh) }
        }
        return (best.threshold, best.lowMean, best.highMean)
    }
}

extension GreyHistogram {
    /// The bed's peak: the most frequent level on the bed's side of `threshold`, and the bed's noise
    /// (root mean square departure from that level) on the peak's far side from the foot, where no
    /// print lies, within 20 levels.
    func bedPeak(threshold: Int, footIsLighter: Bool) -> (mode: Int, noise: Double) {
        let threshold = min(max(threshold, 0), 254)
        let bedSide = footIsLighter ? Array(0...threshold) : Array((threshold + 1)...255)
        let mode = bedSide.max { counts[$0] < counts[$1] } ?? threshold
        return (mode, noise(around: mode, footIsLighter: footIsLighter))
    }

    /// The noise of a peak at `mode`: the root mean square departure from it over the 20 levels on its far
    /// side from the foot, where no print lies.
    func noise(around mode: Int, footIsLighter: Bool) -> Double {
        let mode = min(max(mode, 0), 255)
        var spread = 0.0, total = 0.0
        for level in (footIsLighter ? Array(max(mode - 20, 0)...mode) : Array(mode...min(mode + 20, 255))) {
            spread += Double(counts[level]) * Double((level - mode) * (level - mode))
            total += Double(counts[level])
        }
        return total > 0 ? (spread / total).squareRoot() : 0
    }
}
