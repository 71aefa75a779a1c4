@testable import FootScanSynth
import FootScanEngine
import FootScanTestSupport
import Testing

/// Ink podographs' forms photographed by hand, the camera a few degrees off square (`footscan synth
/// --device ink-grid --perspective`): the sheet drawn through a keystone (``CameraTilt``), form lines
/// slanted, the prints' scale changing across the image.
@Suite("Ink forms photographed at a slant")
struct PerspectiveTests {
    @Test("the keystone keeps the centre, is undone by its inverse, and reaches its share at the corners")
    func keystone() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<20 {
            let tilt = CameraTilt.random(widthMM: 210, heightMM: 297, using: &random)
            #expect((tilt.photographed(tilt.centreMM) - tilt.centreMM).length < 1e-12)
            for corner in [Point2(0, 0), Point2(210, 0), Point2(0, 297), Point2(210, 297), Point2(40, 250)] {
                #expect((tilt.onSheet(tilt.photographed(corner)) - corner).length < 1e-9)
            }
            // At the half-diagonal along the keystone the scale across departs from 1 by the drawn share.
            let halfDiagonal = 0.5 * (210.0 * 210 + 297 * 297).squareRoot()
            let share = tilt.keystone.length * halfDiagonal
            #expect(CameraTilt.cornerShare.contains(share))
            // A short segment across the keystone's direction, at the corner it points to, is drawn 1 / (1 + share) as long.
            let towards = tilt.keystone * (1 / tilt.keystone.length), across = Point2(-towards.y, towards.x)
            let at = tilt.centreMM + towards * halfDiagonal
            let drawn = (tilt.photographed(at + across * 0.5) - tilt.photographed(at - across * 0.5)).length
            #expect(abs(drawn - 1 / (1 + share)) < 1e-3)
        }
    }

    /// The ink grid's bounds on the same scenes photographed at a slant: every print found and counted,
    /// side right, arch index P95 <= 0.02 and arch type right, length P95 <= 1 mm, every foot within
    /// 1.5 mm long and 2 mm wide, against the prints as the photograph shows them. On a tape the feet
    /// differ from that by up to the keystone's share along the foot (checked below to be there).
    @Test("prints photographed at a slant are found and measured as the photograph shows them")
    func inkGridAtASlant() {
        let scans = GeneratedSet.inkGridPerspective
        PrintDeviceTests.expectFound(scans, kind: .footprint, name: "ink grid at a slant")
        PrintDeviceTests.expectAccurate(scans, name: "ink grid at a slant")
        for foot in scans.flatMap(\.feet) {
            guard let measured = foot.measured else { continue }
            let length = measured.lengthMM - foot.truth.lengthMM, width = measured.widthMM - foot.truth.widthMM
            #expect(abs(length) <= 1.5 && abs(width) <= 2.0, "seed \(foot.seed): length error \(length), width error \(width)")
        }
    }

    /// The slant is there: the same scenes drawn square on (the ink grid's set) have the same feet, and
    /// the photograph's truth departs from the sheet's, by more than the engine's error on some feet.
    @Test("the photograph's truth departs from the sheet's")
    func truthDeparts() {
        let slanted = GeneratedSet.inkGridPerspective.flatMap(\.feet), square = GeneratedSet.inkGrid.flatMap(\.feet)
        #expect(slanted.count == square.count)
        let departures = zip(slanted, square).map { abs($0.truth.lengthMM - $1.truth.lengthMM) }
        print("ink grid at a slant: the photograph's lengths depart from the sheet's by up to \(departures.max() ?? 0) mm")
        #expect(departures.contains { $0 >= 0.5 } && departures.allSatisfy { $0 <= 10 }, "\(departures)")
    }
}
