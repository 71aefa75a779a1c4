#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanScene {
    /// Adds ``touchingHairs(on:using:)`` and ``touchingSpecks(on:using:)`` to the objects as asked, each
    /// from a random stream of its own (the scene is otherwise the one drawn without them).
    mutating func addTouchingDust(hairs: Bool, specks: Bool, seed: UInt64) {
        if hairs {
            var random = SeededRandom(seed: seed ^ 0x4A12_5EED)
            objects += Self.touchingHairs(on: feet, using: &random)
        }
        if specks {
            var random = SeededRandom(seed: seed ^ 0x5BEC_D057)
            objects += Self.touchingSpecks(on: feet, using: &random)
        }
    }

    /// Hairs on the glass that touch the feet, as a grey flatbed scan shows them: each a straight strand
    /// 0.05 to 0.1 mm wide, starting 1.5 mm under the sole's edge and running 5 to 25 mm out across the
    /// bed, within 40 degrees of the edge's normal, clear of every foot past the edge. A plain scan draws
    /// them like the feet (as dark as the sole under a white lid: on a grey scan only its thinness tells
    /// it from the foot); a real scanner's look colourless, as its quirks' hairs.
    /// Three on each foot: one from the foremost toe's tip and one from the heel's back (where a hair would
    /// add to the length), one from a point of the outline at random; one that eight draws cannot lay clear
    /// of the feet is left out. The truth is the feet's, as without them.
    static func touchingHairs(on feet: [PlacedFoot], using random: inout SeededRandom) -> [PlacedRectangle] {
        let outlines = feet.map { FootOutline(shape: $0.shape).points }
        let soles = zip(feet, outlines).map { foot, points in points.map { foot.toBed($0) } }
        var hairs: [PlacedRectangle] = []
        for (foot, points) in zip(feet, outlines) {
            guard points.count >= 3 else { continue }
            let foremost = points.indices.max { points[$0].x < points[$1].x } ?? 0
            let rearmost = points.indices.min { points[$0].x < points[$1].x } ?? 0
            let anywhere = Int(random.uniform(0...Double(points.count - 1)).rounded())
            for index in [foremost, rearmost, anywhere] {
                let p = points[index], normal = outwardNormal(points, at: index)
                // Drawn again (up to eight times) until it lies on the bed past the edge, clear of every foot
                // (beside the toes a turned hair can run into the next toe, or into the other foot).
                for _ in 0..<8 {
                    let turn = random.uniform(-0.7...0.7)
                    let direction = Point2(normal.x * cos(turn) - normal.y * sin(turn), normal.x * sin(turn) + normal.y * cos(turn))
                    let out = random.uniform(5...25), under = 1.5, width = random.uniform(hairWidthMM)
                    let onBed = stride(from: 0.5, through: out, by: 0.5).map { foot.toBed(p + direction * $0) }
                    guard onBed.allSatisfy({ q in !soles.contains { Self.encloses($0, q) } }) else { continue }
                    let along = foot.toBed(p + direction) - foot.toBed(p)
                    hairs.append(PlacedRectangle(centreMM: foot.toBed(p + direction * ((out - under) / 2)), longMM: out + under,
                                                 shortMM: width, angle: atan2(along.y, along.x)))
                    break
                }
            }
        }
        return hairs
    }

    /// How wide a hair is drawn, mm.
    static let hairWidthMM = 0.05...0.1

    /// Whether `point` lies inside `polygon` (even-odd rule).
    static func encloses(_ polygon: [Point2], _ point: Point2) -> Bool {
        var inside = false
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            if (a.y > point.y) != (b.y > point.y), point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
        }
        return inside
    }
}
