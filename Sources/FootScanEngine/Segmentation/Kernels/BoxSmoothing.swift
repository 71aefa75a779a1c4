import FootScanImage

/// Smooths a grey image at the scale of a few millimetres: a box of `2 radius + 1` pixels along rows,
/// then along columns, twice (a separable filter close to a pyramid of half-width `2 radius`), or once
/// (a pressure map's blocks become the bilinear blend between their centres when the box is one block wide). A print
/// made of ridges, dots or a grid of ink lines becomes its mean level, one region whatever its texture;
/// a symmetric filter keeps each edge's half-way level where the edge was. Running sums: four passes of
/// a few operations a pixel, whatever the radius. The border continues its nearest pixel.
///
/// Both passes walk the image row by row: the column pass keeps one running sum per column and moves
/// them all down a row at a time (walking down each column in turn touched a new cache line at every
/// pixel), and each mean is a multiplication by the window's reciprocal, not a division.
enum BoxSmoothing {
    static func smoothed(_ image: ScanImage, radius: Int, passes: Int = 2) -> ScanImage {
        let width = image.width, height = image.height
        guard radius >= 1, width >= 1, height >= 1 else { return image }
        let stride = ScanImage.alignedStride(forWidth: width)
        let mean = WindowMean(window: 2 * radius + 1)
        var a = [UInt8](repeating: 0, count: stride * height)
        var b = [UInt8](repeating: 0, count: stride * height)
        var sums = [UInt32](repeating: 0, count: width)
        image.pixels.withUnsafeBufferPointer { source in
            a.withUnsafeMutableBufferPointer { first in
                b.withUnsafeMutableBufferPointer { second in
                    sums.withUnsafeMutableBufferPointer { sums in
                        alongRows(from: source, fromStride: image.stride, to: second, width: width, height: height, stride: stride, radius: radius, mean: mean)
                        alongColumns(from: UnsafeBufferPointer(second), to: first, width: width, height: height, stride: stride, radius: radius, mean: mean, sums: sums)
                        guard passes >= 2 else { return }
                        alongRows(from: UnsafeBufferPointer(first), fromStride: stride, to: second, width: width, height: height, stride: stride, radius: radius, mean: mean)
                        alongColumns(from: UnsafeBufferPointer(second), to: first, width: width, height: height, stride: stride, radius: radius, mean: mean, sums: sums)
                    }
                }
            }
        }
        var result = ScanImage(width: width, height: height, stride: stride, pixels: a, density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return result
    }

    /// The rounded mean of a window's sum, `(sum + window / 2) / window`, as a multiplication by the
    /// window's reciprocal in fixed point, `m = ceil(2^k / window)`: the quotient is exact for every
    /// numerator `n` with `n (m window - 2^k) < 2^k`, and a window's sum of bytes stays below
    /// `256 window`. With `k = 24` and 32-bit products (which vectorise) that holds for windows up to 255
    /// pixels, with `k = 32` and 64-bit products up to 4096; wider windows divide.
    struct WindowMean {
        let window: Int
        let half: UInt32
        /// `ceil(2^24 / window)`, for windows up to 255 pixels; 0 otherwise.
        let narrowReciprocal: UInt32
        let reciprocal: UInt64

        init(window: Int) {
            self.window = window
            half = UInt32(window / 2)
            narrowReciprocal = window <= 255 ? UInt32(((1 << 24) + window - 1) / window) : 0
            reciprocal = ((1 << 32) + UInt64(window) - 1) / UInt64(window)
        }

        /// Whether the 32-bit product serves (``narrow(_:)``).
        var isNarrow: Bool { narrowReciprocal != 0 }

        /// The mean by the 32-bit product; only where ``isNarrow``.
        @inline(__always) func narrow(_ sum: UInt32) -> UInt8 {
            UInt8(truncatingIfNeeded: ((sum &+ half) &* narrowReciprocal) >> 24)
        }

        /// The mean of any window's sum.
        @inline(__always) func callAsFunction(_ sum: UInt32) -> UInt8 {
            if isNarrow { return narrow(sum) }
            let numerator = UInt64(sum &+ half)
            return UInt8(truncatingIfNeeded: window <= 4096 ? (numerator &* reciprocal) >> 32 : numerator / UInt64(window))
        }
    }

    /// One box pass along each row, rounding the mean.
    private static func alongRows(from source: UnsafeBufferPointer<UInt8>, fromStride: Int, to target: UnsafeMutableBufferPointer<UInt8>,
                                  width: Int, height: Int, stride: Int, radius: Int, mean: WindowMean) {
        // The window's mean chosen once for the pass, not at every pixel.
        if mean.isNarrow {
            alongRows(from: source, fromStride: fromStride, to: target, width: width, height: height, stride: stride, radius: radius) { mean.narrow($0) }
        } else {
            alongRows(from: source, fromStride: fromStride, to: target, width: width, height: height, stride: stride, radius: radius) { mean($0) }
        }
    }

    /// The pass along each row with `divide` taking a window's sum to its mean: one running sum a row,
    /// read through pointers where the window lies inside the row (no clamping, no checked index sums).
    @inline(__always)
    private static func alongRows(from source: UnsafeBufferPointer<UInt8>, fromStride: Int, to target: UnsafeMutableBufferPointer<UInt8>,
                                  width: Int, height: Int, stride: Int, radius: Int, divide: (UInt32) -> UInt8) {
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
        let last = width - 1
        // Clamped reads only where the window crosses the row's ends.
        let innerStart = min(radius, width)
        let innerEnd = innerStart + max(0, min(width, width - radius - 1) - radius)
        for row in 0..<height {
            let line = sourceBase + row * fromStride, out = targetBase + row * stride
            @inline(__always) func value(_ x: Int) -> UInt32 { UInt32(line[min(max(x, 0), last)]) }
            var sum: UInt32 = 0
            for x in -radius...radius { sum &+= value(x) }
            var x = 0
            while x < innerStart {
                out[x] = divide(sum)
                sum = sum &+ value(x + radius + 1) &- value(x - radius)
                x += 1
            }
            if x < innerEnd {
                var entering = line + (x + radius + 1), leaving = line + (x - radius)
                while x < innerEnd {
                    out[x] = divide(sum)
                    sum = sum &+ UInt32(entering.pointee) &- UInt32(leaving.pointee)
                    entering += 1
                    leaving += 1
                    x &+= 1
                }
            }
            while x < width {
                out[x] = divide(sum)
                sum = sum &+ value(x + radius + 1) &- value(x - radius)
                x += 1
            }
        }
    }

    /// One box pass along each column, rounding the mean: a running sum per column (`sums`, `width` of
    /// them), moved down one row at a time.
    private static func alongColumns(from source: UnsafeBufferPointer<UInt8>, to target: UnsafeMutableBufferPointer<UInt8>,
                                     width: Int, height: Int, stride: Int, radius: Int, mean: WindowMean,
                                     sums: UnsafeMutableBufferPointer<UInt32>) {
        let last = height - 1
        @inline(__always) func row(_ y: Int) -> Int { min(max(y, 0), last) * stride }
        for x in 0..<width { sums[x] = 0 }
        for y in -radius...radius {
            let base = row(y)
            for x in 0..<width { sums[x] &+= UInt32(source[base + x]) }
        }
        guard let sumBase = sums.baseAddress, let sourceBase = source.baseAddress, let targetAddress = target.baseAddress else { return }
        for y in 0..<height {
            let out = targetAddress + y * stride, entering = sourceBase + row(y + radius + 1), leaving = sourceBase + row(y - radius)
            if mean.isNarrow {
                // The loop the compiler vectorises: 32-bit lanes throughout.
                for x in 0..<width {
                    let sum = sumBase[x]
                    out[x] = mean.narrow(sum)
                    sumBase[x] = sum &+ UInt32(entering[x]) &- UInt32(leaving[x])
                }
            } else {
                for x in 0..<width {
                    let sum = sumBase[x]
                    out[x] = mean(sum)
                    sumBase[x] = sum &+ UInt32(entering[x]) &- UInt32(leaving[x])
                }
            }
        }
    }
}
