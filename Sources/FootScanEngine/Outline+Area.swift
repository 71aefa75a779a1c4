extension Array where Element == SIMD2<Double> {
    /// The area enclosed by the closed outline through the points in `range` (shoelace formula).
    func enclosedArea(_ range: Range<Int>? = nil) -> Double {
        let range = range ?? indices
        guard !range.isEmpty else { return 0 }
        var twice = 0.0
        for i in range {
            let a = self[i], b = self[i + 1 == range.upperBound ? range.lowerBound : i + 1]
            twice += a.x * b.y - b.x * a.y
        }
        return abs(twice) / 2
    }
}

extension Array where Element == SIMD2<Double> {
    /// The area of the points' convex hull.
    func hullArea() -> Double {
        let hull = ToeAngles.convexHull(xs: map(\.x), ys: map(\.y))
        return hull.map { self[$0] }.enclosedArea()
    }
}
