import FootScanImage

extension MeasurementEngine {
    /// A podoscope image's feet: length, widths, toes and side from the dim outline of each whole foot,
    /// the arch indices from the contact print inside it. Nil unless every contact print lies inside an
    /// outline of its own that could be its whole foot (``wholeFeet(of:in:)``), measured at most
    /// ``wholeFootWiderMM`` wider than the contact: a contact scanner's or an ink print's surroundings
    /// have no such outline, and a bed's gradient, a light band or a glare strip beside a print is not
    /// one. Trousers as dim as the foot around the heels are taken back to the bed first,
    /// beyond the contact's reach (``HeelCloth``).
    func measurePodoscope(_ image: ScanImage, contact: MeasurementStages.Grouped, pixelMM: Double)
        throws(MeasurementError) -> ScanMeasurement?
    {
        let radius = Int((OutlineSegmenter.smoothingMM / pixelMM).rounded())
        // Smoothed, and the bed made level: the dim foot is a step of 10 to 15 levels above the bed
        // beside it, while the bed itself varies more than that across the image (10 to 45 on real
        // images, brightest between the feet). The bed is fitted away from the contact prints' boxes and
        // their reach (``bedClearanceMM``): fitted from the levels near the bed's peak, it kept to a ring
        // of the bed, and 2 of 30 generated podoscope images with trousers, whose bed rose by 15 to 30
        // levels towards the middle, showed no dim foot or one joined to the bed (read as prints, length
        // and widths 5-7 mm short).
        let away = Self.clearance(of: contact, pixelMM: pixelMM, on: image, reducedBy: 1)
        let smoothed = PrintSegmenter.levelled(radius >= 1 ? BoxSmoothing.smoothed(image, radius: radius) : image, pixelMM: pixelMM, away: away)
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
        guard let partners = Self.wholeFeet(of: contact, in: outline) else { return nil }
        // An outline holding no contact: cloth left beyond the heels' reach where cloth was taken back
        // (no foot), and no podoscope image otherwise.
        if partners.count < outline.feet.count {
            guard clothed != nil else { return nil }
            outline.feet = outline.feet.indices.filter { partners.contains($0) }.map { outline.feet[$0] }
        }
        var result = outline.traced(asPrints: false).measure(engine: self)
        for print in prints.feet {
            // Each contact's measures go to the outline whose centre lies nearest its own.
            guard let index = result.feet.indices.min(by: {
                let a = result.feet[$0].centrePixel - print.centrePixel, b = result.feet[$1].centrePixel - print.centrePixel
                return (a * a).sum() < (b * b).sum()
            }) else { continue }
            // The dim foot is the contact's own: wider than it by the rim the glass does not touch, never
            // by a light leak or glare strip it joined beside the print.
            let wider = result.feet[index].widthMM - print.widthMM
            guard wider >= -Self.wholeFootWidthSlackMM, wider <= Self.wholeFootWiderMM else { return nil }
            result.feet[index].archIndex = print.archIndex
            result.feet[index].archType = print.archType
            result.feet[index].chippauxSmirakIndex = print.chippauxSmirakIndex
            result.feet[index].staheliIndex = print.staheliIndex
            result.feet[index].geometry.contactContours = print.geometry.contours
            result.feet[index].geometry.archOutlines = print.geometry.archOutlines
            result.feet[index].geometry.archThirdLines = print.geometry.archThirdLines
        }
        result.imageKind = .podoscope
        result.contrast = prints.contrast
        return result
    }

    /// `print`, or the podoscope image it is the contact of: a print whose contact shows no toe pads apart
    /// (toes off the glass, or joined to the forefoot's contact) is read again as a podoscope's contact
    /// when a dim outline surrounds it (``measurePodoscope(_:contact:pixelMM:)`` tries only contacts with
    /// toe pads first). Soles are not tried: every clean scan would pay for it.
    func toelessPodoscope(_ image: ScanImage, contact: MeasurementStages.Grouped, print: ScanMeasurement)
        throws(MeasurementError) -> ScanMeasurement
    {
        guard !contact.feet.contains(where: { $0.pads.count >= 2 }) else { return print }
        let pixelMM = max(contact.segmented.mmPerPixelX, contact.segmented.mmPerPixelY)
        switch print.imageKind {
        case .footprint: break
        case .silhouette: guard Self.showsDimFoot(image, contact: contact, pixelMM: pixelMM) else { return print }
        default: return print
        }
        return try measurePodoscope(image, contact: contact, pixelMM: pixelMM) ?? print
    }

