@testable import FootScanEngine
import Testing

/// Prints without toe pads apart, on hand-made inputs: told from soles by the midfoot (``ArchContact``),
/// judged for plausibility as prints that end at the ball (``Plausibility``), and a split print's halves
/// paired without a toe ahead, or with a form's glyphs beyond a line (``PrintHalves``).
@Suite("Prints without toe pads: arch contact, plausibility, halves")
struct ArchContactTests {
    /// An outline in the axis frame (mm, about every 0.5 mm): 240 long, 80 broad (y -40 to 40), its
    /// medial edge drawn in by `archDepth` between x = 80 and 150 (the arch); with `tapered`, its front
    /// narrows from x = 200 to 20 mm across at x = 240 (toes), else it ends square (a ball).
    static func outline(archDepth: Double, tapered: Bool = false) -> (Frame, [Range<Int>]) {
        let front: [SIMD2<Double>] = tapered ? [SIMD2(200, -40), SIMD2(240, -10), SIMD2(240, 10), SIMD2(200, 40)] : [SIMD2(240, -40), SIMD2(240, 40)]
        let corners: [SIMD2<Double>] = [SIMD2(0, -40)] + front + [SIMD2(150, 40), SIMD2(130, 40 - archDepth),
                                        SIMD2(100, 40 - archDepth), SIMD2(80, 40), SIMD2(0, 40)]
        let points = [SIMD2<Double>](polygonThrough: corners)
        return (Frame(points: points, parts: [0..<points.count], axis: SIMD2(1, 0)), [0..<points.count])
    }

    @Test("a sole's midfoot keeps the arch (0.81 of its breadth); a print's leaves it out (0.38)")
    func midfoot() {
        let (sole, soleParts) = Self.outline(archDepth: 15)
        #expect(abs(ArchContact.midfootShare(frame: sole, parts: soleParts) - 65.0 / 80) < 0.01)
        #expect(!ArchContact.isPrint(frame: sole, parts: soleParts))
        let (print, printParts) = Self.outline(archDepth: 50)
        #expect(abs(ArchContact.midfootShare(frame: print, parts: printParts) - 30.0 / 80) < 0.01)
        #expect(ArchContact.isPrint(frame: print, parts: printParts))
    }

    /// A flat outline (no arch) in the axis frame, mm: the heel 60 broad at x = 0, widening to the ball,
    /// 80 broad at x = 150. With `toes`, the ball runs on to x = 170 and the toes narrow it to 20 mm
    /// across at x = 240 (a sole); else a front oblique and rounded along the metatarsal heads ends it,
    /// its lateral corner at x = 158, its foremost point at x = 188 (a print whose toes left no pad).
    static func flatOutline(toes: Bool) -> (Frame, [Range<Int>]) {
        let front: [SIMD2<Double>] = toes
            ? [SIMD2(170, -40), SIMD2(240, -10), SIMD2(240, 10), SIMD2(170, 40)]
            : [SIMD2(158, -39.5), SIMD2(170, -30), SIMD2(183, 0), SIMD2(188, 25), SIMD2(185, 35), SIMD2(178, 39.5)]
        let corners: [SIMD2<Double>] = [SIMD2(0, -30), SIMD2(150, -40)] + front + [SIMD2(150, 40), SIMD2(0, 30)]
        let points = [SIMD2<Double>](polygonThrough: corners)
        return (Frame(points: points, parts: [0..<points.count], axis: SIMD2(1, 0)), [0..<points.count])
    }

    @Test("no toes found and the ball at the front: a print that ends at the ball; a sole's toes reach beyond its ball")
    func ball() {
        let (sole, soleParts) = Self.flatOutline(toes: true)
        #expect(abs(ArchContact.ballPlace(frame: sole, parts: soleParts) - 150.0 / 240) < 0.01)
        #expect(!ArchContact.isPrint(frame: sole, parts: soleParts, toesFound: 0))
        let (print, printParts) = Self.flatOutline(toes: false)
        #expect(abs(ArchContact.ballPlace(frame: print, parts: printParts) - 150.0 / 188) < 0.01)
        #expect(ArchContact.isPrint(frame: print, parts: printParts, toesFound: 0))
        #expect(ArchContact.isPrint(frame: print, parts: printParts, toesFound: 1))
        #expect(!ArchContact.isPrint(frame: print, parts: printParts, toesFound: 5), "toes found: the ball does not decide")
    }

