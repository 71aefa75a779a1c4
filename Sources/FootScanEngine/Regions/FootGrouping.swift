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
///   toe pads of the foot whose outline lies nearest, when that is within 40 mm and they lie at its toes
///   (``padsAtTheToes(_:of:regions:runs:runsOfRegion:mmPerPixelX:mmPerPixelY:)``) with no line between
///   them and it (``crossesLine(from:to:runs:rowStarts:labels:isLine:)``); of more than five, the five
///   nearest the print.
/// Everything else (specks, a card, a ruler, a light band along the bed) is left out.
struct FootGrouping {
    struct Foot {
        var parts: [Int]
        var pads: [Int] = []
        var summary: ForegroundRegion
        /// For one of two touching feet: the wall that parts it from the other.
        var wall: TouchingFeet.Wall?
    }

    /// Each region's runs (indices into the image's runs, in raster order), bucketed once in two arrays
    /// (a counting sort on the labels): what looks at one region's runs looks only at those, and an image
    /// of many regions costs no allocation per region.
    struct RunsByRegion {
        /// The runs' indices, region by region.
        private var order: [Int]
        /// `order[starts[i]..<starts[i + 1]]`: region i's runs.
        private var starts: [Int]

        init(labels: [Int32], regionCount: Int) {
            var starts = [Int](repeating: 0, count: regionCount + 1)
            for label in labels { starts[Int(label) + 1] += 1 }
            for i in stride(from: 1, through: regionCount, by: 1) { starts[i] += starts[i - 1] }
            var next = starts
            var order = [Int](repeating: 0, count: labels.count)
            for (r, label) in labels.enumerated() {
                order[next[Int(label)]] = r
                next[Int(label)] += 1
            }
            self.order = order
            self.starts = starts
        }

        /// Region `index`'s runs, in raster order.
        subscript(index: Int) -> ArraySlice<Int> { order[starts[index]..<starts[index + 1]] }
    }

    var feet: [Foot] = []
    /// Each region's row fill (``rowFills(runs:labels:regionCount:)``).
    var rowFills: [Double] = []

