import Foundation

/// Ctrl-C during a batch: stop handing out files, let the workers finish the files they hold, write
/// their rows and the summary, and exit. A second Ctrl-C ends the process at once; the output file is
/// still valid up to its last complete row.
enum BatchSignals {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    private static let flag = InterruptFlag()

    static var interrupted: Bool { flag.isSet }

    static func install(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if flag.isSet { exit(130) }
            flag.set()
            StandardError.print("\nfootscan: interrupted; finishing the files in hand (Ctrl-C again to stop now)")
            onInterrupt()
        }
        source.resume()
        self.source = source
    }
}

final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
