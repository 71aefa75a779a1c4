#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import FootScanImage

/// A generated scan: the file's bytes, the truth of every foot (left to right as they lie in the
/// image) and the scene that made it.
public struct SyntheticScan: Sendable {
    /// The scene.
    public let scene: ScanScene
    /// The encoded file (PNG or JPEG).
    public let fileBytes: [UInt8]
    /// One truth per foot, sorted by the x of the foot's centre in the image.
    public let truth: [FootTruth]
    /// File name extension for `fileBytes`.
    public var fileExtension: String {
        if case .png = scene.format { return "png" }
        return "jpg"
    }
}

/// Draws scenes: anti-aliased outlines (exact horizontal coverage on 16 sub-scanlines per row), bed and
/// skin levels, gradient, light leak, skin texture, colour cast and sensor noise; then encodes the file.
public enum ScanRenderer {
    /// Sub-scanlines per pixel row.
    static let subScanlines = 16

    /// Renders and encodes a scene.
    public static func render(_ scene: ScanScene) throws -> SyntheticScan {
        let width = scene.widthPixels, height = scene.heightPixels
        let scale = 1 / scene.millimetresPerPixel
        var truths: [(centreX: Double, truth: FootTruth)] = []
        var edges: [Edge] = []
        for foot in scene.feet {
            let outline = FootOutline(shape: foot.shape)
            let pixels = outline.points.map { foot.toBed($0) * scale }
            let truth = FootTruth(outline: outline, side: foot.shape.side, placement: { foot.toBed($0) * scale })
            let centre = pixels.reduce(0.0) { $0 + $1.x } / Double(pixels.count)
            truths.append((centre, truth))
            for i in pixels.indices {
                if let edge = Edge(pixels[i], pixels[(i + 1) % pixels.count]) { edges.append(edge) }
            }
        }
        edges.sort { $0.top < $1.top }

        let lighting = scene.lighting
        let channels = lighting.skinTint == nil ? 1 : 3
        var output = [UInt8](repeating: 0, count: width * height * channels)
        var random = SeededRandom(seed: scene.seed)
        var coverage = [Double](repeating: 0, count: width + 2)
        var active: [Int] = []
        var next = 0
        var crossings: [Double] = []
        let leakPixels = lighting.leakWidthMM * scale
        let skinTint = lighting.skinTint ?? [1, 1, 1]
        let bedTint = lighting.bedTint ?? [1, 1, 1]
        let textureScale = 2 * Double.pi / (1.7 * scale) // about 1.7 mm creases
        for y in 0..<height {
            for i in coverage.indices { coverage[i] = 0 }
            for s in 0..<subScanlines {
                let ys = Double(y) + (Double(s) + 0.5) / Double(subScanlines)
                while next < edges.count && edges[next].top <= ys { active.append(next); next += 1 }
                active.removeAll { edges[$0].bottom <= ys }
                crossings.removeAll(keepingCapacity: true)
                for index in active where edges[index].top <= ys { crossings.append(edges[index].x(at: ys)) }
                crossings.sort()
                var k = 0
                while k + 1 < crossings.count {
                    addSpan(from: crossings[k], to: crossings[k + 1], weight: 1 / Double(subScanlines), into: &coverage, width: width)
                    k += 2
                }
            }
            var covered = 0.0
            let rowBase = y * width * channels
            for x in 0..<width {
                covered += coverage[x]
                let c = min(max(covered, 0), 1)
                var bed = lighting.bedLevel + lighting.gradient.x * (Double(x) / Double(width) - 0.5)
                    + lighting.gradient.y * (Double(y) / Double(height) - 0.5)
                if Double(x) < leakPixels { bed = lighting.leakLevel }
                var skin = lighting.skinLevel
                if c > 0 && lighting.texture > 0 {
                    let phase = Double(x) * textureScale + 2 * sin(Double(y) * textureScale * 0.37)
                    let wave: Double = sin(phase) * sin(Double(y) * textureScale * 0.8)
                    skin += lighting.texture * wave
                }
                for channel in 0..<channels {
                    let value = bed * bedTint[channel] * (1 - c) + skin * skinTint[channel] * c
                        + lighting.noise * random.normal()
                    output[rowBase + x * channels + channel] = UInt8(min(max(value.rounded(), 0), 255))
                }
            }
        }

        let bytes: [UInt8]
        let dpi = scene.writesDensity ? scene.dotsPerInch : nil
        switch scene.format {
        case .png:
            bytes = try PNGEncoder.encode(pixels: output, width: width, height: height, channels: channels, dotsPerInch: dpi)
        case .jpeg(let quality, let progressive):
            var options = JPEGEncoder.Options()
            options.quality = quality
            options.progressive = progressive
            options.dotsPerInch = dpi
            bytes = try JPEGEncoder.encode(pixels: output, width: width, height: height, channels: channels, options: options)
        }
        return SyntheticScan(scene: scene, fileBytes: bytes, truth: truths.sorted { $0.centreX < $1.centreX }.map(\.truth))
    }

    /// Adds the exact coverage of the span [from, to) on one sub-scanline to a difference row.
    static func addSpan(from: Double, to: Double, weight: Double, into coverage: inout [Double], width: Int) {
        let a = min(max(from, 0), Double(width)), b = min(max(to, 0), Double(width))
        guard b > a else { return }
        let ia = Int(a), ib = Int(b)
        let fa = a - Double(ia), fb = b - Double(ib)
        coverage[ia] += weight * (1 - fa)
        coverage[ia + 1] += weight * fa
        coverage[ib] -= weight * (1 - fb)
        coverage[ib + 1] -= weight * fb
    }

    /// A polygon edge that is not horizontal, in pixels.
    struct Edge {
        let top: Double
        let bottom: Double
        let xTop: Double
        let slope: Double

        init?(_ p: Point2, _ q: Point2) {
            guard p.y != q.y else { return nil }
            let (a, b) = p.y < q.y ? (p, q) : (q, p)
            top = a.y
            bottom = b.y
            xTop = a.x
            slope = (b.x - a.x) / (b.y - a.y)
        }

        func x(at y: Double) -> Double { xTop + (y - top) * slope }
    }
}
