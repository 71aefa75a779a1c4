import FootScanImage

extension FootScanner {
    /// Decodes a file's bytes for measuring. The grey channel is luma; but on a colour file the colours
    /// are sampled (``ScanDecoder/colourSample(_:file:options:)``: a JPEG at 1/8 scale) and the file is
    /// decoded again into a projection of its RGB when
    /// - ``SkinHue`` finds skin-coloured soles that luma confuses with colourless light (a haze, a cloth,
    ///   glare) or loses in shade (toe necks): the projection is the skin's hue; or
    /// - luma splits into two classes less than 30 grey levels apart (the foot barely brighter or darker
    ///   than the bed) and ``ColourSeparation`` finds that the colours separate foot from bed much better.
    /// A grey file is decoded once, as luma.
    public static func decodeForMeasuring(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> ScanImage
    {
        let image = try ScanDecoder.decode(bytes, file: file, options: options)
        guard options.projection == nil, image.source.isColour,
              let sample = try ScanDecoder.colourSample(bytes, file: file, options: options) else { return image }
        let projection: ChannelProjection
        var hiddenEdges: EdgeInsets?
        if let hue = SkinHue.choose(sample).projection {
            projection = hue
            // A band of colourless light along an edge disappears in the hue channel: find it on the luma
            // (at the file's pixel size, or 150 dpi's when the file states none) and hand it on.
            let pixelMM = image.density.map { max($0.millimetresPerPixelX, $0.millimetresPerPixelY) } ?? 25.4 / 150
            let visible = Segmentation(image: image, pixelMM: pixelMM).visible
            if visible != VisibleArea(width: image.width, height: image.height) {
                hiddenEdges = EdgeInsets(left: visible.minX, top: visible.minY, right: image.width - visible.maxX,
                                         bottom: image.height - visible.maxY)
            }
        } else if lumaContrast(of: image) < ColourSeparation.lumaContrastEnough, let separating = ColourSeparation.choose(sample).projection {
            projection = separating
        } else {
            return image
        }
        var colour = options
        colour.projection = projection
        var projected = try ScanDecoder.decode(bytes, file: file, options: colour)
        projected.hiddenEdges = hiddenEdges
        return projected
    }

    /// The distance between the means of Otsu's two classes on a subsample of about 250,000 pixels.
    static func lumaContrast(of image: ScanImage) -> Double {
        let step = max(1, Int((Double(image.width * image.height) / 250_000).squareRoot().rounded()))
        let otsu = GreyHistogram(image: image, step: step).otsu()
        return otsu.highMean - otsu.lowMean
    }
}
