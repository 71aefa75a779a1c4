/// A rectangle of an image's pixels.
struct PixelBox: Equatable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    /// Whether the box holds no pixel.
    var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Whether pixel (`x`, `y`) lies in the box.
    func contains(x: Int, y: Int) -> Bool { x >= self.x && y >= self.y && x < self.x + width && y < self.y + height }

    /// The pixels of a `width` x `height` image that cover `points`; empty when none lie on it.
    /// The points' extremes are found in one pass, allocating nothing: the dim-foot look makes these
    /// boxes on every clean scan.
    init(covering points: [SIMD2<Double>], width: Int, height: Int) {
        guard var low = points.first else {
            self.init(x: 0, y: 0, width: 0, height: 0)
            return
        }
        var high = low
        for point in points.dropFirst() {
            if point.x < low.x { low.x = point.x }
            if point.y < low.y { low.y = point.y }
            if high.x < point.x { high.x = point.x }
            if high.y < point.y { high.y = point.y }
        }
        let x0 = max(0, Int(low.x.rounded(.down))), y0 = max(0, Int(low.y.rounded(.down)))
        let x1 = min(width - 1, Int(high.x.rounded(.up))), y1 = min(height - 1, Int(high.y.rounded(.up)))
        self.init(x: x0, y: y0, width: max(0, x1 - x0 + 1), height: max(0, y1 - y0 + 1))
    }

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
