import FootScanImage

/// The engine's stages one at a time, each handing a plain value to the next: what
/// ``MeasurementEngine/measure(_:)`` runs in a row for soles and solid prints, open for benchmarks and
/// diagnostics (textured prints and podoscopes run these stages again on a prepared image with their
/// own segmenters: `MeasurementEngine.measureTexturedPrint(_:first:)`).
public enum MeasurementStages {
    /// The grey level FootScan's segmenter (`ThresholdSegmenter`) chooses between foot and bed
    /// (subsampled histogram, Otsu, local edge steps), and whether the foot is the lighter side: its first
    /// step, open for the benchmarks. No later stage sees it.
    public static func threshold(of image: ScanImage) throws(MeasurementError) -> (threshold: Int, footIsLighter: Bool) {
        let density = try Segmented.density(of: image)
        let choice = Segmentation.chooseThreshold(image: image, pixelMM: max(density.millimetresPerPixelX, density.millimetresPerPixelY))
        return (choice.threshold, choice.footIsLighter)
    }

    /// Stage 1: the foreground, from a `Segmenter`.
    public struct Segmented: Sendable {
        let image: ScanImage
        let foreground: Foreground
        let mmPerPixelX: Double
        let mmPerPixelY: Double

        /// Segments a scan with FootScan's segmenter; the scan must carry its pixel size.
        public init(image: ScanImage) throws(MeasurementError) {
            try self.init(image: image, segmenter: ThresholdSegmenter())
        }

        /// Segments a scan with `segmenter`.
        init(image: ScanImage, segmenter: some Segmenter) throws(MeasurementError) {
            let density = try Segmented.density(of: image)
            self.image = image
            mmPerPixelX = density.millimetresPerPixelX
            mmPerPixelY = density.millimetresPerPixelY
            foreground = segmenter.segment(image, pixelMM: max(mmPerPixelX, mmPerPixelY))
        }

        /// How many foreground runs the rows hold.
        public var runCount: Int { foreground.runs.count }

        static func density(of image: ScanImage) throws(MeasurementError) -> ScanDensity {
            guard let density = image.density else {
                throw MeasurementError("no pixel size: the file states no resolution; pass --dpi or a scanner profile")
            }
            guard image.width >= 8, image.height >= 8 else { throw MeasurementError("image too small to hold a foot") }
            return density
        }

        /// Stage 2: 8-connected regions, grouped into feet (soles, prints and their toe pads).
        public func groupFeet() -> Grouped {
            let (regions, labels) = RegionLabeler.regions(of: foreground.runs, rowStarts: foreground.rowStarts)
            let grouping = FootGrouping(regions: regions, runs: foreground.runs, labels: labels, foreground: foreground, image: image,
                                        mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
            return Grouped(segmented: self, regions: regions, labels: labels, rowFills: grouping.rowFills, feet: grouping.feet)
        }
    }

    /// Stage 2's result: the feet, as groups of regions.
    public struct Grouped: Sendable {
        let segmented: Segmented
        let regions: [ForegroundRegion]
        /// For each of the foreground's runs, the index of its region.
        let labels: [Int32]
        /// Each region's row fill (``FootGrouping/rowFills(runs:labels:regionCount:)``).
        let rowFills: [Double]
        var feet: [FootGrouping.Foot]

        /// How many feet were found.
        public var footCount: Int { feet.count }

        /// What the engine saw, for a picture of a scan it could not measure: every foreground region of
        /// 50 mm² or more with its box and measures, and whether it was taken for a foot.
        public var seenRegions: [SeenRegion] {
            let mmPerPixelX = segmented.mmPerPixelX, mmPerPixelY = segmented.mmPerPixelY
            let footParts = Set(feet.flatMap { $0.parts + $0.pads })
            return regions.indices.compactMap { index in
                let region = regions[index]
                guard region.area * mmPerPixelX * mmPerPixelY >= 50 else { return nil }
                let extents = region.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
                return SeenRegion(minX: region.minX, minY: region.minY, maxX: region.maxX, maxY: region.maxY,
                                  areaMM2: region.area * mmPerPixelX * mmPerPixelY, lengthMM: extents.major, widthMM: extents.minor,
                                  isFoot: footParts.contains(index))
            }
        }

