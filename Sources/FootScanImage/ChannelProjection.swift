/// A grey channel made from a colour image's red, green and blue: `r R + g G + b B + offset`, rounded and
/// clamped to 0...255. Used instead of luma when a scan's colours separate foot from bed better than
/// its brightness does (a bed of the skin's brightness but another hue).
public struct ChannelProjection: Sendable, Hashable {
    /// Weights of red, green and blue.
    public var weights: SIMD3<Float>
    /// Added after weighting.
    public var offset: Float
    /// Whether this is the skin's hue: colourless light (haze, glare, shadow, cloth) maps to the bed's
    /// level, so the levels beside an edge are the foot's and the bed's.
    public var isSkinHue: Bool

    /// Creates a projection.
    public init(weights: SIMD3<Float>, offset: Float, isSkinHue: Bool = false) {
        self.weights = weights
        self.offset = offset
        self.isSkinHue = isSkinHue
    }

    /// Rec. 601 luma, the decoder's default channel.
    public static let luma = ChannelProjection(weights: SIMD3(0.299, 0.587, 0.114), offset: 0)

    /// Projects `count` packed RGB pixels into grey.
    func project(rgb: UnsafePointer<UInt8>, count: Int, into grey: UnsafeMutablePointer<UInt8>) {
        let r = weights.x, g = weights.y, b = weights.z, offset = self.offset + 0.5
        for x in 0..<count {
            let value = r * Float(rgb[3 * x]) + g * Float(rgb[3 * x + 1]) + b * Float(rgb[3 * x + 2]) + offset
            grey[x] = UInt8(min(max(value, 0), 255))
        }
    }
}
