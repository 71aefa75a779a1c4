/// The toes a print's forefoot holds: pads that touched the forefoot print (no gap at the crease, or on
/// a pressure map a sensor both pressed) and were traced with it.
///
/// Along the print's outline, distance along the axis rises to each toe's tip and falls into the
/// notches beside it. A merged toe is a summit of that distance in the front two fifths of the foot
/// whose protrusion, cut where the outline on either side first falls to within ``creaseMarginMM`` of the
/// higher of its two cols, stands at least ``minimumProminenceMM`` proud and is ``minimumBreadthMM`` to
/// ``maximumBreadthMM`` across the axis (the forefoot's own front, the other summit, is far broader), and
/// lies beside the pads found, not behind one of them. Its crease is the chord between those two points:
/// the print without its toes, for the arch indices, is closed across it.
///
/// A col is the lowest point reached walking ``walkMM`` of outline from the summit before rising above
/// it, or before leaving the toe's neck: the first notch of the outline at least ``neckDepthMM`` deep
/// below its convex hull and either ``minimumNeckDropMM`` behind the summit or left by the outline
/// rising ``minimumProminenceMM`` from it back to the hull (the col between two toes, however short
/// the neighbour: walking from a longer toe over a shorter one, the col was sought past it and one
/// protrusion took both toes in), walked to its deepest point.
/// Behind a square front the two agree. Behind an oblique one (a real ball's front runs along the
/// metatarsal heads) the outline goes on falling along the ball's front past the neck, and the lowest
/// point would take the front into the toe.
struct MergedToes {
    /// Each merged toe: the index of its tip, and its vertices beyond the crease.
    let toes: [(tip: Int, run: [Int])]

    /// How far a merged toe stands beyond its crease, mm.
    static let minimumProminenceMM = 3.0
    /// How broad a merged toe is across the axis at its crease, mm.
    static let minimumBreadthMM = 4.0
    static let maximumBreadthMM = 35.0
    /// How far above its col a toe's crease is cut, mm.
    static let creaseMarginMM = 1.0
    /// How far along the outline a toe's cols are looked for, mm.
    static let walkMM = 60.0
    /// How deep below the outline's convex hull a toe's neck is at least, mm: an irregular pad's own
    /// dents are shallower.
    static let neckDepthMM = 1.5
    /// How far behind a toe's summit its neck lies at least, mm: a dent in a pad's rim near its tip (an
    /// interpolated map's outline of a pad joined to the ball's corner) is no neck; taken for one, it cut
    /// off the toe's last 3.5 mm and left the rest in the print (an arch index 0.05 high).
    static let minimumNeckDropMM = 8.0

