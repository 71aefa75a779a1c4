import FootScanImage
import Testing

@Suite("EXIF orientation")
struct OrientationTests {
    // Stored 3 x 2:   a b c
    //                 d e f
    static let stored: [UInt8] = [10, 20, 30, 40, 50, 60]
    static let shown: [ExifOrientation: (width: Int, rows: [[UInt8]])] = [
        .up: (3, [[10, 20, 30], [40, 50, 60]]),
        .upMirrored: (3, [[30, 20, 10], [60, 50, 40]]),
        .down: (3, [[60, 50, 40], [30, 20, 10]]),
        .downMirrored: (3, [[40, 50, 60], [10, 20, 30]]),
        .leftMirrored: (2, [[10, 40], [20, 50], [30, 60]]),
        .right: (2, [[40, 10], [50, 20], [60, 30]]),
        .rightMirrored: (2, [[60, 30], [50, 20], [40, 10]]),
        .left: (2, [[30, 60], [20, 50], [10, 40]]),
    ]

    @Test("PNG eXIf orientation 1 to 8 gives the shown pixels", arguments: ExifOrientation.allCases)
    func png(orientation: ExifOrientation) throws {
        var options = PNGEncoder.Options()
        options.exif = ExifMetadata(orientation: orientation)
        let file = try PNGEncoder.encode(rows: Self.stored, width: 3, height: 2, options: options)
        let image = try ScanDecoder.decode(file)
        let expected = try #require(Self.shown[orientation])
        #expect(image.width == expected.width && image.height == expected.rows.count)
        let rows = (0..<image.height).map { y in (0..<image.width).map { image[$0, y] } }
        #expect(rows == expected.rows)
        #expect(image.source.orientation == orientation)
    }

    @Test("JPEG EXIF orientation turns the picture and swaps a non-square density", arguments: ExifOrientation.allCases)
    func jpeg(orientation: ExifOrientation) throws {
        // 3 x 2 blocks of 16 px, each a flat grey: JPEG keeps flat blocks nearly exact.
        let block = 16
        var pixels = [UInt8](repeating: 0, count: 48 * 32)
        for y in 0..<32 { for x in 0..<48 { pixels[y * 48 + x] = Self.stored[(y / block) * 3 + x / block] } }
        var options = JPEGEncoder.Options()
        options.quality = 95
        options.omitJFIF = true
        options.exif = ExifMetadata(orientation: orientation, xResolution: 300, yResolution: 150, resolutionUnit: 2)
        let file = try JPEGEncoder.encode(pixels: pixels, width: 48, height: 32, channels: 1, options: options)
        let image = try ScanDecoder.decode(file)
        let expected = try #require(Self.shown[orientation])
        #expect(image.width == expected.width * block && image.height == expected.rows.count * block)
        for (by, row) in expected.rows.enumerated() {
            for (bx, value) in row.enumerated() {
                let sample = image[bx * block + block / 2, by * block + block / 2]
                #expect(abs(Int(sample) - Int(value)) <= 2)
            }
        }
        let density = try #require(image.density)
        #expect(density.source == .exif)
        #expect(density.dotsPerInchX == (orientation.swapsAxes ? 150 : 300))
    }
}
