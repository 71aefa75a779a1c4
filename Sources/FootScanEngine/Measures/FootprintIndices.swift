/// The arch indices of a contact print, from its toe-less parts in the axis frame.
///
/// The print runs from the pternion (x = 0) to its most distal point without the toes; that length is
/// cut into equal thirds. Cavanagh and Rodgers' arch index is the middle third's area over the whole.
/// Chippaux-Smirak: the narrowest width of the middle third over the widest of the front third;
/// Staheli: the same narrowest width over the widest of the rear third (widths across the axis, every
/// 0.5 mm; no contact at all is a width of 0).
struct FootprintIndices {
    let archIndex: Double
    let chippauxSmirak: Double
    let staheli: Double
    /// The print's length without its toes, mm from the pternion: the thirds are cut at a third and two
    /// thirds of it.
    let length: Double

    init(frame: Frame, parts: [Range<Int>]) {
        let length = parts.flatMap { Array($0) }.map { frame.xs[$0] }.max() ?? 0
        self.length = length
        let areas = (0..<3).map { k in
            parts.reduce(0.0) { $0 + FootprintIndices.area(frame: frame, part: $1, from: length * Double(k) / 3, to: length * Double(k + 1) / 3) }
        }
        archIndex = areas[1] / max(areas.reduce(0, +), 1e-9)
        func widths(_ k: Int) -> [Double] {
            let cuts = Array(stride(from: length * Double(k) / 3, through: length * Double(k + 1) / 3, by: 0.5))
            return frame.crossSections(atXs: cuts, in: parts).map { $0.high - $0.low }
        }
        let narrowest = widths(1).min() ?? 0
        chippauxSmirak = narrowest / max(widths(2).max() ?? 0, 1e-9)
        staheli = narrowest / max(widths(0).max() ?? 0, 1e-9)
    }

    /// The area of one outline between x = `from` and x = `to`: the outline clipped to the slab, by the
    /// shoelace formula over the clipped vertices.
    static func area(frame: Frame, part: Range<Int>, from: Double, to: Double) -> Double {
        var slab: [SIMD2<Double>] = part.map { SIMD2(frame.xs[$0], frame.ys[$0]) }
        for (bound, keepAbove) in [(from, true), (to, false)] {
            var clipped: [SIMD2<Double>] = []
            clipped.reserveCapacity(slab.count + 4)
            for i in slab.indices {
                let p = slab[i], q = slab[(i + 1) % slab.count]
                let pIn = keepAbove ? p.x >= bound : p.x <= bound
                let qIn = keepAbove ? q.x >= bound : q.x <= bound
                if pIn { clipped.append(p) }
                if pIn != qIn {
                    let t = (bound - p.x) / (q.x - p.x)
                    clipped.append(SIMD2(bound, p.y + t * (q.y - p.y)))
                }
            }
            slab = clipped
        }
        return slab.enclosedArea()
    }
}
