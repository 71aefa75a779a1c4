import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// A bed as bright as the skin but of another hue: luma cannot tell them apart, the colour channel must.
@Suite("Colour where luma fails")
struct IsoluminantTests {
    @Test("every scan is decoded from colour and measured within the engine's bounds; luma alone fails on most")
    func isoluminant() {
        let scans = GeneratedSet.isoluminant
        for scan in scans {
            let colour = scan.usedColour
            #expect(colour, "seed \(scan.seed): decoded as luma")
        }
        // Luma alone: a scan counts as right when every foot is found and each length is within 1 mm.
        let lumaRight = GeneratedSet.isoluminantLumaOnly.filter { scan in
            scan.error == nil && scan.measuredCount == scan.scene.feet.count
                && scan.feet.allSatisfy { foot in foot.measured.map { abs($0.lengthMM - foot.truth.lengthMM) <= 1 } ?? false }
        }.count
        expectEngineBounds(scans, label: "bed as bright as the skin, from colour", minimumFeet: 28,
                           note: "; luma alone right on \(lumaRight) of \(scans.count) scans")
        #expect(lumaRight * 2 < scans.count, "luma alone measured \(lumaRight) of \(scans.count): the set does not need colour")
    }
}
