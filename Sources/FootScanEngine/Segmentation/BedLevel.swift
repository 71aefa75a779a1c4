import FootScanImage

/// The bed's level across the image as a smooth surface (a quadratic in x and y), fitted to the bed's
/// pixels: a sheet of paper lit from one side, a bed brighter towards one edge, vignetting. Samples on a
/// grid of ``gridMM`` (or coarser, for a quick look); the first bed is the samples of Otsu's bed class near the bed's peak, then every
/// sample farther from the surface than two robust deviations on the foot's side (three on the other)
/// is dropped and the surface fitted again (four rounds),
/// so that prints, form lines and text do not pull it.
struct BedLevel {
    /// The spacing of the samples the surface is fitted to, mm.
    static let gridMM = 4.0

    /// The surface's coefficients over (1, x, y, x², xy, y²) in lanes 0 to 5 (lanes 6 and 7 zero), x and y
    /// in units of the image's size about its centre: a value, not an array, so that a fit allocates nothing.
    var coefficients: SIMD8<Double>
    /// The bed's spread about the surface, grey levels (robust: 1.4826 times the median absolute residual
    /// of the samples taken for bed).
    var noise: Double
    let width: Int
    let height: Int

    /// The surface's level at a pixel.
    func level(x: Double, y: Double) -> Double {
        let u = x / Double(max(width, 1)) - 0.5, v = y / Double(max(height, 1)) - 0.5
        return Self.evaluate(coefficients, u, v)
    }

    /// The surface's mean over the image, read on an 8 x 8 grid of cells' centres: the level
    /// ``flattened(_:)`` brings the bed to.
    var meanLevel: Double {
        var mean = 0.0
        let grid = 8
        for j in 0..<grid { for i in 0..<grid { mean += level(x: (Double(i) + 0.5) / Double(grid) * Double(width), y: (Double(j) + 0.5) / Double(grid) * Double(height)) } }
        return mean / Double(grid * grid)
    }

    /// Fits the bed of `image`; `footIsLighter` says on which side of the bed the foot lies, `threshold`
    /// Otsu's level between the two, `peak` the bed's most frequent level and its noise. Samples inside
    /// `away` are left out (a podoscope's feet, whose dim outline lies around their contact), and then
    /// the first bed is every other sample, not those near the bed's peak: a bed whose level varies across
    /// the image by more than the dim foot's step above it keeps only a ring of its levels near the peak,
    /// and the surface fitted to that ring never rises to the bed's brighter middle.
    init(image: ScanImage, pixelMM: Double, threshold: Int, footIsLighter: Bool, peak: (mode: Int, noise: Double), away: [PixelBox] = [],
         gridMM: Double = BedLevel.gridMM) {
        width = image.width
        height = image.height
        let step = max(1, Int((gridMM / pixelMM).rounded()))
        var samples: [(u: Double, v: Double, value: Double)] = []
        samples.reserveCapacity(((image.height + step - 1) / step) * ((image.width + step - 1) / step))
        var y = step / 2
        while y < image.height {
            var x = step / 2
            while x < image.width {
                let value = Int(image[x, y])
                if (value > threshold) != footIsLighter, !away.contains(where: { $0.contains(x: x, y: y) }) {
                    samples.append((Double(x) / Double(width) - 0.5, Double(y) / Double(height) - 0.5, Double(value)))
                }
                x += step
            }
            y += step
        }
        coefficients = .zero
        coefficients[0] = samples.isEmpty ? Double(threshold) : samples.reduce(0.0) { $0 + $1.value } / Double(samples.count)
        noise = 0
        guard samples.count >= 12 else { return }
        let sign: Double = footIsLighter ? 1 : -1
        // The first bed: samples within six noise deviations of the bed's peak (a lightly pressed print,
        // or a podoscope's dim foot, on the bed's side of Otsu's level would pull the surface towards it),
        // or all of them when the feet are left out.
        let window = max(6 * peak.noise, 4)
        var kept = away.isEmpty ? samples.filter { abs($0.value - Double(peak.mode)) <= window } : samples
        if kept.count < 12 { kept = samples }
        // Two buffers the rounds reuse, one for the residuals' sizes and one for the next bed.
        var absolute: [Double] = [], next: [(u: Double, v: Double, value: Double)] = []
        absolute.reserveCapacity(samples.count)
        next.reserveCapacity(samples.count)
        for _ in 0..<4 {
            guard let fit = BedLevel.leastSquares(kept) else { break }
            coefficients = fit
            // The spread of the samples taken for bed so far: the print's own samples must not widen it.
            absolute.removeAll(keepingCapacity: true)
            for s in kept { absolute.append(abs(s.value - BedLevel.evaluate(fit, s.u, s.v))) }
            noise = 1.4826 * BedLevel.orderStatistic(&absolute, absolute.count / 2)
            // Stricter on the foot's side, where a faint print or a dim foot lies.
            next.removeAll(keepingCapacity: true)
            for s in samples {
                let residual = s.value - BedLevel.evaluate(fit, s.u, s.v)
                if residual * sign <= 2 * noise + 1 && residual * sign >= -(3 * noise + 3) { next.append(s) }
            }
            swap(&kept, &next)
            guard kept.count >= 12 else { break }
        }
    }

