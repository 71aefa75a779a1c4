/// Stops the process with `message` (a finding libFuzzer keeps) when `condition` fails: the promises
/// a fuzz target checks besides "no crash".
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
