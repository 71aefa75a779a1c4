/// A YCbCr JPEG decoded once, as stored: the luma plane at full size and the two chroma planes at their
/// own (libjpeg-turbo's raw data output: no chroma upsampling, no colour conversion). From it come the
/// luma image, the colour sample and any channel projection, with no second decode.
///
/// A projection is linear in R, G and B, so it is linear in Y, Cb and Cr: `kY Y + kB (Cb - 128) +
/// kR (Cr - 128) + offset`. The chroma part is computed at the chroma planes' size, then brought to
/// full size with the triangle filter libjpeg's own ("fancy") upsampling uses (weights 3/4 and 1/4 from
/// the sample centres), and the luma part added per pixel; a pure hue (no luma part, as the skin's) is
/// rounded to a level at the chroma planes' size first. Unlike an RGB decode, R, G and B are not
/// clamped to 0...255 per pixel first; that differs only on saturated colours, which skin and bed are
/// not.
public struct YCbCrPlanes: Sendable {
    /// The luma plane as the scan's grey image (orientation and density applied): what a luma decode of
    /// the file gives. It shares the plane's memory (unless the file's orientation turns it): keep it no
    /// longer than needed before ``projectedOverLuma(by:)``.
    public var luma: ScanImage {
        ScanDecoder.finish(pixels: y, width: width, height: height, stride: yStride, density: density, source: source)
    }
    /// The planes as stored (before orientation): luma, then blue and red chroma.
    var y: [UInt8]
    let cb: [UInt8], cr: [UInt8]
    /// Row lengths of the luma buffer and of each chroma buffer.
    let yStride: Int, chromaStride: Int
    /// Delivered luma size and chroma size, in samples.
    let width: Int, height: Int, chromaWidth: Int, chromaHeight: Int
    /// Luma samples per chroma sample across and down (1 or 2).
    let chromaX: Int, chromaY: Int
    /// The delivered density, before orientation.
    let density: ScanDensity?
    /// The file's description (no projection).
    let source: ImageSourceDescription
    /// The colour sample, summed as the planes were decoded.
    let colourSample: ColourSample

    init(y: [UInt8], cb: [UInt8], cr: [UInt8], yStride: Int, chromaStride: Int, width: Int, height: Int,
         chromaWidth: Int, chromaHeight: Int, chromaX: Int, chromaY: Int, density: ScanDensity?, source: ImageSourceDescription,
         colourSample: ColourSample) {
        self.y = y
        self.cb = cb
        self.cr = cr
        self.yStride = yStride
        self.chromaStride = chromaStride
        self.width = width
        self.height = height
        self.chromaWidth = chromaWidth
        self.chromaHeight = chromaHeight
        self.chromaX = chromaX
        self.chromaY = chromaY
        self.density = density
        self.source = source
        self.colourSample = colourSample
    }

    /// Block means of R, G and B, as ``ScanDecoder/colourSample(_:file:options:)`` gives for a JPEG:
    /// blocks of 8 luma pixels a side (more on very large scans), from the luma on every second row and
    /// the chroma samples under the block, converted to RGB per block (JFIF's equations). Summed while
    /// the planes were decoded (`PlaneSampler`).
    public func sample() -> ColourSample { colourSample }

    /// The grey channel `projection` gives, as an image (orientation and density applied).
    public func projected(by projection: ChannelProjection) -> ScanImage {
        projected(by: projection, vectorised: true)
    }

    /// The grey channel `projection` gives, as an image (orientation and density applied), written over
    /// the luma plane: the planes are used up, and the channel needs no new memory. Each pixel's grey
    /// depends on its own luma only, read before it is written. A 300 dpi scan's channel is 8 MB, and
    /// new memory is cleared page by page as it is first written: `footscan measure` of a 300 dpi
    /// dark-bed scan 30 times took 165,921 page faults into new images, 9,157 over the luma (with the
    /// pure hue's pass, 1.16 s of CPU against 0.78).
    public consuming func projectedOverLuma(by projection: ChannelProjection) -> ScanImage {
        var grey: [UInt8] = []
        swap(&grey, &y)
        let kernel = ProjectionKernel(projection)
        let (width, height, stride) = (self.width, self.height, yStride)
        grey.withUnsafeMutableBufferPointer { grey in
            cb.withUnsafeBufferPointer { cb in
                cr.withUnsafeBufferPointer { cr in
                    guard let out = grey.baseAddress, let cb = cb.baseAddress, let cr = cr.baseAddress else { return }
                    kernel.project(y: out, yStride: stride, cb: cb, cr: cr, chromaStride: chromaStride, chromaWidth: chromaWidth,
                                   chromaHeight: chromaHeight, chromaX: chromaX, chromaY: chromaY,
                                   width: width, height: height, into: out, stride: stride)
                    // The luma's padding (the JPEG's blocks past the edge) goes: zero, as in a new image.
                    if stride > width {
                        for row in 0..<height { (out + row * stride + width).update(repeating: 0, count: stride - width) }
                    }
                }
            }
        }
        return ScanDecoder.finish(pixels: grey, width: width, height: height, stride: stride, density: density, source: described(projection))
    }

    /// The file's description with `projection`.
    func described(_ projection: ChannelProjection) -> ImageSourceDescription {
        ImageSourceDescription(format: source.format, storedWidth: source.storedWidth, storedHeight: source.storedHeight,
                               bitDepth: source.bitDepth, colourType: source.colourType, interlaced: source.interlaced,
                               orientation: source.orientation, reduction: source.reduction, projection: projection)
    }

    /// The grey channel `projection` gives; `vectorised` false takes the general path for every row
    /// (the tests' reference for the vector path).
    func projected(by projection: ChannelProjection, vectorised: Bool) -> ScanImage {
        let stride = ScanImage.alignedStride(forWidth: width)
        let kernel = ProjectionKernel(projection)
        // Every byte is written below (each row's padding zeroed), so the buffer is not cleared first.
        let grey = [UInt8](unsafeUninitializedCapacity: stride * height) { out, count in
            count = stride * height
            y.withUnsafeBufferPointer { y in
                cb.withUnsafeBufferPointer { cb in
                    cr.withUnsafeBufferPointer { cr in
                        guard let out = out.baseAddress, let y = y.baseAddress, let cb = cb.baseAddress, let cr = cr.baseAddress else { return }
                        kernel.project(y: y, yStride: yStride, cb: cb, cr: cr, chromaStride: chromaStride, chromaWidth: chromaWidth,
                                       chromaHeight: chromaHeight, chromaX: chromaX, chromaY: chromaY,
                                       width: width, height: height, into: out, stride: stride, vectorised: vectorised)
                        if stride > width {
                            for row in 0..<height { (out + row * stride + width).initialize(repeating: 0, count: stride - width) }
                        }
                    }
                }
            }
        }
        return ScanDecoder.finish(pixels: grey, width: width, height: height, stride: stride, density: density, source: described(projection))
    }
}
