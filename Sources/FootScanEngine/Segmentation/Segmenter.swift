import FootScanImage

/// The first stage behind one seam: splits a scan into foot and bed. Whatever a segmenter does inside
/// (one threshold, a model of the bed, growth from confident pixels), it hands on a ``Foreground``: the
/// later stages (regions, contours, measures) see only that, never a grey level of its choosing.
protocol Segmenter: Sendable {
    /// The foreground of `image`, whose pixels are `pixelMM` millimetres (the larger side).
    func segment(_ image: ScanImage, pixelMM: Double) -> Foreground
}

/// What a segmenter hands on to the later stages.
struct Foreground: Sendable {
    /// Foreground runs in raster order.
    var runs: [ForegroundRun]
    /// `rowStarts[y] ..< rowStarts[y + 1]` index the runs of row y.
    var rowStarts: [Int]
    /// The part of the image that shows the bed (all of it unless a light band runs along an edge).
    var visible: VisibleArea
    /// How well foot and bed separate: the grey-level distance between the two (the quality figure;
    /// below ``lowContrastBelow`` the scan is low in contrast).
    var contrast: Double
    /// What the contour tracer needs to place a vertex on the edge: which pixels are foot, and the level,
    /// between foot and bed, where the edge crosses between two pixels.
    var edge: ForegroundTest
    /// Whether the foot is lighter than the bed in the channel measured.
    var footIsLighter: Bool
    /// The bed's mean level along the image's border.
    var bedLevel: Double
    /// When set, the outline's vertices are moved onto the local edge along their normals, looking this
    /// far either way, mm (``LocalEdge``); nil: the tracer's level stands (the skin-hue channel refines
    /// with 2 mm regardless).
    var edgeRefinementMM: Double? = nil
    /// Whether the foot's edge carries the image's own texture (a print's ridges or ink lines, a pressure
    /// map's sensors): bumps on it are the print's, not dust on the glass (``TouchingSpecks`` leaves them).
    var edgeIsTextured = false
    /// When set, the refined vertices are refined again looking this far either way, mm: a first search
    /// wide enough to reach the edge from far outside, a second narrow enough to read the foot's level
    /// just inside it.
    var secondEdgeRefinementMM: Double? = nil
    /// When set, the second refinement places a vertex by the step's area where it can, reading the
    /// levels this far either way, mm (``LocalEdge/areaReach``).
    var areaEdgeReachMM: Double? = nil
    /// The blur the image puts on every edge, mm (a standard deviation; 0: none the step's area
    /// needs to know of): a pressure map's sensors (``LocalEdge/areaBlur``).
    var areaEdgeBlurMM = 0.0
    /// How deep a band of the heel's back the pternion is read across, mm (0: at the rearmost vertex;
    /// ``Frame``): an outline whose edge is placed to a fraction of a sensor ripples at the heel's back.
    var pternionBandMM = 0.0
    /// The radius of the smoothing a textured print was segmented on, mm (0: none).
    var textureSmoothingMM = 0.0
    /// The smallest foot-to-bed step, grey levels, on which ``LocalEdge`` moves a vertex; nil: 0.3 of
    /// the contrast.
    var minimumEdgeStep: Double? = nil
    /// Whether the image's levels are pressure (a pressure plate's map read back through its scale): the
    /// measures may read them (``ToeBases``).
    var showsPressure = false

    /// Contrast below which a foot carries `low_contrast`.
    static let lowContrastBelow = 30.0

    /// Whether foot and bed barely separate.
    var isLowContrast: Bool { contrast < Self.lowContrastBelow }
}

/// FootScan's segmenter: one threshold placed on the local steps at the foot's edges (``Segmentation``).
struct ThresholdSegmenter: Segmenter {
    func segment(_ image: ScanImage, pixelMM: Double) -> Foreground {
        let segmentation = Segmentation(image: image, pixelMM: pixelMM)
        return Foreground(runs: segmentation.runs, rowStarts: segmentation.rowStarts, visible: segmentation.visible,
                          contrast: segmentation.contrast, edge: segmentation.test, footIsLighter: segmentation.footIsLighter,
                          bedLevel: segmentation.borderMean)
    }
}
