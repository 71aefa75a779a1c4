@testable import FootScanEngine
import FootScanImage
import Testing

/// A pressure map drawn as tiles: the gaps between them closed, the sensors' pitch read off the
/// gaps, and a map without gaps left alone.
@Suite("Sensor tile gaps")
struct SensorTileGapsTests {
    /// A 200 x 160 map at 100 dpi (0.254 mm a pixel): a print 120 x 100 pixels of 20-pixel sensors
    /// whose levels rise across it, each tile with a `gap`-pixel gap of zero on its left and top; and a
    /// second print `apart` pixels to the right of the first (none when nil).
    static func map(gap: Int, apart: Int? = nil) -> ScanImage {
        let width = 200, height = 160
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 20..<120 {
            for x in 20..<140 {
                let (cx, cy) = ((x - 20) % 20, (y - 20) % 20)
                guard cx >= gap && cy >= gap else { continue }
                pixels[y * width + x] = UInt8(40 + 20 * ((x - 20) / 20))
            }
            if let apart {
                for x in (140 + apart)..<min(width, 160 + apart) { pixels[y * width + x] = 60 }
            }
        }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: ScanDensity(dotsPerInch: 100, source: .option),
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }

    @Test("one-pixel gaps between tiles are closed, the pitch read off them, and a ring of half a gap's pressure put around the print")
    func closesGaps() throws {
        let tiles = Self.map(gap: 1)
        let closed = try #require(SensorTileGaps.closed(tiles, pixelMM: 25.4 / 100))
        #expect(abs((closed.pitchPixels ?? 0) - 20) <= 0.5, "pitch \(String(describing: closed.pitchPixels))")
        let map = closed.map
        // Inside the print (past the first tiles' outer gap) no pixel is left at zero, and each is one of
        // its two neighbouring tiles' levels.
        for y in 21..<120 {
            for x in 21..<140 {
                let level = Int(map.pixels[y * map.stride + x])
                let own = 40 + 20 * ((x - 20) / 20)
                #expect(level == own || level == own - 20, "(\(x), \(y)): \(level)")
            }
        }
        // Around the print a ring a gap (one pixel) wide at half the level beside it: each tile is a gap
        // smaller than its sensor. Beyond it, zero.
        #expect(map.pixels[60 * map.stride + 140] == 70 && map.pixels[60 * map.stride + 141] == 0)
        #expect(map.pixels[120 * map.stride + 70] == 40 && map.pixels[121 * map.stride + 70] == 0)
        #expect(map.pixels[60 * map.stride + 20] == 20 && map.pixels[60 * map.stride + 19] == 0)
    }

    @Test("a map without gaps, and two prints a sensor apart, are left as they are")
    func leavesOthers() {
        #expect(SensorTileGaps.closed(Self.map(gap: 0), pixelMM: 25.4 / 100) == nil)
        #expect(SensorTileGaps.closed(Self.map(gap: 0, apart: 20), pixelMM: 25.4 / 100) == nil)
        // Gaps of 5 pixels (1.3 mm) are wider than a tile's: regions apart, not tiles.
        #expect(SensorTileGaps.closed(Self.map(gap: 5), pixelMM: 25.4 / 100) == nil)
    }
}
