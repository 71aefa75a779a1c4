@testable import FootScanEngine
import FootScanImage
import Testing

/// Grey pressure maps told from grey scans on small drawn images: a pressure smooth at the pixels'
/// scale and of many levels on a noiseless black or white border is a map; a noisy border, a ridged
/// print or a print of one level is not.
@Suite("Grey pressure maps")
struct GreyPressureMapTests {
    static let width = 120, height = 90

    /// An ellipse of pressure on a background: `level(x, y)` inside (1...255, brightness), zero outside;
    /// drawn as darkness on white when `onWhite`; `noise` levels of hashed noise on the background.
    static func image(onWhite: Bool = false, noise: Int = 0, level: (Int, Int) -> Int) -> ScanImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - 60) / 45, dy = Double(y - 45) / 30
                var value = dx * dx + dy * dy <= 1 ? level(x, y) : 0
                if value == 0 && noise > 0 {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    value = Int(state >> 60) % (noise + 1)
                }
                pixels[y * width + x] = UInt8(onWhite ? 255 - value : value)
            }
        }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: ScanDensity(dotsPerInch: 100, source: .option),
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }

    /// A pressure that rises smoothly from 20 at the ellipse's left to 240 at its right (a heel pressed
    /// harder than the arch band).
    static func ramp(_ x: Int, _ y: Int) -> Int { 20 + (x - 15) * 220 / 90 }

    @Test("a smooth print of many levels on black or on white is a map; its pressure is the brightness or the darkness")
    func detected() throws {
        for onWhite in [false, true] {
            let image = Self.image(onWhite: onWhite, level: Self.ramp)
            let map = try #require(GreyPressureMap.detect(image), "on \(onWhite ? "white" : "black")")
            #expect(map.onWhite == onWhite)
            let pressure = map.pressure(of: image)
            for (x, y) in [(60, 45), (20, 45), (100, 40), (2, 2), (119, 89)] {
                let dx = Double(x - 60) / 45, dy = Double(y - 45) / 30
                let expected = dx * dx + dy * dy <= 1 ? Self.ramp(x, y) : 0
                #expect(Int(pressure.pixels[y * pressure.stride + x]) == expected, "(\(x), \(y)) on \(onWhite ? "white" : "black")")
            }
        }
    }

    @Test("levels within two of the background are zero pressure")
    func backgroundTolerance() throws {
        let image = Self.image { x, _ in x < 40 ? 2 : x < 50 ? 3 : Self.ramp(x, 0) }
        let map = try #require(GreyPressureMap.detect(image))
        let pressure = map.pressure(of: image)
        #expect(pressure.pixels[45 * pressure.stride + 35] == 0)
        #expect(pressure.pixels[45 * pressure.stride + 45] == 3)
    }

    @Test("a noisy border, a ridged print, a print of one or a few flat levels and a blank image are no maps")
    func notMaps() {
        // A scanner's bed: a few levels of noise.
        #expect(GreyPressureMap.detect(Self.image(noise: 3, level: Self.ramp)) == nil)
        // A contact scanner's ridges: stripes two pixels wide, along rows and along columns.
        #expect(GreyPressureMap.detect(Self.image { x, y in (x / 2) % 2 == 0 ? Self.ramp(x, y) : Self.ramp(x, y) / 3 }) == nil)
        #expect(GreyPressureMap.detect(Self.image { x, y in (y / 2) % 2 == 0 ? Self.ramp(x, y) : Self.ramp(x, y) / 3 }) == nil)
        // A solid print: one level; a print drawn in three flat levels (heel and ball, toes, a dim
        // band), smooth and of a wide spread, but nearly all of it in those levels.
        #expect(GreyPressureMap.detect(Self.image { _, _ in 180 }) == nil)
        #expect(GreyPressureMap.detect(Self.image { x, _ in x < 40 ? 200 : x < 70 ? 50 : 220 }) == nil)
        // The same with a tenth of its pixels on a ramp is still no map; with most of them on it, it is.
        #expect(GreyPressureMap.detect(Self.image { x, y in x < 40 ? 200 : x < 70 ? 50 : x < 96 ? 220 : Self.ramp(x, y) }) == nil)
        #expect(GreyPressureMap.detect(Self.image { x, y in x < 40 ? 200 : x < 50 ? 50 : Self.ramp(x, y) }) != nil)
        // A blank image: no print.
        #expect(GreyPressureMap.detect(Self.image { _, _ in 0 }) == nil)
    }
}
