/// A colour scale a pressure plate's software draws its map in: zero pressure black, every pressure
/// above zero a colour of the scale, from the lowest (`t` = 0) to the highest (`t` = 1). Read back
/// through ``level(red:green:blue:)``, a map becomes a grey image of its pressure: a print is wherever
/// the pressure is above zero, whatever the hue.
public enum PressureScale: String, Sendable, Hashable, CaseIterable, Codable {
    /// MATLAB's jet: dark blue, blue, cyan, yellow, red, dark red.
    case jet
    /// A rainbow at full brightness: blue, cyan, green, yellow, red.
    case rainbow
    /// A black body's glow (MATLAB's hot): black, dark red, red, orange, yellow, white. Its lowest
    /// pressures are darker than any other scale's: a dark red is read as pressure down to a red of 16
    /// where green and blue stay under a third of it; its white is its highest
    /// pressure, so it is read only on black (``detect(_:)``).
    case hot

    /// The scale's colour at `t` (0...1), RGB 0...255.
    public func colour(at t: Double) -> SIMD3<Double> {
        let t = min(max(t, 0), 1)
        func ramp(_ value: Double) -> Double { min(max(value, 0), 1) * 255 }
        switch self {
        case .jet:
            return SIMD3(ramp(1.5 - abs(4 * t - 3)), ramp(1.5 - abs(4 * t - 2)), ramp(1.5 - abs(4 * t - 1)))
        case .rainbow:
            // Hue from 240 degrees (blue) down to 0 (red) at full saturation and value.
            let hue = (1 - t) * 4
            return SIMD3(ramp(2 - hue), ramp(hue < 2 ? hue : 4 - hue), ramp(hue - 2))
        case .hot:
            // Red from black to full by 3/8, then green by 3/4, then blue.
            return SIMD3(ramp(t / 0.375), ramp((t - 0.375) / 0.375), ramp((t - 0.75) / 0.25))
        }
    }

    /// How far a colour may lie from the scale (RGB distance) and still read as a pressure: JPEG's
    /// chroma and a map's interpolation move colours off it a little; skin, paper, grey and glare lie far
    /// from every scale.
    public static let tolerance = 48.0

    /// The darkest a pressure's colour is (its brightest channel): darker is the black of zero pressure.
    package static let darkestPressure = 56.0

    /// The darkest red read as a pressure where green and blue stay under a third of it, for a scale that
    /// starts from black (``hot``: 16 of 255, its lowest 2% read as none): black's noise and a JPEG's
    /// ringing are colourless, a pressure's dark red is not. Nil: every pressure is at least
    /// `darkestPressure` bright.
    package var darkestRed: Double? {
        switch self {
        case .jet, .rainbow: nil
        case .hot: 16
        }
    }

    /// Whether a map in the scale may lie on white: not when white is one of its pressures (``hot``'s
    /// highest), where the paper would read as a peak.
    package var isReadableOnWhite: Bool {
        switch self {
        case .jet, .rainbow: true
        case .hot: false
        }
    }

    /// The grey level of a colour: 0 for black (zero pressure) or a colour off the scale; else 1 + 254 t
    /// for the nearest point `t` of the scale.
    public func level(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let colour = SIMD3(Double(red), Double(green), Double(blue))
        let darkRed = darkestRed.map { colour.x >= $0 && 3 * max(colour.y, colour.z) < colour.x } ?? false
        guard colour.max() >= Self.darkestPressure || darkRed, let t = nearest(colour), t.distance <= Self.tolerance else { return 0 }
        return UInt8((1 + 254 * t.t).rounded())
    }

    /// Whether `colour` may be a colour of the scale mixed with `background` (a block over the gap
    /// between two tiles): a share of 90% down to 30% of it the scale's colour, and that colour within
    /// ``tolerance`` of the scale.
    package func holdsMixed(_ colour: SIMD3<Double>, background: SIMD3<Double>) -> Bool {
        for step in 3...9 {
            let share = Double(step) / 10
            let unmixed = (colour - background * (1 - share)) / share
            guard unmixed.min() >= -Self.tolerance / 2, unmixed.max() <= 255 + Self.tolerance / 2 else { continue }
            if let t = nearest(unmixed), t.distance <= Self.tolerance { return true }
        }
        return false
    }

    /// The point of the scale nearest `colour`: its `t` and the RGB distance.
    public func nearest(_ colour: SIMD3<Double>) -> (t: Double, distance: Double)? {
        var best: (t: Double, distance: Double)?
        for step in 0...255 {
            let t = Double(step) / 255
            let d = colour - self.colour(at: t)
            let distance = (d * d).sum().squareRoot()
            if distance < best?.distance ?? .infinity { best = (t, distance) }
        }
        return best
    }

