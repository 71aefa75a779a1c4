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
            // No dim whole foot around these prints: never read as a podoscope's contact.
            #expect(scan.imageKind != .podoscope, "\(name) seed \(scan.seed): read as a podoscope image")
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
        // (a flat print measured as a sole is shown apart).
        let joined = feet.filter { $0.truth.toeTipsMM.count == 5 }
        let length = ErrorStatistics(joined.compactMap { f in f.measured.flatMap { $0.archIndex == nil ? nil : $0.lengthMM - f.truth.lengthMM } })
        let soleLength = ErrorStatistics(joined.compactMap { f in f.measured.flatMap { $0.archIndex == nil ? $0.lengthMM - f.truth.lengthMM : nil } })
        // Where no toe showed, the print's length and width along the axis aimed where toe 2 stands on the
        // forefoot's front, on the prints whose side is right (a wrong side turns the axis the other way,
        // and says so with side_uncertain). Along the print's principal axis they came out 2.4 and 2.3 mm
        // long at the median (P95 4.0 and 3.1), 1.8 mm wide (P95); along the axis to toe 2's place, median
        // 0.04 and -0.06 mm, P95 0.37 and 0.26, widths P95 0.34.
        let toeless = feet.filter { foot in
            guard let measured = foot.measured else { return false }
            return foot.truth.toeTipsMM.isEmpty && measured.archIndex != nil && measured.side == foot.truth.side
        }
        let toelessLengths = toeless.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } }
        let toelessWidths = toeless.compactMap { f in f.measured.map { $0.widthMM - f.truth.widthMM } }
        let toelessLength = ErrorStatistics(toelessLengths), toelessWidth = ErrorStatistics(toelessWidths)
        let toelessMedian = toelessLengths.isEmpty ? .nan : toelessLengths.sorted()[toelessLengths.count / 2]
        let scanKinds = scans.filter { $0.imageKind == .footprint }.count
        print("\(name): \(feet.count) feet, \(soles) flat prints measured as soles, \(scanKinds) of \(scans.count) scans footprints, "
              + "\(uncertain) sides uncertain; arch index error \(arch); length error (toes joined) \(length); as soles \(soleLength); "
              + "toes not shown: length error \(toelessLength) (median \(toelessMedian)), width error \(toelessWidth)")
        #expect(arch.p95 <= 0.02, "\(name): arch index P95")
        #expect(length.p95 <= 1.0, "\(name): length P95")
        #expect(toeless.count >= 10, "\(name): \(toeless.count) prints without toes")
        #expect(abs(toelessMedian) <= 0.3, "\(name): prints without toes, median length error \(toelessMedian)")
        #expect(toelessLength.p95 <= 1.0, "\(name): prints without toes, length P95")
        #expect(toelessWidth.p95 <= 0.8, "\(name): prints without toes, width P95")
        #expect(soles * 8 <= feet.count, "\(name): \(soles) of \(feet.count) prints measured as soles")
        #expect(uncertain * 10 <= feet.count, "\(name): \(uncertain) of \(feet.count) sides uncertain")
    }

    @Test("plain prints: toes joined or not shown")
    func plain() {
        Self.expectPrints(GeneratedSet.padlessPrints, name: "padless prints")
    }

    /// A glare strip beside a print without toes, joined to a shadow in its arch, is no podoscope's dim
    /// whole foot: read as one, this print (`footscan synth --footprints --padless --seed 7013`) came out
    /// 26 mm too wide. A podoscope's whole foot is at most 10 mm wider than its contact (2.7-6.8 mm on
    /// 86 feet of generated podoscope images).
    @Test("a glare strip beside a print without toes is not a podoscope's whole foot")
    func glareStripBesideToelessPrint() throws {
        let scans = GeneratedSet.run(seeds: [7013]) { seed in
            var conditions = SceneConditions()
            conditions.footprints = true
            conditions.padlessPrints = true
            return ScanScene.random(seed: seed, conditions: conditions)
        }
        let scan = try #require(scans.first)
        let kind = scan.imageKind
        #expect(kind == .footprint, "\(String(describing: kind))")
        for foot in scan.feet {
            let measured = try #require(foot.measured)
            #expect(abs(measured.widthMM - foot.truth.widthMM) <= 1.0 && abs(measured.lengthMM - foot.truth.lengthMM) <= 1.0,
                    "length \(measured.lengthMM) against \(foot.truth.lengthMM), width \(measured.widthMM) against \(foot.truth.widthMM)")
        }
    }

    @Test("contact scanner: toes joined or not shown")
    func contactScanner() {
        Self.expectPrints(GeneratedSet.padlessContactScanner, name: "padless contact scanner")
    }

    /// A pressure plate's map whose toes part at no pressure level was measured at the lowest level
    /// (every pressure above zero), where the outline runs along the map's faintest fringe: on this set
    /// lengths were 10.8 mm out at the P95 (max 12.2), widths 15.4, heel widths 7.6, arch indices 0.042.
    /// Such a foot is now measured at the highest level up to the first-foot level at which it stands in
    /// its fewest parts, as maps with toes are measured at the level that parts them
    /// (`MeasurementEngine.measurePressureMap`).
    ///
    /// Held: every print found and measured as a print, side, widths and heel widths within issue 13's
    /// bounds, each foot's length and width within 2 mm, `partial_print` on every print without toes,
    /// the arch index's P95 of 0.02 and the arch type of every foot clear of the thresholds. The arch
    /// index held once joined toes were cut where the pressure says they begin (``ToeBases``): cut at
    /// the outline's shallow cols, one print read 0.036 high (P95 0.024). The length's P95 of 1.0 mm held
    /// once a toe's tip or a toeless front, flat before its edge, was placed over its own level and
    /// not along the line from the harder ball behind it (`LocalEdge.nearBandSlope`): 1.42 mm before,
    /// 0.99 after.
    @Test("pressure plate: toes joined or not shown")
    func pressurePlate() {
        Self.expectPressureMaps(GeneratedSet.padlessPressurePlate, name: "padless pressure plate", lengthHeld: true)
    }

    /// The same maps in grey levels. Where the toes join the forefoot through light pressure, the first
    /// level to part any toe lies above the first-foot level and parts one or two, the hardest pressed:
    /// measured there, one foot came out 5.5 mm short and 6.5 mm wide (its axis aimed at the big toe),
    /// and joined toes' lengths and widths were 3.1 and 1.5 mm out at the P95. Such a level is now taken
    /// only when it parts three toes or more (`PressureMapSegmenter.fewestToesAboveFootLevel`). Held as
    /// on the colour maps (the arch index's P95 was 0.035, one print's arch type wrong, before
    /// ``ToeBases``), but for the length's P95, marked as a known issue (the test fails once it holds, to
    /// be made a plain expectation): 1.27 mm (1.59 before `LocalEdge.nearBandSlope`), two prints whose
    /// longest toe is a faint, narrow toe 2 joined to the forefoot read 1.3 and 2.0 mm short (seeds 9782
    /// and 9803: the pressure falls towards the toe's tip, and the ramp beyond does not tell that fall
    /// from the sensors' blur).
    @Test("grey pressure plate: toes joined or not shown")
    func greyPressurePlate() {
        Self.expectPressureMaps(GeneratedSet.padlessPressurePlateGrey, name: "padless grey pressure plate", lengthHeld: false)
    }

    /// A map outside the set (`footscan synth --device pressure-plate --padless --seed 76651840 --dpi
    /// 300`, the left foot) whose axis never settled: at one axis of three another toe's tip, 31 mm
    /// away, was taken for toe 2's, and the iteration cycled through axes 0.8 to 6.1 degrees apart until
    /// its steps ran out. Measured on the axis it stopped at, the foot came out 3.2 mm wide and 1.8 mm
    /// short; it is now measured on the axis the iteration left by its smallest step
    /// (`AxisSettling.steadiestAxis`), still with `axis_uncertain`.
    @Test("a foot whose axis cycles is measured on the steadiest axis it visited")
    func cyclingAxis() {
        let scans = GeneratedSet.atThreeDensities(seeds: 9920...9920, multiplier: 7727, options: MeasurementOptions(view: .dorsal)) {
            $0.device = .pressurePlate
            $0.padlessPrints = true
        }
        let feet = scans.flatMap(\.feet)
        #expect(feet.count == 1 && scans.first?.error == nil)
        for foot in feet {
            guard let measured = foot.measured else {
                Issue.record("seed \(foot.seed): not measured")
                continue
            }
            #expect(measured.warnings.contains(.axisUncertain), "the axis still did not settle: \(measured.warnings)")
            #expect(abs(measured.lengthMM - foot.truth.lengthMM) <= 1, "length \(measured.lengthMM) against \(foot.truth.lengthMM)")
            #expect(abs(measured.widthMM - foot.truth.widthMM) <= 1, "width \(measured.widthMM) against \(foot.truth.widthMM)")
        }
    }

    /// Issue 13's bounds on a set of pressure maps without separate toes: see ``pressurePlate()``. The
    /// length's P95 is a plain expectation where `lengthHeld`, else a known issue.
    static func expectPressureMaps(_ scans: [ScanResult], name: String, lengthHeld: Bool) {
        for scan in scans {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count
            #expect(error == nil && found == drawn, "\(name) seed \(scan.seed): \(found) of \(drawn) feet, \(error ?? "")")
            #expect(scan.imageKind == .footprint, "\(name) seed \(scan.seed): \(String(describing: scan.imageKind))")
        }
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        #expect(feet.count >= 40, "\(name): \(feet.count) feet")
        var arch: [Double] = [], widths: [Double] = [], heels: [Double] = [], lengths: [Double] = []
        var wrongTypes: [String] = []
        for foot in feet {
            guard let measured = foot.measured, let truth = foot.truth.archIndex else { continue }
            let warnings = measured.warnings
            #expect(measured.side == foot.truth.side || warnings.contains(.sideUncertain), "\(name) seed \(foot.seed): side")
            #expect(!warnings.contains(.implausibleSize) && !warnings.contains(.implausibleShape), "\(name) seed \(foot.seed): \(warnings)")
            if foot.truth.toeTipsMM.isEmpty {
                #expect(warnings.contains(.partialPrint), "\(name) seed \(foot.seed): no toe shown, \(warnings)")
            }
            guard let index = measured.archIndex else {
                Issue.record("\(name) seed \(foot.seed): a pressure map measured as a sole")
                continue
            }
            let length = measured.lengthMM - foot.truth.lengthMM, width = measured.widthMM - foot.truth.widthMM
            arch.append(index - truth)
            heels.append(measured.heelWidthMM - foot.truth.heelWidthMM)
            lengths.append(length)
            widths.append(width)
            #expect(abs(length) <= 2 && abs(width) <= 2,
                    "\(name) seed \(foot.seed): length \(measured.lengthMM) against \(foot.truth.lengthMM), width \(measured.widthMM) against \(foot.truth.widthMM)")
            guard abs(truth - 0.21) > 0.01 && abs(truth - 0.26) > 0.01, measured.archType != ArchType(archIndex: truth) else { continue }
            wrongTypes.append("seed \(foot.seed): arch index \(index) against \(truth)")
        }
        let archError = ErrorStatistics(arch), widthError = ErrorStatistics(widths), heelError = ErrorStatistics(heels)
        let lengthError = ErrorStatistics(lengths)
        print("\(name): \(feet.count) feet; arch index error \(archError); length error \(lengthError); width error \(widthError); heel width error \(heelError)")
        #expect(widthError.p95 <= 0.8, "\(name): width P95")
        #expect(heelError.p95 <= 0.8, "\(name): heel width P95")
        #expect(wrongTypes.isEmpty, "\(name): arch types wrong: \(wrongTypes)")
        #expect(archError.p95 <= 0.02, "\(name): arch index P95")
        if lengthHeld {
            #expect(lengthError.p95 <= 1.0, "\(name): length P95")
        } else {
            withKnownIssue("issue 13's length bound, not yet held on grey pressure maps without separate toes") {
                #expect(lengthError.p95 <= 1.0, "\(name): length P95")
            }
        }
    }
}
