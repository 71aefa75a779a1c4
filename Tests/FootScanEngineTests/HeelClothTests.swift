@testable import FootScanEngine
import FootScanImage
import Foundation
import Testing

/// Trousers around a podoscope image's heel (``HeelCloth``), on a hand-made picture: one pixel a
/// millimetre, the foot along x from its pternion at x = 25, the bed 20, the dim foot 34 (a contact
/// ellipse grown by about 3 px), the contact 230, and cloth as dim as the foot in a disc around the heel.
@Suite("Heel cloth: trousers as dim as the foot, taken back to the bed beyond the contact's reach")
struct HeelClothTests {
    static func picture(cloth: Bool) -> ScanImage {
        PrintSegmenterTests.image(200, 140) { x, y in
            let dx = Double(x) - 80, dy = Double(y) - 70
            if (dx / 55) * (dx / 55) + (dy / 22) * (dy / 22) <= 1 { return 230 }
            if (dx / 58) * (dx / 58) + (dy / 25) * (dy / 25) <= 1 { return 34 }
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
}
