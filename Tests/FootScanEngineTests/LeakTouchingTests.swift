import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// A band of light along an edge at a level near the skin's segments as foreground; a foot that touches
/// it must not grow into it (a careful Otsu pipeline reports such a foot as 150 to 200 mm wide).
@Suite("Light band touching a foot")
struct LeakTouchingTests {
    @Test("the band is cut off: every foot within the engine's bounds, the one at the band marked touches_border")
    func leak() {
        let scans = GeneratedSet.leakTouching
        for scan in scans {
            let marked = scan.feet.filter { $0.measured?.warnings.contains(.touchesBorder) ?? false }.count
            #expect(marked >= 1, "seed \(scan.seed): no foot marked touches_border at the band")
        }
        expectEngineBounds(scans, label: "light band touching a foot", minimumFeet: 28)
    }
}
