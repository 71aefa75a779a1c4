import FootScanImage

/// Where toes that joined the forefoot begin on a pressure map, read from the pressure along each toe's
/// line rather than from the outline.
///
/// A map's sensors blur the notches between joined toes: the outline's cols (``MergedToes``) lie up to
/// 13 mm ahead of the ball's front, and a print cut there keeps the toes' bases (arch indices 0.035 and
/// 0.037 high on two of 30 generated grey maps). The pressure tells where a toe ends. Walking back from
/// its tip along the axis, it holds the toe's own level over the pad (the median ``padDepthMM`` to
/// ``padReachMM`` behind the tip), leaves it (by ``departureShare`` of it, at least
/// ``minimumDepartureLevels``, for ``sustainMM``), and settles on the forefoot's level (a stretch of
/// ``plateauMM`` flat within ``flatLevels``, no further than ``stepWidthMM`` on): fainter toes rise into
/// the forefoot's fringe, harder-pressed ones fall to it. The toe's base is where the pressure crosses
/// half-way between the two. A toe whose pressure settles nowhere (as heavy as the fringe: the first
/// change is the ball's rise, never flat), or leaves the print first (its line runs into a notch), shows
/// no base.
///
/// The toes begin along the line fitted through the bases (the ball's front is oblique, the big toe's
/// base the foremost), when at least ``fewestBases`` show; the print cut at the toes' creases is cut at
/// that line as well (``cut(_:frame:forefootFrom:)``), where it lies further back: a crease cut deeper
/// where the notch was deep (beside the big toe) stays.
struct ToeBases {
    /// The line along which the toes begin, in the foot's frame: x = `intercept` + `slope` y, mm.
    let intercept: Double
    let slope: Double
    /// The bases found, in the foot's frame (x along the axis, y across), mm.
    let bases: [SIMD2<Double>]

    /// How far behind a toe's tip its pad's level is read from, mm: past the blur of its edge.
    static let padDepthMM = 4.0
    /// How far behind a toe's tip its pad's level is read to, mm: within the smallest pad.
    static let padReachMM = 7.0
    /// How far behind its tip a toe's base is looked for, mm.
    static let searchMM = 45.0
    /// How far the pressure must leave the toe's level, as a share of it.
    static let departureShare = 0.2
    /// How far the pressure must leave the toe's level at least, levels.
    static let minimumDepartureLevels = 6.0
    /// How far the pressure must stay away from the toe's level, mm: a pad's own wobble is shorter.
    static let sustainMM = 2.0
    /// How long a stretch of the forefoot's level behind a toe is, mm, and how flat, levels.
    static let plateauMM = 3.0
    static let flatLevels = 4.0
    /// How far behind the pressure's departure from a toe's level the forefoot's level is looked for,
    /// mm: a sensor's blur or two.
    static let stepWidthMM = 10.0
    /// The fewest toes whose bases must show for the line: one alone cannot tell the front's slant.
    static let fewestBases = 2
    /// Where the forefoot begins, as a share of the foot's length: nothing behind it is cut.
    static let forefootFrom = 0.6
    /// The step along a toe's line, mm.
    static let stepMM = 0.5
    /// How far either side of a toe's line the pressure is averaged, mm.
    static let lineHalfWidthMM = 1.5