    /// Whether `image` shows a dim foot's level between its bed and its contact, looked at coarsely: the
    /// image reduced to pixels of `lookMM` (``StripMeans``), its bed made level away from the
    /// feet, and the outline's level sought as the podoscope's reading seeks it (``OutlineSegmenter``).
    /// The podoscope's full reading is tried only where this look shows a dim foot: on a sole (at
    /// ``dimFootLookMM``; a flat foot's contact with all its toes joined looks like one) and on a solid
    /// print with toe pads (at ``paddedDimFootLookMM``). Tried on every sole at full resolution it costs a
    /// clean scan 10 to 20 times its measuring, and on every print with toe pads 6 to 17 times. On
    /// generated scans this look found 8 of 9 podoscope contacts read as soles, and none of 112 soles
    /// (plain, dark and light beds, quirks, blur, isoluminant, light leaks, touching feet).
    static func showsDimFoot(_ image: ScanImage, contact: MeasurementStages.Grouped, pixelMM: Double, lookMM: Double = dimFootLookMM) -> Bool {
        let (coarse, factor) = StripMeans.reduced(image, by: Int(lookMM / pixelMM))
        let coarseMM = pixelMM * Double(factor)
        let away = clearance(of: contact, pixelMM: pixelMM, on: coarse, reducedBy: factor)
        return OutlineSegmenter(image: PrintSegmenter.levelled(coarse, pixelMM: coarseMM, away: away), pixelMM: coarseMM) != nil
    }

    /// The pixel size ``showsDimFoot(_:contact:pixelMM:lookMM:)`` looks at, mm: coarse enough that the look
    /// costs a fraction of a scan's measuring (about 15 % of a clean 150 dpi sole's core by `perf`, most of
    /// it the bed's fit, `BedLevel`, and the reduction, `StripMeans`), fine enough to find the dim foot's
    /// level (2 and 3 mm found the same 8 contacts; at 1 mm one of the 112 soles showed a dim level too).
    static let dimFootLookMM = 2.0

    /// The pixel size ``showsDimFoot(_:contact:pixelMM:lookMM:)`` looks at on a solid print with toe pads,
    /// mm. A very flat foot's contact leaves a dim rim of a few millimetres around it: at 2 mm 2 of 56
    /// generated podoscope images with toe pads showed no dim foot (one very flat foot, drawn in two
    /// sets), at 1 mm all of 101 did (plain, trousers, pads touching the forefoot; 150-300 dpi), and 1
    /// of 20 plain prints with toe pads did too (the full reading then finds no whole foot).
    static let paddedDimFootLookMM = 1.0

    /// How much wider than its contact print a podoscope's whole foot may be, mm: the rim of the sole
    /// off the glass beside the ball (2.7-6.8 mm on 72 feet of generated podoscope images: plain, with
    /// trousers, toe pads touching or none apart), never a glare strip's 26 mm.
    static let wholeFootWiderMM = 10.0

    /// How much narrower than its contact print a whole foot may measure, mm: the two outlines' edges
    /// are placed by different segmenters.
    static let wholeFootWidthSlackMM = 1.0

    /// A whole foot's area over its contact print's (a contact with toe pads apart): the rim off the
    /// glass adds a tenth at least; a bed's gradient or cloth joined to the foot more than the top.
    static let wholeFootAreaRatio = 1.1...2.5

    /// A whole foot's area over its contact's at most, where the contact shows no toe pads apart: the toes
    /// and often the ball's front are off the glass.
    static let toelessWholeFootAreaRatio = 3.5

    /// How much longer than its contact print with toe pads a whole foot may be, mm: the toes' tips
    /// beyond their pads and the heel's rim.
    static let wholeFootLongerMM = 30.0

    /// The least share of its whole foot's length a contact without toe pads apart spans (toe-less
    /// contacts on generated podoscope images were 20-28 mm shorter than the foot).
    static let toelessContactLengthShare = 0.65

