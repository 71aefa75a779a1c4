/// Cuts dust specks that touch the foot off a traced outline: a grain on the glass as bright (or as dark)
/// as the sole on a grey scan is foreground joined to it, and the tracer runs round it. At the toe tip,
/// the heel's back or the widest points the foot comes out as much longer or wider as the speck stands
/// out: on 30 generated grey scans with specks 0.3 to 1 mm across touching the feet there (`footscan
/// synth --touching-specks`), lengths came out up to 1.15 mm long and widths up to 1.27 mm wide.
///
/// A speck is a small bump with a neck: the outline turns in at a concave corner where the speck meets the
/// skin, runs round the speck, and comes back to a concave corner within ``widestNeckMM`` of the first,
/// having run at least ``leastArcPerNeck`` times that far (a half-sunk round speck runs 1.57 times its
/// neck, one that barely touches 4 times and more). The outline between the two corners is replaced by
/// the line joining them, a vertex every pixel or less. A foot's own outline does not do that within
/// ``longestArcMM``: its toe tips are 2 mm in radius and more (1.09 times their chord over 4 mm), and the
/// clefts between its toes, which do turn back, enclose bed. An edge ragged at the specks' scale has
/// bumps all along it, and is left as it is (``raggedSpacingMM``).
enum TouchingSpecks {
    /// The widest neck cut, mm: a speck of 1 mm half sunk in the sole, its corners rounded by the tracer.
    static let widestNeckMM = 1.2
    /// The longest outline round a speck, mm: a 1 mm speck that barely touches goes 0.9 of its way round.
    static let longestArcMM = 4.0
    /// The shortest outline round a speck, mm: shorter bumps are the pixels' own steps.
    static let shortestArcMM = 0.5
    /// How many times its neck the outline round a speck runs, at least.
    static let leastArcPerNeck = 1.35
    /// How far either side of a vertex the turn that makes it a corner is read, mm.
    static let cornerReachMM = 0.3
    /// How sharply the outline turns in at a speck's corner, at least: the sine of the turn (20 degrees).
    static let leastCornerTurn = 0.35
    /// The outline's length per bump, mm, under which its edge is taken as ragged and nothing is cut: on
    /// a soft edge whose threshold meets the noise (the soft-edge set's seed 7009, 200 dpi) the outline
    /// had a bump every 6 mm, and cutting them all, one side of the noise, turned its axis (width 0.18 mm
    /// wider); four specks on a foot leave 100 mm and more per bump.
    static let raggedSpacingMM = 25.0
    /// How far along the outline either side of a bump others are counted, mm (``raggedNeighbours``).
    static let raggedReachMM = 10.0
    /// How many other bumps within ``raggedReachMM`` make the edge there ragged, and the bump its own (a
    /// pale heel's frayed edge, where the rest of the outline is clean).
    static let raggedNeighbours = 2

