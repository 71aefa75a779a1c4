import FootScanReports
import Foundation
import Synchronization
import Testing

/// The batch's scheduler and shards on their own: order, the in-flight window and disjoint parts.
@Suite("Batch scheduling and shards")
struct BatchSchedulerTests {
    @Test("rows are written in input order, with no more than the window in flight, whatever order the work ends in")
    func orderAndWindow() {
        let count = 200
        let written = Mutex<[Int]>([])
        let inFlight = Mutex<(now: Int, most: Int)>((0, 0))
        let scheduler = BatchScheduler<Int>(count: count, window: 5) { index, outcome in
            #expect(outcome == index * index)
            written.withLock { $0.append(index) }
        }
        scheduler.run(jobs: 3) { index in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            // Later files often finish first: the scheduler must hold them back.
            usleep(UInt32((index * 7919) % 5) * 200)
            inFlight.withLock { $0.now -= 1 }
            return index * index
        }
        #expect(written.withLock { $0 } == Array(0..<count))
        #expect(inFlight.withLock { $0.most } <= 3)
    }

    @Test("a stopped batch hands out no more files")
    func stop() {
        let scheduler = BatchScheduler<Int>(count: 10, window: 4) { _, _ in }
        #expect(scheduler.take() == 0)
        scheduler.stop()
        #expect(scheduler.take() == nil)
    }

    @Test("shards: K/N read as given, and N shards split the files into disjoint parts that make up the whole")
    func shards() throws {
        #expect(BatchShard(argument: "2/3").map { [$0.index, $0.count] } == [2, 3])
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "1/2/3", "-1/2"] { #expect(BatchShard(argument: bad) == nil, "\(bad)") }
        let files = (0..<500).map { "scans/customer-\($0).jpg" }
        let shards = try (1...4).map { try #require(BatchShard(argument: "\($0)/4")) }
        var seen = Set<String>()
        for shard in shards {
            let part = files.filter(shard.contains)
            #expect(part.count > 60, "a part of 500 files in 4 should be near 125, got \(part.count)")
            #expect(seen.isDisjoint(with: part))
            seen.formUnion(part)
        }
        #expect(seen.count == files.count)
    }
}
