import FootScanImage

/// A 256-bin histogram of a subsample of the image, and the threshold and polarity chosen from it.
struct GreyHistogram {
    var counts: [Int]
    /// Mean grey level of the pixels along the image's border (subsampled).
    var borderMean: Double

    /// Counts every `step`-th pixel of every `step`-th row, and the border ring.
    init(image: ScanImage, step: Int) {
        var counts = [Int](repeating: 0, count: 256)
        var borderSum = 0
        var borderCount = 0
        let width = image.width, height = image.height, stride = image.stride
        image.pixels.withUnsafeBufferPointer { pixels in
            var y = step / 2
            while y < height {
                let row = y * stride
                var x = step / 2
                while x < width {
                    counts[Int(pixels[row + x])] += 1
                    x += step
                }
                y += step
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
