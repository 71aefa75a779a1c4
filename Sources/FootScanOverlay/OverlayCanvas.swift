/// An RGB picture to draw an overlay on: the scan, dimmed, with lines, dots and labels in colour.
public struct OverlayCanvas: Sendable {
    /// Width in pixels (the scan's, or more when a label panel was added on the right).
    public internal(set) var width: Int
    /// Height in pixels.
    public let height: Int
    /// RGB bytes, packed.
    public internal(set) var pixels: [UInt8]

    /// An RGB colour.
    public struct Colour: Sendable {
        let r: UInt8, g: UInt8, b: UInt8
        static let contour = Colour(r: 40, g: 220, b: 80)
        static let axis = Colour(r: 230, g: 40, b: 40)
        static let width = Colour(r: 40, g: 140, b: 255)
        static let heel = Colour(r: 255, g: 170, b: 0)
        static let ball = Colour(r: 200, g: 80, b: 255)
        static let toe = Colour(r: 255, g: 255, b: 60)
        static let contact = Colour(r: 0, g: 230, b: 230)
        static let label = Colour(r: 255, g: 255, b: 255)
        static let shadow = Colour(r: 0, g: 0, b: 0)
        static let rejected = Colour(r: 255, g: 60, b: 60)
    }

    /// Mixes `colour` half into the pixel at (x, y).
    mutating func tint(_ x: Int, _ y: Int, _ colour: Colour) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 3
        pixels[i] = UInt8((Int(pixels[i]) + Int(colour.r)) / 2)
        pixels[i + 1] = UInt8((Int(pixels[i + 1]) + Int(colour.g)) / 2)
        pixels[i + 2] = UInt8((Int(pixels[i + 2]) + Int(colour.b)) / 2)
    }

    /// A canvas from grey pixels (rows `stride` apart), dimmed to half contrast so colours stand out.
    init(grey: [UInt8], width: Int, height: Int, stride: Int) {
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let value = UInt8(32 + Int(grey[y * stride + x]) / 2)
                let i = (y * width + x) * 3
                pixels[i] = value
                pixels[i + 1] = value
                pixels[i + 2] = value
            }
        }
        self.pixels = pixels
    }

    mutating func plot(_ x: Int, _ y: Int, _ colour: Colour) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 3
        pixels[i] = colour.r
        pixels[i + 1] = colour.g
        pixels[i + 2] = colour.b
    }

    /// A filled disc.
    mutating func dot(_ centre: SIMD2<Double>, radius: Double, _ colour: Colour) {
        let r = Int(radius.rounded(.up))
        let cx = Int(centre.x.rounded()), cy = Int(centre.y.rounded())
        for dy in -r...r {
            for dx in -r...r where Double(dx * dx + dy * dy) <= radius * radius { plot(cx + dx, cy + dy, colour) }
        }
    }

    /// A line `thickness` pixels wide.
    mutating func line(_ a: SIMD2<Double>, _ b: SIMD2<Double>, thickness: Double, _ colour: Colour) {
        let d = b - a
        let steps = max(1, Int(max(abs(d.x), abs(d.y)).rounded(.up)))
        for s in 0...steps {
            let p = a + d * (Double(s) / Double(steps))
            if thickness <= 1.5 { plot(Int(p.x.rounded()), Int(p.y.rounded()), colour) } else { dot(p, radius: thickness / 2, colour) }
        }
    }

    /// A closed polygon's outline.
    mutating func polygon(_ points: [SIMD2<Double>], thickness: Double, _ colour: Colour) {
        guard points.count > 1 else { return }
        for i in points.indices { line(points[i], points[(i + 1) % points.count], thickness: thickness, colour) }
    }

    /// Text in the pixel font, `scale` pixels per font pixel, top-left at `origin`, with a dark outline.
    mutating func text(_ string: String, at origin: SIMD2<Double>, scale: Int, _ colour: Colour) {
        let glyphs = string.uppercased().compactMap { PixelFont.glyphs[$0] ?? PixelFont.glyphs[" "] }
        for pass in 0..<2 {
            var x0 = Int(origin.x.rounded())
            let y0 = Int(origin.y.rounded())
            for glyph in glyphs {
                for (row, bits) in glyph.enumerated() {
                    for (column, bit) in bits.enumerated() where bit == "#" {
                        for sy in 0..<scale {
                            for sx in 0..<scale {
                                let x = x0 + column * scale + sx, y = y0 + row * scale + sy
                                if pass == 0 {
                                    for (ox, oy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] { plot(x + ox * max(1, scale / 2), y + oy * max(1, scale / 2), .shadow) }
                                } else {
                                    plot(x, y, colour)
                                }
                            }
                        }
                    }
                }
                x0 += (PixelFont.glyphWidth + 1) * scale
            }
        }
    }
}
