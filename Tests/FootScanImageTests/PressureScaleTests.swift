import FootScanImage
import Testing

/// Pressure plates' colour scales: read back into pressure, told from scans that are not maps, and
/// decoded as a grey channel.
@Suite("Pressure scales")
struct PressureScaleTests {
    @Test("each scale's colours read back as 1 + 254 t; black, skin, grey and white read as zero pressure")
    func levels() {
        for scale in PressureScale.allCases {
            for step in 0...20 {
                let t = Double(step) / 20
                let c = scale.colour(at: t)
                // The hot scale starts from black: its very lowest pressure is none.
                guard c.max() >= (scale.darkestRed ?? PressureScale.darkestPressure) + 2 else {
                    #expect(scale == .hot && t < 0.03 && scale.level(red: UInt8(c.x.rounded()), green: 0, blue: 0) == 0)
                    continue
                }
                let level = scale.level(red: UInt8(c.x.rounded()), green: UInt8(c.y.rounded()), blue: UInt8(c.z.rounded()))
                #expect(abs(Double(level) - (1 + 254 * t)) <= 3, "\(scale) t \(t): \(level)")
            }
            // On the hot scale white and pale colours are its highest pressures (it is read only on black).
            let pale = scale.isReadableOnWhite ? [(250, 250, 250), (220, 240, 216)] : []
            for (r, g, b) in [(0, 0, 0), (20, 15, 30), (200, 150, 120), (128, 128, 128)] + pale {
                #expect(scale.level(red: UInt8(r), green: UInt8(g), blue: UInt8(b)) == 0, "\(scale): (\(r), \(g), \(b)) is no pressure")
            }
        }
        // Skin stays off the hot scale, and so do black's colourless noise and a dark grey.
        for (r, g, b) in [(230, 190, 170), (120, 80, 60), (25, 20, 22), (40, 40, 40), (30, 14, 12)] {
            #expect(PressureScale.hot.level(red: UInt8(r), green: UInt8(g), blue: UInt8(b)) == 0, "hot: (\(r), \(g), \(b)) is no pressure")
        }
        // A dark red of 30 lies 30/255 of the way up the red's first 3/8 of the scale: level 1 + 254 t, 12.
        #expect(abs(Int(PressureScale.hot.level(red: 30, green: 2, blue: 0)) - 12) <= 2)
    }

    /// A 16 x 16 block sample: black border, the middle blocks `inside(column, row)`.
    static func sample(_ inside: (Int, Int) -> SIMD3<Float>) -> ColourSample {
        var means: [SIMD3<Float>] = []
        for row in 0..<16 {
            for column in 0..<16 {
                means.append((3..<13).contains(row) && (3..<13).contains(column) ? inside(column, row) : SIMD3(2, 1, 3))
            }
        }
        return ColourSample(columns: 16, rows: 16, blockPixels: 8, means: means)
    }

