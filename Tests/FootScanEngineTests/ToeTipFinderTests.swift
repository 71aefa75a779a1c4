@testable import FootScanEngine
import Foundation
import Testing

@Suite("Toe tips on hand-made outlines")
struct ToeTipFinderTests {
    /// A closed outline in the foot's frame: a front edge across y = -50...50 mm at x = 200 with toes as
    /// bumps (height, centre, half-width), sampled every 0.25 mm, closed along x = 0 behind.
    static func outline(toes: [(height: Double, centre: Double, halfWidth: Double)]) -> (xs: [Double], ys: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        for step in 0...400 {
            let y = -50 + Double(step) * 0.25
            var x = 200.0
            for toe in toes {
                let d = (y - toe.centre) / toe.halfWidth
                x += toe.height * exp(-d * d)
            }
            xs.append(x)
            ys.append(y)
        }
        for step in stride(from: 400, through: 0, by: -4) {
            xs.append(0)
            ys.append(-50 + Double(step) * 0.25)
        }
        return (xs, ys)
    }

    static let fiveToes = [(12.0, -36.0, 5.0), (10.0, -18.0, 5.0), (9.0, 0.0, 5.0), (8.0, 16.0, 4.5), (6.0, 31.0, 4.0)]

    @Test("five toes give five tips at their crowns and four clefts between them")
    func fiveToes() {
        let (xs, ys) = Self.outline(toes: Self.fiveToes.map { (height: $0.0, centre: $0.1, halfWidth: $0.2) })
        let found = ToeTipFinder.find(xs: xs, ys: ys, cut: 150, prominence: 2, minimumWidth: 3)
        #expect(found.tips.count == 5)
        #expect(found.clefts.count == 4)
        let crowns = found.tips.map { ys[$0] }.sorted()
        for (crown, toe) in zip(crowns, Self.fiveToes.map(\.1)) { #expect(abs(crown - toe) < 1, "\(crowns)") }
        // Every cleft lies between its two tips and below both.
        for (n, cleft) in found.clefts.enumerated() {
            #expect(xs[cleft] < xs[found.tips[n]] && xs[cleft] < xs[found.tips[n + 1]])
        }
    }

    @Test("a thin spur in a cleft and a bump shallower than the prominence are no toes")
    func spurAndRipple() {
        var toes = Self.fiveToes.map { (height: $0.0, centre: $0.1, halfWidth: $0.2) }
        toes.append((height: 14, centre: 8, halfWidth: 0.3))   // a filament of noisy pixels, taller than the toes
        toes.append((height: 0.8, centre: 45, halfWidth: 2))    // a ripple on the lateral edge
        let (xs, ys) = Self.outline(toes: toes)
        let found = ToeTipFinder.find(xs: xs, ys: ys, cut: 150, prominence: 2, minimumWidth: 3)
        #expect(found.tips.count == 5, "\(found.tips.map { ys[$0] })")
        #expect(found.tips.allSatisfy { abs(ys[$0] - 8) > 2 && abs(ys[$0] - 45) > 2 })
        #expect(found.clefts.count == 4)
    }

    @Test("toes merged into one front give one tip")
    func merged() {
        let (xs, ys) = Self.outline(toes: [(height: 12, centre: 0, halfWidth: 30)])
        let found = ToeTipFinder.find(xs: xs, ys: ys, cut: 150, prominence: 2, minimumWidth: 3)
        #expect(found.tips.count == 1)
        #expect(found.clefts.isEmpty)
    }
}
