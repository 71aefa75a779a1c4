#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected region of foreground pixels (8-connected), summarised from its runs.
struct ForegroundRegion: Sendable {
    /// Index of its first run in raster order (its topmost row, leftmost run there).
    var firstRun: Int
    /// Pixel count.
    var area: Double = 0
    var sumX: Double = 0
    var sumY: Double = 0
    var sumXX: Double = 0
    var sumYY: Double = 0
    var sumXY: Double = 0
    var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
    /// The first pixel added (in raster order, the top-left pixel of the region's topmost row).
    var firstPixel: (x: Int, y: Int)?

    mutating func add(_ run: ForegroundRun) {
        if firstPixel == nil { firstPixel = (Int(run.start), Int(run.row)) }
        let n = Double(run.end - run.start)
        let a = Double(run.start), b = Double(run.end - 1)
        let y = Double(run.row)
        let sumOfX = (a + b) * n / 2
        // Sum of x^2 for x in a...b.
        let sxx = (b * (b + 1) * (2 * b + 1) - (a - 1) * a * (2 * a - 1)) / 6
        area += n
        sumX += sumOfX
        sumY += y * n
        sumXX += sxx
        sumYY += y * y * n
        sumXY += y * sumOfX
        minX = min(minX, Int(run.start))
        maxX = max(maxX, Int(run.end) - 1)
        minY = min(minY, Int(run.row))
        maxY = max(maxY, Int(run.row))
    }

    /// The union of two regions' summaries (for a print whose heel and forefoot do not touch).
    static func + (a: ForegroundRegion, b: ForegroundRegion) -> ForegroundRegion {
        var merged = a
        merged.firstRun = min(a.firstRun, b.firstRun)
        merged.area += b.area
        merged.sumX += b.sumX
        merged.sumY += b.sumY
        merged.sumXX += b.sumXX
        merged.sumYY += b.sumYY
        merged.sumXY += b.sumXY
        merged.minX = min(a.minX, b.minX)
        merged.maxX = max(a.maxX, b.maxX)
        merged.minY = min(a.minY, b.minY)
        merged.maxY = max(a.maxY, b.maxY)
        merged.firstPixel = a.firstRun <= b.firstRun ? a.firstPixel : b.firstPixel
        return merged
    }

    /// Centroid in pixels.
    var centroid: (x: Double, y: Double) { (sumX / area, sumY / area) }

    /// The second central moments in millimetres squared, for pixels `mmPerPixelX` by `mmPerPixelY` mm.
    func covariance(mmPerPixelX: Double, mmPerPixelY: Double) -> (xx: Double, yy: Double, xy: Double) {
        let c = centroid
        return ((sumXX / area - c.x * c.x) * mmPerPixelX * mmPerPixelX, (sumYY / area - c.y * c.y) * mmPerPixelY * mmPerPixelY,
                (sumXY / area - c.x * c.y) * mmPerPixelX * mmPerPixelY)
    }

    /// The direction of the principal (long) axis, radians, for pixels `mmPerPixelX` by `mmPerPixelY` mm.
    func principalAngle(mmPerPixelX: Double, mmPerPixelY: Double) -> Double {
        let m = covariance(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        return 0.5 * atan2(2 * m.xy, m.xx - m.yy)
    }

    /// Lengths along the principal axes of a uniform ellipse with these moments, in millimetres.
    func principalExtents(mmPerPixelX: Double, mmPerPixelY: Double) -> (major: Double, minor: Double) {
        let m = covariance(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        let mean = (m.xx + m.yy) / 2
        let spread = (((m.xx - m.yy) / 2) * ((m.xx - m.yy) / 2) + m.xy * m.xy).squareRoot()
        return (4 * max(mean + spread, 0).squareRoot(), 4 * max(mean - spread, 0).squareRoot())
    }
}

/// Splits the foreground runs into 8-connected regions (union-find over runs of neighbouring rows).
enum RegionLabeler {
    /// The regions, and for each run the index of its region.
    static func regions(of runs: [ForegroundRun], rowStarts: [Int]) -> (regions: [ForegroundRegion], labels: [Int32]) {
        let (labels, count) = labels(of: runs, rowStarts: rowStarts)
        var regions: [ForegroundRegion] = []
        regions.reserveCapacity(count)
        for (index, run) in runs.enumerated() {
            let slot = Int(labels[index])
            if slot == regions.count { regions.append(ForegroundRegion(firstRun: index)) }
            regions[slot].add(run)
        }
        return (regions, labels)
    }

    /// Where each row's runs start in a raster-ordered sequence whose rows are `rows`:
    /// `starts[y]..<starts[y + 1]` are the positions of row y's, for y in `0..<height`.
    static func rowStarts(ofRows rows: some Sequence<Int32>, height: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: height + 1)
        for (k, row) in rows.enumerated() { starts[Int(row) + 1] = k + 1 }
        // Rows without runs start where the previous row ended.
        for y in stride(from: 1, through: height, by: 1) where starts[y] < starts[y - 1] { starts[y] = starts[y - 1] }
        return starts
    }

    /// For each run the index of its region, regions numbered in order of their first run, and the
    /// number of regions.
    static func labels(of runs: [ForegroundRun], rowStarts: [Int]) -> (labels: [Int32], count: Int) {
        guard !runs.isEmpty else { return ([], 0) }
        var parent = [Int32](unsafeUninitializedCapacity: runs.count) { buffer, initialised in
            for i in 0..<runs.count { buffer[i] = Int32(i) }
            initialised = runs.count
        }
        var labels = [Int32](repeating: -1, count: runs.count)
        var count: Int32 = 0
        runs.withUnsafeBufferPointer { runs in
            parent.withUnsafeMutableBufferPointer { parent in
                @inline(__always) func find(_ i: Int32) -> Int32 {
                    var i = i
                    while parent[Int(i)] != i {
                        parent[Int(i)] = parent[Int(parent[Int(i)])]
                        i = parent[Int(i)]
                    }
                    return i
                }
                // rowStarts[y] ..< rowStarts[y + 1] are the runs of row y.
                for y in 1..<(rowStarts.count - 1) {
                    var i = rowStarts[y - 1], j = rowStarts[y]
                    let iEnd = rowStarts[y], jEnd = rowStarts[y + 1]
                    while i < iEnd && j < jEnd {
                        let above = runs[i], below = runs[j]
                        if above.start <= below.end && below.start <= above.end {
                            let ra = find(Int32(i)), rb = find(Int32(j))
                            if ra != rb { if ra < rb { parent[Int(rb)] = ra } else { parent[Int(ra)] = rb } }
                        }
                        if above.end < below.end { i += 1 } else { j += 1 }
                    }
                }
                // A root is its region's first run, so regions are numbered in order of their first run.
                labels.withUnsafeMutableBufferPointer { labels in
                    for index in 0..<runs.count {
                        let root = Int(find(Int32(index)))
                        if labels[root] < 0 {
                            labels[root] = count
                            count += 1
                        }
                        labels[index] = labels[root]
                    }
                }
            }
        }
        return (labels, Int(count))
    }
}
