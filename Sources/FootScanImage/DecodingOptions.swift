/// What a caller asks of the decoder.
public struct DecodingOptions: Sendable {
    /// The largest image, in pixels, that is decoded; larger headers are refused before anything is
    /// allocated. The default holds an A3 bed (297 x 420 mm) at 600 dpi with room to spare.
    public var maximumPixelCount: Int
    /// When set, the decoder may deliver pixels as coarse as this many millimetres (JPEG: DCT scaling by
    /// 1/2, 1/4 or 1/8). The delivered pixel size is in the image's density and source description.
    public var coarsestPixelMM: Double?
    /// When set, a colour image's grey channel is this projection of its RGB instead of luma (a grey
    /// image, and an Adam7 PNG, stay luma); the source description says which was used.
    public var projection: ChannelProjection?

    /// The default limit: 600 dpi over an A3 bed, plus 25% (about 87 million pixels).
    public static let defaultMaximumPixelCount = Int(Double(7016 * 9921) * 1.25)

    /// Creates options.
    public init(maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount, coarsestPixelMM: Double? = nil,
                projection: ChannelProjection? = nil) {
        self.maximumPixelCount = maximumPixelCount
        self.coarsestPixelMM = coarsestPixelMM
        self.projection = projection
    }
}