    init(frame: Frame, print: [Range<Int>], pads: [Range<Int>], length: Double) {
        let padSpans = pads.map { pad in
            (low: pad.map { frame.ys[$0] }.min() ?? 0, high: pad.map { frame.ys[$0] }.max() ?? 0)
        }
        var toes: [(tip: Int, run: [Int])] = []
        for part in print where part.count >= 8 {
            let n = part.count
            func x(_ k: Int) -> Double { frame.xs[part.lowerBound + ((k % n) + n) % n] }
            func y(_ k: Int) -> Double { frame.ys[part.lowerBound + ((k % n) + n) % n] }
            func step(_ k: Int) -> Double {
                let dx = x(k + 1) - x(k), dy = y(k + 1) - y(k)
                return (dx * dx + dy * dy).squareRoot()
            }
            let depths = Self.depthsBelowHull(xs: frame.xs[part], ys: frame.ys[part])
            func depth(_ k: Int) -> Double { depths[((k % n) + n) % n] }
            for k in 0..<n where x(k) >= 0.6 * length && x(k) > x(k - 1) && x(k) >= x(k + 1) {
                // Each way: the lowest point before the outline rises above the summit, within the walk,
                // and no further than the deepest point of the first notch deep enough to be a neck.
                /// Whether a notch is the toe's neck: deep enough, and far enough behind the summit.
                func isNeck(_ notch: (depth: Double, lowest: Double)) -> Bool {
                    notch.depth >= Self.neckDepthMM && x(k) - notch.lowest >= Self.minimumNeckDropMM
                }
                func col(_ direction: Int) -> Double {
                    var lowest = x(k), walked = 0.0, j = k
                    var notch = (depth: 0.0, lowest: x(k))
                    while walked < Self.walkMM, abs(j - k) < n {
                        walked += step(direction > 0 ? j : j - 1)
                        j += direction
                        if x(j) > x(k) { break }
                        lowest = min(lowest, x(j))
                        if depth(j) > notch.depth {
                            notch = (depth(j), lowest)
                        } else if depth(j) == 0 {
                            // Back on the hull: a deep notch is the toe's neck if far enough behind the
                            // summit, or if the outline rose from it to a toe's prominence again (the
                            // col between two toes, whatever the summit's height above it).
                            if isNeck(notch) || (notch.depth >= Self.neckDepthMM && x(j) - notch.lowest >= Self.minimumProminenceMM) {
                                return notch.lowest
                            }
                            notch.depth = 0
                        }
                    }
                    return isNeck(notch) ? notch.lowest : lowest
                }
                let cut = max(col(-1), col(1))
                guard x(k) - cut >= Self.minimumProminenceMM else { continue }
                // The protrusion: the vertices either side of the summit more than a millimetre above the
                // cut (a forefoot's front level with the col is not the toe's).
                var first = k, last = k
                while first - 1 > k - n, x(first - 1) > cut + Self.creaseMarginMM { first -= 1 }
                while last + 1 < k + n, x(last + 1) > cut + Self.creaseMarginMM { last += 1 }
                let run = (first...last).map { part.lowerBound + (($0 % n) + n) % n }
                let ys = run.map { frame.ys[$0] }
                guard let low = ys.min(), let high = ys.max(), high - low >= Self.minimumBreadthMM, high - low <= Self.maximumBreadthMM,
                      !padSpans.contains(where: { y(k) >= $0.low && y(k) <= $0.high }),
                      !toes.contains(where: { $0.run.contains(part.lowerBound + k) }) else { continue }
                toes.append((part.lowerBound + k, run))
            }
        }
        self.toes = toes
    }

    /// How far each vertex of a closed outline lies inside its convex hull, mm: from the hull's edge
    /// across the notch the vertex is in (0 on the hull).
    static func depthsBelowHull(xs: ArraySlice<Double>, ys: ArraySlice<Double>) -> [Double] {
        let xs = Array(xs), ys = Array(ys)
        var depths = [Double](repeating: 0, count: xs.count)
        let hull = ConvexHull.indices(xs: xs, ys: ys).sorted()
        guard let first = hull.first, hull.count >= 3 else { return depths }
        // The hull's vertices in the outline's order bound its notches (a simple outline meets its
        // hull in the hull's own order).
        for (a, b) in zip(hull, hull.dropFirst() + [first + xs.count]) where b - a > 1 {
            let bIndex = b % xs.count
            let ex = xs[bIndex] - xs[a], ey = ys[bIndex] - ys[a]
            let edge = (ex * ex + ey * ey).squareRoot()
            guard edge > 0 else { continue }
            for v in (a + 1)..<b {
                let w = v % xs.count
                depths[w] = abs(ex * (ys[w] - ys[a]) - ey * (xs[w] - xs[a])) / edge
            }
        }
        return depths
    }

    /// The area of a merged toe, mm²: its run closed by its crease.
    func area(of toe: (tip: Int, run: [Int]), frame: Frame) -> Double {
        var twice = 0.0
        for k in toe.run.indices {
            let a = toe.run[k], b = toe.run[(k + 1) % toe.run.count]
            twice += frame.xs[a] * frame.ys[b] - frame.xs[b] * frame.ys[a]
        }
        return abs(twice) / 2
    }

    /// The print's outlines without the merged toes: each toe's vertices left out, so that the outline
    /// closes across its crease.
    func printWithoutToes(points: [SIMD2<Double>], print: [Range<Int>]) -> (points: [SIMD2<Double>], parts: [Range<Int>]) {
        let left = Set(toes.flatMap(\.run))
        var kept: [SIMD2<Double>] = [], parts: [Range<Int>] = []
        for part in print {
            let start = kept.count
            kept += part.filter { !left.contains($0) }.map { points[$0] }
            parts.append(start..<kept.count)
        }
        return (kept, parts)
    }
}
