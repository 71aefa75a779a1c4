@testable import FootScanEngine
import FootScanImage
import Foundation
import Testing

/// Trousers around a podoscope image's heel (``HeelCloth``), on a hand-made picture: one pixel a
/// millimetre, the foot along x from its pternion at x = 25, the bed 20, the dim foot 34 (a contact
/// ellipse grown by about 3 px), the contact 230, and cloth as dim as the foot in a disc around the heel.
@Suite("Heel cloth: trousers as dim as the foot, taken back to the bed beyond the contact's reach")
struct HeelClothTests {
    /// With `bulge`, the dim foot reaches further on one side over x = 55 to 94 (to y = 100, 5 px beyond the
    /// margin at x = 80), across the end of the rear (x = 85.5).
    static func picture(cloth: Bool, bulge: Bool = false) -> ScanImage {
        PrintSegmenterTests.image(200, 140) { x, y in
            let dx = Double(x) - 80, dy = Double(y) - 70
            if (dx / 55) * (dx / 55) + (dy / 22) * (dy / 22) <= 1 { return 230 }
            if (dx / 58) * (dx / 58) + (dy / 25) * (dy / 25) <= 1 { return 34 }
            if bulge && (55..<95).contains(x) && (70...100).contains(y) { return 34 }
            let cx = Double(x) - 30
            if cloth && cx * cx + dy * dy <= 28 * 28 { return 34 }
            return 20
        }
    }

    /// The contact ellipse as a print: its outline, pternion, axis and ball line (at 0.7 of its length).
    static let print: HeelCloth.Print = {
        let contour = (0..<360).map { k -> SIMD2<Double> in
            let t = Double(k) / 180 * Double.pi
            return SIMD2(80 + 55 * cos(t), 70 + 22 * sin(t))
        }
        let half = 22 * (1 - (22.0 / 55) * (22.0 / 55)).squareRoot()
        return HeelCloth.Print(contour: contour, pternion: SIMD2(25, 70), axis: SIMD2(1, 0),
                               ballLine: (SIMD2(102, 70 + half), SIMD2(102, 70 - half)), length: 110)
    }()

