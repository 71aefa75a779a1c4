import FootScanImage

/// Parts two touching feet: where they touch, neither outline can be seen, so the engine cuts the shared
/// region along the straight segment between two notches of its outline, the ends of the contact.
///
/// The notches are the deepest points of the outline's concavities (its convex hull's defects at least
/// 6 mm deep, several in one concavity; the twelve deepest). The segments between two notches are
/// tried, from the one whose wall crosses the fewest foreground pixels: the pixels within 0.75 pixel of
/// the segment (enough to part 8-connected pixels) become a wall, the region's runs less the wall are
/// labelled again, and the cut is valid when the two largest parts are two feet of a pair (each
/// foot-like, lengths within 25%) and no more than 2% of the region is left in slivers. Of the valid
/// cuts, those crossing at most half as much again as the first (plus 2 pixels) are compared, and the
/// one leaving the most convex feet is the contact (a cut from a notch between one foot's toes crosses
/// the bases of those toes as well). Unlike a straight line across the whole region, the segment ends
/// where the contact does: in a staggered stance it does not slice the toes of the foot behind or the
/// heel of the foot ahead. The labelling is capped at ``labelledRunsPerPixel`` runs per image pixel for all
/// the regions of an image together: a pair of feet (a few thousand runs) tries every wall, noise (a run
/// every few pixels) a few.
enum TouchingFeet {
    /// The pixels within `halfWidth` pixels of the segment from `a` to `b` (pixel coordinates), extended
    /// by 3 pixels at both ends.
    struct Wall: Sendable {
        let a: SIMD2<Double>
        let direction: SIMD2<Double>
        let length: Double
        let halfWidth: Double
        /// The rows the wall can reach (a pixel beyond its extent either side).
        let rows: ClosedRange<Double>