        /// The feet whose foreground holds pixel (`x`, `y`): none when the pixel is background, more than
        /// one only for touching feet parted by a wall.
        func feet(holdingPixelX x: Int, y: Int) -> [Int] {
            let foreground = segmented.foreground
            guard y >= 0, y + 1 < foreground.rowStarts.count else { return [] }
            let row = foreground.rowStarts[y]..<foreground.rowStarts[y + 1]
            guard let run = row.first(where: { Int(foreground.runs[$0].start) <= x && x < Int(foreground.runs[$0].end) }) else { return [] }
            let region = Int(labels[run])
            return feet.indices.filter { feet[$0].parts.contains(region) || feet[$0].pads.contains(region) }
        }

        /// For each foot, the indices of the foreground runs of its parts and pads, in raster order: one
        /// pass over the runs (a region shared by two touching feet parted by a wall counts for both).
        func runIndicesByFoot() -> [[Int]] {
            var feetOfRegion = [[Int]](repeating: [], count: regions.count)
            for (n, foot) in feet.enumerated() {
                for region in foot.parts + foot.pads where !feetOfRegion[region].contains(n) { feetOfRegion[region].append(n) }
            }
            var byFoot = [[Int]](repeating: [], count: feet.count)
            for index in labels.indices {
                for n in feetOfRegion[Int(labels[index])] { byFoot[n].append(index) }
            }
            return byFoot
        }

        /// Of the feet `candidates` (indices into ``feet``), the one whose centroid lies nearest
        /// (`x`, `y`) in pixels; nil when there is none.
        func nearestFoot(toPixelX x: Double, y: Double, among candidates: some Sequence<Int>) -> Int? {
            func squaredDistance(_ index: Int) -> Double {
                let p = feet[index].summary.centroid
                return (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
            }
            return candidates.min { squaredDistance($0) < squaredDistance($1) }
        }

        /// The foreground runs of every row: `(row, start, end)` with `end` one past the last pixel.
        public var foregroundRuns: [(row: Int, start: Int, end: Int)] {
            segmented.foreground.runs.map { (Int($0.row), Int($0.start), Int($0.end)) }
        }

        /// Why no foot was found, in words: when the largest region of a foot's shape (1.6 to 5 times as
        /// long as wide, at least 2% of the image) would be no human foot's length at the stated density,
        /// the density is suspect and the message says so; otherwise "no foot found on the scan".
        public var noFootReason: String {
            let fallback = "no foot found on the scan"
            let mmPerPixelX = segmented.mmPerPixelX, mmPerPixelY = segmented.mmPerPixelY
            let imageArea = Double(segmented.image.width * segmented.image.height)
            let shaped = regions.filter { region in
                let extents = region.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY)
                return region.area >= 0.02 * imageArea && extents.minor > 0
                    && FootShapeRule.elongation.contains(extents.major / extents.minor)
            }
            guard let largest = shaped.max(by: { $0.area < $1.area }), let density = segmented.image.density else { return fallback }
            let source: String
            switch density.source {
            case .option: source = "the given"
            case .profile: source = "the profile's"
            default: source = "the file's"
            }
            return Plausibility.densityMessage(lengthMM: largest.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major,
                                               dotsPerInch: density.dotsPerInch, source: source) ?? fallback
        }

