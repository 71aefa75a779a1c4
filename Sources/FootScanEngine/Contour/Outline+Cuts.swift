extension Array where Element == SIMD2<Double> {
    /// Twice the signed area the closed outline encloses (shoelace formula): positive when it runs the way
    /// the image's x axis turns into its y axis. Its sign tells which side of a vertex the foot lies on:
    /// with a positive sum the right-hand normal (t.y, -t.x) of a tangent t points out of the foot.
    var signedTwiceArea: Double {
        var twice = 0.0
        for i in indices {
            let a = self[i], b = self[i + 1 == count ? 0 : i + 1]
            twice += a.x * b.y - b.x * a.y
        }
        return twice
    }

    /// Twice the signed area of the loop that runs along the closed outline from vertex `first` to vertex
    /// `last` and back along the line between them. Indices may run past either end (taken modulo the
    /// count); the loop has the outline's sign when it encloses the outline's side of the line.
    func loopTwiceArea(from first: Int, to last: Int) -> Double {
        let n = count
        @inline(__always) func at(_ i: Int) -> SIMD2<Double> { self[(i % n + n) % n] }
        var twice = 0.0
        for k in first..<last {
            let p = at(k), q = at(k + 1)
            twice += p.x * q.y - q.x * p.y
        }
        let p = at(last), q = at(first)
        return twice + p.x * q.y - q.x * p.y
    }

    /// The closed outline without the vertices in `cuts` (each an inclusive range of indices, which may
    /// run past either end: taken modulo the count), each gap bridged by a straight line with a vertex a
    /// pixel or less apart along it, as the tracer leaves them (the local edge reads a vertex's normal
    /// across its neighbours).
    func bridging(_ cuts: [(first: Int, last: Int)]) -> [SIMD2<Double>] {
        let n = count
        var kept = [Bool](repeating: true, count: n)
        for cut in cuts where cut.first <= cut.last {
            for k in cut.first...cut.last { kept[(k % n + n) % n] = false }
        }
        var result: [SIMD2<Double>] = []
        result.reserveCapacity(n)
        for k in 0..<n where kept[k] {
            result.append(self[k])
            guard !kept[(k + 1) % n], let next = (1..<n).lazy.map({ (k + $0) % n }).first(where: { kept[$0] }) else { continue }
            let d = self[next] - self[k]
            let steps = Int(((d * d).sum().squareRoot()).rounded(.up))
            for s in stride(from: 1, to: steps, by: 1) { result.append(self[k] + d * (Double(s) / Double(steps))) }
        }
        return result
    }
}
