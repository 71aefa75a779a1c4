import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// The bounds of the real-scans issue, held on generated scans with a real colour scanner's look.
@Suite("Real scanners' looks")
struct RealLookTests {
    /// Every look's set: count, image kind and side on every scan; length P95 <= 0.5 mm at >= 200 dpi and
    /// <= 1.0 mm at 150 dpi, median within +-0.15 mm; width and heel width P95 <= 0.8 mm.
    @Test("each look holds the bounds", arguments: ["dark bed", "light bed", "quirks"])
    func look(_ name: String) {
        Self.expectBounds(["dark bed": GeneratedSet.darkBed, "light bed": GeneratedSet.lightBed, "quirks": GeneratedSet.quirks][name] ?? [],
                          name: name, colour: true)
    }

    /// The bounds above on `scans`, named `name` in messages and printed figures; `colour`: every scan
    /// measured in a colour channel.
    static func expectBounds(_ scans: [ScanResult], name: String, colour: Bool) {
        let feet = scans.flatMap(\.feet)
        #expect(feet.count >= 30, "\(name): \(feet.count) feet")
        for scan in scans {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count, kind = scan.imageKind
            #expect(error == nil, "\(name) seed \(scan.seed)")
            #expect(found == drawn, "\(name) seed \(scan.seed): \(found) feet found, \(drawn) drawn")
            #expect(kind == .silhouette, "\(name) seed \(scan.seed)")
            if colour { #expect(scan.usedColour, "\(name) seed \(scan.seed): measured from luma") }
        }
        for foot in feet {
            let side = foot.measured?.side, trueSide = foot.truth.side
            #expect(side?.rawValue == trueSide.rawValue, "\(name) seed \(foot.seed)")
        }
        let measured = feet.filter { $0.measured != nil }
        for (label, bound, densities) in [("150 dpi", 1.0, [150.0]), (">= 200 dpi", 0.5, [200.0, 300])] {
            let errors = measured.filter { densities.contains($0.dotsPerInch) }.map { $0.measured!.lengthMM - $0.truth.lengthMM }
            let stats = ErrorStatistics(errors)
            print("\(name): length error \(label): \(stats), median signed \(SignedMedian(errors))")
            #expect(stats.p95 <= bound, "\(name): length P95 at \(label) is \(stats.p95) mm")
        }
        let signed = SignedMedian(measured.map { $0.measured!.lengthMM - $0.truth.lengthMM }).value
        #expect(abs(signed) <= 0.15, "\(name): median length error \(signed) mm")
        let width = ErrorStatistics(measured.map { $0.measured!.widthMM - $0.truth.widthMM })
        let heel = ErrorStatistics(measured.map { $0.measured!.heelWidthMM - $0.truth.heelWidthMM })
        print("\(name): width error \(width); heel width error \(heel)")
        #expect(width.p95 <= 0.8)
        #expect(heel.p95 <= 0.8)
    }

    @Test("a foot partly off the bed is found, on its side, and says it touches the border")
    func offBed() {
        for scan in GeneratedSet.offBed {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count
            #expect(error == nil, "seed \(scan.seed)")
            #expect(found == drawn, "seed \(scan.seed): \(found) feet found, \(drawn) drawn")
        }
        let feet = GeneratedSet.offBed.flatMap(\.feet)
        #expect(feet.count >= 12)
        for foot in feet {
            let side = foot.measured?.side, trueSide = foot.truth.side
            #expect(side?.rawValue == trueSide.rawValue, "seed \(foot.seed)")
        }
        // Every scan cuts into at least one foot: that foot carries touches_border.
        for scan in GeneratedSet.offBed where scan.error == nil {
            let flagged = scan.feet.contains { $0.measured?.warnings.contains(.touchesBorder) == true }
            #expect(flagged, "seed \(scan.seed): no foot says it touches the border")
        }
    }
}

/// The signed median of errors.
struct SignedMedian: CustomStringConvertible {
    let value: Double
    init(_ errors: [Double]) {
        let sorted = errors.sorted()
        value = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
    var description: String { String((value * 1000).rounded() / 1000) }
}
