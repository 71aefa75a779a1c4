
/// `--shard K/N`: the K-th of N deterministic parts of a batch's files, chosen by a hash of each file's
/// path as given, so N machines (or pods of an indexed job) that walk the same paths measure disjoint
/// parts that together are exactly the files of one unsharded run.
package struct BatchShard: Equatable, Sendable {
    /// 1-based part number.
    package var index: Int
    /// Number of parts.
    package var count: Int

    /// Reads `K/N`; nil unless 1 <= K <= N.
    package init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the file at `path` belongs to this part.
    package func contains(_ path: String) -> Bool {
        Int(ContentHash.value(of: path.utf8) % UInt64(count)) == index - 1
    }
}
