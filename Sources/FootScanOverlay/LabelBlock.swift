/// A block of label lines in the pixel font, sized from the font: a foot's values or the legend.
struct LabelBlock {
    /// One line: text, with a colour swatch before it in a legend.
    struct Line {
        var text: String
        var swatch: OverlayCanvas.Colour?
    }

    /// The lines, top to bottom.
    var lines: [Line]
    /// Where the block wants to be (pixels): its foot's centre, or a corner.
    var near: SIMD2<Double>
    /// Pixels per font pixel.
    var scale: Int
    /// Top-left corner once placed (pixels).
    var origin = SIMD2<Int>(0, 0)

    init(lines: [Line], near: SIMD2<Double>, scale: Int) {
        self.lines = lines
        self.near = near
        self.scale = max(1, scale)
    }

    /// Font pixels from one line's top to the next's.
    static let lineAdvance = PixelFont.glyphHeight + 3
    /// Font pixels a swatch and its gap take before the text.
    static let swatchAdvance = 2 * (PixelFont.glyphWidth + 1)

    /// Width in pixels: the longest line, with its swatch.
    var width: Int {
        lines.map { ($0.text.count * (PixelFont.glyphWidth + 1) + ($0.swatch == nil ? 0 : Self.swatchAdvance)) * scale }.max() ?? 0
    }

    /// Height in pixels.
    var height: Int { max(0, lines.count * Self.lineAdvance - 3) * scale }
}

extension OverlayCanvas {
    /// Draws a placed block: a darkened background 1 font pixel wider than the text, then each line
    /// (white on a dark outline) after its swatch.
    mutating func draw(_ block: LabelBlock) {
        let pad = block.scale * 2
        darken(x: block.origin.x - pad, y: block.origin.y - pad, width: block.width + 2 * pad, height: block.height + 2 * pad)
        for (row, line) in block.lines.enumerated() {
            var x = block.origin.x
            let y = block.origin.y + row * LabelBlock.lineAdvance * block.scale
            if let swatch = line.swatch {
                let size = PixelFont.glyphHeight * block.scale
                for dy in 0..<size { for dx in 0..<(size + block.scale * 3) { plot(x + dx, y + dy, swatch) } }
                x += LabelBlock.swatchAdvance * block.scale
            }
            text(line.text, at: SIMD2(Double(x), Double(y)), scale: block.scale, .label)
        }
    }

    /// Darkens a rectangle to a third, so text over the scan reads.
    mutating func darken(x: Int, y: Int, width w: Int, height h: Int) {
        let x0 = max(0, x), y0 = max(0, y), x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for i in (row * width + x0) * 3..<(row * width + x1) * 3 { pixels[i] /= 3 }
        }
    }

    /// Adds `extra` columns of dark grey on the right (a panel for labels with no room on the scan).
    mutating func widen(by extra: Int) {
        guard extra > 0 else { return }
        let newWidth = width + extra
        var wider = [UInt8](repeating: 24, count: newWidth * height * 3)
        for row in 0..<height {
            wider.replaceSubrange((row * newWidth * 3)..<((row * newWidth + width) * 3), with: pixels[(row * width * 3)..<((row + 1) * width * 3)])
        }
        pixels = wider
        width = newWidth
    }
}
