/// Shoe styles a workshop keeps lasts for.
public enum LastStyle: String, Sendable, Codable, CaseIterable {
    /// Closed lacing, dress.
    case oxford
    /// Open lacing.
    case derby
    /// Slip-on.
    case loafer
    /// A woman's court shoe.
    case pump
    /// Above the ankle.
    case boot
    /// Athletic, casual.
    case sneaker
}

/// The toe shape of a last.
public enum LastToeShape: String, Sendable, Codable, CaseIterable {
    /// A rounded toe.
    case round
    /// Tapered, with a rounded end.
    case almond
    /// Long and pointed.
    case pointed
    /// Blunt and square.
    case square
    /// Slanting from the big toe back to the little toe, like the toes themselves.
    case oblique
}

/// One last on a workshop's rack. All lengths in millimetres; the size is Korean (foot length, mm).
public struct Last: Sendable, Equatable, Codable {
    /// Unique id in the catalogue.
    public var id: String
    /// The workshop that owns it.
    public var workshop: String
    /// The shoe style it is made for.
    public var style: LastStyle
    /// Its toe shape.
    public var toeShape: LastToeShape
    /// Korean size: the foot length it is made for, mm.
    public var sizeMM: Double
    /// Width label as the workshop writes it (e.g. E, EE, EEE).
    public var width: String
    /// Stick length: heel to toe of the last, mm.
    public var lengthMM: Double
    /// Width of the last's bottom across the ball, mm.
    public var ballWidthMM: Double
    /// Girth around the ball, mm.
    public var ballGirthMM: Double
    /// Width of the last's heel seat, mm.
    public var heelWidthMM: Double
    /// Free text.
    public var notes: String

    /// Creates a last.
    public init(id: String, workshop: String, style: LastStyle, toeShape: LastToeShape, sizeMM: Double, width: String,
                lengthMM: Double, ballWidthMM: Double, ballGirthMM: Double, heelWidthMM: Double, notes: String = "") {
        self.id = id
        self.workshop = workshop
        self.style = style
        self.toeShape = toeShape
        self.sizeMM = sizeMM
        self.width = width
        self.lengthMM = lengthMM
        self.ballWidthMM = ballWidthMM
        self.ballGirthMM = ballGirthMM
        self.heelWidthMM = heelWidthMM
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, workshop, style, notes, width
        case toeShape = "toe_shape"
        case sizeMM = "size_mm"
        case lengthMM = "length_mm"
        case ballWidthMM = "ball_width_mm"
        case ballGirthMM = "ball_girth_mm"
        case heelWidthMM = "heel_width_mm"
    }
}
