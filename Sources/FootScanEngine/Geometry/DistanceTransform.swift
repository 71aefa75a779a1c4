/// Euclidean distances on a pixel grid to the nearest seed pixel, exact: the lower envelope of
/// parabolas along each row, then along each column (Felzenszwalb and Huttenlocher, "Distance
/// transforms of sampled functions", 2012). Linear in the pixels.
enum DistanceTransform {
    /// Squared distances, in pixels², from every pixel of a `width` x `height` grid to the nearest pixel
    /// where `seeds` is true (row after row); a grid without seeds gives `.infinity` everywhere.
    static func squaredDistances(seeds: [Bool], width: Int, height: Int) -> [Float] {
        precondition(seeds.count == width * height, "one seed flag per pixel")
        var distances = seeds.map { $0 ? Float(0) : .infinity }
        guard width > 0, height > 0 else { return distances }
        let longest = max(width, height)
        var line = [Float](repeating: 0, count: longest), result = line
        var vertices = [Int](repeating: 0, count: longest), bounds = [Float](repeating: 0, count: longest + 1)
        /// One pass along a line of `count` samples in `line`, into `result`.
        func pass(count: Int) {
            var k = -1
            for q in 0..<count where line[q].isFinite {
                let value = line[q] + Float(q * q)
                var start = -Float.infinity
                while k >= 0 {
                    let p = vertices[k]
                    start = (value - (line[p] + Float(p * p))) / Float(2 * (q - p))
                    if start > bounds[k] { break }
                    k -= 1
                }
                k += 1
                vertices[k] = q
                bounds[k] = k == 0 ? -.infinity : start
                bounds[k + 1] = .infinity
            }
            guard k >= 0 else {
                for q in 0..<count { result[q] = .infinity }
                return
            }
            var j = 0
            for q in 0..<count {
                while bounds[j + 1] < Float(q) { j += 1 }
                let p = vertices[j], d = Float(q - p)
                result[q] = d * d + line[p]
            }
        }
        for y in 0..<height {
            for x in 0..<width { line[x] = distances[y * width + x] }
            pass(count: width)
            for x in 0..<width { distances[y * width + x] = result[x] }
        }
        for x in 0..<width {
            for y in 0..<height { line[y] = distances[y * width + x] }
            pass(count: height)
            for y in 0..<height { distances[y * width + x] = result[y] }
        }
        return distances
    }
}
