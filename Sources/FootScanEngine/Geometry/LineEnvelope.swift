/// The upper envelope of a set of lines `v = slope · x + intercept`: their largest value at any `x`, in
/// a binary search over the lines that are ever the largest, instead of a pass over all of them.
///
/// A convex polygon's excess along one row of pixels (``HeelCloth/excess(_:support:)``: the largest
/// of `n · p - support` over its normals `n`) is such a maximum, one line per normal, with the row's
/// `y` folded into the intercepts.
struct LineEnvelope {
    /// The lines that are the largest somewhere, by increasing slope.
    private var slopes: [Double] = []
    private var intercepts: [Double] = []
    /// Where line `i` gives way to line `i + 1`.
    private var breaks: [Double] = []

    /// The envelope of the lines `slopes[i] · x + intercepts[i]`; none for empty or unequal arrays.
    init(slopes: [Double], intercepts: [Double]) {
        guard slopes.count == intercepts.count else { return }
        let order = slopes.indices.sorted { slopes[$0] != slopes[$1] ? slopes[$0] < slopes[$1] : intercepts[$0] < intercepts[$1] }
        for index in order {
            let m = slopes[index], b = intercepts[index]
            // Of lines of one slope only the highest can be the largest; it comes last.
            if let last = self.slopes.last, last == m { pop() }
            while let lastBreak = breaks.last, let m1 = self.slopes.last, let b1 = self.intercepts.last,
                  (b1 - b) / (m - m1) <= lastBreak {
                pop()
            }
            if let m1 = self.slopes.last, let b1 = self.intercepts.last { breaks.append((b1 - b) / (m - m1)) }
            self.slopes.append(m)
            self.intercepts.append(b)
        }
    }

    private mutating func pop() {
        slopes.removeLast()
        intercepts.removeLast()
        if !breaks.isEmpty { breaks.removeLast() }
    }

    /// The largest of the lines' values at `x`; minus infinity with no lines.
    func value(at x: Double) -> Double {
        guard !slopes.isEmpty else { return -.infinity }
        var low = 0, high = breaks.count
        // The first line whose break lies at or beyond x holds there.
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle] < x { low = middle + 1 } else { high = middle }
        }
        return slopes[low] * x + intercepts[low]
    }
}