    /// The `k`-th smallest of `values` (`values.sorted()[k]`), found by selection (Hoare's partitions
    /// about the median of three) rather than a sort; `values` is left reordered. `k` must index
    /// `values`.
    static func orderStatistic(_ values: inout [Double], _ k: Int) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            let a = values[low], b = values[low + (high - low) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[low...j] <= pivot <= values[i...high], and any between equal the pivot.
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }

    /// The quadratic with coefficients `c` (as ``coefficients``) at (`u`, `v`).
    static func evaluate(_ c: SIMD8<Double>, _ u: Double, _ v: Double) -> Double {
        c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v
    }

    /// The least-squares quadratic through the samples (normal equations, Gaussian elimination with
    /// partial pivoting), its coefficients as ``coefficients``; nil when they do not fix it.
    static func leastSquares(_ samples: [(u: Double, v: Double, value: Double)]) -> SIMD8<Double>? {
        // The augmented normal equations, six rows of seven: each row summed as one vector (lanes 0-5
        // the basis, lane 6 the value), the same products added in the same order as element by element.
        var r0 = SIMD8<Double>.zero, r1 = r0, r2 = r0, r3 = r0, r4 = r0, r5 = r0
        for s in samples {
            let uu: Double = s.u * s.u, uv: Double = s.u * s.v, vv: Double = s.v * s.v
            let augmented = SIMD8<Double>(1, s.u, s.v, uu, uv, vv, s.value, 0)
            r0 += augmented
            r1 += augmented * s.u
            r2 += augmented * s.v
            r3 += augmented * uu
            r4 += augmented * uv
            r5 += augmented * vv
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 6 * 7) { a -> SIMD8<Double>? in
            func store(_ row: SIMD8<Double>, at i: Int) { for j in 0..<7 { a[i * 7 + j] = row[j] } }
            store(r0, at: 0); store(r1, at: 1); store(r2, at: 2); store(r3, at: 3); store(r4, at: 4); store(r5, at: 5)
            for column in 0..<6 {
                guard let pivot = (column..<6).max(by: { abs(a[$0 * 7 + column]) < abs(a[$1 * 7 + column]) }),
                      abs(a[pivot * 7 + column]) > 1e-9 else { return nil }
                if pivot != column { for k in 0..<7 { a.swapAt(column * 7 + k, pivot * 7 + k) } }
                for row in 0..<6 where row != column {
                    let factor = a[row * 7 + column] / a[column * 7 + column]
                    for k in column..<7 { a[row * 7 + k] -= factor * a[column * 7 + k] }
                }
            }
            var solution = SIMD8<Double>.zero
            for i in 0..<6 { solution[i] = a[i * 7 + 6] / a[i * 7 + i] }
            return solution
        }
    }

    /// `Int(value.rounded())` (half-way cases away from zero) without the C library's `round`, a call
    /// per pixel in ``flattened(_:)``: the conversion truncates in one instruction, and the part it drops
    /// is exact in floating point, so comparing it with one half rounds exactly as `rounded()` does.
    @inline(__always) static func roundedToInt(_ value: Double) -> Int {
        let truncated = Int(value)
        let dropped = value - Double(truncated)
        return dropped >= 0.5 ? truncated + 1 : dropped <= -0.5 ? truncated - 1 : truncated
    }

    /// `image` with the surface taken out: each pixel moved by the surface's departure from its mean
    /// over the image, so that the bed lies level at that mean.
    func flattened(_ image: ScanImage) -> ScanImage {
        let mean = meanLevel
        var pixels = image.pixels
        let c = coefficients
        // Each column's u, worked out once for the image, not once a pixel: a division per pixel was
        // most of this pass (the same u, so the same shifts). On the stack when the image is narrow (the
        // quick look's), so that the look allocates nothing for it.
        pixels.withUnsafeMutableBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(width, 1)) { columns in
                guard let pixels = buffer.baseAddress, let columns = columns.baseAddress else { return }
                for x in 0..<width { (columns + x).initialize(to: Double(x) / Double(width) - 0.5) }
                for y in 0..<height {
                    let v = Double(y) / Double(height) - 0.5
                    // Along a row the surface is a quadratic in u: a + b u + c u².
                    let a = c[0] + c[2] * v + c[5] * v * v - mean, b = c[1] + c[4] * v, q = c[3]
                    let row = pixels + y * image.stride
                    for x in 0..<width {
                        let u = columns[x]
                        let shift = Self.roundedToInt(a + b * u + q * u * u)
                        row[x] = UInt8(clamping: Int(row[x]) - shift)
                    }
                }
            }
        }
        var result = ScanImage(width: width, height: height, stride: image.stride, pixels: pixels, density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return result
    }
}
