extension Array where Element == SIMD2<Double> {
    /// The signed shoelace area of a closed polygon.
    var enclosedSignedArea: Double {
        var twice = 0.0
        for i in indices {
            let a = self[i], b = self[(i + 1) % count]
            twice += a.x * b.y - b.x * a.y
        }
        return twice / 2
    }
}
