#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootScanEngine

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

extension PlacedFoot {
    /// Maps a point on the bed, in millimetres, to the foot's frame: the inverse of ``toBed(_:)``.
    func fromBed(_ b: Point2) -> Point2 {
        let a = Point2(cos(angle), sin(angle))
        let n = Point2(-a.y, a.x)
        let d = b - pternionMM
        return Point2(d.dot(a), d.dot(n))
    }
}

extension FootTruth {
    /// A contact print's truth as a tilted camera photographs it: the print's polygons where the
    /// photograph draws them, measured at the file's density (`mmPerPixel`, the sheet's). What a tape
    /// on the sheet would measure differs from it by the keystone's share along the foot.
    init(print: FootprintOutline, side: FootSide, foot: PlacedFoot, tilt: CameraTilt, mmPerPixel: Double) {
        let seen = { (p: Point2) in foot.fromBed(tilt.photographed(foot.toBed(p))) }
        let parts = print.print.map { $0.map(seen) }, pads = print.toePads.map { $0.map(seen) }
        self.init(polygons: parts + pads, toes: pads, print: parts, side: side, placement: { foot.toBed($0) * (1 / mmPerPixel) },
                  axisToes: print.axisPads.map { $0.map(seen) })
    }
}

extension ScanRenderer {
    /// `values` (`channels` interleaved, rows of `width`, pixels of `mmPerPixel` on the sheet) as `tilt`
    /// photographs them: each pixel the sheet's bilinear sample at the point it shows, the sheet's edge
    /// pixels repeated beyond it.
    static func photographed(_ values: [Float], channels: Int, width: Int, height: Int, mmPerPixel: Double,
                             tilt: CameraTilt) -> [Float] {
        guard width > 0, height > 0, values.count == width * height * channels else { return values }
        var result = [Float](repeating: 0, count: values.count)
        for y in 0..<height {
            for x in 0..<width {
                let p = tilt.onSheet(Point2((Double(x) + 0.5) * mmPerPixel, (Double(y) + 0.5) * mmPerPixel))
                let sx = min(max(p.x / mmPerPixel - 0.5, 0), Double(width - 1))
                let sy = min(max(p.y / mmPerPixel - 0.5, 0), Double(height - 1))
                let x0 = Int(sx), y0 = Int(sy)
                let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                let fx = Float(sx - Double(x0)), fy = Float(sy - Double(y0))
                for channel in 0..<channels {
                    func at(_ u: Int, _ v: Int) -> Float { values[(v * width + u) * channels + channel] }
                    let top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx
                    let bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx
                    result[(y * width + x) * channels + channel] = top + (bottom - top) * fy
                }
            }
        }
        return result
    }
}
