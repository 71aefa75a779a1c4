/// The span a convex polygon covers on each pixel row: where a grown foreground may lie and still be
/// inside what was found before (`MeasurementEngine.measureGradedPrint` takes a graded print's
/// hysteresis only when its growth stays within the first print's hull).
struct HullSpans {
    /// The first row the hull covers.
    let firstRow: Int
    /// For each row from ``firstRow`` on, the hull's leftmost and rightmost x (pixel units, inclusive).
    let spans: [(left: Double, right: Double)]

    /// The spans of the convex hull of `runs`, each pixel of a run counted by its row and its first and
    /// last column.
    init(runs: some Sequence<ForegroundRun>) {
        var xs: [Double] = [], ys: [Double] = []
        for run in runs {
            xs.append(Double(run.start)); ys.append(Double(run.row))
            xs.append(Double(run.end - 1)); ys.append(Double(run.row))
        }
        let hull = ConvexHull.indices(xs: xs, ys: ys)
        guard let top = hull.map({ ys[$0] }).min(), let bottom = hull.map({ ys[$0] }).max() else {
            firstRow = 0
            spans = []
            return
        }
        var spans: [(left: Double, right: Double)] = []
        spans.reserveCapacity(Int(bottom - top) + 1)
        for row in Int(top)...Int(bottom) {
            let y = Double(row)
            var left = Double.infinity, right = -Double.infinity
            for (k, i) in hull.enumerated() {
                let j = hull[(k + 1) % hull.count]
                let (y0, y1) = (ys[i], ys[j])
                guard min(y0, y1) <= y, y <= max(y0, y1) else { continue }
                if y0 == y1 {
                    left = min(left, xs[i], xs[j])
                    right = max(right, xs[i], xs[j])
                } else {
                    let x = xs[i] + (xs[j] - xs[i]) * (y - y0) / (y1 - y0)
                    left = min(left, x)
                    right = max(right, x)
                }
            }
            spans.append((left, right))
        }
        firstRow = Int(top)
        self.spans = spans
    }

    /// The columns of row `row` inside the hull, clamped to `0 ..< width`; nil when none.
    func columns(row: Int, width: Int) -> ClosedRange<Int>? {
        let index = row - firstRow
        guard spans.indices.contains(index) else { return nil }
        let low = max(0, Int(spans[index].left.rounded(.up))), high = min(width - 1, Int(spans[index].right.rounded(.down)))
        return low <= high ? low...high : nil
    }

    /// How many pixels of `run` lie outside the hull widened by `reachX` either side and `reachY` rows
    /// above and below (rows beyond the hull's ends take its end row's span).
    func pixelsOutside(_ run: ForegroundRun, reachX: Double, reachY: Int) -> Int {
        let count = Int(run.end - run.start)
        let index = Int(run.row) - firstRow
        guard !spans.isEmpty, index >= -reachY, index < spans.count + reachY else { return count }
        let span = spans[min(max(index, 0), spans.count - 1)]
        let left = (span.left - reachX).rounded(.up), right = (span.right + reachX).rounded(.down)
        let inside = min(Double(run.end - 1), right) - max(Double(run.start), left) + 1
        return count - max(0, min(count, Int(inside)))
    }
}