    /// `outline` (closed, in pixels of `mmPerPixel`) without the specks that touch it, and how many were cut.
    /// An outline with none comes back as it was. `orientation`: the sign of the outline's
    /// `signedTwiceArea` when the caller has it (nil: taken here).
    static func cut(_ outline: [SIMD2<Double>], mmPerPixel: Double, orientation: Double? = nil) -> (outline: [SIMD2<Double>], cuts: Int) {
        let n = outline.count
        guard n >= 32, mmPerPixel > 0 else { return (outline, 0) }
        let orientation: Double = orientation ?? (outline.signedTwiceArea >= 0 ? 1 : -1)
        let reach = max(1, Int((cornerReachMM / mmPerPixel).rounded()))
        guard reach < n / 4 else { return (outline, 0) }
        let neck = widestNeckMM / mmPerPixel, longest = longestArcMM / mmPerPixel
        let shortest = max(shortestArcMM / mmPerPixel, 3)
        let leastTurnSquared = leastCornerTurn * leastCornerTurn
        @inline(__always) func length(_ d: SIMD2<Double>) -> Double { (d * d).sum().squareRoot() }
        // Candidates: a corner turning in, and the corner round a bump that comes back nearest for the run
        // (a convex corner of the foot beside a cleft's bottom runs 1.41 times its chord, but does not end
        // in a corner). The corners are found in one pass over the vertices, without bounds checks: all a
        // clean outline costs, after its orientation.
        var candidates: [(first: Int, last: Int, ratio: Double)] = []
        outline.withUnsafeBufferPointer { points in
            // Indices run up to 2n (a speck past the last vertex).
            @inline(__always) func at(_ i: Int) -> SIMD2<Double> { points[i >= n ? i - n : i] }
            // Whether the outline turns in at vertex i < n: the sine of its turn, read over `reach` vertices
            // either side, at least the least (compared squared, a turn out taken as none: no root, and no
            // branch but the one that finds a corner).
            @inline(__always) func turnsIn(_ i: Int) -> Bool {
                let into = at(i) - at(i + n - reach), out = at(i + reach) - at(i)
                let turningIn = min((into.x * out.y - into.y * out.x) * orientation, 0)
                return turningIn * turningIn > leastTurnSquared * (into * into).sum() * (out * out).sum()
            }
            for i in 0..<n where turnsIn(i) {
                var arc = 0.0, j = i, best = (last: 0, ratio: 0.0)
                var nextCheck = shortest
                while j - i < n / 2 {
                    arc += length(at(j + 1) - at(j))
                    j += 1
                    guard arc <= longest else { break }
                    guard arc >= nextCheck else { continue }
                    let chord = length(at(j) - at(i))
                    // The chord shrinks no faster than the outline runs: none nearer than the neck until then.
                    if chord > neck {
                        nextCheck = arc + chord - neck
                        continue
                    }
                    let ratio = arc / max(chord, 1e-9)
                    if ratio > best.ratio && turnsIn(j >= n ? j - n : j) { best = (j, ratio) }
                }
                if best.ratio >= leastArcPerNeck { candidates.append((i, best.last, best.ratio)) }
            }
        }
        guard !candidates.isEmpty else { return (outline, 0) }
        @inline(__always) func at(_ i: Int) -> SIMD2<Double> { outline[i >= n ? i - n : i] }
        // Candidates that overlap are one bump (each corner of a bump is found from a vertex or two).
        var bumps: [(first: Int, last: Int, members: Range<Int>)] = []
        for (index, candidate) in candidates.enumerated() {
            if let previous = bumps.last, candidate.first < previous.last {
                bumps[bumps.count - 1] = (previous.first, max(previous.last, candidate.last), previous.members.lowerBound..<(index + 1))
            } else {
                bumps.append((candidate.first, candidate.last, index..<(index + 1)))
            }
        }
        // A bump across the first vertex is found from either end: the one found from the last vertices
        // is kept.
        if bumps.count >= 2, let wrapped = bumps.last, wrapped.last - n > bumps[0].first { bumps.removeFirst() }
        // Where each bump begins along the outline, mm, and the outline's length: an edge ragged at the
        // specks' scale (noise where the threshold meets a soft edge) has bumps of its own all along it. A
        // lone bump needs neither (a sole's outline is far longer than the spacing).
        var positions: [Double] = []
        var perimeterMM = 0.0
        if bumps.count > 1 {
            positions.reserveCapacity(bumps.count)
            var travelled = 0.0, vertex = 0
            for bump in bumps {
                while vertex < bump.first {
                    travelled += length(at(vertex + 1) - at(vertex))
                    vertex += 1
                }
                positions.append(travelled * mmPerPixel)
            }
            while vertex < n {
                travelled += length(at(vertex + 1) - at(vertex))
                vertex += 1
            }
            perimeterMM = travelled * mmPerPixel
            guard Double(bumps.count) <= perimeterMM / raggedSpacingMM else { return (outline, 0) }
        }
        var cuts: [(first: Int, last: Int)] = []
        for (index, bump) in bumps.enumerated() {
            let neighbours = positions.indices.lazy.filter { other in
                let gap = abs(positions[other] - positions[index])
                return other != index && min(gap, perimeterMM - gap) <= raggedReachMM
            }.count
            guard neighbours < raggedNeighbours else { continue }
            // The clearest of the bump's candidates that encloses foot (a cleft encloses bed).
            let best = candidates[bump.members].lazy.filter { outline.loopTwiceArea(from: $0.first, to: $0.last) * orientation > 0 }
                .max { $0.ratio < $1.ratio }
            guard let best, best.last > best.first + 1 else { continue }
            cuts.append((best.first + 1, best.last - 1))
        }
        guard !cuts.isEmpty else { return (outline, 0) }
        let result = outline.bridging(cuts)
        return result.count >= 8 ? (result, cuts.count) : (outline, 0)
    }
}
