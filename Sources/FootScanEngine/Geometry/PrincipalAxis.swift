#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The principal axis of a set of points: their mean, and the direction in which they spread most (from
/// their second moments about the mean). Shared by the calibration object's box (`ScannerCalibration`)
/// and the straight sides of a form's frame (``FormFrame``).
struct PrincipalAxis {
    /// The points' mean.
    let mean: SIMD2<Double>
    /// The direction of greatest spread, radians.
    let angle: Double

    /// The axis of `points`, which must not be empty.
    init(_ points: [SIMD2<Double>]) {
        mean = points.reduce(SIMD2<Double>.zero, +) / Double(max(points.count, 1))
        var xx = 0.0, yy = 0.0, xy = 0.0
        for p in points {
            let d = p - mean
            xx += d.x * d.x
            yy += d.y * d.y
            xy += d.x * d.y
        }
        angle = 0.5 * atan2(2 * xy, xx - yy)
    }
}
