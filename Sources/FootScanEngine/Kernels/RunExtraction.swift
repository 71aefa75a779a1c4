/// One horizontal run of foreground pixels: `row`, columns `start ..< end`.
struct ForegroundRun: Equatable, Sendable {
    var row: Int32
    var start: Int32
    var end: Int32
}

/// Finds the foreground runs of one row. The SIMD version checks 32 pixels at a time and only looks at
/// single pixels in the chunks where the foreground state changes; ``appendRunsScalar`` is its plain
/// twin, used by the tests to check it.
enum RunExtraction {
    /// Appends the runs of the row at `row` (`width` samples) to `runs`.
    @inline(__always)
    static func appendRuns(row: UnsafePointer<UInt8>, width: Int, rowIndex: Int, test: ForegroundTest,
                           into runs: inout [ForegroundRun]) {
        let flip = SIMD32<UInt8>(repeating: test.flip)
        let level = SIMD32<UInt8>(repeating: test.level)
        let raw = UnsafeRawPointer(row)
        var inside = false
        var start = 0
        var x = 0
        while x + 32 <= width {
            let chunk = raw.loadUnaligned(fromByteOffset: x, as: SIMD32<UInt8>.self)
            let mask = (chunk ^ flip) .> level
            let uniform = inside ? all(mask) : !any(mask)
            if !uniform {
                for i in x..<(x + 32) {
                    let foreground = test.isForeground(row[i])
                    if foreground != inside {
                        if foreground { start = i } else {
                            runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(i)))
                        }
                        inside = foreground
                    }
                }
            }
            x += 32
        }
        while x < width {
            let foreground = test.isForeground(row[x])
            if foreground != inside {
                if foreground { start = x } else {
                    runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(x)))
                }
                inside = foreground
            }
            x += 1
        }
        if inside { runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(width))) }
    }

    /// The same, one pixel at a time.
    static func appendRunsScalar(row: UnsafePointer<UInt8>, width: Int, rowIndex: Int, test: ForegroundTest,
                                 into runs: inout [ForegroundRun]) {
        var inside = false
        var start = 0
        for x in 0..<width {
            let foreground = test.isForeground(row[x])
            if foreground && !inside { start = x }
            if !foreground && inside { runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(x))) }
            inside = foreground
        }
        if inside { runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(width))) }
    }
}
