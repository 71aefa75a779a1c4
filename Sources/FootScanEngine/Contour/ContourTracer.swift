import FootScanImage

/// Traces the outer boundary of one foreground region with marching squares over pixel centres, each
/// vertex placed where the grey level crosses the edge level between two neighbouring pixels (linear
/// interpolation): a closed polygon with sub-pixel vertices, in pixel coordinates (pixel centres at
/// whole numbers). Saddles join diagonal foreground pixels, as the 8-connected labelling does.
enum ContourTracer {
    /// For each marching-squares case (corner bits TL 1, TR 2, BR 4, BL 8) and entry edge
    /// (0 top, 1 right, 2 bottom, 3 left): the exit edge, or -1.
    static let exits: [[Int8]] = {
        var table = [[Int8]](repeating: [-1, -1, -1, -1], count: 16)
        func pair(_ c: Int, _ a: Int, _ b: Int) {
            table[c][a] = Int8(b)
            table[c][b] = Int8(a)
        }
        pair(1, 0, 3); pair(2, 0, 1); pair(3, 3, 1); pair(4, 1, 2)
        pair(5, 0, 1); pair(5, 3, 2)
        pair(6, 0, 2); pair(7, 3, 2); pair(8, 3, 2); pair(9, 0, 2)
        pair(10, 0, 3); pair(10, 1, 2)
        pair(11, 1, 2); pair(12, 3, 1); pair(13, 0, 1); pair(14, 0, 3)
        return table
    }()

    /// The contour through the top-left corner of the pixel (`startX`, `startY`), which must be the first
    /// pixel of its region's topmost run. Pixels outside `visible` (a light band along an edge) and, for
    /// one of two touching feet, on the `wall` between them count as background. Returns the vertices in
    /// pixel coordinates.
    static func trace(image: ScanImage, test: ForegroundTest, startX: Int, startY: Int,
                      visible: VisibleArea? = nil, wall: TouchingFeet.Wall? = nil) -> [SIMD2<Double>] {
        let width = image.width, height = image.height, stride = image.stride
        let visible = visible ?? VisibleArea(width: width, height: height)
        let level = test.edgeLevel
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(4096)
        image.pixels.withUnsafeBufferPointer { pixels in
            @inline(__always) func inside(_ x: Int, _ y: Int) -> Bool {
                visible.contains(x, y) && test.isForeground(pixels[y * stride + x])
                    && !(wall?.contains(x, y) ?? false)
            }
            @inline(__always) func signal(_ x: Int, _ y: Int) -> Double? {
                visible.contains(x, y) ? test.signal(pixels[y * stride + x]) : nil
            }
            // The crossing on edge `edge` of cell (cx, cy).
            func crossing(_ cx: Int, _ cy: Int, _ edge: Int) -> SIMD2<Double> {
                let (ax, ay, bx, by): (Int, Int, Int, Int)
                switch edge {
                case 0: (ax, ay, bx, by) = (cx, cy, cx + 1, cy)
                case 1: (ax, ay, bx, by) = (cx + 1, cy, cx + 1, cy + 1)
                case 2: (ax, ay, bx, by) = (cx, cy + 1, cx + 1, cy + 1)
                default: (ax, ay, bx, by) = (cx, cy, cx, cy + 1)
                }
                var t = 0.5
                if let wall, wall.contains(ax, ay) != wall.contains(bx, by) {
                    // The wall between two touching feet: the edge lies on the cut line itself, as near as
                    // the cell allows.
                    let va = wall.signedDistance(ax, ay), vb = wall.signedDistance(bx, by)
                    t = va == vb ? 0.5 : min(max(va / (va - vb), 0), 1)
                } else if let fa = signal(ax, ay), let fb = signal(bx, by), fa != fb {
                    t = min(max((level - fa) / (fb - fa), 0), 1)
                }
                return SIMD2(Double(ax) + t * Double(bx - ax), Double(ay) + t * Double(by - ay))
            }
            let startCell = (x: startX - 1, y: startY - 1)
            let startExit = 1
            var cx = startCell.x, cy = startCell.y
            var exit = startExit
            let limit = 4 * (width + 2) * (height + 2)
            var steps = 0
            repeat {
                points.append(crossing(cx, cy, exit))
                var entry: Int
                switch exit {
                case 0: cy -= 1; entry = 2
                case 1: cx += 1; entry = 3
                case 2: cy += 1; entry = 0
                default: cx -= 1; entry = 1
                }
                var code = 0
                if inside(cx, cy) { code |= 1 }
                if inside(cx + 1, cy) { code |= 2 }
                if inside(cx + 1, cy + 1) { code |= 4 }
                if inside(cx, cy + 1) { code |= 8 }
                let next = Int(exits[code][entry])
                if next < 0 { break } // cannot happen on a consistent grid; stop rather than loop
                exit = next
                steps += 1
            } while !(cx == startCell.x && cy == startCell.y && exit == startExit) && steps < limit
        }
        return points
    }
}
