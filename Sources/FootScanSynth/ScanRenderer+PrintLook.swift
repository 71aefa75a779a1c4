import FootScanImage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanRenderer {
    /// Draws a scene as a print device makes it (``PrintLook``): grey for a contact scanner or a grey
    /// pressure map, RGB for an ink podograph, a podoscope or a map in a colour scale, as values 0...255 before quantisation. The print's polygons, and so the
    /// truth, are those of a plain generated print; a podoscope's truth is the whole sole's, with the arch
    /// indices of its contact print. An ink print on paper is seen from above (dorsal view): its truth
    /// names the other side, the foot that leaves that print on a sheet.
    static func drawPrintLook(_ scene: ScanScene, _ look: PrintLook) -> (values: [Float], channels: Int, truth: [FootTruth]) {
        let width = scene.widthPixels, height = scene.heightPixels
        let mmPerPixel = scene.millimetresPerPixel
        let scale = 1 / mmPerPixel
        var random = SeededRandom(seed: scene.seed)
        var extras = SeededRandom(seed: scene.seed ^ 0x9121_7100)

        struct Frame {
            let placed: PlacedFoot
            /// The foot's contact print: where its toes begin.
            let print: FootprintOutline
        }
        var frames: [Frame] = []
        var truths: [(centreX: Double, truth: FootTruth)] = []
        var contactPolygons: [[Point2]] = [], footPolygons: [[Point2]] = [], footPolygonsMM: [[Point2]] = []
        for foot in scene.feet {
            let outline = FootOutline(shape: foot.shape)
            let parameters = foot.print ?? FootprintParameters(midfootBandMM: 40, heelEnd: 0.3, forefootStart: 0.6, toeGapMM: 5)
            let contactOutline = look.contactInsetMM > 0 ? outline.inset(by: look.contactInsetMM) : outline
            let print = FootprintOutline(outline: contactOutline, shape: foot.shape, parameters: parameters)
            let placement = { (p: Point2) in foot.toBed(p) * scale }
            for shape in print.print + print.toePads { contactPolygons.append(shape.map(placement)) }
            let onBed = outline.points.map { foot.toBed($0) }
            footPolygonsMM.append(onBed)
            footPolygons.append(onBed.map { $0 * scale })
            // A photographed form's truth is the sheet's, what a tape on the paper gives; its pternion where
            // the photograph draws it.
            let seen = look.tilt.map { tilt in { (p: Point2) in tilt.photographed(foot.toBed(p)) * scale } } ?? placement
            var truth = FootTruth(print: print, side: foot.shape.side, placement: seen)
            if look.device == .podoscope {
                let contact = truth
                truth = FootTruth(outline: outline, side: foot.shape.side, placement: placement)
                truth.archIndex = contact.archIndex
                truth.chippauxSmirakIndex = contact.chippauxSmirakIndex
                truth.staheliIndex = contact.staheliIndex
            }
            if look.device == .inkGrid || look.device == .pressurePlate {
                // The paper (the plate's map) is seen from above: this print, drawn as the scanner's plantar view shows a foot,
                // is the other foot's (medial sides stay where they are drawn).
                truth.side = foot.shape.side == .left ? .right : .left
            }
            truths.append((onBed.reduce(0.0) { $0 + $1.x } / Double(onBed.count), truth))
            frames.append(Frame(placed: foot, print: print))
        }

        func coverage(of polygons: [[Point2]], blurMM: Double) -> [Double] {
            var map = coverageMap(polygons, width: width, height: height)
            if blurMM > 0 { gaussianBlur(&map, width: width, height: height, sigma: blurMM * scale) }
            return map
        }
        let contact = coverage(of: contactPolygons, blurMM: look.contactBlurMM)
        let wholeFoot = look.device == .podoscope ? coverage(of: footPolygons, blurMM: look.outlineBlurMM) : []
        // Trousers around the heels (a podoscope's): each leg's hem in its foot's frame, on the bed.
        let cloth = look.trousers.map { trousers in
            coverage(of: scene.feet.map { foot in
                trousers.outline().map { foot.toBed($0) * scale }
            }, blurMM: trousers.blurMM)
        } ?? []

        /// The nearest foot's frame at a point on the bed, mm: (along, across, that foot).
        func localFrame(_ p: Point2) -> (u: Double, v: Double, frame: Frame)? {
            var best: (u: Double, v: Double, frame: Frame)?
            var bestDistance = Double.infinity
            for frame in frames {
                let a = Point2(cos(frame.placed.angle), sin(frame.placed.angle))
                let d = p - frame.placed.pternionMM
                let u = d.dot(a), v = d.dot(Point2(-a.y, a.x))
                let distance = abs(v) + max(0, -u, u - frame.placed.shape.lengthMM)
                if distance < bestDistance { bestDistance = distance; best = (u, v, frame) }
            }
            return best
        }

        // Marks off the feet: dust on a scanner's glass; a form's frame, text and logo, and pencil marks.
        let footSamples = footPolygonsMM.flatMap { polygon in stride(from: 0, to: polygon.count, by: 8).map { polygon[$0] } }
        func clear(_ p: Point2, by distance: Double) -> Bool { footSamples.allSatisfy { ($0 - p).length >= distance } }
        var marks: [[Point2]] = [], pencil: [[Point2]] = []
        func circle(_ centre: Point2, _ radius: Double, clockwise: Bool = false) -> [Point2] {
            (0..<48).map { k in
                let t = Double(clockwise ? 48 - k : k) / 48 * 2 * Double.pi
                return (centre + Point2(cos(t), sin(t)) * radius) * scale
            }
        }
        func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Point2] {
            [Point2(x0, y0), Point2(x1, y0), Point2(x1, y1), Point2(x0, y1)].map { $0 * scale }
        }
        let bedW = scene.bedWidthMM, bedH = scene.bedHeightMM
        switch look.device {
        case .contactScanner:
            for _ in 0..<look.marks {
                let centre = Point2(extras.uniform(1...max(1.5, bedW - 1)), extras.uniform(1...max(1.5, bedH - 1)))
                if clear(centre, by: 3) { marks.append(circle(centre, extras.uniform(0.1...0.4))) }
            }
        case .inkGrid:
            // The frame 6 to 10 mm inside the sheet's edge, a rule under the header; two lines of text and a
            // logo in the header, pencil strokes below the prints.
            let inset = extras.uniform(6...10), line = 0.3
            let feetTop = footPolygonsMM.flatMap { $0 }.map(\.y).min() ?? bedH
            let feetBottom = footPolygonsMM.flatMap { $0 }.map(\.y).max() ?? 0
            marks += [rectangle(inset, inset, bedW - inset, inset + line), rectangle(inset, bedH - inset - line, bedW - inset, bedH - inset),
                      rectangle(inset, inset, inset + line, bedH - inset), rectangle(bedW - inset - line, inset, bedW - inset, bedH - inset)]
            let headerBottom = feetTop - extras.uniform(15...25)
            if headerBottom - inset > 14 {
                marks.append(rectangle(inset, headerBottom, bedW - inset, headerBottom + line))
                let logo = Point2(inset + 9, inset + 8)
                marks.append(circle(logo, 6))
                marks.append(circle(logo, 4.5, clockwise: true))
                marks.append(circle(logo, 2.5))
                var y = inset + 3
                while y + 3.5 < headerBottom - 1 {
                    var x = inset + 20
                    while x + 2.5 < bedW - inset - 3 {
                        if extras.uniform(0...1) < 0.85 {
                            for _ in 0..<2 {
                                let vertical = extras.uniform(0...1) < 0.5
                                let a = extras.uniform(0...1.8), b = extras.uniform(0...2.8)
                                marks.append(vertical ? rectangle(x + a, y, x + a + 0.35, y + 3) : rectangle(x, y + b, x + 2, y + b + 0.35))
                            }
                        }
                        x += 2.8
                    }
                    y += 5
                }
            }
            let room = (bedH - inset - 3) - (feetBottom + 8)
            if room > 4 {
                for _ in 0..<look.marks {
                    var p = Point2(extras.uniform((inset + 5)...max(inset + 6, bedW - inset - 40)), feetBottom + 8 + extras.uniform(0...room))
                    var heading = extras.uniform(-0.5...0.5)
                    var left: [Point2] = [], right: [Point2] = []
                    for _ in 0..<Int(extras.uniform(10...30)) {
                        heading += extras.uniform(-0.6...0.6)
                        let d = Point2(cos(heading), sin(heading)), n = Point2(-d.y, d.x) * 0.2
                        left.append((p + n) * scale)
                        right.append((p - n) * scale)
                        p = p + d
                        p.y = min(max(p.y, feetBottom + 6), bedH - inset - 2)
                    }
                    pencil.append(left + right.reversed())
                }
            }
        case .podoscope, .pressurePlate:
            break
        }
        // A plate's pressure also falls towards the print's edges (the sole's soft tissue): the contact
        // blurred over 4 mm (on a 1 mm grid), from 0.35 at an edge's foot to 1 well inside.
        let gridColumns = Int((Double(width) * mmPerPixel).rounded(.up)) + 1, gridRows = Int((Double(height) * mmPerPixel).rounded(.up)) + 1
        var inner: [Double] = []
        if look.device == .pressurePlate {
            inner = [Double](repeating: 0, count: gridColumns * gridRows)
            var counts = inner
            for y in 0..<height {
                let row = Int(Double(y) * mmPerPixel) * gridColumns
                for x in 0..<width {
                    inner[row + Int(Double(x) * mmPerPixel)] += contact[y * width + x]
                    counts[row + Int(Double(x) * mmPerPixel)] += 1
                }
            }
            for index in inner.indices where counts[index] > 0 { inner[index] /= counts[index] }
            gaussianBlur(&inner, width: gridColumns, height: gridRows, sigma: 4)
        }
        let pressureMap = look.device == .pressurePlate ? sensorMap(look, contact: contact, width: width, height: height, mmPerPixel: mmPerPixel,
                                                                    seed: scene.seed) { p in
            let x = min(max(Int(p.x), 0), gridColumns - 1), y = min(max(Int(p.y), 0), gridRows - 1)
            let falloff = 0.35 + 0.65 * min(1, 2 * inner[y * gridColumns + x])
            return falloff * (localFrame(p).map { look.pressure(u: $0.u, length: $0.frame.placed.shape.lengthMM, toeBase: $0.frame.print.toesBegin(atY: $0.v)) } ?? 0)
        } : []
        var markRasterizer = PolygonRasterizer(polygons: marks, width: width, subScanlines: 4)
        var pencilRasterizer = PolygonRasterizer(polygons: pencil, width: width, subScanlines: 4)
        var markRow = [Double](repeating: 0, count: width), pencilRow = [Double](repeating: 0, count: width)

        let channels = look.device == .contactScanner || look.greyMap ? 1 : 3
        var values = [Float](repeating: 0, count: width * height * channels)
        let centre = Point2(bedW / 2, bedH / 2), halfDiagonal = 0.5 * (bedW * bedW + bedH * bedH).squareRoot()
        let light = Point2(cos(look.lightDirection), sin(look.lightDirection))
        let gridA = Point2(cos(look.gridAngle), sin(look.gridAngle)), gridB = Point2(-gridA.y, gridA.x)
        let inkRGB = SIMD3(look.peakLevel * 0.8, look.peakLevel * 0.85, look.peakLevel * 1.3)
        let paperRGB = SIMD3(look.bedLevel, look.bedLevel * 0.99, look.bedLevel * 0.95)
        let seedBits = scene.seed
        // A photograph's noise is the camera's, added after the sheet is drawn through its tilt.
        let noise = look.tilt == nil ? scene.lighting.noise : 0
        for y in 0..<height {
            markRasterizer.coverage(row: y, into: &markRow)
            pencilRasterizer.coverage(row: y, into: &pencilRow)
            let ym = (Double(y) + 0.5) * mmPerPixel
            for x in 0..<width {
                let i = y * width + x
                let p = Point2((Double(x) + 0.5) * mmPerPixel, ym)
                let c = contact[i]
                var pressure = 0.0, u = 0.0, length = 1.0
                // A pressure plate's pressure is in its sensor map already: no second search per pixel.
                if look.device != .pressurePlate, c > 0.001 || (!wholeFoot.isEmpty && wholeFoot[i] > 0.001), let f = localFrame(p) {
                    u = f.u
                    length = f.frame.placed.shape.lengthMM
                    pressure = look.pressure(u: u, length: length, toeBase: f.frame.print.toesBegin(atY: f.v))
                }
                var rgb: SIMD3<Double>
                switch look.device {
                case .contactScanner:
                    let heel = 1 - (1 - look.heelShare) * min(max((0.35 * length - u) / (0.1 * length), 0), 1)
                    let ridge = 0.5 + 0.5 * sin(2 * Double.pi * (u + 0.6 * sin(p.dot(gridB) / 7)) / look.ridgeSpacingMM)
                    let level = look.peakLevel * (0.1 + 0.9 * pressure) * heel * (1 - look.ridgeDepth * ridge)
                    var grey = look.bedLevel + (level - look.bedLevel) * c
                    grey += (150 - grey) * markRow[x]
                    rgb = SIMD3(repeating: grey)
                case .inkGrid:
                    // Two families of lines; each cell's stretch of line inked when the pressure keeps it.
                    let a = p.dot(gridA) / look.gridSpacingMM, b = p.dot(gridB) / look.gridSpacingMM
                    let halfWidth = (0.05 + 0.09 * pressure) * look.gridSpacingMM / mmPerPixel
                    let keep = 0.5 + 0.5 * pressure
                    var ink = 0.0
                    for (along, across, family) in [(a, b, UInt64(1)), (b, a, UInt64(2))] {
                        let k = across.rounded()
                        let distance = abs(across - k) * look.gridSpacingMM / mmPerPixel
                        let line = min(max(halfWidth - distance + 0.5, 0), 1)
                        guard line > 0 else { continue }
                        let hash = ScanRenderer.mix(seedBits ^ family &* 0x9E37_79B9 ^ UInt64(bitPattern: Int64(k)) &* 0xBF58_476D
                                                    ^ UInt64(bitPattern: Int64(along.rounded(.down))) &* 0x94D0_49BB)
                        if Double(hash >> 11) / Double(1 << 53) < keep { ink = max(ink, line) }
                    }
                    rgb = paperRGB + (inkRGB - paperRGB) * (ink * c)
                    rgb += (SIMD3(repeating: 75) - rgb) * markRow[x]
                    rgb += (SIMD3(repeating: 165) - rgb) * pencilRow[x]
                    let facing = (p - centre).dot(light) / halfDiagonal
                    rgb *= 1 - look.lightFall / 255 * (0.5 - 0.5 * facing)
                case .podoscope:
                    let r = (p - centre).length / halfDiagonal
                    let level = look.bedLevel + look.bedRise * (1 - r * r)
                    let bed = SIMD3(level * 0.9, level, level * 1.15)
                    let dim = SIMD3(repeating: level + look.dimStep) * SIMD3(1, 1.05, 1)
                    // The foot hides the cloth where both lie: the cloth shows only beside the foot.
                    let shown = cloth.isEmpty ? wholeFoot[i] : wholeFoot[i] + (1 - wholeFoot[i]) * cloth[i] * (look.trousers?.share ?? 1)
                    rgb = bed + (dim - bed) * shown
                    let bright = SIMD3(0.92, 1.0, 0.9) * (look.peakLevel * (0.75 + 0.25 * pressure) + 8)
                    rgb += (bright - rgb) * c
                case .pressurePlate:
                    let value = pressureMap[i]
                    if value < 0 {
                        // A grid line over the plate (a grey map draws the tiles' gaps instead).
                        let line = look.greyMap ? (look.whiteBackground ? 255 : 0)
                            : look.whiteBackground ? SensorGrid.lineLevel.onWhite : SensorGrid.lineLevel.onBlack
                        rgb = SIMD3(repeating: line)
                    } else if look.greyMap {
                        rgb = SIMD3(repeating: look.whiteBackground ? 255 * (1 - value) : 255 * value)
                    } else {
                        rgb = value > 0 ? (look.pressureScale ?? .jet).colour(at: value) : SIMD3(repeating: look.whiteBackground ? 255 : 0)
                    }
                }
                let base = i * channels
                for channel in 0..<channels {
                    values[base + channel] = Float(min(max(rgb[channel] + noise * fastNormal(&random), 0), 255))
                }
            }
        }
        if let tilt = look.tilt {
            values = photographed(values, channels: channels, width: width, height: height, mmPerPixel: mmPerPixel, tilt: tilt,
                                  noise: scene.lighting.noise, random: &random)
        }
        return (values, channels, truths.sorted { $0.centreX < $1.centreX }.map(\.truth))
    }

    /// A pressure plate's map at the image's pixels, 0 (below the sensors' floor) or the pressure as a
    /// share of the highest cell's (0...1]: the foot's pressure (`contact` times `pressureAt`, mm on the
    /// bed) averaged over each sensor, a grid of `look.sensorPitchMM` at a random offset; then each pixel
    /// its cell's value (blocks) or the bilinear blend of the four nearest cells' centres (interpolated),
    /// zero below the floor.
    static func sensorMap(_ look: PrintLook, contact: [Double], width: Int, height: Int, mmPerPixel: Double, seed: UInt64,
                          pressureAt: (Point2) -> Double) -> [Double]
    {
        var random = SeededRandom(seed: seed ^ 0x5E45_0125)
        let pitch = look.sensorPitchMM
        let origin = Point2(random.uniform(0...pitch), random.uniform(0...pitch))
        let columns = Int(((Double(width) * mmPerPixel + origin.x) / pitch).rounded(.up)) + 1
        let rows = Int(((Double(height) * mmPerPixel + origin.y) / pitch).rounded(.up)) + 1
        var sums = [Double](repeating: 0, count: columns * rows), counts = [Double](repeating: 0, count: columns * rows)
        func cell(_ p: Point2) -> (Double, Double) { ((p.x + origin.x) / pitch, (p.y + origin.y) / pitch) }
        for y in 0..<height {
            for x in 0..<width {
                let p = Point2((Double(x) + 0.5) * mmPerPixel, (Double(y) + 0.5) * mmPerPixel)
                let (cx, cy) = cell(p)
                let index = Int(cy) * columns + Int(cx)
                counts[index] += 1
                let c = contact[y * width + x]
                if c > 0.001 { sums[index] += c * pressureAt(p) }
            }
        }
        var cells = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        let peak = cells.max() ?? 0
        guard peak > 0 else { return [Double](repeating: 0, count: width * height) }
        cells = cells.map { $0 / peak >= look.sensorFloor ? $0 / peak : 0 }
        var map = [Double](repeating: 0, count: width * height)
        // The gap between tiles, or a grid line, as a share of the pitch: the pixels whose centres lie
        // that near a cell's lower or left side (at least one pixel a pitch). A gap is zero pressure; a
        // line's pixels are marked -1, drawn in the line's grey.
        let gap = look.sensorGrid == nil ? 0 : max(SensorGrid.widthMM, mmPerPixel) / pitch
        let onLine = look.sensorGrid == .lines ? -1.0 : 0
        for y in 0..<height {
            for x in 0..<width {
                let (cx, cy) = cell(Point2((Double(x) + 0.5) * mmPerPixel, (Double(y) + 0.5) * mmPerPixel))
                if cx - cx.rounded(.down) < gap || cy - cy.rounded(.down) < gap {
                    map[y * width + x] = onLine
                    continue
                }
                if !look.interpolated {
                    map[y * width + x] = cells[Int(cy) * columns + Int(cx)]
                    continue
                }
                let gx = max(cx - 0.5, 0), gy = max(cy - 0.5, 0)
                let x0 = min(Int(gx), columns - 2), y0 = min(Int(gy), rows - 2)
                let fx = gx - Double(x0), fy = gy - Double(y0)
                let top = cells[y0 * columns + x0] * (1 - fx) + cells[y0 * columns + x0 + 1] * fx
                let bottom = cells[(y0 + 1) * columns + x0] * (1 - fx) + cells[(y0 + 1) * columns + x0 + 1] * fx
                let value = top * (1 - fy) + bottom * fy
                map[y * width + x] = value >= look.sensorFloor ? value : 0
            }
        }
        return map
    }

    /// A 64-bit mixer (splitmix64's finaliser): a hash of grid cells.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
