import FootScanImage

extension MeasurementEngine {
    /// A print made of a texture (ridges, ink lines: the first segmentation's foreground has at least
    /// ``PrintSegmenter/texturedAbove`` of outline per area), measured with the print segmenter. Nil
    /// for a solid foreground, or when no foot of it is a print (a sole's skin texture on a light bed).
    func measureTexturedPrint(_ image: ScanImage, first: MeasurementStages.Segmented)
        throws(MeasurementError) -> ScanMeasurement?
    {
        guard first.foreground.boundaryPerArea(mmPerPixelX: first.mmPerPixelX, mmPerPixelY: first.mmPerPixelY) >= PrintSegmenter.texturedAbove
        else { return nil }
        let pixelMM = max(first.mmPerPixelX, first.mmPerPixelY)
        let smoothing = PrintSegmenter.texturedSmoothingMM
        let prepared = PrintSegmenter.prepared(image, pixelMM: pixelMM, smoothingMM: smoothing)
        var print = try MeasurementStages.Segmented(image: prepared, segmenter: PrintSegmenter(smoothingMM: smoothing)).groupFeet()
        // A print, smoothed, is solid; a form's block of text is full of holes.
        print.feet.removeAll { foot in
            print.rowFills[foot.parts[0]] < PrintSegmenter.solidAbove
        }
        guard !print.feet.isEmpty else { return nil }
        let traced = print.traced()
        // A form photographed off square: its printed frame gives the keystone, taken out of the outlines
        // before they are measured, and put back into the positions drawn.
        let mmPerPixel = SIMD2(first.mmPerPixelX, first.mmPerPixelY)
        if let keystone = FormFrame.find(in: image, pixelMM: pixelMM)?.keystone(width: image.width, height: image.height, mmPerPixel: mmPerPixel) {
            return traced.mapped(keystone.toSheet).measure(engine: self).mapped(keystone.toImage)
        }
        return traced.measure(engine: self)
    }

    /// A solid contact the first segmentation cannot measure alone: a print with toe pads on a podoscope
    /// image (a dim outline of the whole foot around the contact, tried when a quick look shows one:
    /// ``showsDimFoot(_:contact:pixelMM:lookMM:)``), measured as both
    /// (``measurePodoscope(_:contact:pixelMM:)``); or a print whose contact is graded
    /// (``measureGradedPrint(_:first:pixelMM:)``). Nil otherwise: the first segmentation's feet stand.
    /// A print without toe pads apart is tried as a podoscope's contact afterwards, on whichever print
    /// stands (``toelessPodoscope(_:contact:print:)``).
    func measureSolidPrint(_ image: ScanImage, grouped: MeasurementStages.Grouped)
        throws(MeasurementError) -> ScanMeasurement?
    {
        let pixelMM = max(grouped.segmented.mmPerPixelX, grouped.segmented.mmPerPixelY)
        // A solid print with its toe pads: a podoscope's contact when a dim outline surrounds it.
        let padded = grouped.feet.contains { $0.pads.count >= 2 }
        if padded, Self.showsDimFoot(image, contact: grouped, pixelMM: pixelMM, lookMM: Self.paddedDimFootLookMM),
           let podoscope = try measurePodoscope(image, contact: grouped, pixelMM: pixelMM) { return podoscope }
        // A print with toe pads, or one whose heel and forefoot lie apart: its contact may be graded.
        guard padded || grouped.feet.contains(where: { $0.parts.count >= 2 }) else { return nil }
        return try measureGradedPrint(image, first: grouped, pixelMM: pixelMM)
    }

    /// How far beyond the first segmentation's convex hull a graded print may grow, mm, besides the
    /// smoothing's spread (``measureGradedPrint(_:first:pixelMM:)``): an edge's blur read at a lower level.
    static let gradedPrintReachMM = 1.5

    /// How much area a graded print must gain to be taken, a share of the first's.
    static let gradedPrintGain = 0.1

    /// How much of a graded print may lie beyond the first segmentation's hull and its reach, a share of
    /// the first print's area: a faint heel's back the threshold cut (on generated contact-scanner
    /// prints at 56-100 dpi the grown prints had 0.05-1.4% there), never a shadow, a soft edge or a
    /// light leak (on generated plain prints with toe pads, 5.2-12.9%).
    static let gradedPrintOutside = 0.025

