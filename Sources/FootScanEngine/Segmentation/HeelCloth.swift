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
/// print's convex hull (the arch may leave no contact, but stays within the hull); between the two the
/// bound passes from one to the other over a tenth of the foot's length, so that the outline shows no
/// step where cloth lies beside it; towards the end of the rear the bound widens again, so that it shows
/// none where the rear ends either. Dim pixels in the rear of a foot further out are cloth; when more than ``clothAreaMM2`` of them lie within
/// ``clothNearMM`` of the bounds, in stretches of a row ``clothRunMM`` long or more (the bed's noise
/// comes in specks, the levelled bed's corners stand apart), every one of
/// them is taken back to the bed's level. Where cloth covers the heel's outline, the outline then
/// follows the heel's contact at the margin: the heel's own edge is not to be seen there.
struct HeelCloth {
    /// One print's bounds, in pixels: its hull's support (the furthest reach of the contact along each
    /// of ``directions``), the margin, its frame (pternion, axis), how far along the axis the heel, the
    /// handover to the hull and the rear reach, where cloth is sought (``rearBox``) and where the
    /// distances from the contact are wanted (``nearBox``: every pixel of the heel within reach of the
    /// cloth's count; further out the hull alone puts a pixel beyond it).
    struct Bounds {
        var support: [Double]
        var margin: Double
        var pternion: SIMD2<Double>
        var axis: SIMD2<Double>
        var heelLength: Double
        var handoverLength: Double
        var rearLength: Double
        var taperLength: Double
        var rearBox: PixelBox
        var nearBox: PixelBox

        /// How far `point` lies along the axis from the pternion.
        func along(_ point: SIMD2<Double>) -> Double { ((point - pternion) * axis).sum() }

        /// How far pixel (`x`, `y`) lies beyond the foot's bounds: from the nearest contact (squared
        /// `distances` over ``nearBox``) in the heel, from the print's hull (`hull`, the pixel's excess
        /// over it, from ``hullExcess(row:)``) from the handover on, and passing evenly from one to the
        /// other between. With no `distances`, from the hull everywhere.
        func outside(x: Int, y: Int, hull: Double, distances: [Float]?) -> Double {
            let distance = along(SIMD2(Double(x), Double(y)))
            guard distance < handoverLength, let distances else { return hull }
            // Outside the near box the hull alone already puts the pixel past every count.
            guard nearBox.contains(x: x, y: y) else { return hull }
            let heel = Double(distances[(y - nearBox.y) * nearBox.width + x - nearBox.x].squareRoot())
            guard distance > heelLength else { return heel }
            let share = (distance - heelLength) / (handoverLength - heelLength)
            return heel + share * (hull - heel)
        }

