/// How a real colour scanner draws a sole, beyond a clean bed and an even skin: the looks of
/// `shared/data/real-looks.md` (beside the project), each drawn from the scene's geometry so that the truth stays exact.
public enum ScannerLook: String, Sendable, Codable, Hashable, CaseIterable {
    /// A colour flatbed with its lid open in a dark room: a near-black bed, skin-coloured soles, a
    /// colourless haze rising from one edge to the skin's luma and reaching the heel, a white cloth
    /// against the medial arch, toe pads on darker necks, ridged skin, a pale defocused heel.
    case darkBed = "dark-bed"
    /// The same under a white lid: a white bed, a soft grey shadow around the feet, the arch in shade,
    /// and a grey gradient from the edge where the lid does not close.
    case lightBed = "light-bed"
}

/// The parameters of a ``ScannerLook`` for one scene, drawn at random within the ranges read off real
/// scans (`real-looks.md`). Every effect is colourless except the skin's own hue.
public struct RealLook: Sendable, Codable, Hashable {
    /// Which look.
    public var look: ScannerLook
    /// The skin's RGB in full light (about 170/128/112: red above green above blue).
    public var skinRGB: [Double]
    /// The bed's grey level (colourless).
    public var bedLevel: Double
    /// The image edge the haze (dark bed) or the lid's gradient (light bed) comes from: 0 left, 1 top,
    /// 2 right, 3 bottom.
    public var gradientEdge: Int
    /// How far the gradient reaches into the bed, as a share of the bed's extent across that edge.
    public var gradientReach: Double
    /// The gradient's grey level at the edge (about the skin's luma).
    public var gradientLevel: Double
    /// A second, round patch of the same haze in the corner at the gradient edge's start: its radius, mm.
    public var cornerRadiusMM: Double
    /// Width of the white cloth (or paper edge, or glare strip) beside the medial arch, mm; 0: none.
    public var clothWidthMM: Double
    /// The cloth's grey level.
    public var clothLevel: Double
    /// The toe necks' luma as a share of the skin's (the chroma stays): 0.45 to 0.6.
    public var neckLuma: Double
    /// The bright pad of toes 2 to 4 as a share of the toe's width (narrow pads on dark necks).
    public var padShare: Double
    /// How pale the heel is: the share of the way from the skin's colour to a colourless grey 15%
    /// lighter.
    public var heelPallor: Double
    /// Blur of the heel's edge, mm (out of focus: the heel stands on the glass less flat).
    public var heelBlurMM: Double
    /// Skin ridges about 0.5 mm apart: their amplitude as a share of the skin's level.
    public var ridges: Double
    /// Light bed: the arch in shade, the share of light it keeps.
    public var archShade: Double
    /// Light bed: the shadow around the feet, as a share of the bed's level right at the edge.
    public var shadowStrength: Double
    /// Light bed: the shadow's reach, mm.
    public var shadowReachMM: Double

    /// Draws a look's parameters.
    public static func random(_ look: ScannerLook, using random: inout SeededRandom) -> RealLook {
        let skin = [random.uniform(160...185), random.uniform(118...135), random.uniform(100...118)]
        let skinLuma = 0.299 * skin[0] + 0.587 * skin[1] + 0.114 * skin[2]
        let dark = look == .darkBed
        return RealLook(
            look: look,
            skinRGB: skin,
            bedLevel: dark ? random.uniform(39...50) : random.uniform(215...240),
            gradientEdge: Int(random.uniform(0...3.999)),
            gradientReach: random.uniform(0.25...0.35),
            gradientLevel: dark ? skinLuma * random.uniform(0.85...1.05) : skinLuma * random.uniform(0.95...1.1),
            cornerRadiusMM: random.uniform(20...45),
            clothWidthMM: dark ? random.uniform(10...25) : 0,
            clothLevel: random.uniform(100...133),
            neckLuma: random.uniform(0.45...0.6),
            padShare: random.uniform(0.45...0.8),
            heelPallor: random.uniform(0.2...0.45),
            heelBlurMM: random.uniform(0.3...0.8),
            ridges: random.uniform(0.02...0.06),
            archShade: dark ? 1 : random.uniform(0.7...0.85),
            shadowStrength: dark ? 0 : random.uniform(0.15...0.3),
            shadowReachMM: random.uniform(3...8)
        )
    }
}

/// The quirks of real scanners that any look may have.
public struct ScannerQuirks: Sendable, Codable, Hashable {
    /// Vignetting: the light lost at the bed's corners, as a share (0: none).
    public var vignetting: Double = 0
    /// Dust specks on the glass (0.2 to 1 mm, bright on a dark bed, dark on a light one), at least 3 mm
    /// from any foot.
    public var specks: Int = 0
    /// Hairs on the glass (0.05 to 0.1 mm wide, 5 to 30 mm long), at least 3 mm from any foot.
    public var hairs: Int = 0
    /// Samples of 16 bits (PNG only).
    public var sixteenBit = false

    /// No quirks.
    public init() {}

    /// Whether any quirk is set.
    public var isEmpty: Bool { self == ScannerQuirks() }
}
