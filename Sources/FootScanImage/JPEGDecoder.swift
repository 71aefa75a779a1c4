import CFootScanCodecs

/// JPEG through libjpeg-turbo (via the C shim): baseline and progressive, grey, YCbCr and RGB; JFIF and
/// EXIF density; reduced decoding by DCT scaling with greyscale output.
enum JPEGDecoder {
    static func decode(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ScanImage {
        try withReader(bytes, options: options) { reader, header, failure in
            let storedWidth = Int(header.width), storedHeight = Int(header.height)
            var exifLength = 0
            let exif: ExifMetadata? = fs_jpeg_exif(reader, &exifLength).map {
                ExifMetadata(tiff: Array(UnsafeBufferPointer(start: $0, count: exifLength)))
            }
            let density = fileDensity(header: header, exif: exif)

            let reduction = reductionFactor(density: density, options: options)
            let projection = isColour(header) ? options.projection : nil
            var width: UInt32 = 0, height: UInt32 = 0
            let prepareStatus = projection == nil ? fs_jpeg_prepare_grey(reader, Int32(reduction), &width, &height)
                : fs_jpeg_prepare_rgb(reader, Int32(reduction), &width, &height)
            guard prepareStatus == FS_OK else { return failure(prepareStatus) }
            let stride = ScanImage.alignedStride(forWidth: Int(width))
            var pixels = [UInt8](repeating: 0, count: stride * Int(height))
            let readStatus = pixels.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let grey = buffer.baseAddress else { return Int32(FS_ERR_USAGE) }
                guard let projection else { return fs_jpeg_read_grey(reader, grey, stride) }
                let table = projection.table
                return readRGBRows(reader, width: Int(width), height: Int(height)) { row, y in
                    table.project(rgb: row, count: Int(width), into: grey + y * stride)
                }
            }
            guard readStatus == FS_OK else { return failure(readStatus) }
            let source = ImageSourceDescription(
                format: .jpeg, storedWidth: storedWidth, storedHeight: storedHeight, bitDepth: 8,
                colourType: colourName(Int(header.color_space)), interlaced: header.progressive != 0,
                orientation: exif?.orientation ?? .up, reduction: reduction, projection: projection)
            return .success(ScanDecoder.finish(pixels: pixels, width: Int(width), height: Int(height), stride: stride,
                                               density: density?.reduced(by: reduction), source: source))
        }
    }

