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

    /// A podoscope image's feet: length, widths, toes and side from the dim outline of each whole foot,
    /// the arch indices from the contact print inside it. Nil unless every contact print lies inside an
    /// outline of its own, clear of the image's border, 1.1 to 2.5 times its area, at most 30 mm longer,
    /// and holding the toes with the rest (no pads apart): a contact scanner's or an ink print's
    /// surroundings have no such outline, and a bed's gradient, a light band or a glare strip beside a
    /// print is not one. Trousers as dim as the foot around the heels are taken back to the bed first,
    /// beyond the contact's reach (``HeelCloth``).
    func measurePodoscope(_ image: ScanImage, contact: MeasurementStages.Grouped, pixelMM: Double)
        throws(MeasurementError) -> ScanMeasurement?
    {
        let radius = Int((OutlineSegmenter.smoothingMM / pixelMM).rounded())
        // Smoothed, and the bed made level: the dim foot is a step of 10 to 15 levels above the bed
        // beside it, while the bed itself may vary more than that across the image.
        let smoothed = PrintSegmenter.levelled(radius >= 1 ? BoxSmoothing.smoothed(image, radius: radius) : image, pixelMM: pixelMM)
        // The dim foot's level on the whole image, or around the toes alone when cloth hides it there.
        guard let segmenter = OutlineSegmenter(image: smoothed, pixelMM: pixelMM)
                ?? OutlineSegmenter(image: smoothed, pixelMM: pixelMM, around: Self.toes(of: contact, pixelMM: pixelMM, width: image.width, height: image.height))
        else { return nil }
        // The contact again, standing on the dim foot: narrow gaps between pads and forefoot are dim foot.
        let printImage = PrintSegmenter.levelled(image, pixelMM: pixelMM)
        let onFoot = try MeasurementStages.Segmented(image: printImage, segmenter: PrintSegmenter(smoothingMM: 0, baseLevel: segmenter.dimLevel)).groupFeet()
        let prints = (onFoot.feet.count == contact.feet.count ? onFoot : contact).traced(asPrints: true).measure(engine: self)
        var outline = try MeasurementStages.Segmented(image: smoothed, segmenter: segmenter).groupFeet()
        // Trousers around the heels, as dim as the foot: taken back to the bed beyond the contact's reach.
        let cloth = HeelCloth(prints: prints.feet.map { HeelCloth.Print($0, pixelMM: pixelMM) }, image: smoothed, segmenter: segmenter, pixelMM: pixelMM)
        let clothed = cloth.clipped(smoothed, pixelMM: pixelMM)
        if let clothed { outline = try MeasurementStages.Segmented(image: clothed, segmenter: segmenter).groupFeet() }
        // Each contact print inside an outline of its own: of the outlines whose bounds hold its centre,
        // the one whose centre lies nearest.
        var partner: [Int] = []
        let mmPerPixelX = contact.segmented.mmPerPixelX, mmPerPixelY = contact.segmented.mmPerPixelY
        for print in contact.feet {
            let c = print.summary.centroid
            func distance(_ index: Int) -> Double {
                let p = outline.feet[index].summary.centroid
                return (p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)
            }
            let holding = outline.feet.indices.filter { index in
                let box = outline.feet[index].summary
                return c.x >= Double(box.minX) && c.x <= Double(box.maxX) && c.y >= Double(box.minY) && c.y <= Double(box.maxY)
            }
            guard let nearest = holding.min(by: { distance($0) < distance($1) }) else { return nil }
            let box = outline.feet[nearest].summary
            let outlineLength = box.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major, printLength = print.summary.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major
            // The whole foot joins its toes to the forefoot through their necks: no pads of its own.
            guard !partner.contains(nearest), outline.feet[nearest].pads.isEmpty,
                  box.area >= 1.1 * print.summary.area, box.area <= 2.5 * print.summary.area,
                  outlineLength <= printLength + 30,
                  box.minX > 0, box.minY > 0, box.maxX < image.width - 1, box.maxY < image.height - 1 else { return nil }
            partner.append(nearest)
        }
        // An outline holding no contact: cloth left beyond the heels' reach where cloth was taken back
        // (no foot), and no podoscope image otherwise.
        if partner.count < outline.feet.count {
            guard clothed != nil else { return nil }
            outline.feet = outline.feet.indices.filter { partner.contains($0) }.map { outline.feet[$0] }
        }
        var result = outline.traced(asPrints: false).measure(engine: self)
        for print in prints.feet {
            // Each contact's measures go to the outline whose centre lies nearest its own.
            guard let index = result.feet.indices.min(by: {
                let a = result.feet[$0].centrePixel - print.centrePixel, b = result.feet[$1].centrePixel - print.centrePixel
                return (a * a).sum() < (b * b).sum()
            }) else { continue }
            result.feet[index].archIndex = print.archIndex
            result.feet[index].archType = print.archType
            result.feet[index].chippauxSmirakIndex = print.chippauxSmirakIndex
            result.feet[index].staheliIndex = print.staheliIndex
            result.feet[index].geometry.contactContours = print.geometry.contours
        }
        result.imageKind = .podoscope
        result.contrast = prints.contrast
        return result
    }

    /// How far around the toe pads the levels of a podoscope image's toes are read, mm: the ball and
    /// the bed beyond the toes lie within it.
    static let aroundToesMM = 25.0

    /// The pixels around every foot's toe pads on `contact` (an image `width` x `height`).
    static func toes(of contact: MeasurementStages.Grouped, pixelMM: Double, width: Int, height: Int) -> PixelBox {
        let reach = aroundToesMM / pixelMM
        let corners = contact.feet.flatMap(\.pads).flatMap { pad -> [SIMD2<Double>] in
            let region = contact.regions[pad]
            return [SIMD2(Double(region.minX) - reach, Double(region.minY) - reach), SIMD2(Double(region.maxX) + reach, Double(region.maxY) + reach)]
        }
        return PixelBox(covering: corners, width: width, height: height)
    }
}
