#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootScanImage

/// Cloth around the heels of a podoscope image: trouser legs hang around the ankles and show beside the
/// heel as dim as the foot that does not touch the glass, with no edge between them (`real-looks.md`:
/// trousers 23, the dim foot 22 to 27). Left alone, the cloth lengthens the whole foot's outline behind
/// the heel and widens its heel, and may join the two feet into one outline.
///
/// The contact print inside each outline bounds where the foot can be. Across the ball, where no
/// cloth hangs, the dim foot reaches a margin beyond the contact (the sole curving up off the glass).
/// The heel reaches no further beyond its own contact than that; the midfoot no further beyond the
/// print's convex hull (the arch may leave no contact, but stays within the hull). Dim pixels in the
/// rear of a foot further out are cloth; when more than ``clothAreaMM2`` of them lie within
/// ``clothNearMM`` of the bounds, in stretches of a row ``clothRunMM`` long or more (the bed's noise
/// comes in specks, the levelled bed's corners stand apart), every one of
/// them is taken back to the bed's level. Where cloth covers the heel's outline, the outline then
/// follows the heel's contact at the margin: the heel's own edge is not to be seen there.
struct HeelCloth {
    /// One print's bounds, in pixels: its hull's support (the furthest reach of the contact along each
    /// of ``directions``), the margin, its frame (pternion, axis), how far along the axis the heel and
    /// the rear reach, and the distances from the contact over a box around the rear (where cloth is
    /// sought).
    struct Bounds {
        var support: [Double]
        var margin: Double
        var pternion: SIMD2<Double>
        var axis: SIMD2<Double>
        var heelLength: Double
        var rearLength: Double
        var heelBox: (x: Int, y: Int, width: Int, height: Int)
        var heelDistances: [Float]

        /// How far `point` lies along the axis from the pternion.
        func along(_ point: SIMD2<Double>) -> Double { ((point - pternion) * axis).sum() }

        /// How far `point` lies beyond the foot's bounds: from the heel's contact in the heel, from the
        /// print's hull elsewhere.
        func outside(_ point: SIMD2<Double>) -> Double {
            guard along(point) < heelLength else { return HeelCloth.excess(point, support: support) }
            let x = Int(point.x.rounded()) - heelBox.x, y = Int(point.y.rounded()) - heelBox.y
            guard x >= 0, y >= 0, x < heelBox.width, y < heelBox.height else { return .infinity }
            return Double(heelDistances[y * heelBox.width + x].squareRoot())
        }
    }

    /// The normals the hull is bounded along: 64 directions leave the bounding polygon under a
    /// twentieth of a millimetre from the hull's round offset on a heel's curve.
    static let directions: [SIMD2<Double>] = (0..<64).map { k in
        let t = Double(k) / 64 * 2 * Double.pi
        return SIMD2(cos(t), sin(t))
    }

    /// The dim area beyond the bounds that counts as cloth, mm².
    static let clothAreaMM2 = 40.0
    /// How far beyond the slack cloth is counted, mm: cloth over the heel's outline lies against the
    /// foot; a bright patch of bed in an image's corner (left by the levelling) does not.
    static let clothNearMM = 10.0
    /// The shortest stretch of a row that counts towards the cloth, mm.
    static let clothRunMM = 3.0
    /// The slack beyond the margin before a dim pixel counts towards the cloth, mm.
    static let slackMM = 2.0
    /// The shares of a print's length, from the pternion, held to the heel's contact, and that cloth
    /// may hang beside.
    static let heelShare = 0.25
    static let rearShare = 0.55
    /// How far beyond the contact the margin is sought, mm; how far around the heel cloth is sought.
    static let longestMarginMM = 15.0
    static let clothReachMM = 90.0

    let bounds: [Bounds]
    let segmenter: OutlineSegmenter

