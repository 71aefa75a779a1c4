/// The file formats FootScan reads, told apart by their first bytes, never by the file name.
public enum ImageFormat: String, Sendable, Codable {
    /// Portable Network Graphics.
    case png = "PNG"
    /// JPEG (JFIF or EXIF), baseline or progressive.
    case jpeg = "JPEG"

    /// The format the bytes start with, or nil.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(8))
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        if head.count >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF { return .jpeg }
        return nil
    }
}

/// A short description of a decoded file, as it was stored.
public struct ImageSourceDescription: Sendable, Hashable {
    /// The container format.
    public let format: ImageFormat
    /// Width as stored (before orientation and reduction).
    public let storedWidth: Int
    /// Height as stored (before orientation and reduction).
    public let storedHeight: Int
    /// Bits per sample as stored.
    public let bitDepth: Int
    /// The colour model as stored: `grey`, `grey+alpha`, `rgb`, `rgba`, `palette`, `ycbcr`, ...
    public let colourType: String
    /// Adam7 (PNG) or progressive (JPEG).
    public let interlaced: Bool
    /// The EXIF orientation that was applied (1 when none).
    public let orientation: ExifOrientation
    /// The factor by which the decoder reduced each axis (1 for full size).
    public let reduction: Int
    /// The projection of RGB that made the grey channel, or nil for luma.
    public let projection: ChannelProjection?

    /// Creates a description.
    public init(format: ImageFormat, storedWidth: Int, storedHeight: Int, bitDepth: Int, colourType: String,
                interlaced: Bool, orientation: ExifOrientation = .up, reduction: Int = 1, projection: ChannelProjection? = nil) {
        self.projection = projection
        self.format = format
        self.storedWidth = storedWidth
        self.storedHeight = storedHeight
        self.bitDepth = bitDepth
        self.colourType = colourType
        self.interlaced = interlaced
        self.orientation = orientation
        self.reduction = reduction
    }

    /// Whether the file holds colour (RGB, palette or YCbCr) rather than grey.
    public var isColour: Bool { !colourType.hasPrefix("grey") }

    /// For example `PNG 8-bit rgb, Adam7`.
    public var summary: String {
        var text = "\(format.rawValue) \(bitDepth)-bit \(colourType)"
        if interlaced { text += format == .png ? ", Adam7" : ", progressive" }
        if orientation != .up { text += ", EXIF orientation \(orientation.rawValue)" }
        if reduction > 1 { text += ", decoded at 1/\(reduction)" }
        if projection != nil { text += ", colour channel" }
        return text
    }
}