    /// A solid print whose contact is graded: a contact scanner's faint heel and lightly pressed arch band,
    /// on a scan too coarse for its ridges to show (100 dpi and less), where one threshold between bed and
    /// ball leaves the arch out (arch index 0, "high", on a flat foot). The print is grown from its contact
    /// by hysteresis (``PrintSegmenter``) on the image smoothed as a textured print's and its bed made
    /// level (unsmoothed, dust specks at the print's edge joined it: two of the feet it grew, at 85 and
    /// 100 dpi, came out 0.9 and 1.5 mm too wide). The grown print is taken when, with as many feet, each
    /// foot grows inside the convex hull of what was found of it (heel, ball, toe pads), give or take
    /// ``gradedPrintReachMM``, and gains at least ``gradedPrintGain`` of the area there: a dim band fills
    /// in between heel and ball, where a shadow around a print on a light bed, a soft edge or a light
    /// leak beside it grows outwards. The image is smoothed and segmented again only when that many
    /// pixels inside the hulls stand clearly off the bed's level at the border. Nil otherwise: the first
    /// segmentation stands.
    func measureGradedPrint(_ image: ScanImage, first: MeasurementStages.Grouped, pixelMM: Double)
        throws(MeasurementError) -> ScanMeasurement?
    {
        let firstRuns = first.segmented.foreground.runs
        let hulls = first.runIndicesByFoot().map { indices in HullSpans(runs: indices.lazy.map { firstRuns[$0] }) }
        let firstArea = first.feet.reduce(0) { $0 + $1.summary.area }
        // Enough pixels inside the hulls clearly off the bed (an eleventh of the way to the print, as the
        // hysteresis's weaker test) that are not print yet?
        let foreground = first.segmented.foreground
        let step = Int(PrintSegmenter.weakStep(contrast: foreground.contrast).rounded())
        let bed = Int(foreground.bedLevel.rounded())
        let offBed = ForegroundTest(threshold: foreground.footIsLighter ? bed + step : bed - step, footIsLighter: foreground.footIsLighter)
        var candidates = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            for hull in hulls {
                for row in hull.firstRow..<(hull.firstRow + hull.spans.count) {
                    guard row >= 0, row < image.height, let columns = hull.columns(row: row, width: image.width) else { continue }
                    let base = row * image.stride
                    for x in columns where offBed.isForeground(pixels[base + x]) { candidates += 1 }
                }
            }
        }
        guard Double(candidates) >= (1 + Self.gradedPrintGain) * firstArea else { return nil }

        let smoothing = PrintSegmenter.texturedSmoothingMM
        let prepared = PrintSegmenter.prepared(image, pixelMM: pixelMM, smoothingMM: smoothing)
        let grown = try MeasurementStages.Segmented(image: prepared, segmenter: PrintSegmenter(smoothingMM: smoothing)).groupFeet()
        guard grown.feet.count == first.feet.count else { return nil }
        // The smoothing's two boxes spread every edge by twice their radius.
        let reachMM = Self.gradedPrintReachMM + 2 * (smoothing / pixelMM).rounded() * pixelMM
        let reachX = reachMM / first.segmented.mmPerPixelX
        let reachY = Int((reachMM / first.segmented.mmPerPixelY).rounded(.up))
        let grownRuns = grown.segmented.foreground.runs
        let grownRunsByFoot = grown.runIndicesByFoot()
        var gain = 0.0, outside = 0
        for (foot, hull) in zip(first.feet, hulls) {
            let c = foot.summary.centroid
            guard let match = grown.nearestFoot(toPixelX: c.x, y: c.y, among: grown.feet.indices) else { return nil }
            for index in grownRunsByFoot[match] {
                outside += hull.pixelsOutside(grownRuns[index], reachX: reachX, reachY: reachY)
            }
            gain += grown.feet[match].summary.area - foot.summary.area
        }
        guard gain >= Self.gradedPrintGain * firstArea, Double(outside) <= Self.gradedPrintOutside * firstArea else { return nil }
        return grown.traced().measure(engine: self)
    }
}
