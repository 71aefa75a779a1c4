#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point or vector in millimetres.
public struct Point2: Sendable, Hashable, Codable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate.
    public var y: Double

    /// Creates a point.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    static func + (a: Point2, b: Point2) -> Point2 { Point2(a.x + b.x, a.y + b.y) }
    static func - (a: Point2, b: Point2) -> Point2 { Point2(a.x - b.x, a.y - b.y) }
    static func * (a: Point2, s: Double) -> Point2 { Point2(a.x * s, a.y * s) }
    func dot(_ b: Point2) -> Double { x * b.x + y * b.y }
    var length: Double { (x * x + y * y).squareRoot() }
}
