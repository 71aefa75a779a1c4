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
/// skin levels, gradient, light leak, halo, glare strip, callus, skin texture, colour cast and sensor
/// noise; then encodes the file.
public enum ScanRenderer {
    /// Sub-scanlines per pixel row.
    static let subScanlines = 16

    /// Renders and encodes a scene. A real scanner's look is RGB, written as JPEG (4:2:0 chroma) or as PNG
    /// of 8 bits a sample, or 16 with that quirk; PNG is written with the encoder's fast setting.
    public static func render(_ scene: ScanScene) throws -> SyntheticScan {
        let dpi = scene.writesDensity ? (scene.claimedDotsPerInch ?? scene.dotsPerInch) : nil
        let rendered: (pixels: [UInt8], channels: Int, truth: [FootTruth])
        // 16-bit PNG rows (big-endian samples), for a look with that quirk.
        var wideRows: [UInt8]?
        if let look = scene.lighting.printLook {
            let (values, channels, truth) = drawPrintLook(scene, look)
            rendered = (values.map { UInt8($0.rounded()) }, channels, truth)
        } else if let look = scene.lighting.realLook {
            let (values, truth) = drawRealLook(scene, look)
            if case .png = scene.format, scene.lighting.quirks?.sixteenBit == true {
                var rows = [UInt8](repeating: 0, count: values.count * 2)
                for (i, v) in values.enumerated() {
                    let sample = UInt16(min(max((v * 257).rounded(), 0), 65535))
                    rows[2 * i] = UInt8(sample >> 8)
                    rows[2 * i + 1] = UInt8(sample & 0xFF)
                }
                wideRows = rows
            }
            rendered = (values.map { UInt8($0.rounded()) }, 3, truth)
        } else {
            rendered = draw(scene)
        }
        let bytes: [UInt8]
        switch scene.format {
        case .png:
            var options = PNGEncoder.Options()
            options.colourType = rendered.channels == 3 ? .rgb : .grey
            options.dotsPerInch = dpi
            options.preferSpeed()
            if wideRows != nil { options.bitDepth = 16 }
            bytes = try PNGEncoder.encode(rows: wideRows ?? rendered.pixels, width: scene.widthPixels, height: scene.heightPixels,
                                          options: options)
        case .jpeg(let quality, let progressive):
            var options = JPEGEncoder.Options()
            options.quality = quality
            options.progressive = progressive
            options.dotsPerInch = dpi
            bytes = try JPEGEncoder.encode(pixels: rendered.pixels, width: scene.widthPixels, height: scene.heightPixels,
                                           channels: rendered.channels, options: options)
        }
        return SyntheticScan(scene: scene, fileBytes: bytes, truth: rendered.truth)
    }

