@testable import FootScanEngine
import Foundation
import Testing

@Suite("The pternion of an outline: the rearmost vertex, or the peak of the heel's back over a band")
struct FramePternionTests {
    /// A closed outline around a heel of radius `radius` mm centred on the origin, its radius rippled by
    /// `ripple` mm with a wavelength of `wavelength` mm along the outline at phase `phase`, one vertex
    /// every 0.1 mm; the ellipse's half-axes are `radius` along x and `radius * stretch` along y, turned by
    /// `turn` radians.
    static func heel(radius: Double = 30, stretch: Double = 1, turn: Double = 0, ripple: Double = 0,
                     wavelength: Double = 5, phase: Double = 0) -> [SIMD2<Double>] {
        let count = Int(2 * Double.pi * radius / 0.1)
        let waves = 2 * Double.pi * radius / wavelength
        return (0..<count).map { step in
            let angle = Double(step) / Double(count) * 2 * Double.pi
            let r = 1 + ripple / radius * sin(waves * angle + phase)
            let p = SIMD2(radius * cos(angle), radius * stretch * sin(angle)) * r
            return SIMD2(p.x * cos(turn) - p.y * sin(turn), p.x * sin(turn) + p.y * cos(turn))
        }
    }

    static func frame(_ points: [SIMD2<Double>], band: Double = 0) -> Frame {
        Frame(points: points, parts: [0..<points.count], axis: SIMD2(1, 0), pternionBand: band)
    }

    @Test("with no band the pternion is the rearmost vertex, and x is measured from it")
    func rearmostVertex() throws {
        let points = Self.heel(ripple: 0.3, phase: 1)
        let frame = Self.frame(points)
        let rearmost = try #require(points.min { $0.x < $1.x })
        #expect(frame.origin == rearmost)
        #expect(frame.xs.min() == 0)
    }

    @Test("a heel's back rippled by 0.3 mm every 5 mm: the rearmost vertex wanders across by millimetres, the band's peak stays within 0.3 mm",
          arguments: [0.0, 0.8, 1.6, 2.4, 3.2, 4.0, 4.8, 5.6])
    func rippledBack(phase: Double) {
        let points = Self.heel(ripple: 0.3, phase: phase)
        let rearmost = Self.frame(points)
        let banded = Self.frame(points, band: 7.5)
        // Both lie on the rearmost line; across, the rearmost vertex sits on a ripple's crest, up to
        // sqrt(2 R h) = 4.2 mm from the heel's middle at y = 0.
        #expect(abs(banded.origin.x - rearmost.origin.x) < 1e-9)
        #expect(abs(banded.origin.y) < 0.3, "band's peak \(banded.origin.y) mm across, rearmost vertex \(rearmost.origin.y)")
        #expect(banded.xs.min() ?? -1 >= -1e-9)
    }

    @Test("the ripples move the rearmost vertex across by more than 1.5 mm at some phase")
    func ripplesMoveTheRearmostVertex() {
        let largest = stride(from: 0.0, to: 2 * Double.pi, by: 0.2).map { phase in
            abs(Self.frame(Self.heel(ripple: 0.3, phase: phase)).origin.y)
        }.max() ?? 0
        #expect(largest > 1.5)
    }

    @Test("on a smooth heel turned against the axis the band's peak lies within 0.5 mm of the exact rearmost point",
          arguments: [(1.3, 0.15), (0.8, -0.25), (1.0, 0.4)])
    func turnedHeel(stretch: Double, turn: Double) throws {
        // A turned ellipse's back is no parabola: the fit's peak may miss the rearmost point by a few
        // tenths of a millimetre, a turn of 0.1 degrees on an axis 250 mm long.
        let points = Self.heel(radius: 28, stretch: stretch, turn: turn)
        let exact = try #require(points.min { $0.x < $1.x })
        let banded = Self.frame(points, band: 7.5)
        #expect(abs(banded.origin.y - exact.y) < 0.5, "peak \(banded.origin.y), rearmost \(exact.y)")
        #expect(abs(banded.origin.x - exact.x) < 1e-9)
    }
}
