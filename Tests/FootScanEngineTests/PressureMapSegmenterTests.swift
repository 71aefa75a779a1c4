@testable import FootScanEngine
import FootScanImage
import Testing

/// The pressure-map segmenter on small hand-made maps: blocks told from interpolation, the sensors'
/// pitch, and every pressure above zero kept.
@Suite("Pressure-map segmentation")
struct PressureMapSegmenterTests {
    /// Sensor values on a grid of `cells` x `cells`: zero outside a disc, rising towards its centre.
    static func cellValue(_ i: Int, _ j: Int, cells: Int) -> Double {
        let c = Double(cells - 1) / 2, r = ((Double(i) - c) * (Double(i) - c) + (Double(j) - c) * (Double(j) - c)).squareRoot()
        return r > c - 1 ? 0 : 30 + 200 * (1 - r / c)
    }

    /// The sensors' values blended bilinearly between their centres, `pitch` pixels apart.
    static func interpolated(_ x: Int, _ y: Int, pitch: Int, cells: Int) -> Double {
        let gx = max(Double(x) / Double(pitch) - 0.5, 0), gy = max(Double(y) / Double(pitch) - 0.5, 0)
        let i = min(Int(gx), cells - 2), j = min(Int(gy), cells - 2), fx = gx - Double(i), fy = gy - Double(j)
        let top = cellValue(i, j, cells: cells) * (1 - fx) + cellValue(i + 1, j, cells: cells) * fx
        let bottom = cellValue(i, j + 1, cells: cells) * (1 - fx) + cellValue(i + 1, j + 1, cells: cells) * fx
        return top * (1 - fy) + bottom * fy
    }

    @Test("a map of blocks gives its pitch; the same map interpolated gives none")
    func pitch() {
        for pitch in [9, 14, 23] {
            let cells = 16, size = cells * pitch
            let blocks = PrintSegmenterTests.image(size, size) { x, y in Self.cellValue(x / pitch, y / pitch, cells: cells) }
            let found = PressureMapSegmenter.sensorPixels(of: blocks)
            #expect(found.map { abs($0 - Double(pitch)) <= 0.6 } == true, "pitch \(pitch): \(String(describing: found))")
            let interpolated = PrintSegmenterTests.image(size, size) { x, y in Self.interpolated(x, y, pitch: pitch, cells: cells) }
            #expect(PressureMapSegmenter.sensorPixels(of: interpolated) == nil, "pitch \(pitch): interpolated")
        }
    }

    @Test("an interpolated map's ramps, stepped by the colour scale's levels, are not blocks when the pitch asked for is a sensor's")
    func steppedRamps() {
        // Sensors 60 px apart (5 mm at 300 dpi), blended between centres, the level rounded to steps of 12:
        // treads a few pixels wide, as a colour scale's levels make of gentle ramps at 600 dpi.
        let pitch = 60, cells = 14, size = cells * pitch
        let stepped = PrintSegmenterTests.image(size, size) { x, y in (Self.interpolated(x, y, pitch: pitch, cells: cells) / 12).rounded() * 12 }
        let anyPitch = PressureMapSegmenter.sensorPixels(of: stepped)
        let sensorPitch = PressureMapSegmenter.sensorPixels(of: stepped, shortest: PressureMapSegmenter.shortestPitchMM / (25.4 / 300))
        print("stepped ramps: pitch \(String(describing: anyPitch)) at 4 px or more, \(String(describing: sensorPitch)) at 2 mm or more")
        #expect(sensorPitch == nil)
        // Blocks of that pitch are still found.
        let blocks = PrintSegmenterTests.image(size, size) { x, y in Self.cellValue(x / pitch, y / pitch, cells: cells) }
        let found = PressureMapSegmenter.sensorPixels(of: blocks, shortest: PressureMapSegmenter.shortestPitchMM / (25.4 / 300))
        #expect(found.map { abs($0 - Double(pitch)) <= 0.6 } == true, "blocks: \(String(describing: found))")
    }

    @Test("every pressure above zero is foot, however faint; the edge is placed half-way to zero")
    func faint() {
        // A bright disc and, apart from it, a faint square of level 3 on black.
        let map = PrintSegmenterTests.image(120, 80) { x, y in
            let dx = Double(x - 40), dy = Double(y - 40)
            if dx * dx + dy * dy <= 400 { return 220 }
            return (80..<100).contains(x) && (30..<50).contains(y) ? 3 : 0
        }
        let foreground = PressureMapSegmenter(sensorPixels: nil).segment(map, pixelMM: 0.25)
        var area = 0
        for run in foreground.runs { area += Int(run.end - run.start) }
        // The disc (about 1,257 pixels) and the square (400); every level from 1 up is foot.
        #expect(abs(area - 1_257 - 400) <= 40, "area \(area)")
        #expect(foreground.edge.isForeground(1) && !foreground.edge.isForeground(0))
        #expect(foreground.minimumEdgeStep == PressureMapSegmenter.minimumEdgeStep)
        #expect(foreground.edgeRefinementMM == 2.4 * PressureMapSegmenter.typicalPitchMM)
    }
}
