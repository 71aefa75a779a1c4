import CFootScanCodecs

/// Writes PNG files through libpng, with a `pHYs` density and an optional `eXIf` chunk.
public enum PNGEncoder {
    /// The PNG colour types.
    public enum ColourType: Int, Sendable {
        /// Grey samples.
        case grey = 0
        /// Red, green, blue.
        case rgb = 2
        /// Indices into a palette.
        case palette = 3
        /// Grey and alpha.
        case greyAlpha = 4
        /// Red, green, blue, alpha.
        case rgba = 6

        /// Samples per pixel.
        public var channels: Int {
            switch self {
            case .grey, .palette: return 1
            case .greyAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }
    }

    /// Everything about the file beyond its pixels.
    public struct Options: Sendable {
        /// Bits per sample: 1, 2, 4, 8 or 16 (as PNG allows for the colour type).
        public var bitDepth: Int = 8
        /// The colour type of `rows`.
        public var colourType: ColourType = .grey
        /// Adam7 interlacing.
        public var interlaced = false
        /// RGB triples, for `.palette`.
        public var palette: [UInt8] = []
        /// Palette alpha values (tRNS), for `.palette`.
        public var paletteAlpha: [UInt8] = []
        /// A grey value that is transparent (tRNS), for `.grey`.
        public var transparentGrey: Int?
        /// Dots per inch written as pixels per metre in `pHYs`; nil writes no `pHYs`.
        public var dotsPerInch: Double?
        /// EXIF fields written as an `eXIf` chunk.
        public var exif: ExifMetadata?
        /// zlib compression level, 0 (none) to 9 (smallest).
        public var compressionLevel = 6
        /// Which row filters the encoder may choose from (libpng's adaptive choice among all by default).
        public var filters: Filters = .all
        /// zlib's matching strategy.
        public var strategy: Strategy = .standard

        /// The fast setting for large pictures (overlays, generated scans): zlib level 1 with run-length
        /// matching on unfiltered rows, several times faster than level 6 with adaptive filters, at a
        /// file some 30 % larger on scans.
        public mutating func preferSpeed() {
            compressionLevel = 1
            filters = .none
            strategy = .runLength
        }

        /// Creates default options (8-bit grey, no metadata).
        public init() {}
    }

    /// PNG row filters (a set: the encoder picks one per row among them).
    public struct Filters: OptionSet, Sendable {
        public let rawValue: Int32
        /// Creates a set from libpng's `PNG_FILTER_*` bits.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Rows as they are.
        public static let none = Filters(rawValue: 0x08)
        /// Difference to the pixel on the left.
        public static let sub = Filters(rawValue: 0x10)
        /// Difference to the pixel above.
        public static let up = Filters(rawValue: 0x20)
        /// Difference to the mean of left and above.
        public static let average = Filters(rawValue: 0x40)
        /// Paeth predictor.
        public static let paeth = Filters(rawValue: 0x80)
        /// All five: libpng chooses per row (slowest, usually smallest).
        public static let all: Filters = [.none, .sub, .up, .average, .paeth]
    }

    /// zlib's strategy for finding matches.
    public enum Strategy: Int32, Sendable {
        /// zlib's default matching.
        case standard = 0
        /// Tuned for filtered data.
        case filtered = 1
        /// Huffman coding only, no matches.
        case huffmanOnly = 2
        /// Matches of the previous byte only (run lengths): fast, good on flat areas.
        case runLength = 3
    }

    /// Encodes packed PNG rows (`rowBytes` each: samples packed at `bitDepth`, 16-bit big-endian).
    public static func encode(rows: [UInt8], width: Int, height: Int, options: Options) throws(ImageEncodingError) -> [UInt8] {
        let rowBytes = (width * options.colourType.channels * options.bitDepth + 7) / 8
        guard width > 0, height > 0, rows.count >= rowBytes * height else {
            throw ImageEncodingError(message: "pixel buffer smaller than \(width) x \(height)")
        }
        let exifBytes = options.exif?.tiffBytes ?? []
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = rows.withUnsafeBufferPointer { rowBuffer in
            options.palette.withUnsafeBufferPointer { palette in
                options.paletteAlpha.withUnsafeBufferPointer { alpha in
                    exifBytes.withUnsafeBufferPointer { exif in
                        var params = fs_png_encode_params()
                        params.width = UInt32(width)
                        params.height = UInt32(height)
                        params.bit_depth = Int32(options.bitDepth)
                        params.color_type = Int32(options.colourType.rawValue)
                        params.interlaced = options.interlaced ? 1 : 0
                        params.rows = rowBuffer.baseAddress
                        params.stride = rowBytes
                        params.palette = palette.baseAddress
                        params.palette_entries = Int32(options.palette.count / 3)
                        params.trns = options.paletteAlpha.isEmpty ? nil : alpha.baseAddress
                        params.trns_entries = Int32(options.paletteAlpha.count)
                        params.trns_grey = Int32(options.transparentGrey ?? -1)
                        params.pixels_per_metre = options.dotsPerInch.map { UInt32(($0 / 0.0254).rounded()) } ?? 0
                        params.exif = exifBytes.isEmpty ? nil : exif.baseAddress
                        params.exif_length = exifBytes.count
                        params.compression_level = Int32(min(max(options.compressionLevel, 0), 9))
                        params.filters = options.filters == .all ? 0 : options.filters.rawValue
                        params.strategy = options.strategy.rawValue
                        return message.withUnsafeMutableBufferPointer { text in
                            fs_png_encode(&params, &output, &length, text.baseAddress, text.count)
                        }
                    }
                }
            }
        }
        return try EncodedBytes.take(status: status, output: output, length: length, message: message)
    }

    /// Encodes 8-bit grey (`channels` 1) or RGB (`channels` 3) pixels, tightly packed; `preferSpeed`
    /// chooses the fast setting (`Options.preferSpeed()`).
    public static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int, dotsPerInch: Double?,
                              exif: ExifMetadata? = nil, preferSpeed: Bool = false) throws(ImageEncodingError) -> [UInt8] {
        var options = Options()
        if preferSpeed { options.preferSpeed() }
        options.colourType = channels == 3 ? .rgb : .grey
        options.dotsPerInch = dotsPerInch
        options.exif = exif
        return try encode(rows: pixels, width: width, height: height, options: options)
    }
}

/// Takes ownership of a buffer the shim allocated.
enum EncodedBytes {
    static func take(status: Int32, output: UnsafeMutablePointer<UInt8>?, length: Int, message: [CChar])
        throws(ImageEncodingError) -> [UInt8]
    {
        defer { fs_free(output) }
        guard status == FS_OK, let output else {
            let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw ImageEncodingError(message: text.isEmpty ? "status \(status)" : text)
        }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }
}
