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
    init(covering points: [SIMD2<Double>], width: Int, height: Int) {
        let x0 = max(0, Int(points.map(\.x).min()?.rounded(.down) ?? 0)), y0 = max(0, Int(points.map(\.y).min()?.rounded(.down) ?? 0))
        let x1 = min(width - 1, Int(points.map(\.x).max()?.rounded(.up) ?? -1))
        let y1 = min(height - 1, Int(points.map(\.y).max()?.rounded(.up) ?? -1))
        self.init(x: x0, y: y0, width: max(0, x1 - x0 + 1), height: max(0, y1 - y0 + 1))
    }

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
