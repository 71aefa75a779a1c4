import FootScanImage

/// The segmenter for a pressure plate's map, read back into pressure (``PressureScale``): a print is
/// wherever the pressure is above zero, however faint (toes and the arch band press lightly, and a
/// map has no dust), so every pixel above the bed's black is foot; each vertex then moves onto the
/// local edge (``LocalEdge``): half-way between the pressure beside it and zero, a sensor's width
/// either way, or where the step's area puts it, two sensors either way, wherever the pressure inside
/// is flat or rises inwards (the half-way level misses by up to a twelfth of a sensor, and ripples
/// along an edge).
///
/// A map drawn as blocks (each sensor one flat square) is smoothed first by one box as wide as a
/// sensor (``sensorPixels(of:)``): the blocks become exactly the bilinear blend between the sensors'
/// centres that an interpolated map shows. (A box of a quarter sensor twice, tried first, left the
/// blocks' steps in the outline: widths 2 mm wide at the median.)
struct PressureMapSegmenter: Segmenter {
    /// The sensors' pitch, pixels, or nil when the map is interpolated.
    var sensorPixels: Double?
    /// The lowest pressure level that is foot when parting the print's regions: 1 (every pressure
    /// above zero), or higher
    /// where toes join the forefoot through lighter pressure (``MeasurementEngine/measurePressureMap(_:)``).
    var partingLevel = 1

    /// The levels tried as ``partingLevel``, lowest first.
    static let partingLevels = [1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 22, 26, 30, 35, 40, 46, 52, 60, 70, 80]

    /// The highest parting level tried for a first foot.
    static let lowestFootLevel = 30

    /// The fewest toes a level above ``lowestFootLevel`` must part to be taken for a foot with no toe
    /// apart at any level below it (`MeasurementEngine.measurePressureMap`): one or two toes apart
    /// that high are the hardest pressed, the big toe and its neighbour, with the fainter toes gone.
    /// Maps with separate toes part three or more at their level, or first part them lower (the
    /// generated jet, rainbow, hot, grey and 600 dpi sets measure the same with or without this bound).
    static let fewestToesAboveFootLevel = 3

    /// The sensors' pitch assumed when an interpolated map hides it, mm: plates have about four sensors
    /// a square centimetre.
    static let typicalPitchMM = 5.0

    /// The smallest step between a print and zero pressure worth placing an edge on: faint toes
    /// stand a few levels above zero.
    static let minimumEdgeStep = 4.0

    /// A blocky map's sensor pitch in pixels, or nil for an interpolated map. Along rows inside the
    /// print, a map of blocks changes in steps: a large change (``stepAbove`` levels) within three pixels
    /// (JPEG's halved chroma spreads a step over two), with small ones (a third of it at most) over the
    /// two pixels either side; an interpolated map changes as much beside. When at least three in ten
    /// large changes are such steps (on the generated pressure-plate set: block maps 0.40 to 1,
    /// interpolated ones 0.04 to 0.18), the pitch is the most common distance between consecutive steps of a row (with its
    /// neighbours' counts: a pitch of 40.1 pixels falls on 40 and 41), at least `shortest` pixels and
    /// between at least a quarter of the consecutive steps. An interpolated map's gentle ramps, read
    /// back through the colour scale's levels, are staircases of their own, a few pixels a tread at
    /// 600 dpi: taken for blocks 0.2 mm apart, they left the outline where level 1 traced it (widths
    /// 6-8 mm wide), so the engine asks for ``shortestPitchMM``.
    static func sensorPixels(of image: ScanImage, shortest: Double = 4) -> Double? {
        var large = 0, steps = 0
        var distances = [Int](repeating: 0, count: max(image.width, 2))
        image.pixels.withUnsafeBufferPointer { pixels in
            guard image.width >= 8 else { return }
            for y in Swift.stride(from: 0, to: image.height, by: 2) {
                let row = y * image.stride
                func level(_ x: Int) -> Int { Int(pixels[row + x]) }
                var lastStep: Int?
                var x = 3
                while x < image.width - 5 {
                    defer { x += 1 }
                    guard level(x - 1) > 0, level(x + 2) > 0 else { continue }
                    let change = abs(level(x + 2) - level(x - 1))
                    guard change >= stepAbove else { continue }
                    large += 1
                    let before = abs(level(x - 1) - level(x - 3)), after = abs(level(x + 4) - level(x + 2))
                    guard 3 * before <= change, 3 * after <= change else { continue }
                    steps += 1
                    if let lastStep { distances[min(x - lastStep, distances.count - 1)] += 1 }
                    lastStep = x
                    x += 2
                }
            }
        }
        guard large >= 50, 10 * steps >= 3 * large else { return nil }
        return commonestDistance(in: distances, from: max(4, Int(shortest.rounded(.up))))
    }

