@testable import FootScanEngine
import FootScanImage
import Foundation
import Testing

/// The local-edge refinement on a hand-made image: a dark square whose outline was traced 0.4 px
/// inside its true edges.
@Suite("Local edge")
struct LocalEdgeTests {
    /// 40 x 40 pixels, bed 220, the square (grey 40) over columns 10-29 and rows 14-34: its edges lie
    /// at x = 9.5 and 29.5, y = 13.5 and 34.5.
    static let image: ScanImage = {
        var pixels = [UInt8](repeating: 220, count: 40 * 40)
        for y in 14...34 {
            for x in 10...29 { pixels[y * 40 + x] = 40 }
        }
        return ScanImage(width: 40, height: 40, packedPixels: pixels, density: nil,
                         source: ImageSourceDescription(format: .png, storedWidth: 40, storedHeight: 40, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }()

    /// A rectangle's outline, a vertex every pixel, clockwise on screen.
    static func rectangle(left: Double, right: Double, top: Double, bottom: Double) -> [SIMD2<Double>] {
        var points: [SIMD2<Double>] = []
        for x in stride(from: left, to: right, by: 1) { points.append(SIMD2(x, top)) }
        for y in stride(from: top, to: bottom, by: 1) { points.append(SIMD2(right, y)) }
        for x in stride(from: right, to: left, by: -1) { points.append(SIMD2(x, bottom)) }
        for y in stride(from: bottom, to: top, by: -1) { points.append(SIMD2(left, y)) }
        return points
    }

    /// The square's outline 0.4 px inside its edges.
    static let outline = rectangle(left: 9.9, right: 29.1, top: 13.9, bottom: 34.1)

    @Test("vertices move onto the edge; those whose profile would leave the image stay, also when the profile's half-pixel samples run past the reach")
    func refined() {
        // reach 4.76 px: the samples, half a pixel apart, run to 5.0 px; from the bottom edge's vertices
        // (y 34.1) 4.76 px stays inside the image's last row but 5.0 does not.
        let edge = LocalEdge(image: Self.image, footIsLighter: false, visible: VisibleArea(width: 40, height: 40),
                             reach: 4.76, minimumStep: 20)
        let refined = edge.refined(Self.outline)
        #expect(refined.count == Self.outline.count)
        for (before, after) in zip(Self.outline, refined) {
            if before.y == 13.9, (14.0...26.0).contains(before.x) { #expect(abs(after.y - 13.5) < 0.05, "top \(after)") }
            if before.x == 9.9, (17.0...30.0).contains(before.y) { #expect(abs(after.x - 9.5) < 0.05, "left \(after)") }
            if before.x == 29.1, (17.0...30.0).contains(before.y) { #expect(abs(after.x - 29.5) < 0.05, "right \(after)") }
            if before.y == 34.1, (14.0...26.0).contains(before.x) { #expect(after == before, "bottom \(after)") }
        }
    }

    /// A pressure map interpolated between sensors 10 px apart (centres at 4.5, 14.5, ...): pressure 200
    /// over columns from 19.5 to 87.0 (the last sensor, 79.5-89.5, three quarters covered) and rows
    /// from 19.5 to 59.5, each sensor's mean blended bilinearly between the centres.
    static let pressureMap: ScanImage = {
        let width = 120, height = 80
        func coverage(_ cell: Int, full: ClosedRange<Int>, partial: (Int, Double)?) -> Double {
            if full.contains(cell) { return 1 }
            if let partial, partial.0 == cell { return partial.1 }
            return 0
        }
        func interpolated(_ coordinate: Double, _ value: (Int) -> Double) -> Double {
            let u = (coordinate - 4.5) / 10, cell = Int(u.rounded(.down)), fraction = u - Double(cell)
            return value(cell) * (1 - fraction) + value(cell + 1) * fraction
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let rowShare = interpolated(Double(y)) { coverage($0, full: 2...5, partial: nil) }
            for x in 0..<width {
                let columnShare = interpolated(Double(x)) { coverage($0, full: 2...7, partial: (8, 0.75)) }
                pixels[y * width + x] = UInt8((200 * rowShare * columnShare).rounded())
            }
        }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: nil,
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }()

    @Test("on a map blended between sensors, the step's area puts the edge where the foot ends; the half-way level a tenth of a sensor out")
    func edgeByArea() {
        // The outline a pixel inside the print, a vertex every pixel; the right edge's vertices at x = 86.
        let right = 86.0, top = 20.5
        let outline = Self.rectangle(left: 20.5, right: right, top: top, bottom: 58.5)
        let visible = VisibleArea(width: 120, height: 80)
        let byLevel = LocalEdge(image: Self.pressureMap, footIsLighter: true, visible: visible, reach: 10, minimumStep: 4)
        var byArea = byLevel
        byArea.areaReach = 20
        let levelled = byLevel.refined(outline), placed = byArea.refined(outline)
        for index in outline.indices where outline[index].x == right && (30.0...50.0).contains(outline[index].y) {
            // Half-way between 200 and 0 lies past 87.83 (between 150 at the edge sensor's centre, 84.5,
            // and 0 at 94.5); half-way from the level a sensor inside, still on the ramp, further (88.2).
            #expect(levelled[index].x > 87.8, "half-way level \(levelled[index])")
            #expect(abs(placed[index].x - 87.0) < 0.1, "area \(placed[index])")
        }
        // The top edge lies on a sensor's boundary, where both agree.
        for index in outline.indices where outline[index].y == top && (40.0...60.0).contains(outline[index].x) {
            #expect(abs(placed[index].y - 19.5) < 0.1 && abs(levelled[index].y - 19.5) < 0.1, "top \(placed[index]), \(levelled[index])")
        }
    }

    /// A map of sensors 10 px apart, grey 200 a full share: `column(c)` and `row(c)` are the shares
    /// of sensor column and row `c`, each pixel its sensor's value (blocks, cell `c` over pixels 10c to
    /// 10c + 9) or the linear blend between sensor centres on pixels 5 + 10c (interpolated).
    static func sensorMap(width: Int, height: Int, interpolated: Bool, column: (Int) -> Double, row: (Int) -> Double) -> ScanImage {
        func share(_ coordinate: Int, _ value: (Int) -> Double) -> Double {
            guard interpolated else { return value(coordinate / 10) }
            let u = (Double(coordinate) - 5) / 10, cell = Int(u.rounded(.down)), fraction = u - Double(cell)
            return value(cell) * (1 - fraction) + value(cell + 1) * fraction
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width { pixels[y * width + x] = UInt8((200 * share(x, column) * share(y, row)).rounded()) }
        }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: nil,
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }

    /// The right edges' vertices of a pad over sensor columns with the given shares (rows 2-5), refined
    /// from x = `right` by the half-way level alone and with the step's area over two sensors.
    static func padEdges(_ shares: [Int: Double], right: Double) -> [(levelled: Double, placed: Double)] {
        let pad = sensorMap(width: 130, height: 80, interpolated: true, column: { shares[$0] ?? 0 }, row: { (2...5).contains($0) ? 1 : 0 })
        let outline = rectangle(left: 71, right: right, top: 20.5, bottom: 58.5)
        var edge = LocalEdge(image: pad, footIsLighter: true, visible: VisibleArea(width: 130, height: 80), reach: 10, minimumStep: 4)
        let levelled = edge.refined(outline)
        edge.areaReach = 20
        let placed = edge.refined(outline)
        return outline.indices.filter { outline[$0].x == right && (30.0...50.0).contains(outline[$0].y) }.map { (levelled[$0].x, placed[$0].x) }
    }

    @Test("a toe's pad of even pressure, a gap behind it: its edge by the step's area, where the half-way level lies inside")
    func narrowPart() {
        // Sensor columns 7 and 8 at a share of 0.6, 40% of column 9 (0.24); nothing in columns 0-6.
        // The right edge lies at 90 + 4 = 94. From x = 95 the band r = 20 px inside lies on the pad
        // and the deep band behind it, in the gap: the profile falls inwards.
        let edges = Self.padEdges([7: 0.6, 8: 0.6, 9: 0.24], right: 95)
        #expect(edges.count == 20)
        for (levelled, placed) in edges {
            #expect(abs(placed - 94) < 0.1, "area \(placed)")
            // Half-way between 120 and the bed lies at 93.33, between the last two sensors' centres.
            #expect(abs(levelled - 93.33) < 0.1, "half-way level \(levelled)")
        }
    }

    @Test("a toe's pad of even pressure whose edge's sensor is more than half covered: a tenth of a sensor out, the rule's limit")
    func narrowPartMostlyCovered() {
        // Columns 7 and 8 at 0.6, 75% of column 9 (0.45): the edge lies at 90 + 7.5 = 97.5. Half-way
        // between 120 and the bed the profile crosses at 98.33, beyond the last centre; a sensor inside
        // that, on the ramp between the last two centres, it reads 110, and the area over that level
        // puts the edge at 98.48.
        let edges = Self.padEdges([7: 0.6, 8: 0.6, 9: 0.45], right: 99)
        #expect(edges.count == 20)
        for (_, placed) in edges {
            #expect(abs(placed - 98.48) < 0.1, "area \(placed)")
        }
    }

    @Test("a flat faint toe before a harder ball: its edge by the step's area over the toe's own level, not the ball's line carried out")
    func flatPartBeforeHarderOne() {
        // Sensor columns 2-6 at 0.8 (160, the ball), 7 and 8 at 0.6 (120, a toe joined to it, flat), 75% of
        // column 9 (0.45): the edge lies at 90 + 7.5 = 97.5. From x = 95 (an outline traced inside the
        // edge) the deep band (65-69 px) lies on the ramp up to the ball, the inner and near bands (75-79,
        // 81-85) on the toe, off the edge's ramp: the line through the deep band, carried to the edge,
        // read the rim's level far below the toe's, and the area left the vertex to the half-way level,
        // 0.58 px out (98.08).
        let map = Self.sensorMap(width: 130, height: 80, interpolated: true,
                                 column: { (2...6).contains($0) ? 0.8 : (7...8).contains($0) ? 0.6 : $0 == 9 ? 0.45 : 0 },
                                 row: { (2...5).contains($0) ? 1 : 0 })
        let placed = Self.rightEdgesByArea(map, right: 95)
        #expect(placed.count == 20)
        for x in placed { #expect(abs(x - 97.5) < 0.25, "area \(x)") }
    }

    /// The right edges' vertices (rows 30-50) of a rectangle's outline from x = 21 to `right` on a
    /// 130 x 80 map, refined with the step's area over two sensors of 10 px.
    static func rightEdgesByArea(_ map: ScanImage, right: Double) -> [Double] {
        let outline = rectangle(left: 21, right: right, top: 20.5, bottom: 58.5)
        var edge = LocalEdge(image: map, footIsLighter: true, visible: VisibleArea(width: 130, height: 80), reach: 10, minimumStep: 4)
        edge.areaReach = 20
        let placed = edge.refined(outline)
        return outline.indices.filter { outline[$0].x == right && (30.0...50.0).contains(outline[$0].y) }.map { placed[$0].x }
    }

    @Test("the near band's gentler slope: taken where the level flattens before the edge, not where it dips or falls faster")
    func nearBandSlope() {
        let r = 20.0, stepSize = 120.0
        // Flat toe behind a ball: the deep line falls 6 levels a pixel, the near band not at all.
        #expect(LocalEdge.nearBandSlope(inside: 120, near: 120, deepSlope: -6, stepSize: stepSize, r: r) == 0)
        // A fringe that flattens: the near band falls a third as fast as the deep line.
        let gentle = LocalEdge.nearBandSlope(inside: 120, near: 108, deepSlope: -6, stepSize: stepSize, r: r)
        #expect(gentle.map { abs($0 + 2) < 1e-9 } == true, "\(String(describing: gentle))")
        // On the edge's ramp, or a steady fall from a heel's centre: the near band falls as fast or faster.
        #expect(LocalEdge.nearBandSlope(inside: 120, near: 60, deepSlope: -6, stepSize: stepSize, r: r) == nil)
        #expect(LocalEdge.nearBandSlope(inside: 120, near: 84, deepSlope: -6, stepSize: stepSize, r: r) == nil)
        // The profile dips between the bands and rises again (a toe's neck before its pad).
        #expect(LocalEdge.nearBandSlope(inside: 100, near: 120, deepSlope: -6, stepSize: 100, r: r) == nil)
    }

    @Test("under blocks, a heel's faint last row of sensors: placed by the area, though the half-way level lies at the block's boundary")
    func partlyCoveredBlock() {
        // Sensor columns 2-7 full, column 8 a share of 0.35 (the foot over 35% of it), rows 2-5: the
        // right edge lies at 79.5 + 3.5 = 83.0; half-way between 200 and the bed, the profile crosses
        // at 79.77, 0.16 of the area's reach (20 px) away from the area's edge.
        let map = Self.sensorMap(width: 130, height: 80, interpolated: false,
                                 column: { (2...7).contains($0) ? 1 : $0 == 8 ? 0.35 : 0 }, row: { (2...5).contains($0) ? 1 : 0 })
        let placed = Self.rightEdgesByArea(map, right: 89)
        #expect(placed.count == 20)
        for x in placed { #expect(abs(x - 83.0) < 0.1, "area \(x)") }
    }

    @Test("the step's area alone places a vertex or leaves it; kept vertices are left where they are")
    func placedByAreaAndKept() {
        // The partly covered block above: its right edge by the area at 83.0; with a reach too long for
        // the map, no vertex by the area. Vertices kept are left as they are; the others still move.
        let map = Self.sensorMap(width: 130, height: 80, interpolated: false,
                                 column: { (2...7).contains($0) ? 1 : $0 == 8 ? 0.35 : 0 }, row: { (2...5).contains($0) ? 1 : 0 })
        let right = 89.0
        let outline = Self.rectangle(left: 21, right: right, top: 20.5, bottom: 58.5)
        var edge = LocalEdge(image: map, footIsLighter: true, visible: VisibleArea(width: 130, height: 80), reach: 10, minimumStep: 4)
        edge.areaReach = 20
        let byArea = edge.placedByArea(outline)
        var onRight = 0
        for index in outline.indices {
            if outline[index].x == right && (30.0...50.0).contains(outline[index].y) {
                #expect(byArea[index].map { abs($0.x - 83.0) < 0.1 } == true, "area \(String(describing: byArea[index]))")
                onRight += 1
            }
        }
        #expect(onRight == 20)
        let kept = byArea.map { $0 != nil }
        let refined = edge.refined(outline), refinedKeeping = edge.refined(outline, keeping: kept)
        for index in outline.indices {
            #expect(refinedKeeping[index] == (kept[index] ? outline[index] : refined[index]))
        }
        #expect(kept.contains(false) && refinedKeeping != outline)
        edge.areaReach = 80
        #expect(edge.placedByArea(outline).allSatisfy { $0 == nil })
    }

    /// A circle's outline about `centre`, `count` vertices.
    static func circle(radius: Double, centre: SIMD2<Double>, count: Int) -> [SIMD2<Double>] {
        (0..<count).map { index in
            let angle = 2 * Double.pi * Double(index) / Double(count)
            return centre + radius * SIMD2(cos(angle), sin(angle))
        }
    }

    @Test("the curvature across a span of vertices: a circle's, positive where it bulges along the normal, negative where it hollows")
    func curvature() {
        let centre = SIMD2(100.0, 100.0)
        let outline = Self.circle(radius: 50, centre: centre, count: 400)
        for index in stride(from: 0, to: 400, by: 37) {
            let outward = (outline[index] - centre) / 50
            for span in [2, 20, 60] {
                #expect(abs(LocalEdge.curvature(of: outline, at: index, span: span, normal: outward) - 1 / 50) < 1e-9)
                #expect(abs(LocalEdge.curvature(of: outline, at: index, span: span, normal: -outward) + 1 / 50) < 1e-9)
            }
        }
        // Along a straight run, none.
        let square = Self.rectangle(left: 10, right: 50, top: 10, bottom: 50)
        #expect(LocalEdge.curvature(of: square, at: 20, span: 5, normal: SIMD2(0, -1)) == 0)
    }

    /// A disc of radius 60 px about (100, 100), pressure 200, blurred by a box 13 px wide three times
    /// each way (a variance of 42 px², σ 6.5 px: the blur a map's sensors put on its edges).
    static let blurredDisc: (image: ScanImage, variance: Double) = {
        let size = 200, width = 13, passes = 3
        var values = [Double](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size {
                var covered = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let dx = Double(x) + (Double(sx) + 0.5) / 4 - 0.5 - 100, dy = Double(y) + (Double(sy) + 0.5) / 4 - 0.5 - 100
                        if dx * dx + dy * dy <= 3600 { covered += 1 }
                    }
                }
                values[y * size + x] = Double(covered) / 16
            }
        }
        func boxed(_ input: [Double], alongRows: Bool) -> [Double] {
            var output = input
            for line in 0..<size {
                for position in 0..<size {
                    var sum = 0.0
                    for offset in -(width / 2)...(width / 2) {
                        let other = min(max(position + offset, 0), size - 1)
                        sum += alongRows ? input[line * size + other] : input[other * size + line]
                    }
                    output[alongRows ? line * size + position : position * size + line] = sum / Double(width)
                }
            }
            return output
        }
        for _ in 0..<passes { values = boxed(boxed(values, alongRows: true), alongRows: false) }
        let pixels = values.map { UInt8((200 * $0).rounded()) }
        let image = ScanImage(width: size, height: size, packedPixels: pixels, density: nil,
                              source: ImageSourceDescription(format: .png, storedWidth: size, storedHeight: size, bitDepth: 8,
                                                             colourType: "grey", interlaced: false))
        return (image, Double(passes) * Double(width * width - 1) / 12)
    }()

    @Test("a blurred disc's step area lies σ²/2R inside its edge; told the blur, the vertices move out onto the edge")
    func blurMovesConvexEdgesOut() {
        let (image, variance) = Self.blurredDisc
        let sigma = variance.squareRoot()
        let centre = SIMD2(100.0, 100.0)
        // The outline traced 2 px outside, a vertex every half pixel.
        let outline = Self.circle(radius: 62, centre: centre, count: 780)
        var edge = LocalEdge(image: image, footIsLighter: true, visible: VisibleArea(width: 200, height: 200),
                             reach: 2 * sigma, minimumStep: 4, areaReach: 4 * sigma)
        func meanRadius(_ points: [SIMD2<Double>]) -> Double {
            points.map { (($0 - centre) * ($0 - centre)).sum().squareRoot() }.reduce(0, +) / Double(points.count)
        }
        let unaware = meanRadius(edge.refined(outline))
        edge.areaBlur = sigma
        let aware = meanRadius(edge.refined(outline))
        // σ²/2R = 0.35 px.
        #expect(unaware < 60 - 0.25, "without the blur: mean radius \(unaware)")
        #expect(abs(aware - 60) < 0.1, "with the blur: mean radius \(aware)")
    }
}
