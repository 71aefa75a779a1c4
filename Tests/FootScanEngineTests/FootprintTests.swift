import FootScanEngine
import FootScanSynth
import Testing
import FootScanTestSupport

/// The footprint bounds of the issue on extra measures, on generated contact prints with known arch indices.
@Suite("Footprints: arch index and the print's other indices")
struct FootprintTests {
    static var feet: [FootResult] { GeneratedSet.footprints.flatMap(\.feet) }

    @Test("every print is seen as a footprint, one foot per print, side right")
    func kind() {
        for scan in GeneratedSet.footprints {
            let error = scan.error, kind = scan.imageKind, found = scan.measuredCount, drawn = scan.scene.feet.count
            #expect(error == nil, "seed \(scan.seed)")
            #expect(kind == .footprint, "seed \(scan.seed)")
            #expect(found == drawn, "seed \(scan.seed)")
        }
        for foot in Self.feet {
            let side = foot.measured?.side, trueSide = foot.truth.side, warnings = foot.measured?.warnings ?? []
            #expect(side == trueSide, "seed \(foot.seed)")
            #expect(!warnings.contains(.partialPrint), "seed \(foot.seed): a whole print called partial")
        }
    }

    /// Where along the axis a point lies from the pternion, in pixels.
    static func along(_ point: SIMD2<Double>, _ geometry: FootGeometry) -> Double {
        ((point - geometry.pternion) * geometry.axisDirection).sum()
    }