    /// ``level(red:green:blue:)`` for every colour at 5 bits a channel (a 32 x 32 x 32 table, each entry
    /// the level of its cell's centre), built once per scale.
    var table: [UInt8] {
        switch self {
        case .jet: Self.jetTable
        case .rainbow: Self.rainbowTable
        case .hot: Self.hotTable
        }
    }

    private static let jetTable = PressureScale.jet.makeTable()
    private static let rainbowTable = PressureScale.rainbow.makeTable()
    private static let hotTable = PressureScale.hot.makeTable()

    private func makeTable() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 32 * 32 * 32)
        for r in 0..<32 {
            for g in 0..<32 {
                for b in 0..<32 {
                    table[(r << 10) | (g << 5) | b] = level(red: UInt8(r * 8 + 4), green: UInt8(g * 8 + 4), blue: UInt8(b * 8 + 4))
                }
            }
        }
        return table
    }

    /// The scale a colour image's sample is drawn in, when it is a pressure map: the border black or
    /// white (colourless, and darker than a pressure's colour or paler than any of the scale's), and
    /// nearly every coloured block (at least 0.5 % of them all) on one scale, spread over at least a third
    /// of it (a map has several hues; a single-coloured object is no map). ``hot`` only on black: its
    /// highest pressure is white.
    ///
    /// A map whose software draws each sensor as a tile, with a gap of the background's colour around
    /// it, is told too: when no scale held and one held at least as many of the blocks it read as it
    /// failed, the scales are read again with a block off a scale counted on it where it is one of the
    /// scale's colours mixed with the background (`holdsMixed(_:background:)`). A map without gaps is
    /// decided by the first reading alone. (`SensorTileGaps` (FootScanEngine) closes the gaps.)
    public static func detect(_ sample: ColourSample) -> PressureScale? {
        let means = sample.means
        guard sample.columns >= 8, sample.rows >= 8, means.count == sample.columns * sample.rows else { return nil }
        var border: [SIMD3<Float>] = []
        for column in 0..<sample.columns {
            border.append(means[column])
            border.append(means[(sample.rows - 1) * sample.columns + column])
        }
        for row in 0..<sample.rows {
            border.append(means[row * sample.columns])
            border.append(means[row * sample.columns + sample.columns - 1])
        }
        let background = border.sorted { $0.max() < $1.max() }[border.count / 2]
        let black = Double(background.max()) < darkestPressure / 2
        let white = Double(background.min()) > 225
        guard black || white else { return nil }
        // A coloured block: bright on black; on white, a colour the scale has (one channel well below
        // the others: white and pale paper have none).
        let coloured: (SIMD3<Float>) -> Bool = white ? { $0.max() - $0.min() >= 96 } : { Double($0.max()) >= 96 }
        let bright = means.filter(coloured)
        guard bright.count * 200 >= means.count, bright.count >= 20 else { return nil }
        // At most about 4,000 blocks are read against the scales.
        let step = max(1, bright.count / 4_000)
        let read = (bright.count + step - 1) / step
        // First as drawn; then, when a scale held at least half the blocks it read before failing, with
        // each block off it also read as a tile's colour mixed with the background (a map whose software
        // draws each sensor as a tile with a gap around it: a block over a gap is darker, or paler on
        // white, than the tile's colour). The first round alone decides every map without gaps.
        var nearlyHeld = false
        let backgroundColour = SIMD3(Double(background.x), Double(background.y), Double(background.z))
        for mixing in [false, true] where !mixing || nearlyHeld {
            for scale in allCases where black || scale.isReadableOnWhite {
                // A scale fails once more than a tenth of the blocks read lie off it: on a colour scan's
                // skin that is after a tenth of them, not all (each is compared with 256 of the scale's
                // colours; reading them all cost some 20 ms on a 300 dpi flatbed scan on a dark bed).
                // Blocks read as a tile's colour mixed with the background count as on the scale; the
                // spread is read on the blocks that lie on it as drawn.
                var onScale: [Double] = [], mixed = 0, off = 0
                for index in Swift.stride(from: 0, to: bright.count, by: step) {
                    let mean = SIMD3(Double(bright[index].x), Double(bright[index].y), Double(bright[index].z))
                    if let t = scale.nearest(mean), t.distance <= tolerance {
                        onScale.append(t.t)
                    } else if mixing, scale.holdsMixed(mean, background: backgroundColour) {
                        mixed += 1
                    } else {
                        off += 1
                        if off * 10 > read { break }
                    }
                }
                if onScale.count >= off { nearlyHeld = true }
                guard (onScale.count + mixed) * 10 >= read * 9, !onScale.isEmpty else { continue }
                onScale.sort()
                let low = onScale[onScale.count / 20], high = onScale[onScale.count * 19 / 20]
                if high - low >= 1.0 / 3 { return scale }
            }
        }
        return nil
    }
}
