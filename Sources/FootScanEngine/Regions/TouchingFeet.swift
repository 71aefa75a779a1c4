import FootScanImage

/// Parts two touching feet: where they touch, neither outline can be seen, so the engine cuts the shared
/// region along the straight segment between two notches of its outline, the ends of the contact.
///
/// The notches are the deepest points of the outline's concavities (its convex hull's defects at least
/// 6 mm deep, several in one concavity; the twelve deepest). Every segment between two notches is tried: the pixels within 0.75
/// pixel of the segment (enough to part 8-connected pixels) become a wall, the region's runs less the
/// wall are labelled again, and the cut is valid when the two largest parts are two feet of a pair (each
/// foot-like, lengths within 25%) and no more than 2% of the region is left in slivers. Of the valid
/// cuts, the one through the fewest foreground pixels is the contact (a cut from a notch between one
/// foot's toes crosses the bases of those toes as well). Unlike a
/// straight line across the whole region, the segment ends where the contact does: in a staggered stance
/// it does not slice the toes of the foot behind or the heel of the foot ahead.
enum TouchingFeet {
    /// The pixels within `halfWidth` pixels of the segment from `a` to `b` (pixel coordinates), extended
    /// by 3 pixels at both ends.
    struct Wall: Sendable {
        let a: SIMD2<Double>
        let direction: SIMD2<Double>
        let length: Double
        let halfWidth: Double

        init(from a: SIMD2<Double>, to b: SIMD2<Double>, halfWidth: Double = 0.75) {
            let d = b - a
            let length = (d * d).sum().squareRoot()
            self.a = a
            self.direction = length > 0 ? d / length : SIMD2(1, 0)
            self.length = length
            self.halfWidth = halfWidth
        }

        @inline(__always) func contains(_ x: Int, _ y: Int) -> Bool {
            let p = SIMD2(Double(x), Double(y)) - a
            let along = (p * direction).sum()
            guard along >= -3, along <= length + 3 else { return false }
            return abs(signedDistance(x, y)) <= halfWidth
        }

        /// The distance of pixel (x, y) from the cut's line, in pixels, signed by side.
        @inline(__always) func signedDistance(_ x: Int, _ y: Int) -> Double {
            let p = SIMD2(Double(x), Double(y)) - a
            return p.x * direction.y - p.y * direction.x
        }

        /// Appends the parts of `run` outside the wall (none, one or two) to `pieces`.
        func appendPieces(of run: ForegroundRun, to pieces: inout [ForegroundRun]) {
            var start = Int(run.start)
            let row = Int(run.row)
            for x in Int(run.start)..<Int(run.end) where contains(x, row) {
                if x > start { pieces.append(ForegroundRun(row: run.row, start: Int32(start), end: Int32(x))) }
                start = x + 1
            }
            if start < Int(run.end) { pieces.append(ForegroundRun(row: run.row, start: Int32(start), end: run.end)) }
        }
    }

    /// A cut's outcome: the two largest parts, the pieces and their labels, and the foreground crossed.
    struct Cut {
        let wall: Wall
        let a: ForegroundRegion, b: ForegroundRegion
        let ids: (Int32, Int32)
        let pieces: [ForegroundRun]
        let labels: [Int32]
        let crossed: Double
    }

