#if canImport(Glibc)
import Glibc
#endif

/// The time an input may take: a fixed allowance plus a cost per pixel, checked on the thread's CPU
/// time (what other processes do on the machine does not count). The README states the bound for
/// release builds, 200 ns a pixel plus 50 ms; the fuzzers' own builds carry AddressSanitizer and
/// coverage counters, which make code several times slower, so they check it times `slowdown`.
public struct WorkBound: Sendable {
    /// Nanoseconds allowed per pixel in a release build.
    public static let nanosecondsPerPixel = 200.0
    /// Milliseconds allowed per input whatever its size, in a release build.
    public static let fixedMilliseconds = 50.0

    /// How many times slower the instrumented build may be.
    public var slowdown: Double

    /// A bound for builds `slowdown` times slower than release.
    public init(slowdown: Double) {
        self.slowdown = slowdown
    }

    /// The limit for an image of `pixels` pixels, in milliseconds.
    public func limitMilliseconds(pixels: Int) -> Double {
        slowdown * (Self.fixedMilliseconds + Self.nanosecondsPerPixel * Double(pixels) / 1e6)
    }

    /// Runs `body` and stops the process (a finding libFuzzer keeps) when it took longer than the
    /// limit for `pixels` pixels.
    public func check<T>(pixels: Int, what: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        let start = Self.threadCPUMilliseconds()
        let result = try body()
        verify(since: start, pixels: pixels, what: what)
        return result
    }

    /// The same for work whose size is known only when it is done: `body` returns the pixels it covered.
    public func check(what: @autoclosure () -> String, _ body: () -> Int) {
        let start = Self.threadCPUMilliseconds()
        let pixels = body()
        verify(since: start, pixels: pixels, what: what)
    }

    private func verify(since start: Double, pixels: Int, what: () -> String) {
        let elapsed = Self.threadCPUMilliseconds() - start
        let limit = limitMilliseconds(pixels: pixels)
        if elapsed > limit {
            fatalError("\(what()): \(pixels) pixels took \(Int(elapsed)) ms of CPU, over the bound of \(Int(limit)) ms")
        }
    }

    /// The calling thread's CPU time so far, in milliseconds.
    public static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}
