import FootScanImage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An object of known size laid on the scanner bed to find its true pixel size.
public enum CalibrationObject: Sendable, Equatable {
    /// An ID-1 card (bank or ID card, ISO/IEC 7810): 85.60 x 53.98 mm.
    case card
    /// A sheet of A4 paper: 297 x 210 mm.
    case a4
    /// A sheet of US Letter paper: 279.4 x 215.9 mm.
    case letter
    /// A straight rule or bar whose long side is this many millimetres.
    case ruler(lengthMM: Double)

    /// Long and short side, mm (the short side is nil for a ruler: only its length is known).
    public var sidesMM: (long: Double, short: Double?) {
        switch self {
        case .card: return (85.60, 53.98)
        case .a4: return (297, 210)
        case .letter: return (279.4, 215.9)
        case .ruler(let length): return (length, nil)
        }
    }

    /// Reads `card`, `a4`, `letter` or `ruler-mm=N`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "card": self = .card
        case "a4": self = .a4
        case "letter": self = .letter
        default:
            guard argument.lowercased().hasPrefix("ruler-mm="), let length = Double(argument.dropFirst("ruler-mm=".count)),
                  length > 10, length < 2_000 else { return nil }
            self = .ruler(lengthMM: length)
        }
    }
}

/// What a calibration found.
public struct CalibrationResult: Sendable {
    /// True pixel size along the image's x axis, mm.
    public var millimetresPerPixelX: Double
    /// True pixel size along the image's y axis, mm.
    public var millimetresPerPixelY: Double
    /// The object's sides as measured, in pixels.
    public var longSidePixels: Double
    /// The object's short side in pixels.
    public var shortSidePixels: Double
    /// Whether the bed is lighter than the object.
    public var bedIsLight: Bool
    /// Mean grey level of the bed.
    public var bedLevel: Double
}

/// Finds a known object on a scan and derives the scanner's true pixel size in x and in y (scanners are
/// not always square, and many write a placeholder resolution such as 72 dpi into their files).
///
/// The object is the largest foreground region that fills at least 85% of its own oriented bounding
/// rectangle and whose sides have the object's proportions (within 8%). Its outline is traced with
/// sub-pixel edges; its two side vectors a and b (pixels) satisfy |(a.x mmPerPixelX, a.y mmPerPixelY)| = long side and
/// |(b.x mmPerPixelX, b.y mmPerPixelY)| = short side, two linear equations in mmPerPixelX² and mmPerPixelY². When the object lies near 45°
/// that system is ill-conditioned and, like a ruler (one known side), the scale is taken as square.
public enum ScannerCalibration {
    /// Calibrates from an object on `image` (its own stated density is ignored).
    ///
    /// - Parameters:
    ///   - image: a scan of the object alone on the bed.
    ///   - object: what lies there: a card, a sheet or a ruler of known length.
    /// - Returns: the true pixel size in x and y, and the object's sides in pixels.
    /// - Throws: ``MeasurementError`` when no region of the object's proportions fills its box, or the one
    ///   found does not fit the object's known size.
    public static func calibrate(image: ScanImage, object: CalibrationObject) throws(MeasurementError) -> CalibrationResult {
        // Work in pixels: a nominal 0.1 mm pixel only sets the sampling steps of the threshold search.
        let probe = image.replacingDensity(ScanDensity(dotsPerInch: 254, source: .option))
        let segmentation = ThresholdSegmenter().segment(probe, pixelMM: 0.1)
        let (regions, _) = RegionLabeler.regions(of: segmentation.runs, rowStarts: segmentation.rowStarts)
        let sides = object.sidesMM
        var best: (region: ForegroundRegion, box: (axis: SIMD2<Double>, long: Double, short: Double))?
        for region in regions where region.area >= 400 && region.area > Double(best?.region.area ?? 0) {
            let start = segmentation.runs[region.firstRun]
            let contour = ContourTracer.trace(image: probe, test: segmentation.edge, startX: Int(start.start), startY: Int(start.row))
            guard let box = orientedBox(contour) else { continue }
            let fill = contour.enclosedArea() / (box.long * box.short)
            guard fill >= 0.85 else { continue }
            if let short = sides.short {
                let ratio = (box.long / box.short) / (sides.long / short)
                guard abs(ratio - 1) <= 0.08 else { continue }
            } else {
                guard box.long / box.short >= 4 else { continue }
            }
            best = (region, box)
        }
        guard let box = best?.box else {
            throw MeasurementError("no \(name(of: object)) found on the scan: lay it flat, clear of the feet and the bed's edges")
        }
        let a = box.axis * box.long, b = SIMD2(-box.axis.y, box.axis.x) * box.short
        var mmPerPixelX: Double, mmPerPixelY: Double
        if let short = sides.short {
            // a.x² X + a.y² Y = L², b.x² X + b.y² Y = S², with X = mmPerPixelX², Y = mmPerPixelY².
            let det = a.x * a.x * b.y * b.y - a.y * a.y * b.x * b.x
            let conditioning = abs(det) / ((a * a).sum() * (b * b).sum())
            if conditioning > 0.2 {
                let x2 = (sides.long * sides.long * b.y * b.y - short * short * a.y * a.y) / det
                let y2 = (a.x * a.x * short * short - b.x * b.x * sides.long * sides.long) / det
                guard x2 > 0, y2 > 0 else { throw MeasurementError("the \(name(of: object)) found does not fit its known size") }
                mmPerPixelX = x2.squareRoot()
                mmPerPixelY = y2.squareRoot()
            } else {
                mmPerPixelX = (sides.long / box.long + short / box.short) / 2
                mmPerPixelY = mmPerPixelX
            }
        } else {
            mmPerPixelX = sides.long / box.long
            mmPerPixelY = mmPerPixelX
        }
        return CalibrationResult(millimetresPerPixelX: mmPerPixelX, millimetresPerPixelY: mmPerPixelY, longSidePixels: box.long, shortSidePixels: box.short,
                                 bedIsLight: !segmentation.footIsLighter, bedLevel: segmentation.bedLevel)
    }

