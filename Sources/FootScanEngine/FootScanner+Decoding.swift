import FootScanImage

extension FootScanner {
    /// Decodes a file's bytes for measuring. The grey channel is luma; but on a colour file whose luma
    /// histogram splits into two classes less than 30 grey levels apart (the foot barely brighter or
    /// darker than the bed), the file's colours are sampled (``ScanDecoder/colourSample(_:file:options:)``)
    /// and, when ``ColourSeparation`` finds that they separate foot from bed much better, the file is
    /// decoded again into that projection of its RGB. A well-lit scan is decoded once, as luma.
    public static func decodeForMeasuring(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> ScanImage
    {
        let image = try ScanDecoder.decode(bytes, file: file, options: options)
        guard options.projection == nil, image.source.isColour, lumaContrast(of: image) < ColourSeparation.lumaContrastEnough,
              let sample = try ScanDecoder.colourSample(bytes, file: file, options: options),
              let projection = ColourSeparation.choose(sample).projection else { return image }
        var colour = options
        colour.projection = projection
        return try ScanDecoder.decode(bytes, file: file, options: colour)
    }

    /// The distance between the means of Otsu's two classes on a subsample of about 250,000 pixels.
    static func lumaContrast(of image: ScanImage) -> Double {
        let step = max(1, Int((Double(image.width * image.height) / 250_000).squareRoot().rounded()))
        let otsu = GreyHistogram(image: image, step: step).otsu()
        return otsu.highMean - otsu.lowMean
    }
}
