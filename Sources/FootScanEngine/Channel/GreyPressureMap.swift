import FootScanImage

/// A pressure plate's map drawn in grey levels, as some plates' software exports it: the pressure as
/// brightness on black, or as darkness on white. Told from a grey image by what only a drawn map has:
///
/// - a background of one level, black or white, with no noise (a scanner's or camera's bed always
///   has some): nearly every pixel of the image's border within ``backgroundTolerance`` of 0 or 255;
/// - a pressure that is smooth at the pixels' scale (a sensor's square, or the blend between sensors'
///   centres): the median second difference along rows and along columns inside the print at most
///   ``smoothestTexture`` (generated maps 0 to 1, PNG or JPEG; a contact scanner's ridged print 15 and
///   more, a skin's creases and ridges several levels);
/// - pressures of many levels: the print's levels between its 10th and 90th percentiles span at
///   least ``leastSpread`` of its highest (heel and ball pressed hard, arch band and toes lightly;
///   generated maps 0.5 to 0.9), where a solid print on black is one level; and its three commonest
///   levels hold at most ``commonestShare`` of it (generated maps 0.16 to 0.31, the plateau of their
///   highest pressure most of it), where a print drawn in a few flat levels (a graded print's heel,
///   ball and dim arch band, with no noise) is nearly all of them.
///
/// Such a map is measured as a pressure map (``MeasurementEngine/measurePressureMap(_:)``) in its
/// pressure (``pressure(of:)``), as a map in a colour scale is.
struct GreyPressureMap: Equatable {
    /// Whether zero pressure is white (the pressure drawn as darkness).
    var onWhite: Bool

    /// How far from black (or white) a level may lie and still be zero pressure: a JPEG's ringing
    /// beside a faint edge.
    static let backgroundTolerance = 2

    /// How deep the border read is, pixels.
    static let borderPixels = 2

    /// The share of the border's pixels that must be the background's level.
    static let backgroundShare = 0.97

    /// The largest median second difference, levels, of a map's print.
    static let smoothestTexture = 2

    /// The least spread of a map's print levels, as a share of its highest.
    static let leastSpread = 0.25

    /// The largest share of a map's print its three commonest levels hold.
    static let commonestShare = 0.5

    /// The least and largest share of the image a map's print covers.
    static let printShare = 0.01...0.8

    /// The map `image` is, or nil when it is no grey pressure map (``GreyPressureMap``). Reads the
    /// border first (two pixels deep), so a scan with a noisy or grey bed costs a few thousand
    /// pixels; a map's pixels are read once more, about 250,000 of them.
    static func detect(_ image: ScanImage) -> GreyPressureMap? {
        guard image.source.projection == nil, image.width >= 16, image.height >= 16 else { return nil }
        let width = image.width, height = image.height, stride = image.stride
        let frame = Self.borderPixels
        return image.pixels.withUnsafeBufferPointer { pixels -> GreyPressureMap? in
            // The border: black, or white, with no noise.
            var black = 0, white = 0, total = 0
            func count(rows: Range<Int>, columns: Range<Int>) {
                for y in rows {
                    let row = y * stride
                    for x in columns {
                        let level = Int(pixels[row + x])
                        black += level <= backgroundTolerance ? 1 : 0
                        white += level >= 255 - backgroundTolerance ? 1 : 0
                    }
                    total += columns.count
                }
            }
            count(rows: 0..<frame, columns: 0..<width)
            count(rows: height - frame..<height, columns: 0..<width)
            count(rows: frame..<height - frame, columns: 0..<frame)
            count(rows: frame..<height - frame, columns: width - frame..<width)
            let least = Double(total) * backgroundShare
            let onWhite: Bool
            if Double(black) >= least { onWhite = false } else if Double(white) >= least { onWhite = true } else { return nil }

            // The print: its share, its levels' spread, its second differences along rows and columns,
            // on every step-th row and column of about 250,000 pixels.
            let step = max(1, Int((Double(width * height) / 250_000).squareRoot().rounded()))
            var levels = [Int](repeating: 0, count: 256)
            var alongRows = [Int](repeating: 0, count: 511), alongColumns = [Int](repeating: 0, count: 511)
            var read = 0
            func pressure(_ x: Int, _ y: Int) -> Int { Int(Self.pressure(of: pixels[y * stride + x], onWhite: onWhite)) }
            for y in Swift.stride(from: 1, to: height - 1, by: step) {
                for x in Swift.stride(from: 1, to: width - 1, by: step) {
                    read += 1
                    let centre = pressure(x, y)
                    guard centre > 0 else { continue }
                    levels[centre] += 1
                    let left = pressure(x - 1, y), right = pressure(x + 1, y)
                    if left > 0 && right > 0 { alongRows[min(abs(left - 2 * centre + right), 510)] += 1 }
                    let up = pressure(x, y - 1), down = pressure(x, y + 1)
                    if up > 0 && down > 0 { alongColumns[min(abs(up - 2 * centre + down), 510)] += 1 }
                }
            }
            let printed = levels.reduce(0, +)
            guard read > 0, printShare.contains(Double(printed) / Double(read)) else { return nil }
            func percentile(_ histogram: [Int], _ share: Double) -> Int? {
                let total = histogram.reduce(0, +)
                guard total > 0 else { return nil }
                let rank = Int(Double(total - 1) * share)
                var seen = 0
                for (value, count) in histogram.enumerated() {
                    seen += count
                    if seen > rank { return value }
                }
                return nil
            }
            guard let rows = percentile(alongRows, 0.5), rows <= smoothestTexture,
                  let columns = percentile(alongColumns, 0.5), columns <= smoothestTexture,
                  let low = percentile(levels, 0.1), let high = percentile(levels, 0.9), let top = percentile(levels, 0.99),
                  Double(high - low) >= leastSpread * Double(top) else { return nil }
            let commonest = levels.sorted(by: >).prefix(3).reduce(0, +)
            guard Double(commonest) <= commonestShare * Double(printed) else { return nil }
            return GreyPressureMap(onWhite: onWhite)
        }
    }

    /// The map's pressure: each pixel's level (its darkness on white), zero within
    /// ``backgroundTolerance`` of the background, as a map in a colour scale is read back
    /// (`PressureScale` (FootScanImage)). Written in one pass into rows of the image's own stride.
    func pressure(of image: ScanImage) -> ScanImage {
        let width = image.width, height = image.height, stride = image.stride, onWhite = onWhite
        let pressure = [UInt8](unsafeUninitializedCapacity: stride * height) { out, initialised in
            image.pixels.withUnsafeBufferPointer { pixels in
                for y in 0..<height {
                    let row = y * stride
                    for x in 0..<width { out[row + x] = Self.pressure(of: pixels[row + x], onWhite: onWhite) }
                    // The rows' padding, which wide loads may read, is zero pressure.
                    for x in width..<stride { out[row + x] = 0 }
                }
            }
            initialised = stride * height
        }
        return ScanImage(width: width, height: height, stride: stride, pixels: pressure, density: image.density, source: image.source)
    }

    /// The pressure a pixel's `level` stands for: the level, or its darkness on white; zero within
    /// ``backgroundTolerance`` of the background.
    @inline(__always)
    static func pressure(of level: UInt8, onWhite: Bool) -> UInt8 {
        let value = onWhite ? 255 - level : level
        return Int(value) > backgroundTolerance ? value : 0
    }
}
