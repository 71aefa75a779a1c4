import FootScanEngine
import FootScanImage
import FuzzSupport

/// Fuzz target 2: the decoding layer, from a file's bytes to a ``ScanImage``: format sniffing, the
/// shim, density (pHYs, JFIF, EXIF), EXIF orientation, the colour sample, the YCbCr planes and the
/// decoding for measuring (channel choice and projection, DCT reduction). Every input is a file; any
/// outcome but an image that keeps its promises or a ``ScanImageError`` is a finding.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = FuzzInput(data, count: count).bytes
    let limits = DecodingOptions(maximumPixelCount: 1 << 22)
    // The whole decoding is timed. A file that does not decode is allowed the pixel limit's time (it may
    // fail after its last row); one that does, the time for its own pixels.
    bound.check(what: "decoding \(bytes.count) bytes") {
        var pixels = limits.maximumPixelCount
        if let decoded = try? ScanDecoder.decode(bytes, file: "fuzz", options: limits) {
            check(decoded)
            pixels = decoded.width * decoded.height
        }
        if let sample = try? ScanDecoder.colourSample(bytes, file: "fuzz", options: limits) {
            require(sample.columns >= 0 && sample.rows >= 0 && sample.means.count == sample.columns * sample.rows,
                    "a colour sample of \(sample.columns) x \(sample.rows) blocks holds \(sample.means.count) means")
            for mean in sample.means {
                require(all(mean .>= 0) && all(mean .<= 255), "a block mean \(mean) outside 0...255")
            }
        }
        if let planes = try? ScanDecoder.decodePlanes(bytes, file: "fuzz", options: limits) {
            check(planes.luma)
            _ = planes.sample()
        }
        var reducing = limits
        reducing.coarsestPixelMM = 0.5
        if let image = try? MeasurementEngine.decodeForMeasuring(bytes, file: "fuzz", options: reducing) {
            check(image)
        }
        return pixels
    }
    return 0
}

private let bound = WorkBound(slowdown: 10)

/// The promises a decoded image keeps whatever the file held.
private func check(_ image: ScanImage) {
    require(image.width > 0 && image.height > 0, "an image of \(image.width) x \(image.height)")
    require(image.width * image.height <= 1 << 22, "an image of \(image.width) x \(image.height) past the pixel limit")
    require(image.stride >= image.width && image.pixels.count >= image.stride * (image.height - 1) + image.width,
            "\(image.pixels.count) bytes for \(image.height) rows of stride \(image.stride)")
    if let density = image.density {
        require(density.dotsPerInchX.isFinite && density.dotsPerInchX > 0 && density.dotsPerInchY.isFinite && density.dotsPerInchY > 0,
                "a density of \(density.dotsPerInchX) x \(density.dotsPerInchY) dpi")
    }
    if let edges = image.hiddenEdges {
        require(edges.left >= 0 && edges.top >= 0 && edges.right >= 0 && edges.bottom >= 0
                && edges.left + edges.right <= image.width && edges.top + edges.bottom <= image.height,
                "hidden edges \(edges) on \(image.width) x \(image.height)")
    }
}
