/// The colour sample of a YCbCr JPEG's planes (``YCbCrPlanes/sample()``), summed while the decoder
/// delivers them: each row of blocks as soon as its rows are decoded, while they are still in the
/// cache. Summed afterwards, the sample re-read 8 MB of planes that had left it (half its time was
/// spent waiting on the luma's loads): on a 300 dpi dark-bed scan the decode for measuring took 19.6
/// ms so at the fastest, 18.3 summed here (`footscan bench`, ten runs of 21 each way, in turns).
///
/// Blocks are `side` luma pixels a side (8, more on very large scans, as ``ColourSample`` keeps its
/// grid); each block's luma from every second row, its chroma from every sample under it.
struct PlaneSampler: ~Copyable {
    /// Block side in luma pixels, and in chroma samples across and down.
    let side: Int, chromaSideX: Int, chromaSideY: Int
    /// Blocks across and down.
    let columns: Int, rows: Int
    /// Row lengths of the luma buffer and of each chroma buffer.
    let yStride: Int, chromaStride: Int
    /// A row of 16-bit column totals for luma, or for blue then red chroma; cleared after each flush.
    private let totals: UnsafeMutablePointer<UInt16>
    /// Each block's sums of luma, blue and red.
    private var sums: [SIMD3<UInt32>]
    /// Rows of blocks summed so far.
    private var summedRows = 0

    /// A sampler for planes of `width` x `height` luma samples, chroma halved `chromaX` across and
    /// `chromaY` down (1 or 2).
    init(width: Int, height: Int, chromaX: Int, chromaY: Int, yStride: Int, chromaStride: Int) {
        side = ColourSample.blockSide(width: (width + 7) / 8, height: (height + 7) / 8, minimum: 1) * 8
        columns = width / side
        rows = height / side
        chromaSideX = side / chromaX
        chromaSideY = side / chromaY
        self.yStride = yStride
        self.chromaStride = chromaStride
        sums = [SIMD3<UInt32>](repeating: .zero, count: columns * rows)
        // At most 256 lines go into a total, and 255 x 256 fits in 16 bits: a JPEG is at most 65,535
        // pixels a side, which blocks of 256 cut into no more than the sample's 65,536 blocks.
        let totalsCount = max(columns * side, 2 * columns * chromaSideX, 1)
        totals = .allocate(capacity: totalsCount)
        totals.initialize(repeating: 0, count: totalsCount)
    }

    deinit { totals.deallocate() }

    /// Sums every row of blocks whose luma rows lie within the first `lumaRows` (and so whose chroma rows
    /// lie within the chroma delivered with them).
    mutating func add(lumaRows: Int, y: UnsafePointer<UInt8>, cb: UnsafePointer<UInt8>, cr: UnsafePointer<UInt8>) {
        // Each plane's lines are added into a row of 16-bit column totals (a loop the compiler vectorises
        // sixteen bytes a step), and each row of totals into its blocks once per row of blocks.
        let lumaSpan = columns * side, chromaSpan = columns * chromaSideX
        let totals = self.totals, red = totals + chromaSpan
        func add(_ line: UnsafePointer<UInt8>, _ count: Int, into totals: UnsafeMutablePointer<UInt16>) {
            for i in 0..<count { totals[i] &+= UInt16(line[i]) }
        }
        while summedRows < rows && (summedRows + 1) * side <= lumaRows {
            let row = summedRows
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
            summedRows += 1
        }
    }

    /// Adds the totals, `blockWidth` columns a block, into lane `lane` of the blocks of `row`, and clears
    /// them.
    private mutating func flush(_ totals: UnsafeMutablePointer<UInt16>, blockWidth: Int, row: Int, lane: Int) {
        let columns = self.columns
        sums.withUnsafeMutableBufferPointer { sums in
            for column in 0..<columns {
                var sum: UInt32 = 0
                for i in (column * blockWidth)..<((column + 1) * blockWidth) { sum &+= UInt32(totals[i]) }
                sums[row * columns + column][lane] &+= sum
            }
        }
        totals.update(repeating: 0, count: columns * blockWidth)
    }

    /// The block means of R, G and B, converted per block from the luma and chroma means (JFIF's
    /// equations). Called once every row is delivered.
    consuming func finish() -> ColourSample {
        let lumaCount = Float(side * (side / 2)), chromaCount = Float(chromaSideX * chromaSideY)
        let means = sums.map { sum -> SIMD3<Float> in
            let luma = Float(sum.x) / lumaCount, blue = Float(sum.y) / chromaCount - 128, red = Float(sum.z) / chromaCount - 128
            let rgb = SIMD3(luma + 1.402 * red, luma - 0.344_136 * blue - 0.714_136 * red, luma + 1.772 * blue)
            return rgb.clamped(lowerBound: SIMD3(repeating: 0), upperBound: SIMD3(repeating: 255))
        }
        return ColourSample(columns: columns, rows: rows, blockPixels: side, means: means)
    }
}