    /// What the bounds need of a contact print, in the image's pixels: its outline, its pternion and
    /// axis (heel to toe), the ends of its ball line, and its length.
    struct Print {
        var contour: [SIMD2<Double>]
        var pternion: SIMD2<Double>
        var axis: SIMD2<Double>
        var ballLine: (SIMD2<Double>, SIMD2<Double>)
        var length: Double

        /// A measured print's (`pixelMM` mm a pixel).
        init(_ measured: FootMeasurement, pixelMM: Double) {
            let geometry = measured.geometry
            self.init(contour: geometry.contours.flatMap { $0 }, pternion: geometry.pternion, axis: geometry.axisDirection,
                      ballLine: geometry.ballLine, length: measured.lengthMM / pixelMM)
        }

        init(contour: [SIMD2<Double>], pternion: SIMD2<Double>, axis: SIMD2<Double>, ballLine: (SIMD2<Double>, SIMD2<Double>), length: Double) {
            self.contour = contour
            self.pternion = pternion
            self.axis = axis
            self.ballLine = ballLine
            self.length = length
        }
    }

    /// Bounds from each print on `image` (smoothed, levelled, as `segmenter` parts it). The contact is
    /// where the level stands two dim steps above the dim foot; the margin is the dim foot's reach
    /// beyond it, read outwards from both ends of the ball line.
    init(prints: [Print], image: ScanImage, segmenter: OutlineSegmenter, pixelMM: Double) {
        self.segmenter = segmenter
        let sign = segmenter.footIsLighter ? 1 : -1
        let contactLevel = segmenter.dimLevel + sign * Int((2 * segmenter.step).rounded())
        func level(_ p: SIMD2<Double>) -> Int? {
            let x = Int(p.x.rounded()), y = Int(p.y.rounded())
            guard x >= 0, y >= 0, x < image.width, y < image.height else { return nil }
            return Int(image[x, y])
        }
        func isContact(_ value: Int) -> Bool { (value - contactLevel) * sign >= 0 }
        func isFoot(_ value: Int) -> Bool { (value - segmenter.threshold) * sign >= 0 }
        let longest = Self.longestMarginMM / pixelMM, reach = Self.clothReachMM / pixelMM
        bounds = prints.map { print in
            let contour = print.contour
            let support = Self.directions.map { n in contour.reduce(-Double.infinity) { max($0, ($1 * n).sum()) } }
            // The margin: from the contact's last pixel to the dim foot's last, outwards along the ball line.
            let (medial, lateral) = print.ballLine
            let across = lateral - medial, span = (across * across).sum().squareRoot()
            var reaches: [Double] = []
            if span > 0 {
                let step = across / span * 0.25
                for (start, direction) in [(lateral, step), (medial, -step)] {
                    var point = start, travelled = 0.0, distance = 0.0
                    while travelled < longest, let value = level(point + direction), isContact(value) {
                        point += direction
                        travelled += 0.25
                    }
                    while distance < longest, let value = level(point + direction), isFoot(value), !isContact(value) {
                        point += direction
                        distance += 0.25
                    }
                    reaches.append(distance)
                }
            }
            let margin = reaches.isEmpty ? 0 : reaches.reduce(0, +) / Double(reaches.count)
            // Distances from the contact over a box around the rear, as far out as cloth is sought.
            let length = print.length, heelLength = Self.heelShare * length
            let axis = print.axis, side = SIMD2(-axis.y, axis.x), pternion = print.pternion
            let rearLength = Self.rearShare * length
            let corners = [pternion - axis * reach - side * reach, pternion - axis * reach + side * reach,
                           pternion + axis * rearLength - side * reach, pternion + axis * rearLength + side * reach]
            let x0 = max(0, Int(corners.map(\.x).min()?.rounded(.down) ?? 0)), y0 = max(0, Int(corners.map(\.y).min()?.rounded(.down) ?? 0))
            let x1 = min(image.width - 1, Int(corners.map(\.x).max()?.rounded(.up) ?? -1))
            let y1 = min(image.height - 1, Int(corners.map(\.y).max()?.rounded(.up) ?? -1))
            let box = (x: x0, y: y0, width: max(0, x1 - x0 + 1), height: max(0, y1 - y0 + 1))
            var seeds = [Bool](repeating: false, count: box.width * box.height)
            for y in 0..<box.height {
                for x in 0..<box.width where isContact(Int(image[box.x + x, box.y + y])) { seeds[y * box.width + x] = true }
            }
            return Bounds(support: support, margin: margin, pternion: pternion, axis: axis, heelLength: heelLength,
                          rearLength: rearLength, heelBox: box,
                          heelDistances: DistanceTransform.squaredDistances(seeds: seeds, width: box.width, height: box.height))
        }
    }

