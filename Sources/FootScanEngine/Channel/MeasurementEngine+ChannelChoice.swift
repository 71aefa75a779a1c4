import FootScanImage

extension MeasurementEngine {
    /// Decodes a file's bytes for measuring. The grey channel is luma; but on a colour file the colours
    /// are sampled and the grey channel is
    /// - the pressure, when the file is a pressure plate's map: colours of one `PressureScale` (FootScanImage) on black;
    /// or a projection of its colours when
    /// - ``SkinHue`` finds skin-coloured soles that luma confuses with colourless light (a haze, a cloth,
    ///   glare) or loses in shade (toe necks): the projection is the skin's hue; or
    /// - luma splits into two classes less than 30 grey levels apart (the foot barely brighter or darker
    ///   than the bed) and ``ColourSeparation`` finds that the colours separate foot from bed much better.
    /// A YCbCr JPEG is decoded once, into its stored planes (`YCbCrPlanes` (FootScanImage)): the luma, the sample and
    /// the projection come from them. A colour PNG is sampled row by row and decoded again into the
    /// projection. A grey file is decoded once, as luma.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, PNG or JPEG (told from the bytes, never from a name).
    ///   - file: the file's name, for messages only.
    ///   - options: the pixel limit and how far the decoder may reduce the scan.
    /// - Returns: the grey image to measure, with the file's density (if any) and its source.
    /// - Throws: `ScanImageError` (FootScanImage) for a file that is not a PNG or JPEG, is damaged or
    ///   truncated, states more pixels than the limit, or uses a colour space FootScan does not read.
    public static func decodeForMeasuring(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> ScanImage
    {
        // A YCbCr JPEG is decoded once, into its planes: luma, sample and projection all come from them.
        if options.projection == nil, let planes = try ScanDecoder.decodePlanes(bytes, file: file, options: options) {
            let luma = planes.luma
            guard let (projection, hiddenEdges) = channel(for: luma, sample: planes.sample()) else { return luma }
            if projection.pressureScale != nil {
                // A table of colours is no weighting of the planes: the map is decoded again, in RGB.
                var colour = options
                colour.projection = projection
                return try ScanDecoder.decode(bytes, file: file, options: colour)
            }
            // The channel is written over the luma plane, whose memory the luma image must let go first.
            _ = consume luma
            var projected = (consume planes).projectedOverLuma(by: projection)
            projected.hiddenEdges = hiddenEdges
            return projected
        }
        let image = try ScanDecoder.decode(bytes, file: file, options: options)
        guard options.projection == nil, image.source.isColour,
              let sample = try ScanDecoder.colourSample(bytes, file: file, options: options),
              let (projection, hiddenEdges) = channel(for: image, sample: sample) else { return image }
        var colour = options
        colour.projection = projection
        var projected = try ScanDecoder.decode(bytes, file: file, options: colour)
        projected.hiddenEdges = hiddenEdges
        return projected
    }

    /// The grey channel to measure a colour scan in, when not its luma (`image`): the skin's hue, or a
    /// projection that separates foot from bed; with the hue, the light bands along the edges found on
    /// the luma, which the hue hides. Nil keeps the luma.
    static func channel(for image: ScanImage, sample: ColourSample) -> (ChannelProjection, EdgeInsets?)? {
        if let scale = PressureScale.detect(sample) { return (.pressure(scale), nil) }
        if let hue = SkinHue.choose(sample).projection {
            // A band of colourless light along an edge disappears in the hue channel: find it on the luma
            // (at the file's pixel size, or 150 dpi's when the file states none) and hand it on. The edges
            // are read from the pixels at the luma's threshold, without segmenting the whole luma.
            let pixelMM = image.density.map { max($0.millimetresPerPixelX, $0.millimetresPerPixelY) } ?? 25.4 / 150
            let choice = Segmentation.chooseThreshold(image: image, pixelMM: pixelMM)
            let test = ForegroundTest(threshold: choice.threshold, footIsLighter: choice.footIsLighter)
            let visible = VisibleArea.detect(image: image, test: test, pixelMM: pixelMM)
            guard visible != VisibleArea(width: image.width, height: image.height) else { return (hue, nil) }
            return (hue, EdgeInsets(left: visible.minX, top: visible.minY, right: image.width - visible.maxX, bottom: image.height - visible.maxY))
        }
        if lumaContrast(of: image) < ColourSeparation.lumaContrastEnough, let separating = ColourSeparation.choose(sample).projection {
            return (separating, nil)
        }
        return nil
    }

    /// The distance between the means of Otsu's two classes on a subsample of about 250,000 pixels.
    static func lumaContrast(of image: ScanImage) -> Double {
        let step = max(1, Int((Double(image.width * image.height) / 250_000).squareRoot().rounded()))
        let otsu = GreyHistogram(image: image, step: step).otsu()
        return otsu.highMean - otsu.lowMean
    }
}