        init(from a: SIMD2<Double>, to b: SIMD2<Double>, halfWidth: Double = 0.75) {
            let d = b - a
            let length = (d * d).sum().squareRoot()
            self.a = a
            self.direction = length > 0 ? d / length : SIMD2(1, 0)
            self.length = length
            self.halfWidth = halfWidth
            let reach = 3 + halfWidth + 1
            self.rows = (min(a.y, b.y) - reach)...(max(a.y, b.y) + reach)
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

        /// Where the wall lies on row `y`, in x, from its two slabs (along the segment, -3...length + 3;
        /// across it, -halfWidth...halfWidth) in floating point: exact but for rounding, so its ends are
        /// settled with ``contains(_:_:)`` by whoever needs the pixels. Nil when the row misses the wall.
        func span(onRow y: Int) -> ClosedRange<Double>? {
            guard Double(y) >= rows.lowerBound, Double(y) <= rows.upperBound else { return nil }
            let dy = Double(y) - a.y
            var low = -Double.infinity, high = Double.infinity
            // Each slab bounds c0 + c1 * (x - a.x).
            let alongAt = dy * direction.y, acrossAt = -dy * direction.x
            if direction.x != 0 {
                let u = (-3 - alongAt) / direction.x + a.x, v = (length + 3 - alongAt) / direction.x + a.x
                low = max(low, min(u, v))
                high = min(high, max(u, v))
            } else if alongAt < -3 || alongAt > length + 3 {
                return nil
            }
            if direction.y != 0 {
                let u = (-halfWidth - acrossAt) / direction.y + a.x, v = (halfWidth - acrossAt) / direction.y + a.x
                low = max(low, min(u, v))
                high = min(high, max(u, v))
            } else if abs(acrossAt) > halfWidth {
                return nil
            }
            guard !low.isNaN, !high.isNaN, low <= high + 1 else { return nil }
            return low...max(low, high)
        }

        /// The columns of `run` inside the wall, or nil when none are.
        ///
        /// The wall is convex, so its pixels on a row are one interval: it is found from the two slabs that
        /// bound the wall (along the segment, and across it), then settled with ``contains(_:_:)`` at its
        /// ends, so a run costs a few tests, not one per pixel.
        func columns(of run: ForegroundRun) -> ClosedRange<Int>? {
            guard let span = span(onRow: Int(run.row)) else { return nil }
            return columns(of: run, within: span)
        }

        /// ``columns(of:)`` given the wall's ``span(onRow:)`` on the run's row (worked out once a row by
        /// whoever looks at several runs of it). A run clear of the span by more than a pixel is rejected
        /// without a test.
        @inline(__always)
        func columns(of run: ForegroundRun, within span: ClosedRange<Double>) -> ClosedRange<Int>? {
            let start = Int(run.start), end = Int(run.end), y = Int(run.row)
            guard start < end else { return nil }
            let low = max(Double(start), span.lowerBound), high = min(Double(end - 1), span.upperBound)
            guard low <= high + 1 else { return nil }
            // The estimate, widened by a pixel and clamped to the run, then settled pixel by pixel.
            let from = Int(max(Double(start), min(Double(end - 1), low.rounded(.down) - 1)))
            let to = Int(max(Double(from), min(Double(end - 1), high.rounded(.up) + 1)))
            var first = from
            while first <= to && !contains(first, y) { first += 1 }
            guard first <= to else { return nil }
            var last = to
            while last > first && !contains(last, y) { last -= 1 }
            while first > start && contains(first - 1, y) { first -= 1 }
            while last < end - 1 && contains(last + 1, y) { last += 1 }
            return first...last
        }

        /// Appends the parts of `run` outside the wall (none, one or two) to `pieces`, given the wall's
        /// ``span(onRow:)`` on the run's row (nil: the row misses the wall).
        func appendPieces(of run: ForegroundRun, span: ClosedRange<Double>?, to pieces: inout [ForegroundRun]) {
            guard let span, let inside = columns(of: run, within: span) else {
                pieces.append(run)
                return
            }
            if inside.lowerBound > Int(run.start) {
                pieces.append(ForegroundRun(row: run.row, start: run.start, end: Int32(inside.lowerBound)))
            }
            if inside.upperBound + 1 < Int(run.end) {
                pieces.append(ForegroundRun(row: run.row, start: Int32(inside.upperBound + 1), end: run.end))
            }
        }

        /// The rows the wall reaches, clamped to `0..<height`; empty when it reaches none.
        func rowRange(height: Int) -> Range<Int> {
            let top = Int(max(0, min(Double(height), rows.lowerBound.rounded(.up))))
            let bottom = Int(max(Double(top), min(Double(height), rows.upperBound.rounded(.down) + 1)))
            return top..<bottom
        }

        /// The positions in `indices` of the runs on the rows the wall reaches, where `indices` are runs
        /// of `runs` in raster order and `rowStarts[y]..<rowStarts[y + 1]` the positions of row y's.
        func band(rowStarts: [Int]) -> Range<Int> {
            let rows = rowRange(height: rowStarts.count - 1)
            return rowStarts[rows.lowerBound]..<rowStarts[rows.upperBound]
        }

        /// The pixels inside the wall of the runs `indices` of `runs` (in raster order, row y's at
        /// positions `rowStarts[y]..<rowStarts[y + 1]`). On each row the wall reaches, only the runs
        /// near its span are looked at: the cost is the wall's length, not the region's run count.
        func pixelsInside(_ runs: [ForegroundRun], _ indices: [Int], rowStarts: [Int]) -> Int {
            var total = 0
            for y in rowRange(height: rowStarts.count - 1) {
                guard let span = span(onRow: y) else { continue }
                let low = span.lowerBound - 2, high = span.upperBound + 2
                // The first run of the row ending past `low`, then each run starting before `high`.
                var first = rowStarts[y], last = rowStarts[y + 1]
                while first < last {
                    let middle = (first + last) / 2
                    if Double(runs[indices[middle]].end) <= low { first = middle + 1 } else { last = middle }
                }
                var k = first
                while k < rowStarts[y + 1] && Double(runs[indices[k]].start) <= high {
                    total += columns(of: runs[indices[k]], within: span)?.count ?? 0
                    k += 1
                }
            }
            return total
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
    /// notch-to-notch cut leaves a pair. `own` are the region's runs (indices into `runs`, in raster
    /// order). The outline and its walls, then each wall tried, take the region's run count from `budget`
    /// (runs the image's splits may still label); nothing is done once the budget cannot pay for it.
    static func split(_ index: Int, regions: [ForegroundRegion], runs: [ForegroundRun], own: [Int],
                      image: ScanImage, test: ForegroundTest, visible: VisibleArea, mmPerPixelX: Double, mmPerPixelY: Double,
                      budget: inout Int)
        -> (FootGrouping.Foot, FootGrouping.Foot)? {
        // Tracing the outline, finding its notches and counting each wall's crossing cost about as much as
        // labelling the runs once: a region pays that first, and one the budget cannot pay for is not cut
        // (noise at a low density has dozens of stripes or blobs that pass for a foot too long to be one).
        guard let first = regions[index].firstPixel, budget >= own.count else { return nil }
        budget -= own.count
        let outline = ContourTracer.trace(image: image, test: test, startX: first.x, startY: first.y, visible: visible)
        guard outline.count >= 16 else { return nil }
        let notches = notchIndices(outline.map { $0 * SIMD2(mmPerPixelX, mmPerPixelY) }, minimumDepth: 6, count: 12)
        guard notches.count >= 2 else { return nil }
        var segments: [(a: Int, b: Int)] = []
        for (n, i) in notches.enumerated() {
            for j in notches[(n + 1)...] { segments.append((i, j)) }
        }
        // ownRowStarts[y]..<ownRowStarts[y + 1]: the positions in `own` of row y's runs.
        let ownRowStarts = RegionLabeler.rowStarts(ofRows: own.lazy.map { runs[$0].row }, height: image.height)
        /// The cut along `wall` when it leaves two feet of a pair with no more than 2% in slivers. The
        /// parts' areas come first; only the two largest are summarised, and only when the slivers allow.
        func validCut(_ wall: Wall) -> Cut? {
            var pieces: [ForegroundRun] = []
            pieces.reserveCapacity(own.count + 16)
            // Only the runs on the wall's rows can lose pixels to it.
            let band = wall.band(rowStarts: ownRowStarts)
            // The wall's span on the current row, worked out once a row.
            var spanRow: Int32 = -1
            var span: ClosedRange<Double>?
            for (k, r) in own.enumerated() {
                let run = runs[r]
                guard band.contains(k) else {
                    pieces.append(run)
                    continue
                }
                if run.row != spanRow {
                    spanRow = run.row
                    span = wall.span(onRow: Int(run.row))
                }
                wall.appendPieces(of: run, span: span, to: &pieces)
            }
            let rowStarts = RegionLabeler.rowStarts(ofRows: pieces.lazy.map(\.row), height: image.height)
            let (pieceLabels, count) = RegionLabeler.labels(of: pieces, rowStarts: rowStarts)
            var areas = [Double](repeating: 0, count: count)
            for (n, piece) in pieces.enumerated() { areas[Int(pieceLabels[n])] += Double(piece.end - piece.start) }
            let largest = areas.indices.sorted { areas[$0] > areas[$1] }
            guard largest.count >= 2 else { return nil }
            let kept = areas.reduce(0.0, +)
            guard kept - areas[largest[0]] - areas[largest[1]] <= 0.02 * regions[index].area else { return nil }
            /// The summary of part `id`, its pieces added in raster order.
            func part(_ id: Int) -> ForegroundRegion {
                var region: ForegroundRegion?
                for (n, piece) in pieces.enumerated() where Int(pieceLabels[n]) == id {
                    if region == nil { region = ForegroundRegion(firstRun: n) }
                    region?.add(piece)
                }
                return region ?? ForegroundRegion(firstRun: 0)
            }
            let a = part(largest[0]), b = part(largest[1])
            guard FootGrouping.areAPair(a, b, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY) else { return nil }
            return Cut(wall: wall, a: a, b: b, ids: (Int32(largest[0]), Int32(largest[1])), pieces: pieces, labels: pieceLabels,
                       crossed: regions[index].area - kept)
        }
        // Cuts crossing about as little foreground as the best (a toe's base more or less) are kept, and
        // told apart by the feet they leave: the more convex the two, the likelier (a toe cut off one foot
        // sticks out of the other's side). The walls are tried from the one crossing the least: once one
        // is valid, walls crossing more than half as much again are not labelled at all.
        let walls = segments.map { Wall(from: outline[$0.a], to: outline[$0.b]) }
        let crossings = walls.map { Double($0.pixelsInside(runs, own, rowStarts: ownRowStarts)) }
        let order = walls.indices.sorted { crossings[$0] < crossings[$1] || (crossings[$0] == crossings[$1] && $0 < $1) }
        var shortlist: [(segment: Int, cut: Cut)] = []
        var fewest = Double.infinity
        // Each wall tried labels the region's runs again: a pair of feet (a few thousand runs) can try
        // all of them, a region shattered into a run every few pixels (noise) only a few.
        for segment in order {
            guard crossings[segment] <= 1.5 * fewest + 2, budget >= own.count else { break }
            budget -= own.count
            guard let cut = validCut(walls[segment]) else { continue }
            fewest = min(fewest, cut.crossed)
            shortlist.append((segment, cut))
        }
        shortlist.sort { $0.segment < $1.segment }
        var best: (feet: (FootGrouping.Foot, FootGrouping.Foot), deficiency: Double)?
        for (_, cut) in shortlist {
            var deficiency = 0.0
            for (id, part) in [(cut.ids.0, cut.a), (cut.ids.1, cut.b)] {
                deficiency += rowEnds(of: id, pieces: cut.pieces, labels: cut.labels, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).hullArea()
                    - part.area * mmPerPixelX * mmPerPixelY
            }
            if deficiency < best?.deficiency ?? .infinity {
                best = ((FootGrouping.Foot(parts: [index], summary: cut.a, wall: cut.wall),
                         FootGrouping.Foot(parts: [index], summary: cut.b, wall: cut.wall)), deficiency)
            }
        }
        return best?.feet
    }

    /// The runs the splits of all the regions of an image may label in all (each region's outline and
    /// walls once, then each wall tried), per pixel of the image. A pair of feet uses under 0.2 by
    /// estimate (a few thousand runs, at most 67 times, on an image of millions of pixels).
    static let labelledRunsPerPixel = 1

    /// The ends of each row of the part labelled `id` (its leftmost start and rightmost end, in
    /// millimetres), whose convex hull is that of all the part's run ends. `pieces` are in raster order.
    static func rowEnds(of id: Int32, pieces: [ForegroundRun], labels: [Int32], mmPerPixelX: Double, mmPerPixelY: Double) -> [SIMD2<Double>] {
        var ends: [SIMD2<Double>] = []
        var row: (y: Int32, start: Int32, end: Int32)?
        func flush() {
            guard let row else { return }
            ends.append(SIMD2(Double(row.start) * mmPerPixelX, Double(row.y) * mmPerPixelY))
            ends.append(SIMD2(Double(row.end) * mmPerPixelX, Double(row.y) * mmPerPixelY))
        }
        for (n, piece) in pieces.enumerated() where labels[n] == id {
            if let current = row, current.y == piece.row {
                row = (current.y, min(current.start, piece.start), max(current.end, piece.end))
            } else {
                flush()
                row = (piece.row, piece.start, piece.end)
            }
        }
        flush()
        return ends
    }

    /// The notches of a closed outline, as indices into it, in order along the outline: in each
    /// concavity (the stretch of outline under a convex hull edge), the points deepest below the edge
    /// between two rises of at least 3 mm (a concavity holding several toes' clefts has a notch at each),
    /// when at least `minimumDepth` deep; the `count` deepest of them.
    static func notchIndices(_ points: [SIMD2<Double>], minimumDepth: Double, count: Int) -> [Int] {
        let hull = ConvexHull.indices(xs: points.map { $0.x }, ys: points.map { $0.y }).sorted()
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
