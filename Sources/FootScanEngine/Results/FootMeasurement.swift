/// Everything FootScan measures of one foot, in millimetres, with the spec's meanings
/// (`MEASUREMENT.md`), and the geometry behind the numbers for drawing an overlay.
public struct FootMeasurement: Sendable {
    /// Left or right (plantar view unless the options say dorsal).
    public var side: FootSide
    /// Pternion to acropodion, along the axis.
    public var lengthMM: Double
    /// Extent across the axis of the whole foot.
    public var widthMM: Double
    /// Straight distance between the most medial and most lateral forefoot points.
    public var ballWidthMM: Double
    /// The outline's cross-section at x = 0.16 * length.
    public var heelWidthMM: Double
    /// x of each toe tip found, toe 1 first.
    public var toeTipsMM: [Double]
    /// Toe 1's tip minus toe 2's, when both were found.
    public var toe1MinusToe2MM: Double?
    /// The toe line's class.
    public var toeShape: ToeShape
    /// Cavanagh and Rodgers arch index, for footprints.
    public var archIndex: Double?
    /// The class of `archIndex`.
    public var archType: ArchType?
    /// Narrowest midfoot width over widest forefoot width of the print (footprints only).
    public var chippauxSmirakIndex: Double?
    /// Narrowest midfoot width over widest heel width of the print (footprints only).
    public var staheliIndex: Double?
    /// x of the most medial forefoot point (the first metatarsal head, metatarsale tibiale).
    public var heelToBallMM: Double
    /// x of the most lateral forefoot point (the fifth metatarsal head, metatarsale fibulare).
    public var heelToOutsideBallMM: Double
    /// Angle between the ball line and the perpendicular to the axis, degrees (positive when the fifth
    /// metatarsal head lies behind the first).
    public var ballAngleDeg: Double
    /// Silhouette estimate of the hallux valgus angle, degrees (see ``ToeAngles``).
    public var halluxAngleDeg: Double
    /// The same on the lateral side for the little toe, degrees.
    public var toe5AngleDeg: Double
    /// Estimated ball girth (not seen by a 2-D scan: from length, width and heel width, fitted on ANSUR II).
    public var ballGirthMM: Double
    /// One standard deviation of that estimate on feet held apart from the fit.
    public var ballGirthSDMM: Double
    /// The JIS width class of the girth estimate, with the classes within one standard deviation.
    public var widthClass: WidthClass
    /// Resolution limit of length and width at this pixel size.
    public var uncertaintyMM: Double
    /// Quality flags.
    public var warnings: [FootWarning]
    /// Where the numbers were taken, in image pixels.
    public var geometry: FootGeometry
    /// How well the side cues agree, 0 to 1 (the big toe, the toe line, the arch, and for two feet the pair).
    public var sideConfidence: Double
    /// The centroid of the foot's outline in image pixels (after EXIF orientation).
    public var centrePixel: SIMD2<Double>
    /// The cues behind `side`, in the foot's axis frame.
    var sideCues: SideCues
}

/// The landmarks and lines of a measured foot, in image pixel coordinates (pixel centres at whole
/// numbers, y down).
public struct FootGeometry: Sendable {
    /// The main outline (the sole, or the largest part of a print), sub-pixel.
    public var contour: [SIMD2<Double>]
    /// Every outline of the foot: the print's parts, then the toe pads.
    public var contours: [[SIMD2<Double>]]
    /// The convex hull of all of them, counter-clockwise in the axis frame.
    public var hull: [SIMD2<Double>]
    /// The rearmost heel point along the axis.
    public var pternion: SIMD2<Double>
    /// The most distal point of the longest toe.
    public var acropodion: SIMD2<Double>
    /// Unit vector of the axis, heel to toes, in millimetre space mapped back to pixels.
    public var axisDirection: SIMD2<Double>
    /// Toe tips, toe 1 first.
    public var toeTips: [SIMD2<Double>]
    /// The two ends of the width line (the extreme points across the axis).
    public var widthLine: (SIMD2<Double>, SIMD2<Double>)
    /// The two ends of the heel line at 0.16 * length.
    public var heelLine: (SIMD2<Double>, SIMD2<Double>)
    /// The medial and lateral ball points.
    public var ballLine: (SIMD2<Double>, SIMD2<Double>)
    /// On a podoscope image, the outlines of the contact print inside the foot (the arch indices' area);
    /// empty otherwise.
    public var contactContours: [[SIMD2<Double>]] = []
    /// On a print whose toes joined the forefoot, the outlines the arch indices were read on: the print
    /// with those toes cut off where they begin; empty otherwise (the indices were read on ``contours``).
    public var archOutlines: [[SIMD2<Double>]] = []
    /// On a print, the two lines that cut it into the arch indices' thirds, across the whole print at a
    /// third and two thirds of its length without the toes; empty on a sole.
    public var archThirdLines: [(SIMD2<Double>, SIMD2<Double>)] = []
}

/// The result for one scan.
public struct ScanMeasurement: Sendable {
    /// Silhouette or footprint.
    public var imageKind: ImageKind
    /// The feet, left to right as they lie in the image.
    public var feet: [FootMeasurement]
    /// How well foot and bed separated in the channel measured: the grey-level distance between them.
    public var contrast: Double
    /// Whether the foot is lighter than the bed.
    public var footIsLighter: Bool
}

/// Why a scan could not be measured.
public struct MeasurementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason in words.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// What the caller tells the engine.
public struct MeasurementOptions: Sendable {
    /// Plantar (default) or dorsal view.
    public var view: ScanView
    /// The wearer's sex, when known: it sharpens the girth estimate and picks the JIS table.
    public var sex: WearerSex?
    /// Creates options.
    public init(view: ScanView = .plantar, sex: WearerSex? = nil) {
        self.view = view
        self.sex = sex
    }
}
