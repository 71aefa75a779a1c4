import FootScanImage

/// Smooths a grey image at the scale of a few millimetres: a box of `2 radius + 1` pixels along rows,
/// then along columns, twice (a separable filter close to a pyramid of half-width `2 radius`), or once
/// (a pressure map's blocks become the bilinear blend between their centres when the box is one block wide). A print
/// made of ridges, dots or a grid of ink lines becomes its mean level, one region whatever its texture;
/// a symmetric filter keeps each edge's half-way level where the edge was. Running sums: four passes of
/// a few operations a pixel, whatever the radius. The border continues its nearest pixel.
enum BoxSmoothing {
    static func smoothed(_ image: ScanImage, radius: Int, passes: Int = 2) -> ScanImage {
        let width = image.width, height = image.height
        guard radius >= 1, width >= 1, height >= 1 else { return image }
        let stride = ScanImage.alignedStride(forWidth: width)
        var a = [UInt8](repeating: 0, count: stride * height)
        var b = [UInt8](repeating: 0, count: stride * height)
        image.pixels.withUnsafeBufferPointer { source in
            a.withUnsafeMutableBufferPointer { first in
                b.withUnsafeMutableBufferPointer { second in
                    pass(from: source, fromStride: image.stride, to: second, width: width, height: height, stride: stride, radius: radius, alongRows: true)
                    pass(from: UnsafeBufferPointer(second), fromStride: stride, to: first, width: width, height: height, stride: stride, radius: radius, alongRows: false)
                    guard passes >= 2 else { return }
                    pass(from: UnsafeBufferPointer(first), fromStride: stride, to: second, width: width, height: height, stride: stride, radius: radius, alongRows: true)
                    pass(from: UnsafeBufferPointer(second), fromStride: stride, to: first, width: width, height: height, stride: stride, radius: radius, alongRows: false)
                }
            }
        }
        var result = ScanImage(width: width, height: height, stride: stride, pixels: a, density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return result
    }

    /// One box pass along rows or along columns, rounding the mean.
    private static func pass(from source: UnsafeBufferPointer<UInt8>, fromStride: Int, to target: UnsafeMutableBufferPointer<UInt8>,
                             width: Int, height: Int, stride: Int, radius: Int, alongRows: Bool) {
        let lines = alongRows ? height : width, count = alongRows ? width : height
        let step = alongRows ? 1 : fromStride, targetStep = alongRows ? 1 : stride
        let window = 2 * radius + 1, half = window / 2
        for line in 0..<lines {
            let start = alongRows ? line * fromStride : line
            let targetStart = alongRows ? line * stride : line
            @inline(__always) func value(_ i: Int) -> Int { Int(source[start + min(max(i, 0), count - 1) * step]) }
            var sum = 0
            for i in -radius...radius { sum += value(i) }
            for i in 0..<count {
                target[targetStart + i * targetStep] = UInt8((sum + half) / window)
                sum += value(i + radius + 1) - value(i - radius)
            }
        }
    }
}