    @Test("the overlay's arch thirds: two lines across the axis, at a third and two thirds of the print without its toes; toes cut off where they joined")
    func archLines() {
        var cut = 0
        for foot in Self.feet + GeneratedSet.padlessPrints.flatMap(\.feet) {
            guard let measured = foot.measured, measured.archIndex != nil else { continue }
            let geometry = measured.geometry, lines = geometry.archThirdLines
            #expect(lines.count == 2, "seed \(foot.seed)")
            guard lines.count == 2 else { continue }
            for line in lines {
                let direction = line.1 - line.0, span = (direction * direction).sum().squareRoot()
                #expect(span > 0 && abs((direction * geometry.axisDirection).sum()) / span < 0.01, "seed \(foot.seed): a third's line across the axis")
            }
            let first = Self.along((lines[0].0 + lines[0].1) / 2, geometry), second = Self.along((lines[1].0 + lines[1].1) / 2, geometry)
            let lengthPixels = Self.along(geometry.acropodion, geometry)
            #expect(first > 0 && abs(second - 2 * first) < 2 && 1.5 * second <= lengthPixels + 2,
                    "seed \(foot.seed): thirds at \(first), \(second) px of a print \(lengthPixels) px long")
            // A print whose toes joined the forefoot is read without them: a smaller outline than the print's.
            if !geometry.archOutlines.isEmpty {
                cut += 1
                let whole = geometry.contours.reduce(0) { $0 + abs($1.enclosedSignedArea) }
                let read = geometry.archOutlines.reduce(0) { $0 + abs($1.enclosedSignedArea) }
                #expect(read < whole, "seed \(foot.seed): the toes cut off")
            }
        }
        #expect(cut >= 10, "\(cut) prints read without their joined toes")
        for foot in GeneratedSet.main.flatMap(\.feet).prefix(20) {
            let geometry = foot.measured?.geometry
            #expect(geometry.map { $0.archThirdLines.isEmpty && $0.archOutlines.isEmpty } ?? true, "seed \(foot.seed): a sole has no arch lines")
        }
    }

    @Test("two split prints side by side: each heel joins its own forefoot")
    func splitPairs() {
        let scans = GeneratedSet.splitPrintPairs
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        for scan in scans {
            let error = scan.error, kind = scan.imageKind, found = scan.measuredCount
            #expect(error == nil && kind == .footprint && found == 2, "seed \(scan.seed)")
        }
        let length = ErrorStatistics(feet.map { $0.measured!.lengthMM - $0.truth.lengthMM })
        let arch = ErrorStatistics(feet.compactMap { f in f.measured!.archIndex.flatMap { m in f.truth.archIndex.map { m - $0 } } })
        print("split print pairs: \(feet.count) feet; length error \(length); arch index error \(arch)")
        #expect(feet.count == 32 && arch.count == feet.count)
        #expect(length.p95 <= 1.0 && arch.p95 <= 0.02)
        for foot in feet {
            let side = foot.measured?.side, trueSide = foot.truth.side
            #expect(side == trueSide, "seed \(foot.seed)")
        }
    }

    @Test("a print missing one or two toe pads says partial_print, and keeps its arch index")
    func partial() {
        let scans = GeneratedSet.partialPrints
        let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
        for scan in scans {
            let error = scan.error, kind = scan.imageKind, found = scan.measuredCount, drawn = scan.scene.feet.count
            #expect(error == nil && kind == .footprint && found == drawn, "seed \(scan.seed)")
        }
        for foot in feet {
            let warnings = foot.measured?.warnings ?? []
            #expect(warnings.contains(.partialPrint) && !warnings.contains(.toesMerged), "seed \(foot.seed): \(warnings)")
        }
        let arch = ErrorStatistics(feet.compactMap { f in f.measured!.archIndex.flatMap { m in f.truth.archIndex.map { m - $0 } } })
        print("partial prints: \(feet.count) feet; arch index error \(arch)")
        for f in feet {
            if let m = f.measured?.archIndex, let t = f.truth.archIndex, abs(m - t) > 0.02 {
                print("  partial print: seed \(f.seed) at \(Int(f.dotsPerInch)) dpi, arch index \(m) against \(t)")
            }
        }
        #expect(feet.count >= 20 && arch.count == feet.count && arch.p95 <= 0.02)
    }

    @Test("arch index P95 <= 0.02; arch type right wherever the true index is 0.01 clear of a threshold")
    func archIndex() {
        let measured = Self.feet.filter { $0.measured?.archIndex != nil && $0.truth.archIndex != nil }
        let truths = measured.compactMap(\.truth.archIndex)
        print("footprints: \(GeneratedSet.footprints.count) scans, \(Self.feet.count) feet, true arch indices \(truths.min() ?? .nan) to \(truths.max() ?? .nan)")
        #expect(measured.count == Self.feet.count)
        #expect((truths.min() ?? 1) < 0.05 && (truths.max() ?? 0) > 0.3, "the set spans split prints to flat feet")
        let stats = ErrorStatistics(measured.map { $0.measured!.archIndex! - $0.truth.archIndex! })
        print("arch index error: \(stats)")
        #expect(stats.p95 <= 0.02)
        for foot in measured {
            let truth = foot.truth.archIndex!
            guard abs(truth - 0.21) > 0.01 && abs(truth - 0.26) > 0.01 else { continue }
            let type = foot.measured?.archType, expected = ArchType(archIndex: truth)
            #expect(type == expected, "seed \(foot.seed): index \(truth)")
        }
    }

    @Test("Chippaux-Smirak and Staheli indices within 0.03 at P95; length within the engine's bounds")
    func otherIndices() {
        let measured = Self.feet.filter { $0.measured != nil }
        let csi = ErrorStatistics(measured.compactMap { f in f.measured!.chippauxSmirakIndex.flatMap { m in f.truth.chippauxSmirakIndex.map { m - $0 } } })
        let staheli = ErrorStatistics(measured.compactMap { f in f.measured!.staheliIndex.flatMap { m in f.truth.staheliIndex.map { m - $0 } } })
        let length = ErrorStatistics(measured.filter { $0.dotsPerInch >= 200 }.map { $0.measured!.lengthMM - $0.truth.lengthMM })
        let width = ErrorStatistics(measured.map { $0.measured!.widthMM - $0.truth.widthMM })
        print("Chippaux-Smirak error: \(csi); Staheli error: \(staheli); print length error >= 200 dpi: \(length); print width error: \(width)")
        #expect(csi.count == measured.count && staheli.count == measured.count)
        #expect(csi.p95 <= 0.03 && staheli.p95 <= 0.03)
        #expect(length.p95 <= 0.5)
        #expect(width.p95 <= 0.6)
    }
}
