#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A camera tilted over a flat sheet, as an ink podograph's form is photographed by hand: the keystone
/// it draws. A point `d` mm from the image's centre on the sheet is drawn `d / (1 + k·d)` from it, `k`
/// the ``keystone``: the centre keeps its place and its scale, and the sheet shrinks towards the
/// keystone's direction and grows away from it (a plane's perspective image, lines staying lines). At
/// `t = k·d` a length along `d` is drawn `1 / (1 + t)²` as long, one across it `1 / (1 + t)`.
public struct CameraTilt: Sendable, Codable, Hashable {
    /// The keystone, per mm: the direction in which the sheet lies farther from the camera, and how fast
    /// its scale falls that way.
    public var keystone: Point2
    /// The image's centre on the sheet, mm: the point that keeps its place.
    public var centreMM: Point2

    /// The largest share by which the scale departs from the centre's at the sheet's corners, drawn:
    /// a hand-held camera a few degrees off square at 40 cm (5 degrees makes about 3 % at an A4
    /// sheet's corner).
    public static let cornerShare: ClosedRange<Double> = 0.01...0.03

    /// Creates a tilt.
    public init(keystone: Point2, centreMM: Point2) {
        self.keystone = keystone
        self.centreMM = centreMM
    }

    /// A tilt in a random direction whose keystone reaches `cornerShare` at the corners of a sheet of
    /// `widthMM` by `heightMM`.
    static func random(widthMM: Double, heightMM: Double, using random: inout SeededRandom) -> CameraTilt {
        let direction = random.uniform(0...(2 * Double.pi))
        let share = random.uniform(cornerShare)
        let halfDiagonal = 0.5 * (widthMM * widthMM + heightMM * heightMM).squareRoot()
        return CameraTilt(keystone: Point2(cos(direction), sin(direction)) * (share / halfDiagonal),
                          centreMM: Point2(widthMM / 2, heightMM / 2))
    }

    /// Where the photograph draws a point of the sheet, mm.
    func photographed(_ p: Point2) -> Point2 {
        let d = p - centreMM
        return centreMM + d * (1 / (1 + keystone.dot(d)))
    }

    /// The point of the sheet that the photograph shows at `q`, mm: the inverse of ``photographed(_:)``.
    func onSheet(_ q: Point2) -> Point2 {
        let e = q - centreMM
        return centreMM + e * (1 / (1 - keystone.dot(e)))
    }
}
