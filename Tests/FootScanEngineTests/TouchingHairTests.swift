@testable import FootScanSynth
import FootScanEngine
import FootScanTestSupport
import Foundation
import Testing

/// Hairs on the glass touching the feet of grey scans (`footscan synth --touching-hairs`): as dark as the
/// sole, joined to it, and cut off where they join it (``ThinProtrusions``).
@Suite("Hairs touching the feet")
struct TouchingHairTests {
    @Test("the generator's hairs each begin under a foot's sole and end on the bed")
    func hairsTouch() {
        var conditions = SceneConditions()
        conditions.touchingHairs = true
        for seed in UInt64(1)...8 {
            let scene = ScanScene.random(seed: seed, conditions: conditions)
            #expect(scene.objects.count >= 2 * scene.feet.count)
            for hair in scene.objects {
                let along = SIMD2(cos(hair.angle), sin(hair.angle)) * (hair.longMM / 2)
                let ends = [SIMD2(hair.centreMM.x, hair.centreMM.y) - along, SIMD2(hair.centreMM.x, hair.centreMM.y) + along]
                let soles = scene.feet.map { foot in FootOutline(shape: foot.shape).points.map { foot.toBed($0) } }
                let inside = ends.map { end in soles.contains { ScanScene.encloses($0, Point2(end.x, end.y)) } }
                #expect(inside == [true, false], "seed \(seed): hair at \(hair.centreMM)")
                #expect(ScanScene.hairWidthMM.contains(hair.shortMM))
            }
        }
    }

    /// The issue's bounds for a real scan's look on the set with hairs: count, image kind and side on every
    /// scan; length P95 <= 0.5 mm at >= 200 dpi and <= 1.0 mm at 150 dpi, median within +-0.15 mm; width and
    /// heel width P95 <= 0.8 mm. Before the cut, lengths came out up to 24 mm long.
    @Test("the set with hairs holds the bounds of a real scan's look")
    func bounds() {
        RealLookTests.expectBounds(GeneratedSet.touchingHairs, name: "touching hairs", colour: false)
    }

    /// Each foot against itself on the same scene without hairs: what a hair leaves after the cut is the
    /// stub too short to find (under a width, 0.4 mm, out of the edge). Under a colour look the hairs are
    /// colourless, and the skin-hue channel the scans are measured in does not show them.
    @Test("each foot measures within 0.4 mm of itself without the hairs", arguments: ["grey", "colour"])
    func sameAsWithout(_ look: String) {
        let with = (look == "grey" ? GeneratedSet.touchingHairs : GeneratedSet.touchingHairsColour)
        let without = look == "grey" ? GeneratedSet.touchingHairsRemoved : GeneratedSet.touchingHairsColourRemoved
        let largest = Self.expectSameFeet(with, as: without, within: 0.4, name: "hairs, \(look)", colour: look == "colour")
        print("touching hairs, \(look): the largest change from the same foot without hairs \(largest) mm")
    }

    /// Each foot of `with` against the same foot of `without` (the same scenes without the dust): side the
    /// same, length, width and heel width within `within` mm; `colour`: every scan of `with` measured in a
    /// colour channel. The largest change, mm.
    static func expectSameFeet(_ with: [ScanResult], as without: [ScanResult], within: Double, name: String, colour: Bool) -> Double {
        #expect(with.count == without.count)
        if colour { #expect(with.allSatisfy { $0.usedColour }, "a colour scan measured from luma") }
        let feet = (with: with.flatMap(\.feet), without: without.flatMap(\.feet))
        #expect(feet.with.count == feet.without.count && feet.with.count >= 16)
        var largest = 0.0
        for (a, b) in zip(feet.with, feet.without) {
            guard let m = a.measured, let n = b.measured else {
                Issue.record("\(name) seed \(a.seed): a foot not measured")
                continue
            }
            #expect(m.side == n.side, "\(name) seed \(a.seed)")
            for (measure, x, y) in [("length", m.lengthMM, n.lengthMM), ("width", m.widthMM, n.widthMM), ("heel width", m.heelWidthMM, n.heelWidthMM)] {
                largest = max(largest, abs(x - y))
                #expect(abs(x - y) <= within, "\(name) seed \(a.seed): \(measure) \(x) mm with the dust, \(y) without")
            }
        }
        return largest
    }
}