    @Test("a map is told by its colours: on one scale over a third of it or more, on black or white")
    func detection() {
        for scale in PressureScale.allCases {
            let map = Self.sample { column, _ in
                let c = scale.colour(at: Double(column - 3) / 9)
                return SIMD3(Float(c.x), Float(c.y), Float(c.z))
            }
            #expect(PressureScale.detect(map) == scale)
        }
        // Skin on a dark bed, skin on a white lid, and one hue on black are not maps; a map on white is.
        #expect(PressureScale.detect(Self.sample { _, _ in SIMD3(190, 140, 115) }) == nil)
        #expect(PressureScale.detect(Self.sample { _, _ in SIMD3(255, 0, 0) }) == nil)
        func onWhite(_ inside: @escaping (Int, Int) -> SIMD3<Float>) -> ColourSample {
            ColourSample(columns: 16, rows: 16, blockPixels: 8, means: Self.sample(inside).means.map { $0 == SIMD3(2, 1, 3) ? SIMD3(250, 251, 249) : $0 })
        }
        #expect(PressureScale.detect(onWhite { _, _ in SIMD3(190, 140, 115) }) == nil)
        // The hot scale runs to white: on white it is not read (its peaks would be the paper's colour).
        #expect(PressureScale.detect(onWhite { column, _ in
            let c = PressureScale.hot.colour(at: Double(column - 3) / 9)
            return SIMD3(Float(c.x), Float(c.y), Float(c.z))
        }) != .hot)
        #expect(PressureScale.detect(onWhite { column, _ in
            let c = PressureScale.jet.colour(at: Double(column - 3) / 9)
            return SIMD3(Float(c.x), Float(c.y), Float(c.z))
        }) == .jet)
    }

    /// A map whose sensors are drawn as tiles with a gap around each: the blocks over a gap are the
    /// tile's colour mixed with the background, darker on black and paler on white, and off the scale.
    /// With four blocks in ten so, no scale held nine in ten as drawn; read as a tile's colour, each does.
    @Test("a map of tiles with gaps is told by its colours, on black or white; skin is still no map")
    func tiledMap() {
        for onWhite in [false, true] {
            let background = onWhite ? SIMD3<Double>(250, 251, 249) : SIMD3<Double>(2, 1, 3)
            var means: [SIMD3<Float>] = []
            for row in 0..<16 {
                for column in 0..<16 {
                    guard (3..<13).contains(row) && (3..<13).contains(column) else {
                        means.append(SIMD3<Float>(background))
                        continue
                    }
                    let tile = PressureScale.jet.colour(at: Double(column - 3) / 9)
                    // Blocks in even columns lie over a gap: a third of them the background.
                    let share = column % 2 == 0 ? 2.0 / 3 : 1
                    means.append(SIMD3<Float>(tile * share + background * (1 - share)))
                }
            }
            let map = ColourSample(columns: 16, rows: 16, blockPixels: 8, means: means)
            #expect(PressureScale.detect(map) == .jet, "tiles on \(onWhite ? "white" : "black")")
        }
        // Skin, a third of some blocks the bed, is no map of tiles: unmixed from the bed, it is still skin.
        #expect(PressureScale.detect(Self.sample { column, _ in column % 2 == 0 ? SIMD3(127, 93, 77) : SIMD3(190, 140, 115) }) == nil)
    }

    /// A scale holds when nine in ten bright blocks lie on it; the reading stops at the first block
    /// past a tenth off it. The off-scale blocks come first here, so a count off by one either way
    /// fails one of the two.
    @Test("a map with a tenth of its blocks off the scale is one; with one block more, it is not")
    func offScaleShare() {
        for (offBlocks, expected) in [(10, PressureScale.jet as PressureScale?), (11, nil)] {
            let map = Self.sample { column, row in
                if (row - 3) * 10 + (column - 3) < offBlocks { return SIMD3(190, 140, 115) }
                let c = PressureScale.jet.colour(at: Double(column - 3) / 9)
                return SIMD3(Float(c.x), Float(c.y), Float(c.z))
            }
            #expect(PressureScale.detect(map) == expected, "\(offBlocks) of 100 blocks off the scale")
        }
    }

    @Test("a map decoded through its scale: grey is pressure, black is zero")
    func decoding() throws {
        // 96 x 64: black, with a band across the middle rows running the scale from left to right.
        var pixels = [UInt8]()
        for y in 0..<64 {
            for x in 0..<96 {
                let c = PressureScale.jet.colour(at: Double(x) / 95)
                pixels += (16..<48).contains(y) ? [UInt8(c.x.rounded()), UInt8(c.y.rounded()), UInt8(c.z.rounded())] : [0, 0, 0]
            }
        }
        var options = DecodingOptions()
        options.projection = .pressure(.jet)
        let image = try ScanDecoder.decode(ColourDecodingTests.png(pixels), file: "map", options: options)
        #expect(image.source.projection?.pressureScale == .jet)
        #expect(image[10, 5] == 0 && image[90, 60] == 0)
        for x in Swift.stride(from: 0, to: 96, by: 5) {
            // The table works at 5 bits a channel: within 8 levels of the pressure.
            #expect(abs(Double(image[x, 32]) - (1 + 254 * Double(x) / 95)) <= 8, "x \(x): \(image[x, 32])")
        }
    }
}
