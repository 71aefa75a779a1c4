/// Rasterises closed polygons into per-row coverage: for each row, the exact horizontal coverage of
/// each pixel averaged over `subScanlines` evenly spaced sub-scanlines (non-zero winding rule, so that
/// two feet that overlap where they touch are one union), kept in a difference row so that a row costs
/// O(width + crossings).
struct PolygonRasterizer {
    /// A polygon edge that is not horizontal, in pixels.
    struct Edge {
        let top: Double
        let bottom: Double
        let xTop: Double
        let slope: Double
        /// +1 for an edge running down, -1 for one running up.
        let winding: Int

        init?(_ p: Point2, _ q: Point2) {
            guard p.y != q.y else { return nil }
            winding = p.y < q.y ? 1 : -1
            let (a, b) = p.y < q.y ? (p, q) : (q, p)
            top = a.y
            bottom = b.y
            xTop = a.x
            slope = (b.x - a.x) / (b.y - a.y)
        }

        func x(at y: Double) -> Double { xTop + (y - top) * slope }
    }

    let width: Int
    let subScanlines: Int
    private var edges: [Edge]
    private var active: [Int] = []
    private var next = 0
    private var crossings: [(x: Double, winding: Int)] = []
    private var difference: [Double]

    /// Prepares polygons given in pixel units; rows must then be asked for in increasing order.
    init(polygons: [[Point2]], width: Int, subScanlines: Int) {
        self.width = width
        self.subScanlines = subScanlines
        var edges: [Edge] = []
        for polygon in polygons {
            // Every outline counted counter-clockwise, so that overlapping outlines add up (a mirrored left
            // foot runs the other way round).
            var twiceArea = 0.0
            for i in polygon.indices {
                let p = polygon[i], q = polygon[(i + 1) % polygon.count]
                twiceArea += p.x * q.y - q.x * p.y
            }
            let ordered = twiceArea < 0 ? Array(polygon.reversed()) : polygon
            for i in ordered.indices {
                if let edge = Edge(ordered[i], ordered[(i + 1) % ordered.count]) { edges.append(edge) }
            }
        }
        self.edges = edges.sorted { $0.top < $1.top }
        difference = [Double](repeating: 0, count: width + 2)
    }

    /// The coverage (0...1) of every pixel of row `y`, written into `coverage` (`width` values).
    mutating func coverage(row y: Int, into coverage: inout [Double]) {
        for i in difference.indices { difference[i] = 0 }
        let weight = 1 / Double(subScanlines)
        for s in 0..<subScanlines {
            let ys = Double(y) + (Double(s) + 0.5) * weight
            while next < edges.count && edges[next].top <= ys { active.append(next); next += 1 }
            active.removeAll { edges[$0].bottom <= ys }
            crossings.removeAll(keepingCapacity: true)
            for index in active { crossings.append((edges[index].x(at: ys), edges[index].winding)) }
            crossings.sort { $0.x < $1.x }
            var winding = 0
            var start = 0.0
            for crossing in crossings {
                let before = winding
                winding += crossing.winding
                if before == 0 && winding != 0 { start = crossing.x }
                if before != 0 && winding == 0 { addSpan(from: start, to: crossing.x, weight: weight) }
            }
        }
        var covered = 0.0
        for x in 0..<width {
            covered += difference[x]
            coverage[x] = min(max(covered, 0), 1)
        }
    }

    /// Adds the exact coverage of [from, to) on one sub-scanline.
    private mutating func addSpan(from: Double, to: Double, weight: Double) {
        let a = min(max(from, 0), Double(width)), b = min(max(to, 0), Double(width))
        guard b > a else { return }
        let ia = Int(a), ib = Int(b)
        let fa = a - Double(ia), fb = b - Double(ib)
        difference[ia] += weight * (1 - fa)
        difference[ia + 1] += weight * fa
        difference[ib] -= weight * (1 - fb)
        difference[ib + 1] -= weight * fb
    }
}
