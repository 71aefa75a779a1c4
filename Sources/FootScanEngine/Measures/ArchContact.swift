/// Whether an outline with no toe pads apart is a contact print, from the arch's contact shape.
///
/// A sole seen through the glass takes in the arch that stands off it: its narrowest breadth across the
/// midfoot (x from 0.3 to 0.6 of its length) is 0.69 to 0.82 of its greatest breadth on the generated
/// soles (plain, dark and light beds, quirks). A print leaves the arch out (0.07 to 0.78 on the generated
/// prints whose toes joined the forefoot or left no pad): below ``printBelow`` it is a print. A flat
/// foot's print, as full as a sole, stays a sole: its length and widths are a sole's, only its arch
/// index is not reported, unless no toes are found on it and its ball stands at its front
/// (``ballPlace(frame:parts:)``): a print whose toes left no pad.
enum ArchContact {
    /// The midfoot's narrowest breadth over the greatest breadth below which an outline is a print.
    static let printBelow = 0.55
    /// Where along the outline's length the midfoot is looked at.
    static let midfoot: ClosedRange<Double> = 0.3...0.6

    /// The midfoot's narrowest breadth over the greatest breadth of `parts` in `frame` (0 where the midfoot
    /// has no contact at all; 1 for an empty outline).
    static func midfootShare(frame: Frame, parts: [Range<Int>]) -> Double {
        let breadth = breadth(frame: frame, parts: parts)
        guard breadth > 0 else { return 1 }
        let length = frame.length
        // Every sole is asked: two arrays (the cuts and their sections), nothing per vertex.
        let cuts = Array(stride(from: midfoot.lowerBound * length, through: midfoot.upperBound * length, by: 0.5))
        var narrowest = breadth
        for section in frame.crossSections(atXs: cuts, in: parts) { narrowest = min(narrowest, max(section.high - section.low, 0)) }
        return narrowest / breadth
    }

    /// The greatest breadth of `parts` across the axis (0 when empty).
    static func breadth(frame: Frame, parts: [Range<Int>]) -> Double {
        var low = Double.infinity, high = -Double.infinity
        for part in parts {
            for index in part {
                low = min(low, frame.ys[index])
                high = max(high, frame.ys[index])
            }
        }
        return high > low ? high - low : 0
    }

    /// Where the ball stands (``ballPlace(frame:parts:)``), as a share of the outline's length, at or
    /// beyond which an outline with no toes found ends at the ball, not at the toes.
    static let ballAtFront = 0.69

    /// Where along the outline its breadth across the axis is greatest, as a share of its length (0 for
    /// an empty outline): the ball. A sole's toes reach a quarter of the foot beyond it: 0.639 to 0.677
    /// on 113 outlines of generated soles (plain, dark and light beds). A print whose toes left no pad
    /// ends a little ahead of it, its front oblique and rounded along the metatarsal heads: 0.704 to
    /// 0.759 on the 13 flat ones (their midfoot does not tell) among 56 outlines with no toes found on 86
    /// generated scans of such prints (plain, contact scanner, ink grid). The front's breadth at 0.94 of
    /// the length, taken before, told them apart only while the generator cut such prints square across:
    /// on the rounded fronts it was 0.52 to 0.84 against the soles' 0.56 to 0.83.
    static func ballPlace(frame: Frame, parts: [Range<Int>]) -> Double {
        let length = frame.length
        guard length > 0 else { return 0 }
        let cuts = Array(stride(from: 0, through: length, by: 0.5))
        var greatest = 0.0, place = 0.0
        for (x, section) in zip(cuts, frame.crossSections(atXs: cuts, in: parts)) where section.high - section.low > greatest {
            greatest = section.high - section.low
            place = x
        }
        return place / length
    }

    /// Whether `parts` in `frame` are a print's: the midfoot leaves the arch out, or (when no toes were
    /// found on the outline, `toesFound` fewer than two; the caller passes more for an outline the
    /// border may have cut) the ball stands at the front.
    static func isPrint(frame: Frame, parts: [Range<Int>], toesFound: Int = 5) -> Bool {
        midfootShare(frame: frame, parts: parts) < printBelow || (toesFound < 2 && ballPlace(frame: frame, parts: parts) >= ballAtFront)
    }
}
