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
/// foreground runs); everything after works on runs, outlines and small arrays. Prints made of ridges or
/// ink lines, and podoscope images, take a second path with a few more passes (smoothing, the bed made
/// level, hysteresis; see `MeasurementEngine+Prints.swift`); soles and solid prints never pay for it beyond one
/// pass over the runs.
public struct MeasurementEngine: Sendable {
    /// What the caller asked for.
    public var options: MeasurementOptions

    /// Creates an engine.
    public init(options: MeasurementOptions = MeasurementOptions()) {
        self.options = options
    }

    /// Measures every foot on `image`.
    ///
    /// - Parameter image: a decoded scan in the channel to measure (``decodeForMeasuring(_:file:options:)``
    ///   chooses it), carrying its pixel size.
    /// - Returns: the feet, left to right in the image, with the kind of picture the scan is.
    /// - Throws: ``MeasurementError`` when the image states no pixel size, is too small to hold a foot,
    ///   or holds no foot (the message says why, and what to do when the density looks wrong).
    /// - Complexity: a few passes over the pixels (a subsampled histogram, one SIMD pass into runs; a
    ///   textured print or a podoscope a few more), then work on runs and outlines; at most 200 ns a pixel
    ///   plus 50 ms of CPU on any image (`PathologicalImageTests`).
    public func measure(_ image: ScanImage) throws(MeasurementError) -> ScanMeasurement {
        if image.source.projection?.pressureScale != nil { return try measurePressureMap(image) }
        if let map = GreyPressureMap.detect(image) { return try measurePressureMap(map.pressure(of: image)) }
        let segmented = try MeasurementStages.Segmented(image: image)
        let grouped = segmented.groupFeet()
        if let print = try measureTexturedPrint(image, first: segmented) { return print }
        let print: ScanMeasurement
        if let solid = try measureSolidPrint(image, grouped: grouped) {
            print = solid
        } else {
            guard !grouped.feet.isEmpty else { throw MeasurementError(grouped.noFootReason) }
            print = grouped.traced().measure(engine: self)
        }
        // A podoscope's contact without toe pads apart, read as a print or a graded print.
        return try toelessPodoscope(image, contact: grouped, print: print)
    }
}
