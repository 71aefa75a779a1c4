import CFootScanCodecs

/// JPEG through libjpeg-turbo (via the C shim): baseline and progressive, grey, YCbCr and RGB; JFIF and
/// EXIF density; reduced decoding by DCT scaling with greyscale output.
enum JPEGDecoder {
    static func decode(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ScanImage {
        let result: Result<ScanImage, ScanImageError> = bytes.withUnsafeBufferPointer { data in
            guard let base = data.baseAddress, let reader = fs_jpeg_reader_create(base, data.count) else {
                return .failure(ScanImageError(reason: .unreadable("out of memory")))
            }
            defer { fs_jpeg_reader_destroy(reader) }
            func failure(_ status: Int32) -> Result<ScanImage, ScanImageError> {
                .failure(ScanImageError(reason: ScanDecoder.reason(status: status, message: String(cString: fs_jpeg_reader_message(reader)))))
            }
            var header = fs_jpeg_header()
            let headerStatus = fs_jpeg_read_header(reader, &header)
            guard headerStatus == FS_OK else { return failure(headerStatus) }
            let storedWidth = Int(header.width), storedHeight = Int(header.height)
            if let error = ScanDecoder.sizeError(width: storedWidth, height: storedHeight, options: options) { return .failure(error) }
            var exifLength = 0
            let exif: ExifMetadata? = fs_jpeg_exif(reader, &exifLength).map {
                ExifMetadata(tiff: Array(UnsafeBufferPointer(start: $0, count: exifLength)))
            }
            var density: ScanDensity?
            if header.saw_jfif != 0, header.density_unit == 1 || header.density_unit == 2 {
                let perInch = header.density_unit == 1 ? 1.0 : 2.54
                let candidate = ScanDensity(dotsPerInchX: Double(header.x_density) * perInch,
                                            dotsPerInchY: Double(header.y_density) * perInch, source: .jfif)
                if candidate.isPlausible { density = candidate }
            }
            if density == nil { density = exif?.density }

            let reduction = reductionFactor(density: density, options: options)
            var width: UInt32 = 0, height: UInt32 = 0
            let prepareStatus = fs_jpeg_prepare_grey(reader, Int32(reduction), &width, &height)
            guard prepareStatus == FS_OK else { return failure(prepareStatus) }
            let stride = ScanImage.alignedStride(forWidth: Int(width))
            var pixels = [UInt8](repeating: 0, count: stride * Int(height))
            let readStatus = pixels.withUnsafeMutableBufferPointer { buffer in
                fs_jpeg_read_grey(reader, buffer.baseAddress, stride)
            }
            guard readStatus == FS_OK else { return failure(readStatus) }
            let source = ImageSourceDescription(
                format: .jpeg, storedWidth: storedWidth, storedHeight: storedHeight, bitDepth: 8,
                colourType: colourName(Int(header.color_space)), interlaced: header.progressive != 0,
                orientation: exif?.orientation ?? .up, reduction: reduction)
            return .success(ScanDecoder.finish(pixels: pixels, width: Int(width), height: Int(height), stride: stride,
                                               density: density?.reduced(by: reduction), source: source))
        }
        return try result.get()
    }

    /// The largest DCT reduction (1, 2, 4 or 8) whose pixel is still no coarser than asked.
    static func reductionFactor(density: ScanDensity?, options: DecodingOptions) -> Int {
        guard let coarsest = options.coarsestPixelMM, let density else { return 1 }
        let pixel = max(density.millimetresPerPixelX, density.millimetresPerPixelY)
        var factor = 1
        while factor < 8 && pixel * Double(factor * 2) <= coarsest + 1e-9 { factor *= 2 }
        return factor
    }

    static func colourName(_ space: Int) -> String {
        switch space {
        case 1: return "grey"
        case 2: return "rgb"
        case 3: return "ycbcr"
        case 4: return "cmyk"
        case 5: return "ycck"
        default: return "unknown"
        }
    }
}
