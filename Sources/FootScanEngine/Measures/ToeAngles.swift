#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The silhouette estimates of the hallux valgus angle and of the fifth toe's angle.
///
/// On the outline's convex hull, take the first metatarsal head (the most medial hull point with
/// 0.5 L <= x <= 0.8 L). The medial tangent of the forefoot behind it runs from the nearest hull point
/// at least 15 mm behind the head to the head (across the arch, the hull touches the heel); the medial
/// tangent of the big toe runs from the head to the nearest hull point at least 15 mm ahead of it.
/// The hallux angle is the turn between the two, positive when the big toe points towards the other
/// toes. The fifth toe's angle is the same on the lateral side at the fifth metatarsal head, with 10 mm.
/// These are estimates from a 2-D outline, not radiographic angles (normal < 15°, mild 15-20°,
/// moderate 21-39°, severe >= 40° on radiographs).
public enum ToeAngles {
    /// Hallux and fifth-toe angles in degrees, from outline points in the axis frame (x along the axis
    /// from the pternion, y across it); `medialSign` is +1 when the big toe lies on +y.
    public static func angles(xs: [Double], ys: [Double], medialSign: Double) -> (hallux: Double, toe5: Double) {
        angles(xs: xs, ys: ys, medialSign: medialSign, hull: ConvexHull.indices(xs: xs, ys: ys))
    }

    /// The same, on the outline's convex hull already found (indices into `xs` and `ys`).
    static func angles(xs: [Double], ys: [Double], medialSign: Double, hull: [Int]) -> (hallux: Double, toe5: Double) {
        guard hull.count >= 4, let length = xs.max() else { return (0, 0) }
        func angle(side: Double, reach: Double) -> Double {
            // Single passes over the hull (no filtered copies: a smooth outline's hull has thousands of vertices).
            let onSide = hull.lazy.filter { ys[$0] * side > 0 }
            guard let head = onSide.filter({ xs[$0] >= 0.5 * length && xs[$0] <= 0.8 * length }).max(by: { ys[$0] * side < ys[$1] * side }),
                  let behind = onSide.filter({ xs[$0] < xs[head] - reach }).max(by: { xs[$0] < xs[$1] }),
                  let ahead = onSide.filter({ xs[$0] > xs[head] + reach }).min(by: { xs[$0] < xs[$1] }) else { return 0 }
            let d1 = (x: xs[head] - xs[behind], y: ys[head] - ys[behind]), d2 = (x: xs[ahead] - xs[head], y: ys[ahead] - ys[head])
            let turn = atan2(d1.x * d2.y - d1.y * d2.x, d1.x * d2.x + d1.y * d2.y) * 180 / Double.pi
            // Turning away from this side, towards the axis, is positive.
            return -side * turn
        }
        return (angle(side: medialSign, reach: 15), angle(side: -medialSign, reach: 10))
    }
}
