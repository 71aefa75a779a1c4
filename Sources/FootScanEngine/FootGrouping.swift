#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Groups foreground regions into feet.
///
/// - A region of foot size and shape is a foot (a sole, or a print whose midfoot touches).
/// - Two large regions that are not feet on their own, but together are, and that lie one behind the
///   other as heel and forefoot of a print whose arch does not touch, become one foot; nearer pairs first.
/// - Small compact regions (12 to 1,200 mm², at most 3 times as long as wide, at most 45 mm long) are
///   toe pads of the foot whose outline lies nearest, when that is within 40 mm.
/// Everything else (specks, a card, a ruler, a light band along the bed) is left out.
struct FootGrouping {
    struct Foot {
        var parts: [Int]
        var pads: [Int] = []
        var summary: ForegroundRegion
        /// For one of two touching feet: the half-plane of its region that is this foot.
        var clip: HalfPlane?
    }

    /// The pixels (x, y) with `(x - cx) * nx + (y - cy) * ny` of the sign `keep` (in pixel units).
    struct HalfPlane: Sendable {
        let cx: Double, cy: Double, nx: Double, ny: Double, keep: Double

        func contains(_ x: Int, _ y: Int) -> Bool { ((Double(x) - cx) * nx + (Double(y) - cy) * ny) * keep >= 0 }
    }

    var feet: [Foot] = []

