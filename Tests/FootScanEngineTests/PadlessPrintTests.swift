import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// Prints without separate toes (issue 13): every toe's pad joined to the forefoot's print, or no toe
/// pad at all. The arch's contact shape says they are prints: measured as prints, with their arch
/// indices, whenever the arch is not flat (a flat foot's print, as full as a sole, is measured as a sole
/// when it stands alone).
@Suite("Prints without separate toes: joined to the forefoot or not shown")
struct PadlessPrintTests {
    static func expectPrints(_ scans: [ScanResult], name: String) {
        for scan in scans {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count
            #expect(error == nil && found == drawn, "\(name) seed \(scan.seed): \(found) of \(drawn) feet, \(error ?? "")")
        }
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        #expect(feet.count >= 40, "\(name): \(feet.count) feet")
        var soles = 0, uncertain = 0
        for foot in feet {
            guard let measured = foot.measured, let truth = foot.truth.archIndex else { continue }
            let side = measured.side, trueSide = foot.truth.side, warnings = measured.warnings
            // A print without toes may have no side cue but its arch (none on a split print): then it says so.
            if warnings.contains(.sideUncertain) { uncertain += 1 }
            #expect(side == trueSide || warnings.contains(.sideUncertain), "\(name) seed \(foot.seed): side")
            #expect(!warnings.contains(.implausibleSize) && !warnings.contains(.implausibleShape), "\(name) seed \(foot.seed): \(warnings)")
            guard measured.archIndex != nil else {
                // Only a flat foot's print may pass for a sole.
                #expect(truth > 0.26, "\(name) seed \(foot.seed): a print with arch index \(truth) measured as a sole")
                soles += 1
                continue
            }
            let toesShown = foot.truth.toeTipsMM.count
            #expect(warnings.contains(.partialPrint) == (toesShown == 0), "\(name) seed \(foot.seed): \(toesShown) toes shown, \(warnings)")
            guard abs(truth - 0.21) > 0.01 && abs(truth - 0.26) > 0.01 else { continue }
            let type = measured.archType, expected = ArchType(archIndex: truth)
            #expect(type == expected, "\(name) seed \(foot.seed): arch index \(measured.archIndex ?? .nan) against \(truth)")
        }
        let arch = ErrorStatistics(feet.compactMap { f in f.measured?.archIndex.flatMap { m in f.truth.archIndex.map { m - $0 } } })
        // Length to the longest toe where the toes joined the forefoot, on the prints measured as prints
        // (a flat print measured as a sole is shown apart); where no toe showed, the print's length is
        // not the foot's and is not held to a bound (its axis, without toe 2, is the print's own).
        let joined = feet.filter { $0.truth.toeTipsMM.count == 5 }
        let length = ErrorStatistics(joined.compactMap { f in f.measured.flatMap { $0.archIndex == nil ? nil : $0.lengthMM - f.truth.lengthMM } })
        let soleLength = ErrorStatistics(joined.compactMap { f in f.measured.flatMap { $0.archIndex == nil ? $0.lengthMM - f.truth.lengthMM : nil } })
        let scanKinds = scans.filter { $0.imageKind == .footprint }.count
        print("\(name): \(feet.count) feet, \(soles) flat prints measured as soles, \(scanKinds) of \(scans.count) scans footprints, "
              + "\(uncertain) sides uncertain; arch index error \(arch); length error (toes joined) \(length); as soles \(soleLength)")
        #expect(arch.p95 <= 0.02, "\(name): arch index P95")
        #expect(length.p95 <= 1.0, "\(name): length P95")
        #expect(soles * 8 <= feet.count, "\(name): \(soles) of \(feet.count) prints measured as soles")
        #expect(uncertain * 10 <= feet.count, "\(name): \(uncertain) of \(feet.count) sides uncertain")
    }

    @Test("plain prints: toes joined or not shown")
    func plain() {
        Self.expectPrints(GeneratedSet.padlessPrints, name: "padless prints")
    }

    @Test("contact scanner: toes joined or not shown")
    func contactScanner() {
        Self.expectPrints(GeneratedSet.padlessContactScanner, name: "padless contact scanner")
    }
}
