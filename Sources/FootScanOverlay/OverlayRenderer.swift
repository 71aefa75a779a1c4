import FootScanEngine
import FootScanImage

/// Draws what was measured on the scan: each foot's contour, axis, pternion, acropodion, toe tips, the
/// width, heel and ball lines, and labelled values; the picture a shoemaker shows the customer. Written
/// as a PNG at the scan's own density, so it prints at the foot's true size.
public enum OverlayRenderer {
    /// The overlay picture.
    public static func draw(image: ScanImage, measurement: ScanMeasurement) -> OverlayCanvas {
        var canvas = OverlayCanvas(grey: image.pixels, width: image.width, height: image.height, stride: image.stride)
        let pixelMM = image.density?.millimetresPerPixel ?? 0.25
        let thin = max(1.0, 0.25 / pixelMM), thick = max(1.5, 0.5 / pixelMM)
        let scale = max(2, Int((1.0 / pixelMM).rounded()))
        for (index, foot) in measurement.feet.enumerated() {
            let g = foot.geometry
            for outline in g.contours { canvas.polygon(outline, thickness: thin, .contour) }
            let axisEnd = g.pternion + g.axisDirection * (foot.lengthMM / pixelMM)
            canvas.line(g.pternion, axisEnd, thickness: thin, .axis)
            canvas.line(g.widthLine.0, g.widthLine.1, thickness: thin, .width)
            canvas.line(g.heelLine.0, g.heelLine.1, thickness: thick, .heel)
            canvas.line(g.ballLine.0, g.ballLine.1, thickness: thin, .ball)
            for tip in g.toeTips { canvas.dot(tip, radius: 1.2 / pixelMM, .toe) }
            canvas.dot(g.ballLine.0, radius: 1.5 / pixelMM, .ball)
            canvas.dot(g.ballLine.1, radius: 1.5 / pixelMM, .ball)
            canvas.dot(g.pternion, radius: 1.8 / pixelMM, .axis)
            canvas.dot(g.acropodion, radius: 1.8 / pixelMM, .axis)

            // Labels beside the foot's centre.
            let xs = g.contour.map(\.x), ys = g.contour.map(\.y)
            let right = (xs.max() ?? 0) + 4 / pixelMM
            let top = (ys.min() ?? 0) + 10 / pixelMM
            let labelX = right + 60 / pixelMM < Double(image.width) ? right : max(0, (xs.min() ?? 0) - 60 / pixelMM)
            var lines = ["\(index + 1) \(foot.side.rawValue)",
                         "L \(format(foot.lengthMM)) MM", "W \(format(foot.widthMM)) MM",
                         "BALL \(format(foot.ballWidthMM)) MM", "HEEL \(format(foot.heelWidthMM)) MM",
                         "HEEL-BALL \(format(foot.heelToBallMM)) MM", foot.toeShape.rawValue]
            if let arch = foot.archIndex, let type = foot.archType {
                lines.append("ARCH \(format3(arch)) \(type.rawValue)")
            }
            // Warnings a technician must see: a foot no human has, a side the cues disagree on.
            for warning in foot.warnings where [.implausibleSize, .implausibleShape, .sideUncertain].contains(warning) {
                lines.append(String(warning.rawValue.map { $0 == "_" ? " " : $0 }))
            }
            for (row, text) in lines.enumerated() {
                canvas.text(text, at: SIMD2(labelX, top + Double(row * 10 * scale)), scale: scale, .label)
            }
        }
        return canvas
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
        let thin = max(1.0, 0.3 / pixelMM)
        let scale = max(2, Int((1.0 / pixelMM).rounded()))
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
