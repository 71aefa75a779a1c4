import CFuzzerDriver

#if canImport(Glibc)
import Glibc
#endif

/// Starts libFuzzer with the process's command line, calling `callback` on every input, and exits
/// with libFuzzer's status. A fuzz target's `main.swift` is this one call.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
    exit(status)
}
