/// The cues that tell a left foot from a right one, each a vote in -1...1 for the medial side lying at
/// +y of the axis frame (the big toe's side), weighted by how much it is trusted:
///
/// - the big toe (weight 1): the end toe that is the big one (on a sole the wider from its cleft, on a
///   print the larger pad), by how clearly it is;
/// - the toe line (0.7): the tips stand farther forward on the medial side; the sign of the slope of
///   the tips' x over y, by the correlation's strength (three tips or more);
/// - the arch (0.7): the medial midfoot edge lies farther inside the line from the heel's edge to the
///   ball's than the lateral one does, by the difference over 4 mm;
/// - the split (0.7): on a print whose heel and forefoot lie apart, the lateral side stays in contact
///   longer, so the gap between the heel's front and the forefoot's back is shorter there; by the two
///   gaps' difference over 8 mm;
/// - the pair (1, added by the scan): of two feet, each one's medial side faces the other.
///
/// The verdict is the sign of the weighted sum; the confidence (``confidence(medialSign:)``) says how
/// much of the cues' weighted strength agrees with it.
struct SideCues: Sendable {
    /// The sum of the weighted votes, their total weight, and the sum of their weighted strengths.
    private(set) var vote = 0.0
    private(set) var weight = 0.0
    private(set) var strength = 0.0

    /// The foot's own cues. `bigToe` is the big-toe vote, nil when fewer than two toes were found;
    /// `print` the print's parts without its toe pads (two: a split print).
    init(frame: Frame, main: Range<Int>, print: [Range<Int>] = [], tips: [Int], bigToe: Double?) {
        if let bigToe { add(bigToe, weight: 1) }
        if tips.count >= 3 {
            let xs = tips.map { frame.xs[$0] }, ys = tips.map { frame.ys[$0] }
            let n = Double(tips.count)
            let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for (x, y) in zip(xs, ys) {
                sxy += (x - mx) * (y - my)
                sxx += (x - mx) * (x - mx)
                syy += (y - my) * (y - my)
            }
            if sxx > 0, syy > 0 { add(sxy / (sxx * syy).squareRoot(), weight: 0.7) }
        }
        let length = frame.length
        if length > 0, !main.isEmpty {
            let heel = frame.crossSection(atX: 0.2 * length, in: [main])
            let middle = frame.crossSection(atX: 0.45 * length, in: [main])
            let ball = frame.crossSection(atX: 0.7 * length, in: [main])
            // How far each side's midfoot edge lies inside the straight line from heel to ball on that side.
            let plusDepth = (heel.high + ball.high) / 2 - middle.high
            let minusDepth = middle.low - (heel.low + ball.low) / 2
            if heel.high > heel.low, ball.high > ball.low {
                add(min(max((plusDepth - minusDepth) / 4, -1), 1), weight: 0.7)
            }
        }
        if let gaps = Self.splitGaps(frame: frame, print: print) {
            add((gaps.plus - gaps.minus) / 8, weight: 0.7)
        }
    }

    /// On a split print (`print` two parts, heel and forefoot), the gap along the axis between the heel's
    /// front and the forefoot's back near each side, mm: at 15% of the way in from the +y and the -y
    /// edge of the band where both parts lie. Nil unless the print is split and the band is at least
    /// 20 mm wide.
    static func splitGaps(frame: Frame, print: [Range<Int>]) -> (plus: Double, minus: Double)? {
        guard print.count == 2 else { return nil }
        func meanX(_ part: Range<Int>) -> Double { part.reduce(0) { $0 + frame.xs[$1] } / Double(max(part.count, 1)) }
        let (heel, forefoot) = meanX(print[0]) <= meanX(print[1]) ? (print[0], print[1]) : (print[1], print[0])
        func span(_ part: Range<Int>) -> (low: Double, high: Double) {
            part.reduce((Double.infinity, -Double.infinity)) { (min($0.0, frame.ys[$1]), max($0.1, frame.ys[$1])) }
        }
        let heelSpan = span(heel), forefootSpan = span(forefoot)
        let low = max(heelSpan.low, forefootSpan.low), high = min(heelSpan.high, forefootSpan.high)
        guard high - low >= 20 else { return nil }
        // Where the part's outline crosses the line y = `y`: its x's.
        func crossings(_ part: Range<Int>, y: Double) -> [Double] {
            part.compactMap { i in
                let j = i + 1 == part.upperBound ? part.lowerBound : i + 1
                let a = frame.ys[i] - y, b = frame.ys[j] - y
                guard (a <= 0) != (b <= 0) else { return nil }
                return frame.xs[i] + a / (a - b) * (frame.xs[j] - frame.xs[i])
            }
        }
        func gap(at y: Double) -> Double? {
            guard let front = crossings(heel, y: y).max(), let back = crossings(forefoot, y: y).min() else { return nil }
            return back - front
        }
        guard let plus = gap(at: high - 0.15 * (high - low)), let minus = gap(at: low + 0.15 * (high - low)) else { return nil }
        return (plus, minus)
    }

    /// Adds a vote in -1...1 with its weight.
    mutating func add(_ value: Double, weight: Double) {
        let clamped = min(max(value, -1), 1)
        vote += weight * clamped
        self.weight += weight
        strength += weight * abs(clamped)
    }

    /// Below this confidence a foot carries `side_uncertain`.
    static let uncertainBelow = 0.7

    /// How well the cues agree with `medialSign` (+1: medial at +y), 0 to 1: one half plus half the
    /// weighted votes' sum over their weighted strengths, so 1 when every cue agrees (however weak), 0.5
    /// when those against weigh as much as those for, 0 when all are against.
    func confidence(medialSign: Double) -> Double {
        guard strength > 0 else { return 0 }
        return min(max(0.5 + 0.5 * vote * medialSign / strength, 0), 1)
    }
}
