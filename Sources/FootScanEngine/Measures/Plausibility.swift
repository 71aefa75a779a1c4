/// Whether a measured foot could be a human foot, from the ranges of ANSUR II (6,068 adults: length
/// 198 to 323 mm, breadth 77 to 126 mm, breadth over length 0.31 to 0.46), widened for children's feet
/// (down to 100 mm long) and for what a scan measures beyond the survey's calipers (a turned big toe, a
/// soft edge).
enum Plausibility {
    /// Lengths of human feet, mm: children's from 100, adults' to ANSUR's longest and 5% more.
    static let length: ClosedRange<Double> = 100...340
    /// Widths, mm: a child's 100 mm foot is about 38 wide; ANSUR's widest and 7% more.
    static let width: ClosedRange<Double> = 35...135
    /// Width over length: ANSUR's breadth over length runs 0.31 to 0.46; a scan's width is the whole
    /// foot's extent across the heel-to-second-toe axis, up to about 1.2 times the breadth on the widest
    /// feet the generator draws (0.52 of the length), hence 0.28 to 0.55.
    static let widthOverLength: ClosedRange<Double> = 0.28...0.55

    /// A print's width is its contact's, which stops short of the sole's edges where the foot's sides
    /// curve up from the glass or press below a plate's lowest pressure: a print may be as narrow as this
    /// share of a foot of its length (the generator's narrowest map, 307 x 85 mm, is at most 0.82 of its
    /// foot's ball breadth).
    static let printWidthShare = 0.8

    /// A print on which no toe showed ends at the ball, at least this share of the foot's length
    /// (anatomically the toes' creases lie at 0.7 to 0.8 of it): such a print may be that much shorter
    /// than a foot, and as much wider for its length.
    static let toelessPrintShare = 0.7

    /// No toe's tip lies behind this share of the foot's length from the heel: the little toe's, the
    /// shortest, ends at about 0.8 to 0.85 of it (the outer ball near 0.65). Toes found further back are
    /// no toes: on a fuzzed image of random bits a "foot" of noise had its five "toes" 13 to 74 mm from
    /// the heel of a 237 mm length, and no other warning.
    static let toeTipShare = 0.65

    /// The warnings a foot of these measures earns: `implausible_size` when its length or width lies
    /// outside human feet's, `implausible_shape` when its proportions do (or its heel is wider than the
    /// whole foot, on a sole, or a toe's tip in `toeTipsMM`, mm from the heel, lies behind ``toeTipShare``
    /// of its length). A print may be as narrow as ``printWidthShare`` of a foot; with fewer than two
    /// toes found as short as ``toelessPrintShare`` of one.
    static func warnings(lengthMM: Double, widthMM: Double, heelWidthMM: Double, isPrint: Bool, toeTipsMM: [Double] = []) -> [FootWarning] {
        var warnings: [FootWarning] = []
        let toeCount = toeTipsMM.count
        let share = isPrint && toeCount < 2 ? toelessPrintShare : 1
        let narrowest = isPrint ? printWidthShare : 1
        let lengths = share * length.lowerBound...length.upperBound
        let ratios = narrowest * widthOverLength.lowerBound...(widthOverLength.upperBound / share)
        if !lengths.contains(lengthMM) || !width.contains(widthMM) { warnings.append(.implausibleSize) }
        let ratio = lengthMM > 0 ? widthMM / lengthMM : 0
        let toesBehind = toeTipsMM.contains { $0 < toeTipShare * lengthMM }
        if !ratios.contains(ratio) || (!isPrint && heelWidthMM > widthMM + 1) || toesBehind { warnings.append(.implausibleShape) }
        return warnings
    }

    /// The message for a scan where no foot was found but a region of a foot's shape was, whose length
    /// at the stated density no human foot has: `lengthMM` at `dotsPerInch` from `source`. Nil when that
    /// length is a human foot's (the region was left out for another reason).
    static func densityMessage(lengthMM: Double, dotsPerInch: Double, source: String) -> String? {
        guard !length.contains(lengthMM) else { return nil }
        let dpi = (dotsPerInch * 10).rounded() / 10
        let shown = dpi == dpi.rounded() ? String(Int(dpi)) : String(dpi)
        return "the foot would be \(Int(lengthMM.rounded())) mm long at \(source) \(shown) dpi: the density is probably wrong; "
            + "calibrate the scanner (footscan calibrate) or give the true density (--override-dpi)"
    }
}
