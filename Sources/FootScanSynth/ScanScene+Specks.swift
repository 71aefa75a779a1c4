extension ScanScene {
    /// Dust specks on the glass that touch the feet where they add to a measure: one each at the foremost
    /// toe's tip, the heel's back, and the outline's widest points either side. Each is a round grain
    /// ``speckSizeMM`` across, reaching 0.5 to 0.9 of its size beyond the sole's edge (from half sunk in
    /// the sole to barely touching it). A plain scan draws them like the feet (as dark as the sole under a
    /// white lid); a real scanner's look colourless, as its quirks' dust. The truth is the feet's, as
    /// without them.
    static func touchingSpecks(on feet: [PlacedFoot], using random: inout SeededRandom) -> [PlacedRectangle] {
        var specks: [PlacedRectangle] = []
        for foot in feet {
            let points = FootOutline(shape: foot.shape).points
            guard points.count >= 3 else { continue }
            let extremes = [
                points.indices.max { points[$0].x < points[$1].x },
                points.indices.min { points[$0].x < points[$1].x },
                points.indices.max { points[$0].y < points[$1].y },
                points.indices.min { points[$0].y < points[$1].y },
            ].compactMap { $0 }
            for index in extremes {
                let size = random.uniform(speckSizeMM), reach = random.uniform(0.5...0.9) * size
                let centre = points[index] + outwardNormal(points, at: index) * (reach - size / 2)
                specks.append(PlacedRectangle(centreMM: foot.toBed(centre), longMM: size, shortMM: size, angle: 0, cornerRadiusMM: size / 2))
            }
        }
        return specks
    }

    /// How large a touching speck is drawn, mm (the quirks' specks clear of the feet are 0.2 to 1 mm).
    static let speckSizeMM = 0.3...1.0

    /// Whether `object` is dust on the glass (a touching hair or speck) rather than a card or a sheet.
    static func isDust(_ object: PlacedRectangle) -> Bool {
        hairWidthMM.contains(object.shortMM) || (speckSizeMM.contains(object.shortMM) && object.longMM == object.shortMM)
    }

    /// The unit normal of the closed outline `points` at vertex `index`, pointing out of the foot.
    static func outwardNormal(_ points: [Point2], at index: Int) -> Point2 {
        let n = points.count
        var twiceArea = 0.0
        for i in 0..<n {
            let p = points[i], q = points[(i + 1) % n]
            twiceArea += p.x * q.y - q.x * p.y
        }
        let tangent = points[(index + 1) % n] - points[(index - 1 + n) % n]
        return Point2(tangent.y, -tangent.x) * ((twiceArea >= 0 ? 1.0 : -1.0) / max(tangent.length, 1e-9))
    }
}
