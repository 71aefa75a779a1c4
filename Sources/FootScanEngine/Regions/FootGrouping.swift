#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootScanImage

/// Groups foreground regions into feet.
///
/// - A region of foot size and shape is a foot (a sole, or a print whose midfoot touches).
/// - Heels and forefeet of prints whose arch does not touch are paired first (``PrintHalves``): two
///   compact large regions that lie one behind the other and have toe pads ahead of the forefoot become
///   one foot, even when the forefoot alone would pass for a foot.
/// - Small compact regions (12 to 1,200 mm², at most 3 times as long as wide, at most 45 mm long) are
///   toe pads of the foot whose outline lies nearest, when that is within 40 mm.
/// Everything else (specks, a card, a ruler, a light band along the bed) is left out.
struct FootGrouping {
    struct Foot {
        var parts: [Int]
        var pads: [Int] = []
        var summary: ForegroundRegion
        /// For one of two touching feet: the wall that parts it from the other.
        var wall: TouchingFeet.Wall?
    }

    var feet: [Foot] = []

    /// Whether a foot-like region may be two touching feet: its extent along its principal axis exceeds
    /// 320 mm (longer than any foot), or its extent across is more than 0.45 of that (wider than any foot
    /// for its length). Exact extents of the runs' ends, one pass over the region's runs.
    static func mayBeTwoFeet(_ index: Int, regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32],
                             sx: Double, sy: Double) -> Bool {
        let angle = regions[index].principalAngle(sx: sx, sy: sy)
        let axis = (x: cos(angle), y: sin(angle))
        var along = (low: Double.infinity, high: -Double.infinity), across = along
        for (r, run) in runs.enumerated() where Int(labels[r]) == index {
            let y = Double(run.row) * sy
            for end in 0..<2 {
                let x = Double(end == 0 ? run.start : run.end - 1) * sx
                let u = x * axis.x + y * axis.y, v = -x * axis.y + y * axis.x
                along = (min(along.low, u), max(along.high, u))
                across = (min(across.low, v), max(across.high, v))
            }
        }
        let length = along.high - along.low, width = across.high - across.low
        return length > 320 || width > 0.45 * length
    }

    /// Two halves of a cut region are two feet of a pair: each foot-like, their lengths (principal
    /// extents) within 25% of each other.
    static func areAPair(_ a: ForegroundRegion, _ b: ForegroundRegion, sx: Double, sy: Double) -> Bool {
        guard FootShapeRule.isFootLike(a, sx: sx, sy: sy), FootShapeRule.isFootLike(b, sx: sx, sy: sy) else { return false }
        let la = a.principalExtents(sx: sx, sy: sy).major, lb = b.principalExtents(sx: sx, sy: sy).major
        return min(la, lb) >= 0.75 * max(la, lb)
    }

    /// A toe pad: 12 to 1,200 mm², at most 3 times as long as wide and 45 mm long.
    static func isPadLike(_ region: ForegroundRegion, sx: Double, sy: Double) -> Bool {
        guard (12..<1_200).contains(region.area * sx * sy) else { return false }
        let extents = region.principalExtents(sx: sx, sy: sy)
        return extents.minor > 0 && extents.major / extents.minor <= 3 && extents.major <= 45
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

    init(regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32], foreground: Foreground, image: ScanImage,
         sx: Double, sy: Double) {
        func split(_ index: Int) -> (Foot, Foot)? {
            TouchingFeet.split(index, regions: regions, runs: runs, labels: labels, image: image, test: foreground.edge,
                               visible: foreground.visible, sx: sx, sy: sy)
        }
        let pixelArea = sx * sy
        let large = regions.indices.filter { regions[$0].area * pixelArea >= 1_200 }
        var used = Set<Int>()
        // Split prints first: their forefoot can pass for a foot alone, and the toe pads tell which
        // compact region is a forefoot.
        let padCandidates = regions.indices.filter { FootGrouping.isPadLike(regions[$0], sx: sx, sy: sy) }
        let compact = large.filter { index in
            let extents = regions[index].principalExtents(sx: sx, sy: sy)
            return extents.minor > 0 && extents.major / extents.minor <= 2.5
        }
        for pair in PrintHalves.match(compact, pads: padCandidates, regions: regions, sx: sx, sy: sy) {
            feet.append(Foot(parts: [pair.heel, pair.forefoot].sorted { regions[$0].area > regions[$1].area },
                             summary: regions[pair.heel] + regions[pair.forefoot]))
            used.insert(pair.heel)
            used.insert(pair.forefoot)
        }
        for index in large where !used.contains(index) && FootShapeRule.isFootLike(regions[index], sx: sx, sy: sy) {
            // Two feet touching in a staggered stance can look like one big foot: a region longer than any
            // foot, or wider for its length, is cut when a notch-to-notch cut leaves two feet of a pair.
            if FootGrouping.mayBeTwoFeet(index, regions: regions, runs: runs, labels: labels, sx: sx, sy: sy),
               let halves = split(index) {
                feet.append(halves.0)
                feet.append(halves.1)
            } else {
                feet.append(Foot(parts: [index], summary: regions[index]))
            }
            used.insert(index)
        }
        // Two feet that touch: a large region that is not one foot, cut between two notches of its outline
        // when that leaves two feet of a pair.
        for index in large where !used.contains(index) {
            let region = regions[index]
            let area = region.area * pixelArea
            guard area >= 2 * 2_500, area <= 2 * FootShapeRule.area.upperBound,
                  let halves = split(index) else { continue }
            feet.append(halves.0)
            feet.append(halves.1)
            used.insert(index)
        }
        // Toe pads: compact small regions, each to the foot whose runs come nearest its centre.
        let pads = padCandidates.filter { !used.contains($0) }
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
