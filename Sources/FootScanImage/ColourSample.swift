/// A colour image in brief: the mean red, green and blue of square blocks laid edge to edge over the
/// image (a block grid of at most 65,536 blocks; a partial block at the right or bottom is left out).
/// Enough to tell which colours the foot and the bed have, without holding the colour image.
public struct ColourSample: Sendable {
    /// Blocks across and down.
    public let columns: Int
    public let rows: Int
    /// A block's side in the stored image's pixels.
    public let blockPixels: Int
    /// Mean RGB (0...255) of each block, row by row.
    public let means: [SIMD3<Float>]

    /// Creates a sample from block means.
    public init(columns: Int, rows: Int, blockPixels: Int, means: [SIMD3<Float>]) {
        self.columns = columns
        self.rows = rows
        self.blockPixels = blockPixels
        self.means = means
    }

    /// The largest block grid kept.
    static let maximumBlocks = 65_536

    /// The side of a block, in pixels of a `width` x `height` image, that keeps the grid within the limit
    /// and at least `minimum` pixels.
    static func blockSide(width: Int, height: Int, minimum: Int) -> Int {
        var side = max(1, minimum)
        while (width / side) * (height / side) > maximumBlocks { side += minimum }
        return side
    }
}

/// Sums RGB rows into block means.
struct ColourSampleBuilder {
    let width: Int
    let side: Int
    let columns: Int
    let rows: Int
    let scale: Int
    private var sums: [SIMD3<Float>]
    private var rowInBlock = 0
    private(set) var means: [SIMD3<Float>] = []

    /// For an image `width` x `height` of rows delivered at `scale` (each delivered pixel the mean of
    /// scale x scale stored pixels), with blocks of `side` delivered pixels.
    init(width: Int, height: Int, side: Int, scale: Int) {
        self.width = width
        self.side = side
        self.scale = scale
        columns = width / side
        rows = height / side
        sums = [SIMD3<Float>](repeating: .zero, count: columns)
        means.reserveCapacity(columns * rows)
    }

    /// Adds one packed RGB row.
    mutating func add(row: UnsafePointer<UInt8>) {
        guard means.count < columns * rows else { return }
        for column in 0..<columns {
            var sum = SIMD3<Float>.zero
            for x in (column * side)..<((column + 1) * side) {
                sum += SIMD3(Float(row[3 * x]), Float(row[3 * x + 1]), Float(row[3 * x + 2]))
            }
            sums[column] += sum
        }
        rowInBlock += 1
        if rowInBlock == side {
            let count = Float(side * side)
            for column in 0..<columns { means.append(sums[column] / count) }
            for column in 0..<columns { sums[column] = .zero }
            rowInBlock = 0
        }
    }

    var sample: ColourSample {
        ColourSample(columns: columns, rows: rows, blockPixels: side * scale, means: means)
    }
}