    @Test("cloth behind and beside the heel goes back to the bed; the foot within the margin stays")
    func clothed() throws {
        let image = Self.picture(cloth: true)
        let segmenter = try #require(OutlineSegmenter(image: image, pixelMM: 1))
        let cloth = HeelCloth(prints: [Self.print], image: image, segmenter: segmenter, pixelMM: 1)
        let margin = try #require(cloth.bounds.first?.margin)
        #expect(abs(margin - 3) <= 1, "the dim foot reaches about 3 px beyond the contact at the ball: \(margin)")
        let clipped = try #require(cloth.clipped(image, pixelMM: 1))
        let threshold = segmenter.threshold
        #expect(Int(clipped[5, 70]) < threshold && Int(clipped[30, 44]) < threshold && Int(clipped[12, 55]) < threshold,
                "cloth behind and beside the heel")
        #expect(Int(clipped[23, 70]) >= threshold && Int(clipped[102, 92]) >= threshold && Int(clipped[60, 92]) >= threshold,
                "the dim foot at the heel, the ball and the midfoot")
        #expect(clipped[80, 70] == 230, "the contact")
    }

    @Test("a bare foot has no cloth: the image is measured as it is")
    func bare() throws {
        let image = Self.picture(cloth: false)
        let segmenter = try #require(OutlineSegmenter(image: image, pixelMM: 1))
        #expect(HeelCloth(prints: [Self.print], image: image, segmenter: segmenter, pixelMM: 1).clipped(image, pixelMM: 1) == nil)
    }

    /// A print whose heel is narrower than its hull: a heel disc (centre x = 40, radius 15) and a forefoot
    /// ellipse (centre x = 110, 40 by 30) with nothing between, so that the hull's tangents stand well
    /// clear of the heel's contact where the heel's bound hands over to the hull's.
    static func peanut() -> (image: ScanImage, print: HeelCloth.Print) {
        func inHeel(_ x: Double, _ y: Double, grown: Double) -> Bool {
            (x - 40) * (x - 40) + (y - 70) * (y - 70) <= (15 + grown) * (15 + grown)
        }
        func inForefoot(_ x: Double, _ y: Double, grown: Double) -> Bool {
            let a = 40 + grown, b = 30 + grown
            return ((x - 110) / a) * ((x - 110) / a) + ((y - 70) / b) * ((y - 70) / b) <= 1
        }
        let image = PrintSegmenterTests.image(200, 140) { x, y in
            let px = Double(x), py = Double(y)
            if inHeel(px, py, grown: 0) || inForefoot(px, py, grown: 0) { return 230 }
            if inHeel(px, py, grown: 3) || inForefoot(px, py, grown: 3) { return 34 }
            return 20
        }
        let heel = (0..<180).map { k -> SIMD2<Double> in
            let t = Double(k) / 90 * Double.pi
            return SIMD2(40 + 15 * cos(t), 70 + 15 * sin(t))
        }
        let forefoot = (0..<360).map { k -> SIMD2<Double> in
            let t = Double(k) / 180 * Double.pi
            return SIMD2(110 + 40 * cos(t), 70 + 30 * sin(t))
        }
        let print = HeelCloth.Print(contour: heel + forefoot, pternion: SIMD2(25, 70), axis: SIMD2(1, 0),
                                    ballLine: (SIMD2(110, 100), SIMD2(110, 40)), length: 125)
        return (image, print)
    }

    @Test("the heel's bound passes to the hull's over a tenth of the length, without a step")
    func handover() throws {
        let (image, print) = Self.peanut()
        let segmenter = try #require(OutlineSegmenter(image: image, pixelMM: 1))
        let cloth = HeelCloth(prints: [print], image: image, segmenter: segmenter, pixelMM: 1)
        let bounds = try #require(cloth.bounds.first)
        let distances = cloth.contactDistances(bounds, image: image)
        // Along a row 20 px beside the axis, from 0.15 to 0.35 of the length (x = 43.75 to 68.75).
        let y = 90
        let values = (44...69).map { x in
            bounds.outside(x: x, y: y, hull: HeelCloth.excess(SIMD2(Double(x), Double(y)), support: bounds.support), distances: distances)
        }
        let heel = Double(distances[(y - bounds.nearBox.y) * bounds.nearBox.width + 44 - bounds.nearBox.x].squareRoot())
        let hull = HeelCloth.excess(SIMD2(69, Double(y)), support: bounds.support)
        #expect(values.first == heel, "in the heel, the distance from the contact")
        #expect(values.last == hull, "past the handover, the hull's")
        // The two differ by several pixels at the handover (a step the outline would show).
        let atHandover = Double(distances[(y - bounds.nearBox.y) * bounds.nearBox.width + 56 - bounds.nearBox.x].squareRoot())
        #expect(atHandover - HeelCloth.excess(SIMD2(56, Double(y)), support: bounds.support) >= 5, "heel and hull bounds differ here")
        let steps = zip(values, values.dropFirst()).map { abs($1 - $0) }
        #expect(steps.allSatisfy { $0 <= 2.5 }, "no step between neighbouring pixels: \(steps)")
    }

    @Test("where the rear ends the bound widens first: the outline shows no step there")
    func rearEnd() throws {
        let image = Self.picture(cloth: true, bulge: true)
        let segmenter = try #require(OutlineSegmenter(image: image, pixelMM: 1))
        let clipped = try #require(HeelCloth(prints: [Self.print], image: image, segmenter: segmenter, pixelMM: 1).clipped(image, pixelMM: 1))
        // The dim foot's last row on the bulge's side, column by column.
        let edges = (55...94).map { x in (70..<140).last { Int(clipped[x, $0]) >= segmenter.threshold } ?? 0 }
        #expect(edges.first ?? 0 <= 96, "well inside the rear, the bulge goes back to the bed: \(edges)")
        #expect(edges.last == 100, "beyond the rear, the dim foot stays as it is")
        let steps = zip(edges, edges.dropFirst()).map { abs($1 - $0) }
        #expect(steps.allSatisfy { $0 <= 2 }, "no step between neighbouring columns: \(edges)")
    }
}
