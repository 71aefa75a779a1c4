extension Foreground {
    /// The foreground's boundary length per unit of its area, 1/mm: about 0.03 for a sole or a solid
    /// print (an outline of 700 mm around 20,000 mm²), well over 1 for a print made of ridges, dots or a
    /// grid of ink lines, whose every stripe and line has edges of its own. One pass over the runs: two
    /// vertical edges per run, and the horizontal edges between two rows as the size of the difference
    /// of their runs.
    func boundaryPerArea(mmPerPixelX: Double, mmPerPixelY: Double) -> Double {
        var area = 0, vertical = 0, horizontal = 0
        let rows = rowStarts.count - 1
        guard rows > 0 else { return 0 }
        for y in 0..<rows {
            var overlap = 0
            var i = rowStarts[y]
            let end = rowStarts[y + 1]
            var own = 0
            while i < end {
                own += Int(runs[i].end - runs[i].start)
                i += 1
            }
            area += own
            vertical += 2 * (end - rowStarts[y])
            guard y + 1 < rows else { horizontal += own; continue }
            // Overlap of this row's runs with the next row's (both sorted): a merge.
            var a = rowStarts[y], b = rowStarts[y + 1]
            let aEnd = end, bEnd = rowStarts[y + 2]
            var below = 0
            for r in b..<bEnd { below += Int(runs[r].end - runs[r].start) }
            while a < aEnd && b < bEnd {
                let low = max(runs[a].start, runs[b].start), high = min(runs[a].end, runs[b].end)
                if high > low { overlap += Int(high - low) }
                if runs[a].end < runs[b].end { a += 1 } else { b += 1 }
            }
            horizontal += own + below - 2 * overlap
            if y == 0 { horizontal += own }
        }
        guard area > 0 else { return 0 }
        return (Double(vertical) * mmPerPixelY + Double(horizontal) * mmPerPixelX) / (Double(area) * mmPerPixelX * mmPerPixelY)
    }
}
