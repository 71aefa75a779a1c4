@testable import FootScanEngine
import FootScanImage
import Testing
import FootScanTestSupport

/// The stages that judge a result on small hand-made inputs: plausibility, the side cues' vote, and the
/// skin-hue channel choice.
@Suite("Plausibility, side cues and the skin-hue choice")
struct PlausibilityAndSideTests {
    @Test("feet no one has are called out; human feet, children's too, are not")
    func plausibility() {
        // The issue's own cases: a flatbed scan's 288 x 162.5 and 137.7 x 77.4 "feet", a haze joined to the
        // toes (326 x 237), a bed gradient traced as a foot (230 x 50).
        #expect(Plausibility.warnings(lengthMM: 288, widthMM: 162.5, heelWidthMM: 70, isPrint: false) == [.implausibleSize, .implausibleShape])
        #expect(Plausibility.warnings(lengthMM: 137.7, widthMM: 77.4, heelWidthMM: 50, isPrint: false) == [.implausibleShape])
        #expect(Plausibility.warnings(lengthMM: 326, widthMM: 237, heelWidthMM: 80, isPrint: false).contains(.implausibleSize))
        #expect(Plausibility.warnings(lengthMM: 230, widthMM: 50, heelWidthMM: 40, isPrint: false) == [.implausibleShape])
        // A heel wider than the foot, on a sole.
        #expect(Plausibility.warnings(lengthMM: 250, widthMM: 95, heelWidthMM: 110, isPrint: false) == [.implausibleShape])
        // Human feet: ANSUR's extremes and a child's.
        #expect(Plausibility.warnings(lengthMM: 250, widthMM: 97, heelWidthMM: 64, isPrint: false).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 198, widthMM: 77, heelWidthMM: 55, isPrint: false).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 323, widthMM: 126, heelWidthMM: 80, isPrint: false).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 117, widthMM: 45, heelWidthMM: 30, isPrint: false).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 1270, widthMM: 480, heelWidthMM: 300, isPrint: false).contains(.implausibleSize))
        // A print is its contact, narrower than the foot: the generator's narrowest map (307 x 85 mm) is a
        // print's proportions, not a sole's; a strip as narrow as the bed gradient above is neither.
        #expect(Plausibility.warnings(lengthMM: 307, widthMM: 85, heelWidthMM: 64, isPrint: true, toeTipsMM: [300, 307, 303, 295, 285]).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 307, widthMM: 85, heelWidthMM: 64, isPrint: false) == [.implausibleShape])
        #expect(Plausibility.warnings(lengthMM: 230, widthMM: 50, heelWidthMM: 40, isPrint: true, toeTipsMM: [225, 230, 228, 220, 210]) == [.implausibleShape])
        // Toes at the heel's end are no toes: a fuzzed image's "foot" of random bits, 237 x 123.8 mm, its
        // five "toes" 13 to 74 mm from the heel; the same print with its toes in front is a foot's.
        #expect(Plausibility.warnings(lengthMM: 237, widthMM: 123.8, heelWidthMM: 32, isPrint: true,
                                      toeTipsMM: [20, 73.7, 53.4, 12.8, 23.2]) == [.implausibleShape])
        #expect(Plausibility.warnings(lengthMM: 237, widthMM: 123.8, heelWidthMM: 32, isPrint: true,
                                      toeTipsMM: [230, 237, 233, 226, 215]).isEmpty)
        // The little toe ends at about 0.8 of the length: a tip at 0.66 is still a foot's, at 0.64 not.
        #expect(Plausibility.warnings(lengthMM: 250, widthMM: 97, heelWidthMM: 64, isPrint: false, toeTipsMM: [245, 250, 240, 220, 165]).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 250, widthMM: 97, heelWidthMM: 64, isPrint: false, toeTipsMM: [245, 250, 240, 220, 160]) == [.implausibleShape])
    }

    @Test("a foot-shaped region of no human length gets the density message")
    func densityMessage() {
        let message = Plausibility.densityMessage(lengthMM: 1270.4, dotsPerInch: 72, source: "the file's")
        #expect(message == "the foot would be 1270 mm long at the file's 72 dpi: the density is probably wrong; "
            + "calibrate the scanner (footscan calibrate) or give the true density (--override-dpi)")
        #expect(Plausibility.densityMessage(lengthMM: 62, dotsPerInch: 600, source: "the file's")?.hasPrefix("the foot would be 62 mm long") == true)
        #expect(Plausibility.densityMessage(lengthMM: 250, dotsPerInch: 300, source: "the file's") == nil)
    }

    @Test("side cues: agreement gives confidence 1, an even split 0.5, weak agreeing cues still 1")
    func sideConfidence() {
        var cues = SideCues(frame: Frame(points: [], parts: [], axis: SIMD2(1, 0)), main: 0..<0, tips: [], bigToe: 1)
        #expect(cues.confidence(medialSign: 1) == 1)
        #expect(cues.confidence(medialSign: -1) == 0)
        cues.add(-1, weight: 1)
        #expect(cues.confidence(medialSign: 1) == 0.5)
        var weak = SideCues(frame: Frame(points: [], parts: [], axis: SIMD2(1, 0)), main: 0..<0, tips: [], bigToe: 0.2)
        weak.add(0.3, weight: 0.7)
        #expect(weak.confidence(medialSign: 1) == 1)
        #expect(weak.confidence(medialSign: 1) >= SideCues.uncertainBelow)
    }

    @Test("no foot of any generated set is called implausible; every scan at a wrong density says so")
    func generatedSets() {
        let sets: [(String, [ScanResult])] = [
            ("main", GeneratedSet.main), ("footprints", GeneratedSet.footprints), ("partial prints", GeneratedSet.partialPrints),
            ("split prints", GeneratedSet.splitPrintPairs), ("touching", GeneratedSet.touching),
            ("staggered", GeneratedSet.touchingStaggered), ("light band", GeneratedSet.leakTouching),
            ("isoluminant", GeneratedSet.isoluminant), ("soft edges", GeneratedSet.softEdges), ("hallux", GeneratedSet.hallux),
            ("dark bed", GeneratedSet.darkBed), ("light bed", GeneratedSet.lightBed), ("quirks", GeneratedSet.quirks),
        ]
        var feet = 0
        for (name, scans) in sets {
            for foot in scans.flatMap(\.feet) {
                guard let warnings = foot.measured?.warnings else { continue }
                feet += 1
                let m = foot.measured
                #expect(!warnings.contains(.implausibleSize) && !warnings.contains(.implausibleShape),
                        "\(name) seed \(foot.seed): \(warnings), \(m?.lengthMM ?? 0) x \(m?.widthMM ?? 0) mm, heel \(m?.heelWidthMM ?? 0)")
            }
        }
        #expect(feet >= 700)
        let wrong = GeneratedSet.wrongDensity
        #expect(wrong.count == 16)
        for scan in wrong {
            let error = scan.error ?? ""
            let flagged = scan.feet.allSatisfy { $0.measured?.warnings.contains(.implausibleSize) == true }
            #expect(error.contains("the density is probably wrong") || (scan.error == nil && flagged),
                    "seed \(scan.seed): \(error.isEmpty ? "measured without a warning" : error)")
        }
    }

    /// (The touching sets stand crossed, little toes together, where the pair's cue votes against the
    /// feet's own cues: see SceneConditions.)
    @Test("two feet standing apart: each side confident, never both one side")
    func pairs() {
        for scan in GeneratedSet.main + GeneratedSet.darkBed + GeneratedSet.lightBed where scan.scene.feet.count == 2 {
            let measured = scan.feet.compactMap(\.measured)
            guard measured.count == 2 else { continue }
            #expect(measured[0].side != measured[1].side, "seed \(scan.seed)")
            for foot in measured {
                #expect(foot.sideConfidence >= SideCues.uncertainBelow, "seed \(scan.seed): side confidence \(foot.sideConfidence)")
            }
        }
    }

    /// A 48 x 48 block sample: a near-black colourless bed, a skin-coloured sole, and optionally a
    /// colourless haze as bright as the skin over the bottom third.
    static func sample(haze: Bool) -> ColourSample {
        var means: [SIMD3<Float>] = []
        for y in 0..<48 {
            for x in 0..<48 {
                var value = SIMD3<Float>(45, 45, 45)
                if haze && y >= 32 { value = SIMD3(132, 132, 132) }
                if (14..<34).contains(x) && (6..<40).contains(y) { value = SIMD3(170, 128, 112) }
                means.append(value)
            }
        }
        return ColourSample(columns: 48, rows: 48, blockPixels: 8, means: means)
    }

    @Test("skin hue is chosen where a colourless haze is as bright as the skin, and luma is kept on a clean scan")
    func skinHue() throws {
        let hazy = SkinHue.choose(Self.sample(haze: true))
        let projection = try #require(hazy.projection)
        #expect(projection.isSkinHue)
        // The projection puts the skin near 192 and both the bed and the haze near 64.
        func project(_ rgb: SIMD3<Float>) -> Float { (projection.weights * rgb).sum() + projection.offset }
        #expect(abs(project(SIMD3(170, 128, 112)) - 192) < 2)
        #expect(abs(project(SIMD3(45, 45, 45)) - 64) < 2)
        #expect(abs(project(SIMD3(132, 132, 132)) - 64) < 2)
        // A toe's neck: darker by half, as coloured: still skin.
        #expect(project(SIMD3(105, 63, 47)) > 180)
        #expect(SkinHue.choose(Self.sample(haze: false)).projection == nil)
    }

    @Test("the strongest blocks are picked by selection exactly as a stable sort from largest picks them, ties in order")
    func largestBlocks() {
        var seed: UInt64 = 12345
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double((seed >> 33) % 40) // few distinct values: many ties
        }
        for count in [1, 3, 17, 99, 100] {
            let values = (0..<100).map { _ in next() }
            let bySort = Array(values.indices.sorted { values[$0] > values[$1] }.prefix(count))
            #expect(Set(SkinHue.largest(count, of: values)) == Set(bySort), "count \(count)")
            #expect(SkinHue.largest(count, of: values).count == count)
        }
    }
}
