import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// The hallux angle bound of the issue on extra measures.
@Suite("Hallux and fifth-toe angles")
struct ToeAngleTests {
    @Test("hallux angle P95 <= 3 degrees on feet with known angles 5 to 35 degrees")
    func hallux() {
        let feet = GeneratedSet.hallux.flatMap(\.feet).filter { $0.measured != nil }
        let truths = feet.map(\.truth.halluxAngleDeg)
        let hallux = ErrorStatistics(feet.map { $0.measured!.halluxAngleDeg - $0.truth.halluxAngleDeg })
        let toe5 = ErrorStatistics(feet.map { $0.measured!.toe5AngleDeg - $0.truth.toe5AngleDeg })
        print("hallux angles: \(feet.count) feet, true \(truths.min() ?? .nan) to \(truths.max() ?? .nan) deg; error \(hallux); toe 5 angle error (no bound set) \(toe5)")
        #expect(feet.count == 40)
        #expect((truths.min() ?? 99) < 8 && (truths.max() ?? 0) > 30, "the set spans the range")
        #expect(hallux.p95 <= 3)
        for foot in feet {
            let side = foot.measured?.side, trueSide = foot.truth.side
            #expect(side == trueSide, "seed \(foot.seed)")
        }
    }
}
