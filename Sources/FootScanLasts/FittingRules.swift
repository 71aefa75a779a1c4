/// How a last should relate to a foot: data, not code. Defaults are below; a catalogue file may
/// override any of them (`#rule` lines in CSV, a `rules` object in JSON).
///
/// Sources of the defaults:
/// - Toe room (stick length minus foot length): about 10 mm for a blunt toe, 15-20 mm for a round
///   dress toe, 25-50 mm for long pointed toes, as the FootScan issue on lasts states from shoemaking
///   practice; the per-style ranges below follow those figures.
/// - Girth: lasts are usually cut about 10 mm under the foot's girth for men and about 14 mm for women.
/// - Width and heel ranges are FootScan's illustrative rules of thumb (the bottom of a last is narrower
///   than the loaded foot, whose breadth the upper takes up), not published figures: a workshop should
///   set its own.
public struct FittingRules: Sendable, Equatable {
    /// Allowed toe room per style, mm: lower and upper bound.
    public var toeRoomMM: [LastStyle: ClosedRange<Double>]
    /// Extra toe room a toe shape needs on top of its style's (long pointed toes need most).
    public var toeShapeExtraMM: [LastToeShape: Double]
    /// Last ball width minus foot width, mm, that fits snugly.
    public var snugMM: ClosedRange<Double>
    /// ... that fits as a regular fit.
    public var regularMM: ClosedRange<Double>
    /// ... that fits loosely.
    public var looseMM: ClosedRange<Double>
    /// Last heel width minus foot heel width that fits, mm.
    public var heelMM: ClosedRange<Double>
    /// How far under the foot's girth a last is cut for men and for women (and when unknown: their mean).
    public var girthUnderMenMM: Double
    /// ... for women.
    public var girthUnderWomenMM: Double
    /// Which toe shapes suit each toe line (Egyptian, Greek, Roman).
    public var suitableToeShapes: [String: [LastToeShape]]
    /// Weights of the criteria in the score.
    public var weights: [String: Double]

    /// The defaults.
    public static let standard = FittingRules(
        toeRoomMM: [.oxford: 15...20, .derby: 15...20, .loafer: 12...18, .pump: 18...30, .boot: 15...22, .sneaker: 10...15],
        toeShapeExtraMM: [.round: 0, .square: 0, .oblique: 0, .almond: 4, .pointed: 12],
        snugMM: -12 ... -8, regularMM: -8 ... -4, looseMM: -4 ... 0,
        heelMM: -14 ... -4,
        girthUnderMenMM: 10, girthUnderWomenMM: 14,
        suitableToeShapes: ["egyptian": [.oblique, .round], "greek": [.pointed, .almond, .round], "roman": [.square, .round]],
        weights: ["length": 0.4, "width": 0.25, "girth": 0.15, "heel": 0.1, "toe_shape": 0.1]
    )

    /// The toe room range for a last.
    public func toeRoom(for last: Last) -> ClosedRange<Double> {
        let base = toeRoomMM[last.style] ?? 15...20
        let extra = toeShapeExtraMM[last.toeShape] ?? 0
        return (base.lowerBound + extra)...(base.upperBound + extra)
    }

    /// The whole range of width differences that fit at all.
    public var widthFit: ClosedRange<Double> {
        min(snugMM.lowerBound, regularMM.lowerBound, looseMM.lowerBound)...max(snugMM.upperBound, regularMM.upperBound, looseMM.upperBound)
    }
}
