#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pairs the heels and forefeet of split prints (a high arch leaves no midfoot contact), several feet at
/// once: two prints side by side leave two heels and two forefeet, and the nearest two compact regions
/// may be both heels.
///
/// A pair (heel, forefoot) is possible when the two lie one behind the other as a print's halves do
/// (``FootGrouping/arePrintHalves``), together make a foot, and at least one toe pad lies ahead of the
/// forefoot: beyond it along the heel-to-forefoot line, within 80 mm of it and 60 mm of that line, and
/// not parted from it by a line (a form's printed line: the glyphs of its text beyond it are no toes). Its
/// cost is how far the forefoot's long axis is from lying across that line (a forefoot print is wider
/// than long), plus the pads' mean distance from the line (per 100 mm: toes lie about its
/// continuation) and the halves' distance (per 300 mm). Toes that left no pad: the pair is still
/// possible when the forefoot is ``forefootOverHeel`` times as broad across the line as the heel, at
/// ``toelessCost`` more. No two chosen pairs' heel-to-forefoot lines
/// cross: two feet never lie across each other. Of all sets of possible pairs, the one with the most pairs and
/// then the least cost is chosen (every matching is tried for up to eight regions, pairs are taken
/// cheapest first beyond).
enum PrintHalves {
    /// Without a toe pad ahead, how much broader across the heel-to-forefoot line the forefoot must be
    /// than the heel (a forefoot print is about half as broad again as the heel's).
    static let forefootOverHeel = 1.2
    /// What a pair without a toe pad ahead adds to its cost: any pairing with toes comes first.
    static let toelessCost = 1.0

    /// The chosen pairs, heel first. `isParted(pad, region)` tells whether a line lies between a pad and
    /// a candidate region (``FootGrouping/crossesLine(from:to:runs:rowStarts:labels:isLine:)``).
    static func match(_ candidates: [Int], pads: [Int], regions: [ForegroundRegion], mmPerPixelX: Double, mmPerPixelY: Double,
                      isParted: (_ pad: Int, _ region: Int) -> Bool = { _, _ in false }) -> [(heel: Int, forefoot: Int)] {
        guard candidates.count >= 2 else { return [] }
        func millimetres(_ p: (x: Double, y: Double)) -> SIMD2<Double> { SIMD2(p.x * mmPerPixelX, p.y * mmPerPixelY) }
        /// A region's breadth across the unit direction `u`, mm (of its equivalent ellipse).
        func breadth(_ index: Int, across u: SIMD2<Double>) -> Double {
            let extents = regions[index].principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            let angle = regions[index].principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            let along = abs(cos(angle) * u.x + sin(angle) * u.y), across = (max(0, 1 - along * along)).squareRoot()
            return ((extents.major * across) * (extents.major * across) + (extents.minor * along) * (extents.minor * along)).squareRoot()
        }
        /// The cost of `heel` and `forefoot` as one print, or nil when they cannot be.
        func cost(heel: Int, forefoot: Int) -> Double? {
            let h = millimetres(regions[heel].centroid), f = millimetres(regions[forefoot].centroid)
            let d = f - h
            let distance = (d * d).sum().squareRoot()
            guard distance > 0 else { return nil }
            let merged = regions[heel] + regions[forefoot]
            guard FootShapeRule.isFootLike(merged, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY),
                  FootGrouping.arePrintHalves(regions[heel], regions[forefoot], merged: merged, separation: distance, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            else { return nil }
            let u = d / distance
            let ahead = pads.compactMap { pad -> Double? in
                let p = millimetres(regions[pad].centroid) - f
                let along = (p * u).sum(), across = abs(p.x * u.y - p.y * u.x)
                return along > 0 && (p * p).sum().squareRoot() <= 80 && across <= 60 && !isParted(pad, forefoot) ? across : nil
            }
            let angle = regions[forefoot].principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            let crosswise = abs(cos(angle) * u.x + sin(angle) * u.y)
            guard !ahead.isEmpty else {
                // Toes that left no pad: the forefoot is told from the heel by its breadth across the line
                // alone, and such a pair comes after every pair with toes.
                guard breadth(forefoot, across: u) >= Self.forefootOverHeel * breadth(heel, across: u) else { return nil }
                return Self.toelessCost + crosswise + distance / 300
            }
            // The toes lie about the heel-to-forefoot line's continuation (a heel paired with the other
            // foot's forefoot points its line past them), and a print's halves lie nearer than two feet's.
            let spread = ahead.reduce(0, +) / Double(ahead.count)
            return crosswise + spread / 100 + distance / 300
        }
        /// Whether two pairs' heel-to-forefoot segments cross: two feet never lie across each other.
        func crosses(_ a: (heel: Int, forefoot: Int), _ b: (heel: Int, forefoot: Int)) -> Bool {
            let p = millimetres(regions[a.heel].centroid), q = millimetres(regions[a.forefoot].centroid)
            let r = millimetres(regions[b.heel].centroid), t = millimetres(regions[b.forefoot].centroid)
            func side(_ o: SIMD2<Double>, _ u: SIMD2<Double>, _ v: SIMD2<Double>) -> Double {
                (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x)
            }
            return side(p, q, r) * side(p, q, t) < 0 && side(r, t, p) * side(r, t, q) < 0
        }
        var possible: [(heel: Int, forefoot: Int, cost: Double)] = []
        for heel in candidates {
            for forefoot in candidates where forefoot != heel {
                if let c = cost(heel: heel, forefoot: forefoot) { possible.append((heel, forefoot, c)) }
            }
        }
        guard !possible.isEmpty else { return [] }
        if candidates.count > 8 {
            var taken = Set<Int>()
            var chosen: [(heel: Int, forefoot: Int)] = []
            for pair in possible.sorted(by: { $0.cost < $1.cost }) where !taken.contains(pair.heel) && !taken.contains(pair.forefoot) {
                guard !chosen.contains(where: { crosses($0, (pair.heel, pair.forefoot)) }) else { continue }
                chosen.append((pair.heel, pair.forefoot))
                taken.insert(pair.heel)
                taken.insert(pair.forefoot)
            }
            return chosen
        }
        // Every matching: more pairs first, then less cost.
        var best: (count: Int, cost: Double, pairs: [(heel: Int, forefoot: Int)]) = (0, 0, [])
        func search(from start: Int, taken: Set<Int>, pairs: [(heel: Int, forefoot: Int)], cost: Double) {
            if pairs.count > best.count || (pairs.count == best.count && pairs.count > 0 && cost < best.cost) {
                best = (pairs.count, cost, pairs)
            }
            for n in start..<possible.count {
                let pair = possible[n]
                guard !taken.contains(pair.heel), !taken.contains(pair.forefoot),
                      !pairs.contains(where: { crosses($0, (pair.heel, pair.forefoot)) }) else { continue }
                search(from: n + 1, taken: taken.union([pair.heel, pair.forefoot]), pairs: pairs + [(pair.heel, pair.forefoot)],
                       cost: cost + pair.cost)
            }
        }
        search(from: 0, taken: [], pairs: [], cost: 0)
        return best.pairs
    }
}