    /// The toes' base line from the toes' tips (in the foot's frame, mm) and the pressure at a point of
    /// the frame (nil off the image); nil when fewer than ``fewestBases`` toes show their base.
    init?(tips: [SIMD2<Double>], pressure: (Double, Double) -> Double?) {
        var bases: [SIMD2<Double>] = []
        for tip in tips {
            func level(_ x: Double) -> Double? {
                var sum = 0.0
                for dy in [-Self.lineHalfWidthMM, 0, Self.lineHalfWidthMM] {
                    guard let value = pressure(x, tip.y + dy) else { return nil }
                    sum += value
                }
                return sum / 3
            }
            let steps = Int(Self.searchMM / Self.stepMM)
            var profile: [Double] = []
            for k in 0...steps {
                guard let value = level(tip.x - Double(k) * Self.stepMM) else { break }
                profile.append(value)
            }
            let first = Int(Self.padDepthMM / Self.stepMM), last = Int(Self.padReachMM / Self.stepMM)
            guard profile.count > last else { continue }
            let pad = profile[first...last].sorted()
            let toeLevel = pad[pad.count / 2]
            let departure = max(Self.minimumDepartureLevels, Self.departureShare * toeLevel)
            guard toeLevel >= departure else { continue }
            let sustain = Int(Self.sustainMM / Self.stepMM)
            var k = first
            var departed: Int?
            while k + sustain < profile.count {
                // Off the print (between toes, or past the pad's side): no base on this line.
                if profile[k] < departure { break }
                let away = { (value: Double) in abs(value - toeLevel) >= departure }
                if away(profile[k]), (k...(k + sustain)).allSatisfy({ away(profile[$0]) && (profile[$0] > toeLevel) == (profile[k] > toeLevel) }) {
                    departed = k
                    break
                }
                k += 1
            }
            // The forefoot's own level behind the step: the first stretch of ``plateauMM`` that is flat
            // within ``flatLevels``, no further than ``stepWidthMM`` behind the departure. Toes as heavy
            // as the forefoot's fringe show no step: the first change is then the ball's rise, which is
            // never flat.
            guard let departed else { continue }
            let span = Int(Self.plateauMM / Self.stepMM)
            var plateau: Int?
            for j in departed...(departed + Int(Self.stepWidthMM / Self.stepMM)) where j + span < profile.count {
                let levels = profile[j...(j + span)]
                if let low = levels.min(), let high = levels.max(), high - low <= Self.flatLevels {
                    plateau = j
                    break
                }
            }
            guard let plateau else { continue }
            let forefootLevel = profile[plateau...(plateau + span)].reduce(0, +) / Double(span + 1)
            guard abs(forefootLevel - toeLevel) >= departure else { continue }
            // The base: where the pressure crosses half-way between the toe's level and the forefoot's.
            let middle = (toeLevel + forefootLevel) / 2, rising = forefootLevel > toeLevel
            guard let after = (first...plateau).first(where: { (profile[$0] >= middle) == rising }) else { continue }
            var at = Double(after)
            if after > first {
                let a = profile[after - 1] - middle, b = profile[after] - middle
                if a != b { at = Double(after - 1) + a / (a - b) }
            }
            bases.append(SIMD2(tip.x - at * Self.stepMM, tip.y))
        }
        guard bases.count >= Self.fewestBases else { return nil }
        // A least-squares line x = a + b y through the bases.
        let n = Double(bases.count)
        let meanX = bases.reduce(0) { $0 + $1.x } / n, meanY = bases.reduce(0) { $0 + $1.y } / n
        let syy = bases.reduce(0) { $0 + ($1.y - meanY) * ($1.y - meanY) }
        let sxy = bases.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        let slope = syy > 0 ? sxy / syy : 0
        self.slope = slope
        self.intercept = meanX - slope * meanY
        self.bases = bases
    }

    /// Where the toes begin at `y` across the foot, mm along it.
    func x(atY y: Double) -> Double { intercept + slope * y }
}

extension ToeBases {
    /// The pressure at a point of `frame` (mm), bilinear between the pixels of `image` (`scale` mm per
    /// pixel along x and y, pixel centres at whole numbers, as the outline's); nil off the image.
    static func pressure(in image: ScanImage, scale: SIMD2<Double>, frame: Frame) -> (Double, Double) -> Double? {
        { x, y in
            let p = frame.point(x: x, y: y) / scale
            guard p.x >= 0, p.y >= 0, p.x < Double(image.width - 1), p.y < Double(image.height - 1) else { return nil }
            let x0 = Int(p.x), y0 = Int(p.y)
            let fx = p.x - Double(x0), fy = p.y - Double(y0)
            let i = y0 * image.stride + x0
            let top = Double(image.pixels[i]) * (1 - fx) + Double(image.pixels[i + 1]) * fx
            let bottom = Double(image.pixels[i + image.stride]) * (1 - fx) + Double(image.pixels[i + image.stride + 1]) * fx
            return top * (1 - fy) + bottom * fy
        }
    }

    /// `print`'s outlines (points in the frame's coordinates, mm) with every vertex ahead of the toes'
    /// base line (in the forefoot, past `forefootFrom` along the axis) moved back onto it.
    func cut(_ print: (points: [SIMD2<Double>], parts: [Range<Int>]), frame: Frame, forefootFrom: Double) -> (points: [SIMD2<Double>], parts: [Range<Int>]) {
        let points = print.points.map { point in
            let offset = point - frame.origin
            let x = (offset * frame.axis).sum(), y = (offset * frame.across).sum(), cut = self.x(atY: y)
            return x > cut && x > forefootFrom ? frame.point(x: cut, y: y) : point
        }
        return (points, print.parts)
    }
}