    /// The luma and chroma planes of a YCbCr JPEG as stored, in one decode; nil when the file is not
    /// three-component YCbCr or its chroma is subsampled in a way the planes do not cover.
    static func decodePlanes(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> YCbCrPlanes? {
        try withReader(bytes, options: options) { reader, header, failure in
            guard header.components == 3, header.color_space == 3 else { return .success(nil) }
            var exifLength = 0
            let exif: ExifMetadata? = fs_jpeg_exif(reader, &exifLength).map {
                ExifMetadata(tiff: Array(UnsafeBufferPointer(start: $0, count: exifLength)))
            }
            let density = fileDensity(header: header, exif: exif)
            let reduction = reductionFactor(density: density, options: options)
            var layout = fs_jpeg_plane_layout()
            let prepareStatus = fs_jpeg_prepare_planes(reader, Int32(reduction), &layout)
            if prepareStatus == FS_ERR_UNSUPPORTED { return .success(nil) }
            guard prepareStatus == FS_OK else { return failure(prepareStatus) }
            let widths = [Int(layout.width.0), Int(layout.width.1), Int(layout.width.2)]
            let heights = [Int(layout.height.0), Int(layout.height.1), Int(layout.height.2)]
            let paddedWidths = [Int(layout.padded_width.0), Int(layout.padded_width.1), Int(layout.padded_width.2)]
            let paddedHeights = [Int(layout.padded_height.0), Int(layout.padded_height.1), Int(layout.padded_height.2)]
            let yStride = ScanImage.alignedStride(forWidth: max(paddedWidths[0], widths[0]))
            let chromaStride = max(paddedWidths[1], paddedWidths[2], widths[1])
            // The planes are not cleared first (12 MB at 300 dpi, 0.7 ms): libjpeg writes every row of each
            // padded plane as wide as its padded width, and only each row's alignment past that is zeroed.
            let strides = [yStride, chromaStride, chromaStride]
            let counts = (0..<3).map { strides[$0] * paddedHeights[$0] }
            /// Zeroes the columns of `plane`'s rows that libjpeg does not write.
            func zeroAlignment(_ base: UnsafeMutablePointer<UInt8>, plane: Int) {
                let written = paddedWidths[plane], stride = strides[plane]
                guard written < stride else { return }
                for row in 0..<paddedHeights[plane] { (base + row * stride + written).initialize(repeating: 0, count: stride - written) }
            }
            var readStatus = Int32(FS_ERR_USAGE)
            var sampler = PlaneSampler(width: widths[0], height: heights[0], chromaX: Int(layout.chroma_x), chromaY: Int(layout.chroma_y),
                                       yStride: yStride, chromaStride: chromaStride)
            var cb: [UInt8] = [], cr: [UInt8] = []
            let y = [UInt8](unsafeUninitializedCapacity: counts[0]) { y, yCount in
                cb = [UInt8](unsafeUninitializedCapacity: counts[1]) { cb, cbCount in
                    cr = [UInt8](unsafeUninitializedCapacity: counts[2]) { cr, crCount in
                        guard let yBase = y.baseAddress, let cbBase = cb.baseAddress, let crBase = cr.baseAddress else { return }
                        for (plane, base) in [yBase, cbBase, crBase].enumerated() { zeroAlignment(base, plane: plane) }
                        let planes: [UnsafeMutablePointer<UInt8>?] = [yBase, cbBase, crBase]
                        // One iMCU row a call, summed into the sample while it is in the cache.
                        var lumaRows: UInt32 = 0
                        repeat {
                            readStatus = fs_jpeg_read_planes(reader, planes, strides, 1, &lumaRows)
                            guard readStatus == FS_OK else { break }
                            sampler.add(lumaRows: Int(lumaRows), y: yBase, cb: cbBase, cr: crBase)
                        } while Int(lumaRows) < heights[0]
                        crCount = readStatus == FS_OK ? counts[2] : 0
                    }
                    cbCount = readStatus == FS_OK ? counts[1] : 0
                }
                yCount = readStatus == FS_OK ? counts[0] : 0
            }
            guard readStatus == FS_OK else { return failure(readStatus) }
            let source = ImageSourceDescription(
                format: .jpeg, storedWidth: Int(header.width), storedHeight: Int(header.height), bitDepth: 8,
                colourType: colourName(Int(header.color_space)), interlaced: header.progressive != 0,
                orientation: exif?.orientation ?? .up, reduction: reduction)
            return .success(YCbCrPlanes(y: y, cb: cb, cr: cr, yStride: yStride, chromaStride: chromaStride, width: widths[0], height: heights[0],
                                        chromaWidth: widths[1], chromaHeight: heights[1], chromaX: Int(layout.chroma_x), chromaY: Int(layout.chroma_y),
                                        density: density?.reduced(by: reduction), source: source, colourSample: sampler.finish()))
        }
    }

    /// The density a JPEG states: JFIF's when plausible, else EXIF's.
    static func fileDensity(header: fs_jpeg_header, exif: ExifMetadata?) -> ScanDensity? {
        if header.saw_jfif != 0, header.density_unit == 1 || header.density_unit == 2 {
            let perInch = header.density_unit == 1 ? 1.0 : 2.54
            let candidate = ScanDensity(dotsPerInchX: Double(header.x_density) * perInch,
                                        dotsPerInchY: Double(header.y_density) * perInch, source: .jfif)
            if candidate.isPlausible { return candidate }
        }
        return exif?.density
    }

    /// The block means of a colour image's RGB, from a decode at 1/8 (each pixel the mean of an 8 x 8
    /// block); nil for a grey image.
    static func colourSample(_ bytes: [UInt8], options: DecodingOptions) throws(ScanImageError) -> ColourSample? {
        try withReader(bytes, options: options) { reader, header, failure in
            guard isColour(header) else { return .success(nil) }
            var width: UInt32 = 0, height: UInt32 = 0
            let prepareStatus = fs_jpeg_prepare_rgb(reader, 8, &width, &height)
            guard prepareStatus == FS_OK else { return failure(prepareStatus) }
            var builder = ColourSampleBuilder(width: Int(width), height: Int(height),
                                              side: ColourSample.blockSide(width: Int(width), height: Int(height), minimum: 1), scale: 8)
            let status = readRGBRows(reader, width: Int(width), height: Int(height)) { row, _ in builder.add(row: row) }
            guard status == FS_OK else { return failure(status) }
            return .success(builder.sample)
        }
    }

    /// Opens a reader over `bytes`, reads the header and refuses a size over the limit, then runs `body`
    /// with the reader, the header and a maker of errors from shim statuses.
    static func withReader<T>(_ bytes: [UInt8], options: DecodingOptions,
                              _ body: (OpaquePointer, fs_jpeg_header, (Int32) -> Result<T, ScanImageError>) -> Result<T, ScanImageError>)
        throws(ScanImageError) -> T
    {
        let result: Result<T, ScanImageError> = bytes.withUnsafeBufferPointer { data in
            guard let base = data.baseAddress, let reader = fs_jpeg_reader_create(base, data.count) else {
                return .failure(ScanImageError(reason: .unreadable("out of memory")))
            }
            defer { fs_jpeg_reader_destroy(reader) }
            func failure(_ status: Int32) -> Result<T, ScanImageError> {
                .failure(ScanImageError(reason: ScanDecoder.reason(status: status, message: String(cString: fs_jpeg_reader_message(reader)))))
            }
            var header = fs_jpeg_header()
            let headerStatus = fs_jpeg_read_header(reader, &header)
            guard headerStatus == FS_OK else { return failure(headerStatus) }
            if let error = ScanDecoder.sizeError(width: Int(header.width), height: Int(header.height), options: options) {
                return .failure(error)
            }
            return body(reader, header, failure)
        }
        return try result.get()
    }

    /// Reads the prepared RGB output, handing each row to `body` with its row index.
    static func readRGBRows(_ reader: OpaquePointer, width: Int, height: Int,
                            _ body: (UnsafePointer<UInt8>, Int) -> Void) -> Int32 {
        ScanDecoder.readRGBRows(width: width, height: height, read: { fs_jpeg_read_rows(reader, $0, $1, $2, &$3) }, body)
    }

    /// Three components coded as YCbCr or RGB.
    static func isColour(_ header: fs_jpeg_header) -> Bool { header.components == 3 && (header.color_space == 2 || header.color_space == 3) }

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
