import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// Real edges are soft: the lens, and the sole curving up off the glass. A threshold taken from the
/// steps' middles two pixels either side would sit wherever the first threshold cut the ramp.
@Suite("Soft edges")
struct SoftEdgeTests {
    @Test("outlines blurred by 0.2 to 0.6 mm are measured within the engine's bounds")
    func soft() {
        expectEngineBounds(GeneratedSet.softEdges, label: "soft edges (blur 0.2-0.6 mm)", minimumFeet: 28)
    }
}
