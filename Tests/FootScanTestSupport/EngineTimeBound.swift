#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time bound the README states for any image: 200 ns a pixel plus 50 ms of CPU in a release build,
/// checked on the calling thread's CPU time (other tests running beside it do not inflate it). The fuzz
/// package's `WorkBound` states the same bound for its instrumented builds.
package enum EngineTimeBound {
    /// The bound, milliseconds of CPU for `pixels` pixels, times ``slowdown``.
    package static func milliseconds(pixels: Int) -> Double { slowdown * (50 + 200e-6 * Double(pixels)) }

    /// 5 under AddressSanitizer (CI's second run of the suite), which makes the engine 2-3 times
    /// slower; 1 in a plain build, which the bound is stated for.
    package static let slowdown: Double = dlsym(nil, "__asan_init") != nil ? 5 : 1

    /// The calling thread's CPU time so far, in milliseconds.
    package static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}
