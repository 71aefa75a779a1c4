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
    /// When set, the channel is not a weighting at all but the pressure a pressure plate's map shows in
    /// this colour scale (``PressureScale/level(red:green:blue:)``): black 0, the scale 1 to 255.
    public var pressureScale: PressureScale?

    /// Creates a projection.
    public init(weights: SIMD3<Float>, offset: Float, isSkinHue: Bool = false) {
        self.weights = weights
        self.offset = offset
        self.isSkinHue = isSkinHue
    }

    /// The pressure a map in `scale` shows, as a grey channel.
    public static func pressure(_ scale: PressureScale) -> ChannelProjection {
        var projection = ChannelProjection(weights: .zero, offset: 0)
        projection.pressureScale = scale
        return projection
    }

    /// Rec. 601 luma, the decoder's default channel.
    public static let luma = ChannelProjection(weights: SIMD3(0.299, 0.587, 0.114), offset: 0)

    /// The projection as three lookup tables, for a whole image's rows.
    var table: Table { Table(self) }

    /// A projection as three tables of fixed-point terms (12 fractional bits, room for weights of
    /// hundreds), one per channel (the offset and the
    /// rounding folded into red's): a pixel costs three loads, two adds, a shift and a clamp.
    /// A pressure scale's projection is its 32 x 32 x 32 table of levels instead.
    struct Table {
        private var terms: [Int32]
        private var levels: [UInt8]?

        init(_ projection: ChannelProjection) {
            terms = []
            if let scale = projection.pressureScale {
                levels = scale.table
                return
            }
            terms = [Int32](repeating: 0, count: 768)
            let scale: Float = 4_096
            for level in 0..<256 {
                let value = Float(level)
                terms[level] = Int32(((projection.weights.x * value + projection.offset + 0.5) * scale).rounded())
                terms[256 + level] = Int32((projection.weights.y * value * scale).rounded())
                terms[512 + level] = Int32((projection.weights.z * value * scale).rounded())
            }
        }

        /// Projects `count` packed RGB pixels into grey.
        func project(rgb: UnsafePointer<UInt8>, count: Int, into grey: UnsafeMutablePointer<UInt8>) {
            if let levels {
                levels.withUnsafeBufferPointer { levels in
                    for x in 0..<count {
                        let cell = (Int(rgb[3 * x] >> 3) << 10) | (Int(rgb[3 * x + 1] >> 3) << 5) | Int(rgb[3 * x + 2] >> 3)
                        grey[x] = levels[cell]
                    }
                }
                return
            }
            terms.withUnsafeBufferPointer { terms in
                for x in 0..<count {
                    let sum = terms[Int(rgb[3 * x])] &+ terms[256 + Int(rgb[3 * x + 1])] &+ terms[512 + Int(rgb[3 * x + 2])]
                    grey[x] = UInt8(truncatingIfNeeded: min(max(sum >> 12, 0), 255))
                }
            }
        }
    }
}
