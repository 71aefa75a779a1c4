#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanRenderer {
    /// Draws a scene with a real scanner's look (``RealLook``) in RGB, as values 0...255 before
    /// quantisation (so that a 16-bit PNG keeps its extra bits). The feet's outlines, and so the truth,
    /// are the same as on a plain bed; only the light changes.
    static func drawRealLook(_ scene: ScanScene, _ look: RealLook) -> (values: [Float], truth: [FootTruth]) {
        let width = scene.widthPixels, height = scene.heightPixels
        let mmPerPixel = scene.millimetresPerPixel
        let scale = 1 / mmPerPixel
        let quirks = scene.lighting.quirks ?? ScannerQuirks()
        var random = SeededRandom(seed: scene.seed)
        var extras = SeededRandom(seed: scene.seed ^ 0x1005_C0DE)

        // The feet: outlines, truth, and what each pixel needs of its foot's frame.
        struct FootFrame {
            let placed: PlacedFoot
            let outline: FootOutline
            let mirror: Double
        }
        var frames: [FootFrame] = []
        var truths: [(centreX: Double, truth: FootTruth)] = []
        var footPolygons: [[Point2]] = []
        var footPolygonsMM: [[Point2]] = []
        for foot in scene.feet {
            let outline = FootOutline(shape: foot.shape)
            let onBed = outline.points.map { foot.toBed($0) }
            footPolygonsMM.append(onBed)
            footPolygons.append(onBed.map { $0 * scale })
            let truth = FootTruth(outline: outline, side: foot.shape.side, placement: { foot.toBed($0) * scale })
            truths.append((onBed.reduce(0.0) { $0 + $1.x } / Double(onBed.count), truth))
            frames.append(FootFrame(placed: foot, outline: outline, mirror: foot.shape.side == .left ? -1 : 1))
        }

        // A cloth against each foot's medial arch: from 0.3 to 0.62 of the length, its inner edge 0.7 mm
        // under the sole's edge (so it touches the skin), its outer edge `clothWidthMM` beyond.
        var clothPolygons: [[Point2]] = []
        if look.clothWidthMM > 0 {
            for frame in frames {
                let length = frame.placed.shape.lengthMM
                var inner: [Point2] = []
                var x = 0.3 * length
                while x <= 0.62 * length {
                    let medial = frame.outline.points.filter { abs($0.x - x) < 0.6 }.map { $0.y * frame.mirror }.max() ?? 0
                    inner.append(Point2(x, (medial - 0.7) * frame.mirror))
                    x += 1
                }
                let outer = inner.reversed().map { Point2($0.x, $0.y + look.clothWidthMM * frame.mirror) }
                clothPolygons.append((inner + outer).map { frame.placed.toBed($0) * scale })
            }
        }

        // Dust and hairs on the glass, at least 3 mm from every foot.
        let footSamples = footPolygonsMM.flatMap { polygon in stride(from: 0, to: polygon.count, by: 8).map { polygon[$0] } }
        func clearOfFeet(_ p: Point2) -> Bool { footSamples.allSatisfy { ($0 - p).length >= 3 } }
        var dustPolygons: [[Point2]] = []
        for _ in 0..<quirks.specks {
            let centre = Point2(extras.uniform(1...max(1.5, scene.bedWidthMM - 1)), extras.uniform(1...max(1.5, scene.bedHeightMM - 1)))
            let radius = extras.uniform(0.1...0.5)
            guard clearOfFeet(centre) else { continue }
            dustPolygons.append((0..<12).map { k in
                let t = Double(k) / 12 * 2 * Double.pi
                return (centre + Point2(cos(t), sin(t)) * radius) * scale
            })
        }
        for _ in 0..<quirks.hairs {
            let start = Point2(extras.uniform(1...max(1.5, scene.bedWidthMM - 1)), extras.uniform(1...max(1.5, scene.bedHeightMM - 1)))
            let length = extras.uniform(5...30), halfWidth = extras.uniform(0.025...0.05)
            var heading = extras.uniform(0...(2 * Double.pi))
            let bend = extras.uniform(-0.08...0.08)
            var spine: [Point2] = [start]
            for _ in 0..<Int(length) {
                heading += bend
                spine.append(spine[spine.count - 1] + Point2(cos(heading), sin(heading)))
            }
            guard spine.allSatisfy(clearOfFeet) else { continue }
            var left: [Point2] = [], right: [Point2] = []
            for (i, p) in spine.enumerated() {
                let q = spine[min(i + 1, spine.count - 1)], o = spine[max(i - 1, 0)]
                let d = q - o, n = Point2(-d.y, d.x) * (halfWidth / max(d.length, 1e-9))
                left.append((p + n) * scale)
                right.append((p - n) * scale)
            }
            dustPolygons.append(left + right.reversed())
        }
        // Hairs and specks touching the feet (``ScanScene/touchingHairs(on:using:)``,
        // ``ScanScene/touchingSpecks(on:using:)``): colourless as the others, the sole drawn over their parts
        // under it. (A calibration card is not drawn in a real look.)
        dustPolygons += scene.objects.filter(ScanScene.isDust).map { $0.polygon.map { $0 * scale } }

        // Coverage of the feet, the heel's edge out of focus: a blurred copy mixed in where the heel is.
        var coverage = coverageMap(footPolygons, width: width, height: height)
        var soft: [Double] = []
        if look.heelBlurMM > 0 {
            soft = coverage
            gaussianBlur(&soft, width: width, height: height, sigma: look.heelBlurMM * scale)
        }
        func localFrame(_ xm: Double, _ ym: Double) -> (x: Double, y: Double, frame: FootFrame)? {
            var best: (x: Double, y: Double, frame: FootFrame)?
            var bestDistance = Double.infinity
            for frame in frames {
                let a = Point2(cos(frame.placed.angle), sin(frame.placed.angle))
                let d = Point2(xm, ym) - frame.placed.pternionMM
                let u = d.dot(a), v = d.dot(Point2(-a.y, a.x))
                let length = frame.placed.shape.lengthMM
                let distance = abs(v) + max(0, -u, u - length)
                if distance < bestDistance { bestDistance = distance; best = (u, v, frame) }
            }
            return best
        }
        if !soft.isEmpty {
            for y in 0..<height {
                let ym = (Double(y) + 0.5) * mmPerPixel
                for x in 0..<width {
                    let i = y * width + x
                    guard coverage[i] != soft[i], let f = localFrame((Double(x) + 0.5) * mmPerPixel, ym) else { continue }
                    let w = heelWeight(f.x, length: f.frame.placed.shape.lengthMM)
                    coverage[i] += w * (soft[i] - coverage[i])
                }
            }
        }

        var light = scene.lighting
        light.haloStrength = look.shadowStrength
        light.haloReachMM = look.shadowReachMM
        light.glare = 0
        light.callus = 0
        let fields = SceneFields(scene: ScanScene(dotsPerInch: scene.dotsPerInch, bedWidthMM: scene.bedWidthMM, bedHeightMM: scene.bedHeightMM,
                                                  feet: scene.feet, lighting: light, format: scene.format), polygonsMM: footPolygonsMM)

        var cloth = PolygonRasterizer(polygons: clothPolygons, width: width, subScanlines: 4)
        var dust = PolygonRasterizer(polygons: dustPolygons, width: width, subScanlines: 4)
        var clothRow = [Double](repeating: 0, count: width), dustRow = [Double](repeating: 0, count: width)
        let dustLevel = look.look == .darkBed ? 115.0 : 95.0
        let skinLuma = 0.299 * look.skinRGB[0] + 0.587 * look.skinRGB[1] + 0.114 * look.skinRGB[2]
        let extent = [scene.bedWidthMM, scene.bedHeightMM, scene.bedWidthMM, scene.bedHeightMM][look.gradientEdge]
        let reach = look.gradientReach * extent
        let corner: Point2 = [Point2(0, scene.bedHeightMM), Point2(0, 0), Point2(scene.bedWidthMM, 0),
                              Point2(scene.bedWidthMM, scene.bedHeightMM)][look.gradientEdge]
        let halfDiagonal = 0.5 * (scene.bedWidthMM * scene.bedWidthMM + scene.bedHeightMM * scene.bedHeightMM).squareRoot()
        var values = [Float](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            cloth.coverage(row: y, into: &clothRow)
            dust.coverage(row: y, into: &dustRow)
            let ym = (Double(y) + 0.5) * mmPerPixel
            for x in 0..<width {
                let xm = (Double(x) + 0.5) * mmPerPixel
                let c = coverage[y * width + x]
                // The bed: colourless, with the haze or the lid's gradient from one edge and into a corner.
                let fromEdge = [xm, ym, scene.bedWidthMM - xm, scene.bedHeightMM - ym][look.gradientEdge]
                var g = max(0, 1 - fromEdge / reach)
                let fromCorner = (Point2(xm, ym) - corner).length
                g = max(g * g, pow(max(0, 1 - fromCorner / look.cornerRadiusMM), 1.5))
                var bed = look.bedLevel + (look.gradientLevel - look.bedLevel) * g
                if let halo = fields.halo, c < 1 { bed *= 1 - look.shadowStrength * halo.sample(xm, ym) }
                bed += (look.clothLevel - bed) * clothRow[x]
                bed += (dustLevel - bed) * dustRow[x]
                var rgb = SIMD3<Double>(repeating: bed)
                if c > 0, let f = localFrame(xm, ym) {
                    rgb = rgb * (1 - c) + skinColour(look: look, skinLuma: skinLuma, u: f.x, v: f.y * f.frame.mirror,
                                                     outline: f.frame.outline, length: f.frame.placed.shape.lengthMM,
                                                     texture: scene.lighting.texture) * c
                }
                if quirks.vignetting > 0 {
                    let r = (Point2(xm, ym) - Point2(scene.bedWidthMM / 2, scene.bedHeightMM / 2)).length / halfDiagonal
                    rgb *= 1 - quirks.vignetting * r * r
                }
                let base = (y * width + x) * 3
                for channel in 0..<3 {
                    values[base + channel] = Float(min(max(rgb[channel] + scene.lighting.noise * fastNormal(&random), 0), 255))
                }
            }
        }
        return (values, truths.sorted { $0.centreX < $1.centreX }.map(\.truth))
    }

    /// How much of the heel's pallor and blur a point `u` mm along a foot's axis has: 1 behind 0.1 of the
    /// length, 0 from 0.2 on.
    static func heelWeight(_ u: Double, length: Double) -> Double { min(max((0.2 * length - u) / (0.1 * length), 0), 1) }

    /// The skin's colour at (u, v) in a foot's frame, v positive on the medial side: ridges and creases,
    /// a pale heel, toe pads on darker necks (luma falls, chroma stays), the arch in shade.
    static func skinColour(look: RealLook, skinLuma: Double, u: Double, v: Double, outline: FootOutline, length: Double,
                           texture: Double) -> SIMD3<Double> {
        var rgb = SIMD3(look.skinRGB[0], look.skinRGB[1], look.skinRGB[2])
        // Ridges about 0.5 mm apart, wavering; creases from the plain texture.
        let ridge = sin(2 * Double.pi * (u + 0.4 * sin(v / 6)) / 0.5)
        let crease = sin(u * 2.3) * sin(v * 1.9) + 0.5 * cos(u * 1.1 + v * 0.7)
        rgb *= 1 + look.ridges * ridge
        rgb -= SIMD3(repeating: texture * 0.6 * crease)
        // The heel: paler (towards a colourless grey 15% lighter).
        let heel = heelWeight(u, length: length) * look.heelPallor
        rgb += (SIMD3(repeating: 1.15 * skinLuma) - rgb) * heel
        // Toe necks: from the toes' base to each pad, and beside the narrow pads of toes 2 to 4.
        var neck = 0.0
        if u > outline.toeBaseX - 3 {
            // The toe whose centre line is nearest (centres are medial-positive for a right foot; v is medial-positive).
            let mirror = outline.toeTips[0].y >= outline.toeTips[1].y ? 1.0 : -1.0
            var k = 0
            for index in 1..<5 where abs(outline.toeTips[index].y * mirror - v) < abs(outline.toeTips[k].y * mirror - v) { k = index }
            let tip = outline.toeTips[k], size = outline.toeSizes[k]
            let padStart = tip.x - 1.6 * size.capLength
            let rising = min(max((u - (outline.toeBaseX - 3)) / 1.5, 0), 1)
            let falling = min(max((padStart - u) / 1.0, 0), 1)
            neck = min(rising, falling)
            if (1...3).contains(k) && u >= padStart - 1 {
                let off = abs(v - tip.y * mirror) - look.padShare * size.halfWidth
                neck = max(neck, min(max(off / 0.5, 0), 1))
            }
        }
        if neck > 0 {
            let luma = 0.299 * rgb.x + 0.587 * rgb.y + 0.114 * rgb.z
            rgb -= SIMD3(repeating: neck * (1 - look.neckLuma) * luma)
        }
        // The arch in shade (light bed): the medial side from 0.25 to 0.6 of the length, deepening over
        // 0.05 of the length along the foot and over 15 mm from the axis towards the medial edge.
        if look.archShade < 1 && v > 0 {
            let along = min(max(min(u - 0.25 * length, 0.6 * length - u) / (0.05 * length), 0), 1)
            let across = min(v / 15, 1)
            rgb *= 1 - (1 - look.archShade) * along * across
        }
        return SIMD3(max(rgb.x, 0), max(rgb.y, 0), max(rgb.z, 0))
    }
}
