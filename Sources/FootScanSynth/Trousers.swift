#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Trousers on a podoscope image (camera below the glass): the hem of each trouser leg hangs around
/// the ankle, a few centimetres above the glass, and shows as dark cloth around and behind the heel,
/// as dim as the foot that does not touch the glass (`real-looks.md`: 23 against 22 to 27). The foot
/// hides the cloth where both lie; beyond the foot there is no edge between them.
///
/// Each leg is an ellipse in its foot's frame: centred `forwardMM` ahead of the pternion and `sideMM`
/// across, `alongMM` and `acrossMM` its half-axes, so that it reaches `alongMM - forwardMM` behind the
/// heel and covers the heel's outline there.
public struct Trousers: Sendable, Codable, Hashable {
    /// How far ahead of the pternion the hem's centre lies, mm.
    public var forwardMM: Double
    /// How far across the foot the hem's centre lies, mm (either way).
    public var sideMM: Double
    /// The hem's half-axes along and across the foot, mm.
    public var alongMM: Double
    public var acrossMM: Double
    /// The cloth's level above the bed, as a share of the dim foot's step.
    public var share: Double
    /// Blur of the cloth's edge, mm: the hem is out of the glass's focus.
    public var blurMM: Double

    /// Draws a pair of trouser legs: reaching 4 to 30 mm behind the heel, 40 to 60 mm either side of
    /// the hem's centre, the cloth 0.85 to 1.1 times as far above the bed as the dim foot.
    public static func random(using random: inout SeededRandom) -> Trousers {
        let forward = random.uniform(20...40)
        return Trousers(forwardMM: forward, sideMM: random.uniform(-8...8), alongMM: forward + random.uniform(4...30),
                        acrossMM: random.uniform(40...60), share: random.uniform(0.85...1.1), blurMM: random.uniform(1...2.5))
    }

    /// The hem's outline in a foot's frame (x along the foot from the pternion, y across), mm.
    func outline() -> [Point2] {
        (0..<72).map { k in
            let t = Double(k) / 72 * 2 * Double.pi
            return Point2(forwardMM + alongMM * cos(t), sideMM + acrossMM * sin(t))
        }
    }
}
