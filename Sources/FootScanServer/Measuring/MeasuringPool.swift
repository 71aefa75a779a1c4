import Foundation

/// Runs measurements on a bounded pool: at most `workers` at once (one per core), at most `queueLimit`
/// waiting; past that a request is refused at once (the route answers 503 with Retry-After) instead
/// of memory growing with the queue. Work runs on Dispatch threads, off the server's event loops and
/// Swift's cooperative pool.
package actor MeasuringPool {
    /// The queue is full.
    package struct Full: Error {}

    /// How many measurements run at once.
    package let workers: Int
    /// How many may wait for a worker.
    package let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A pool of `workers` (at least 1) with room for `queueLimit` waiting.
    package init(workers: Int, queueLimit: Int) {
        self.workers = max(workers, 1)
        self.queueLimit = max(queueLimit, 0)
    }

    /// Measurements running and waiting now.
    package var load: (running: Int, waiting: Int) { (running, waiting.count) }

    private func acquire() async throws(Full) {
        if running < workers {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw Full() }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            // The slot passes straight to the next in line.
            waiting.removeFirst().resume()
        }
    }

    /// Runs `work` on a worker thread when one is free; throws ``Full`` when the queue is full.
    package func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async throws(Full) -> Result {
        try await acquire()
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
        release()
        return result
    }
}
