import FootScanEngine

/// The parameters of one generated foot, in millimetres. Every measure in the truth follows from these
/// through the outline polygon that ``FootOutline`` builds.
public struct FootShape: Sendable, Codable, Hashable {
    /// Which foot it is.
    public var side: FootSide
    /// Heel to the tip of the longest toe.
    public var lengthMM: Double
    /// Breadth across the ball, perpendicular to the axis.
    public var ballBreadthMM: Double
    /// Diameter of the heel's round back.
    public var heelBreadthMM: Double
    /// The share of the ball breadth on the big-toe side of the axis (0.33...0.42).
    public var medialShare: Double
    /// Tip of toe 1 minus tip of toe 2, along the axis: > 0 Egyptian, < 0 Greek.
    public var toe1MinusToe2MM: Double
    /// How far toes 3, 4 and 5 stand behind the toe before them.
    public var toeStepsMM: [Double]
    /// Depth of the clefts between the toes, behind the shorter toe's cap.
    public var cleftDepthMM: Double
    /// How far the medial arch line lies inside the straight line from heel to ball.
    public var archDepthMM: Double
    /// The toes turned towards the lateral side about the first metatarsal head, degrees: what makes
    /// a hallux angle (and a fifth-toe angle) on the outline. 0 for straight toes.
    public var toeRotationDeg: Double = 0

    /// Creates a shape from its parameters.
    public init(side: FootSide, lengthMM: Double, ballBreadthMM: Double, heelBreadthMM: Double, medialShare: Double,
                toe1MinusToe2MM: Double, toeStepsMM: [Double], cleftDepthMM: Double, archDepthMM: Double) {
        self.side = side
        self.lengthMM = lengthMM
        self.ballBreadthMM = ballBreadthMM
        self.heelBreadthMM = heelBreadthMM
        self.medialShare = medialShare
        self.toe1MinusToe2MM = toe1MinusToe2MM
        self.toeStepsMM = toeStepsMM
        self.cleftDepthMM = cleftDepthMM
        self.archDepthMM = archDepthMM
    }

    /// A random plausible foot: length uniform in 210-310 mm; breadth and heel breadth drawn jointly
    /// with it from the ANSUR II population of a random sex (conditional on the length), the breadth
    /// kept within 0.34-0.44 of the length; toe 1 minus toe 2 within +-6 mm.
    public static func random(using random: inout SeededRandom, side: FootSide? = nil,
                              toe1MinusToe2MM: Double? = nil) -> FootShape {
        let length = random.uniform(210...310)
        let population = random.uniform(0...1) < 0.5 ? FootPopulation.male : FootPopulation.female
        let drawn = population.proportions(lengthMM: length, z1: random.normal(), z2: random.normal())
        let breadth = min(max(drawn.breadthMM, 0.34 * length), 0.44 * length)
        let heel = min(max(drawn.heelBreadthMM, 0.58 * breadth), 0.78 * breadth)
        return FootShape(
            side: side ?? (random.uniform(0...1) < 0.5 ? .left : .right),
            lengthMM: length,
            ballBreadthMM: breadth,
            heelBreadthMM: heel,
            medialShare: random.uniform(0.36...0.41),
            toe1MinusToe2MM: toe1MinusToe2MM ?? random.uniform(-6...6),
            toeStepsMM: [random.uniform(2.5...5), random.uniform(4...7), random.uniform(6...10)],
            cleftDepthMM: random.uniform(3...7),
            archDepthMM: random.uniform(2...8)
        )
    }
}
