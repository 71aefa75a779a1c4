import FootScanImage

extension MeasurementEngine {
    /// A pressure plate's map, decoded into pressure (the image's projection is a ``PressureScale``):
    /// measured as a print with ``PressureMapSegmenter``, after smoothing a map of blocks by a box as
    /// wide as a sensor (the bilinear blend between the sensors' centres). A map drawn as tiles has the
    /// gaps between them closed first (``SensorTileGaps``).
    ///
    /// Faint toes may stand joined to one another and to the forefoot through lighter pressure (their
    /// necks, a sensor both pressed), and a split print's halves pair only with toes ahead of them. So
    /// the map is parted at each of ``PressureMapSegmenter/partingLevels`` in turn, and each foot (the
    /// feet of all levels matched by the regions of the lowest level that hold them) is measured at the
    /// level ``PressureLevelChoice`` picks from what it showed at each: the lowest that parts the most of
    /// its toes without breaking it into more parts. A foot whose toes part at no level up to
    /// ``PressureMapSegmenter/lowestFootLevel`` (joined to the forefoot, or not pressed) is measured at the
    /// highest level up to it where it stands in as few parts: at level 1 its outline ran along the map's
    /// faintest fringe, and on 30 generated maps without separate toes lengths came out 10.8 mm out at
    /// the P95, widths 15.4 mm; measured so, 1.4 and 0.54 mm (maps with toes part them at levels 12 to
    /// 52). A higher level that parts one or two of its toes is passed over (the hardest pressed, the
    /// fainter toes gone there): on 30 grey maps without separate toes, one foot measured so came out
    /// 5.5 mm short and, its axis aimed at the big toe, 6.5 mm wide.
    func measurePressureMap(_ map: ScanImage) throws(MeasurementError) -> ScanMeasurement {
        let density = try MeasurementStages.Segmented.density(of: map)
        let mmPerPixelX = density.millimetresPerPixelX, mmPerPixelY = density.millimetresPerPixelY
        let pixelMM = max(mmPerPixelX, mmPerPixelY)
        // Sensors drawn as tiles: their gaps closed first, the map then one of blocks.
        let tiles = SensorTileGaps.closed(map, pixelMM: pixelMM)
        let image = tiles?.map ?? map
        // A map of tiles is one of blocks, whose pitch the gaps show where the closed blocks' steps do not.
        let sensorPixels = PressureMapSegmenter.sensorPixels(of: image, shortest: PressureMapSegmenter.shortestPitchMM / pixelMM)
            ?? tiles?.pitchPixels.flatMap { $0 >= PressureMapSegmenter.shortestPitchMM / pixelMM ? $0 : nil }
        let radius = Int((((sensorPixels ?? 1) - 1) / 2).rounded())
        let prepared = radius >= 1 ? BoxSmoothing.smoothed(image, radius: radius, passes: 1) : image
        var segmenter = PressureMapSegmenter(sensorPixels: sensorPixels)

        struct Candidate {
            var centre: SIMD2<Double>
            /// The regions at the lowest level that hold its parts: every level's print lies within them.
            var base: Set<Int32>
            var choice: PressureLevelChoice
        }
        var candidates: [Candidate] = []
        var byLevel: [Int: MeasurementStages.Grouped] = [:]
        var first: MeasurementStages.Grouped?
        var baseLabel: (Int, Int) -> Int32? = { _, _ in nil }
        for level in PressureMapSegmenter.partingLevels {
            segmenter.partingLevel = level
            let grouped = try MeasurementStages.Segmented(image: prepared, segmenter: segmenter).groupFeet()
            if first == nil {
                first = grouped
                let foreground = grouped.segmented.foreground
                let labels = RegionLabeler.regions(of: foreground.runs, rowStarts: foreground.rowStarts).labels
                baseLabel = { x, y in
                    guard y >= 0, y + 1 < foreground.rowStarts.count else { return nil }
                    for index in foreground.rowStarts[y]..<foreground.rowStarts[y + 1]
                    where Int(foreground.runs[index].start) <= x && x < Int(foreground.runs[index].end) {
                        return labels[index]
                    }
                    return nil
                }
            }
            byLevel[level] = grouped
            for foot in grouped.feet {
                let centre = SIMD2(foot.summary.centroid.x * mmPerPixelX, foot.summary.centroid.y * mmPerPixelY)
                let toes = foot.pads.count, parts = foot.parts.count
                let base = Set(foot.parts.compactMap { part in grouped.regions[part].firstPixel.flatMap { baseLabel($0.x, $0.y) } })
                // The same foot: its parts lie in the same regions at the lowest level.
                if let index = candidates.firstIndex(where: { !$0.base.isDisjoint(with: base) }) {
                    candidates[index].choice.see(level: level, toes: toes, parts: parts)
                } else {
                    candidates.append(Candidate(centre: centre, base: base, choice: PressureLevelChoice(level: level, toes: toes, parts: parts)))
                }
            }
            // Nothing left to part, or nothing left at all.
            if grouped.feet.isEmpty && !candidates.isEmpty { break }
            if !candidates.isEmpty && candidates.allSatisfy({ $0.choice.toes >= 5 }) { break }
        }
        guard let firstLevel = candidates.first?.choice.level, let firstGrouped = byLevel[firstLevel] else {
            throw MeasurementError(first?.noFootReason ?? "no foot found on the scan")
        }
        // Each foot from its own level's measurement (the foot there whose centre lies nearest).
        var measured: [Int: ScanMeasurement] = [:]
        var result = firstGrouped.traced(asPrints: true).measure(engine: self)
        measured[firstLevel] = result
        var feet: [FootMeasurement] = []
        for candidate in candidates {
            if measured[candidate.choice.level] == nil, let grouped = byLevel[candidate.choice.level] {
                measured[candidate.choice.level] = grouped.traced(asPrints: true).measure(engine: self)
            }
            let centre = SIMD2(candidate.centre.x / mmPerPixelX, candidate.centre.y / mmPerPixelY)
            func distance(_ foot: FootMeasurement) -> Double {
                let d = foot.centrePixel - centre
                return (d * d).sum()
            }
            if let foot = measured[candidate.choice.level]?.feet.min(by: { distance($0) < distance($1) }) { feet.append(foot) }
        }
        // Left to right, as every measurement lists its feet; two feet of one side are uncertain.
        result.feet = feet.sorted { $0.centrePixel.x < $1.centrePixel.x }
        if result.feet.count == 2, result.feet[0].side == result.feet[1].side {
            for index in result.feet.indices where !result.feet[index].warnings.contains(.sideUncertain) {
                result.feet[index].warnings.append(.sideUncertain)
            }
        }
        // A pressure map is a print, whatever its toes showed; it resolves the foot to its sensors, not
        // its pixels: lengths came out within about a quarter of a sensor (P95) on the generated maps.
        result.imageKind = .footprint
        let pitchMM = segmenter.pitchMM(pixelMM: pixelMM)
        for index in result.feet.indices {
            result.feet[index].uncertaintyMM = max(result.feet[index].uncertaintyMM, pitchMM / 4)
        }
        return result
    }
}
