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

    /// The offset with the chroma's bias of 128 folded in: `kB Cb + kR Cr + chromaOffset` is
    /// `kB (Cb - 128) + kR (Cr - 128) + offset`.
    var chromaOffset: Int32 { offset &- 128 &* (blue &+ red) }

    /// `kB (Cb - 128) + kR (Cr - 128) + offset` along one chroma row.
    @inline(__always)
    func chromaTerms(cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>, count: Int, into term: UnsafeMutablePointer<Int32>) {
        let blue = self.blue, red = self.red, offset = chromaOffset
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
        // Three chroma rows of terms, one vertical blend with an edge sample repeated at each end, and,
        // for the general path only, one full-width row of upsampled terms.
        #if _endian(little)
        let halved = vectorised && chromaX == 2
        #else
        let halved = false
        #endif
        var ring = ChromaRowRing<Int32>(rowLength: chromaWidth)
        let blended = UnsafeMutablePointer<Int32>.allocate(capacity: chromaWidth + 2)
        let wide = UnsafeMutablePointer<Int32>.allocate(capacity: halved ? 0 : width + 1)
        defer { blended.deallocate(); wide.deallocate() }
        func fillTerms(_ j: Int, _ slot: UnsafeMutablePointer<Int32>) {
            chromaTerms(cb: cb + j * chromaStride, cr: cr + j * chromaStride, count: chromaWidth, into: slot)
        }
        let shift = Self.fraction + 4, kY = luma
        for row in 0..<height {
            let j = min(row / chromaY, chromaHeight - 1)
            let near = ring.row(j, fill: fillTerms)
            if chromaY == 2 {
                let far = ring.row(row % 2 == 0 ? max(j - 1, 0) : min(j + 1, chromaHeight - 1), fill: fillTerms)
                for i in 0..<chromaWidth { blended[i + 1] = 3 &* near[i] &+ far[i] }
            } else {
                for i in 0..<chromaWidth { blended[i + 1] = 4 &* near[i] }
            }
            blended[0] = blended[1]
            blended[chromaWidth + 1] = blended[chromaWidth]
            let lumaRow = y + row * yStride, outRow = out + row * stride
            if halved {
                halvedRow(blended: blended, chromaWidth: chromaWidth, luma: lumaRow, width: width, into: outRow)
                continue
            }
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
