/// The last three chroma rows a projection has worked out, each in a slot by its row index modulo 3.
/// The triangle filter reads each output row from two neighbouring chroma rows, and the output rows go
/// down the image in order, so every chroma row is worked out once and read for up to four output rows.
struct ChromaRowRing<Element: BitwiseCopyable>: ~Copyable {
    /// Three slots of `rowLength` elements, one after the other (not initialised until filled).
    private let storage: UnsafeMutablePointer<Element>
    /// Elements in each slot.
    let rowLength: Int
    /// The chroma row each slot holds (-1: none yet).
    private var held = SIMD3<Int>(repeating: -1)

    /// Three empty slots of `rowLength` elements each.
    init(rowLength: Int) {
        self.rowLength = rowLength
        storage = .allocate(capacity: 3 * rowLength)
    }

    deinit { storage.deallocate() }

    /// Chroma row `row`'s slot, first filled by `fill` (given the row and the slot) unless the slot
    /// holds that row already.
    @inline(__always)
    mutating func row(_ row: Int, fill: (Int, UnsafeMutablePointer<Element>) -> Void) -> UnsafeMutablePointer<Element> {
        let slot = row % 3, start = storage + slot * rowLength
        if held[slot] != row {
            fill(row, start)
            held[slot] = row
        }
        return start
    }
}