    /// The commonest distance of `distances` (how many times each distance, pixels, was seen; the last
    /// entry the distances beyond) from `first` on, each with its neighbours' counts (a pitch of 40.1
    /// pixels falls on 40 and 41): the mean distance within the three winning bins, or nil when they
    /// hold less than a quarter of all the distances seen.
    static func commonestDistance(in distances: [Int], from first: Int) -> Double? {
        var best = (pitch: 0, count: 0)
        for pitch in first..<max(first, distances.count - 1) {
            let count = distances[pitch - 1] + distances[pitch] + distances[pitch + 1]
            if count > best.count { best = (pitch, count) }
        }
        guard best.count > 0, 4 * best.count >= distances.reduce(0, +) else { return nil }
        let weighted = (best.pitch - 1...best.pitch + 1).reduce(0) { $0 + $1 * distances[$1] }
        return Double(weighted) / Double(best.count)
    }

    /// The sensors' pitch, mm: measured on a map of blocks, else ``typicalPitchMM``.
    func pitchMM(pixelMM: Double) -> Double {
        sensorPixels.map { $0 * pixelMM } ?? Self.typicalPitchMM
    }

    /// The shortest sensor pitch taken for a map of blocks, mm: plates' sensors lie 5 to 8 mm apart, the
    /// finest about 2.5.
    static let shortestPitchMM = 2.0

    /// The difference between neighbours, levels, that may be a step between two sensors' blocks.
    static let stepAbove = 6

    func segment(_ image: ScanImage, pixelMM: Double) -> Foreground {
        let test = ForegroundTest(threshold: partingLevel - 1, footIsLighter: true)
        let (runs, rowStarts) = RunExtraction.runs(of: image, test: test)
        let histogram = GreyHistogram(image: image, step: max(1, Int((0.8 / pixelMM).rounded())))
        let otsu = histogram.otsu()
        var foreground = Foreground(runs: runs, rowStarts: rowStarts, visible: VisibleArea(width: image.width, height: image.height),
                                    contrast: otsu.highMean - otsu.lowMean, edge: test, footIsLighter: true, bedLevel: 0)
        let pitchMM = pitchMM(pixelMM: pixelMM)
        // The outline at a low level lies up to one and a half sensors outside the edge: the search
        // reaches over two sensors and a half, then again over one sensor from there (so that the
        // level inside is read within a narrow arch band), the second by the step's area where it can,
        // and the outline is evened over half a sensor.
        foreground.edgeRefinementMM = 2.4 * pitchMM
        foreground.edgeIsTextured = true
        foreground.secondEdgeRefinementMM = pitchMM
        foreground.areaEdgeReachMM = 2 * pitchMM
        // Each sensor averages the pressure over its square, and the map blends the sensors' centres (a
        // map of blocks is smoothed into that blend above): a box and a tent as wide as a sensor, whose
        // variances add to a quarter of a sensor squared.
        foreground.areaEdgeBlurMM = pitchMM / 2
        // Edges placed to a fraction of a sensor ripple at the heel's back, and the rearmost vertex
        // wanders across the heel with them: the pternion is the peak of the heel's back fitted over a
        // sensor and a half's depth, some eight sensors across a heel (depths of 1.2 to 2.4 sensors
        // measure alike; 0.2 and 0.8 sensors follow the ripples).
        foreground.pternionBandMM = 1.5 * pitchMM
        foreground.textureSmoothingMM = pitchMM / 4
        foreground.minimumEdgeStep = Self.minimumEdgeStep
        foreground.showsPressure = true
        return foreground
    }
}
