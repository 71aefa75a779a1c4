#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootScanImage

/// The measurement engine: finds each foot on a greyscale scan, traces its outline with sub-pixel
/// edges, fixes its axis and measures it.
///
/// Only a few passes touch every pixel (a subsampled histogram and one SIMD pass that turns rows into
/// foreground runs); everything after works on runs, outlines and small arrays.
public struct FootScanner: Sendable {
    /// What the caller asked for.
    public var options: MeasurementOptions

    /// A foot region's area, in square millimetres, lies in this range.
    static let footArea: ClosedRange<Double> = 2_500...75_000
    /// Its principal length (of the equivalent ellipse), in millimetres.
    static let footLength: ClosedRange<Double> = 90...420
    /// Its principal length over its principal width.
    static let footElongation: ClosedRange<Double> = 1.6...5.0

    /// Creates an engine.
    public init(options: MeasurementOptions = MeasurementOptions()) {
        self.options = options
    }

    /// Measures every foot on `image`. The image must carry its pixel size.
    public func measure(_ image: ScanImage) throws(MeasurementError) -> ScanMeasurement {
        guard let density = image.density else {
            throw MeasurementError("no pixel size: the file states no resolution; pass --dpi or a scanner profile")
        }
        guard image.width >= 8, image.height >= 8 else { throw MeasurementError("image too small to hold a foot") }
        let sx = density.millimetresPerPixelX, sy = density.millimetresPerPixelY

        let segmentation = Segmentation(image: image, pixelMM: max(sx, sy))
        let (regions, labels) = RegionLabeler.regions(of: segmentation.runs, rowStarts: segmentation.rowStarts)
        let feet = FootGrouping(regions: regions, runs: segmentation.runs, labels: labels, sx: sx, sy: sy, scanner: self).feet
        guard !feet.isEmpty else { throw MeasurementError("no foot found on the scan") }
        let isFootprint = feet.contains { $0.pads.count >= 2 }

        let measurer = FootMeasurer(sx: sx, sy: sy, imageWidth: image.width, imageHeight: image.height, view: options.view, sex: options.sex)
        let measured = feet.map { foot -> FootMeasurement in
            func outline(_ index: Int) -> [SIMD2<Double>] {
                let start = segmentation.runs[regions[index].firstRun]
                return ContourTracer.trace(image: image, test: segmentation.test, startX: Int(start.start), startY: Int(start.row))
            }
            // Toe pads count only on a print (two or more); a lone speck beside a sole is left out.
            let pads = foot.pads.count >= 2 ? foot.pads : []
            return measurer.measure(parts: foot.parts.map(outline) + pads.map(outline), padCount: pads.count,
                                    principal: principalDirection(foot.summary, sx: sx, sy: sy),
                                    lowContrast: segmentation.contrast < 30)
        }
        return ScanMeasurement(imageKind: isFootprint ? .footprint : .silhouette, feet: measured, threshold: segmentation.threshold,
                               footIsLighter: segmentation.footIsLighter)
    }

    func isFootLike(_ region: ForegroundRegion, sx: Double, sy: Double) -> Bool {
        let area = region.area * sx * sy
        guard FootScanner.footArea.contains(area) else { return false }
        let extents = region.principalExtents(sx: sx, sy: sy)
        guard extents.minor > 0 else { return false }
        return FootScanner.footLength.contains(extents.major) && FootScanner.footElongation.contains(extents.major / extents.minor)
    }

    func principalDirection(_ region: ForegroundRegion, sx: Double, sy: Double) -> SIMD2<Double> {
        let m = region.covariance(sx: sx, sy: sy)
        let angle = 0.5 * atan2(2 * m.xy, m.xx - m.yy)
        return SIMD2(cos(angle), sin(angle))
    }
}
