import CFootScanCodecs

/// PNG through libpng (via the C shim): every bit depth and colour type, Adam7, pHYs and eXIf.
enum PNGDecoder {
    static func decode(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ScanImage {
        let result: Result<ScanImage, ScanImageError> = bytes.withUnsafeBufferPointer { data in
            guard let base = data.baseAddress, let reader = fs_png_reader_create(base, data.count) else {
                return .failure(ScanImageError(reason: .unreadable("out of memory")))
            }
            defer { fs_png_reader_destroy(reader) }
            func failure(_ status: Int32) -> Result<ScanImage, ScanImageError> {
                .failure(ScanImageError(reason: ScanDecoder.reason(status: status, message: String(cString: fs_png_reader_message(reader)))))
            }
            var header = fs_png_header()
            let headerStatus = fs_png_read_header(reader, &header)
            guard headerStatus == FS_OK else { return failure(headerStatus) }
            let width = Int(header.width), height = Int(header.height)
            if let error = ScanDecoder.sizeError(width: width, height: height, options: options) { return .failure(error) }
            let stride = ScanImage.alignedStride(forWidth: width)
            var pixels = [UInt8](repeating: 0, count: stride * height)
            let readStatus = pixels.withUnsafeMutableBufferPointer { buffer in
                fs_png_read_grey(reader, buffer.baseAddress, stride)
            }
            guard readStatus == FS_OK else { return failure(readStatus) }

            var exifLength = 0
            let exif: ExifMetadata? = fs_png_exif(reader, &exifLength).map {
                ExifMetadata(tiff: Array(UnsafeBufferPointer(start: $0, count: exifLength)))
            }
            var density: ScanDensity?
            if header.has_phys != 0, header.phys_unit == 1 {
                let candidate = ScanDensity(dotsPerInchX: Double(header.phys_x) * 0.0254,
                                            dotsPerInchY: Double(header.phys_y) * 0.0254, source: .pngPhys)
                if candidate.isPlausible { density = candidate }
            }
            if density == nil { density = exif?.density }
            let source = ImageSourceDescription(
                format: .png, storedWidth: width, storedHeight: height, bitDepth: Int(header.bit_depth),
                colourType: colourName(Int(header.color_type), transparency: header.has_trns != 0),
                interlaced: header.interlaced != 0, orientation: exif?.orientation ?? .up)
            return .success(ScanDecoder.finish(pixels: pixels, width: width, height: height, stride: stride,
                                               density: density, source: source))
        }
        return try result.get()
    }

    static func colourName(_ type: Int, transparency: Bool) -> String {
        let name: String
        switch type {
        case 0: name = "grey"
        case 2: name = "rgb"
        case 3: name = "palette"
        case 4: name = "grey+alpha"
        case 6: name = "rgba"
        default: name = "type \(type)"
        }
        return transparency ? name + "+trns" : name
    }
}