        /// Stage 3: the sub-pixel outline of every part of every foot. Toe pads count only on a print
        /// (two or more); a lone speck beside a sole is left out.
        ///
        /// - Parameter asPrints: true when the image is known to be a print device's (a pressure map, a
        ///   podoscope's contact): every foot is measured as a print, whatever its toes show; false when every
        ///   foot is known to be a whole sole (a podoscope's dim outline); nil (the default) decides per
        ///   foot: a print when its pads or its arch's contact shape say so.
        public func traced(asPrints: Bool? = nil) -> Traced {
            let foreground = segmented.foreground, image = segmented.image
            // A hair or a speck of dust touching the foot (as dark as the sole on a grey scan) is cut off where
            // it joins it; specks on a sole's outline only (a print's or a pressure map's ragged or blocky
            // edge is its own, and it is evened out at the texture's scale).
            let mmPerPixel = max(segmented.mmPerPixelX, segmented.mmPerPixelY)
            let hairWidth = ThinProtrusions.widestMM / mmPerPixel
            let cutsSpecks = !foreground.edgeIsTextured
            func withoutDust(_ tracedOutline: [SIMD2<Double>]) -> [SIMD2<Double>] {
                // Cutting either changes no outline's orientation: it is taken once, for both.
                let orientation: Double = tracedOutline.signedTwiceArea >= 0 ? 1 : -1
                let withoutHairs = ThinProtrusions.cut(tracedOutline, width: hairWidth, orientation: orientation).outline
                return cutsSpecks ? TouchingSpecks.cut(withoutHairs, mmPerPixel: mmPerPixel, orientation: orientation).outline : withoutHairs
            }
            func outline(_ index: Int) -> [SIMD2<Double>] {
                let start = foreground.runs[regions[index].firstRun]
                return withoutDust(ContourTracer.trace(image: image, test: foreground.edge, startX: Int(start.start), startY: Int(start.row),
                                                       visible: foreground.visible))
            }
            // Vertices are evened out over about 0.4 mm of outline either side (see smoothedOutline); on a
            // textured print (ridges, ink lines) over its smoothing's reach, where the texture leaves the
            // edge ragged and the extremes of a ragged edge would widen the foot.
            let evenMM = max(0.4, 2 * foreground.textureSmoothingMM)
            let halfWindow = Int((evenMM / min(segmented.mmPerPixelX, segmented.mmPerPixelY)).rounded())
            let skinHue = image.source.projection?.isSkinHue == true
            let reachMM = foreground.edgeRefinementMM ?? (skinHue ? 2 : 0)
            let localEdge = LocalEdge(image: image, footIsLighter: foreground.footIsLighter, visible: foreground.visible,
                                      reach: reachMM / max(segmented.mmPerPixelX, segmented.mmPerPixelY), minimumStep: foreground.minimumEdgeStep ?? 0.3 * foreground.contrast)
            let secondEdge = foreground.secondEdgeRefinementMM.map {
                LocalEdge(image: image, footIsLighter: foreground.footIsLighter, visible: foreground.visible,
                          reach: $0 / max(segmented.mmPerPixelX, segmented.mmPerPixelY), minimumStep: foreground.minimumEdgeStep ?? 0.3 * foreground.contrast,
                          areaReach: foreground.areaEdgeReachMM.map { $0 / max(segmented.mmPerPixelX, segmented.mmPerPixelY) },
                          areaBlur: foreground.areaEdgeBlurMM / max(segmented.mmPerPixelX, segmented.mmPerPixelY))
            }
            // Where the step's area places a vertex (a pressure map), it is read from the traced outline, at
            // the map's lowest level, whose bands lie across the whole ramp; the two searches by the half-way
            // level place the rest. Read after the first search, the area's bands lay where a heel's pressure
            // rises inwards, and the area, kept within half its reach, could not come back out: a heel came
            // out in two stretches with a fold between them (hot-scale seed 9351's left: the pternion on the
            // fold, 1.8 mm behind the truth's), and lengths' P95 was 1.11 and 1.27 mm, against 0.74 and 0.52.
            // The searches skip the vertices the area places (on a 300 dpi map their profiles cost a third
            // of the measurement's time), but the first one places every vertex: the second reads each
            // normal across the first's neighbouring vertices.
            func refined(_ outline: [SIMD2<Double>]) -> [SIMD2<Double>] {
                let first = localEdge.refined(outline)
                guard let secondEdge else { return first }
                guard secondEdge.areaReach != nil else { return secondEdge.refined(first) }
                let byArea = secondEdge.placedByArea(outline)
                let searched = secondEdge.refined(first, keeping: byArea.map { $0 != nil })
                return zip(byArea, searched).map { $0 ?? $1 }
            }
            // The print segmenter asks for every part and pad on its local edge; the skin-hue channel for soles.
            let refinesPrints = foreground.edgeRefinementMM != nil
            let refinesEdges = skinHue || refinesPrints
            let outlines = feet.map { foot -> (parts: [[SIMD2<Double>]], padCount: Int) in
                if let wall = foot.wall, let first = foot.summary.firstPixel {
                    // One of two touching feet: its part of the shared region. Not smoothed: where the cut meets
                    // the outline are two corners that belong to the cut, and rounding them off narrows the foot.
                    return ([withoutDust(ContourTracer.trace(image: image, test: foreground.edge, startX: first.x, startY: first.y,
                                                             visible: foreground.visible, wall: wall))], 0)
                }
                let pads = foot.pads.count >= 2 ? foot.pads : []
                // In the skin-hue channel a sole's outline is moved onto its local edges (see LocalEdge; a
                // print's parts and pads, and outlines on luma, are left as traced).
                let parts = (pads.isEmpty || refinesPrints) && refinesEdges ? foot.parts.map { refined(outline($0)) } : foot.parts.map(outline)
                let padOutlines = refinesPrints ? pads.map { refined(outline($0)) } : pads.map(outline)
                return ((parts + padOutlines).map { $0.smoothedOutline(halfWindow: halfWindow) }, pads.count)
            }
            return Traced(grouped: self, outlines: outlines, asPrints: asPrints)
        }
    }

