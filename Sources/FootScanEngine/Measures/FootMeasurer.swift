import FootScanImage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures one foot from its sub-pixel outline: fixes the axis through the pternion and the tip of
/// toe 2 (iterating until the two agree), then takes every measure of the spec in that frame.
struct FootMeasurer {
    /// Millimetres per pixel along x and y.
    let mmPerPixelX: Double
    let mmPerPixelY: Double
    /// The part of the image that shows the bed: an outline reaching its edge may be cut off.
    let visible: VisibleArea
    let view: ScanView
    let sex: WearerSex?
    /// How deep a band of the heel's back the pternion's place across the axis is read over, mm (0: the
    /// rearmost vertex itself; see ``Frame/init(points:parts:axis:pternionBand:)``).
    var pternionBandMM = 0.0
    /// The pressure, when the image is a pressure plate's map read back into it: toes that joined the
    /// forefoot are cut from the print where the pressure says they begin (``ToeBases``).
    var pressure: ScanImage?

    /// Measures a foot from its outlines in pixels: `parts` are the print or sole (one outline for a
    /// silhouette; heel and forefoot apart for a split print) followed by `padCount` toe pads.
    /// `principal` is the foot's principal direction in mm.
    /// `medialSide`, when given, fixes which side of the axis is medial (+1: +y) instead of the foot's own
    /// side cues (the pair's cue can overrule them).
    /// `print`, when given, says whether the outline is a contact print; nil decides: a print when two or
    /// more toe pads lie apart, or when the arch's contact shape says so (``ArchContact``).
    func measure(parts: [[SIMD2<Double>]], padCount: Int, principal: SIMD2<Double>, lowContrast: Bool,
                 medialSide: Double? = nil, print known: Bool? = nil) -> FootMeasurement {
        let scale = SIMD2(mmPerPixelX, mmPerPixelY)
        let contour = parts.flatMap { $0 }
        let points = contour.map { $0 * scale }
        var ranges: [Range<Int>] = []
        for part in parts { ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + part.count)) }
        let isPrint = known ?? (padCount >= 2)
        let padRanges = Array(ranges.suffix(padCount))
        let printRanges = Array(ranges.prefix(ranges.count - padCount))
        let pixelMM = max(mmPerPixelX, mmPerPixelY)

        var axis = orientTowardsToes(points: points, direction: principal)
        var frame = Frame(points: points, parts: ranges, axis: axis, pternionBand: pternionBandMM)
        var toes = ToeTipFinder.Result(tips: [], clefts: [])
        var toe1First = true
        var merged: MergedToes?
        func findToes() {
            if isPrint {
                // Each pad's most distal point, across the axis in order; the big toe's pad is the largest.
                // Toes joined to the forefoot (fewer than five pads) count with their runs' areas.
                var tips = padRanges.map { range in range.max { frame.xs[$0] < frame.xs[$1] } ?? range.lowerBound }
                var areas = padRanges.map { points.enclosedArea($0) }
                merged = padRanges.count < 5 ? MergedToes(frame: frame, print: printRanges, pads: padRanges, length: frame.length) : nil
                if let merged {
                    for toe in merged.toes.prefix(5 - padRanges.count) {
                        tips.append(toe.tip)
                        areas.append(merged.area(of: toe, frame: frame))
                    }
                }
                let order = tips.indices.sorted { frame.ys[tips[$0]] < frame.ys[tips[$1]] }
                toes = ToeTipFinder.Result(tips: order.map { tips[$0] }, clefts: [])
                if let first = order.first, let last = order.last {
                    toe1First = areas[first] >= areas[last]
                }
            } else {
                let main = ranges.first ?? 0..<0
                toes = ToeTipFinder.find(xs: Array(frame.xs[main]), ys: Array(frame.ys[main]), cut: 0.6 * frame.length,
                                         prominence: max(1.0, 3 * pixelMM), minimumWidth: 3.0)
                if toes.tips.count >= 2 { toe1First = isToeOneFirst(toes, frame) }
            }
            // A medial side fixed by the caller decides which end toe is the big one.
            if let medialSide, let first = toes.tips.first, let last = toes.tips.last, first != last {
                toe1First = frame.ys[first] * medialSide >= frame.ys[last] * medialSide
            }
        }
        var settling = AxisSettling(axis)
        for _ in 0..<AxisSettling.maximumSteps {
            findToes()
            guard toes.tips.count >= 2 else { break }
            let tip2 = points[toe1First ? toes.tips[1] : toes.tips[toes.tips.count - 2]]
            let direction = tip2 - frame.origin
            let stop = settling.take(direction / (direction * direction).sum().squareRoot())
            axis = settling.axis
            frame = Frame(points: points, parts: ranges, axis: axis, pternionBand: pternionBandMM)
            if stop { break }
        }
        let converged = settling.isSettled
        // An axis that cycled through all its steps (another toe's tip taken for toe 2's at some axes)
        // is measured where the iteration came nearest to a fixed point, not wherever it stopped.
        if let steadiest = settling.steadiestAxis {
            axis = steadiest
            frame = Frame(points: points, parts: ranges, axis: axis, pternionBand: pternionBandMM)
        }
        if toes.tips.count >= 2 { findToes() }
        // An outline without pads apart whose midfoot leaves the arch out, or whose front is a ball's with
        // no toes found, is a print whose toes joined the forefoot or did not press: measured again as one
        // (its toes, if any, are found on the print). A foot the border may cut off is not judged by its front.
        let touchesBorder = contour.contains(where: visible.isOnEdge)
        if known == nil, !isPrint, ArchContact.isPrint(frame: frame, parts: printRanges, toesFound: touchesBorder ? 5 : toes.tips.count) {
            return measure(parts: parts, padCount: padCount, principal: principal, lowContrast: lowContrast,
                           medialSide: medialSide, print: true)
        }

        var warnings: [FootWarning] = []
        if touchesBorder {
            warnings.append(.touchesBorder)
        }
        if lowContrast { warnings.append(.lowContrast) }

        // Toe tips from toe 1 outwards.
        let orderedTips = toe1First ? toes.tips : toes.tips.reversed()
        // A print with fewer than five toe pads is a partial print (toes that did not touch); a sole whose
        // toe tips cannot all be told apart has merged toes.
        if orderedTips.count < 5 { warnings.append(isPrint ? .partialPrint : .toesMerged) }
        if orderedTips.count < 2 || !converged { warnings.append(.axisUncertain) }

        // The big toe's side of the axis is the medial side.
        let medialY: Double
        if let toe1 = orderedTips.first, orderedTips.count >= 2 {
            medialY = frame.ys[toe1]
        } else {
            medialY = frame.ys[frame.acropodionIndex]
        }
        // The side cues: the big toe's side, the toe line's slope, the arch, a split print's gap; the foot's
        // own verdict is their weighted vote unless the caller fixed the medial side.
        let cues = SideCues(frame: frame, main: ranges.first ?? 0..<0, print: isPrint ? printRanges : [], tips: orderedTips,
                            bigToe: orderedTips.count >= 2 ? bigToeStrength(toes, frame, isPrint: isPrint, points: points, padRanges: padRanges) * (medialY >= 0 ? 1 : -1) : nil)
        if medialSide == nil, cues.weight > 0, (cues.vote >= 0) != (medialY >= 0) {
            return measure(parts: parts, padCount: padCount, principal: principal, lowContrast: lowContrast,
                           medialSide: cues.vote >= 0 ? 1 : -1, print: isPrint)
        }
        let medialSign: Double = medialSide ?? (medialY >= 0 ? 1 : -1)
        // A print whose toes left no pads (clawed or lifted off the plate) shows no toe 2 to aim the axis
        // at: aimed instead where toe 2 stands on the forefoot's front.
        if isPrint, orderedTips.count < 2 {
            frame = Self.toelessPrintAxis(points: points, parts: ranges, print: printRanges, from: frame,
                                          medialSign: medialSign, pternionBand: pternionBandMM)
            axis = frame.axis
        }
        let tipXs = orderedTips.map { frame.xs[$0] }
        // In plantar view with the toes up, +y is the viewer's right: a big toe there is a right foot.
        var side: FootSide = medialSign > 0 ? .right : .left
        if view == .dorsal { side = side == .right ? .left : .right }

        let length = frame.length
        let widthHigh = frame.ys.indices.max { frame.ys[$0] < frame.ys[$1] } ?? 0
        let widthLow = frame.ys.indices.min { frame.ys[$0] < frame.ys[$1] } ?? 0
        let heel = frame.crossSection(atX: 0.16 * length)
        let band = frame.xs.indices.filter { frame.xs[$0] >= 0.5 * length && frame.xs[$0] <= 0.8 * length }
        let medialBall = band.max { frame.ys[$0] * medialSign < frame.ys[$1] * medialSign } ?? widthHigh
        let lateralBall = band.min { frame.ys[$0] * medialSign < frame.ys[$1] * medialSign } ?? widthLow
        let ballVector = points[medialBall] - points[lateralBall]
        // The metatarsal heads sit on gentle bulges, where the single extreme vertex wanders with pixel noise:
        // their x is the vertex of a parabola fitted to the outline within 0.3 mm of each extreme.
        let medialBallX = Self.bulgeVertex(band.map { (frame.xs[$0], frame.ys[$0] * medialSign) }, near: frame.xs[medialBall])
        let lateralBallX = Self.bulgeVertex(band.map { (frame.xs[$0], -frame.ys[$0] * medialSign) }, near: frame.xs[lateralBall])
        let ballAngle = atan2(medialBallX - lateralBallX, abs(frame.ys[medialBall] - frame.ys[lateralBall])) * 180 / Double.pi
        // The print without its toes: a merged toe's vertices left out, the outline closed across its crease;
        // on a pressure map, cut back as well to where the pressure says the toes begin.
        var indices: FootprintIndices?
        // For the overlay: the print the indices were read on where toes were cut off it, and its thirds.
        var archOutlines: [[SIMD2<Double>]] = []
        var archThirdLines: [(SIMD2<Double>, SIMD2<Double>)] = []
        if isPrint {
            let across = frame.ys[widthLow]...frame.ys[widthHigh]
            if let merged, !merged.toes.isEmpty {
                var toeless = merged.printWithoutToes(points: points, print: printRanges)
                if let pressure,
                   let bases = ToeBases(tips: merged.toes.map { SIMD2(frame.xs[$0.tip], frame.ys[$0.tip]) },
                                        pressure: ToeBases.pressure(in: pressure, scale: scale, frame: frame)) {
                    toeless = bases.cut(toeless, frame: frame, forefootFrom: ToeBases.forefootFrom * length)
                }
                let toelessFrame = Frame(points: toeless.points, parts: toeless.parts, axis: axis)
                let toelessIndices = FootprintIndices(frame: toelessFrame, parts: toeless.parts)
                indices = toelessIndices
                archOutlines = toeless.parts.map { toeless.points[$0].map { $0 / scale } }
                archThirdLines = Self.thirdLines(toelessFrame, length: toelessIndices.length, across: across, scale: scale)
            } else {
                let printIndices = FootprintIndices(frame: frame, parts: printRanges)
                indices = printIndices
                archThirdLines = Self.thirdLines(frame, length: printIndices.length, across: across, scale: scale)
            }
        }
        let hull = ConvexHull.indices(xs: frame.xs, ys: frame.ys)
        let toeAngles = ToeAngles.angles(xs: frame.xs, ys: frame.ys, medialSign: medialSign, hull: hull)

        let toeDifference = tipXs.count >= 2 ? tipXs[0] - tipXs[1] : nil
        let width = frame.ys[widthHigh] - frame.ys[widthLow]
        let girthModel = GirthModel.model(for: sex)
        let girth = girthModel.girth(lengthMM: length, breadthMM: width, heelBreadthMM: heel.high - heel.low, sex: sex)
        let toPixels = { (p: SIMD2<Double>) in p / scale }
        let pternion = frame.origin
        let geometry = FootGeometry(
            contour: parts.first ?? [],
            contours: parts,
            hull: hull.map { contour[$0] },
            pternion: toPixels(pternion),
            acropodion: contour[frame.acropodionIndex],
            axisDirection: axis,
            toeTips: orderedTips.map { contour[$0] },
            widthLine: (contour[widthLow], contour[widthHigh]),
            heelLine: (toPixels(frame.point(x: 0.16 * length, y: heel.low)), toPixels(frame.point(x: 0.16 * length, y: heel.high))),
            ballLine: (contour[medialBall], contour[lateralBall]),
            archOutlines: archOutlines,
            archThirdLines: archThirdLines
        )
        return FootMeasurement(
            side: side,
            lengthMM: length,
            widthMM: width,
            ballWidthMM: (ballVector * ballVector).sum().squareRoot(),
            heelWidthMM: heel.high - heel.low,
            toeTipsMM: tipXs,
            toe1MinusToe2MM: toeDifference,
            toeShape: ToeShape(toe1MinusToe2MM: toeDifference ?? 0),
            archIndex: indices?.archIndex,
            archType: indices.map { ArchType(archIndex: $0.archIndex) },
            chippauxSmirakIndex: indices?.chippauxSmirak,
            staheliIndex: indices?.staheli,
            heelToBallMM: medialBallX,
            heelToOutsideBallMM: lateralBallX,
            ballAngleDeg: ballAngle,
            halluxAngleDeg: toeAngles.hallux,
            toe5AngleDeg: toeAngles.toe5,
            ballGirthMM: girth,
            ballGirthSDMM: girthModel.heldApartSD,
            widthClass: WidthClass(lengthMM: length, girthMM: girth, sigmaMM: girthModel.heldApartSD, sex: sex),
            uncertaintyMM: 2 * pixelMM,
            warnings: warnings,
            geometry: geometry,
            sideConfidence: cues.confidence(medialSign: medialSign),
            centrePixel: Self.centroid(parts),
            sideCues: cues
        )
    }

    /// Where toe 2 stands across the ball, as a share of the ball's breadth from its medial edge
    /// (``toelessPrintAxis(points:parts:print:from:medialSign:pternionBand:)``): the big toe takes about
    /// a third of the ball, and toe 2 stands beside it. The generator puts the axis through toe 2 at
    /// 0.36-0.41 of the ball's breadth from the medial edge; this is the middle of that.
    static let toeTwoShare = 0.385

    /// Where the ball is looked for on a print without toes, as a share of the print's length: its
    /// breadth is the most medial and the most lateral points ahead of this (the ball's two sides stand
    /// at different places along the foot, the first metatarsal head's ahead of the fifth's).
    static let toelessBallFrom = 0.55

    /// The axis of a print without toes: through the pternion and the point ``toeTwoShare`` of the way
    /// across the ball from its medial edge (where toe 2 stands), iterated from `frame` until the two
    /// agree. The ball's edges are the print's most medial and most lateral points ahead of
    /// ``toelessBallFrom`` of its length, not one section: a real print's front is oblique and rounded
    /// along the metatarsal heads, so a section near it crosses only part of the ball. `print` are the
    /// ranges of `points` that are print (a lone toe pad left out); `parts` all of them. The principal
    /// axis it replaces leans towards the lateral side on a print, whose arch leaves the medial midfoot
    /// out: on generated prints by about 4 degrees, making them 1.4-4.8 mm long and 0.6-1.8 mm wide.
    /// Returns the frame along that axis (`frame` itself when the print has no ball to read).
    static func toelessPrintAxis(points: [SIMD2<Double>], parts: [Range<Int>], print: [Range<Int>], from frame: Frame,
                                 medialSign: Double, pternionBand: Double) -> Frame {
        var frame = frame
        for _ in 0..<12 {
            guard let front = print.lazy.flatMap({ $0 }).map({ frame.xs[$0] }).max(), front > 0 else { break }
            var medialEdge = -Double.infinity, lateralEdge = Double.infinity
            for index in print.lazy.flatMap({ $0 }) where frame.xs[index] >= toelessBallFrom * front {
                let across = frame.ys[index] * medialSign
                medialEdge = max(medialEdge, across)
                lateralEdge = min(lateralEdge, across)
            }
            guard medialEdge > lateralEdge else { break }
            let y = medialSign * (medialEdge - toeTwoShare * (medialEdge - lateralEdge))
            let direction = frame.point(x: front, y: y) - frame.origin
            let norm = (direction * direction).sum().squareRoot()
            guard norm > 0 else { break }
            let axis = direction / norm
            let change = abs(axis.x * frame.axis.y - axis.y * frame.axis.x)
            frame = Frame(points: points, parts: parts, axis: axis, pternionBand: pternionBand)
            if change < 1e-7 { break }
        }
        return frame
    }

    /// How clearly the end toe taken for the big toe is the big one, 0 to 1: on a print the pads' areas,
    /// on a sole each end toe's span across the axis from its cleft (the big toe is about twice the
    /// little one's).
    func bigToeStrength(_ toes: ToeTipFinder.Result, _ frame: Frame, isPrint: Bool, points: [SIMD2<Double>],
                        padRanges: [Range<Int>]) -> Double {
        let spans: (Double, Double)
        if isPrint {
            let areas = padRanges.map { points.enclosedArea($0) }
            guard let small = areas.min(), let large = areas.max(), large > 0 else { return 0 }
            spans = (large, small)
        } else {
            guard let firstCleft = toes.clefts.first, let lastCleft = toes.clefts.last,
                  let firstTip = toes.tips.first, let lastTip = toes.tips.last else { return 0 }
            let a = abs(frame.ys[firstTip] - frame.ys[firstCleft]), b = abs(frame.ys[lastTip] - frame.ys[lastCleft])
            spans = (max(a, b), min(a, b))
        }
        guard spans.0 > 0 else { return 0 }
        return min(1, 2 * (spans.0 - spans.1) / spans.0)
    }

    /// The area centroid of the outlines, in pixels.
    static func centroid(_ parts: [[SIMD2<Double>]]) -> SIMD2<Double> {
        var area = 0.0, sum = SIMD2<Double>.zero
        for part in parts {
            for i in part.indices {
                let a = part[i], b = part[(i + 1) % part.count]
                let cross = a.x * b.y - b.x * a.y
                area += cross
                sum += (a + b) * cross
            }
        }
        guard abs(area) > 1e-9 else { return parts.first?.first ?? .zero }
        return sum / (3 * area)
    }

    /// Points `direction` from the heel to the toes: the forefoot's quarter is wider than the heel's.
    func orientTowardsToes(points: [SIMD2<Double>], direction: SIMD2<Double>) -> SIMD2<Double> {
        let across = SIMD2(-direction.y, direction.x)
        let along = points.map { ($0 * direction).sum() }
        guard let low = along.min(), let high = along.max() else { return direction }
        let quarter = 0.25 * (high - low)
        var front = (Double.infinity, -Double.infinity), back = (Double.infinity, -Double.infinity)
        for (index, p) in points.enumerated() {
            let t = (p * across).sum()
            if along[index] > high - quarter { front = (min(front.0, t), max(front.1, t)) }
            if along[index] < low + quarter { back = (min(back.0, t), max(back.1, t)) }
        }
        return (front.1 - front.0) >= (back.1 - back.0) ? direction : -direction
    }

    /// The two lines that cut a print into its arch indices' thirds, in pixels: across the axis at a third
    /// and two thirds of `length` (mm from `frame`'s origin), spanning `across` (mm across the axis).
    static func thirdLines(_ frame: Frame, length: Double, across: ClosedRange<Double>, scale: SIMD2<Double>) -> [(SIMD2<Double>, SIMD2<Double>)] {
        [length / 3, 2 * length / 3].map { x in
            (frame.point(x: x, y: across.lowerBound) / scale, frame.point(x: x, y: across.upperBound) / scale)
        }
    }

    /// The x where a bulge of the outline peaks: the vertex of the parabola y = a x² + b x + c fitted
    /// to the points (x, y) whose y lies within `depth` (mm) of the largest; `near` when the fit is not a peak.
    static func bulgeVertex(_ points: [(x: Double, y: Double)], near: Double, depth: Double = 0.3) -> Double {
        guard let top = points.map(\.y).max() else { return near }
        let chosen = points.filter { $0.y >= top - depth }
        guard chosen.count >= 5, let low = chosen.map(\.x).min(), let high = chosen.map(\.x).max(), high - low > 1e-6 else { return near }
        // Least squares in a centred variable for conditioning.
        let centre = (low + high) / 2
        var s = [Double](repeating: 0, count: 5), t = [Double](repeating: 0, count: 3)
        for p in chosen {
            let u = p.x - centre
            var power = 1.0
            for k in 0..<5 {
                s[k] += power
                if k < 3 { t[k] += power * p.y }
                power *= u
            }
        }
        // Normal equations for (c, b, a) with sums of u^k.
        let m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]]
        func det(_ a: [[Double]]) -> Double {
            a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
        }
        let d = det(m)
        guard abs(d) > 1e-12 else { return near }
        func replaced(_ column: Int) -> [[Double]] { m.enumerated().map { row, values in values.enumerated().map { $0.offset == column ? t[row] : $0.element } } }
        let b = det(replaced(1)) / d, a = det(replaced(2)) / d
        guard a < 0 else { return near }
        return min(max(centre - b / (2 * a), low), high)
    }

    /// Toe 1 is the end toe that stands farther across the axis from its neighbouring cleft (the big toe
    /// is about twice as wide as the little one).
    func isToeOneFirst(_ toes: ToeTipFinder.Result, _ frame: Frame) -> Bool {
        guard let firstCleft = toes.clefts.first, let lastCleft = toes.clefts.last,
              let firstTip = toes.tips.first, let lastTip = toes.tips.last else { return true }
        let firstSpan = abs(frame.ys[firstTip] - frame.ys[firstCleft])
        let lastSpan = abs(frame.ys[lastTip] - frame.ys[lastCleft])
        return firstSpan >= lastSpan
    }
}

