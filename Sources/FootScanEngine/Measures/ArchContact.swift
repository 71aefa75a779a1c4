/// Whether an outline with no toe pads apart is a contact print, from the arch's contact shape.
///
/// A sole seen through the glass takes in the arch that stands off it: its narrowest breadth across the
/// midfoot (x from 0.3 to 0.6 of its length) is 0.69 to 0.82 of its greatest breadth on the generated
/// soles (plain, dark and light beds, quirks). A print leaves the arch out (0.07 to 0.78 on the generated
/// prints whose toes joined the forefoot or left no pad): below ``printBelow`` it is a print. A flat
/// foot's print, as full as a sole, stays a sole: its length and widths are a sole's, only its arch
/// index is not reported.
enum ArchContact {
    /// The midfoot's narrowest breadth over the greatest breadth below which an outline is a print.
    static let printBelow = 0.55
    /// Where along the outline's length the midfoot is looked at.
    static let midfoot: ClosedRange<Double> = 0.3...0.6

    /// The midfoot's narrowest breadth over the greatest breadth of `parts` in `frame` (0 where the midfoot
    /// has no contact at all; 1 for an empty outline).
    static func midfootShare(frame: Frame, parts: [Range<Int>]) -> Double {
        let indices = parts.flatMap { Array($0) }
        guard let low = indices.map({ frame.ys[$0] }).min(), let high = indices.map({ frame.ys[$0] }).max(), high > low else { return 1 }
        let length = frame.length
        let cuts = Array(stride(from: midfoot.lowerBound * length, through: midfoot.upperBound * length, by: 0.5))
        let narrowest = frame.crossSections(atXs: cuts, in: parts).map { max($0.high - $0.low, 0) }.min() ?? (high - low)
        return narrowest / (high - low)
    }

    /// Whether `parts` in `frame` are a print's.
    static func isPrint(frame: Frame, parts: [Range<Int>]) -> Bool {
        midfootShare(frame: frame, parts: parts) < printBelow
    }
}
