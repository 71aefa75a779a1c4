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
        let segmented = try MeasurementStages.Segmented(image: image)
        let grouped = segmented.groupFeet(scanner: self)
        guard !grouped.feet.isEmpty else { throw MeasurementError(grouped.noFootReason) }
        return grouped.traced().measure(scanner: self)
    }

    func isFootLike(_ region: ForegroundRegion, sx: Double, sy: Double) -> Bool {
        let area = region.area * sx * sy
        guard FootScanner.footArea.contains(area) else { return false }
        let extents = region.principalExtents(sx: sx, sy: sy)
        guard extents.minor > 0 else { return false }
        return FootScanner.footLength.contains(extents.major) && FootScanner.footElongation.contains(extents.major / extents.minor)
    }

    func principalDirection(_ region: ForegroundRegion, sx: Double, sy: Double) -> SIMD2<Double> {
        let angle = region.principalAngle(sx: sx, sy: sy)
        return SIMD2(cos(angle), sin(angle))
    }
}
