import FootScanImage

/// The segmenter for the whole foot on a podoscope image: the dim outline around the bright contact.
///
/// A podoscope's camera sees the contact bright and the rest of the sole a faint step (10 to 15 grey
/// levels) above the bed. On an image smoothed at half a millimetre, the bed's peak and the foot's dim
/// level are the two most frequent levels below the contact's; the foot is everything above half-way
/// between them, which is where a symmetric smoothing leaves the outline's edge. The bed's peak is
/// usually the most frequent level of all; where the dim foot outnumbers the bed (a large foot on a
/// small image, or trousers as dim as the foot around it), the most frequent level is the dim foot's,
/// and the bed is the hump beyond it, away from the contact, past a valley under half that hump's
/// height.
struct OutlineSegmenter: Segmenter {
    /// The level between bed and dim foot.
    let threshold: Int
    /// Whether the foot is lighter than the bed.
    let footIsLighter: Bool
    /// The dim foot's distance from the bed, grey levels.
    let step: Double
    /// The dim foot's level.
    let dimLevel: Int

    /// Which pixels are foot: the whole foot, dim or in contact.
    var test: ForegroundTest { ForegroundTest(threshold: threshold, footIsLighter: footIsLighter) }

    /// The radius of the smoothing before the outline is sought, mm.
    static let smoothingMM = 0.5

    /// The fewest pixels between the bed and the contact, as a share of the contact's, that may be a dim
    /// foot: a twentieth. A very flat foot's contact covers all its sole but a rim of 2 mm, and its dim
    /// foot came to 9.4 % of the contact on a generated padless podoscope image (scene 9732 of the test
    /// set, `footscan synth --device podoscope --padless --seed 75199164 --dpi 150`), whose dim level
    /// stands 4.9 times as high as the valley before it: with a tenth it was read as a sole, 3.9 mm short.
    /// A sole's blurred edge alone comes to about 1 %; of 72 generated soles (plain, dark and light beds,
    /// quirks, blur, isoluminant) one more (6.4 %, a light bed's shadow) now passes the quick look for a
    /// dim foot, and the full reading finds no whole foot on it.
    static let leastDimShare = 0.05

    /// The outline's level on `image` (smoothed, its bed made level), when the image shows a dim foot
    /// around a contact print: a second peak between the bed's (found as the type's summary says) and the
    /// contact's level, past the valley that ends the bed's hump and half as high again as that valley, at
    /// least five noise deviations (and five levels) above the bed, whose pixels are at least
    /// ``leastDimShare`` of the contact's. Nil otherwise (a contact scanner's black bed, an ink print on
    /// paper: nothing lies between).
    init?(image: ScanImage, pixelMM: Double) {
        self.init(histogram: GreyHistogram(image: image, step: max(1, Int((0.4 / pixelMM).rounded()))))
    }

    /// The outline's level read on `boxes` of `image` alone (one around each foot's toes and ball,
    /// where no cloth hangs), their histograms added. Trousers around the heels, as dim as the foot,
    /// can fill the whole image's histogram between bed and foot, or outnumber the bed; around the toes
    /// the bed, the dim foot and the contact stand apart as on a bare foot.
    init?(image: ScanImage, pixelMM: Double, around boxes: [PixelBox]) {
        let step = max(1, Int((0.4 / pixelMM).rounded()))
        let histograms = boxes.filter { !$0.isEmpty }.map { GreyHistogram(image: image.cropped(to: $0), step: step) }
        guard let first = histograms.first else { return nil }
        self.init(histogram: histograms.dropFirst().reduce(first, +))
    }

