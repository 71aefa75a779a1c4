extension ProjectionKernel {
    /// Grey at every luma pixel for a pure hue (no luma term: weights summing to zero, as the skin's hue
    /// has): the grey at each chroma sample to a sixteenth of a level, kept within 0...255, then brought
    /// up to full size by the triangle filter (3 parts the nearer sample, 1 part the farther, down and
    /// across: 16 in all) in 16-bit lanes. Worked on 32-bit terms and clamped per pixel, as
    /// ``project(y:yStride:cb:cr:chromaStride:chromaWidth:chromaHeight:chromaX:chromaY:width:height:into:stride:vectorised:)``
    /// does with luma, a 300 dpi scan's pass took 4.4 ms, against 2.5 (`project_skin_hue_300dpi_dark_bed`:
    /// four 32-bit vectors a step against one of 16-bit lanes). The two differ by a level where the
    /// sixteenths' rounding tips a pixel over, with no direction (rounded to whole levels first, pixels
    /// came out 0.03 of a level brighter on average: a half rounded up twice), and by more only next to
    /// a sample beyond 0...255, which is clamped here before it is brought up. Rows of chroma halved
    /// across go sixteen pixels a step, the last pixels one by one.
    func projectHue(cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>, chromaStride: Int, chromaWidth: Int, chromaHeight: Int,
                    chromaX: Int, chromaY: Int, width: Int, height: Int, into out: UnsafeMutablePointer<UInt8>, stride: Int) {
        // Three chroma rows' levels, in sixteenths, each with its edge sample repeated at both ends: the
        // terms carry the final rounding's half, and 16 x 4095 still fits 16 bits. A plane of levels,
        // tried, cost more than it saved: its pages are new memory each time.
        let rowLength = chromaWidth + 2
        var ring = ChromaRowRing<UInt16>(rowLength: rowLength)
        let narrow = hasNarrowChromaWeights
        // 32-bit terms only where the weights are too wide for 16-bit lanes.
        let terms = UnsafeMutablePointer<Int32>.allocate(capacity: narrow ? 0 : chromaWidth)
        let blended = UnsafeMutablePointer<UInt16>.allocate(capacity: rowLength)
        defer { terms.deallocate(); blended.deallocate() }
        func fillLevels(_ j: Int, _ row: UnsafeMutablePointer<UInt16>) {
            hueLevels(cb: cb + j * chromaStride, cr: cr + j * chromaStride, count: chromaWidth, into: row + 1, terms: terms, narrow: narrow)
            row[0] = row[1]
            row[chromaWidth + 1] = row[chromaWidth]
        }
        for r in 0..<height {
            let j = min(r / chromaY, chromaHeight - 1)
            let near = ring.row(j, fill: fillLevels)
            if chromaY == 2 {
                let far = ring.row(r % 2 == 0 ? max(j - 1, 0) : min(j + 1, chromaHeight - 1), fill: fillLevels)
                for i in 0..<rowLength { blended[i] = 3 &* near[i] &+ far[i] }
            } else {
                for i in 0..<rowLength { blended[i] = 4 &* near[i] }
            }
            let outRow = out + r * stride
            guard chromaX == 2 else {
                for x in 0..<width { outRow[x] = UInt8(truncatingIfNeeded: (4 &* blended[x + 1]) &>> 8) }
                continue
            }
            // Pixel 2i lies a quarter sample left of chroma sample i, pixel 2i + 1 a quarter right.
            var i = 0
            #if _endian(little)
            // Eight samples, sixteen pixels, a step: the even and odd pixels as two vectors, stored
            // interleaved as one vector of 16-bit pairs (the even pixel the low byte).
            let lanes = UnsafeRawPointer(blended)
            while i + 8 <= chromaWidth && 2 * i + 16 <= width {
                let left = lanes.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<UInt16>.self)
                let centre = 3 &* lanes.loadUnaligned(fromByteOffset: 2 * (i + 1), as: SIMD8<UInt16>.self)
                let right = lanes.loadUnaligned(fromByteOffset: 2 * (i + 2), as: SIMD8<UInt16>.self)
                let even = (centre &+ left) &>> 8, odd = (centre &+ right) &>> 8
                UnsafeMutableRawPointer(outRow + 2 * i).storeBytes(of: even | (odd &<< 8), as: SIMD8<UInt16>.self)
                i += 8
            }
            #endif
            for x in (2 * i)..<width {
                let sample = x / 2
                let value = 3 &* blended[sample + 1] &+ (x % 2 == 0 ? blended[sample] : blended[sample + 2])
                outRow[x] = UInt8(truncatingIfNeeded: value &>> 8)
            }
        }
    }

    /// Whether both chroma weights fit in 16 bits (a skin hue's are a few thousand: 128 levels over a
    /// hue strength of at least 15, in fixed point).
    var hasNarrowChromaWeights: Bool {
        let narrow = Int32(Int16.min)...Int32(Int16.max)
        return narrow.contains(blue) && narrow.contains(red)
    }

    /// A pure hue's grey along one chroma row, in sixteenths of a level (the final rounding's half
    /// included) within 0...4095. With `narrow` weights (``hasNarrowChromaWeights``) the products are
    /// worked out in one pass the compiler multiplies eight 16-bit lanes a step in; otherwise through
    /// `terms` (`count` 32-bit terms), whose products take two multiplies and shuffles per four lanes:
    /// a 300 dpi scan's pass took 2.2 ms so, 1.55 this way. The same levels either way.
    @inline(__always)
    func hueLevels(cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>, count: Int, into levels: UnsafeMutablePointer<UInt16>,
                   terms: UnsafeMutablePointer<Int32>, narrow: Bool) {
        let shift = Self.fraction - 4
        guard narrow else {
            chromaTerms(cb: cb, cr: cr, count: count, into: terms)
            for i in 0..<count { levels[i] = UInt16(truncatingIfNeeded: min(max((terms[i] &+ 8) &>> shift, 0), 4095)) }
            return
        }
        let blue = Int32(Int16(truncatingIfNeeded: self.blue)), red = Int32(Int16(truncatingIfNeeded: self.red))
        let offset = chromaOffset &+ 8
        for i in 0..<count {
            let term = blue &* Int32(cb[i]) &+ red &* Int32(cr[i]) &+ offset
            levels[i] = UInt16(truncatingIfNeeded: min(max(term &>> shift, 0), 4095))
        }
    }
}