    /// The pixels (grey, or RGB with a colour cast) and the truth, before encoding.
    public static func draw(_ scene: ScanScene) -> (pixels: [UInt8], channels: Int, truth: [FootTruth]) {
        if let look = scene.lighting.printLook {
            let (values, channels, truth) = drawPrintLook(scene, look)
            return (values.map { UInt8($0.rounded()) }, channels, truth)
        }
        if let look = scene.lighting.realLook {
            let (values, truth) = drawRealLook(scene, look)
            return (values.map { UInt8($0.rounded()) }, 3, truth)
        }
        let width = scene.widthPixels, height = scene.heightPixels
        let mmPerPixel = scene.millimetresPerPixel
        let scale = 1 / mmPerPixel
        var truths: [(centreX: Double, truth: FootTruth)] = []
        var polygons: [[Point2]] = []
        var polygonsMM: [[Point2]] = []
        for foot in scene.feet {
            let outline = FootOutline(shape: foot.shape)
            let placement = { (p: Point2) in foot.toBed(p) * scale }
            let shapes: [[Point2]]
            let truth: FootTruth
            if let parameters = foot.print {
                let print = FootprintOutline(outline: outline, shape: foot.shape, parameters: parameters)
                shapes = print.print + print.toePads
                truth = FootTruth(print: print, side: foot.shape.side, placement: placement)
            } else {
                shapes = [outline.points]
                truth = FootTruth(outline: outline, side: foot.shape.side, placement: placement)
            }
            for shape in shapes {
                let onBed = shape.map { foot.toBed($0) }
                polygonsMM.append(onBed)
                polygons.append(onBed.map { $0 * scale })
            }
            let outlineOnBed = outline.points.map { foot.toBed($0) }
            truths.append((outlineOnBed.reduce(0.0) { $0 + $1.x } / Double(outlineOnBed.count), truth))
        }
        for object in scene.objects {
            let onBed = object.polygon
            polygonsMM.append(onBed)
            polygons.append(onBed.map { $0 * scale })
        }
        let lighting = scene.lighting
        let fields = SceneFields(scene: scene, polygonsMM: polygonsMM)

        let channels = lighting.skinTint == nil ? 1 : 3
        var output = [UInt8](repeating: 0, count: width * height * channels)
        var random = SeededRandom(seed: scene.seed)
        var rasterizer = PolygonRasterizer(polygons: polygons, width: width, subScanlines: subScanlines)
        var coverage = [Double](repeating: 0, count: width)
        let leakPixels = lighting.leakWidthMM * scale
        let skinTint = lighting.skinTint ?? [1, 1, 1]
        let bedTint = lighting.bedTint ?? [1, 1, 1]
        let wave = 2 * Double.pi / (1.7 * scale) // skin creases about 1.7 mm apart
        let textureX = (0..<width).map { sin(Double($0) * wave) }
        let textureX2 = (0..<width).map { cos(Double($0) * wave * 0.53) }
        // With blur, the whole coverage map first, spread by a Gaussian (separable, 3 sigma either side).
        var blurred: [Double] = []
        if lighting.edgeBlurMM > 0 {
            blurred = coverageMap(polygons, width: width, height: height)
            ScanRenderer.gaussianBlur(&blurred, width: width, height: height, sigma: lighting.edgeBlurMM * scale)
        }
        for y in 0..<height {
            if blurred.isEmpty {
                rasterizer.coverage(row: y, into: &coverage)
            } else {
                for x in 0..<width { coverage[x] = blurred[y * width + x] }
            }
            let textureY = sin(Double(y) * wave * 0.8), textureY2 = cos(Double(y) * wave * 1.3)
            let ym = (Double(y) + 0.5) * mmPerPixel
            let rowBase = y * width * channels
            for x in 0..<width {
                let c = coverage[x]
                let xm = (Double(x) + 0.5) * mmPerPixel
                var bed = lighting.bedLevel + lighting.gradient.x * (Double(x) / Double(width) - 0.5)
                    + lighting.gradient.y * (Double(y) / Double(height) - 0.5)
                if Double(x) < leakPixels { bed = lighting.leakLevel }
                var skin = lighting.skinLevel
                if c < 1 {
                    if let halo = fields.halo { bed *= 1 - lighting.haloStrength * halo.sample(xm, ym) }
                    if let glare = fields.glare { bed += lighting.glare * (lighting.skinLevel - bed) * glare.sample(xm, ym) }
                }
                if c > 0 {
                    skin += lighting.texture * (textureX[x] * textureY + 0.5 * textureX2[x] * textureY2)
                    if let callus = fields.callus { skin += lighting.callus * (bed - skin) * callus.sample(xm, ym) }
                }
                for channel in 0..<channels {
                    let value = bed * bedTint[channel] * (1 - c) + skin * skinTint[channel] * c
                        + lighting.noise * fastNormal(&random)
                    output[rowBase + x * channels + channel] = UInt8(min(max(value.rounded(), 0), 255))
                }
            }
        }
        return (output, channels, truths.sorted { $0.centreX < $1.centreX }.map(\.truth))
    }

    /// The coverage of every pixel by `polygons` (in pixels), row after row: a `width` x `height` map.
    static func coverageMap(_ polygons: [[Point2]], width: Int, height: Int) -> [Double] {
        var map = [Double](repeating: 0, count: width * height)
        var rasterizer = PolygonRasterizer(polygons: polygons, width: width, subScanlines: subScanlines)
        var row = [Double](repeating: 0, count: width)
        for y in 0..<height {
            rasterizer.coverage(row: y, into: &row)
            for x in 0..<width { map[y * width + x] = row[x] }
        }
        return map
    }

