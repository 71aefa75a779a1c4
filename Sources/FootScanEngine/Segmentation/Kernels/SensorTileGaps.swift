import FootScanImage

/// A pressure map whose software draws each sensor as a square tile, with a thin gap of the
/// background's colour around it (or grey grid lines between the sensors, off every colour scale):
/// read as it stands, every gap is zero pressure, the print falls apart into its sensors, and the
/// engine traced fragments (on 30 generated tiled maps, lengths 40 mm out at the median, most with
/// exit 0). The gaps are closed along rows, then along columns (a grey-level closing: the highest level
/// within `radius` pixels, then the lowest of those), which fills every dip at most ``widestGapMM``
/// wide between two pressed pixels and leaves each step between print and background where it was; the
/// tiles become the map of blocks a plate without gaps draws.
///
/// Each tile is smaller than its sensor by the gap, so the print's outline lies half a gap inside the
/// sensors' on every side (on generated tiled maps, lengths 0.25 mm and heel widths 0.36 mm short at
/// the median): a ring around the print holding half a gap's pressure puts it back.
///
/// Only where the map shows such gaps: dips that narrow in at least half ``leastGapShare`` of the
/// pressed pixels of every fourth row, and at least ``leastGapShare`` of the closed print's pixels
/// risen, each to at least twice its level (a map drawn without gaps has no dips that narrow, and is
/// measured as it stands, to the bit).
enum SensorTileGaps {
    /// The widest gap between tiles closed, mm: plates' software draws a line of a screen pixel or two,
    /// and the sensors lie 2.5 mm apart at the finest, so a gap between two pressed regions a sensor
    /// wide stays open.
    static let widestGapMM = 0.6

    /// The least share of the closed print's pixels that must have risen for the map to be taken for
    /// tiles: a gap at each sensor's side is a tenth of its pixels and more (0.25 mm of a 5 mm pitch,
    /// along rows and along columns).
    static let leastGapShare = 0.03

    /// The map with its tiles' gaps closed, and the sensors' pitch the gaps show (pixels, nil when none
    /// stands out); nil when the map shows no such gaps (``SensorTileGaps``). `pixelMM` is the pixel's
    /// larger side, mm. A map without gaps costs one look at every fourth row.
    static func closed(_ image: ScanImage, pixelMM: Double) -> (map: ScanImage, pitchPixels: Double?)? {
        let width = image.width, height = image.height
        let radius = max(1, Int((widestGapMM / pixelMM / 2).rounded(.up)))
        guard width > 2 * radius, height > 2 * radius, let gaps = gaps(image, radius: radius) else { return nil }
        let stride = ScanImage.alignedStride(forWidth: width)
        var rows = [UInt8](repeating: 0, count: stride * height)
        var closed = [UInt8](repeating: 0, count: stride * height)
        var line = [UInt8](repeating: 0, count: max(width, 1))
        var risen = 0, pressed = 0
        image.pixels.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { rows in
                closed.withUnsafeMutableBufferPointer { closed in
                    line.withUnsafeMutableBufferPointer { line in
                        // Along each row: the highest level within the radius (into `line`), then the
                        // lowest of those. Each offset in turn over the whole row, so the loops run along
                        // memory and vectorise.
                        for y in 0..<height {
                            let from = y * image.stride, to = y * stride
                            for x in 0..<width { line[x] = source[from + x] }
                            for d in 1...radius {
                                for x in 0..<(width - d) { line[x] = max(line[x], source[from + x + d]) }
                                for x in d..<width { line[x] = max(line[x], source[from + x - d]) }
                            }
                            for x in 0..<width { rows[to + x] = line[x] }
                            for d in 1...radius {
                                for x in 0..<(width - d) { rows[to + x] = min(rows[to + x], line[x + d]) }
                                for x in d..<width { rows[to + x] = min(rows[to + x], line[x - d]) }
                            }
                        }
                        // Along each column, a row at a time: the highest within the radius into
                        // `closed`, then the lowest of those, written back over the row pass's levels
                        // once every row that reads them is done.
                        for y in 0..<height {
                            let to = y * stride
                            for x in 0..<width { closed[to + x] = rows[to + x] }
                            for k in max(0, y - radius)...min(height - 1, y + radius) where k != y {
                                let other = k * stride
                                for x in 0..<width { closed[to + x] = max(closed[to + x], rows[other + x]) }
                            }
                        }
                        for y in 0..<height {
                            let to = y * stride, from = y * image.stride
                            for x in 0..<width { line[x] = closed[to + x] }
                            for k in max(0, y - radius)...min(height - 1, y + radius) where k != y {
                                let other = k * stride
                                for x in 0..<width { line[x] = min(line[x], closed[other + x]) }
                            }
                            // Row y's result waits in `rows` (its row pass is no longer read).
                            for x in 0..<width {
                                let value = line[x], before = source[from + x]
                                rows[to + x] = value
                                guard value > 0 else { continue }
                                pressed += 1
                                if Int(value) >= 2 * Int(before) + 1 { risen += 1 }
                            }
                        }
                    }
                }
            }
        }
        guard pressed > 0, Double(risen) >= leastGapShare * Double(pressed) else { return nil }
        // The print's own edge: each tile is drawn smaller than its sensor by the gap, so the print's
        // outline lies inside the sensors' by half a gap a side. A ring of the gap's width in whole
        // pixels around it, at the share of the level beside it (along its row or column) that holds
        // half a gap's pressure, puts that back: the half-way level and the area across the edge both
        // move out by about half a gap.
        let ring = max(1, Int(gaps.width.rounded(.up)))
        // The ring's share of the level beside it: half a gap's pressure over the ring's whole pixels.
        let share = min(max(gaps.width / Double(2 * ring), 0), 0.5)
        rows.withUnsafeMutableBufferPointer { result in
            closed.withUnsafeMutableBufferPointer { beside in
                for y in 0..<height {
                    let to = y * stride
                    for x in 0..<width { beside[to + x] = 0 }
                    for d in 1...ring {
                        for x in 0..<max(0, width - d) { beside[to + x] = max(beside[to + x], result[to + x + d]) }
                        for x in min(d, width)..<width { beside[to + x] = max(beside[to + x], result[to + x - d]) }
                    }
                    for k in max(0, y - ring)...min(height - 1, y + ring) where k != y {
                        let other = k * stride
                        for x in 0..<width { beside[to + x] = max(beside[to + x], result[other + x]) }
                    }
                }
                for index in 0..<(stride * height) where result[index] == 0 && beside[index] > 0 {
                    result[index] = UInt8(max(1, (Double(beside[index]) * share).rounded()))
                }
            }
        }
        var result = ScanImage(width: width, height: height, stride: stride, pixels: rows, density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return (result, gaps.pitch > 0 ? gaps.pitch : nil)
    }

