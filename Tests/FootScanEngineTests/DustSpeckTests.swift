@testable import FootScanSynth
import FootScanEngine
import FootScanTestSupport
import Foundation
import Testing

/// Dust specks on the glass touching the feet of grey scans (`footscan synth --touching-specks`): as dark
/// as the sole, joined to it at its toe tip, heel and widest points, and cut off at their necks
/// (``TouchingSpecks``).
@Suite("Specks touching the feet")
struct DustSpeckTests {
    @Test("the generator's specks each overlap a foot's sole and reach out of it")
    func specksTouch() {
        var conditions = SceneConditions()
        conditions.touchingSpecks = true
        for seed in UInt64(1)...8 {
            let scene = ScanScene.random(seed: seed, conditions: conditions)
            #expect(scene.objects.count == 4 * scene.feet.count)
            let soles = scene.feet.map { foot in FootOutline(shape: foot.shape).points.map { foot.toBed($0) } }
            for speck in scene.objects {
                #expect(ScanScene.isDust(speck) && ScanScene.speckSizeMM.contains(speck.shortMM))
                let inside = speck.polygon.map { point in soles.contains { ScanScene.encloses($0, point) } }
                #expect(inside.contains(true) && inside.contains(false), "seed \(seed): speck at \(speck.centreMM)")
            }
        }
    }

    /// The bounds for a real scan's look on the set with specks: count, image kind and side on every
    /// scan; length P95 <= 0.5 mm at >= 200 dpi and <= 1.0 mm at 150 dpi, median within +-0.15 mm; width and
    /// heel width P95 <= 0.8 mm. Before the cut, widths came out up to 1.27 mm wide (P95 1.23).
    @Test("the set with specks holds the bounds of a real scan's look")
    func bounds() {
        RealLookTests.expectBounds(GeneratedSet.touchingSpecks, name: "touching specks", colour: false)
    }

    /// Each foot against itself on the same scene without specks: what a speck leaves after the cut is a
    /// half-sunk speck's share beyond the chord of its corners, and at 150 dpi the few pixels of the
    /// smallest that do not show a corner (the largest change 0.37 mm, against 1.15 before the cut). Under
    /// a colour look the specks are colourless, and the skin-hue channel does not show them.
    @Test("each foot measures within 0.5 mm of itself without the specks", arguments: ["grey", "colour"])
    func sameAsWithout(_ look: String) {
        let with = (look == "grey" ? GeneratedSet.touchingSpecks : GeneratedSet.touchingSpecksColour)
        let without = look == "grey" ? GeneratedSet.touchingSpecksRemoved : GeneratedSet.touchingSpecksColourRemoved
        let largest = TouchingHairTests.expectSameFeet(with, as: without, within: 0.5, name: "specks, \(look)", colour: look == "colour")
        print("touching specks, \(look): the largest change from the same foot without specks \(largest) mm")
    }
}
