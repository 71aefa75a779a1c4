#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outline of a generated foot as a dense closed polygon in the foot's own frame: x from the
/// pternion (x = 0) along the axis towards the toes, y across it, the big toe on +y for a right foot and
/// on -y for a left one. The axis runs through the pternion and the tip of toe 2 by construction.
public struct FootOutline: Sendable {
    /// The polygon's vertices, about 0.25 mm apart, in order around the foot.
    public let points: [Point2]
    /// For toes 1 to 5, the vertex range that traces that toe's cap.
    public let toeRanges: [Range<Int>]
    /// For toes 1 to 5: the tip (x of the tip, y of the toe's centre line), in the foot frame.
    public let toeTips: [Point2]
    /// For toes 1 to 5: half the toe's width and the length of its rounded cap, mm.
    public let toeSizes: [(halfWidth: Double, capLength: Double)]
    /// The x of the deepest cleft between two toes (where the toes leave the forefoot).
    public let toeBaseX: Double

    /// Builds the outline of `shape`.
    public init(shape: FootShape) {
        let length = shape.lengthMM
        let breadth = shape.ballBreadthMM
        // The heel's round back is a little narrower than the heel's breadth at 0.16 L, where the sides
        // have begun to open towards the ball.
        let radius = 0.48 * shape.heelBreadthMM
        let medial = breadth * shape.medialShare
        let lateral = breadth - medial

        // Toe tips along the axis (toe 1 ... toe 5).
        let d = shape.toe1MinusToe2MM
        let tip2 = d >= 0 ? length - d : length
        let tip1 = tip2 + d
        let tip3 = tip2 - shape.toeStepsMM[0]
        let tip4 = tip3 - shape.toeStepsMM[1]
        let tip5 = tip4 - shape.toeStepsMM[2]
        let tips = [tip1, tip2, tip3, tip4, tip5]
        // Toe half-widths, and their centres across the axis (toe 2 on the axis, toe 1 medial).
        let halfWidths = [0.135, 0.075, 0.07, 0.065, 0.06].map { $0 * breadth }
        let gap = 0.006 * breadth
        var centres = [Double](repeating: 0, count: 5)
        centres[0] = halfWidths[1] + gap + halfWidths[0]
        for k in 2..<5 { centres[k] = centres[k - 1] - halfWidths[k - 1] - gap - halfWidths[k] }
        let capLengths = halfWidths.map { $0 * 1.05 }

        // Control points, walking from the pternion along the lateral side, over the toes from toe 5 to
        // toe 1, and back along the medial side (y is medial-positive here; mirrored at the end for a left foot).
        var controls: [Point2] = []
        var toeControlRanges: [Int: Range<Int>] = [:]
        for step in 0...6 { // heel, lateral quarter
            let angle = Double.pi + Double(step) / 6 * Double.pi / 2
            controls.append(Point2(radius + radius * cos(angle), radius * sin(angle)))
        }
        controls.append(Point2(0.36 * length, -(radius + 0.45 * (lateral - radius))))
        controls.append(Point2(0.52 * length, -(radius + 0.85 * (lateral - radius))))
        controls.append(Point2(0.64 * length, -lateral))
        let toeBlockStart = controls.count
        controls.append(Point2(0.5 * (0.64 * length + tip5 - capLengths[4]), -(0.5 * lateral + 0.5 * (halfWidths[4] - centres[4]))))
        for k in stride(from: 4, through: 0, by: -1) {
            let start = controls.count
            for step in 0...8 {
                let psi = Double(step) / 8 * Double.pi
                controls.append(Point2(tips[k] - capLengths[k] + capLengths[k] * sin(psi), centres[k] - halfWidths[k] * cos(psi)))
            }
            toeControlRanges[k] = start..<controls.count
            if k > 0 {
                let base = min(tips[k] - capLengths[k], tips[k - 1] - capLengths[k - 1])
                controls.append(Point2(base - shape.cleftDepthMM, centres[k] + halfWidths[k] + gap / 2))
            }
        }
        let toe1Base = Point2(tips[0] - capLengths[0], centres[0] + halfWidths[0])
        // The first metatarsal head stands out as a bulge between the big toe and the arch.
        controls.append(Point2(0.5 * (toe1Base.x + 0.73 * length), 0.5 * (toe1Base.y + medial) - 2.5))
        // Toes turned laterally about the first metatarsal head: every control point from the lateral
        // connector to the big toe's base.
        let turn = -shape.toeRotationDeg * Double.pi / 180
        let pivot = Point2(0.73 * length, medial)
        func turned(_ p: Point2) -> Point2 {
            let d = p - pivot
            return pivot + Point2(d.x * cos(turn) - d.y * sin(turn), d.x * sin(turn) + d.y * cos(turn))
        }
        if turn != 0 {
            for index in toeBlockStart..<controls.count { controls[index] = turned(controls[index]) }
        }
        controls.append(Point2(0.73 * length, medial))
        controls.append(Point2(0.58 * length, medial - 0.35 * shape.archDepthMM - 0.25 * (medial - radius)))
        controls.append(Point2(0.42 * length, medial - shape.archDepthMM - 0.6 * (medial - radius)))
        controls.append(Point2(0.26 * length, radius + 0.25 * (medial - radius)))
        for step in 0..<6 { // heel, medial quarter, back towards the pternion
            let angle = Double.pi / 2 + Double(step) / 6 * Double.pi / 2
            controls.append(Point2(radius + radius * cos(angle), radius * sin(angle)))
        }

        // A dense closed centripetal Catmull-Rom spline through the control points.
        var points: [Point2] = []
        var controlStarts: [Int] = []
        let n = controls.count
        for i in 0..<n {
            controlStarts.append(points.count)
            let p0 = controls[(i + n - 1) % n], p1 = controls[i], p2 = controls[(i + 1) % n], p3 = controls[(i + 2) % n]
            let steps = max(2, Int(((p2 - p1).length / 0.25).rounded(.up)))
            for s in 0..<steps {
                points.append(FootOutline.catmullRom(p0, p1, p2, p3, Double(s) / Double(steps)))
            }
        }
        var ranges: [Range<Int>] = []
        for k in 0..<5 {
            guard let range = toeControlRanges[k] else { continue }
            ranges.append(controlStarts[range.lowerBound]..<controlStarts[range.upperBound - 1] + 1)
        }
        let mirror = shape.side == .left ? -1.0 : 1.0
        if shape.side == .left { points = points.map { Point2($0.x, -$0.y) } }
        self.points = points
        self.toeRanges = ranges
        self.toeTips = (0..<5).map { let tip = turned(Point2(tips[$0], centres[$0])); return Point2(tip.x, mirror * tip.y) }
        self.toeSizes = (0..<5).map { (halfWidths[$0], capLengths[$0]) }
        self.toeBaseX = (1..<5).map { min(tips[$0] - capLengths[$0], tips[$0 - 1] - capLengths[$0 - 1]) - shape.cleftDepthMM }.min() ?? length * 0.75
    }

