/// What the matcher needs to know of one foot; from a scan, a batch row or typed in.
public struct FootForFitting: Sendable, Equatable {
    /// Pternion to acropodion, mm.
    public var lengthMM: Double
    /// Foot breadth, mm.
    public var widthMM: Double
    /// Heel width, mm, when known.
    public var heelWidthMM: Double?
    /// `egyptian`, `greek` or `roman`, when known.
    public var toeShape: String?
    /// Estimated or measured ball girth, mm, when known.
    public var girthMM: Double?
    /// One standard deviation of the girth, mm (0 when measured with a tape).
    public var girthSDMM: Double
    /// `male` or `female`, when known.
    public var sex: String?
    /// `left` or `right`, when known.
    public var side: String?

    /// Creates a foot.
    public init(lengthMM: Double, widthMM: Double, heelWidthMM: Double? = nil, toeShape: String? = nil, girthMM: Double? = nil,
                girthSDMM: Double = 0, sex: String? = nil, side: String? = nil) {
        self.lengthMM = lengthMM
        self.widthMM = widthMM
        self.heelWidthMM = heelWidthMM
        self.toeShape = toeShape
        self.girthMM = girthMM
        self.girthSDMM = girthSDMM
        self.sex = sex
        self.side = side
    }
}
