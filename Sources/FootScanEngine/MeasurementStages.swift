import FootScanImage

/// The engine's stages one at a time, each handing a plain value to the next: what
/// ``FootScanner/measure(_:)`` runs in a row, open for benchmarks and diagnostics.
public enum MeasurementStages {
    /// The grey level chosen between foot and bed (subsampled histogram, Otsu, local edge steps), and
    /// whether the foot is the lighter side.
    public static func threshold(of image: ScanImage) throws(MeasurementError) -> (threshold: Int, footIsLighter: Bool) {
        let density = try Segmented.density(of: image)
        let choice = Segmentation.chooseThreshold(image: image, pixelMM: max(density.millimetresPerPixelX, density.millimetresPerPixelY))
        return (choice.threshold, choice.footIsLighter)
    }

    /// Stage 1: the threshold and the foreground runs of every row.
    public struct Segmented: Sendable {
        let image: ScanImage
        let segmentation: Segmentation
        let sx: Double
        let sy: Double

        /// Segments a scan; it must carry its pixel size.
        public init(image: ScanImage) throws(MeasurementError) {
            let density = try Segmented.density(of: image)
            self.image = image
            sx = density.millimetresPerPixelX
            sy = density.millimetresPerPixelY
            segmentation = Segmentation(image: image, pixelMM: max(sx, sy))
        }

        /// How many foreground runs the rows hold.
        public var runCount: Int { segmentation.runs.count }

        static func density(of image: ScanImage) throws(MeasurementError) -> ScanDensity {
            guard let density = image.density else {
                throw MeasurementError("no pixel size: the file states no resolution; pass --dpi or a scanner profile")
            }
            guard image.width >= 8, image.height >= 8 else { throw MeasurementError("image too small to hold a foot") }
            return density
        }

        /// Stage 2: 8-connected regions, grouped into feet (soles, prints and their toe pads).
        public func groupFeet(scanner: FootScanner = FootScanner()) -> Grouped {
            let (regions, labels) = RegionLabeler.regions(of: segmentation.runs, rowStarts: segmentation.rowStarts)
            let feet = FootGrouping(regions: regions, runs: segmentation.runs, labels: labels, segmentation: segmentation, image: image,
                                    sx: sx, sy: sy, scanner: scanner).feet
            return Grouped(segmented: self, regions: regions, feet: feet)
        }
    }

    /// Stage 2's result: the feet, as groups of regions.
    public struct Grouped: Sendable {
        let segmented: Segmented
        let regions: [ForegroundRegion]
        let feet: [FootGrouping.Foot]

        /// How many feet were found.
        public var footCount: Int { feet.count }

        /// Stage 3: the sub-pixel outline of every part of every foot. Toe pads count only on a print
        /// (two or more); a lone speck beside a sole is left out.
        public func traced() -> Traced {
            let segmentation = segmented.segmentation, image = segmented.image
            func outline(_ index: Int) -> [SIMD2<Double>] {
                let start = segmentation.runs[regions[index].firstRun]
                return ContourTracer.trace(image: image, test: segmentation.test, startX: Int(start.start), startY: Int(start.row),
                                           visible: segmentation.visible)
            }
            // Vertices are evened out over about 0.4 mm of outline either side (see smoothedOutline).
            let halfWindow = Int((0.4 / min(segmented.sx, segmented.sy)).rounded())
            let outlines = feet.map { foot -> (parts: [[SIMD2<Double>]], padCount: Int) in
                if let wall = foot.wall, let first = foot.summary.firstPixel {
                    // One of two touching feet: its part of the shared region. Not smoothed: where the cut meets
                    // the outline are two corners that belong to the cut, and rounding them off narrows the foot.
                    return ([ContourTracer.trace(image: image, test: segmentation.test, startX: first.x, startY: first.y,
                                                 visible: segmentation.visible, wall: wall)], 0)
                }
                let pads = foot.pads.count >= 2 ? foot.pads : []
                return ((foot.parts.map(outline) + pads.map(outline)).map { $0.smoothedOutline(halfWindow: halfWindow) }, pads.count)
            }
            return Traced(grouped: self, outlines: outlines)
        }
    }

    /// Stage 3's result: the outlines.
    public struct Traced: Sendable {
        let grouped: Grouped
        let outlines: [(parts: [[SIMD2<Double>]], padCount: Int)]

        /// How many outline vertices there are in all.
        public var vertexCount: Int { outlines.reduce(0) { $0 + $1.parts.reduce(0) { $0 + $1.count } } }

        /// Stage 4: the axis, the measures and the classes of every foot.
        public func measure(scanner: FootScanner = FootScanner()) -> ScanMeasurement {
            let segmented = grouped.segmented
            let image = segmented.image
            let measurer = FootMeasurer(sx: segmented.sx, sy: segmented.sy, visible: segmented.segmentation.visible,
                                        view: scanner.options.view, sex: scanner.options.sex)
            let measured = zip(grouped.feet, outlines).map { foot, outline in
                measurer.measure(parts: outline.parts, padCount: outline.padCount,
                                 principal: scanner.principalDirection(foot.summary, sx: segmented.sx, sy: segmented.sy),
                                 lowContrast: segmented.segmentation.contrast < 30)
            }
            let isFootprint = outlines.contains { $0.padCount >= 2 }
            return ScanMeasurement(imageKind: isFootprint ? .footprint : .silhouette, feet: measured,
                                   threshold: segmented.segmentation.threshold, footIsLighter: segmented.segmentation.footIsLighter)
        }
    }
}
