import FootScanEngine
import FootScanImage

/// Draws what was measured on the scan: each foot's contour, axis, pternion, acropodion, toe tips, the
/// width, heel and ball lines, and labelled values; the picture a shoemaker shows the customer. Written
/// as a PNG at the scan's own density, so it prints at the foot's true size.
public enum OverlayRenderer {
    /// The overlay picture: the scan dimmed to half contrast, each foot's drawing in lines at least
    /// 0.4 mm wide, its values in a block beside it that covers no foot, and a legend naming every colour.
    /// When the scan leaves no room beside the feet (a narrow scan), the blocks go in a panel added on
    /// the right; the scan itself keeps its pixels and density.
    public static func draw(image: ScanImage, measurement: ScanMeasurement) -> OverlayCanvas {
        drawLaidOut(image: image, measurement: measurement).canvas
    }

    /// The overlay picture and its placed label blocks (the feet's first, in order, then the legend).
    static func drawLaidOut(image: ScanImage, measurement: ScanMeasurement) -> (canvas: OverlayCanvas, blocks: [LabelBlock]) {
        var canvas = OverlayCanvas(grey: image.pixels, width: image.width, height: image.height, stride: image.stride)
        let pixelMM = image.density?.millimetresPerPixel ?? 0.25
        let style = Style(pixelMM: pixelMM)
        for foot in measurement.feet {
            let g = foot.geometry
            // The print the arch indices were read on, under the contour: where the two part (the toes'
            // cut), it shows in the contact colour; elsewhere the contour covers it.
            for outline in g.archOutlines { canvas.polygon(outline, thickness: style.line, .contact) }
            for outline in g.contours { canvas.polygon(outline, thickness: style.line, .contour) }
            for outline in g.contactContours { canvas.polygon(outline, thickness: style.line, .contact) }
            for line in g.archThirdLines { canvas.line(line.0, line.1, thickness: style.line, .contact) }
            let axisEnd = g.pternion + g.axisDirection * (foot.lengthMM / pixelMM)
            canvas.line(g.pternion, axisEnd, thickness: style.line, .axis)
            // The width line is drawn wide under the ball line, which often lies on it.
            canvas.line(g.widthLine.0, g.widthLine.1, thickness: style.wide, .width)
            canvas.line(g.heelLine.0, g.heelLine.1, thickness: style.heavy, .heel)
            canvas.line(g.ballLine.0, g.ballLine.1, thickness: style.line, .ball)
            for tip in g.toeTips { canvas.dot(tip, radius: 1.2 / pixelMM, .toe) }
            canvas.dot(g.ballLine.0, radius: 1.5 / pixelMM, .ball)
            canvas.dot(g.ballLine.1, radius: 1.5 / pixelMM, .ball)
            canvas.dot(g.pternion, radius: 1.8 / pixelMM, .axis)
            canvas.dot(g.acropodion, radius: 1.8 / pixelMM, .axis)
        }
        var blocks: [LabelBlock] = measurement.feet.enumerated().map { index, foot in
            let lines = Self.labelLines(for: foot, number: index + 1)
            let xs = foot.geometry.contour.map(\.x), ys = foot.geometry.contour.map(\.y)
            let centre = SIMD2(((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2)
            return LabelBlock(lines: lines.map { LabelBlock.Line(text: $0) }, near: centre, scale: style.textScale)
        }
        let hasContact = measurement.feet.contains { !$0.geometry.contactContours.isEmpty || !$0.geometry.archThirdLines.isEmpty }
        blocks.append(LabelBlock(lines: legend + (hasContact ? [contactLegend] : []), near: SIMD2(Double(image.width), 0), scale: style.textScale))
        let hulls = measurement.feet.map(\.geometry.hull)
        layOut(&blocks, on: &canvas, around: hulls, style: style)
        // A leader from each foot's block to the nearest point of its foot, so no label reads as another's.
        for (block, hull) in zip(blocks, hulls) {
            let low = SIMD2(Double(block.origin.x), Double(block.origin.y))
            let high = low + SIMD2(Double(block.width), Double(block.height))
            guard let nearest = hull.min(by: { distance(from: $0, toBoxFrom: low, to: high) < distance(from: $1, toBoxFrom: low, to: high) }) else { continue }
            let start = nearest.clamped(lowerBound: low, upperBound: high)
            canvas.line(start, nearest, thickness: style.line, .label)
        }
        for block in blocks { canvas.draw(block) }
        return (canvas, blocks)
    }

    /// Distance from a point to an axis-aligned box.
    static func distance(from point: SIMD2<Double>, toBoxFrom low: SIMD2<Double>, to high: SIMD2<Double>) -> Double {
        let d = point - point.clamped(lowerBound: low, upperBound: high)
        return (d * d).sum().squareRoot()
    }

    /// What each colour means, in the order drawn.
    static let legend: [LabelBlock.Line] = [
        .init(text: "CONTOUR", swatch: .contour), .init(text: "AXIS, HEEL, TOE", swatch: .axis),
        .init(text: "WIDTH", swatch: .width), .init(text: "BALL", swatch: .ball),
        .init(text: "HEEL WIDTH", swatch: .heel), .init(text: "TOE TIPS", swatch: .toe),
    ]

    /// The legend's line for a podoscope's contact print and a print's arch thirds and toe cut, added
    /// when a foot has one.
    static let contactLegend = LabelBlock.Line(text: "CONTACT, ARCH", swatch: .contact)

    /// Line widths and text size for a pixel size: lines at least 0.4 mm (heel 0.6, width 1.2 mm), font pixels of
    /// about 0.5 mm (capitals 3.5 mm high), so the picture reads printed at true size or fitted to a screen.
    struct Style {
        let line: Double, heavy: Double, wide: Double, textScale: Int, cell: Int
        init(pixelMM: Double) {
            // Whole pixels, rounded up: a line is never drawn thinner than its millimetres.
            line = max(1, (0.4 / pixelMM).rounded(.up))
            heavy = max(2, (0.6 / pixelMM).rounded(.up))
            wide = max(3, (1.2 / pixelMM).rounded(.up))
            textScale = max(1, Int((0.5 / pixelMM).rounded()))
            cell = max(1, Int((2 / pixelMM).rounded()))
        }
    }

    /// Places each block at the free spot nearest its foot (covering no foot's hull, so not a print's
    /// arch gap either, inside the picture, 2 mm clear, nearer its own foot than any other); blocks with
    /// no room go in a panel added on the right of the canvas.
    static func layOut(_ blocks: inout [LabelBlock], on canvas: inout OverlayCanvas, around outlines: [[SIMD2<Double>]], style: Style) {
        var placer = LabelPlacer(width: canvas.width, height: canvas.height, cell: style.cell)
        for outline in outlines { placer.cover(polygon: outline, margin: 1) }
        var homeless: [Int] = []
        let centres = blocks.map(\.near)
        for index in blocks.indices {
            let block = blocks[index]
            let others = index < outlines.count ? centres.prefix(outlines.count).enumerated().filter { $0.offset != index }.map(\.element) : []
            if let spot = placer.place(width: block.width + 2 * style.cell, height: block.height + 2 * style.cell, near: block.near, closerThan: others) {
                blocks[index].origin = SIMD2(spot.x + style.cell, spot.y + style.cell)
                placer.cover(x: spot.x, y: spot.y, width: block.width + 2 * style.cell, height: block.height + 2 * style.cell)
            } else {
                homeless.append(index)
            }
        }
        guard !homeless.isEmpty else { return }
        let panelWidth = (homeless.map { blocks[$0].width }.max() ?? 0) + 2 * style.cell
        let left = canvas.width + style.cell
        canvas.widen(by: panelWidth)
        var y = style.cell
        for index in homeless {
            blocks[index].origin = SIMD2(left, y)
            y += blocks[index].height + style.cell
        }
    }

    /// The overlay as a PNG carrying the scan's density.
    public static func png(image: ScanImage, measurement: ScanMeasurement) throws(ImageEncodingError) -> [UInt8] {
        try encode(draw(image: image, measurement: measurement), image: image)
    }

    /// The picture of a scan that could not be measured: the foreground the engine found (tinted red),
    /// a box around each region it saw with its size, green for a foot and red for a region that is not
    /// one, and the reason across the top; so a technician sees at a glance why.
    public static func drawFailure(image: ScanImage, reason: String, runs: [(row: Int, start: Int, end: Int)],
                                   regions: [SeenRegion]) -> OverlayCanvas {
        var canvas = OverlayCanvas(grey: image.pixels, width: image.width, height: image.height, stride: image.stride)
        for run in runs {
            for x in run.start..<run.end { canvas.tint(x, run.row, .rejected) }
        }
        let pixelMM = image.density?.millimetresPerPixel ?? 0.25
        let style = Style(pixelMM: pixelMM)
        let thin = style.line
        // The density may be the very thing that is wrong: text is sized by the picture too.
        let scale = max(2, style.textScale, image.width / 500)
        for region in regions where region.areaMM2 >= 500 || region.isFoot {
            let colour: OverlayCanvas.Colour = region.isFoot ? .contour : .axis
            let corners = [SIMD2(Double(region.minX), Double(region.minY)), SIMD2(Double(region.maxX), Double(region.minY)),
                           SIMD2(Double(region.maxX), Double(region.maxY)), SIMD2(Double(region.minX), Double(region.maxY))]
            canvas.polygon(corners, thickness: thin, colour)
            canvas.text("\(region.isFoot ? "FOOT" : "NOT A FOOT") \(format(region.lengthMM)) X \(format(region.widthMM)) MM",
                        at: SIMD2(Double(region.minX), Double(region.minY) + 2 / pixelMM), scale: scale, .label)
        }
        // The reason, wrapped to the picture's width.
        let perLine = max(10, image.width / ((PixelFont.glyphWidth + 1) * scale) - 2)
        var lines: [String] = [], line = ""
        for word in reason.uppercased().split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > perLine { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        for (row, text) in lines.enumerated() {
            canvas.text(text, at: SIMD2(Double(2 * scale), Double((2 + row * 10) * scale)), scale: scale, .axis)
        }
        return canvas
    }

    /// A canvas as a PNG carrying the scan's density, written with the encoder's fast setting.
    public static func encode(_ canvas: OverlayCanvas, image: ScanImage) throws(ImageEncodingError) -> [UInt8] {
        try PNGEncoder.encode(pixels: canvas.pixels, width: canvas.width, height: canvas.height, channels: 3,
                              dotsPerInch: image.density?.dotsPerInch, preferSpeed: true)
    }

    /// The lines of a foot's label block: its number and side, its measures, the arch on a print, and
    /// the warnings a technician must see.
    static func labelLines(for foot: FootMeasurement, number: Int) -> [String] {
        var lines = ["\(number) \(foot.side.rawValue)",
                     "LENGTH \(format(foot.lengthMM)) MM", "WIDTH \(format(foot.widthMM)) MM",
                     "BALL \(format(foot.ballWidthMM)) MM", "HEEL \(format(foot.heelWidthMM)) MM",
                     "HEEL-BALL \(format(foot.heelToBallMM)) MM",
                     // A print on which no toe showed has no toe shape: its length ends at the ball.
                     foot.archIndex != nil && foot.toeTipsMM.count < 2 ? "TOES NOT SHOWN" : "TOES \(foot.toeShape.rawValue)"]
        if let arch = foot.archIndex, let type = foot.archType {
            lines.append("ARCH \(format3(arch)) \(type.rawValue)")
        }
        // Warnings a technician must see: a foot no human has, a side the cues disagree on.
        for warning in foot.warnings where [.implausibleSize, .implausibleShape, .sideUncertain].contains(warning) {
            lines.append(String(warning.rawValue.map { $0 == "_" ? " " : $0 }))
        }
        return lines
    }

    static func format3(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(abs(thousandths % 1000))
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count) + fraction)"
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