/// An outline seen in an axis frame: x from the pternion along the axis, y across it
/// (+y is the viewer's right when the toes point up the image).
///
/// The pternion lies on the rearmost line of the outline (x = 0). Across the axis it is the rearmost
/// vertex, or, given a band, the peak of the parabola fitted to the heel's back within the band of that
/// line: where the back ripples by h (a map's sensors, an edge placed to a fraction of a sensor), the
/// rearmost vertex moves across by up to the square root of 2Rh on a heel of radius R, a few
/// millimetres, and turns the axis through it; the fitted peak does not.
struct Frame {
    /// The pternion, in the points' coordinates.
    let origin: SIMD2<Double>
    let axis: SIMD2<Double>
    let across: SIMD2<Double>
    let xs: [Double]
    let ys: [Double]
    let acropodionIndex: Int

    /// Index ranges of the separate closed outlines within the points.
    let parts: [Range<Int>]

    /// The outline `points` (in `parts`) seen along the unit vector `axis`; the pternion is read across
    /// the axis over the vertices within `pternionBand` of the rearmost (in the points' unit; 0: the
    /// rearmost vertex).
    init(points: [SIMD2<Double>], parts: [Range<Int>], axis: SIMD2<Double>, pternionBand: Double = 0) {
        self.parts = parts
        self.axis = axis
        let across = SIMD2(-axis.y, axis.x)
        self.across = across
        var lowest = 0
        var lowestValue = Double.infinity
        for (index, p) in points.enumerated() {
            let value = (p * axis).sum()
            if value < lowestValue { lowestValue = value; lowest = index }
        }
        if points.isEmpty {
            origin = .zero
        } else if pternionBand > 0 {
            let back = points.map { (x: ($0 * across).sum(), y: -($0 * axis).sum()) }
            let peak = FootMeasurer.bulgeVertex(back, near: (points[lowest] * across).sum(), depth: pternionBand)
            origin = axis * lowestValue + across * peak
        } else {
            origin = points[lowest]
        }
        let origin = self.origin
        let xs = points.map { (($0 - origin) * axis).sum() }
        self.xs = xs
        ys = points.map { (($0 - origin) * across).sum() }
        acropodionIndex = xs.indices.max { xs[$0] < xs[$1] } ?? 0
    }

