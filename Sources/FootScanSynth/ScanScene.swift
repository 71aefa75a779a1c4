#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One foot laid on the bed: its shape and where its frame sits on the scan.
public struct PlacedFoot: Sendable, Codable, Hashable {
    /// The foot.
    public var shape: FootShape
    /// Where the pternion lies on the bed, in millimetres from the scan's top-left corner.
    public var pternionMM: Point2
    /// The direction from heel to toes on the scan, in radians (0: towards +x, pi/2: down the scan).
    public var angle: Double
    /// When set, the foot is drawn as a contact print instead of a whole sole.
    public var print: FootprintParameters?

    /// Creates a placement.
    public init(shape: FootShape, pternionMM: Point2, angle: Double, print: FootprintParameters? = nil) {
        self.shape = shape
        self.pternionMM = pternionMM
        self.angle = angle
        self.print = print
    }

    /// Maps a point of the foot's frame to the bed, in millimetres. In the foot frame +y is the
    /// viewer's right when the toes point up the scan (plantar view).
    func toBed(_ p: Point2) -> Point2 {
        let a = Point2(cos(angle), sin(angle))
        let n = Point2(-a.y, a.x)
        return pternionMM + a * p.x + n * p.y
    }
}

/// A flat rectangular object on the bed (an ID card, a sheet of paper), drawn like the feet.
public struct PlacedRectangle: Sendable, Codable, Hashable {
    /// Its centre on the bed, mm.
    public var centreMM: Point2
    /// Long side, mm.
    public var longMM: Double
    /// Short side, mm.
    public var shortMM: Double
    /// Direction of the long side, radians.
    public var angle: Double
    /// Radius of the rounded corners, mm (3.18 for an ID-1 card).
    public var cornerRadiusMM: Double

    /// Creates a rectangle.
    public init(centreMM: Point2, longMM: Double, shortMM: Double, angle: Double, cornerRadiusMM: Double = 0) {
        self.centreMM = centreMM
        self.longMM = longMM
        self.shortMM = shortMM
        self.angle = angle
        self.cornerRadiusMM = cornerRadiusMM
    }

    /// An ID-1 card (85.60 x 53.98 mm, corners of 3.18 mm).
    public static func card(centreMM: Point2, angle: Double) -> PlacedRectangle {
        PlacedRectangle(centreMM: centreMM, longMM: 85.60, shortMM: 53.98, angle: angle, cornerRadiusMM: 3.18)
    }

    /// The outline on the bed, mm.
    var polygon: [Point2] {
        let a = Point2(cos(angle), sin(angle)), n = Point2(-a.y, a.x)
        let r = min(cornerRadiusMM, 0.49 * shortMM)
        let hx = longMM / 2 - r, hy = shortMM / 2 - r
        var points: [Point2] = []
        for (corner, (sx, sy)) in [(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)].enumerated() {
            let centre = Point2(sx * hx, sy * hy)
            for step in 0...12 {
                let t = (Double(corner) + Double(step) / 12) * Double.pi / 2
                let p = r > 0 ? centre + Point2(cos(t), sin(t)) * r : centre
                points.append(centreMM + a * p.x + n * p.y)
                if r == 0 { break }
            }
        }
        return points
    }
}

