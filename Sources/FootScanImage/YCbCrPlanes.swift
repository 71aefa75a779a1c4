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
    /// longer than needed before `projectedOverLuma(by:)`.
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

    init(y: [UInt8], cb: [UInt8], cr: [UInt8], yStride: Int, chromaStride: Int, width: Int, height: Int,
         chromaWidth: Int, chromaHeight: Int, chromaX: Int, chromaY: Int, density: ScanDensity?, source: ImageSourceDescription) {
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
    }

    /// Block means of R, G and B, as ``ScanDecoder/colourSample(_:file:options:)`` gives for a JPEG:
    /// blocks of 8 luma pixels a side (more on very large scans), from the luma on every second row and
    /// the chroma samples under the block, converted to RGB per block (JFIF's equations).
    public func sample() -> ColourSample {
        let side = ColourSample.blockSide(width: (width + 7) / 8, height: (height + 7) / 8, minimum: 1) * 8
        let columns = width / side, rows = height / side
        let chromaSideX = side / chromaX, chromaSideY = side / chromaY
        var sums = [SIMD3<UInt32>](repeating: .zero, count: columns * rows)
        let yStride = self.yStride, chromaStride = self.chromaStride
        // Each plane's lines are added into a row of 16-bit column totals (a loop the compiler
        // vectorises sixteen bytes a step), and each row of totals into its blocks once per row of
        // blocks. At most 256 lines go into a total, and 255 x 256 fits in 16 bits: a JPEG is at most
        // 65,535 pixels a side, which blocks of 256 cut into no more than the sample's 65,536 blocks.
        // Summed block by block, eight bytes at a time, the sample of a 300 dpi scan took 1.2 ms; so,
        // 0.54 (`sample_planes_300dpi_dark_bed`).
        let lumaSpan = columns * side, chromaSpan = columns * chromaSideX
        let totals = UnsafeMutablePointer<UInt16>.allocate(capacity: max(lumaSpan, 2 * chromaSpan, 1))
        defer { totals.deallocate() }
        func add(_ line: UnsafePointer<UInt8>, _ count: Int, into totals: UnsafeMutablePointer<UInt16>) {
            for i in 0..<count { totals[i] &+= UInt16(line[i]) }
        }
        sums.withUnsafeMutableBufferPointer { sums in
            /// Adds the totals, `blockWidth` columns a block, into lane `lane` of the blocks of `row`, and
            /// clears them.
            func flush(_ totals: UnsafeMutablePointer<UInt16>, blockWidth: Int, row: Int, lane: Int) {
                for column in 0..<columns {
                    var sum: UInt32 = 0
                    for i in (column * blockWidth)..<((column + 1) * blockWidth) { sum &+= UInt32(totals[i]) }
                    sums[row * columns + column][lane] &+= sum
                }
                totals.update(repeating: 0, count: columns * blockWidth)
            }
            y.withUnsafeBufferPointer { y in
                cb.withUnsafeBufferPointer { cb in
                    cr.withUnsafeBufferPointer { cr in
                        guard let y = y.baseAddress, let cb = cb.baseAddress, let cr = cr.baseAddress else { return }
                        totals.initialize(repeating: 0, count: max(lumaSpan, 2 * chromaSpan, 1))
                        let red = totals + chromaSpan
                        for row in 0..<rows {
                            for line in Swift.stride(from: row * side, to: (row + 1) * side, by: 2) {
                                add(y + line * yStride, lumaSpan, into: totals)
                            }
                            flush(totals, blockWidth: side, row: row, lane: 0)
                            for line in (row * chromaSideY)..<((row + 1) * chromaSideY) {
                                add(cb + line * chromaStride, chromaSpan, into: totals)
                                add(cr + line * chromaStride, chromaSpan, into: red)
                            }
                            flush(totals, blockWidth: chromaSideX, row: row, lane: 1)
                            flush(red, blockWidth: chromaSideX, row: row, lane: 2)
                        }
                    }
                }
            }
        }
        let lumaCount = Float(side * (side / 2)), chromaCount = Float(chromaSideX * chromaSideY)
        let means = sums.map { sum -> SIMD3<Float> in
            let luma = Float(sum.x) / lumaCount, blue = Float(sum.y) / chromaCount - 128, red = Float(sum.z) / chromaCount - 128
            let rgb = SIMD3(luma + 1.402 * red, luma - 0.344_136 * blue - 0.714_136 * red, luma + 1.772 * blue)
            return rgb.clamped(lowerBound: SIMD3(repeating: 0), upperBound: SIMD3(repeating: 255))
        }
        return ColourSample(columns: columns, rows: rows, blockPixels: side, means: means)
    }

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
    package consuming func projectedOverLuma(by projection: ChannelProjection) -> ScanImage {
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

/// A projection as integer terms on Y, Cb and Cr in fixed point (8 fractional bits): the luma part per
/// pixel, the chroma part per chroma sample, brought to full size by the triangle filter.
struct ProjectionKernel {
    /// `kY`, fixed point, times 16 (the upsampling's weight sum).
    let luma: Int32
    /// Chroma weights and offset, fixed point.
    let blue: Int32, red: Int32, offset: Int32

    static let fraction: Int32 = 8

    init(_ projection: ChannelProjection) {
        let w = projection.weights
        let scale = Float(1 << Self.fraction)
        let kY = w.x + w.y + w.z
        let kB = -0.344_136 * w.y + 1.772 * w.z
        let kR = 1.402 * w.x - 0.714_136 * w.y
        // Weights summing to zero (a pure hue, as the skin's is) leave luma out; tiny float residues too.
        luma = abs(kY) < 1e-5 ? 0 : Int32((kY * scale * 16).rounded())
        blue = Int32((kB * scale).rounded())
        red = Int32((kR * scale).rounded())
        // The offset, and a half for rounding the final shift.
        offset = Int32(((projection.offset + 0.5) * scale).rounded())
    }

    /// `kB (Cb - 128) + kR (Cr - 128) + offset` along one chroma row.
    @inline(__always)
    func chromaTerms(cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>, count: Int, into term: UnsafeMutablePointer<Int32>) {
        let blue = self.blue, red = self.red, offset = self.offset &- 128 &* (self.blue &+ self.red)
        for i in 0..<count { term[i] = blue &* Int32(cb[i]) &+ red &* Int32(cr[i]) &+ offset }
    }

    /// Grey at every luma pixel: the chroma terms brought up to full size (3 parts the nearer sample, 1
    /// part the farther, down and across: 16 in all), plus the luma term. Rows of chroma halved
    /// across go through `halvedRow` (when `vectorised`); the general path's loops are plain
    /// element-wise ones the compiler vectorises. A pure hue (no luma term) goes through
    /// ``projectHue(cb:cr:chromaStride:chromaWidth:chromaHeight:chromaX:chromaY:width:height:into:stride:)``
    /// (when `vectorised`; the general path is its reference).
    func project(y: UnsafePointer<UInt8>, yStride: Int, cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>, chromaStride: Int,
                 chromaWidth: Int, chromaHeight: Int, chromaX: Int, chromaY: Int, width: Int, height: Int,
                 into out: UnsafeMutablePointer<UInt8>, stride: Int, vectorised: Bool = true) {
        guard luma != 0 || !vectorised else {
            projectHue(cb: cb, cr: cr, chromaStride: chromaStride, chromaWidth: chromaWidth, chromaHeight: chromaHeight,
                       chromaX: chromaX, chromaY: chromaY, width: width, height: height, into: out, stride: stride)
            return
        }
        // Three chroma rows of terms (a ring, by row index mod 3), one vertical blend with an edge
        // sample repeated at each end, and one full-width row of upsampled terms.
        let ring = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * chromaWidth)
        let blended = UnsafeMutablePointer<Int32>.allocate(capacity: chromaWidth + 2)
        let wide = UnsafeMutablePointer<Int32>.allocate(capacity: width + 1)
        defer { ring.deallocate(); blended.deallocate(); wide.deallocate() }
        var held = [-1, -1, -1]
        func terms(_ j: Int) -> UnsafeMutablePointer<Int32> {
            let slot = ring + (j % 3) * chromaWidth
            if held[j % 3] != j {
                chromaTerms(cb: cb + j * chromaStride, cr: cr + j * chromaStride, count: chromaWidth, into: slot)
                held[j % 3] = j
            }
            return slot
        }
        let shift = Self.fraction + 4, kY = luma
        for row in 0..<height {
            let j = min(row / chromaY, chromaHeight - 1)
            let near = terms(j)
            if chromaY == 2 {
                let far = terms(row % 2 == 0 ? max(j - 1, 0) : min(j + 1, chromaHeight - 1))
                for i in 0..<chromaWidth { blended[i + 1] = 3 &* near[i] &+ far[i] }
            } else {
                for i in 0..<chromaWidth { blended[i + 1] = 4 &* near[i] }
            }
            blended[0] = blended[1]
            blended[chromaWidth + 1] = blended[chromaWidth]
            let lumaRow = y + row * yStride, outRow = out + row * stride
            #if _endian(little)
            if vectorised && chromaX == 2 {
                halvedRow(blended: blended, chromaWidth: chromaWidth, luma: lumaRow, width: width, into: outRow)
                continue
            }
            #endif
            if chromaX == 2 {
                // Pixel 2i lies a quarter sample left of chroma sample i, pixel 2i + 1 a quarter right.
                for i in 0..<chromaWidth {
                    let centre = 3 &* blended[i + 1]
                    wide[2 * i] = centre &+ blended[i]
                    wide[2 * i + 1] = centre &+ blended[i + 2]
                }
            } else {
                for x in 0..<width { wide[x] = 4 &* blended[x + 1] }
            }
            for x in 0..<width {
                let value = (kY &* Int32(lumaRow[x]) &+ wide[x]) >> shift
                outRow[x] = UInt8(truncatingIfNeeded: min(max(value, 0), 255))
            }
        }
    }

    /// One row of grey where the chroma is halved across (4:2:0 and 4:2:2, nearly every JPEG): pixels
    /// 2i and 2i + 1 are 3 parts chroma sample i and 1 part sample i - 1 or i + 1 (`blended`, which
    /// starts one sample early). Eight samples, sixteen pixels, a step: the even and odd pixels are
    /// worked out as two vectors and stored interleaved as one vector of 16-bit pairs (little-endian:
    /// the even pixel is the low byte), and the luma read the same way; the last pixels one by one.
    /// The same integers as the general path, so the same grey to the bit.
    @inline(__always)
    func halvedRow(blended: UnsafePointer<Int32>, chromaWidth: Int, luma: UnsafePointer<UInt8>, width: Int,
                   into out: UnsafeMutablePointer<UInt8>) {
        let shift = Self.fraction + 4, kY = self.luma
        let terms = UnsafeRawPointer(blended)
        let low = SIMD8<Int32>(repeating: 0), high = SIMD8<Int32>(repeating: 255)
        var i = 0
        while i + 8 <= chromaWidth && 2 * i + 16 <= width {
            let left = terms.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Int32>.self)
            let centre = 3 &* terms.loadUnaligned(fromByteOffset: 4 * (i + 1), as: SIMD8<Int32>.self)
            let right = terms.loadUnaligned(fromByteOffset: 4 * (i + 2), as: SIMD8<Int32>.self)
            let pairs = SIMD8<Int32>(truncatingIfNeeded: UnsafeRawPointer(luma + 2 * i).loadUnaligned(as: SIMD8<UInt16>.self))
            var even = centre &+ left &+ kY &* (pairs & 0xFF), odd = centre &+ right &+ kY &* (pairs &>> 8)
            even = (even &>> Int32(shift)).clamped(lowerBound: low, upperBound: high)
            odd = (odd &>> Int32(shift)).clamped(lowerBound: low, upperBound: high)
            UnsafeMutableRawPointer(out + 2 * i).storeBytes(of: SIMD8<UInt16>(truncatingIfNeeded: even | (odd &<< 8)), as: SIMD8<UInt16>.self)
            i += 8
        }
        for x in (2 * i)..<width {
            let sample = x / 2
            let wide = 3 &* blended[sample + 1] &+ (x % 2 == 0 ? blended[sample] : blended[sample + 2])
            let value = (kY &* Int32(luma[x]) &+ wide) >> shift
            out[x] = UInt8(truncatingIfNeeded: min(max(value, 0), 255))
        }
    }
}