    static func name(of object: CalibrationObject) -> String {
        switch object {
        case .card: return "ID-1 card"
        case .a4: return "A4 sheet"
        case .letter: return "Letter sheet"
        case .ruler(let length): return "\(length) mm ruler"
        }
    }

    /// The outline's minimum-area bounding rectangle near its principal direction: its long side's
    /// direction and its extents along and across it (pixels). The principal direction of a sampled
    /// outline can lie a fraction of a degree off the sides, which would add short side x angle to the
    /// long side; the search over angles removes that.
    static func orientedBox(_ contour: [SIMD2<Double>]) -> (axis: SIMD2<Double>, long: Double, short: Double)? {
        guard contour.count >= 8 else { return nil }
        func extents(_ angle: Double) -> (along: Double, across: Double) {
            let axis = SIMD2(cos(angle), sin(angle)), across = SIMD2(-axis.y, axis.x)
            var a0 = Double.infinity, a1 = -Double.infinity, s0 = Double.infinity, s1 = -Double.infinity
            for p in contour {
                let a = (p * axis).sum(), s = (p * across).sum()
                a0 = min(a0, a); a1 = max(a1, a); s0 = min(s0, s); s1 = max(s1, s)
            }
            return (a1 - a0, s1 - s0)
        }
        var best = PrincipalAxis(contour).angle
        var step = 0.001 // radians; search 3 degrees either side, then narrow down
        var span = 0.055
        while step > 1e-6 {
            var bestArea = Double.infinity, bestAngle = best
            var angle = best - span
            while angle <= best + span {
                let e = extents(angle)
                if e.along * e.across < bestArea { bestArea = e.along * e.across; bestAngle = angle }
                angle += step
            }
            best = bestAngle
            span = step
            step /= 10
        }
        let axis = SIMD2(cos(best), sin(best))
        let e = sideDistances(contour, axis: axis)
        return e.along >= e.across ? (axis, e.along, e.across) : (SIMD2(-axis.y, axis.x), e.across, e.along)
    }

    /// The distances between opposite sides of a rectangle's outline, along `axis` and across it: each
    /// side is the mean position of the outline's points on its straight middle (the central 60 % of
    /// the side, clear of the rounded corners, and within a band of 2 % of the rectangle's size from the
    /// extreme). The extremes themselves would be biased outwards by the edge's noise (the largest of
    /// many noisy positions), which read cards 0.05-0.18 % large.
    static func sideDistances(_ contour: [SIMD2<Double>], axis: SIMD2<Double>) -> (along: Double, across: Double) {
        let across = SIMD2(-axis.y, axis.x)
        let a = contour.map { ($0 * axis).sum() }, s = contour.map { ($0 * across).sum() }
        guard let a0 = a.min(), let a1 = a.max(), let s0 = s.min(), let s1 = s.max() else { return (0, 0) }
        func side(values: [Double], extreme: Double, band: Double, others: [Double], from lo: Double, to hi: Double) -> Double {
            let margin = 0.2 * (hi - lo)
            var sum = 0.0, count = 0.0
            for (value, other) in zip(values, others) where other > lo + margin && other < hi - margin && abs(value - extreme) <= band {
                sum += value
                count += 1
            }
            return count > 0 ? sum / count : extreme
        }
        let band = 0.02 * min(a1 - a0, s1 - s0)
        let alongLow = side(values: a, extreme: a0, band: band, others: s, from: s0, to: s1)
        let alongHigh = side(values: a, extreme: a1, band: band, others: s, from: s0, to: s1)
        let acrossLow = side(values: s, extreme: s0, band: band, others: a, from: a0, to: a1)
        let acrossHigh = side(values: s, extreme: s1, band: band, others: a, from: a0, to: a1)
        return (alongHigh - alongLow, acrossHigh - acrossLow)
    }
}
