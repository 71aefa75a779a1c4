@testable import FootScanEngine
import Foundation
import Testing

/// Cutting thin protrusions (a hair touching the foot) off hand-made outlines: a square with a spike, a
/// slot, a tab, each a vertex every half pixel as the tracer leaves them.
@Suite("Thin protrusions")
struct ThinProtrusionsTests {
    /// A 40 px square (y down) whose top edge carries a part `across` pixels wide reaching `reach` pixels
    /// out of it (negative: into it) at x = 18.
    static func square(across: Double, reach: Double) -> [SIMD2<Double>] {
        [SIMD2<Double>](polygonThrough: [SIMD2(0, 0), SIMD2(18, 0), SIMD2(18, -reach), SIMD2(18 + across, -reach), SIMD2(18 + across, 0),
                                          SIMD2(40, 0), SIMD2(40, 40), SIMD2(0, 40)])
    }

    /// The width cut: 0.4 mm at 150 dpi.
    static let width = 0.4 / (25.4 / 150)

    @Test("a hair one pixel wide and 20 long is cut at its base, the square's outline kept, either way round")
    func hairCut() {
        for outline in [Self.square(across: 1, reach: 20), Array(Self.square(across: 1, reach: 20).reversed())] {
            let (cut, cuts) = ThinProtrusions.cut(outline, width: Self.width)
            #expect(cuts == 1)
            let highest = cut.map(\.y).min() ?? -.infinity
            #expect(highest >= -0.01, "a vertex \(-highest) px out of the square")
            // The square's other vertices all stay: only the hair's and those within a width of it go.
            let square = outline.filter { $0.y >= 0 && ($0.x < 18 - Self.width || $0.x > 19 + Self.width) }
            #expect(square.allSatisfy { p in cut.contains(p) })
            #expect(cut.enclosedArea() > 1590 && cut.enclosedArea() <= 1600.001)
        }
    }

    @Test("a hair across the outline's first vertex is cut too")
    func hairAcrossTheStart() {
        let square = Self.square(across: 1, reach: 20)
        // Start the outline half-way up the hair.
        guard let start = square.firstIndex(where: { $0.x == 18 && $0.y <= -10 }) else {
            Issue.record("no vertex half-way up the hair")
            return
        }
        let (cut, cuts) = ThinProtrusions.cut(Array(square[start...] + square[..<start]), width: Self.width)
        #expect(cuts == 1)
        #expect((cut.map(\.y).min() ?? -.infinity) >= -0.01)
    }

    @Test("a stub standing out a width is cut; one of a quarter of a width is left")
    func stubs() {
        #expect(ThinProtrusions.cut(Self.square(across: 1, reach: Self.width), width: Self.width).cuts == 1)
        #expect(ThinProtrusions.cut(Self.square(across: 1, reach: Self.width / 4), width: Self.width).cuts == 0)
    }

    @Test("a thin slot into the foot (a cleft between toes), a tab wider than the width and a round tip stay")
    func kept() {
        let slot = Self.square(across: 1, reach: -20)
        #expect(ThinProtrusions.cut(slot, width: Self.width).outline == slot)
        let tab = Self.square(across: 3, reach: 20)
        #expect(ThinProtrusions.cut(tab, width: Self.width).outline == tab)
        // A toe's tip: a half circle of radius 2 px on a finger 4 px wide.
        var finger = [SIMD2<Double>(0, 0), SIMD2(18, 0), SIMD2(18, -10)]
        finger += (1..<12).map { k in
            let angle = Double.pi * (1 - Double(k) / 12)
            return SIMD2(20 + 2 * cos(angle), -10 - 2 * sin(angle))
        }
        finger += [SIMD2(22, -10), SIMD2(22, 0), SIMD2(40, 0), SIMD2(40, 40), SIMD2(0, 40)]
        let toe = [SIMD2<Double>](polygonThrough: finger)
        #expect(ThinProtrusions.cut(toe, width: Self.width).outline == toe)
    }
}
