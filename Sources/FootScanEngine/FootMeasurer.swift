/// Measures one foot from its sub-pixel outline: fixes the axis through the pternion and the tip of
/// toe 2 (iterating until the two agree), then takes every measure of the spec in that frame.
struct FootMeasurer {
    /// Millimetres per pixel along x and y.
    let sx: Double
    let sy: Double
    let imageWidth: Int
    let imageHeight: Int
    let view: ScanView
    let sex: WearerSex?

    /// Measures the outline `contour` (pixels). `principal` is the region's principal direction in mm.
    func measure(contour: [SIMD2<Double>], principal: SIMD2<Double>, lowContrast: Bool) -> FootMeasurement {
        let scale = SIMD2(sx, sy)
        let points = contour.map { $0 * scale }
        let pixelMM = max(sx, sy)

        var axis = orientTowardsToes(points: points, direction: principal)
        var frame = Frame(points: points, axis: axis)
        var toes = ToeTipFinder.Result(tips: [], clefts: [])
        var toe1First = true
        var converged = false
        for _ in 0..<12 {
            toes = ToeTipFinder.find(xs: frame.xs, cut: 0.6 * frame.length, prominence: max(1.0, 3 * pixelMM))
            guard toes.tips.count >= 2 else { break }
            toe1First = isToeOneFirst(toes, frame)
            let tip2 = points[toe1First ? toes.tips[1] : toes.tips[toes.tips.count - 2]]
            let direction = tip2 - points[frame.pternionIndex]
            let newAxis = direction / (direction * direction).sum().squareRoot()
            let change = abs(newAxis.x * axis.y - newAxis.y * axis.x)
            axis = newAxis
            frame = Frame(points: points, axis: axis)
            if change < 1e-7 { converged = true; break }
        }
        if toes.tips.count >= 2 {
            toes = ToeTipFinder.find(xs: frame.xs, cut: 0.6 * frame.length, prominence: max(1.0, 3 * pixelMM))
            if toes.tips.count >= 2 { toe1First = isToeOneFirst(toes, frame) }
        }

        var warnings: [FootWarning] = []
        if contour.contains(where: { $0.x < 0.5 || $0.y < 0.5 || $0.x > Double(imageWidth) - 1.5 || $0.y > Double(imageHeight) - 1.5 }) {
            warnings.append(.touchesBorder)
        }
        if lowContrast { warnings.append(.lowContrast) }

        // Toe tips from toe 1 outwards.
        let orderedTips = toe1First ? toes.tips : toes.tips.reversed()
        let tipXs = orderedTips.map { frame.xs[$0] }
        if orderedTips.count < 5 { warnings.append(.toesMerged) }
        if orderedTips.count < 2 || !converged { warnings.append(.axisUncertain) }

        // The big toe's side of the axis is the medial side.
        let medialY: Double
        if let toe1 = orderedTips.first, orderedTips.count >= 2 {
            medialY = frame.ys[toe1]
        } else {
            medialY = frame.ys[frame.acropodionIndex]
        }
        let medialSign: Double = medialY >= 0 ? 1 : -1
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

        let toeDifference = tipXs.count >= 2 ? tipXs[0] - tipXs[1] : nil
        let width = frame.ys[widthHigh] - frame.ys[widthLow]
        let girthModel = GirthModel.model(for: sex)
        let girth = girthModel.girth(lengthMM: length, breadthMM: width, heelBreadthMM: heel.high - heel.low, sex: sex)
        let toPixels = { (p: SIMD2<Double>) in p / scale }
        let pternion = points[frame.pternionIndex]
        let geometry = FootGeometry(
            contour: contour,
            pternion: toPixels(pternion),
            acropodion: contour[frame.acropodionIndex],
            axisDirection: axis,
            toeTips: orderedTips.map { contour[$0] },
            widthLine: (contour[widthLow], contour[widthHigh]),
            heelLine: (toPixels(frame.point(x: 0.16 * length, y: heel.low)), toPixels(frame.point(x: 0.16 * length, y: heel.high))),
            ballLine: (contour[medialBall], contour[lateralBall])
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
            archIndex: nil,
            archType: nil,
            ballGirthMM: girth,
            ballGirthSDMM: girthModel.heldApartSD,
            widthClass: WidthClass(lengthMM: length, girthMM: girth, sigmaMM: girthModel.heldApartSD, sex: sex),
            uncertaintyMM: 2 * pixelMM,
            warnings: warnings,
            geometry: geometry
        )
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
struct Frame {
    let origin: SIMD2<Double>
    let axis: SIMD2<Double>
    let across: SIMD2<Double>
    let xs: [Double]
    let ys: [Double]
    let pternionIndex: Int
    let acropodionIndex: Int

    init(points: [SIMD2<Double>], axis: SIMD2<Double>) {
        self.axis = axis
        across = SIMD2(-axis.y, axis.x)
        var lowest = 0
        var lowestValue = Double.infinity
        for (index, p) in points.enumerated() {
            let value = (p * axis).sum()
            if value < lowestValue { lowestValue = value; lowest = index }
        }
        pternionIndex = lowest
        origin = points.isEmpty ? .zero : points[lowest]
        let origin = self.origin, across = self.across
        let xs = points.map { (($0 - origin) * axis).sum() }
        self.xs = xs
        ys = points.map { (($0 - origin) * across).sum() }
        acropodionIndex = xs.indices.max { xs[$0] < xs[$1] } ?? 0
    }

    /// Pternion to acropodion.
    var length: Double { xs.isEmpty ? 0 : xs[acropodionIndex] }

    /// The lowest and highest y where the outline crosses x = `cut`.
    func crossSection(atX cut: Double) -> (low: Double, high: Double) {
        var low = Double.infinity, high = -Double.infinity
        let count = xs.count
        for i in 0..<count {
            let j = i + 1 == count ? 0 : i + 1
            let a = xs[i] - cut, b = xs[j] - cut
            if (a <= 0 && b > 0) || (a > 0 && b <= 0) {
                let t = a / (a - b)
                let y = ys[i] + t * (ys[j] - ys[i])
                low = min(low, y)
                high = max(high, y)
            }
        }
        return low <= high ? (low, high) : (0, 0)
    }

    /// The millimetre point at frame coordinates (x, y).
    func point(x: Double, y: Double) -> SIMD2<Double> { origin + axis * x + across * y }
}
