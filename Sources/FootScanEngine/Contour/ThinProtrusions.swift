/// Cuts thin protrusions off a traced outline: a hair on the glass that touches the foot, as dark as
/// the sole on a grey scan, is foreground joined to it, and the tracer runs out along one side of the
/// hair and back along the other. On 30 generated grey scans with hairs touching the feet
/// (`footscan synth --touching-hairs`), lengths came out up to 24 mm long (P95 18.4 mm) and widths up
/// to 15 mm wide, and one foot's side was wrong.
///
/// A protrusion is found at its tip, where the outline turns back on itself: two vertices
/// ``tipArcWidths`` widths apart along the outline and less than one width apart across. From there it
/// is followed back to its base, one vertex at a time on one side with the nearest vertex on the
/// other, while the two sides stay within the width; the outline between the base's two vertices is
/// replaced by the line joining them, with a vertex every pixel or less along it as the tracer leaves
/// them (``LocalEdge`` reads a vertex's normal across its neighbours: with the base's two vertices alone,
/// a pale heel's ragged edge that lost a spike came out 1.6 mm wider). Only a part of the foot's side of the outline goes: a thin gap
/// of bed into the foot (a cleft between touching toes) turns back on itself too, but it encloses bed,
/// and stays. Nothing of a foot is that thin: toe necks, bridges of a print and toe pads are
/// millimetres across, and a round tip of any size does not turn back within its width.
enum ThinProtrusions {
    /// How far along the outline the two vertices that find a tip lie, in widths: a protrusion is found
    /// once it stands out about one width (0.4 mm). Two widths of outline take a right-angled corner 1.4
    /// widths across, and a round tip across its radius. With three, stubs under 0.6 mm were missed: a
    /// faint hair, broken into pieces, left one on a heel's back and the foot 0.5 mm long (length P95 on
    /// 42 feet with hairs 0.36 mm, against 0.21 with two).
    static let tipArcWidths = 2.0

    /// The widest a protrusion is cut, mm: a hair (0.05 to 0.1 mm) joined to the foot by the pixels it
    /// darkens, at 150 dpi one or two.
    static let widestMM = 0.4

    /// How many vertices beyond the last one the nearest vertex of the other side is sought among, as a
    /// side's vertex steps back towards the base.
    static let searchAhead = 8

    /// `outline` (closed, in pixels) without the protrusions thinner than `width` pixels, and how many
    /// were cut. An outline with none comes back as it was. `orientation`: the sign of the outline's
    /// `signedTwiceArea` when the caller has it (nil: taken here).
    static func cut(_ outline: [SIMD2<Double>], width: Double, orientation: Double? = nil) -> (outline: [SIMD2<Double>], cuts: Int) {
        let n = outline.count
        guard n >= 16, width > 0 else { return (outline, 0) }
        let orientation: Double = orientation ?? (outline.signedTwiceArea >= 0 ? 1 : -1)
        let widthSquared = width * width
        let tipArc = tipArcWidths * width
        // Indices run from -n to 2n (a walk back from the first vertex, a fold past the last one).
        @inline(__always) func wrapped(_ i: Int) -> Int { i < 0 ? i + n : (i >= n ? i - n : i) }
        @inline(__always) func distanceSquared(_ i: Int, _ j: Int) -> Double {
            let d = outline[wrapped(i)] - outline[wrapped(j)]
            return (d * d).sum()
        }
        @inline(__always) func step(_ i: Int) -> Double { distanceSquared(i, i + 1).squareRoot() }
        // The vertices cut, as ranges of indices (which may run past n: taken modulo n).
        var cuts: [(first: Int, last: Int)] = []
        var ahead = 0, arc = 0.0
        var i = 0
        while i < n {
            // The vertex `ahead` lies about `tipArc` along the outline from vertex i.
            if ahead < i { (ahead, arc) = (i, 0) }
            while arc < tipArc && ahead - i < n / 2 {
                arc += step(ahead)
                ahead += 1
            }
            guard arc >= tipArc, distanceSquared(i, ahead) < widthSquared else {
                arc -= step(i)
                i += 1
                continue
            }
            // A tip between i and ahead: followed back to the base, side `a` stepping back from i, side `b`
            // the nearest vertex of the other side, moving on from `ahead`.
            var a = i, b = ahead
            while b - a < n - 2 * searchAhead {
                let next = a - 1
                var best = b, bestDistance = distanceSquared(next, b)
                for candidate in (b + 1)...(b + searchAhead) {
                    let d = distanceSquared(next, candidate)
                    if d < bestDistance { (best, bestDistance) = (candidate, d) }
                }
                guard bestDistance < widthSquared else { break }
                (a, b) = (next, best)
            }
            // The loop from a to b, closed by the line between them: a protrusion encloses foot (it runs the
            // way the outline does), a gap encloses bed.
            let loop = outline.loopTwiceArea(from: a, to: b)
            if loop * orientation > 0 { cuts.append((a + 1, b - 1)) }
            // On past this fold's far side.
            let resume = max(b, i + 1)
            while i < resume && i < n {
                arc -= step(i)
                i += 1
            }
        }
        guard !cuts.isEmpty else { return (outline, 0) }
        // Each cut bridged by vertices a pixel or less apart, as the tracer leaves them (the local edge reads
        // each vertex's normal across its neighbours).
        let result = outline.bridging(cuts)
        return result.count >= 8 ? (result, cuts.count) : (outline, 0)
    }
}
