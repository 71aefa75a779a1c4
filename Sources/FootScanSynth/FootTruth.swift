import FootScanEngine

/// The true measures of one generated foot, computed from its outline polygon by the definitions in
/// `MEASUREMENT.md` (never from rendered pixels). Keys follow the spec.
public struct FootTruth: Sendable, Codable, Hashable {
    /// `left` or `right`.
    public var side: FootSide
    /// Pternion to acropodion along the axis.
    public var lengthMM: Double
    /// Extent across the axis of the whole foot.
    public var widthMM: Double
    /// Straight distance between the most medial and most lateral forefoot points.
    public var ballWidthMM: Double
    /// Cross-section at x = 0.16 * length.
    public var heelWidthMM: Double
    /// x of each toe tip, toe 1 first.
    public var toeTipsMM: [Double]
    /// Toe 1's tip minus toe 2's.
    public var toe1MinusToe2MM: Double
    /// `egyptian`, `greek` or `roman`.
    public var toeShape: String
    /// Where the pternion lies in the image, in pixels.
    public var pternionPixel: Point2
    /// The axis direction in the image (unit vector, pixel axes, y down).
    public var axisDirection: Point2

    enum CodingKeys: String, CodingKey {
        case side
        case lengthMM = "length_mm"
        case widthMM = "width_mm"
        case ballWidthMM = "ball_width_mm"
        case heelWidthMM = "heel_width_mm"
        case toeTipsMM = "toe_tips_mm"
        case toe1MinusToe2MM = "toe1_minus_toe2_mm"
        case toeShape = "toe_shape"
        case pternionPixel = "pternion_px"
        case axisDirection = "axis_direction"
    }

    /// The spec's toe-shape class for a toe1 - toe2 difference.
    public static func toeShape(toe1MinusToe2MM d: Double) -> String {
        ToeShape(toe1MinusToe2MM: d).rawValue
    }

    /// Measures an outline in its own frame. The placement only fills `pternionPixel` and `axisDirection`.
    init(outline: FootOutline, side: FootSide, placement: (Point2) -> Point2) {
        let points = outline.points
        // The frame: through the pternion and the tip of toe 2, the pternion rearmost along it.
        var axis = Point2(1, 0)
        var pternion = points[0]
        for _ in 0..<4 {
            pternion = points.min { $0.dot(axis) < $1.dot(axis) } ?? pternion
            let tip2 = outline.toeRanges[1].map { points[$0] }.max { $0.dot(axis) < $1.dot(axis) } ?? pternion
            let direction = tip2 - pternion
            axis = direction * (1 / direction.length)
        }
        let across = Point2(-axis.y, axis.x)
        let xs = points.map { ($0 - pternion).dot(axis) }
        let ys = points.map { ($0 - pternion).dot(across) }
        let length = xs.max() ?? 0
        self.side = side
        lengthMM = length
        widthMM = (ys.max() ?? 0) - (ys.min() ?? 0)

        // Heel: every crossing of the outline with x = 0.16 * length.
        let cut = 0.16 * length
        var crossings: [Double] = []
        for i in points.indices {
            let j = (i + 1) % points.count
            if (xs[i] - cut) * (xs[j] - cut) < 0 || xs[i] == cut {
                let t = xs[j] == xs[i] ? 0 : (cut - xs[i]) / (xs[j] - xs[i])
                crossings.append(ys[i] + t * (ys[j] - ys[i]))
            }
        }
        heelWidthMM = (crossings.max() ?? 0) - (crossings.min() ?? 0)

        // Ball: the most medial and most lateral outline points with 0.5 L <= x <= 0.8 L.
        let medialSign = side == .right ? 1.0 : -1.0
        let band = points.indices.filter { xs[$0] >= 0.5 * length && xs[$0] <= 0.8 * length }
        let medialIndex = band.max { ys[$0] * medialSign < ys[$1] * medialSign } ?? 0
        let lateralIndex = band.min { ys[$0] * medialSign < ys[$1] * medialSign } ?? 0
        ballWidthMM = (points[medialIndex] - points[lateralIndex]).length

        toeTipsMM = outline.toeRanges.map { range in range.map { xs[$0] }.max() ?? 0 }
        toe1MinusToe2MM = toeTipsMM[0] - toeTipsMM[1]
        toeShape = FootTruth.toeShape(toe1MinusToe2MM: toe1MinusToe2MM)
        pternionPixel = placement(pternion)
        let ahead = placement(pternion + axis * 100) - pternionPixel
        axisDirection = ahead * (1 / ahead.length)
    }
}
