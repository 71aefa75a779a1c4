@testable import FootScanEngine
import FootScanSynth
import Foundation
import Testing

@Suite("Cross-sections of an outline in the axis frame")
struct FrameCrossSectionTests {
    /// A frame whose axis is +x, so frame coordinates are the points' own (shifted to the pternion).
    static func frame(_ points: [SIMD2<Double>], parts: [Range<Int>]? = nil) -> Frame {
        Frame(points: points, parts: parts ?? [0..<points.count], axis: SIMD2(1, 0))
    }

    @Test("a rectangle 100 x 40 mm is 40 mm across at every cut inside it and 0 outside")
    func rectangle() {
        let frame = Self.frame([SIMD2(0, 0), SIMD2(100, 0), SIMD2(100, 40), SIMD2(0, 40)])
        for cut in [0.0, 0.5, 37.25, 99.5] {
            let section = frame.crossSection(atX: cut)
            #expect(section.low == 0 && section.high == 40, "at \(cut): \(section)")
        }
        #expect(frame.crossSection(atX: 100.5) == (0, 0))
        #expect(frame.crossSection(atX: -1) == (0, 0))
    }

    @Test("cuts in one pass equal cuts one at a time, on a jagged outline of several parts")
    func onePassEqualsEachCut() {
        // Two closed outlines of noise around circles, their vertices on a 2.54 mm grid (10 dpi), some
        // edges vertical (no x extent), some cuts exactly on vertices.
        var generator = SeededRandom(seed: 17)
        var points: [SIMD2<Double>] = []
        var parts: [Range<Int>] = []
        for (centre, radius) in [(SIMD2(120.0, 60.0), 50.0), (SIMD2(260.0, 40.0), 30.0)] {
            let start = points.count
            for step in 0..<400 {
                let angle = Double(step) / 400 * 2 * Double.pi
                let r = radius * generator.uniform(0.6...1.4)
                let p = centre + SIMD2(cos(angle), sin(angle)) * r
                points.append((p / 2.54).rounded(.toNearestOrEven) * 2.54)
            }
            parts.append(start..<points.count)
        }
        let frame = Self.frame(points, parts: parts)
        let cuts = Array(stride(from: -5.0, through: frame.length + 5, by: 0.5)) + frame.xs.sorted()
        let ascending = cuts.sorted()
        let together = frame.crossSections(atXs: ascending)
        #expect(together.count == ascending.count)
        var crossed = 0
        for (cut, section) in zip(ascending, together) {
            let alone = frame.crossSection(atX: cut)
            #expect(section == alone, "at \(cut): \(section) against \(alone)")
            if section.high > section.low { crossed += 1 }
        }
        #expect(crossed > ascending.count / 2)
        // And for one part only.
        let second = frame.crossSections(atXs: ascending, in: [parts[1]])
        for (cut, section) in zip(ascending, second) {
            #expect(section == frame.crossSection(atX: cut, in: [parts[1]]))
        }
    }
}