    /// What every fourth row shows of gaps between tiles: nil when dips as narrow as a gap (a pixel
    /// under half the highest level within `radius` pixels on its left and under half that on its
    /// right) are fewer than half ``leastGapShare`` of its pressed pixels; else the commonest distance
    /// between neighbouring dips' centres along a row (the sensors' pitch, pixels, by
    /// ``PressureMapSegmenter/commonestDistance(in:from:)``; 0 when none stands out) and the dips'
    /// mean width, pixels.
    static func gaps(_ image: ScanImage, radius: Int) -> (pitch: Double, width: Double)? {
        var dips = 0, pressed = 0, runs = 0, runPixels = 0
        var distances = [Int](repeating: 0, count: max(image.width, 3))
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in Swift.stride(from: 0, to: image.height, by: 4) {
                let row = y * image.stride
                var runStart: Int?, lastCentre: Int?
                for x in radius..<(image.width - radius) {
                    let level = Int(pixels[row + x])
                    if level > 0 { pressed += 1 }
                    var left = 0, right = 0
                    for d in 1...radius {
                        left = max(left, Int(pixels[row + x - d]))
                        right = max(right, Int(pixels[row + x + d]))
                    }
                    let dip = 2 * level < left && 2 * level < right
                    if dip {
                        dips += 1
                        if runStart == nil { runStart = x }
                    } else if let start = runStart {
                        // Twice the centre, so that a run of even length keeps its half pixel.
                        let centre = start + x - 1
                        runs += 1
                        runPixels += x - start
                        if let lastCentre { distances[min((centre - lastCentre) / 2, distances.count - 1)] += 1 }
                        lastCentre = centre
                        runStart = nil
                    }
                    // Zero pressure with nothing pressed near: the print has ended; its next stretch starts afresh.
                    if level == 0 && !dip { lastCentre = nil }
                }
            }
        }
        guard pressed > 0, runs > 0, Double(dips) >= leastGapShare / 2 * Double(pressed) else { return nil }
        return (PressureMapSegmenter.commonestDistance(in: distances, from: 4) ?? 0, Double(runPixels) / Double(runs))
    }
}