    /// The two feet of region `index`, each with the wall that parts it from the other, or nil when no
    /// notch-to-notch cut leaves a pair.
    static func split(_ index: Int, regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32],
                      image: ScanImage, test: ForegroundTest, visible: VisibleArea, sx: Double, sy: Double)
        -> (FootGrouping.Foot, FootGrouping.Foot)? {
        guard let first = regions[index].firstPixel else { return nil }
        let outline = ContourTracer.trace(image: image, test: test, startX: first.x, startY: first.y, visible: visible)
        guard outline.count >= 16 else { return nil }
        let notches = notchIndices(outline.map { $0 * SIMD2(sx, sy) }, minimumDepth: 6, count: 12)
        guard notches.count >= 2 else { return nil }
        var segments: [(a: Int, b: Int)] = []
        for (n, i) in notches.enumerated() {
            for j in notches[(n + 1)...] { segments.append((i, j)) }
        }
        let own = runs.indices.filter { Int(labels[$0]) == index }
        /// The cut along `wall` when it leaves two feet of a pair with no more than 2% in slivers.
        func validCut(_ wall: Wall) -> Cut? {
            var pieces: [ForegroundRun] = []
            pieces.reserveCapacity(own.count + 16)
            var rowStarts = [Int](repeating: 0, count: image.height + 1)
            for r in own {
                wall.appendPieces(of: runs[r], to: &pieces)
                if let last = pieces.last { rowStarts[Int(last.row) + 1] = pieces.count }
            }
            // Rows without pieces start where the previous row ended.
            for y in 1...image.height where rowStarts[y] < rowStarts[y - 1] { rowStarts[y] = rowStarts[y - 1] }
            let (found, pieceLabels) = RegionLabeler.regions(of: pieces, rowStarts: rowStarts)
            let largest = found.indices.sorted { found[$0].area > found[$1].area }
            guard largest.count >= 2 else { return nil }
            let a = found[largest[0]], b = found[largest[1]]
            let kept = found.reduce(0.0) { $0 + $1.area }
            guard kept - a.area - b.area <= 0.02 * regions[index].area, FootGrouping.areAPair(a, b, sx: sx, sy: sy)
            else { return nil }
            return Cut(wall: wall, a: a, b: b, ids: (Int32(largest[0]), Int32(largest[1])), pieces: pieces, labels: pieceLabels,
                       crossed: regions[index].area - kept)
        }
        // Cuts crossing about as little foreground as the best (a toe's base more or less) are kept, and
        // told apart by the feet they leave: the more convex the two, the likelier (a toe cut off one foot
        // sticks out of the other's side).
        var shortlist: [Cut] = []
        var fewest = Double.infinity
        for segment in segments {
            guard let cut = validCut(Wall(from: outline[segment.a], to: outline[segment.b])), cut.crossed <= 1.5 * fewest + 2 else { continue }
            fewest = min(fewest, cut.crossed)
            shortlist.append(cut)
            shortlist.removeAll { $0.crossed > 1.5 * fewest + 2 }
        }
        var best: (feet: (FootGrouping.Foot, FootGrouping.Foot), deficiency: Double)?
        for cut in shortlist {
            var deficiency = 0.0
            for (id, part) in [(cut.ids.0, cut.a), (cut.ids.1, cut.b)] {
                var ends: [SIMD2<Double>] = []
                for (n, piece) in cut.pieces.enumerated() where cut.labels[n] == id {
                    ends.append(SIMD2(Double(piece.start) * sx, Double(piece.row) * sy))
                    ends.append(SIMD2(Double(piece.end) * sx, Double(piece.row) * sy))
                }
                deficiency += ends.hullArea() - part.area * sx * sy
            }
            if deficiency < best?.deficiency ?? .infinity {
                best = ((FootGrouping.Foot(parts: [index], summary: cut.a, wall: cut.wall),
                         FootGrouping.Foot(parts: [index], summary: cut.b, wall: cut.wall)), deficiency)
            }
        }
        return best?.feet
    }

    /// The notches of a closed outline, as indices into it, in order along the outline: in each
    /// concavity (the stretch of outline under a convex hull edge), the points deepest below the edge
    /// between two rises of at least 3 mm (a concavity holding several toes' clefts has a notch at each),
    /// when at least `minimumDepth` deep; the `count` deepest of them.
    static func notchIndices(_ points: [SIMD2<Double>], minimumDepth: Double, count: Int) -> [Int] {
        let hull = ConvexHull.indices(xs: points.map(\.x), ys: points.map(\.y)).sorted()
        guard hull.count >= 3 else { return [] }
        let rise = 3.0
        var notches: [(index: Int, depth: Double)] = []
        for (k, start) in hull.enumerated() {
            let end = hull[(k + 1) % hull.count]
            let a = points[start], b = points[end]
            let edge = b - a
            let edgeLength = (edge * edge).sum().squareRoot()
            guard edgeLength > 0 else { continue }
            // Peaks of depth along the pocket, by hysteresis.
            var deepest = (index: start, depth: 0.0)
            var shallowest = 0.0
            var seekingPeak = true
            var i = (start + 1) % points.count
            while i != end {
                let p = points[i] - a
                let depth = abs(p.x * edge.y - p.y * edge.x) / edgeLength
                if seekingPeak {
                    if depth > deepest.depth { deepest = (i, depth) }
                    if depth < deepest.depth - rise {
                        if deepest.depth >= minimumDepth { notches.append(deepest) }
                        seekingPeak = false
                        shallowest = depth
                    }
                } else {
                    shallowest = min(shallowest, depth)
                    if depth > shallowest + rise {
                        seekingPeak = true
                        deepest = (i, depth)
                    }
                }
                i = (i + 1) % points.count
            }
            if seekingPeak && deepest.depth >= minimumDepth { notches.append(deepest) }
        }
        return notches.sorted { $0.depth > $1.depth }.prefix(count).map(\.index).sorted()
    }
}
