import FootScanImage

/// Chooses the grey channel that separates foot from bed: luma, unless the scan's colours separate
/// them much better than its brightness does (a bed of the skin's brightness but another hue).
///
/// From a `ColourSample` (FootScanImage) (block means of RGB):
/// 1. Two classes by k-means in RGB, started from the mean of the border blocks (the bed) and the mean
///    of the blocks farther than half the largest distance from it (the foot); the class most border
///    blocks fall in is the bed.
/// 2. Fisher's discriminant: with `d` the difference of the class means and `S` their pooled
///    covariance, the direction `w = S⁻¹ d` separates them best, by `J = dᵀ S⁻¹ d` (the squared distance
///    of the means in units of the spread along `w`); luma separates them by `(l·d)² / lᵀ S l`.
/// 3. Luma is kept when its class means lie 30 grey levels or more apart (the engine's own low-contrast
///    level), or when colour does not separate at least twice as far in standard deviations, or not
///    five standard deviations at all. Otherwise the projection maps the bed's mean to 64 and the
///    foot's to 192.
public enum ColourSeparation {
    /// What the choice found, for reports and tests.
    public struct Choice: Sendable {
        /// The projection to decode with, or nil to keep luma.
        public let projection: ChannelProjection?
        /// Distance of the class means in luma grey levels.
        public let lumaContrast: Double
        /// Separation by luma and by the best projection, in standard deviations of the block means.
        public let lumaSeparation: Double
        public let colourSeparation: Double
    }

    /// Luma contrast at or above which luma is kept.
    static let lumaContrastEnough = 30.0

    /// Chooses the channel for a sample.
    public static func choose(_ sample: ColourSample) -> Choice {
        let none = Choice(projection: nil, lumaContrast: 0, lumaSeparation: 0, colourSeparation: 0)
        let means = sample.means.map { SIMD3<Double>(Double($0.x), Double($0.y), Double($0.z)) }
        let columns = sample.columns, rows = sample.rows
        guard columns >= 4, rows >= 4, means.count == columns * rows else { return none }
        func isBorder(_ index: Int) -> Bool {
            let x = index % columns, y = index / columns
            return x == 0 || y == 0 || x == columns - 1 || y == rows - 1
        }
        var bed = SIMD3<Double>.zero
        var borderCount = 0.0
        for index in means.indices where isBorder(index) {
            bed += means[index]
            borderCount += 1
        }
        bed /= borderCount
        func distance2(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { ((a - b) * (a - b)).sum() }
        let farthest = means.reduce(0.0) { max($0, distance2($1, bed)) }
        guard farthest > 0 else { return none }
        var foot = SIMD3<Double>.zero
        var footCount = 0.0
        for value in means where distance2(value, bed) > farthest / 4 {
            foot += value
            footCount += 1
        }
        foot /= max(footCount, 1)

        // k-means, two classes.
        var inFoot = [Bool](repeating: false, count: means.count)
        for _ in 0..<12 {
            var sums = (SIMD3<Double>.zero, SIMD3<Double>.zero)
            var counts = (0.0, 0.0)
            var changed = false
            for (index, value) in means.enumerated() {
                let isFoot = distance2(value, foot) < distance2(value, bed)
                if isFoot != inFoot[index] { changed = true }
                inFoot[index] = isFoot
                if isFoot { sums.1 += value; counts.1 += 1 } else { sums.0 += value; counts.0 += 1 }
            }
            guard counts.0 > 0, counts.1 > 0 else { return none }
            bed = sums.0 / counts.0
            foot = sums.1 / counts.1
            if !changed { break }
        }
        // The bed is the class most border blocks belong to.
        let borderInFoot = means.indices.filter { isBorder($0) && inFoot[$0] }.count
        if Double(borderInFoot) > borderCount / 2 {
            swap(&bed, &foot)
            for index in inFoot.indices { inFoot[index].toggle() }
        }

        // Pooled within-class covariance, with a floor for the quantisation of 8-bit means.
        var covariance = Matrix3.zero
        for (index, value) in means.enumerated() {
            let centred = value - (inFoot[index] ? foot : bed)
            covariance.addOuterProduct(centred)
        }
        covariance = covariance.scaled(by: 1 / Double(max(means.count - 2, 1)))
        covariance.addToDiagonal(1.0 / 12)
        let difference = foot - bed
        guard let w = covariance.solve(difference) else { return none }
        let colourJ = (w * difference).sum()
        let luma = SIMD3<Double>(0.299, 0.587, 0.114)
        let lumaDifference = (luma * difference).sum()
        let lumaJ = lumaDifference * lumaDifference / max((luma * covariance.multiply(luma)).sum(), 1e-9)
        let lumaContrast = abs(lumaDifference)
        let choice = { (projection: ChannelProjection?) in
            Choice(projection: projection, lumaContrast: lumaContrast, lumaSeparation: lumaJ.squareRoot(),
                   colourSeparation: max(colourJ, 0).squareRoot())
        }
        guard lumaContrast < lumaContrastEnough, colourJ >= 4 * lumaJ, colourJ >= 25 else { return choice(nil) }
        // p = s w·(v - m) + 128 with m the classes' midpoint: bed at 64, foot at 192.
        let scale = 128 / colourJ
        let weights = w * scale
        let midpoint = (foot + bed) / 2
        let offset = 128 - (weights * midpoint).sum()
        return choice(ChannelProjection(weights: SIMD3(Float(weights.x), Float(weights.y), Float(weights.z)), offset: Float(offset)))
    }
}

/// A symmetric 3 x 3 matrix, for the covariance of RGB means.
struct Matrix3 {
    var rows: (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>)

    static var zero: Matrix3 { Matrix3(rows: (.zero, .zero, .zero)) }

    mutating func addOuterProduct(_ v: SIMD3<Double>) {
        rows.0 += v * v.x
        rows.1 += v * v.y
        rows.2 += v * v.z
    }

    func scaled(by factor: Double) -> Matrix3 { Matrix3(rows: (rows.0 * factor, rows.1 * factor, rows.2 * factor)) }

    mutating func addToDiagonal(_ value: Double) {
        rows.0.x += value
        rows.1.y += value
        rows.2.z += value
    }

    func multiply(_ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((rows.0 * v).sum(), (rows.1 * v).sum(), (rows.2 * v).sum())
    }

    /// The x with M x = b (Cramer's rule), or nil when M is singular.
    func solve(_ b: SIMD3<Double>) -> SIMD3<Double>? {
        func det(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> Double {
            a.x * (b.y * c.z - b.z * c.y) - a.y * (b.x * c.z - b.z * c.x) + a.z * (b.x * c.y - b.y * c.x)
        }
        let d = det(rows.0, rows.1, rows.2)
        guard abs(d) > 1e-12 else { return nil }
        // Columns replaced by b, written as rows of the transposed matrix (M is symmetric).
        let c0 = SIMD3(rows.0.x, rows.1.x, rows.2.x), c1 = SIMD3(rows.0.y, rows.1.y, rows.2.y), c2 = SIMD3(rows.0.z, rows.1.z, rows.2.z)
        return SIMD3(det(b, c1, c2) / d, det(c0, b, c2) / d, det(c0, c1, b) / d)
    }
}