    /// How far `point` lies outside the polygon the support bounds (0 inside), pixels: the largest
    /// excess over any one normal's support, a bound from below on the distance to the hull.
    static func excess(_ point: SIMD2<Double>, support: [Double]) -> Double {
        var largest = 0.0
        for (k, n) in directions.enumerated() { largest = max(largest, (point * n).sum() - support[k]) }
        return largest
    }

    /// `image` with the cloth around the heels taken back to the bed's level, or nil when there is too
    /// little to be cloth (a podoscope image of bare feet is measured as it is).
    func clipped(_ image: ScanImage, pixelMM: Double) -> ScanImage? {
        let slack = Self.slackMM / pixelMM, near = Self.clothNearMM / pixelMM, half = 0.5
        let sign = segmenter.footIsLighter ? 1 : -1, threshold = segmenter.threshold
        let bedLevel = UInt8(clamping: segmenter.dimLevel - sign * Int(segmenter.step.rounded()))
        /// How far a pixel lies beyond the nearest print's bounds (its margin, and half a pixel: distances
        /// run between pixel centres), or nil when it lies in no print's rear.
        func beyond(_ point: SIMD2<Double>) -> Double? {
            var rear = false, nearest = Double.infinity
            for b in bounds {
                nearest = min(nearest, b.outside(point) - b.margin - half)
                if b.along(point) < b.rearLength { rear = true }
            }
            return rear ? nearest : nil
        }
        // Cloth is sought over the rears' boxes.
        let boxes = bounds.map(\.heelBox).filter { $0.width > 0 && $0.height > 0 }
        guard let minX = boxes.map(\.x).min(), let minY = boxes.map(\.y).min(),
              let maxX = boxes.map({ $0.x + $0.width - 1 }).max(), let maxY = boxes.map({ $0.y + $0.height - 1 }).max() else { return nil }
        func isFoot(_ level: UInt8) -> Bool { (Int(level) - threshold) * sign >= 0 }
        // Cloth enough? Counted on every second row, in stretches of a row at least ``clothRunMM`` long:
        // the bed's noise above the outline's level comes in specks, cloth in sheets.
        let shortest = Int((Self.clothRunMM / pixelMM).rounded(.up))
        var clothPixels = 0
        for y in Swift.stride(from: minY, through: maxY, by: 2) {
            var stretch = 0
            for x in minX...(maxX + 1) {
                if x <= maxX, isFoot(image[x, y]), let distance = beyond(SIMD2(Double(x), Double(y))), distance > slack, distance <= slack + near {
                    stretch += 1
                    continue
                }
                if stretch >= shortest { clothPixels += 2 * stretch }
                stretch = 0
            }
        }
        guard Double(clothPixels) * pixelMM * pixelMM >= Self.clothAreaMM2 else { return nil }
        var pixels = image.pixels
        for y in minY...maxY {
            for x in minX...maxX where isFoot(pixels[y * image.stride + x]) {
                if let distance = beyond(SIMD2(Double(x), Double(y))), distance > 0 { pixels[y * image.stride + x] = bedLevel }
            }
        }
        var result = ScanImage(width: image.width, height: image.height, stride: image.stride, pixels: pixels,
                               density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return result
    }
}
