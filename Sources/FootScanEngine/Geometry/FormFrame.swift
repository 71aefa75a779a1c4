import FootScanImage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The printed frame of a paper form around ink prints (a podograph's), found on a photograph of it:
/// four thin dark lines on light paper, one near each edge of the image. A frame is a rectangle on the
/// sheet, so the photograph's two vanishing points of its opposite sides give the camera's keystone
/// (``Keystone``), which ``MeasurementEngine`` takes out of a print's outline before measuring it: a
/// form photographed a few degrees off square has a scale that changes across the image, 1-3 % from
/// its centre to its corners on the generator's slanted forms (`footscan synth --device ink-grid
/// --perspective`), up to 1.7 mm of a print's length.
///
/// Each side is read on ``slices`` slices across the outer ``bandMM`` of the image, between
/// ``sliceSpan`` of the side: in each, the outermost pixel at least ``leastDarkness`` darker than the
/// paper where the dark stretch ends within ``thickestLineMM`` (a line, not a print or a shadow), and the
/// line's centre there weighted by its darkness. A straight line is fitted across the slices by total
/// least squares, dropping slices beyond three robust deviations (text or a logo beside the line) three
/// times; a side holds when at least ``leastShare`` of its slices stay, within ``straightnessMM`` of the
/// line, and runs within ``steepestTurn`` of the image's edge.
struct FormFrame {
    /// The sides, as lines `a x + b y + c = 0` in image pixels (pixel centres at whole numbers).
    let top: SIMD3<Double>, bottom: SIMD3<Double>, left: SIMD3<Double>, right: SIMD3<Double>

    /// How far in from each edge a side is sought, mm: a form's frame lies 6 to 10 mm inside the sheet.
    static let bandMM = 20.0
    /// How many slices each side is read on.
    static let slices = 60
    /// The share of a side's length the slices span, about its middle (its corners may lie outside the
    /// image, or under a logo).
    static let sliceSpan = 0.7
    /// How much darker than the paper a line is at least, grey levels.
    static let leastDarkness = 40.0
    /// The thickest line taken, mm: a printed rule is 0.2-0.5 mm.
    static let thickestLineMM = 1.5
    /// The share of a side's slices that must lie on its line.
    static let leastShare = 0.6
    /// How far the slices kept may lie from their line (root mean square), mm.
    static let straightnessMM = 0.3
    /// How far a side may turn from the image's edge, radians (10 degrees).
    static let steepestTurn = 0.1745

    /// The frame on `image` (grey, pixels of `pixelMM`), or nil when any side is not found.
    static func find(in image: ScanImage, pixelMM: Double) -> FormFrame? {
        guard pixelMM > 0, image.width >= 64, image.height >= 64 else { return nil }
        let band = min(Int((bandMM / pixelMM).rounded()), min(image.width, image.height) / 4)
        let thickest = max(2, Int((thickestLineMM / pixelMM).rounded()))
        var sides: [SIMD3<Double>] = []
        for side in Side.allCases {
            guard let line = line(of: side, in: image, band: band, thickest: thickest, pixelMM: pixelMM) else { return nil }
            sides.append(line)
        }
        return FormFrame(top: sides[0], bottom: sides[1], left: sides[2], right: sides[3])
    }

    /// The camera's keystone the frame shows, about the image's centre; nil when its sides do not fix one
    /// (opposite sides meeting on the image's side of the vanishing line), or when it would depart from
    /// the centre's scale by more than a tenth at the frame's corners, as no slight slant does.
    func keystone(width: Int, height: Int, mmPerPixel: SIMD2<Double>) -> Keystone? {
        let centre = SIMD2(Double(width - 1) / 2, Double(height - 1) / 2)
        // Each side in millimetres about the centre: X = x / mx + cx.
        func centred(_ line: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(line.x / mmPerPixel.x, line.y / mmPerPixel.y, line.z + line.x * centre.x + line.y * centre.y)
        }
        func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        }
        // The vanishing line through the two vanishing points is k·q = 1, that is (k, -1).
        let vanishing = cross(cross(centred(top), centred(bottom)), cross(centred(left), centred(right)))
        guard abs(vanishing.z) > 1e-12 else { return nil }
        let k = SIMD2(-vanishing.x / vanishing.z, -vanishing.y / vanishing.z)
        let keystone = Keystone(perMM: k, centre: centre, mmPerPixel: mmPerPixel)
        // At each corner of the frame the scale departs from the centre's by k·d.
        for (a, b) in [(top, left), (top, right), (bottom, left), (bottom, right)] {
            let corner = cross(a, b)
            guard abs(corner.z) > 1e-12 else { return nil }
            let d = (SIMD2(corner.x, corner.y) / corner.z - centre) * mmPerPixel
            guard abs((k * d).sum()) <= 0.1 else { return nil }
        }
        return keystone
    }

    /// A side of the image.
    enum Side: CaseIterable {
        case top, bottom, left, right
    }

    /// The side's line, or nil.
    static func line(of side: Side, in image: ScanImage, band: Int, thickest: Int, pixelMM: Double) -> SIMD3<Double>? {
        let along = side == .top || side == .bottom ? image.width : image.height
        let across = side == .top || side == .bottom ? image.height : image.width
        // The pixel at `depth` from the side's edge, on slice `at` along it.
        func value(_ at: Int, _ depth: Int) -> Double {
            switch side {
            case .top: Double(image[at, depth])
            case .bottom: Double(image[at, across - 1 - depth])
            case .left: Double(image[depth, at])
            case .right: Double(image[across - 1 - depth, at])
            }
        }
        var points: [SIMD2<Double>] = []
        for slice in 0..<slices {
            let at = Int(((0.5 - sliceSpan / 2) + sliceSpan * (Double(slice) + 0.5) / Double(slices)) * Double(along))
            // The paper: the brightest of the band's slice, less a little noise (its 90th percentile).
            var levels = (0..<band).map { value(at, $0) }
            levels.sort()
            let paper = levels[Int(0.9 * Double(levels.count - 1))]
            let dark = paper - leastDarkness
            guard let first = (0..<band).first(where: { value(at, $0) <= dark }) else { continue }
            // A line: light again within the thickest line, and light before it.
            guard let end = (first..<min(band, first + thickest + 1)).first(where: { value(at, $0) > dark }) else { continue }
            // The line's centre, its darkness below the half-way level weighing each pixel.
            let half = paper - leastDarkness / 2
            var weight = 0.0, moment = 0.0
            for depth in max(0, first - 2)..<min(band, end + 2) {
                let w = max(0, half - value(at, depth))
                weight += w
                moment += w * Double(depth)
            }
            guard weight > 0 else { continue }
            let depth = moment / weight
            let pixel: SIMD2<Double>
            switch side {
            case .top: pixel = SIMD2(Double(at), depth)
            case .bottom: pixel = SIMD2(Double(at), Double(across - 1) - depth)
            case .left: pixel = SIMD2(depth, Double(at))
            case .right: pixel = SIMD2(Double(across - 1) - depth, Double(at))
            }
            points.append(pixel)
        }
        guard let fit = fittedLine(points, slices: slices, pixelMM: pixelMM) else { return nil }
        // Along the side: a horizontal line's normal is vertical.
        let normal = SIMD2(fit.x, fit.y)
        let turn = side == .top || side == .bottom ? abs(normal.x) : abs(normal.y)
        return turn <= sin(steepestTurn) ? fit : nil
    }

    /// The line through `points` (total least squares, three rounds dropping points beyond three robust
    /// deviations), as `(a, b, c)` with `(a, b)` of unit length; nil when fewer than ``leastShare`` of
    /// `slices` stay or they stray more than ``straightnessMM`` from it.
    static func fittedLine(_ points: [SIMD2<Double>], slices: Int, pixelMM: Double) -> SIMD3<Double>? {
        var kept = points
        var line = SIMD3<Double>.zero
        for _ in 0..<3 {
            guard kept.count >= 2 else { return nil }
            // The normal is across the points' principal axis.
            let axis = PrincipalAxis(kept)
            let normal = SIMD2(-sin(axis.angle), cos(axis.angle))
            line = SIMD3(normal.x, normal.y, -(normal * axis.mean).sum())
            let residuals = points.map { abs(($0 * normal).sum() + line.z) }
            let sorted = residuals.sorted()
            let spread = max(3 * 1.4826 * sorted[sorted.count / 2], 0.5)
            kept = zip(points, residuals).filter { $0.1 <= spread }.map(\.0)
        }
        guard Double(kept.count) >= leastShare * Double(slices) else { return nil }
        let meanSquare = kept.reduce(0.0) { sum, p in
            let residual = (p * SIMD2(line.x, line.y)).sum() + line.z
            return sum + residual * residual
        } / Double(kept.count)
        return meanSquare.squareRoot() * pixelMM <= straightnessMM ? line : nil
    }
}