    @Test("a print with no toe shown may be a quarter shorter than its foot, and as much wider for its length")
    func toelessPlausibility() {
        // 180 x 105 mm: too broad for a foot that long, a print that ends at the ball of a 250 mm foot.
        #expect(Plausibility.warnings(lengthMM: 180, widthMM: 105, heelWidthMM: 65, isPrint: true, toeTipsMM: [172, 180, 176, 168, 158]) == [.implausibleShape])
        #expect(Plausibility.warnings(lengthMM: 180, widthMM: 105, heelWidthMM: 65, isPrint: true, toeTipsMM: []).isEmpty)
        #expect(Plausibility.warnings(lengthMM: 180, widthMM: 105, heelWidthMM: 65, isPrint: false, toeTipsMM: []) == [.implausibleShape])
        // Longer than any foot is no foot's print either.
        #expect(Plausibility.warnings(lengthMM: 360, widthMM: 120, heelWidthMM: 70, isPrint: true, toeTipsMM: []).contains(.implausibleSize))
    }

    /// Regions of filled ellipses (1 mm pixels), one per `(centre, semi-axes)`, in the order given.
    static func regions(_ ellipses: [(centre: SIMD2<Double>, semi: SIMD2<Double>)]) -> [ForegroundRegion] {
        var runs: [ForegroundRun] = [], rowStarts: [Int] = []
        for row in 0..<300 {
            rowStarts.append(runs.count)
            let y = Double(row) + 0.5
            for e in ellipses.sorted(by: { $0.centre.x < $1.centre.x }) {
                let t = (y - e.centre.y) / e.semi.y
                guard abs(t) < 1 else { continue }
                let half = e.semi.x * (1 - t * t).squareRoot()
                runs.append(ForegroundRun(row: Int32(row), start: Int32((e.centre.x - half).rounded()), end: Int32((e.centre.x + half).rounded())))
            }
        }
        rowStarts.append(runs.count)
        let labelled = RegionLabeler.regions(of: runs, rowStarts: rowStarts).regions
        // Back into the order given: by the first run's row, then x, as the ellipses were listed.
        return ellipses.compactMap { e in labelled.min { a, b in
            let p = a.centroid, q = b.centroid
            return (p.x - e.centre.x) * (p.x - e.centre.x) + (p.y - e.centre.y) * (p.y - e.centre.y)
                < (q.x - e.centre.x) * (q.x - e.centre.x) + (q.y - e.centre.y) * (q.y - e.centre.y)
        } }
    }

    @Test("a split print whose toes left no pad: the broader half is the forefoot; two halves alike are no pair")
    func toelessHalves() throws {
        // A heel 60 mm broad and a forefoot 100 mm broad (across the line between them), 140 mm apart.
        let split = Self.regions([(SIMD2(150, 60), SIMD2(30, 35)), (SIMD2(150, 200), SIMD2(50, 35))])
        let pairs = PrintHalves.match([0, 1], pads: [], regions: split, mmPerPixelX: 1, mmPerPixelY: 1)
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1 && pair.heel == 0 && pair.forefoot == 1)
        // Two halves of one breadth: which is the heel is not known without toes.
        let alike = Self.regions([(SIMD2(150, 60), SIMD2(40, 35)), (SIMD2(150, 200), SIMD2(42, 35))])
        #expect(PrintHalves.match([0, 1], pads: [], regions: alike, mmPerPixelX: 1, mmPerPixelY: 1).isEmpty)
    }

    @Test("glyphs of a form's text beyond a printed line are no toes: they do not turn a print round")
    func glyphsBeyondALine() throws {
        // A heel 70 mm broad and a forefoot 90 mm broad, 140 mm apart, five toe pads 62 mm ahead of the
        // forefoot's centre and spread across 80 mm; five glyphs 50 mm behind the heel's centre in a
        // tight row (regions 7 to 11), nearer the line through the two halves than the toes are.
        let toes = [110.0, 130, 150, 170, 190].map { (centre: SIMD2($0, 262.0), semi: SIMD2(6.0, 6)) }
        let glyphs = [138.0, 144, 150, 156, 162].map { (centre: SIMD2($0, 10.0), semi: SIMD2(2.0, 4)) }
        let print = Self.regions([(SIMD2(150, 60), SIMD2(35, 35)), (SIMD2(150, 200), SIMD2(45, 45))] + toes + glyphs)
        let pads = Array(2..<12)
        // Taken for toes, the glyphs turn the print round: the heel becomes its forefoot.
        let turned = try #require(PrintHalves.match([0, 1], pads: pads, regions: print, mmPerPixelX: 1, mmPerPixelY: 1).first)
        #expect(turned.heel == 1 && turned.forefoot == 0)
        // Parted from the heel by the form's line, they are none of its toes.
        let pairs = PrintHalves.match([0, 1], pads: pads, regions: print, mmPerPixelX: 1, mmPerPixelY: 1) { pad, half in pad >= 7 && half == 0 }
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1 && pair.heel == 0 && pair.forefoot == 1)
    }
}