        /// The hull's excess along row `y` (``HeelCloth/excess(_:support:)`` at every `x` of it, less
        /// zero): the upper envelope of one line per normal.
        func hullExcess(row y: Int) -> LineEnvelope {
            let directions = HeelCloth.directions
            return LineEnvelope(slopes: directions.map(\.x), intercepts: directions.indices.map { directions[$0].y * Double(y) - support[$0] })
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
    /// The shares of a print's length, from the pternion: held to the heel's contact; handed over from
    /// it to the hull; that cloth may hang beside.
    static let heelShare = 0.2
    static let handoverShare = 0.3
    static let rearShare = 0.55
    /// The share of a print's length from which the bound widens, reaching the cloth's counted reach
    /// (``slackMM`` and ``clothNearMM``) at ``rearShare``: the outline shows no step where the rear ends.
    static let taperShare = 0.45
    /// How far beyond the contact the margin is sought, mm; how far around the heel cloth is sought.
    static let longestMarginMM = 15.0
    static let clothReachMM = 90.0

    let bounds: [Bounds]
    let segmenter: OutlineSegmenter
    /// Which pixels are contact: two dim steps above the dim foot.
    let contact: ForegroundTest

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
        let contact = ForegroundTest(reaching: segmenter.dimLevel + sign * Int((2 * segmenter.step).rounded()), footIsLighter: segmenter.footIsLighter)
        let foot = segmenter.test
        self.contact = contact
        func level(_ p: SIMD2<Double>) -> UInt8? {
            let x = Int(p.x.rounded()), y = Int(p.y.rounded())
            guard x >= 0, y >= 0, x < image.width, y < image.height else { return nil }
            return image[x, y]
        }
        let longest = Self.longestMarginMM / pixelMM, reach = Self.clothReachMM / pixelMM
        let counted = (Self.slackMM + Self.clothNearMM + 1) / pixelMM + 0.5
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
                    while travelled < longest, let value = level(point + direction), contact.isForeground(value) {
                        point += direction
                        travelled += 0.25
                    }
                    while distance < longest, let value = level(point + direction), foot.isForeground(value), !contact.isForeground(value) {
                        point += direction
                        distance += 0.25
                    }
                    reaches.append(distance)
                }
            }
            let margin = reaches.isEmpty ? 0 : reaches.reduce(0, +) / Double(reaches.count)
            let length = print.length, axis = print.axis, side = SIMD2(-axis.y, axis.x), pternion = print.pternion
            let rearLength = Self.rearShare * length, handoverLength = Self.handoverShare * length
            // Cloth is sought around the rear, as far out as it may hang.
            let rearBox = PixelBox(covering: [pternion - axis * reach - side * reach, pternion - axis * reach + side * reach,
                                         pternion + axis * rearLength - side * reach, pternion + axis * rearLength + side * reach],
                              width: image.width, height: image.height)
            // The contact's distances are wanted wherever a pixel of the heel could count as cloth.
            let frame = contour.map { SIMD2((($0 - pternion) * axis).sum(), (($0 - pternion) * side).sum()) }
            let within = margin + counted
            let back = (frame.map(\.x).min() ?? 0) - within, front = handoverLength + within
            let left = (frame.map(\.y).min() ?? 0) - within, right = (frame.map(\.y).max() ?? 0) + within
            let nearBox = PixelBox(covering: [pternion + axis * back + side * left, pternion + axis * back + side * right,
                                         pternion + axis * front + side * left, pternion + axis * front + side * right],
                              width: image.width, height: image.height)
            return Bounds(support: support, margin: margin, pternion: pternion, axis: axis, heelLength: Self.heelShare * length,
                          handoverLength: handoverLength, rearLength: rearLength, taperLength: Self.taperShare * length,
                          rearBox: rearBox, nearBox: nearBox)
        }
    }

    /// How far `point` lies outside the polygon the support bounds (0 inside), pixels: the largest
    /// excess over any one normal's support, a bound from below on the distance to the hull. The
    /// reference for ``Bounds/hullExcess(row:)``, which gives the same along a whole row at once.
    static func excess(_ point: SIMD2<Double>, support: [Double]) -> Double {
        var largest = 0.0
        for (k, n) in directions.enumerated() { largest = max(largest, (point * n).sum() - support[k]) }
        return largest
    }

    /// Squared distances from the contact over `bounds`' near box of `image`.
    func contactDistances(_ bounds: Bounds, image: ScanImage) -> [Float] {
        let box = bounds.nearBox
        var seeds = [Bool](repeating: false, count: box.width * box.height)
        for y in 0..<box.height {
            for x in 0..<box.width where contact.isForeground(image[box.x + x, box.y + y]) { seeds[y * box.width + x] = true }
        }
        return DistanceTransform.squaredDistances(seeds: seeds, width: box.width, height: box.height)
    }

    /// `image` with the cloth around the heels taken back to the bed's level, or nil when there is too
    /// little to be cloth (a podoscope image of bare feet is measured as it is). Cloth hangs well beyond
    /// the print's hull (tens of millimetres to each side of the heel): the hull alone is asked first,
    /// and the distances from the contact are taken only when it finds enough.
    func clipped(_ image: ScanImage, pixelMM: Double) -> ScanImage? {
        let slack = Self.slackMM / pixelMM, near = Self.clothNearMM / pixelMM
        let sign = segmenter.footIsLighter ? 1 : -1, foot = segmenter.test, contact = contact
        let bedLevel = UInt8(clamping: segmenter.dimLevel - sign * Int(segmenter.step.rounded()))
        /// How far a pixel lies beyond the nearest print's bounds (its margin, and half a pixel: distances
        /// run between pixel centres), or nil when it lies in no print's rear.
        /// Towards the rear's end the bound widens (``taperShare``). `hulls` holds each print's
        /// ``Bounds/hullExcess(row:)`` for row `y`.
        func beyond(x: Int, y: Int, hulls: [LineEnvelope], distances: [[Float]]?) -> Double? {
            var rear = false, nearest = Double.infinity
            for (k, b) in bounds.enumerated() {
                let hull = max(0, hulls[k].value(at: Double(x))), along = b.along(SIMD2(Double(x), Double(y)))
                let taper = max(0, along - b.taperLength) / (b.rearLength - b.taperLength) * (slack + near)
                nearest = min(nearest, b.outside(x: x, y: y, hull: hull, distances: distances?[k]) - b.margin - 0.5 - taper)
                if along < b.rearLength { rear = true }
            }
            return rear ? nearest : nil
        }
        // Cloth is sought over the rears' boxes, on dim pixels only: contact is no cloth.
        let boxes = bounds.map(\.rearBox).filter { !$0.isEmpty }
        guard let minX = boxes.map(\.x).min(), let minY = boxes.map(\.y).min(),
              let maxX = boxes.map({ $0.x + $0.width - 1 }).max(), let maxY = boxes.map({ $0.y + $0.height - 1 }).max() else { return nil }
        func isDim(_ level: UInt8) -> Bool { foot.isForeground(level) && !contact.isForeground(level) }
        /// Cloth enough? Counted on every second row, in stretches of a row at least ``clothRunMM`` long:
        /// the bed's noise above the outline's level comes in specks, cloth in sheets.
        func isCloth(distances: [[Float]]?) -> Bool {
            let shortest = Int((Self.clothRunMM / pixelMM).rounded(.up))
            var clothPixels = 0
            for y in Swift.stride(from: minY, through: maxY, by: 2) {
                var stretch = 0
                let hulls = bounds.map { $0.hullExcess(row: y) }
                for x in minX...(maxX + 1) {
                    if x <= maxX, isDim(image[x, y]), let distance = beyond(x: x, y: y, hulls: hulls, distances: distances),
                       distance > slack, distance <= slack + near {
                        stretch += 1
                        continue
                    }
                    if stretch >= shortest { clothPixels += 2 * stretch }
                    stretch = 0
                }
            }
            return Double(clothPixels) * pixelMM * pixelMM >= Self.clothAreaMM2
        }
        guard isCloth(distances: nil) else { return nil }
        let distances = bounds.map { contactDistances($0, image: image) }
        guard isCloth(distances: distances) else { return nil }
        var pixels = image.pixels
        for y in minY...maxY {
            let hulls = bounds.map { $0.hullExcess(row: y) }
            for x in minX...maxX where isDim(pixels[y * image.stride + x]) {
                if let distance = beyond(x: x, y: y, hulls: hulls, distances: distances), distance > 0 { pixels[y * image.stride + x] = bedLevel }
            }
        }
        var result = ScanImage(width: image.width, height: image.height, stride: image.stride, pixels: pixels,
                               density: image.density, source: image.source)
        result.hiddenEdges = image.hiddenEdges
        return result
    }
}