    /// The same outline with every vertex moved `d` mm inward along its normal (toes, tips and sizes
    /// kept): the part of a sole that presses on a podoscope's glass lies inside the outline the camera sees.
    public func inset(by d: Double) -> FootOutline {
        let n = points.count
        var twiceArea = 0.0
        for i in 0..<n { twiceArea += points[i].x * points[(i + 1) % n].y - points[(i + 1) % n].x * points[i].y }
        let inward: Double = twiceArea >= 0 ? 1 : -1
        let moved = (0..<n).map { i -> Point2 in
            let t = points[(i + 2) % n] - points[(i - 2 + n) % n]
            let length = max(t.length, 1e-9)
            return points[i] + Point2(-t.y, t.x) * (inward * d / length)
        }
        return FootOutline(points: moved, toeRanges: toeRanges, toeTips: toeTips, toeSizes: toeSizes, toeBaseX: toeBaseX)
    }

    private init(points: [Point2], toeRanges: [Range<Int>], toeTips: [Point2], toeSizes: [(halfWidth: Double, capLength: Double)],
                 toeBaseX: Double) {
        self.points = points
        self.toeRanges = toeRanges
        self.toeTips = toeTips
        self.toeSizes = toeSizes
        self.toeBaseX = toeBaseX
    }

    /// A point on the centripetal Catmull-Rom segment from p1 to p2.
    static func catmullRom(_ p0: Point2, _ p1: Point2, _ p2: Point2, _ p3: Point2, _ t: Double) -> Point2 {
        func knot(_ a: Point2, _ b: Point2) -> Double { max((b - a).length.squareRoot(), 1e-6) }
        let t0 = 0.0, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3)
        let u = t1 + (t2 - t1) * t
        let a1 = p0 * ((t1 - u) / (t1 - t0)) + p1 * ((u - t0) / (t1 - t0))
        let a2 = p1 * ((t2 - u) / (t2 - t1)) + p2 * ((u - t1) / (t2 - t1))
        let a3 = p2 * ((t3 - u) / (t3 - t2)) + p3 * ((u - t2) / (t3 - t2))
        let b1 = a1 * ((t2 - u) / (t2 - t0)) + a2 * ((u - t0) / (t2 - t0))
        let b2 = a2 * ((t3 - u) / (t3 - t1)) + a3 * ((u - t1) / (t3 - t1))
        return b1 * ((t2 - u) / (t2 - t1)) + b2 * ((u - t1) / (t2 - t1))
    }
}
