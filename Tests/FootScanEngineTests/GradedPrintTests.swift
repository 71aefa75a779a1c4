@testable import FootScanEngine
import FootScanImage
import Testing

/// A solid print whose contact is graded (`MeasurementEngine.measureGradedPrint`), on hand-made prints
/// at 0.25 mm a pixel: a heel, a ball, five toe pads and a lateral band between heel and ball, on a
/// black bed; the dim band taken in, a dim halo around the print (a shadow, a soft edge) not.
@Suite("Graded prints: a dim arch band grown into the print, a halo around it not")
struct GradedPrintTests {
    /// The print, its band at `band` (the heel and ball at 220, the pads at 200), with a halo of `halo`
    /// 4 mm wide around heel and ball (0: none); the bed at 2. Millimetres, y down from the toes.
    static func print(band: Double, halo: Double = 0) -> ScanImage {
        let mm = 0.25
        func inEllipse(_ x: Double, _ y: Double, _ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double) -> Bool {
            let dx = (x - cx) / rx, dy = (y - cy) / ry
            return dx * dx + dy * dy <= 1
        }
        let pads: [(x: Double, y: Double, r: Double)] = [(32, 40, 9), (50, 36, 6), (63, 39, 5.5), (75, 44, 5), (86, 50, 4.5)]
        return PrintSegmenterTests.image(480, 1100) { px, py in
            let x = Double(px) * mm, y = Double(py) * mm
            if inEllipse(x, y, 60, 230, 28, 30) || inEllipse(x, y, 62, 85, 40, 24) { return 220 }
            if pads.contains(where: { inEllipse(x, y, $0.x, $0.y, $0.r, $0.r) }) { return 200 }
            // The band: from the ball's lateral part (x 72 to 98 at y 100) to the heel's (70 to 86 at 215).
            let t = (y - 100) / 115
            if (0...1).contains(t), x >= 72 - 2 * t, x <= 98 - 12 * t { return band }
            if halo > 0, inEllipse(x, y, 60, 230, 32, 34) || inEllipse(x, y, 62, 85, 44, 28) { return halo }
            return 2
        }
    }

    static func measure(_ image: ScanImage) throws -> FootMeasurement {
        let scan = try MeasurementEngine().measure(image)
        #expect(scan.feet.count == 1 && scan.imageKind == .footprint)
        return try #require(scan.feet.first)
    }

    @Test("a dim band (50 of 220) gives the arch index the same band gives at the print's level")
    func dimBand() throws {
        let solid = try Self.measure(Self.print(band: 220))
        let dim = try Self.measure(Self.print(band: 50))
        let solidIndex = try #require(solid.archIndex), dimIndex = try #require(dim.archIndex)
        #expect(solidIndex > 0.15, "the band carries the midfoot's contact: \(solidIndex)")
        #expect(abs(dimIndex - solidIndex) <= 0.01, "dim \(dimIndex), solid \(solidIndex)")
        #expect(abs(dim.lengthMM - solid.lengthMM) <= 0.3 && abs(dim.widthMM - solid.widthMM) <= 0.3,
                "length \(dim.lengthMM) against \(solid.lengthMM), width \(dim.widthMM) against \(solid.widthMM)")
    }

    /// The band at 50 makes the print worth growing; grown, the halo would add a fifth to its area, outside
    /// its hull. The whole growth is refused, so the band is left out with the halo: the limit of the rule.
    @Test("a dim halo around heel and ball, outside the print's hull, is not grown into it")
    func haloAround() throws {
        let plain = try Self.measure(Self.print(band: 50))
        let haloed = try Self.measure(Self.print(band: 50, halo: 50))
        #expect(abs(haloed.widthMM - plain.widthMM) <= 0.3 && abs(haloed.lengthMM - plain.lengthMM) <= 0.3,
                "width \(haloed.widthMM) against \(plain.widthMM), length \(haloed.lengthMM) against \(plain.lengthMM)")
    }
}
