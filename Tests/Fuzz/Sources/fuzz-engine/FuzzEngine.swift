import FootScanEngine
import FootScanImage
import FuzzSupport

/// Fuzz target 4: the engine on small decoded images of any content. The first bytes give the size
/// (1 to 512 pixels a side), the density (10 to 775 dpi), the view and how the rest of the bytes
/// become pixels: as grey levels, as bits (black and white: islands, checkerboards), as whole rows
/// (stripes) or as 8 x 8 blocks; the data repeats to fill the image. The engine must answer with
/// feet whose numbers are finite and fit in the image, or with a ``MeasurementError``, within the
/// time bound.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count: count)
    let width = input.number(in: 1...512)
    let height = input.number(in: 1...512)
    let dpi = 10 + 3 * Double(input.byte())
    let mode = input.byte()
    let content = Array(input.rest)
    let pixels = paint(width: width, height: height, mode: mode, content: content)
    let image = ScanImage(width: width, height: height, packedPixels: pixels,
                          density: ScanDensity(dotsPerInch: dpi, source: .option),
                          source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height,
                                                         bitDepth: 8, colourType: "grey", interlaced: false))
    var options = MeasurementOptions()
    if mode & 0x80 != 0 { options.view = .dorsal }
    let result = bound.check(pixels: width * height, what: "measuring \(width) x \(height) at \(dpi) dpi, mode \(mode)") {
        Result { () throws(MeasurementError) -> ScanMeasurement in try MeasurementEngine(options: options).measure(image) }
    }
    switch result {
    case .success(let scan):
        check(scan, image: image, pixelMM: 25.4 / dpi)
    case .failure(let error):
        require(!error.description.isEmpty, "an empty error")
    }
    return 0
}

private let bound = WorkBound(slowdown: 10)

/// The image the bytes describe.
private func paint(width: Int, height: Int, mode: UInt8, content: [UInt8]) -> [UInt8] {
    var pixels = [UInt8](repeating: 0, count: width * height)
    guard !content.isEmpty else { return pixels }
    switch mode & 3 {
    case 0: // grey levels
        for index in pixels.indices { pixels[index] = content[index % content.count] }
    case 1: // bits: black and white
        for index in pixels.indices {
            let byte = content[(index / 8) % content.count]
            pixels[index] = (byte >> UInt8(index % 8)) & 1 == 0 ? 0 : 255
        }
    case 2: // rows
        for y in 0..<height {
            let level = content[y % content.count]
            for x in 0..<width { pixels[y * width + x] = level }
        }
    default: // 8 x 8 blocks
        let across = (width + 7) / 8
        for y in 0..<height {
            for x in 0..<width { pixels[y * width + x] = content[((y / 8) * across + x / 8) % content.count] }
        }
    }
    return pixels
}

/// The promises a measurement keeps whatever the image held.
private func check(_ scan: ScanMeasurement, image: ScanImage, pixelMM: Double) {
    require(!scan.feet.isEmpty, "a measurement without feet")
    let diagonalMM = pixelMM * Double(max(image.width, image.height)) * 2.0.squareRoot()
    for foot in scan.feet {
        let numbers = [foot.lengthMM, foot.widthMM, foot.ballWidthMM, foot.heelWidthMM, foot.heelToBallMM,
                       foot.ballAngleDeg, foot.halluxAngleDeg, foot.toe5AngleDeg, foot.ballGirthMM, foot.sideConfidence]
            + foot.toeTipsMM + [foot.archIndex, foot.chippauxSmirakIndex, foot.staheliIndex, foot.toe1MinusToe2MM].compactMap { $0 }
        require(numbers.allSatisfy(\.isFinite), "a foot with a number that is not finite: \(numbers)")
        require(foot.lengthMM > 0 && foot.lengthMM <= diagonalMM + 1,
                "a foot \(foot.lengthMM) mm long on an image \(diagonalMM) mm across")
        require(foot.widthMM > 0 && foot.widthMM <= diagonalMM + 1,
                "a foot \(foot.widthMM) mm wide on an image \(diagonalMM) mm across")
        if let archIndex = foot.archIndex { require((0...1).contains(archIndex), "an arch index of \(archIndex)") }
        for point in foot.geometry.contour {
            require(point.x.isFinite && point.y.isFinite && point.x >= -1 && point.y >= -1
                    && point.x <= Double(image.width) && point.y <= Double(image.height),
                    "an outline point \(point) outside the \(image.width) x \(image.height) image")
        }
    }
}
