/// Finds room for label blocks on an overlay: a coarse grid of the cells the feet (and labels already
/// placed) cover, and a search for the free rectangle nearest a wanted point, inside the picture.
struct LabelPlacer {
    /// Grid cell size in pixels.
    let cell: Int
    /// Grid size in cells.
    let columns: Int, rows: Int
    /// Picture size in pixels.
    let width: Int, height: Int
    /// Occupied cells, row by row.
    private(set) var occupied: [Bool]

    /// An empty grid over a `width` x `height` picture with `cell`-pixel cells.
    init(width: Int, height: Int, cell: Int) {
        self.cell = max(1, cell)
        self.width = width
        self.height = height
        columns = max(1, (width + self.cell - 1) / self.cell)
        rows = max(1, (height + self.cell - 1) / self.cell)
        occupied = Array(repeating: false, count: columns * rows)
    }

    /// Marks the inside of a closed polygon (pixel coordinates), grown by `margin` cells.
    mutating func cover(polygon points: [SIMD2<Double>], margin: Int) {
        guard points.count > 2 else { return }
        var filled = Array(repeating: false, count: columns * rows)
        for row in 0..<rows {
            // Crossings of the cell row's centre line with the polygon's edges (even-odd fill).
            let y = (Double(row) + 0.5) * Double(cell)
            var crossings: [Double] = []
            for i in points.indices {
                let a = points[i], b = points[(i + 1) % points.count]
                if (a.y <= y) != (b.y <= y) { crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x)) }
            }
            crossings.sort()
            var k = 0
            while k + 1 < crossings.count {
                let first = max(0, Int((crossings[k] / Double(cell)).rounded(.down)))
                let last = min(columns - 1, Int((crossings[k + 1] / Double(cell)).rounded(.down)))
                if first <= last { for column in first...last { filled[row * columns + column] = true } }
                k += 2
            }
        }
        for row in 0..<rows {
            for column in 0..<columns where filled[row * columns + column] {
                for dy in -margin...margin {
                    for dx in -margin...margin {
                        let r = row + dy, c = column + dx
                        if r >= 0, c >= 0, r < rows, c < columns { occupied[r * columns + c] = true }
                    }
                }
            }
        }
    }

    /// Marks a rectangle (pixels).
    mutating func cover(x: Int, y: Int, width w: Int, height h: Int) {
        let c0 = max(0, x / cell), r0 = max(0, y / cell)
        let c1 = min(columns - 1, (x + w - 1) / cell), r1 = min(rows - 1, (y + h - 1) / cell)
        guard c0 <= c1, r0 <= r1 else { return }
        for r in r0...r1 { for c in c0...c1 { occupied[r * columns + c] = true } }
    }

    /// The top-left corner (pixels) of the free `w` x `h` rectangle inside the picture whose centre is
    /// nearest `target` and nearer `target` than every point of `others` (other feet, so a label is not
    /// read as theirs), or nil when no free place is big enough.
    func place(width w: Int, height h: Int, near target: SIMD2<Double>, closerThan others: [SIMD2<Double>] = []) -> (x: Int, y: Int)? {
        let spanC = (w + cell - 1) / cell, spanR = (h + cell - 1) / cell
        guard spanC <= columns, spanR <= rows, w <= width, h <= height else { return nil }
        // A summed-area table answers "is this block free?" in constant time.
        var sums = Array(repeating: 0, count: (columns + 1) * (rows + 1))
        for r in 0..<rows {
            var line = 0
            for c in 0..<columns {
                line += occupied[r * columns + c] ? 1 : 0
                sums[(r + 1) * (columns + 1) + c + 1] = sums[r * (columns + 1) + c + 1] + line
            }
        }
        func taken(_ c: Int, _ r: Int) -> Int {
            sums[(r + spanR) * (columns + 1) + c + spanC] - sums[r * (columns + 1) + c + spanC]
                - sums[(r + spanR) * (columns + 1) + c] + sums[r * (columns + 1) + c]
        }
        var best: (x: Int, y: Int)?
        var bestDistance = Double.infinity
        let lastC = min(columns - spanC, (width - w) / cell), lastR = min(rows - spanR, (height - h) / cell)
        guard lastC >= 0, lastR >= 0 else { return nil }
        for r in 0...lastR {
            for c in 0...lastC where taken(c, r) == 0 {
                let centre = SIMD2(Double(c * cell) + Double(w) / 2, Double(r * cell) + Double(h) / 2)
                let d = centre - target
                let distance = (d * d).sum()
                if distance < bestDistance && others.allSatisfy({ ((centre - $0) * (centre - $0)).sum() > distance }) {
                    bestDistance = distance
                    best = (c * cell, r * cell)
                }
            }
        }
        return best
    }
}
