#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// x of the most medial forefoot point (first metatarsal head).
    public var heelToBallMM: Double
    /// x of the most lateral forefoot point (fifth metatarsal head).
    public var heelToOutsideBallMM: Double
    /// Angle of the ball line against the perpendicular to the axis, degrees.
    public var ballAngleDeg: Double
    /// Hallux angle by ``ToeAngles``' definition on the true outline, degrees.
    public var halluxAngleDeg: Double
    /// Fifth-toe angle by the same definition, degrees.
    public var toe5AngleDeg: Double
    /// Cavanagh and Rodgers arch index (footprints only).
    public var archIndex: Double?
    /// Narrowest midfoot width over widest forefoot width (footprints only).
    public var chippauxSmirakIndex: Double?
    /// Narrowest midfoot width over widest heel width (footprints only).
    public var staheliIndex: Double?
    /// Where the pternion lies in the image, in pixels.
    public var pternionPixel: Point2
    /// The axis direction in the image (unit vector, pixel axes, y down).
    public var axisDirection: Point2

    /// The spec's keys come from ``FootKey`` (the one list); the truth's own two are its placement.
    enum CodingKeys: CodingKey, CaseIterable {
        case side, lengthMM, widthMM, ballWidthMM, heelWidthMM, toeTipsMM, toe1MinusToe2MM, toeShape, heelToBallMM
        case heelToOutsideBallMM, ballAngleDeg, halluxAngleDeg, toe5AngleDeg, archIndex, chippauxSmirakIndex, staheliIndex
        case pternionPixel, axisDirection

        var stringValue: String {
            switch self {
            case .side: FootKey.side.rawValue
            case .lengthMM: FootKey.length.rawValue
            case .widthMM: FootKey.width.rawValue
            case .ballWidthMM: FootKey.ballWidth.rawValue
            case .heelWidthMM: FootKey.heelWidth.rawValue
            case .toeTipsMM: FootKey.toeTips.rawValue
            case .toe1MinusToe2MM: FootKey.toe1MinusToe2.rawValue
            case .toeShape: FootKey.toeShape.rawValue
            case .heelToBallMM: FootKey.heelToBall.rawValue
            case .heelToOutsideBallMM: FootKey.heelToOutsideBall.rawValue
            case .ballAngleDeg: FootKey.ballAngle.rawValue
            case .halluxAngleDeg: FootKey.halluxAngle.rawValue
            case .toe5AngleDeg: FootKey.toe5Angle.rawValue
            case .archIndex: FootKey.archIndex.rawValue
            case .chippauxSmirakIndex: FootKey.chippauxSmirakIndex.rawValue
            case .staheliIndex: FootKey.staheliIndex.rawValue
            case .pternionPixel: "pternion_px"
            case .axisDirection: "axis_direction"
            }
        }

        init?(stringValue: String) {
            guard let key = Self.allCases.first(where: { $0.stringValue == stringValue }) else { return nil }
            self = key
        }

        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The spec's toe-shape class for a toe1 - toe2 difference.
    public static func toeShape(toe1MinusToe2MM d: Double) -> String {
        ToeShape(toe1MinusToe2MM: d).rawValue
    }

    /// Measures a silhouette outline in its own frame. The placement only fills `pternionPixel` and
    /// `axisDirection`.
    init(outline: FootOutline, side: FootSide, placement: (Point2) -> Point2) {
        self.init(polygons: [outline.points], toes: outline.toeRanges.map { $0.map { outline.points[$0] } }, print: nil,
                  side: side, placement: placement)
    }

    /// Measures a contact print: the toe-less print and the toe pads. Without pads (toes that did not
    /// press) the axis still runs through where toe 2's pad would be, and the length ends at the print's
    /// front: no toe tips.
    init(print: FootprintOutline, side: FootSide, placement: (Point2) -> Point2) {
        self.init(polygons: print.print + print.toePads, toes: print.toePads, print: print.print, side: side, placement: placement,
                  axisToes: print.axisPads)
    }

    /// The spec's definitions applied to polygons in the foot's frame; the axis through toe 2 of `toes`,
    /// or of `axisToes` where `toes` are fewer than two.
    init(polygons: [[Point2]], toes: [[Point2]], print: [[Point2]]?, side: FootSide, placement: (Point2) -> Point2,
         axisToes: [[Point2]] = []) {
        let points = polygons.flatMap { $0 }
        // The frame: through the pternion and the tip of toe 2, the pternion rearmost along it.
        var axis = Point2(1, 0)
        var pternion = points[0]
        for _ in 0..<4 {
            pternion = points.min { $0.dot(axis) < $1.dot(axis) } ?? pternion
            let tip2 = (toes.count >= 2 ? toes[1] : axisToes[1]).max { $0.dot(axis) < $1.dot(axis) } ?? pternion
            let direction = tip2 - pternion
            axis = direction * (1 / direction.length)
        }
        let across = Point2(-axis.y, axis.x)
        let frame = { (p: Point2) in Point2((p - pternion).dot(axis), (p - pternion).dot(across)) }
        let local = polygons.map { $0.map(frame) }
        let xs = points.map { ($0 - pternion).dot(axis) }
        let ys = points.map { ($0 - pternion).dot(across) }
        let length = xs.max() ?? 0
        self.side = side
        lengthMM = length
        widthMM = (ys.max() ?? 0) - (ys.min() ?? 0)
        let heel = FootTruth.section(local, atX: 0.16 * length)
        heelWidthMM = heel.map { $0.high - $0.low } ?? 0

        // Ball: the most medial and most lateral outline points with 0.5 L <= x <= 0.8 L.
        let medialSign = side == .right ? 1.0 : -1.0
        let band = points.indices.filter { xs[$0] >= 0.5 * length && xs[$0] <= 0.8 * length }
        let medialIndex = band.max { ys[$0] * medialSign < ys[$1] * medialSign } ?? 0
        let lateralIndex = band.min { ys[$0] * medialSign < ys[$1] * medialSign } ?? 0
        ballWidthMM = (points[medialIndex] - points[lateralIndex]).length
        heelToBallMM = xs[medialIndex]
        heelToOutsideBallMM = xs[lateralIndex]
        ballAngleDeg = atan2(xs[medialIndex] - xs[lateralIndex], abs(ys[medialIndex] - ys[lateralIndex])) * 180 / Double.pi

        let angles = ToeAngles.angles(xs: xs, ys: ys, medialSign: medialSign)
        halluxAngleDeg = angles.hallux
        toe5AngleDeg = angles.toe5
        toeTipsMM = toes.map { toe in toe.map { frame($0).x }.max() ?? 0 }
        toe1MinusToe2MM = toeTipsMM.count >= 2 ? toeTipsMM[0] - toeTipsMM[1] : 0
        toeShape = FootTruth.toeShape(toe1MinusToe2MM: toe1MinusToe2MM)

        if let print {
            let parts = print.map { $0.map(frame) }
            let printLength = parts.flatMap { $0 }.map(\.x).max() ?? 0
            let thirds = (0..<3).map { k in
                parts.reduce(0.0) { $0 + FootTruth.area(of: $1, fromX: printLength * Double(k) / 3, toX: printLength * Double(k + 1) / 3) }
            }
            archIndex = thirds[1] / max(thirds.reduce(0, +), 1e-9)
            func widths(_ k: Int) -> [Double] {
                stride(from: printLength * Double(k) / 3, through: printLength * Double(k + 1) / 3, by: 0.5).map { x in
                    FootTruth.section(parts, atX: x).map { $0.high - $0.low } ?? 0
                }
            }
            let narrowest = widths(1).min() ?? 0
            chippauxSmirakIndex = narrowest / max(widths(2).max() ?? 1, 1e-9)
            staheliIndex = narrowest / max(widths(0).max() ?? 1, 1e-9)
        } else {
            archIndex = nil
            chippauxSmirakIndex = nil
            staheliIndex = nil
        }
        pternionPixel = placement(pternion)
        let ahead = placement(pternion + axis * 100) - pternionPixel
        axisDirection = ahead * (1 / ahead.length)
    }

    /// The lowest and highest y where any of the polygons crosses x.
    static func section(_ polygons: [[Point2]], atX cut: Double) -> (low: Double, high: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for polygon in polygons {
            for i in polygon.indices {
                let p = polygon[i], q = polygon[(i + 1) % polygon.count]
                if (p.x - cut) * (q.x - cut) < 0 || p.x == cut {
                    let t = q.x == p.x ? 0 : (cut - p.x) / (q.x - p.x)
                    let y = p.y + t * (q.y - p.y)
                    low = min(low, y)
                    high = max(high, y)
                }
            }
        }
        return low <= high ? (low, high) : nil
    }

    /// The area of a polygon between x = `fromX` and x = `toX` (Sutherland-Hodgman against the slab).
    static func area(of polygon: [Point2], fromX: Double, toX: Double) -> Double {
        func clip(_ points: [Point2], keep: (Point2) -> Bool, cross: (Point2, Point2) -> Point2) -> [Point2] {
            var result: [Point2] = []
            for i in points.indices {
                let p = points[i], q = points[(i + 1) % points.count]
                if keep(p) {
                    result.append(p)
                    if !keep(q) { result.append(cross(p, q)) }
                } else if keep(q) {
                    result.append(cross(p, q))
                }
            }
            return result
        }
        func at(_ x: Double) -> (Point2, Point2) -> Point2 {
            { p, q in let t = (x - p.x) / (q.x - p.x); return Point2(x, p.y + t * (q.y - p.y)) }
        }
        let right = clip(polygon, keep: { $0.x >= fromX }, cross: at(fromX))
        let slab = clip(right, keep: { $0.x <= toX }, cross: at(toX))
        var twice = 0.0
        for i in slab.indices {
            let p = slab[i], q = slab[(i + 1) % slab.count]
            twice += p.x * q.y - q.x * p.y
        }
        return abs(twice) / 2
    }
}
