#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a foreground region must be to count as a foot (a sole, or a print whose midfoot touches):
/// specks, a card, a ruler or a light band are not. The grouping, the touching-feet cut and the
/// split-print pairing apply it; nothing else needs it.
enum FootShapeRule {
    /// A foot region's area, in square millimetres, lies in this range.
    static let area: ClosedRange<Double> = 2_500...75_000
    /// Its principal length (of the equivalent ellipse), in millimetres.
    static let length: ClosedRange<Double> = 90...420
    /// Its principal length over its principal width.
    static let elongation: ClosedRange<Double> = 1.6...5.0

    /// Whether `region` has a foot's area, length and elongation at `mmPerPixelX` x `mmPerPixelY` millimetres a pixel.
    static func isFootLike(_ region: ForegroundRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> Bool {
        guard area.contains(region.area * mmPerPixelX * mmPerPixelY) else { return false }
        let extents = region.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        guard extents.minor > 0 else { return false }
        return length.contains(extents.major) && elongation.contains(extents.major / extents.minor)
    }

    /// The region's principal direction, a unit vector in millimetre space.
    static func principalDirection(_ region: ForegroundRegion, mmPerPixelX: Double, mmPerPixelY: Double) -> SIMD2<Double> {
        let angle = region.principalAngle(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
        return SIMD2(cos(angle), sin(angle))
    }
}
