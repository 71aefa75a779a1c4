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
    }

    var feet: [Foot] = []

    /// Heel and forefoot of one print: each compact (at most 2.5 times as long as wide), and lying one
    /// behind the other along the pair's long axis (their centres at least 0.3 of its length apart along
    /// it, and less than a quarter of that apart across it).
    static func arePrintHalves(_ a: ForegroundRegion, _ b: ForegroundRegion, merged: ForegroundRegion, separation: Double,
                               sx: Double, sy: Double) -> Bool {
        for part in [a, b] {
            let extents = part.principalExtents(sx: sx, sy: sy)
            guard extents.minor > 0, extents.major / extents.minor <= 2.5 else { return false }
        }
        let m = merged.covariance(sx: sx, sy: sy)
        let angle = 0.5 * atan2(2 * m.xy, m.xx - m.yy)
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
