extension Array where Element == SIMD2<Double> {
    /// The closed polygon through `corners`, a point every `spacing` (or a little less) along each side,
    /// starting at each corner: an outline as the contour tracer gives one.
    init(polygonThrough corners: [SIMD2<Double>], spacing: Double = 0.5) {
        var points: [SIMD2<Double>] = []
        for (k, a) in corners.enumerated() {
            let b = corners[(k + 1) % corners.count], d = b - a
            let steps = Swift.max(1, Int(((d * d).sum().squareRoot() / spacing).rounded()))
            for s in 0..<steps { points.append(a + d * (Double(s) / Double(steps))) }
        }
        self = points
    }
}
