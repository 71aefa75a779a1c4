@testable import FootScanEngine
import Foundation
import Testing

/// Where joined toes begin, read from hand-made pressure fields in the foot's frame (mm, levels 0-255):
/// the half-way point of each toe's step to the forefoot's level, the line through them, no base where
/// the pressure shows no step, and the print cut back to that line.
@Suite("Toe bases")
struct ToeBasesTests {
    /// A forefoot whose toes begin at x = `front` + `slant` y: the toes' pressure `toe` ahead of it (to
    /// their tips at `front` + 22 + `slant` y), the forefoot's fringe `fringe` behind it down to x =
    /// `front` - 12, and the ball rising behind that by 6 levels a millimetre; every change blurred
    /// linearly over `blur` mm.
    static func field(front: Double, slant: Double = 0, toe: Double, fringe: Double, blur: Double = 4) -> (Double, Double) -> Double? {
        { x, y in
            let base = front + slant * y
            func ramp(_ t: Double) -> Double { min(max(t / blur + 0.5, 0), 1) }
            let ball = max(0, (base - 12 - x) * 6)
            let behind = fringe + ball
            let level = behind + (toe - behind) * ramp(x - base)
            return level * (1 - ramp(x - (base + 22)))
        }
    }

    static let tips: [SIMD2<Double>] = [SIMD2(222, -20), SIMD2(222, 0), SIMD2(222, 20)]

    @Test("toes fainter than the forefoot's fringe begin half-way up their step")
    func fainterToes() throws {
        let bases = try #require(ToeBases(tips: Self.tips, pressure: Self.field(front: 200, toe: 40, fringe: 75)))
        #expect(bases.bases.count == 3)
        for base in bases.bases { #expect(abs(base.x - 200) <= 0.5, "base at \(base)") }
        #expect(abs(bases.x(atY: 0) - 200) <= 0.5 && abs(bases.slope) <= 0.02)
    }

    @Test("toes pressed harder than the fringe begin half-way down their step")
    func harderToes() throws {
        let bases = try #require(ToeBases(tips: Self.tips, pressure: Self.field(front: 200, toe: 110, fringe: 60)))
        for base in bases.bases { #expect(abs(base.x - 200) <= 0.5, "base at \(base)") }
    }

    @Test("an oblique front: the line follows its slant")
    func obliqueFront() throws {
        let tips = Self.tips.map { SIMD2($0.x + 0.25 * $0.y, $0.y) }
        let bases = try #require(ToeBases(tips: tips, pressure: Self.field(front: 200, slant: 0.25, toe: 40, fringe: 75)))
        #expect(abs(bases.slope - 0.25) <= 0.03, "slope \(bases.slope)")
        #expect(abs(bases.x(atY: 20) - 205) <= 0.7, "at y = 20: \(bases.x(atY: 20))")
    }

    @Test("toes as heavy as the fringe show no base: the ball's rise is never flat")
    func noStep() {
        #expect(ToeBases(tips: Self.tips, pressure: Self.field(front: 200, toe: 70, fringe: 72)) == nil)
    }

    @Test("a toe whose line leaves the print shows no base, and one base alone gives no line")
    func offThePrint() throws {
        // Toe lines at y = 0 and 20 run through zero pressure (a notch) 5 mm behind their tips.
        let field = Self.field(front: 200, toe: 40, fringe: 75)
        let notched: (Double, Double) -> Double? = { x, y in y > -10 && x > 210 && x < 214 ? 0 : field(x, y) }
        #expect(ToeBases(tips: Self.tips, pressure: notched) == nil)
        let twoLines: (Double, Double) -> Double? = { x, y in y > 10 && x > 210 && x < 214 ? 0 : field(x, y) }
        let bases = try #require(ToeBases(tips: Self.tips, pressure: twoLines))
        #expect(bases.bases.map(\.y) == [-20, 0])
    }

    @Test("the print is cut back to the line in the forefoot only")
    func cut() throws {
        let bases = try #require(ToeBases(tips: Self.tips, pressure: Self.field(front: 200, toe: 40, fringe: 75)))
        // A print outline: heel at 0, a forefoot whose front stands at 215 (the toes' bases kept).
        let print = [SIMD2<Double>](polygonThrough: [SIMD2(0, -40), SIMD2(215, -40), SIMD2(215, 40), SIMD2(0, 40)])
        let frame = Frame(points: print, parts: [0..<print.count], axis: SIMD2(1, 0))
        let cut = bases.cut((print, [0..<print.count]), frame: frame, forefootFrom: 0.6 * frame.length)
        let front = cut.points.map { ($0 - frame.origin).x }.max() ?? 0
        #expect(abs(front - 200) <= 0.5, "front at \(front)")
        #expect(cut.points.count == print.count && cut.parts == [0..<print.count])
        // Nothing behind the forefoot moves, however far back the line.
        let heel = cut.points.filter { ($0 - frame.origin).x < 0.6 * frame.length }
        #expect(heel == print.filter { ($0 - frame.origin).x < 0.6 * frame.length })
    }
}
