import CFuzzerDriver

#if canImport(Glibc)
import Glibc
#endif

/// The time and memory an input may take, each a fixed allowance plus a cost per pixel.
///
/// Time is the thread's CPU time (what other processes do on the machine does not count). The README
/// states the bound for release builds, 200 ns a pixel plus 50 ms; the fuzzers' own builds carry
/// AddressSanitizer and coverage counters, which make code several times slower, so they check it
/// times `slowdown`. Memory is the peak of the bytes allocated and not yet freed while the input ran
/// (counted through the sanitizer's allocation hooks): 100 bytes a pixel plus 32 MB.
public struct WorkBound: Sendable {
    /// Nanoseconds allowed per pixel in a release build.
    public static let nanosecondsPerPixel = 200.0
    /// Milliseconds allowed per input whatever its size, in a release build.
    public static let fixedMilliseconds = 50.0

    /// Bytes allowed per pixel at the peak.
    public static let bytesPerPixel = 100.0
    /// Bytes allowed at the peak whatever the image's size.
    public static let fixedBytes = 32.0 * 1_048_576

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

    /// The peak allocation allowed for an image of `pixels` pixels, in bytes.
    public func limitBytes(pixels: Int) -> Double {
        Self.fixedBytes + Self.bytesPerPixel * Double(pixels)
    }

    /// Runs `body` and stops the process (a finding libFuzzer keeps) when it took more time or memory
    /// than the bounds for `pixels` pixels.
    public func check<T>(pixels: Int, what: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        fs_fuzz_memory_start()
        let base = fs_fuzz_memory_live(), start = Self.threadCPUMilliseconds()
        let result = try body()
        verify(since: start, base: base, pixels: pixels, what: what)
        return result
    }

    /// The same for work whose size is known only when it is done: `body` returns the pixels it covered.
    public func check(what: @autoclosure () -> String, _ body: () -> Int) {
        fs_fuzz_memory_start()
        let base = fs_fuzz_memory_live(), start = Self.threadCPUMilliseconds()
        let pixels = body()
        verify(since: start, base: base, pixels: pixels, what: what)
    }

    /// Stops the process when the work since `start` (CPU time) and `base` (live bytes) went over the
    /// bounds for `pixels` pixels.
    private func verify(since start: Double, base: Int64, pixels: Int, what: () -> String) {
        let elapsed = Self.threadCPUMilliseconds() - start
        let peak = Double(fs_fuzz_memory_peak() - base)
        let byteLimit = limitBytes(pixels: pixels)
        if Self.showsWork {
            let line = "\(what()): \(pixels) pixels, \(elapsed) ms, \(Int(peak)) bytes, \(peak / Double(max(pixels, 1))) a pixel\n"
            _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        }
        if peak > byteLimit {
            fatalError("\(what()): \(pixels) pixels took \(Int(peak / 1_048_576)) MB at the peak, over the bound of \(Int(byteLimit / 1_048_576)) MB")
        }
        let limit = limitMilliseconds(pixels: pixels)
        if elapsed > limit {
            fatalError("\(what()): \(pixels) pixels took \(Int(elapsed)) ms of CPU, over the bound of \(Int(limit)) ms")
        }
    }

    /// Whether each input's pixels, time and peak bytes go to standard error (`FOOTSCAN_FUZZ_SHOW_WORK=1`),
    /// to see how close the inputs come to the bounds.
    static let showsWork = getenv("FOOTSCAN_FUZZ_SHOW_WORK") != nil

    /// The calling thread's CPU time so far, in milliseconds.
    public static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}
