import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// Reduced decoding (libjpeg-turbo's DCT scaling) must keep the accuracy bounds it is used for.
@Suite("Accuracy with reduced JPEG decoding")
struct ReducedDecodingTests {
    @Test("300 and 600 dpi JPEGs decoded at about 0.17 mm per pixel still hold the 200 dpi bounds")
    func reduced() {
        let scans = GeneratedSet.reduced
        for scan in scans {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count, reduction = scan.reduction
            #expect(error == nil, "seed \(scan.seed)")
            #expect(found == drawn, "seed \(scan.seed)")
            #expect(reduction == (scan.scene.dotsPerInch == 300 ? 2 : 4), "seed \(scan.seed)")
        }
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        let length = ErrorStatistics(feet.map { $0.measured!.lengthMM - $0.truth.lengthMM })
        let width = ErrorStatistics(feet.map { $0.measured!.widthMM - $0.truth.widthMM })
        let heel = ErrorStatistics(feet.map { $0.measured!.heelWidthMM - $0.truth.heelWidthMM })
        print("reduced decoding, \(feet.count) feet: length \(length), width \(width), heel \(heel)")
        #expect(feet.count >= 45)
        #expect(length.p95 <= 0.5 && width.p95 <= 0.6 && heel.p95 <= 0.5)
        for foot in feet {
            let side = foot.measured?.side, trueSide = foot.truth.side
            #expect(side == trueSide, "seed \(foot.seed)")
        }
    }
}
