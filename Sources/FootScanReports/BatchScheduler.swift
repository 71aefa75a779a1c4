import Foundation

/// Hands files to worker threads and writes their rows in input order, keeping at most `window` files
/// in flight or waiting to be written: memory stays flat however many files the batch reads.
package final class BatchScheduler<Outcome>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToTake = 0
    private var nextToWrite = 0
    private var finished: [Int: Outcome] = [:]
    private var stopped = false
    private let write: (Int, Outcome) -> Void

    /// `write` is called in input order, under the scheduler's lock, with each file's outcome.
    package init(count: Int, window: Int, write: @escaping (Int, Outcome) -> Void) {
        self.count = count
        self.window = max(window, 1)
        self.write = write
    }

    /// The next file index to work on, or nil when all are handed out (or the batch was stopped).
    package func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToTake < count && nextToTake - nextToWrite >= window { condition.wait() }
        guard !stopped, nextToTake < count else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    /// Hands in a file's outcome; writes every file that is next in order.
    package func finish(_ index: Int, outcome: Outcome) {
        condition.lock()
        finished[index] = outcome
        while let ready = finished.removeValue(forKey: nextToWrite) {
            write(nextToWrite, ready)
            nextToWrite += 1
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Hands out no more files.
    package func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `jobs` worker threads over all files and waits for them.
    package func run(jobs: Int, work: @escaping @Sendable (Int) -> Outcome) {
        let group = DispatchGroup()
        for _ in 0..<max(jobs, 1) {
            group.enter()
            let thread = Thread { [self] in
                while let index = take() { finish(index, outcome: work(index)) }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}
