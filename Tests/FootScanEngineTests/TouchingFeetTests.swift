import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// Two feet that touch are still two feet. Where they touch, neither outline can be seen: the engine cuts
/// the shared region along the segment between the notches at the ends of the contact. The bounds
/// hold here as on separate feet, standing level and staggered.
@Suite("Touching feet")
struct TouchingFeetTests {
    @Test("two feet touching side by side are found as two, each measured within the engine's bounds")
    func level() {
        expectEngineBounds(GeneratedSet.touching, label: "touching feet, level", minimumFeet: 60)
    }

    @Test("two feet touching in a staggered stance (one 30 to 150 mm ahead) are found as two, within the bounds")
    func staggered() {
        expectEngineBounds(GeneratedSet.touchingStaggered, label: "touching feet, staggered", minimumFeet: 60)
    }
}