    /// Pternion to acropodion.
    var length: Double { xs.isEmpty ? 0 : xs[acropodionIndex] }

    /// The lowest and highest y where the outline crosses x = `cut`.
    func crossSection(atX cut: Double, in selected: [Range<Int>]? = nil) -> (low: Double, high: Double) {
        var low = Double.infinity, high = -Double.infinity
        for part in selected ?? parts where !part.isEmpty {
            for i in part {
                let j = i + 1 == part.upperBound ? part.lowerBound : i + 1
                let a = xs[i] - cut, b = xs[j] - cut
                if (a <= 0 && b > 0) || (a > 0 && b <= 0) {
                    let y = crossing(i, j, atX: cut)
                    low = min(low, y)
                    high = max(high, y)
                }
            }
        }
        return low <= high ? (low, high) : (0, 0)
    }

    /// ``crossSection(atX:in:)`` at each of `cuts` (ascending), in one pass over the outline: each edge
    /// finds the first cut it reaches by bisection and serves the cuts it spans, so the cost is the
    /// outline's length plus its crossings, not the outline's length times the cuts (a noise outline as
    /// long as its pixels, cut every 0.5 mm). The same crossings and the same arithmetic as one cut at a time.
    func crossSections(atXs cuts: [Double], in selected: [Range<Int>]? = nil) -> [(low: Double, high: Double)] {
        var sections = [(low: Double, high: Double)](repeating: (.infinity, -.infinity), count: cuts.count)
        for part in selected ?? parts where !part.isEmpty {
            for i in part {
                let j = i + 1 == part.upperBound ? part.lowerBound : i + 1
                let from = min(xs[i], xs[j]), to = max(xs[i], xs[j])
                guard from < to else { continue }
                // The edge crosses every cut in from..<to.
                var first = 0, last = cuts.count
                while first < last {
                    let middle = (first + last) / 2
                    if cuts[middle] < from { first = middle + 1 } else { last = middle }
                }
                var k = first
                while k < cuts.count && cuts[k] < to {
                    let y = crossing(i, j, atX: cuts[k])
                    sections[k] = (min(sections[k].low, y), max(sections[k].high, y))
                    k += 1
                }
            }
        }
        for k in sections.indices where !(sections[k].low <= sections[k].high) { sections[k] = (0, 0) }
        return sections
    }

    /// The y where the edge from vertex i to vertex j crosses x = `cut` (which lies between their xs).
    @inline(__always)
    private func crossing(_ i: Int, _ j: Int, atX cut: Double) -> Double {
        let a = xs[i] - cut, b = xs[j] - cut
        return ys[i] + a / (a - b) * (ys[j] - ys[i])
    }

    /// The millimetre point at frame coordinates (x, y).
    func point(x: Double, y: Double) -> SIMD2<Double> { origin + axis * x + across * y }
}
