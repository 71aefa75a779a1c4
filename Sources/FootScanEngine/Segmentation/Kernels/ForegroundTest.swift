/// Which pixels are foot: `(value ^ flip) > level`. With `flip` 0 the foot is lighter than the bed;
/// with `flip` 0xFF it is darker (the test then reads `value < 255 - level`). One form serves both
/// polarities in the SIMD kernels.
struct ForegroundTest: Sendable {
    /// 0 for a light foot, 0xFF for a dark foot.
    let flip: UInt8
    /// Values strictly above this (after the flip) are foot.
    let level: UInt8

    /// The test for a threshold chosen on the raw grey levels: a light foot is `value > threshold`,
    /// a dark foot is `value <= threshold`.
    init(threshold: Int, footIsLighter: Bool) {
        let t = UInt8(clamping: threshold)
        if footIsLighter {
            flip = 0
            level = t
        } else {
            flip = 0xFF
            level = 0xFF &- t &- 1
        }
    }

    /// The test for a level that is itself foot: a light foot is `value >= level`, a dark foot is
    /// `value <= level` (a level of 0 for a light foot, or 255 for a dark one, leaves out the extreme
    /// value itself).
    init(reaching level: Int, footIsLighter: Bool) {
        self.init(threshold: footIsLighter ? level - 1 : level, footIsLighter: footIsLighter)
    }

    /// Whether one sample is foot.
    @inline(__always) func isForeground(_ value: UInt8) -> Bool { (value ^ flip) > level }

    /// A sample's value on the foot-is-high scale, for sub-pixel interpolation.
    @inline(__always) func signal(_ value: UInt8) -> Double { Double(value ^ flip) }

    /// The level on the foot-is-high scale where an edge lies (half-way between the two integer classes).
    var edgeLevel: Double { Double(level) + 0.5 }
}
