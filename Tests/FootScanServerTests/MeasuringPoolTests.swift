import FootScanServer
import Foundation
import Synchronization
import Testing

/// The bounded measuring pool on its own: the worker bound, the queue bound, the refusal past it.
@Suite("Measuring pool")
struct MeasuringPoolTests {
    @Test("no more than `workers` run at once; past the queue a request is refused at once; all admitted ones finish")
    func bounds() async throws {
        let pool = MeasuringPool(workers: 2, queueLimit: 3)
        let probe = Probe()
        let outcomes = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await pool.run {
                            probe.running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                            probe.gate.wait()
                            probe.running.withLock { $0.now -= 1 }
                            return 0
                        }
                        return true
                    } catch { return false }
                }
            }
            // Once 2 run and 3 wait, the other 3 are refused; then let everything through.
            while await pool.load != (2, 3) { try? await Task.sleep(for: .milliseconds(5)) }
            for _ in 0..<8 { probe.gate.signal() }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 5 && outcomes.filter { !$0 }.count == 3)
        #expect(probe.running.withLock { $0.most } == 2)
        #expect(await pool.load == (0, 0))
    }
}

/// What the pool's work sees: how many run, and a gate that holds them.
final class Probe: Sendable {
    let running = Mutex<(now: Int, most: Int)>((0, 0))
    let gate = DispatchSemaphore(value: 0)
}