    /// Cuts a region in two along the straight line that crosses the fewest foreground pixels: where two
    /// touching feet meet. Lines of every direction within 40 mm of the region's centre are tried (2° and
    /// 2 mm steps, then refined); each side must keep at least a third of the area.
    /// Returns the two halves as feet, or nil when no line does.
    static func splitTouching(_ index: Int, regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32],
                              sx: Double, sy: Double) -> (Foot, Foot)? {
        let region = regions[index]
        let principal = region.principalAngle(sx: sx, sy: sy)
        let c = region.centroid
        let own = runs.indices.filter { Int(labels[$0]) == index }
        // A line in pixel units: (x - cx) nx + (y - cy) ny = offset, with n a unit normal in millimetres
        // scaled to pixels; offset in millimetres.
        // The cut's cost: foreground pixels within half a pixel of the line (about its length through the
        // foot); and the area on its negative side.
        let halfPixel = 0.5 * max(sx, sy)
        func score(angle: Double, offset: Double) -> (crossings: Int, left: Double) {
            let nx = -sin(angle) * sx, ny = cos(angle) * sy
            var crossings = 0
            var left = 0.0
            for r in own {
                let run = runs[r]
                let start = Double(run.start), last = Double(run.end - 1)
                let v0 = (Double(run.row) - c.y) * ny - c.x * nx - offset // v(x) = v0 + x nx
                if abs(nx) < 1e-12 {
                    if abs(v0) <= halfPixel { crossings += Int(run.end - run.start) }
                    if v0 < 0 { left += last - start + 1 }
                    continue
                }
                let a = (-halfPixel - v0) / nx, b = (halfPixel - v0) / nx
                let low = max(min(a, b), start), high = min(max(a, b), last)
                if high >= low { crossings += Int(high.rounded(.down) - low.rounded(.up)) + 1 }
                // Pixels with v < 0.
                let zero = -v0 / nx
                if nx > 0 { left += max(0, min(last, zero.rounded(.up) - 1) - start + 1) } else { left += max(0, last - max(start, zero.rounded(.down) + 1) + 1) }
            }
            return (crossings, left)
        }
        var best: (angle: Double, offset: Double, crossings: Int)?
        func consider(_ angle: Double, _ offset: Double) {
            let result = score(angle: angle, offset: offset)
            guard result.left >= region.area / 3, region.area - result.left >= region.area / 3 else { return }
            if result.crossings < (best?.crossings ?? Int.max) { best = (angle, offset, result.crossings) }
        }
        for degrees in stride(from: 0.0, to: 180.0, by: 2) {
            for offset in stride(from: -40.0, through: 40.0, by: 2) { consider(principal + degrees * Double.pi / 180, offset) }
        }
        guard let coarse = best else { return nil }
        for degrees in stride(from: -2.0, through: 2.0, by: 0.25) {
            for offset in stride(from: -2.0, through: 2.0, by: 0.25) {
                consider(coarse.angle + degrees * Double.pi / 180, coarse.offset + offset)
            }
        }
        guard let cut = best else { return nil }
        let nx = -sin(cut.angle) * sx, ny = cos(cut.angle) * sy
        // The line through the point of the centre's normal at the offset, in pixels.
        let norm2 = nx * nx + ny * ny
        let cx = c.x + nx * cut.offset / norm2, cy = c.y + ny * cut.offset / norm2
        var halves: [Foot] = []
        for keep in [1.0, -1.0] {
            let plane = HalfPlane(cx: cx, cy: cy, nx: nx, ny: ny, keep: keep)
            var summary: ForegroundRegion?
            for r in own {
                let run = runs[r]
                var start = Int(run.start), end = Int(run.end)
                while start < end && !plane.contains(start, Int(run.row)) { start += 1 }
                while end > start && !plane.contains(end - 1, Int(run.row)) { end -= 1 }
                guard end > start else { continue }
                if summary == nil { summary = ForegroundRegion(firstRun: r) }
                summary?.add(ForegroundRun(row: run.row, start: Int32(start), end: Int32(end)))
            }
            guard let summary else { return nil }
            halves.append(Foot(parts: [index], summary: summary, clip: plane))
        }
        return (halves[0], halves[1])
    }

    /// Heel and forefoot of one print: each compact (at most 2.5 times as long as wide), and lying one
    /// behind the other along the pair's long axis (their centres at least 0.3 of its length apart along
    /// it, and less than a quarter of that apart across it).
    static func arePrintHalves(_ a: ForegroundRegion, _ b: ForegroundRegion, merged: ForegroundRegion, separation: Double,
                               sx: Double, sy: Double) -> Bool {
        for part in [a, b] {
            let extents = part.principalExtents(sx: sx, sy: sy)
            guard extents.minor > 0, extents.major / extents.minor <= 2.5 else { return false }
        }
        let angle = merged.principalAngle(sx: sx, sy: sy)
        let axis = (x: cos(angle), y: sin(angle))
        let d = (x: (a.centroid.x - b.centroid.x) * sx, y: (a.centroid.y - b.centroid.y) * sy)
        let along = abs(d.x * axis.x + d.y * axis.y), across = abs(-d.x * axis.y + d.y * axis.x)
        let length = merged.principalExtents(sx: sx, sy: sy).major
        return separation > 0 && along >= 0.3 * length && across <= 0.25 * along
    }

    init(regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32], sx: Double, sy: Double, scanner: FootScanner) {
        let pixelArea = sx * sy
        let large = regions.indices.filter { regions[$0].area * pixelArea >= 1_200 }
        var used = Set<Int>()
        for index in large where scanner.isFootLike(regions[index], sx: sx, sy: sy) {
            feet.append(Foot(parts: [index], summary: regions[index]))
            used.insert(index)
        }
        let rest = large.filter { !used.contains($0) }
        var pairs: [(Int, Int, Double)] = []
        for (n, i) in rest.enumerated() {
            for j in rest[(n + 1)...] {
                let a = regions[i].centroid, b = regions[j].centroid
                let distance = (((a.x - b.x) * sx) * ((a.x - b.x) * sx) + ((a.y - b.y) * sy) * ((a.y - b.y) * sy)).squareRoot()
                pairs.append((i, j, distance))
            }
        }
        for (i, j, separation) in pairs.sorted(by: { $0.2 < $1.2 }) where !used.contains(i) && !used.contains(j) {
            let merged = regions[i] + regions[j]
            if scanner.isFootLike(merged, sx: sx, sy: sy) && FootGrouping.arePrintHalves(regions[i], regions[j], merged: merged,
                                                                                          separation: separation, sx: sx, sy: sy) {
                feet.append(Foot(parts: [i, j].sorted { regions[$0].area > regions[$1].area }, summary: merged))
                used.insert(i)
                used.insert(j)
            }
        }
        // Two feet that touch: a large region that is not one foot, cut where the two are narrowest along
        // a line parallel to its long axis, when each side is a foot.
        for index in large where !used.contains(index) {
            let region = regions[index]
            let area = region.area * pixelArea
            guard area >= 2 * 2_500, area <= 2 * FootScanner.footArea.upperBound,
                  let halves = FootGrouping.splitTouching(index, regions: regions, runs: runs, labels: labels, sx: sx, sy: sy),
                  scanner.isFootLike(halves.0.summary, sx: sx, sy: sy), scanner.isFootLike(halves.1.summary, sx: sx, sy: sy) else { continue }
            feet.append(halves.0)
            feet.append(halves.1)
            used.insert(index)
        }
        // Toe pads: compact small regions, each to the foot whose runs come nearest its centre.
        var pads: [Int] = []
        for index in regions.indices where !used.contains(index) {
            let region = regions[index]
            let area = region.area * pixelArea
            guard (12..<1_200).contains(area) else { continue }
            let extents = region.principalExtents(sx: sx, sy: sy)
            guard extents.minor > 0, extents.major / extents.minor <= 3, extents.major <= 45 else { continue }
            pads.append(index)
        }
        if !pads.isEmpty && !feet.isEmpty {
            var footOfRegion = [Int: Int]()
            for (n, foot) in feet.enumerated() { for part in foot.parts { footOfRegion[part] = n } }
            var nearest = [(distance: Double, foot: Int)](repeating: (.infinity, -1), count: pads.count)
            for (runIndex, run) in runs.enumerated() {
                guard let foot = footOfRegion[Int(labels[runIndex])] else { continue }
                let y = Double(run.row), x0 = Double(run.start), x1 = Double(run.end - 1)
                for (p, pad) in pads.enumerated() {
                    let c = regions[pad].centroid
                    let dx = max(x0 - c.x, 0, c.x - x1) * sx, dy = (y - c.y) * sy
                    let distance = (dx * dx + dy * dy).squareRoot()
                    if distance < nearest[p].distance { nearest[p] = (distance, foot) }
                }
            }
            for (p, pad) in pads.enumerated() where nearest[p].foot >= 0 && nearest[p].distance <= 40 {
                feet[nearest[p].foot].pads.append(pad)
            }
        }
        for n in feet.indices {
            feet[n].summary = feet[n].pads.reduce(feet[n].summary) { $0 + regions[$1] }
        }
        feet.sort { $0.summary.centroid.x < $1.summary.centroid.x }
    }
}
