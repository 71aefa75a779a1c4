@testable import FootScanEngine
import Foundation
import Testing

/// The axis iteration's end (`AxisSettling`) on hand-made sequences of axes.
@Suite("Axis settling")
struct AxisSettlingTests {
    /// A unit vector at `angle` radians from +x.
    static func axis(_ angle: Double) -> SIMD2<Double> { SIMD2(cos(angle), sin(angle)) }

    @Test("a step below 1e-7 rad converges and stops the iteration")
    func converges() {
        var settling = AxisSettling(Self.axis(0.30))
        #expect(!settling.take(Self.axis(0.31)) && !settling.isSettled)
        #expect(!settling.take(Self.axis(0.3101)) && !settling.isSettled)
        #expect(settling.take(Self.axis(0.3101 + 5e-8)) && settling.isSettled)
        #expect(abs(settling.axis.y - sin(0.3101 + 5e-8)) < 1e-12)
    }

    @Test("flipping between two axes 2.6e-5 rad apart is settled; 2e-4 rad apart, or wandering, is not")
    func flips() {
        var close = AxisSettling(Self.axis(0.2))
        for step in 0..<12 { _ = close.take(Self.axis(step % 2 == 0 ? 0.2 + 2.6e-5 : 0.2)) }
        #expect(close.isSettled && !close.converged)

        var apart = AxisSettling(Self.axis(0.2))
        for step in 0..<12 { _ = apart.take(Self.axis(step % 2 == 0 ? 0.2 + 2e-4 : 0.2)) }
        #expect(!apart.isSettled)

        // Small steps that never return to an earlier axis: still unsettled.
        var wandering = AxisSettling(Self.axis(0.2))
        for step in 1...12 { _ = wandering.take(Self.axis(0.2 + 2e-5 * Double(step))) }
        #expect(!wandering.isSettled)

        // A flip that ends with a larger step is not settled by the flips before it.
        var broken = AxisSettling(Self.axis(0.2))
        for step in 0..<6 { _ = broken.take(Self.axis(step % 2 == 0 ? 0.2 + 2.6e-5 : 0.2)) }
        _ = broken.take(Self.axis(0.25))
        #expect(!broken.isSettled)
    }

    @Test("an iteration that cycles without settling leaves the axis the next step turned least")
    func steadiestOfACycle() {
        // A cycle of three axes: 0.20 -> 0.23 (0.03 rad), 0.23 -> 0.24 (0.01), 0.24 -> 0.20 (0.04).
        var cycle = AxisSettling(Self.axis(0.20))
        #expect(cycle.steadiestAxis == nil)
        let angles = [0.23, 0.24, 0.20]
        for step in 0..<2 { _ = cycle.take(Self.axis(angles[step])) }
        #expect(cycle.steadiestAxis == nil, "before the iteration ran its steps")
        for step in 2..<AxisSettling.maximumSteps { _ = cycle.take(Self.axis(angles[step % 3])) }
        #expect(!cycle.isSettled)
        let steadiest = cycle.steadiestAxis
        #expect(steadiest.map { AxisSettling.turn($0, Self.axis(0.23)) < 1e-12 } == true, "\(String(describing: steadiest))")
        // Not the latest axis, where the iteration happened to stop.
        #expect(AxisSettling.turn(cycle.axis, Self.axis(0.23)) > 0.005)
    }
}
