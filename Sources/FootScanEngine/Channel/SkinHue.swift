import FootScanImage

/// Finds the sole by its hue when brightness misleads: skin has hue (red above green above blue);
/// a haze, a glare strip, paper, cloth, a shadow and the bed are colourless, and a toe's neck is
/// darker than its pad but just as coloured.
///
/// From a `ColourSample` (FootScanImage) (block means of RGB):
/// 1. Each block's chroma `(Cb, Cr)` (Rec. 601) less the bed's, the bed being the median of the
///    border blocks.
/// 2. The skin's hue: the mean chroma of the 3% most chromatic blocks, `s` its strength and `u` its
///    direction; a block's hue score is its chroma along `u`. No skin hue when `s` < 15 levels or fewer
///    than 1% of the blocks (and 20) score `s / 2`.
/// 3. Luma's own split: Otsu's threshold over the blocks' luma, the bed's side fixed by the border.
/// 4. Hue is used when it and luma disagree clearly on enough blocks: blocks luma calls foot that are
///    colourless (score < 0.2 s) and lie a quarter of the class gap past luma's threshold, plus blocks
///    luma calls bed that are clearly skin (score > 0.7 s), at least 10 and 2% of the skin blocks. On a
///    clean scan the two agree and luma is kept; a band of the bed's colour at the skin's luma (a light
///    leak on a tinted scan) is such a disagreement too, and hue takes it for bed.
/// The projection maps the bed's chroma to 64 and the skin's to 192.
public enum SkinHue {
    /// What the choice found, for reports and tests.
    public struct Choice: Sendable {
        /// The projection to decode with, or nil to keep luma.
        public let projection: ChannelProjection?
        /// The skin's chroma strength, grey levels (0 when none was found).
        public let strength: Double
        /// Blocks where luma and hue clearly disagree.
        public let disagreements: Int
        /// Blocks of skin hue.
        public let skinBlocks: Int
    }

    /// Chooses for a sample.
    public static func choose(_ sample: ColourSample) -> Choice {
        let none = Choice(projection: nil, strength: 0, disagreements: 0, skinBlocks: 0)
        let columns = sample.columns, rows = sample.rows
        guard columns >= 4, rows >= 4, sample.means.count == columns * rows else { return none }
        let cb = SIMD3<Double>(-0.168_736, -0.331_264, 0.5), cr = SIMD3<Double>(0.5, -0.418_688, -0.081_312)
        let lumaWeights = SIMD3<Double>(0.299, 0.587, 0.114)
        // Each block's chroma and luma in one pass over the sample, the offsets from the bed and the
        // scores read from them where needed (a 300 dpi scan's sample holds some 110,000 blocks, and six
        // arrays as long, one per step, were made and read before).
        let count = columns * rows
        var chroma = [SIMD2<Double>](repeating: .zero, count: count)
        var luma = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let mean = sample.means[index]
            let rgb = SIMD3<Double>(Double(mean.x), Double(mean.y), Double(mean.z))
            chroma[index] = SIMD2((rgb * cb).sum(), (rgb * cr).sum())
            luma[index] = (rgb * lumaWeights).sum()
        }

        var borderCb: [Double] = [], borderCr: [Double] = [], borderLuma: [Double] = []
        borderCb.reserveCapacity(2 * (columns + rows))
        borderCr.reserveCapacity(2 * (columns + rows))
        borderLuma.reserveCapacity(2 * (columns + rows))
        for y in 0..<rows {
            let edgeRow = y == 0 || y == rows - 1
            for x in Swift.stride(from: 0, to: columns, by: edgeRow ? 1 : columns - 1) {
                let index = y * columns + x
                borderCb.append(chroma[index].x)
                borderCr.append(chroma[index].y)
                borderLuma.append(luma[index])
            }
        }
        let bed = SIMD2(median(&borderCb), median(&borderCr))
        let bedLuma = median(&borderLuma)
        let magnitudes = chroma.map { (($0 - bed) * ($0 - bed)).sum() }
        let top = max(1, count * 3 / 100)
        let strongest = largest(top, of: magnitudes)
        let mean = strongest.reduce(SIMD2<Double>.zero) { $0 + (chroma[$1] - bed) } / Double(top)
        let strength = (mean * mean).sum().squareRoot()
        guard strength >= 15 else { return none }
        let u = mean / strength
        /// A block's hue score: its chroma from the bed's, along the skin's direction.
        func score(_ index: Int) -> Double { ((chroma[index] - bed) * u).sum() }
        var skinBlocks = 0
        for index in 0..<count where score(index) >= strength / 2 { skinBlocks += 1 }
        guard skinBlocks >= max(20, count / 100) else { return Choice(projection: nil, strength: strength, disagreements: 0, skinBlocks: skinBlocks) }

        // Luma's split of the blocks.
        var histogram = [Int](repeating: 0, count: 256)
        for value in luma { histogram[min(max(Int(value.rounded()), 0), 255)] += 1 }
        let otsu = GreyHistogram.otsu(of: histogram)
        let threshold = Double(otsu.threshold)
        let footIsLighter = bedLuma <= threshold
        let margin = 0.25 * (otsu.highMean - otsu.lowMean)
        var disagreements = 0
        for index in 0..<count {
            let past = footIsLighter ? luma[index] - threshold : threshold - luma[index]
            let score = score(index)
            if past >= margin && score < 0.2 * strength { disagreements += 1 }
            if past < 0 && score > 0.7 * strength { disagreements += 1 }
        }
        let choice = { (projection: ChannelProjection?) in
            Choice(projection: projection, strength: strength, disagreements: disagreements, skinBlocks: skinBlocks)
        }
        guard disagreements >= max(10, skinBlocks / 50) else { return choice(nil) }
        // p = 64 + 128 (c - bed)·u / s, with c = (Cb, Cr) linear in RGB.
        let weights = (cb * u.x + cr * u.y) * (128 / strength)
        let offset = 64 - 128 * (bed * u).sum() / strength
        return choice(ChannelProjection(weights: SIMD3(Float(weights.x), Float(weights.y), Float(weights.z)), offset: Float(offset),
                                        isSkinHue: true))
    }

    static func median(_ values: inout [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        values.sort()
        return values[values.count / 2]
    }

    /// The indices of the `count` largest values, as a stable sort from largest would list them first
    /// (ties in index order): the `count`-th largest found by selection, in linear time, not by sorting
    /// every block.
    static func largest(_ count: Int, of values: [Double]) -> [Int] {
        guard count < values.count else { return Array(values.indices) }
        var scratch = values
        var low = 0, high = scratch.count - 1
        let k = count - 1 // the k-th largest, 0-based
        while low < high {
            // Partition around the middle value, largest first (Hoare's scheme).
            let pivot = scratch[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while scratch[i] > pivot { i += 1 }
                while scratch[j] < pivot { j -= 1 }
                if i <= j { scratch.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        let cut = scratch[k]
        var chosen = values.indices.filter { values[$0] > cut }
        for index in values.indices where chosen.count < count && values[index] == cut { chosen.append(index) }
        return chosen
    }
}
