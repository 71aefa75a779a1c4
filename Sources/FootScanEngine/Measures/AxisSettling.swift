/// The foot axis's fixed-point iteration: the axis through the pternion and toe 2's tip is found
/// again from the tip the last axis gives, until a step turns it by less than ``convergedBelow``.
///
/// Where two outline vertices at toe 2's tip lie equally far along the axes through each, the axis
/// flips between them for ever. A flip between two axes closer than ``cycleTolerance`` is settled
/// too: a generated pressure map's foot whose axis flipped between directions 2.6e-5 rad apart
/// carried `axis_uncertain` for it.
///
/// An iteration that never settles (a cycle of axes degrees apart, where the tip taken for toe 2's
/// changes with the axis) leaves ``steadiestAxis``: of the axes it visited, the one the next step
/// turned least, the nearest it came to a fixed point.
struct AxisSettling {
    /// A step below this, radians (the sine of the turn), ends the iteration.
    static let convergedBelow = 1e-7

    /// The largest flip, radians, between two axes the iteration may return to in turn and still count
    /// as settled: 1e-4 (0.006°, 0.03 mm across a 300 mm foot).
    static let cycleTolerance = 1e-4

    /// The most steps the iteration takes.
    static let maximumSteps = 12

    /// The latest axis, a unit vector.
    private(set) var axis: SIMD2<Double>
    /// The axis before the latest step's.
    private var previous: SIMD2<Double>?
    /// Whether a step turned the axis by less than ``convergedBelow``.
    private(set) var converged = false
    /// Whether the latest step returned to the axis two steps back, turning it by less than
    /// ``cycleTolerance``.
    private(set) var flipsInPlace = false
    /// The steps taken so far.
    private var steps = 0
    /// Of the axes visited so far, the one the step after it turned least, with that step's turn.
    private var steadiest: (axis: SIMD2<Double>, turn: Double)?

    /// Starts from `axis`, a unit vector.
    init(_ axis: SIMD2<Double>) {
        self.axis = axis
    }

    /// Whether the axis has converged or flips between two axes that are as good as one.
    var isSettled: Bool { converged || flipsInPlace }

    /// Of the axes the iteration left, the one the next step turned least, once it has taken
    /// ``maximumSteps`` without settling: the axis to measure on. Nil while it may go on, or once settled.
    var steadiestAxis: SIMD2<Double>? {
        steps >= Self.maximumSteps && !isSettled ? steadiest?.axis : nil
    }

    /// The sine of the angle between two unit vectors, unsigned.
    static func turn(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        abs(a.x * b.y - a.y * b.x)
    }

    /// Takes the next axis, a unit vector; true when the iteration may stop (it converged).
    mutating func take(_ next: SIMD2<Double>) -> Bool {
        let change = Self.turn(next, axis)
        let returned = previous.map { Self.turn(next, $0) < Self.convergedBelow } ?? false
        flipsInPlace = returned && change < Self.cycleTolerance
        if steadiest.map({ change < $0.turn }) ?? true { steadiest = (axis, change) }
        steps += 1
        previous = axis
        axis = next
        if change < Self.convergedBelow { converged = true }
        return converged
    }
}