    /// Stage 3's result: the outlines.
    public struct Traced: Sendable {
        let grouped: Grouped
        let outlines: [(parts: [[SIMD2<Double>]], padCount: Int)]
        /// Whether every foot is measured as a print, none is, or each decides (``Grouped/traced(asPrints:)``).
        let asPrints: Bool?

        /// How many outline vertices there are in all.
        public var vertexCount: Int { outlines.reduce(0) { $0 + $1.parts.reduce(0) { $0 + $1.count } } }

        /// Stage 4: the axis, the measures and the classes of every foot.
        public func measure(engine: MeasurementEngine = MeasurementEngine()) -> ScanMeasurement {
            let segmented = grouped.segmented
            var measurer = FootMeasurer(mmPerPixelX: segmented.mmPerPixelX, mmPerPixelY: segmented.mmPerPixelY, visible: segmented.foreground.visible,
                                        view: engine.options.view, sex: engine.options.sex,
                                        pternionBandMM: segmented.foreground.pternionBandMM)
            if segmented.foreground.showsPressure { measurer.pressure = segmented.image }
            func measureFoot(_ index: Int, medialSide: Double? = nil, print: Bool? = nil) -> FootMeasurement {
                measurer.measure(parts: outlines[index].parts, padCount: outlines[index].padCount,
                                 principal: FootShapeRule.principalDirection(grouped.feet[index].summary, mmPerPixelX: segmented.mmPerPixelX, mmPerPixelY: segmented.mmPerPixelY),
                                 lowContrast: segmented.foreground.isLowContrast, medialSide: medialSide, print: print ?? asPrints)
            }
            var measured = outlines.indices.map { measureFoot($0) }
            // One scan, one device: when one foot is a print, so is the other (a flat foot's print, as full
            // as a sole, beside its pair's).
            if asPrints == nil, measured.contains(where: { $0.archIndex != nil }) {
                for index in measured.indices where measured[index].archIndex == nil { measured[index] = measureFoot(index, print: true) }
            }
            let view = engine.options.view
            func medialSign(_ foot: FootMeasurement) -> Double { (foot.side == .right) == (view == .plantar) ? 1 : -1 }
            if measured.count == 2 {
                // The pair: each foot's medial side faces the other (in the foot's frame, so at any rotation).
                let scale = SIMD2(segmented.mmPerPixelX, segmented.mmPerPixelY)
                let pair = measured.indices.map { index -> SideCues in
                    let me = measured[index], other = measured[1 - index]
                    let towards = (other.centrePixel - me.centrePixel) * scale
                    let axis = me.geometry.axisDirection
                    var cues = me.sideCues
                    cues.add(((towards * SIMD2(-axis.y, axis.x)).sum()) / 40, weight: 1)
                    return cues
                }
                for index in measured.indices {
                    let sign: Double = pair[index].vote >= 0 ? 1 : -1
                    if sign != medialSign(measured[index]) {
                        measured[index] = measureFoot(index, medialSide: sign, print: measured[index].archIndex != nil)
                    }
                    measured[index].sideCues = pair[index]
                    measured[index].sideConfidence = pair[index].confidence(medialSign: sign)
                }
            }
            let oneSide = measured.count == 2 && measured[0].side == measured[1].side
            for index in measured.indices {
                let isPrint = measured[index].archIndex != nil
                var warnings = measured[index].warnings
                if oneSide || measured[index].sideConfidence < SideCues.uncertainBelow { warnings.append(.sideUncertain) }
                warnings += Plausibility.warnings(lengthMM: measured[index].lengthMM, widthMM: measured[index].widthMM,
                                                  heelWidthMM: measured[index].heelWidthMM, isPrint: isPrint,
                                                  toeTipsMM: measured[index].toeTipsMM)
                measured[index].warnings = warnings
            }
            let isFootprint = measured.contains { $0.archIndex != nil }
            return ScanMeasurement(imageKind: isFootprint ? .footprint : .silhouette, feet: measured,
                                   contrast: segmented.foreground.contrast, footIsLighter: segmented.foreground.footIsLighter)
        }
    }
}

/// A foreground region as the engine saw it (``MeasurementStages/Grouped/seenRegions``).
public struct SeenRegion: Sendable {
    /// Its bounding box in image pixels (inclusive).
    public let minX: Int, minY: Int, maxX: Int, maxY: Int
    /// Its area, mm².
    public let areaMM2: Double
    /// Its principal length and width (of the equivalent ellipse), mm.
    public let lengthMM: Double
    public let widthMM: Double
    /// Whether it was taken as (part of) a foot.
    public let isFoot: Bool
}