/// How the scanner lit the scene.
public struct ScanLighting: Sendable, Codable, Hashable {
    /// Grey level of the bed at its centre.
    public var bedLevel: Double
    /// Grey level of the skin.
    public var skinLevel: Double
    /// Change of the bed's level across the scan, left to right and top to bottom.
    public var gradient: Point2
    /// Sensor noise, standard deviation in grey levels.
    public var noise: Double
    /// Amplitude of skin texture (creases, pores), grey levels.
    public var texture: Double
    /// A band of light along the left edge: its width in mm and its level (0 width: none).
    public var leakWidthMM: Double
    /// The light band's grey level.
    public var leakLevel: Double
    /// A soft shadow around the foot (white lids): how much darker the bed is right at the edge, as a
    /// share of the bed's level, and how far it reaches in mm.
    public var haloStrength: Double = 0
    /// Reach of the halo in mm.
    public var haloReachMM: Double = 4
    /// Pale callused heel and toe tips: the share of the way from skin towards the bed's level.
    public var callus: Double = 0
    /// A glare strip on the bed along the feet (a lid that could not close): its level as a share of the
    /// way from bed to skin, and its width in mm.
    public var glare: Double = 0
    /// Width of the glare strip in mm.
    public var glareWidthMM: Double = 0
    /// Optical blur of the edges (the scanner's lens and the sole curving up off the glass): the standard
    /// deviation, in mm, of a Gaussian spread of the feet's coverage; 0: sharp, anti-aliased edges.
    public var edgeBlurMM: Double = 0
    /// RGB multipliers of the skin and of the bed (a colour cast); nil draws grey.
    public var skinTint: [Double]?
    /// RGB multipliers of the bed.
    public var bedTint: [Double]?
    /// A real colour scanner's look (``RealLook``); when set, it draws the scene in RGB instead of the
    /// levels, gradient, leak, halo, glare, callus and tints above (noise and texture still apply).
    public var realLook: RealLook?
    /// Vignetting, dust, hairs, 16-bit samples; nil: none.
    public var quirks: ScannerQuirks?
    /// A print device's image (``PrintLook``); when set, the feet are drawn as that device shows them and
    /// only the noise above still applies.
    public var printLook: PrintLook?

    /// Creates a lighting.
    public init(bedLevel: Double, skinLevel: Double, gradient: Point2 = Point2(0, 0), noise: Double = 2,
                texture: Double = 4, leakWidthMM: Double = 0, leakLevel: Double = 0,
                skinTint: [Double]? = nil, bedTint: [Double]? = nil) {
        self.bedLevel = bedLevel
        self.skinLevel = skinLevel
        self.gradient = gradient
        self.noise = noise
        self.texture = texture
        self.leakWidthMM = leakWidthMM
        self.leakLevel = leakLevel
        self.skinTint = skinTint
        self.bedTint = bedTint
    }
}

/// The file a generated scan is written as.
public enum ScanFileFormat: Sendable, Codable, Hashable {
    /// 8-bit PNG.
    case png
    /// JPEG at a quality, baseline or progressive.
    case jpeg(quality: Int, progressive: Bool)
}

/// Everything needed to draw one scan.
public struct ScanScene: Sendable, Codable, Hashable {
    /// Pixel density.
    public var dotsPerInch: Double
    /// Size of the scanned area.
    public var bedWidthMM: Double
    /// Size of the scanned area.
    public var bedHeightMM: Double
    /// The feet.
    public var feet: [PlacedFoot]
    /// Light and noise.
    public var lighting: ScanLighting
    /// File format.
    public var format: ScanFileFormat
    /// Whether the file states its density.
    public var writesDensity: Bool
    /// Seed of the noise and texture.
    public var seed: UInt64
    /// Flat objects on the bed besides the feet (calibration cards, sheets).
    public var objects: [PlacedRectangle] = []
    /// A density to write into the file instead of the true one (a scanner's placeholder, e.g. 72 dpi).
    public var claimedDotsPerInch: Double?

    /// Creates a scene.
    public init(dotsPerInch: Double, bedWidthMM: Double, bedHeightMM: Double, feet: [PlacedFoot], lighting: ScanLighting,
                format: ScanFileFormat, writesDensity: Bool = true, seed: UInt64 = 1) {
        self.dotsPerInch = dotsPerInch
        self.bedWidthMM = bedWidthMM
        self.bedHeightMM = bedHeightMM
        self.feet = feet
        self.lighting = lighting
        self.format = format
        self.writesDensity = writesDensity
        self.seed = seed
    }

    /// Millimetres per pixel.
    public var millimetresPerPixel: Double { 25.4 / dotsPerInch }
    /// Pixel columns.
    public var widthPixels: Int { Int((bedWidthMM / millimetresPerPixel).rounded()) }
    /// Pixel rows.
    public var heightPixels: Int { Int((bedHeightMM / millimetresPerPixel).rounded()) }
}
