/// Which foot.
public enum FootSide: String, Sendable, Codable, CaseIterable {
    /// The left foot.
    case left
    /// The right foot.
    case right
}

/// How the scan looks at the sole.
public enum ScanView: String, Sendable, Codable, CaseIterable {
    /// From below the glass (a foot scanner, a podoscope): the default.
    case plantar
    /// From above: left and right are mirrored.
    case dorsal
}

/// What kind of picture the scan is.
public enum ImageKind: String, Sendable, Codable {
    /// The whole sole as a scanner sees it.
    case silhouette
    /// A contact print: only what touches the plate shows, toes as separate pads.
    case footprint
    /// A podoscope image: the dim outline of the whole foot with the bright contact print inside it;
    /// lengths and widths from the outline, the arch indices from the contact.
    case podoscope
}

/// The toe line's class, from toe 1's tip minus toe 2's.
public enum ToeShape: String, Sendable, Codable, CaseIterable {
    /// Toe 1 at least 2 mm ahead of toe 2.
    case egyptian
    /// Toe 2 at least 2 mm ahead of toe 1.
    case greek
    /// The first toes level (within 2 mm).
    case roman

    /// The class of a toe 1 minus toe 2 difference in millimetres.
    public init(toe1MinusToe2MM d: Double) {
        self = d >= 2 ? .egyptian : (d <= -2 ? .greek : .roman)
    }
}

/// Short flags about a measured foot, as the spec names them.
public enum FootWarning: String, Sendable, Codable, CaseIterable {
    /// Part of the foot may be cut off by the image's edge.
    case touchesBorder = "touches_border"
    /// Foot and bed differ little in brightness.
    case lowContrast = "low_contrast"
    /// Toe tips could not all be told apart; the toe shape is a best guess.
    case toesMerged = "toes_merged"
    /// The axis could not be fixed from the heel and toe 2.
    case axisUncertain = "axis_uncertain"
    /// A footprint that seems to miss a part.
    case partialPrint = "partial_print"
    /// The side cues disagree (or two feet of a scan came out on one side).
    case sideUncertain = "side_uncertain"
    /// Length or width outside the range of human feet at this density: the density is probably wrong.
    case implausibleSize = "implausible_size"
    /// Proportions no human foot has: the outline probably took in something that is not foot.
    case implausibleShape = "implausible_shape"
}

/// The arch class from the arch index.
public enum ArchType: String, Sendable, Codable {
    /// Arch index below 0.21.
    case high
    /// 0.21 to 0.26.
    case normal
    /// Above 0.26.
    case flat

    /// The class of an arch index: high < 0.21 <= normal <= 0.26 < flat.
    public init(archIndex: Double) {
        self = archIndex < 0.21 ? .high : (archIndex <= 0.26 ? .normal : .flat)
    }
}
