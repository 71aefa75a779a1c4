import CFootScanCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns PNG and JPEG bytes into a ``ScanImage``: format sniffed from the bytes, pixel size from the
/// file, EXIF orientation applied. Every failure is a ``ScanImageError``; nothing is printed.
public enum ScanDecoder {
    /// Decodes a file's bytes. `file` only names the file in errors.
    public static func decode(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> ScanImage
    {
        guard !bytes.isEmpty else { throw ScanImageError(file: file, reason: .empty) }
        guard let format = ImageFormat.sniff(bytes) else { throw ScanImageError(file: file, reason: .unknownFormat) }
        return try naming(file: file, format: format) { () throws(ScanImageError) -> ScanImage in
            switch format {
            case .png: return try PNGDecoder.decode(bytes, options: options)
            case .jpeg: return try JPEGDecoder.decode(bytes, options: options)
            }
        }
    }

    /// The block means of a colour file's red, green and blue, for choosing its grey channel
    /// (``DecodingOptions/projection``); nil for a grey file or an Adam7 PNG. A JPEG is decoded at 1/8
    /// for it; a PNG is read in full, row by row, never held in colour.
    public static func colourSample(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> ColourSample?
    {
        guard !bytes.isEmpty else { throw ScanImageError(file: file, reason: .empty) }
        guard let format = ImageFormat.sniff(bytes) else { throw ScanImageError(file: file, reason: .unknownFormat) }
        return try naming(file: file, format: format) { () throws(ScanImageError) -> ColourSample? in
            switch format {
            case .png: return try PNGDecoder.colourSample(bytes, options: options)
            case .jpeg: return try JPEGDecoder.colourSample(bytes, options: options)
            }
        }
    }

    /// A YCbCr JPEG's planes as stored, decoded once (``YCbCrPlanes``): the luma image, the colour
    /// sample and any projection come from them. Nil for a PNG, a grey JPEG, or a JPEG whose chroma the
    /// planes do not cover (decode it with ``decode(_:file:options:)`` and ``colourSample(_:file:options:)``).
    public static func decodePlanes(_ bytes: [UInt8], file: String? = nil, options: DecodingOptions = DecodingOptions())
        throws(ScanImageError) -> YCbCrPlanes?
    {
        guard !bytes.isEmpty else { throw ScanImageError(file: file, reason: .empty) }
        guard let format = ImageFormat.sniff(bytes) else { throw ScanImageError(file: file, reason: .unknownFormat) }
        guard format == .jpeg else { return nil }
        return try naming(file: file, format: format) { () throws(ScanImageError) -> YCbCrPlanes? in
            try JPEGDecoder.decodePlanes(bytes, options: options)
        }
    }

    /// Reads and decodes the file at `path`.
    public static func decodeFile(atPath path: String, options: DecodingOptions = DecodingOptions()) throws(ScanImageError) -> ScanImage {
        let bytes = try readFile(atPath: path)
        return try decode(bytes, file: path, options: options)
    }

    /// The bytes of the file at `path`, or an ``ScanImageError`` with reason `unreadable`.
    public static func readFile(atPath path: String) throws(ScanImageError) -> [UInt8] {
        guard let handle = fopen(path, "rb") else {
            throw ScanImageError(file: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw ScanImageError(file: path, reason: .unreadable(String(cString: strerror(errno))))
                }
                break
            }
        }
        return bytes
    }

    /// Refuses a header whose pixel count exceeds the limit, before any buffer is allocated.
    static func sizeError(width: Int, height: Int, options: DecodingOptions) -> ScanImageError? {
        guard width > 0, height > 0 else { return ScanImageError(reason: .corrupt("image has no pixels")) }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || count > options.maximumPixelCount {
            return ScanImageError(reason: .tooLarge(width: width, height: height, limit: options.maximumPixelCount))
        }
        return nil
    }

    /// Maps a shim status and message to an error reason.
    static func reason(status: Int32, message: String) -> ScanImageError.Reason {
        let text = message.isEmpty ? "decoder failed" : message
        switch Int(status) {
        case Int(FS_ERR_TRUNCATED): return .truncated(text)
        case Int(FS_ERR_UNSUPPORTED): return .unsupported(text)
        case Int(FS_ERR_NOMEM): return .unreadable("out of memory")
        default: return .corrupt(text)
        }
    }

    /// Reads prepared RGB output 16 rows at a time through `read` (a shim's row reader: buffer, row
    /// bytes, most rows, rows delivered), handing each row to `body` with its index; a shim status.
    static func readRGBRows(width: Int, height: Int,
                            read: (UnsafeMutablePointer<UInt8>, Int, UInt32, inout UInt32) -> Int32,
                            _ body: (UnsafePointer<UInt8>, Int) -> Void) -> Int32 {
        let chunk = 16, rowBytes = 3 * width
        var buffer = [UInt8](repeating: 0, count: chunk * rowBytes)
        var y = 0
        while y < height {
            var delivered: UInt32 = 0
            let status = buffer.withUnsafeMutableBufferPointer { rows -> Int32 in
                guard let rows = rows.baseAddress else { return Int32(FS_ERR_USAGE) }
                let status = read(rows, rowBytes, UInt32(chunk), &delivered)
                guard status == FS_OK else { return status }
                for n in 0..<Int(delivered) { body(rows + n * rowBytes, y + n) }
                return Int32(FS_OK)
            }
            guard status == FS_OK else { return status }
            guard delivered > 0 else { return Int32(FS_ERR_CORRUPT) }
            y += Int(delivered)
        }
        return Int32(FS_OK)
    }

    /// Names the file and the format in an error thrown by `body`.
    static func naming<T>(file: String?, format: ImageFormat, _ body: () throws(ScanImageError) -> T) throws(ScanImageError) -> T {
        do {
            return try body()
        } catch {
            var named = error
            named.file = file
            named.format = format
            throw named
        }
    }

    /// Applies the orientation and assembles the image.
    static func finish(pixels: [UInt8], width: Int, height: Int, stride: Int, density: ScanDensity?,
                       source: ImageSourceDescription) -> ScanImage {
        let turned = source.orientation.apply(to: pixels, width: width, height: height, stride: stride)
        let density = source.orientation.swapsAxes ? density?.transposed() : density
        return ScanImage(width: turned.width, height: turned.height, stride: turned.stride, pixels: turned.pixels,
                         density: density, source: source)
    }
}
