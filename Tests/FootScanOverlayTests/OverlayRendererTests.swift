@testable import FootScanOverlay
import FootScanEngine
import FootScanImage
import FootScanSynth
import Testing

@Suite("Overlay pictures: readable lines, labels beside their foot, a legend for every colour")
struct OverlayRendererTests {
    /// A generated scan, decoded and measured.
    static func measured(seed: UInt64, dpi: Double, feet: Int, footprints: Bool = false, padless: Bool = false) throws -> (ScanImage, ScanMeasurement) {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [dpi]
        conditions.footCount = feet
        conditions.footprints = footprints
        conditions.padlessPrints = padless
        conditions.formats = [.png]
        let scan = try ScanRenderer.render(ScanScene.random(seed: seed, conditions: conditions))
        let image = try ScanPipeline().decode(scan.fileBytes)
        return (image, try MeasurementEngine().measure(image))
    }

    /// Whether a point lies inside a convex polygon (either winding).
    static func inside(_ p: SIMD2<Double>, _ hull: [SIMD2<Double>]) -> Bool {
        var sign = 0.0
        for i in hull.indices {
            let a = hull[i], b = hull[(i + 1) % hull.count]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if cross != 0 {
                if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { return false }
            }
        }
        return true
    }

    /// How many of the picture's pixels are `colour`, leaving out `block` (the legend) and 20 pixels round it.
    static func pixelCount(of colour: OverlayCanvas.Colour, in canvas: OverlayCanvas, outside block: LabelBlock?) -> Int {
        var count = 0
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                if let block, x >= block.origin.x - 20, x < block.origin.x + block.width + 20,
                   y >= block.origin.y - 20, y < block.origin.y + block.height + 20 { continue }
                let i = (y * canvas.width + x) * 3
                if canvas.pixels[i] == colour.r && canvas.pixels[i + 1] == colour.g && canvas.pixels[i + 2] == colour.b { count += 1 }
            }
        }
        return count
    }

    @Test("labels and legend lie inside the picture, cover no foot, and each foot's block is nearer its foot than any other's",
          arguments: [(UInt64(12), 150.0, 2, false), (UInt64(3), 300.0, 2, false), (UInt64(1004), 100.0, 1, true), (UInt64(7), 600.0, 1, false)])
    func layout(seed: UInt64, dpi: Double, feet: Int, footprints: Bool) throws {
        let (image, measurement) = try Self.measured(seed: seed, dpi: dpi, feet: feet, footprints: footprints)
        try #require(measurement.feet.count == feet)
        let (canvas, blocks) = OverlayRenderer.drawLaidOut(image: image, measurement: measurement)
        #expect(blocks.count == feet + 1)
        for block in blocks {
            #expect(block.origin.x >= 0 && block.origin.y >= 0)
            #expect(block.origin.x + block.width <= canvas.width && block.origin.y + block.height <= canvas.height)
            // No corner, edge midpoint or centre of a block inside any foot's hull.
            let xs = [block.origin.x, block.origin.x + block.width / 2, block.origin.x + block.width]
            let ys = [block.origin.y, block.origin.y + block.height / 2, block.origin.y + block.height]
            for x in xs {
                for y in ys {
                    for foot in measurement.feet {
                        #expect(!Self.inside(SIMD2(Double(x), Double(y)), foot.geometry.hull), "block \(block.lines.first?.text ?? "") covers a foot")
                    }
                }
            }
        }
        if feet == 2 {
            for (index, block) in blocks.prefix(2).enumerated() {
                let centre = SIMD2(Double(block.origin.x) + Double(block.width) / 2, Double(block.origin.y) + Double(block.height) / 2)
                let distances = blocks.prefix(2).map { ((centre - $0.near) * (centre - $0.near)).sum() }
                #expect(distances[index] < distances[1 - index])
            }
        }
    }

    @Test("the legend names every colour drawn, and every colour it names is drawn")
    func legend() throws {
        let (image, measurement) = try Self.measured(seed: 12, dpi: 150, feet: 2)
        let canvas = OverlayRenderer.draw(image: image, measurement: measurement)
        let named = OverlayRenderer.legend.compactMap(\.swatch)
        let drawnColours: [OverlayCanvas.Colour] = [.contour, .axis, .width, .ball, .heel, .toe]
        #expect(Set(named.map(\.key)) == Set(drawnColours.map(\.key)))
        // Each named colour appears on the scan outside the legend (the drawing itself).
        let legendBlock = OverlayRenderer.drawLaidOut(image: image, measurement: measurement).blocks.last
        for colour in named {
            let found = Self.pixelCount(of: colour, in: canvas, outside: legendBlock) > 0
            #expect(found, "colour \(colour.key) named but not drawn")
        }
    }

    /// The failure picture's reason, as the engine words its density error, showed blanks for its
    /// apostrophe, semicolon and brackets.
    @Test("every character of a failure's reason has a glyph of the font's size")
    func reasonGlyphs() {
        let reason = "the foot would be 506 mm long at the file's 72 dpi: the density is probably wrong; calibrate the scanner "
            + "(footscan calibrate) or give the true density (--override-dpi)"
        for character in reason.uppercased() {
            let glyph = PixelFont.glyphs[character]
            #expect(glyph != nil, "no glyph for \(character)")
            #expect(glyph.map { $0.count == PixelFont.glyphHeight && $0.allSatisfy { $0.count == PixelFont.glyphWidth } } ?? false)
        }
        for (character, rows) in PixelFont.glyphs {
            #expect(rows.count == PixelFont.glyphHeight && rows.allSatisfy { $0.count == PixelFont.glyphWidth }, "glyph \(character)")
        }
    }

    @Test("a print's arch thirds and its toes' cut are drawn in the contact colour, which the legend names")
    func archLines() throws {
        let (image, measurement) = try Self.measured(seed: 3, dpi: 100, feet: 2, footprints: true, padless: true)
        try #require(measurement.feet.contains { !$0.geometry.archThirdLines.isEmpty })
        let (canvas, blocks) = OverlayRenderer.drawLaidOut(image: image, measurement: measurement)
        let legend = try #require(blocks.last)
        #expect(legend.lines.contains { $0.text == OverlayRenderer.contactLegend.text })
        let drawn = Self.pixelCount(of: .contact, in: canvas, outside: legend)
        // Two lines a foot across the print, each some 60 mm long at least: hundreds of pixels at 100 dpi.
        #expect(drawn >= 2 * measurement.feet.count * 200, "\(drawn) pixels in the contact colour")
    }

    @Test("a print on which no toe showed is labelled so, not with a toe shape; a print with its toes joined keeps its shape")
    func toesNotShown() throws {
        var seen = (none: 0, joined: 0)
        for seed: UInt64 in 1...6 {
            let (_, measurement) = try Self.measured(seed: seed, dpi: 100, feet: 2, footprints: true, padless: true)
            for (index, foot) in measurement.feet.enumerated() where foot.archIndex != nil {
                let lines = OverlayRenderer.labelLines(for: foot, number: index + 1)
                if foot.toeTipsMM.count < 2 {
                    seen.none += 1
                    #expect(lines.contains("TOES NOT SHOWN") && !lines.contains { $0.hasPrefix("TOES ") && $0 != "TOES NOT SHOWN" }, "\(lines)")
                } else {
                    seen.joined += 1
                    #expect(lines.contains("TOES \(foot.toeShape.rawValue)"), "\(lines)")
                }
            }
        }
        #expect(seen.none >= 1 && seen.joined >= 1, "both kinds of print drawn: \(seen)")
    }

    @Test("lines are at least 0.4 mm wide at any density", arguments: [150.0, 300.0, 600.0])
    func lineWidth(dpi: Double) throws {
        let style = OverlayRenderer.Style(pixelMM: 25.4 / dpi)
        #expect(style.line * 25.4 / dpi >= 0.4 - 1e-9)
        #expect(style.heavy >= style.line && style.wide >= style.heavy)
        // Drawn: a horizontal line's cross-section, counted in pixels.
        var canvas = OverlayCanvas(grey: [UInt8](repeating: 128, count: 200 * 200), width: 200, height: 200, stride: 200)
        canvas.line(SIMD2(20, 100), SIMD2(180, 100), thickness: style.line, .contour)
        let column = (0..<200).filter { y in
            let i = (y * 200 + 100) * 3
            return canvas.pixels[i] == OverlayCanvas.Colour.contour.r && canvas.pixels[i + 1] == OverlayCanvas.Colour.contour.g
        }
        #expect(Double(column.count) * 25.4 / dpi >= 0.4 - 1e-9, "\(column.count) px at \(dpi) dpi")
    }

    @Test("a scan with no room beside the foot gets a panel on the right; the scan keeps its pixels")
    func narrowScan() throws {
        let (image, measurement) = try Self.measured(seed: 7, dpi: 150, feet: 1)
        let foot = try #require(measurement.feet.first)
        // Crop to the foot's bounding box and 3 mm around it.
        let xs = foot.geometry.contour.map(\.x), ys = foot.geometry.contour.map(\.y)
        let pad = 3 / (25.4 / 150)
        let x0 = max(0, Int((xs.min() ?? 0) - pad)), x1 = min(image.width, Int((xs.max() ?? 0) + pad))
        let y0 = max(0, Int((ys.min() ?? 0) - pad)), y1 = min(image.height, Int((ys.max() ?? 0) + pad))
        var pixels: [UInt8] = []
        for y in y0..<y1 { pixels += image.pixels[(y * image.stride + x0)..<(y * image.stride + x1)] }
        let narrow = ScanImage(width: x1 - x0, height: y1 - y0, stride: x1 - x0, pixels: pixels, density: image.density, source: image.source)
        let narrowMeasurement = try MeasurementEngine().measure(narrow)
        let (canvas, blocks) = OverlayRenderer.drawLaidOut(image: narrow, measurement: narrowMeasurement)
        #expect(canvas.width > narrow.width)
        #expect(canvas.height == narrow.height)
        #expect(blocks.first.map { $0.origin.x >= narrow.width } == true, "the foot's block is in the panel")
        // The scan's part is the dimmed scan where nothing is drawn: the top-left pixel.
        #expect(canvas.pixels[0] == UInt8(32 + Int(narrow.pixels[0]) / 2))
    }
}

extension OverlayCanvas.Colour {
    /// A hashable key for comparing colours in tests.
    var key: Int { Int(r) << 16 | Int(g) << 8 | Int(b) }
}
