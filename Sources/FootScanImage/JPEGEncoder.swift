import CFootScanCodecs

/// Writes JPEG files through libjpeg-turbo, with a JFIF density and optional EXIF.
public enum JPEGEncoder {
    /// Everything about the file beyond its pixels.
    public struct Options: Sendable {
        /// 1 to 100.
        public var quality = 90
        /// Progressive scans instead of baseline.
        public var progressive = false
        /// Dots per inch in the JFIF header; nil writes a JFIF header with aspect ratio only.
        public var dotsPerInch: Double?
        /// Write the density in dots per centimetre instead of per inch.
        public var densityInCentimetres = false
        /// Leave the JFIF header out altogether.
        public var omitJFIF = false
        /// EXIF fields written as an APP1 segment.
        public var exif: ExifMetadata?
        /// Store three-channel pixels as RGB instead of converting them to YCbCr (Adobe-style RGB JPEG).
        public var storeRGB = false
        /// Luma samples per chroma sample across and down (1 or 2 each): (2, 2) is 4:2:0, libjpeg's
        /// default; (1, 1) is 4:4:4; (2, 1) is 4:2:2.
        public var chromaSubsampling: (across: Int, down: Int) = (2, 2)

        /// Creates default options (quality 90, baseline, no density).
        public init() {}
    }

    /// Encodes 8-bit grey (`channels` 1), RGB (3) or CMYK (4) pixels, tightly packed.
    public static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int, options: Options)
        throws(ImageEncodingError) -> [UInt8]
    {
        guard width > 0, height > 0, (1...4).contains(channels), channels != 2, pixels.count >= width * height * channels else {
            throw ImageEncodingError(message: "pixel buffer does not match \(width) x \(height) x \(channels)")
        }
        let exifBytes = options.exif?.tiffBytes ?? []
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = pixels.withUnsafeBufferPointer { pixelBuffer in
            exifBytes.withUnsafeBufferPointer { exif in
                var params = fs_jpeg_encode_params()
                params.width = UInt32(width)
                params.height = UInt32(height)
                params.components = Int32(channels)
                params.store_rgb = options.storeRGB ? 1 : 0
                params.chroma_x = Int32(options.chromaSubsampling.across)
                params.chroma_y = Int32(options.chromaSubsampling.down)
                params.pixels = pixelBuffer.baseAddress
                params.stride = width * channels
                params.quality = Int32(options.quality)
                params.progressive = options.progressive ? 1 : 0
                params.write_jfif = options.omitJFIF ? 0 : 1
                if let dpi = options.dotsPerInch {
                    params.density_unit = options.densityInCentimetres ? 2 : 1
                    let value = options.densityInCentimetres ? dpi / 2.54 : dpi
                    params.x_density = UInt16(clamping: Int(value.rounded()))
                    params.y_density = params.x_density
                } else {
                    params.density_unit = 0
                    params.x_density = 1
                    params.y_density = 1
                }
                params.exif = exifBytes.isEmpty ? nil : exif.baseAddress
                params.exif_length = exifBytes.count
                return message.withUnsafeMutableBufferPointer { text in
                    fs_jpeg_encode(&params, &output, &length, text.baseAddress, text.count)
                }
            }
        }
        return try EncodedBytes.take(status: status, output: output, length: length, message: message)
    }
}
