import CFootScanCodecs

/// PNG through libpng (via the C shim): every bit depth and colour type, Adam7, pHYs and eXIf.
enum PNGDecoder {
    static func decode(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ScanImage {
        try withReader(bytes, options: options) { reader, header, failure in
            let width = Int(header.width), height = Int(header.height)
            let stride = ScanImage.alignedStride(forWidth: width)
            var pixels = [UInt8](repeating: 0, count: stride * height)
            let projection = isColour(header) && header.interlaced == 0 ? options.projection : nil
            let readStatus = pixels.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let grey = buffer.baseAddress else { return Int32(FS_ERR_USAGE) }
                guard let projection else { return fs_png_read_grey(reader, grey, stride) }
                let table = projection.table
                return readRGBRows(reader, width: width, height: height) { row, y in
                    table.project(rgb: row, count: width, into: grey + y * stride)
                }
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
                interlaced: header.interlaced != 0, orientation: exif?.orientation ?? .up, projection: projection)
            return .success(ScanDecoder.finish(pixels: pixels, width: width, height: height, stride: stride,
                                               density: density, source: source))
        }
    }

    /// The block means of a colour image's RGB; nil for a grey image or an Adam7 one (not read row by row).
    static func colourSample(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ColourSample? {
        try withReader(bytes, options: options) { reader, header, failure in
            let width = Int(header.width), height = Int(header.height)
            guard isColour(header), header.interlaced == 0 else { return .success(nil) }
            var builder = ColourSampleBuilder(width: width, height: height,
                                              side: ColourSample.blockSide(width: width, height: height, minimum: 8), scale: 1)
            let status = readRGBRows(reader, width: width, height: height) { row, _ in builder.add(row: row) }
            guard status == FS_OK else { return failure(status) }
            return .success(builder.sample)
        }
    }

    /// Opens a reader over `bytes`, reads the header and refuses a size over the limit, then runs `body`
    /// with the reader, the header and a maker of errors from shim statuses.
    static func withReader<T>(_ bytes: [UInt8], options: DecodingOptions,
                              _ body: (OpaquePointer, fs_png_header, (Int32) -> Result<T, ScanImageError>) -> Result<T, ScanImageError>)
        throws(ScanImageError) -> T
    {
        let result: Result<T, ScanImageError> = bytes.withUnsafeBufferPointer { data in
            guard let base = data.baseAddress, let reader = fs_png_reader_create(base, data.count) else {
                return .failure(ScanImageError(reason: .unreadable("out of memory")))
            }
            defer { fs_png_reader_destroy(reader) }
            func failure(_ status: Int32) -> Result<T, ScanImageError> {
                .failure(ScanImageError(reason: ScanDecoder.reason(status: status, message: String(cString: fs_png_reader_message(reader)))))
            }
            var header = fs_png_header()
            let headerStatus = fs_png_read_header(reader, &header)
            guard headerStatus == FS_OK else { return failure(headerStatus) }
            if let error = ScanDecoder.sizeError(width: Int(header.width), height: Int(header.height), options: options) {
                return .failure(error)
            }
            return body(reader, header, failure)
        }
        return try result.get()
    }

    /// Reads the image as RGB rows, handing each to `body` with its row index.
    static func readRGBRows(_ reader: OpaquePointer, width: Int, height: Int,
                            _ body: (UnsafePointer<UInt8>, Int) -> Void) -> Int32 {
        let prepared = fs_png_prepare_rgb(reader)
        guard prepared == FS_OK else { return prepared }
        return ScanDecoder.readRGBRows(width: width, height: height, read: { fs_png_read_rows(reader, $0, $1, $2, &$3) }, body)
    }

    /// Colour types 2 (RGB), 3 (palette) and 6 (RGBA).
    static func isColour(_ header: fs_png_header) -> Bool { header.color_type & 2 != 0 }

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
