@testable import FootScanEngine
import FootScanImage
import FuzzSupport

/// Fuzz target 3: the colour sample and the channel choice. The bytes describe a small colour image
/// (a grid of cells of one colour each, cell colours from the bytes), which is encoded as an RGB PNG
/// or a YCbCr JPEG and decoded for measuring: sampled, its channel chosen (luma, the skin's hue, a
/// separating projection or a pressure scale) and decoded again through it. A file the encoder wrote
/// must decode, at its own size; the choices are also made on a sample built from the cells directly.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count: count)
    let mode = input.byte()
    let columns = 1 + Int(input.byte() % 64)
    let rows = 1 + Int(input.byte() % 64)
    let cell = 1 + Int(input.byte() % 6)
    let dpi = 25 + Int(input.byte())
    let quality = 30 + Int(input.byte() % 71)
    let colours = Array(input.rest)
    let width = columns * cell, height = rows * cell

    var cellColours = [SIMD3<UInt8>]()
    cellColours.reserveCapacity(columns * rows)
    for index in 0..<(columns * rows) {
        guard !colours.isEmpty else { cellColours.append(.zero); continue }
        let at = (3 * index) % colours.count
        cellColours.append(SIMD3(colours[at], colours[(at + 1) % colours.count], colours[(at + 2) % colours.count]))
    }
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
        for x in 0..<width {
            let colour = cellColours[(y / cell) * columns + x / cell]
            let at = 3 * (y * width + x)
            pixels[at] = colour.x
            pixels[at + 1] = colour.y
            pixels[at + 2] = colour.z
        }
    }

    let sample = ColourSample(columns: columns, rows: rows, blockPixels: cell,
                              means: cellColours.map { SIMD3<Float>(Float($0.x), Float($0.y), Float($0.z)) })
    let luma = ScanImage(width: columns, height: rows,
                         packedPixels: cellColours.map(luma),
                         density: ScanDensity(dotsPerInch: Double(dpi) / Double(cell), source: .option),
                         source: ImageSourceDescription(format: .png, storedWidth: columns, storedHeight: rows, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    bound.check(pixels: width * height, what: "choosing the channel of \(width) x \(height)") {
        _ = PressureScale.detect(sample)
        _ = SkinHue.choose(sample)
        _ = ColourSeparation.choose(sample)
        if let (projection, edges) = MeasurementEngine.channel(for: luma, sample: sample), let edges {
            require(edges.left >= 0 && edges.top >= 0 && edges.right >= 0 && edges.bottom >= 0,
                    "hidden edges \(edges) for \(projection)")
        }

        let file: [UInt8]
        do {
            if mode & 1 == 0 {
                file = try PNGEncoder.encode(pixels: pixels, width: width, height: height, channels: 3,
                                             dotsPerInch: Double(dpi), preferSpeed: true)
            } else {
                var options = JPEGEncoder.Options()
                options.quality = quality
                options.dotsPerInch = Double(dpi)
                options.chromaSubsampling = mode & 2 == 0 ? (2, 2) : (1, 1)
                file = try JPEGEncoder.encode(pixels: pixels, width: width, height: height, channels: 3, options: options)
            }
        } catch {
            fatalError("encoding a \(width) x \(height) test image failed: \(error)")
        }
        let image: ScanImage
        do {
            image = try MeasurementEngine.decodeForMeasuring(file, file: "fuzz")
        } catch {
            fatalError("a \(width) x \(height) file FootScan wrote did not decode for measuring: \(error)")
        }
        require(image.width == width && image.height == height,
                "a \(width) x \(height) file decoded as \(image.width) x \(image.height)")
    }
    return 0
}

private let bound = WorkBound(slowdown: 10)

/// Rec. 601 luma of an RGB colour.
private func luma(_ colour: SIMD3<UInt8>) -> UInt8 {
    let weighted: Int = 299 * Int(colour.x) + 587 * Int(colour.y) + 114 * Int(colour.z)
    return UInt8(weighted / 1000)
}
