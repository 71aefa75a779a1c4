import FootScanImage

extension MeasurementEngine {
    /// A contact print the first segmentation cannot measure alone: a foreground made of a texture
    /// (ridges, ink lines; ``PrintSegmenter/texturedAbove``), measured with the print segmenter; or a
    /// print with toe pads on a podoscope image (a dim outline of the whole foot around the contact),
    /// measured as both (``measurePodoscope(_:contact:pixelMM:)``). Nil otherwise: the first
    /// segmentation's feet stand.
    func measurePrint(_ image: ScanImage, first: MeasurementStages.Segmented, grouped: MeasurementStages.Grouped)
        throws(MeasurementError) -> ScanMeasurement?
    {
        let textured = first.foreground.boundaryPerArea(mmPerPixelX: first.mmPerPixelX, mmPerPixelY: first.mmPerPixelY) >= PrintSegmenter.texturedAbove
        let pixelMM = max(first.mmPerPixelX, first.mmPerPixelY)
        if textured {
            let smoothing = PrintSegmenter.texturedSmoothingMM
            let prepared = PrintSegmenter.prepared(image, pixelMM: pixelMM, smoothingMM: smoothing)
            var print = try MeasurementStages.Segmented(image: prepared, segmenter: PrintSegmenter(smoothingMM: smoothing)).groupFeet()
            // A print, smoothed, is solid; a form's block of text is full of holes.
            print.feet.removeAll { foot in
                print.rowFills[foot.parts[0]] < PrintSegmenter.solidAbove
            }
            // Not every foot here is a print: a sole's skin texture on a light bed comes this way too.
            return print.feet.isEmpty ? nil : print.traced().measure(engine: self)
        }
        // A solid print with its toe pads: a podoscope's contact when a dim outline surrounds it; else
        // the first segmentation stands.
        guard grouped.feet.contains(where: { $0.pads.count >= 2 }) else { return nil }
        return try measurePodoscope(image, contact: grouped, pixelMM: pixelMM)
    }
}
