import FootScanImage

/// The part of the scan that shows the bed: the whole image, less any band of light (a leak where the
/// lid does not close) that runs along an edge at a level near the skin's and so segments as foreground.
///
/// A band is told from a foot cut by the edge by its shape: along a left or right edge, at least 90% of
/// the rows start (or end) with a foreground run from the edge, and at least 60% of them with a run of
/// nearly one width (within 0.5 mm or 2 pixels of the narrowest tenth), at most 20 mm; along the top or
/// bottom, whole rows at least 75% foreground, at most 20 mm of them. A foot touching the band joins it
/// only on the rows where they touch, so those rows do not change the band's width. Everything between
/// the edge and the band's inner side is then left out, and a foot that reaches that side carries
/// `touches_border`: its outline may go on under the band.
struct VisibleArea: Sendable, Equatable {
    /// First visible column and row, and one past the last (pixels).
    var minX: Int, minY: Int, maxX: Int, maxY: Int

    /// The whole image.
    init(width: Int, height: Int) {
        (minX, minY, maxX, maxY) = (0, 0, width, height)
    }

    init(minX: Int, minY: Int, maxX: Int, maxY: Int) {
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    /// Whether pixel (x, y) shows the bed.
    @inline(__always) func contains(_ x: Int, _ y: Int) -> Bool { x >= minX && y >= minY && x < maxX && y < maxY }

    /// Whether a point in pixel coordinates lies within half a pixel of the visible area's edge.
    func isOnEdge(_ p: SIMD2<Double>) -> Bool {
        p.x < Double(minX) + 0.5 || p.y < Double(minY) + 0.5 || p.x > Double(maxX) - 1.5 || p.y > Double(maxY) - 1.5
    }

    /// Finds bands along the four edges from the foreground runs.
    static func detect(runs: [ForegroundRun], rowStarts: [Int], width: Int, height: Int, pixelMM: Double) -> VisibleArea {
        guard width >= 8, height >= 8 else { return VisibleArea(width: width, height: height) }
        return detect(width: width, height: height, pixelMM: pixelMM, leftWidth: { y, _ in
            let first = rowStarts[y]
            return first < rowStarts[y + 1] && runs[first].start <= 1 ? Int(runs[first].end) : 0
        }, rightWidth: { y, _ in
            let last = rowStarts[y + 1] - 1
            return last >= rowStarts[y] && Int(runs[last].end) >= width - 1 ? width - Int(runs[last].start) : 0
        }, covered: { y in
            var sum = 0
            for r in rowStarts[y]..<rowStarts[y + 1] { sum += Int(runs[r].end - runs[r].start) }
            return sum * 4 >= width * 3
        })
    }

    /// The same bands found on the pixels themselves with `test`, without making the runs: each row is
    /// read from an edge only as far as its foreground reaches (a colour scan's luma, looked at for
    /// bands that its projection will hide). Exactly what ``detect(runs:rowStarts:width:height:pixelMM:)``
    /// finds on the runs of `image` at `test`.
    static func detect(image: ScanImage, test: ForegroundTest, pixelMM: Double) -> VisibleArea {
        let width = image.width, height = image.height, stride = image.stride
        guard width >= 8, height >= 8 else { return VisibleArea(width: width, height: height) }
        return image.pixels.withUnsafeBufferPointer { pixels in
            detect(width: width, height: height, pixelMM: pixelMM, leftWidth: { y, limit in
                let row = y * stride
                // The first run starts at 0 or 1 (as a run from the edge must); its end is the first background after it.
                var x = test.isForeground(pixels[row]) ? 0 : (test.isForeground(pixels[row + 1]) ? 1 : -1)
                guard x >= 0 else { return 0 }
                let end = min(width, limit + 1)
                while x < end && test.isForeground(pixels[row + x]) { x += 1 }
                return x
            }, rightWidth: { y, limit in
                let row = y * stride
                var x = test.isForeground(pixels[row + width - 1]) ? width - 1 : (test.isForeground(pixels[row + width - 2]) ? width - 2 : -1)
                guard x >= 0 else { return 0 }
                let end = max(0, width - limit - 1)
                while x > end && test.isForeground(pixels[row + x - 1]) { x -= 1 }
                return width - x
            }, covered: { y in
                var sum = 0
                for x in 0..<width where test.isForeground(pixels[y * stride + x]) { sum += 1 }
                return sum * 4 >= width * 3
            })
        }
    }

    /// Bands from three views of the foreground: the width of the run from the left and from the right
    /// edge on row y (0 when none touches it), and whether row y is three quarters foreground.
    ///
    /// A run wider than the second argument of `leftWidth` and `rightWidth` (the widest band and its
    /// slack) may be given as any width above it: such a run is no band, and the rows that hold one
    /// count only as touching the edge and as wider than any band. Read from the pixels, a haze along an
    /// edge (as bright as skin in luma) is then read only as far as a band could reach, and the rows at
    /// the top and bottom only as far as a band's height: on a 300 dpi dark-bed scan whose haze reaches
    /// the edge, each row was read twice to the haze's inner side.
    static func detect(width: Int, height: Int, pixelMM: Double, leftWidth: (Int, Int) -> Int, rightWidth: (Int, Int) -> Int,
                       covered: (Int) -> Bool) -> VisibleArea {
        var area = VisibleArea(width: width, height: height)
        let widest = Int((20 / pixelMM).rounded())
        let slack = max(2, Int((0.5 / pixelMM).rounded()))
        // Left and right: the widths are only gathered when 90% of the rows have a run from the edge, so a
        // scan without a band allocates nothing here.
        func bandWidth(_ widthAt: (Int, Int) -> Int) -> Int? {
            let limit = widest + slack
            var touching = 0
            for y in 0..<height where widthAt(y, limit) > 0 { touching += 1 }
            guard touching * 10 >= height * 9 else { return nil }
            let sorted = (0..<height).map { widthAt($0, limit) }.sorted()
            let narrow = sorted[sorted.count / 10]
            guard narrow >= 1, narrow <= widest else { return nil }
            let pure = sorted.filter { $0 <= narrow + slack }
            guard pure.count * 10 >= sorted.count * 6, let cut = pure.last else { return nil }
            return cut
        }
        if let band = bandWidth(leftWidth) { area.minX = band }
        if let band = bandWidth(rightWidth) { area.maxX = width - band }
        // Top and bottom: whole rows of foreground.
        var top = 0
        while top <= widest && top < height && covered(top) { top += 1 }
        if top >= 1 && top <= widest { area.minY = top }
        var bottom = 0
        while bottom <= widest && bottom < height && covered(height - 1 - bottom) { bottom += 1 }
        if bottom >= 1 && bottom <= widest { area.maxY = height - bottom }
        guard area.minX < area.maxX - 8, area.minY < area.maxY - 8 else { return VisibleArea(width: width, height: height) }
        return area
    }
}
