import FootScanImage

/// One horizontal run of foreground pixels: `row`, columns `start ..< end`.
struct ForegroundRun: Equatable, Sendable {
    var row: Int32
    var start: Int32
    var end: Int32
}

/// Finds the foreground runs of one row. The SIMD version checks 16 pixels at a time and only looks at
/// single pixels in the chunks where the foreground state changes; ``appendRunsScalar`` is its plain
/// twin, used by the tests to check it.
enum RunExtraction {
    /// Every row's runs of `image` under `test`, in raster order, with the index of each row's first run
    /// (`rowStarts[y] ..< rowStarts[y + 1]` index row y's runs).
    static func runs(of image: ScanImage, test: ForegroundTest) -> (runs: [ForegroundRun], rowStarts: [Int]) {
        var runs: [ForegroundRun] = [], rowStarts: [Int] = []
        rowStarts.reserveCapacity(image.height + 1)
        runs.reserveCapacity(4 * image.height)
        let width = image.width, stride = image.stride
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            for y in 0..<image.height {
                rowStarts.append(runs.count)
                appendRuns(row: base + y * stride, width: width, rowIndex: y, test: test, into: &runs)
            }
        }
        rowStarts.append(runs.count)
        return (runs, rowStarts)
    }

    /// Appends the runs of the row at `row` (`width` samples) to `runs`.
    ///
    /// The test `(v ^ flip) > level` is unsigned; x86 has no unsigned byte compare, and Swift lowers an
    /// unsigned `.>` on `SIMD16<UInt8>` element by element. Flipping the top bit maps the unsigned order
    /// onto the signed one, so the kernel compares `SIMD16<Int8>` values, which lowers to one `pcmpgtb`.
    @inline(__always)
    static func appendRuns(row: UnsafePointer<UInt8>, width: Int, rowIndex: Int, test: ForegroundTest,
                           into runs: inout [ForegroundRun]) {
        let flip = SIMD16<Int8>(repeating: Int8(bitPattern: test.flip ^ 0x80))
        let level = SIMD16<Int8>(repeating: Int8(bitPattern: test.level ^ 0x80))
        let raw = UnsafeRawPointer(row)
        var inside = false
        var start = 0
        var x = 0
        while x + 16 <= width {
            let chunk = raw.loadUnaligned(fromByteOffset: x, as: SIMD16<Int8>.self)
            let mask = (chunk ^ flip) .> level
            let uniform = inside ? all(mask) : !any(mask)
            if !uniform {
                for i in x..<(x + 16) {
                    let foreground = test.isForeground(row[i])
                    if foreground != inside {
                        if foreground { start = i } else {
                            runs.append(ForegroundRun(row: Int32(rowIndex), start: Int32(start), end: Int32(i)))
                        }
                        inside = foreground
                    }
                }
            }
            x += 16
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