    /// Whether a foot-like region may be two touching feet: its extent along its principal axis exceeds
    /// 320 mm (longer than any foot), or its extent across is more than 0.45 of that (wider than any foot
    /// for its length). Exact extents of the runs' ends, one pass over the region's runs.
    static func mayBeTwoFeet(_ index: Int, regions: [ForegroundRegion], runs: [ForegroundRun], runsOfRegion: RunsByRegion,
                             mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        let angle = regions[index].principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        let axis = (x: cos(angle), y: sin(angle))
        var along = (low: Double.infinity, high: -Double.infinity), across = along
        for r in runsOfRegion[index] {
            let run = runs[r]
            let y = Double(run.row) * mmPerPixelY
            for end in 0..<2 {
                let x = Double(end == 0 ? run.start : run.end - 1) * mmPerPixelX
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
    static func areAPair(_ a: ForegroundRegion, _ b: ForegroundRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        guard FootShapeRule.isFootLike(a, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY), FootShapeRule.isFootLike(b, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY) else { return false }
        let la = a.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major, lb = b.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major
        return min(la, lb) >= 0.75 * max(la, lb)
    }

    /// A toe pad: 12 to 1,200 mm², at most 3 times as long as wide and 45 mm long.
    static func isPadLike(_ region: ForegroundRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        guard (12..<1_200).contains(region.area * mmPerPixelX * mmPerPixelY) else { return false }
        let extents = region.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        return extents.minor > 0 && extents.major / extents.minor <= 3 && extents.major <= 45
    }

    /// Of the pads near a foot, those at its toes. Toes lie at the foot's wider end along its long axis
    /// (the forefoot is a third wider than the heel); pads within the middle half of the foot's length,
    /// outside the breadth of the end they lie at (8 mm either side), or at the narrow end (a form's text
    /// above a heel, pencil marks, specks) are not toes. When neither end is clearly wider (10%), the end with
    /// more pads keeps them, an end with more than seven blobs being no toes (a line of text).
    static func padsAtTheToes(_ pads: [Int], of foot: Foot, regions: [ForegroundRegion], runs: [ForegroundRun],
                              runsOfRegion: RunsByRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> [Int] {
        let summary = foot.summary
        let angle = summary.principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        let axis = (x: cos(angle), y: sin(angle))
        let centre = (x: summary.centroid.x * mmPerPixelX, y: summary.centroid.y * mmPerPixelY)
        func frame(_ x: Double, _ y: Double) -> (along: Double, across: Double) {
            let dx = x - centre.x, dy = y - centre.y
            return (dx * axis.x + dy * axis.y, -dx * axis.y + dy * axis.x)
        }
        // The foot's extent along the axis, then its breadth within the outer 30% at each end.
        var points: [(along: Double, across: Double)] = []
        for r in foot.parts.flatMap({ runsOfRegion[$0] }) {
            let run = runs[r]
            let y = Double(run.row) * mmPerPixelY
            points.append(frame(Double(run.start) * mmPerPixelX, y))
            points.append(frame(Double(run.end - 1) * mmPerPixelX, y))
        }
        let low = points.map(\.along).min() ?? 0, high = points.map(\.along).max() ?? 0
        let half = max((high - low) / 2, 1)
        func span(_ inEnd: (Double) -> Bool) -> (low: Double, high: Double) {
            let across = points.filter { inEnd($0.along) }.map(\.across)
            return (across.min() ?? 0, across.max() ?? 0)
        }
        let rearSpan = span { $0 <= low + 0.3 * (high - low) }, frontSpan = span { $0 >= high - 0.3 * (high - low) }
        let rear = rearSpan.high - rearSpan.low, front = frontSpan.high - frontSpan.low
        var ends: [[Int]] = [[], []]
        for pad in pads {
            let c = regions[pad].centroid
            let p = frame(c.x * mmPerPixelX, c.y * mmPerPixelY)
            // Toes stand within the breadth of the end they grow from (8 mm either side for turned toes).
            let end = p.along > 0 ? frontSpan : rearSpan
            guard abs(p.along) >= 0.5 * half, p.across >= end.low - 8, p.across <= end.high + 8 else { continue }
            ends[p.along > 0 ? 1 : 0].append(pad)
        }
        if front > 1.1 * rear { return ends[1] }
        if rear > 1.1 * front { return ends[0] }
        func area(_ end: [Int]) -> Double { end.reduce(0) { $0 + regions[$1].area } }
        ends = ends.map { $0.count > 7 ? [] : $0 }
        if ends[0].count != ends[1].count { return ends[0].count > ends[1].count ? ends[0] : ends[1] }
        return area(ends[0]) >= area(ends[1]) ? ends[0] : ends[1]
    }

    /// A blob at the toes smaller than this share of the candidates' median area is the first left out
    /// when there are more than five: on generated ink prints a toe's pad is 78-500 mm², a glyph of the
    /// form's text 12-42.
    static let smallPadShare = 1.0 / 3

    /// Of more than five candidate toes (`pads`, with their `areas`), those under ``smallPadShare`` of the
    /// median area left out, smallest first, down to five at most; fewer than six are kept as they are.
    static func withoutSmallOutliers(_ pads: [Int], areas: [Double]) -> [Int] {
        guard pads.count > 5 else { return pads }
        let median = areas.sorted()[areas.count / 2]
        var kept = Array(zip(pads, areas))
        for small in kept.filter({ $0.1 < smallPadShare * median }).sorted(by: { $0.1 < $1.1 }) where kept.count > 5 {
            kept.removeAll { $0.0 == small.0 }
        }
        return kept.map(\.0)
    }

    /// How long a region that parts a blob from a foot must be to be a line, mm: a form's printed line,
    /// its frame, a block of its text, a ruler's edge (a speck or a stray ink line between a toe and its
    /// print is not one).
    static let lineMM = 30.0

    /// Whether `region`'s bounding box is at least ``lineMM`` long: a line, when it is neither a foot's
    /// part nor a pad.
    static func isLong(_ region: ForegroundRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        max(Double(region.maxX - region.minX + 1) * mmPerPixelX, Double(region.maxY - region.minY + 1) * mmPerPixelY) >= lineMM
    }

    /// Whether the straight way from `start` to `end` (pixels) crosses a region `isLine` accepts, looked up
    /// in the runs every half pixel along it.
    static func crossesLine(from start: SIMD2<Double>, to end: SIMD2<Double>, runs: [ForegroundRun], rowStarts: [Int],
                            labels: [Int32], isLine: (Int) -> Bool) -> Bool {
        let delta = end - start
        let steps = max(1, Int((2 * max(abs(delta.x), abs(delta.y))).rounded(.up)))
        var checked = Int32(-1)
        for step in 0...steps {
            let point = start + delta * (Double(step) / Double(steps))
            let x = Int(point.x.rounded()), y = Int(point.y.rounded())
            guard y >= 0, y + 1 < rowStarts.count else { continue }
            // The row's last run starting at or before x.
            var low = rowStarts[y], high = rowStarts[y + 1]
            while low < high {
                let middle = (low + high) / 2
                if Int(runs[middle].start) <= x { low = middle + 1 } else { high = middle }
            }
            guard low > rowStarts[y], x < Int(runs[low - 1].end) else { continue }
            let label = labels[low - 1]
            if label != checked {
                if isLine(Int(label)) { return true }
                checked = label
            }
        }
        return false
    }

    /// How solid each region is: its area over the area of its rows' spans (each row from the region's
    /// first pixel to its last). About 0.8 or more for a sole, a print or a toe pad (only a concave side
    /// across the rows leaves gaps); 0.5 or less for a block of text on a form, whose glyphs, smoothed,
    /// still leave holes between them, or a curling pencil stroke. One pass over the runs.
    static func rowFills(runs: [ForegroundRun], labels: [Int32], regionCount: Int) -> [Double] {
        var area = [Int](repeating: 0, count: regionCount), span = area
        var row = [Int32](repeating: -1, count: regionCount), first = row, last = row
        for (r, run) in runs.enumerated() {
            let k = Int(labels[r])
            area[k] += Int(run.end - run.start)
            if run.row != row[k] {
                if row[k] >= 0 { span[k] += Int(last[k] - first[k]) }
                row[k] = run.row
                first[k] = run.start
            }
            last[k] = run.end
        }
        return (0..<regionCount).map { k in
            let total = span[k] + (row[k] >= 0 ? Int(last[k] - first[k]) : 0)
            return total > 0 ? Double(area[k]) / Double(total) : 0
        }
    }

    /// Heel and forefoot of one print: each compact (at most 2.5 times as long as wide), and lying one
    /// behind the other along the pair's long axis (their centres at least 0.3 of its length apart along
    /// it, and less than a quarter of that apart across it).
    static func arePrintHalves(_ a: ForegroundRegion, _ b: ForegroundRegion, merged: ForegroundRegion, separation: Double,
                               mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        for part in [a, b] {
            let extents = part.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            guard extents.minor > 0, extents.major / extents.minor <= 2.5 else { return false }
        }
        let angle = merged.principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        let axis = (x: cos(angle), y: sin(angle))
        let d = (x: (a.centroid.x - b.centroid.x) * mmPerPixelX, y: (a.centroid.y - b.centroid.y) * mmPerPixelY)
        let along = abs(d.x * axis.x + d.y * axis.y), across = abs(-d.x * axis.y + d.y * axis.x)
        let length = merged.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major
        return separation > 0 && along >= 0.3 * length && across <= 0.25 * along
    }

    init(regions: [ForegroundRegion], runs: [ForegroundRun], labels: [Int32], foreground: Foreground, image: ScanImage,
         mmPerPixelX: Double, mmPerPixelY: Double) {
        // An image of noise has hundreds of regions of foot size at a low density: what looks at one
        // region looks at its runs only.
        let runsOfRegion = RunsByRegion(labels: labels, regionCount: regions.count)
        var splitBudget = TouchingFeet.labelledRunsPerPixel * image.width * image.height
        func split(_ index: Int) -> (Foot, Foot)? {
            TouchingFeet.split(index, regions: regions, runs: runs, own: Array(runsOfRegion[index]), image: image,
                               test: foreground.edge, visible: foreground.visible, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY, budget: &splitBudget)
        }
        let pixelArea = mmPerPixelX * mmPerPixelY
        let large = regions.indices.filter { regions[$0].area * pixelArea >= 1_200 }
        var used = Set<Int>()
        // Split prints first: their forefoot can pass for a foot alone, and the toe pads tell which
        // compact region is a forefoot.
        // Pads are solid blobs; a pencil stroke or a line of text is not.
        let fills = FootGrouping.rowFills(runs: runs, labels: labels, regionCount: regions.count)
        self.rowFills = fills
        let padCandidates = regions.indices.filter { FootGrouping.isPadLike(regions[$0], mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY) && fills[$0] >= 0.6 }
        let compact = large.filter { index in
            let extents = regions[index].principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            return extents.minor > 0 && extents.major / extents.minor <= 2.5
        }
        // rowStarts[y]..<rowStarts[y + 1]: row y's runs, as the segmenter handed them on.
        let rowStarts = foreground.rowStarts
        var isPad = [Bool](repeating: false, count: regions.count)
        for candidate in padCandidates { isPad[candidate] = true }
        // A blob beyond a form's printed line (or another print's half) is no toe of a print half on this
        // side of it.
        func isParted(_ pad: Int, _ half: Int) -> Bool {
            let p = regions[pad].centroid, h = regions[half].centroid
            return FootGrouping.crossesLine(from: SIMD2(p.x, p.y), to: SIMD2(h.x, h.y), runs: runs, rowStarts: rowStarts, labels: labels) { label in
                label != half && !isPad[label] && FootGrouping.isLong(regions[label], mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            }
        }
        for pair in PrintHalves.match(compact, pads: padCandidates, regions: regions, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY,
                                      isParted: isParted) {
            feet.append(Foot(parts: [pair.heel, pair.forefoot].sorted { regions[$0].area > regions[$1].area },
                             summary: regions[pair.heel] + regions[pair.forefoot]))
            used.insert(pair.heel)
            used.insert(pair.forefoot)
        }
        for index in large where !used.contains(index) && FootShapeRule.isFootLike(regions[index], mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY) {
            // Two feet touching in a staggered stance can look like one big foot: a region longer than any
            // foot, or wider for its length, is cut when a notch-to-notch cut leaves two feet of a pair.
            if FootGrouping.mayBeTwoFeet(index, regions: regions, runs: runs, runsOfRegion: runsOfRegion, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY),
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
        // Toe pads: compact small regions, each to the foot whose runs come nearest its centre. Only a foot
        // within 40 mm takes a pad, so only the rows within 40 mm of the pad's centre are looked at (in
        // raster order, as a scan of every run would: the first of equally near runs wins).
        let pads = padCandidates.filter { !used.contains($0) }
        if !pads.isEmpty && !feet.isEmpty {
            var footOfRegion = [Int](repeating: -1, count: regions.count)
            for (n, foot) in feet.enumerated() { for part in foot.parts { footOfRegion[part] = n } }
            let reach = 40.0
            var nearest = [(distance: Double, foot: Int, point: SIMD2<Double>)](repeating: (.infinity, -1, .zero), count: pads.count)
            for (p, pad) in pads.enumerated() {
                let c = regions[pad].centroid
                let top = Int(max(0, min(Double(image.height), (c.y - reach / mmPerPixelY).rounded(.down))))
                let bottom = Int(max(Double(top), min(Double(image.height), (c.y + reach / mmPerPixelY).rounded(.up) + 1)))
                for runIndex in rowStarts[top]..<rowStarts[bottom] {
                    let foot = footOfRegion[Int(labels[runIndex])]
                    guard foot >= 0 else { continue }
                    let run = runs[runIndex]
                    let y = Double(run.row), x0 = Double(run.start), x1 = Double(run.end - 1)
                    let dx = max(x0 - c.x, 0, c.x - x1) * mmPerPixelX, dy = (y - c.y) * mmPerPixelY
                    let distance = (dx * dx + dy * dy).squareRoot()
                    if distance < nearest[p].distance { nearest[p] = (distance, foot, SIMD2(min(max(c.x, x0), x1), y)) }
                }
            }
            // A toe stands before its print with nothing between: a blob beyond a form's printed line (its
            // text, on generated ink prints a glyph 20-25 mm from the print, nearer than a faint toe) is none.
            func isLine(_ label: Int) -> Bool {
                footOfRegion[label] < 0 && !isPad[label] && FootGrouping.isLong(regions[label], mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            }
            var distance: [Int: Double] = [:]
            for (p, pad) in pads.enumerated() where nearest[p].foot >= 0 && nearest[p].distance <= reach
                && !FootGrouping.crossesLine(from: SIMD2(regions[pad].centroid.x, regions[pad].centroid.y), to: nearest[p].point, runs: runs, rowStarts: rowStarts,
                                             labels: labels, isLine: isLine) {
                feet[nearest[p].foot].pads.append(pad)
                distance[pad] = nearest[p].distance
            }
            for n in feet.indices where !feet[n].pads.isEmpty {
                // At most five toes: of more blobs at the toes, the ones far smaller than the rest first
                // out (``withoutSmallOutliers(_:areas:)``), then the five nearest the print.
                let toes = FootGrouping.padsAtTheToes(feet[n].pads, of: feet[n], regions: regions, runs: runs,
                                                       runsOfRegion: runsOfRegion, mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
                let kept = FootGrouping.withoutSmallOutliers(toes, areas: toes.map { regions[$0].area })
                feet[n].pads = Array(kept.sorted { distance[$0] ?? 0 < distance[$1] ?? 0 }.prefix(5))
            }
        }
        for n in feet.indices {
            feet[n].summary = feet[n].pads.reduce(feet[n].summary) { $0 + regions[$1] }
        }
        feet.sort { $0.summary.centroid.x < $1.summary.centroid.x }
    }
}