    /// The boxes of `contact`'s feet, ``bedClearanceMM`` wider on every side, on `image` (the scan, or
    /// the scan reduced by `factor`): where the bed is not sampled for its level.
    static func clearance(of contact: MeasurementStages.Grouped, pixelMM: Double, on image: ScanImage, reducedBy factor: Int) -> [PixelBox] {
        let reach = bedClearanceMM / pixelMM, scale = Double(max(factor, 1))
        return contact.feet.map { foot in
            PixelBox(covering: [SIMD2(Double(foot.summary.minX) - reach, Double(foot.summary.minY) - reach) / scale,
                                SIMD2(Double(foot.summary.maxX) + reach, Double(foot.summary.maxY) + reach) / scale],
                     width: image.width, height: image.height)
        }
    }

    /// How far around a contact print's box the bed is not sampled for its level, mm: the dim outline
    /// lies within a few millimetres of the contact at the sides and heel, and the toes' tips 1.5 mm
    /// beyond their pads.
    static let bedClearanceMM = 15.0

    /// For each contact print of `contact`, the index of the foot of `outline` it stands in: the one
    /// whose foreground holds the print's centre (of two touching feet parted by a wall, the one whose
    /// centre lies nearest). Nil unless every print stands in an outline of its own that could be its
    /// whole foot: clear of the image's border, ``wholeFootAreaRatio`` times the print's area, at most
    /// ``wholeFootLongerMM`` longer, and holding the toes with the rest (no pads apart). A print without toe pads apart (toes off the
    /// glass, or joined to the forefoot's contact) lacks the toes and, often, the ball's front: its whole
    /// foot may be ``toelessWholeFootAreaRatio`` times its area and its length over
    /// ``toelessContactLengthShare``.
    static func wholeFeet(of contact: MeasurementStages.Grouped, in outline: MeasurementStages.Grouped) -> [Int]? {
        let mmPerPixelX = contact.segmented.mmPerPixelX, mmPerPixelY = contact.segmented.mmPerPixelY
        let width = outline.segmented.image.width, height = outline.segmented.image.height
        var partners: [Int] = []
        for print in contact.feet {
            let c = print.summary.centroid
            let holding = outline.feet(holdingPixelX: Int(c.x.rounded()), y: Int(c.y.rounded()))
            guard let whole = outline.nearestFoot(toPixelX: c.x, y: c.y, among: holding), !partners.contains(whole) else { return nil }
            let foot = outline.feet[whole].summary
            let footLength = foot.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major
            let printLength = print.summary.principalExtents(mmPerPixelX: mmPerPixelX, mmPerPixelY: mmPerPixelY).major
            let toeless = print.pads.count < 2
            let mostArea = (toeless ? toelessWholeFootAreaRatio : wholeFootAreaRatio.upperBound) * print.summary.area
            let longest = toeless ? printLength / toelessContactLengthShare : printLength + wholeFootLongerMM
            // The whole foot joins its toes to the forefoot through their necks: no pads of its own.
            guard outline.feet[whole].pads.isEmpty,
                  foot.area >= wholeFootAreaRatio.lowerBound * print.summary.area, foot.area <= mostArea,
                  footLength <= longest,
                  foot.minX > 0, foot.minY > 0, foot.maxX < width - 1, foot.maxY < height - 1 else { return nil }
            partners.append(whole)
        }
        return partners
    }

    /// How far around the toe pads the levels of a podoscope image's toes are read, mm: the ball and
    /// the bed beyond the toes lie within it.
    static let aroundToesMM = 25.0

    /// For each foot on `contact` (an image `width` x `height`), the pixels around its toe pads.
    static func toes(of contact: MeasurementStages.Grouped, pixelMM: Double, width: Int, height: Int) -> [PixelBox] {
        let reach = aroundToesMM / pixelMM
        return contact.feet.map { foot in
            let corners = foot.pads.flatMap { pad -> [SIMD2<Double>] in
                let region = contact.regions[pad]
                return [SIMD2(Double(region.minX) - reach, Double(region.minY) - reach), SIMD2(Double(region.maxX) + reach, Double(region.maxY) + reach)]
            }
            return PixelBox(covering: corners, width: width, height: height)
        }
    }
}