    /// Spreads `values` (a `width` x `height` map) by a Gaussian of `sigma` pixels, rows then columns;
    /// beyond the border the nearest edge value continues.
    static func gaussianBlur(_ values: inout [Double], width: Int, height: Int, sigma: Double) {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        var line = [Double](repeating: 0, count: max(width, height))
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0.0
                for k in -radius...radius { sum += kernel[k + radius] * values[y * width + min(max(x + k, 0), width - 1)] }
                line[x] = sum
            }
            for x in 0..<width { values[y * width + x] = line[x] }
        }
        for x in 0..<width {
            for y in 0..<height {
                var sum = 0.0
                for k in -radius...radius { sum += kernel[k + radius] * values[min(max(y + k, 0), height - 1) * width + x] }
                line[y] = sum
            }
            for y in 0..<height { values[y * width + x] = line[y] }
        }
    }

    /// An approximately normal value (sum of four uniforms, scaled to unit variance): cheap per pixel.
    @inline(__always) static func fastNormal(_ random: inout SeededRandom) -> Double {
        let bits = random.next()
        let sum = Double(bits & 0xFFFF) + Double((bits >> 16) & 0xFFFF) + Double((bits >> 32) & 0xFFFF) + Double(bits >> 48)
        return (sum / 65536 - 2) * 1.7320508075688772
    }
}

/// The slowly varying fields of a scene on a 1 mm grid.
struct SceneFields {
    var halo: BedField?
    var glare: BedField?
    var callus: BedField?

    init(scene: ScanScene, polygonsMM: [[Point2]]) {
        let lighting = scene.lighting
        guard lighting.haloStrength > 0 || lighting.glare > 0 || lighting.callus > 0 else { return }
        let columns = max(2, Int(scene.bedWidthMM.rounded(.up))), rows = max(2, Int(scene.bedHeightMM.rounded(.up)))
        var rasterizer = PolygonRasterizer(polygons: polygonsMM, width: columns, subScanlines: 4)
        var inside = [Double](repeating: 0, count: columns * rows)
        var row = [Double](repeating: 0, count: columns)
        for y in 0..<rows {
            rasterizer.coverage(row: y, into: &row)
            for x in 0..<columns { inside[y * columns + x] = row[x] }
        }
        let mask = BedField(columns: columns, rows: rows, values: inside)
        if lighting.haloStrength > 0 {
            var halo = mask.blurred(radius: max(1, Int((lighting.haloReachMM / 2).rounded())))
            for i in halo.values.indices { halo.values[i] = min(1, 2 * halo.values[i]) }
            self.halo = halo
        }
        // Each cell's position in each foot's frame.
        func frames(_ x: Double, _ y: Double) -> [(x: Double, y: Double, foot: PlacedFoot)] {
            scene.feet.map { foot in
                let a = Point2(cos(foot.angle), sin(foot.angle))
                let d = Point2(x, y) - foot.pternionMM
                return (d.dot(a), d.dot(Point2(-a.y, a.x)), foot)
            }
        }
        if lighting.glare > 0 {
            let near = mask.blurred(radius: max(1, Int((lighting.glareWidthMM / 2).rounded())))
            var glare = BedField(columns: columns, rows: rows, values: [Double](repeating: 0, count: columns * rows))
            for y in 0..<rows {
                for x in 0..<columns where inside[y * columns + x] < 0.5 && near.values[y * columns + x] > 0.01 {
                    for f in frames(Double(x) + 0.5, Double(y) + 0.5) {
                        let lateral = f.foot.shape.side == .right ? -f.y : f.y
                        let length = f.foot.shape.lengthMM
                        if lateral > 0 && f.x > 0.2 * length && f.x < 0.85 * length { glare.values[y * columns + x] = 1 }
                    }
                }
            }
            self.glare = glare.blurred(radius: 1)
        }
        if lighting.callus > 0 {
            var callus = BedField(columns: columns, rows: rows, values: [Double](repeating: 0, count: columns * rows))
            for y in 0..<rows {
                for x in 0..<columns where inside[y * columns + x] > 0 {
                    for f in frames(Double(x) + 0.5, Double(y) + 0.5) where f.x > -2 && f.x < f.foot.shape.lengthMM + 2 && abs(f.y) < 80 {
                        let length = f.foot.shape.lengthMM
                        let heel = min(max((0.14 * length - f.x) / (0.07 * length), 0), 1)
                        let toes = min(max((f.x - (length - 14)) / 8, 0), 1)
                        callus.values[y * columns + x] = max(callus.values[y * columns + x], max(heel, toes))
                    }
                }
            }
            self.callus = callus.blurred(radius: 2)
        }
    }
}
