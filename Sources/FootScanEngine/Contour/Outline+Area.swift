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
        let hull = ConvexHull.indices(xs: map { $0.x }, ys: map { $0.y })
        return hull.map { self[$0] }.enclosedArea()
    }
}

extension Array where Element == SIMD2<Double> {
    /// The closed outline with each vertex replaced by the triangle-weighted mean of itself and its
    /// `halfWindow` neighbours either side. Evens out the vertices' jitter where a soft edge meets noise
    /// (the extremes that length and width take would otherwise sit on the noise's outward peaks); a
    /// curve of radius R moves inward by about w² / 6R for a window of half-length w.
    func smoothedOutline(halfWindow: Int) -> [SIMD2<Double>] {
        guard halfWindow >= 1, count > 2 * halfWindow + 1 else { return self }
        var smoothed: [SIMD2<Double>] = []
        smoothed.reserveCapacity(count)
        let total = Double((halfWindow + 1) * (halfWindow + 1))
        for i in indices {
            var sum = self[i] * Double(halfWindow + 1)
            for j in 1...halfWindow {
                let weight = Double(halfWindow + 1 - j)
                let ahead: SIMD2<Double> = self[(i + j) % count], behind: SIMD2<Double> = self[(i - j + count) % count]
                sum += (ahead + behind) * weight
            }
            smoothed.append(sum / total)
        }
        return smoothed
    }
}
