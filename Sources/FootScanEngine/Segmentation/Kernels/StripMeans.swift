import FootScanImage

/// A grey image reduced by a whole factor for a quick look: each pixel of the result is the rounded
/// mean of a strip of `factor` pixels along the middle row of its `factor` x `factor` block (the rows
/// and columns left over at the right and bottom are dropped). It reads one row in `factor`, so a look at
/// the whole image at a few millimetres a pixel costs a fraction of a pass over it; the strip's mean
/// keeps the noise of single pixels out.
enum StripMeans {
    /// `image` reduced by `factor`, its density reduced to match, and the factor applied; `image` itself
    /// and a factor of 1 when `factor` is 1 or less or the image is smaller than one block.
    static func reduced(_ image: ScanImage, by factor: Int) -> (image: ScanImage, factor: Int) {
        let width = image.width / max(factor, 1), height = image.height / max(factor, 1)
        guard factor >= 2, width >= 1, height >= 1 else { return (image, 1) }
        let stride = ScanImage.alignedStride(forWidth: width), sourceStride = image.stride
        let mean = BoxSmoothing.WindowMean(window: factor)
        var reduced = [UInt8](repeating: 0, count: stride * height)
        image.pixels.withUnsafeBufferPointer { source in
            reduced.withUnsafeMutableBufferPointer { target in
                guard let source = source.baseAddress, let target = target.baseAddress else { return }
                for row in 0..<height {
                    let line = source + (row * factor + factor / 2) * sourceStride, out = target + row * stride
                    for column in 0..<width {
                        let strip = line + column * factor
                        var sum: UInt32 = 0
                        for x in 0..<factor { sum &+= UInt32(strip[x]) }
                        out[column] = mean(sum)
                    }
                }
            }
        }
        let image = ScanImage(width: width, height: height, stride: stride, pixels: reduced,
                              density: image.density?.reduced(by: factor), source: image.source)
        return (image, factor)
    }
}
