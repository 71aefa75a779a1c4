/// The convex hull of a point set, shared by the toe angles (the forefoot's tangents), the touching-feet
/// cut (the notches between two feet) and the outline's hull in the result.
enum ConvexHull {
    /// Indices of the convex hull's vertices, counter-clockwise (Andrew's monotone chain).
    static func indices(xs: [Double], ys: [Double]) -> [Int] {
        let order = xs.indices.sorted { xs[$0] < xs[$1] || (xs[$0] == xs[$1] && ys[$0] < ys[$1]) }
        guard order.count >= 3 else { return order }
        func cross(_ o: Int, _ a: Int, _ b: Int) -> Double {
            (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o])
        }
        var lower: [Int] = [], upper: [Int] = []
        lower.reserveCapacity(order.count)
        upper.reserveCapacity(order.count)
        for i in order {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], i) <= 0 { lower.removeLast() }
            lower.append(i)
        }
        for i in order.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], i) <= 0 { upper.removeLast() }
            upper.append(i)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}