    /// The outline's level from `histogram` (of an image smoothed, its bed made level).
    private init?(histogram: GreyHistogram) {
        let otsu = histogram.otsu()
        let lighter = histogram.borderMean <= Double(otsu.threshold)
        var bed = histogram.bedPeak(threshold: otsu.threshold, footIsLighter: lighter)
        let sign = lighter ? 1 : -1
        let counts = histogram.counts
        func even(_ level: Int) -> Double {
            Double(counts[max(level - 1, 0)] + counts[level] + counts[min(level + 1, 255)]) / 3
        }
        // The dim foot may outnumber the bed (a large foot on a small image, trousers as dim as the foot
        // around it): the most frequent level is then the dim foot's, and the bed is the hump further
        // from the contact, past a valley under half its height.
        // (Ranges and lazy maps, not arrays: this runs on every clean scan's quick look for a dim foot.)
        let beyondMode = sign > 0 ? 0..<max(bed.mode - 2, 0) : min(bed.mode + 3, 256)..<256
        if let hump = beyondMode.max(by: { even($0) < even($1) }), even(hump) >= 0.25 * even(bed.mode),
           let valley = Swift.stride(from: hump, through: bed.mode, by: sign).lazy.map(even).min(), valley < 0.5 * even(hump) {
            bed = (hump, histogram.noise(around: hump, footIsLighter: lighter))
        }
        let contactLevel = lighter ? otsu.highMean : otsu.lowMean
        let low = bed.mode + sign * Int(max(3 * bed.noise, 3).rounded())
        let high = bed.mode + sign * Int(((contactLevel - Double(bed.mode)) * Double(sign) / 4).rounded())
        guard (high - low) * sign > 2 else { return nil }
        // The bed's hump (climbed to its top, then down) ends at the first valley; the dim foot is the highest level
        // beyond it (counts evened over three levels), and stands clearly above that valley.
        var valley = bed.mode
        func inside(_ level: Int) -> Bool { (level - high) * sign <= 0 }
        while inside(valley + sign) && even(valley + sign) > even(valley) { valley += sign }
        while inside(valley + sign) && even(valley + sign) <= even(valley) { valley += sign }
        let range = sign > 0 ? valley...high : high...valley
        guard let dim = range.max(by: { even($0) < even($1) }), even(dim) >= 1.5 * even(valley) else { return nil }
        let between = range.reduce(0) { $0 + counts[$1] }
        let contact = (sign > 0 ? min(high + 1, 255)...255 : 0...max(high - 1, 0)).reduce(0) { $0 + counts[$1] }
        let step = Double((dim - bed.mode) * sign)
        guard step >= max(5 * bed.noise, 5), Double(between) >= Self.leastDimShare * Double(contact), contact > 0 else { return nil }
        // Half-way between the bed's hump (its mean, up to the valley and as far the other way) and the dim foot.
        let hump = (min(bed.mode, 2 * bed.mode - valley, valley)...max(bed.mode, 2 * bed.mode - valley, valley)).clamped(to: 0...255)
        let humpCount = hump.reduce(0) { $0 + counts[$1] }
        let bedCentre = humpCount > 0 ? Double(hump.reduce(0) { $0 + $1 * counts[$1] }) / Double(humpCount) : Double(bed.mode)
        threshold = Int(((bedCentre + Double(dim)) / 2).rounded(lighter ? .down : .up))
        footIsLighter = lighter
        self.step = step
        dimLevel = dim
    }

    func segment(_ image: ScanImage, pixelMM: Double) -> Foreground {
        let test = self.test
        var (runs, rowStarts) = RunExtraction.runs(of: image, test: test)
        let width = image.width
        let visible = VisibleArea.detect(runs: runs, rowStarts: rowStarts, width: width, height: image.height, pixelMM: pixelMM)
        if visible != VisibleArea(width: width, height: image.height) {
            (runs, rowStarts) = Segmentation.clip(runs: runs, rowStarts: rowStarts, to: visible)
        }
        // The quality figure is the dim step: low, but the outline is all it has to show.
        return Foreground(runs: runs, rowStarts: rowStarts, visible: visible, contrast: max(step, Foreground.lowContrastBelow),
                          edge: test, footIsLighter: footIsLighter, bedLevel: Double(threshold))
    }
}
