@testable import FootScanEngine
import FootScanImage
import Testing

/// Which blobs are a print's toes when a form's text lies near them: none beyond a printed line
/// (`FootGrouping.crossesLine`), and of more than five the far smaller first out
/// (`FootGrouping.withoutSmallOutliers`). A hand-made print at 0.25 mm a pixel, an ellipse 240 x 84 mm with
/// five toe pads of 50 mm² ahead of it (one 25 mm off, the faint toe that stands farthest), and a glyph of
/// the form's text 18 mm from the print.
@Suite("Which blobs are a print's toes")
struct ToePadChoiceTests {
    /// The scene, in millimetres: the print, its toes, the glyph (`glyph` mm wide, 5 mm high), and the
    /// form's line when `line`.
    static func scan(line: Bool, glyph glyphWidth: Double = 4) -> ScanImage {
        let toes: [SIMD2<Double>] = [SIMD2(243.4, 47), SIMD2(257.1, 61), SIMD2(260, 75), SIMD2(273.1, 89), SIMD2(243.4, 103)]
        return PrintSegmenterTests.image(1200, 600) { px, py in
            let x = Double(px) * 0.25, y = Double(py) * 0.25
            let dx = (x - 130) / 120, dy = (y - 75) / 42
            let print = dx * dx + dy * dy <= 1
            let toe = toes.contains { ((SIMD2(x, y) - $0) * (SIMD2(x, y) - $0)).sum() <= 16 }
            let glyph = abs(x - 230) <= glyphWidth / 2 && abs(y - 32) <= 2.5
            let formLine = line && (200...290).contains(x) && (37..<38).contains(y)
            return print || toe || glyph || formLine ? 200 : 0
        }
    }

    /// The centres of the one foot's pads, mm.
    static func padCentres(_ image: ScanImage) throws -> [SIMD2<Double>] {
        let grouped = try MeasurementStages.Segmented(image: image).groupFeet()
        try #require(grouped.feet.count == 1)
        return grouped.feet[0].pads.map { SIMD2(grouped.regions[$0].centroid.x, grouped.regions[$0].centroid.y) * 0.25 }
    }

    @Test("beyond the line the glyph is no toe, and the farthest toe is kept")
    func glyphBeyondTheLine() throws {
        let pads = try Self.padCentres(Self.scan(line: true))
        #expect(pads.count == 5, "\(pads)")
        #expect(pads.allSatisfy { $0.y > 40 }, "the glyph taken for a toe: \(pads)")
        #expect(pads.contains { abs($0.x - 273.1) < 1 && abs($0.y - 89) < 1 }, "the farthest toe left out: \(pads)")
    }

    @Test("without the line the glyph is nearer than the farthest toe and passes for one: the line decides")
    func glyphWithoutTheLine() throws {
        let pads = try Self.padCentres(Self.scan(line: false))
        #expect(pads.count == 5, "\(pads)")
        #expect(pads.contains { $0.y < 36 }, "\(pads)")
        #expect(!pads.contains { abs($0.x - 273.1) < 1 && abs($0.y - 89) < 1 }, "\(pads)")
    }

    @Test("of six blobs at the toes, one under a third of their median area goes first, whatever its distance")
    func smallOutlierFirst() throws {
        // A glyph 2.5 x 5 mm (14 mm² in pixels; a third of a toe's 50 is 17) with no line: left out, all
        // five toes kept.
        let pads = try Self.padCentres(Self.scan(line: false, glyph: 2.5))
        #expect(pads.count == 5 && pads.allSatisfy { $0.y > 40 }, "\(pads)")
        // The rule alone: only below a third of the median, never below five, five or fewer kept as they are.
        #expect(FootGrouping.withoutSmallOutliers([0, 1, 2, 3, 4, 5], areas: [100, 110, 120, 130, 400, 20]) == [0, 1, 2, 3, 4])
        #expect(FootGrouping.withoutSmallOutliers([0, 1, 2, 3, 4, 5], areas: [100, 110, 120, 130, 400, 40]) == [0, 1, 2, 3, 4, 5])
        #expect(FootGrouping.withoutSmallOutliers([0, 1, 2, 3, 4, 5, 6], areas: [10, 110, 120, 130, 400, 20, 100]) == [1, 2, 3, 4, 6])
        #expect(FootGrouping.withoutSmallOutliers([0, 1, 2, 3, 4], areas: [100, 110, 120, 130, 10]) == [0, 1, 2, 3, 4])
    }
}
