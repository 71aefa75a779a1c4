@testable import FootScanEngine
import FootScanSynth
import Testing

/// The touching-feet cut's pieces, on hand-made walls and runs: a run's columns inside a wall are found
/// from the wall's two slabs, not pixel by pixel, and must be exactly the pixels ``TouchingFeet/Wall``
/// says it contains; the labeller that numbers the parts must agree with the one that summarises them.
@Suite("Touching feet: walls and parts")
struct TouchingFeetWallTests {
    /// The pixels of `run` inside `wall`, one test per pixel.
    static func insidePixels(_ wall: TouchingFeet.Wall, _ run: ForegroundRun) -> [Int] {
        (Int(run.start)..<Int(run.end)).filter { wall.contains($0, Int(run.row)) }
    }

    @Test("a run's columns inside a wall are the pixels the wall contains, at any angle and length")
    func columnsMatchPixels() {
        var random = SeededRandom(seed: 17)
        var crossed = 0
        for trial in 0..<400 {
            let a = SIMD2(random.uniform(0...60), random.uniform(0...60))
            // Every fourth wall is axis-aligned (a slab with a zero slope), a few are a point.
            var b = SIMD2(random.uniform(0...60), random.uniform(0...60))
            switch trial % 8 {
            case 0: b.y = a.y
            case 2: b.x = a.x
            case 4 where trial % 16 == 4: b = a
            default: break
            }
            let wall = TouchingFeet.Wall(from: a, to: b, halfWidth: trial % 3 == 0 ? 2.5 : 0.75)
            for row in 0..<64 {
                let start = Int(random.uniform(0...40)), length = 1 + Int(random.uniform(0...30))
                let run = ForegroundRun(row: Int32(row), start: Int32(start), end: Int32(start + length))
                let expected = Self.insidePixels(wall, run)
                let found = wall.columns(of: run).map { Array($0) } ?? []
                #expect(found == expected, "wall \(a) to \(b), row \(row) \(start)..<\(start + length)")
                crossed += expected.count
            }
        }
        #expect(crossed > 1_000, "the walls crossed too few runs to test anything")
    }

    @Test("the pieces of a run outside a wall: none, one or two, covering exactly the pixels outside")
    func piecesOutsideTheWall() {
        let wall = TouchingFeet.Wall(from: SIMD2(10, 0), to: SIMD2(10, 20))
        var pieces: [ForegroundRun] = []
        wall.appendPieces(of: ForegroundRun(row: 5, start: 2, end: 30), span: wall.span(onRow: 5), to: &pieces)
        #expect(pieces == [ForegroundRun(row: 5, start: 2, end: 10), ForegroundRun(row: 5, start: 11, end: 30)])
        pieces = []
        wall.appendPieces(of: ForegroundRun(row: 5, start: 10, end: 11), span: wall.span(onRow: 5), to: &pieces)
        #expect(pieces.isEmpty)
        pieces = []
        // Beyond the wall's end (3 pixels past it), the run is whole.
        wall.appendPieces(of: ForegroundRun(row: 24, start: 2, end: 30), span: wall.span(onRow: 24), to: &pieces)
        #expect(pieces == [ForegroundRun(row: 24, start: 2, end: 30)])
        pieces = []
        wall.appendPieces(of: ForegroundRun(row: 23, start: 2, end: 30), span: wall.span(onRow: 23), to: &pieces)
        #expect(pieces.count == 2)
    }

    @Test("pixels inside a wall, counted near its span on the rows it reaches, equal the count over every run")
    func pixelsInside() {
        var random = SeededRandom(seed: 5)
        var runs: [ForegroundRun] = []
        for row in 0..<80 {
            var x = Int(random.uniform(0...5))
            while x < 70 {
                let length = 1 + Int(random.uniform(0...6))
                runs.append(ForegroundRun(row: Int32(row), start: Int32(x), end: Int32(x + length)))
                x += length + 1 + Int(random.uniform(0...3))
            }
        }
        let indices = Array(runs.indices)
        var rowStarts = [Int](repeating: 0, count: 81)
        for (k, run) in runs.enumerated() { rowStarts[Int(run.row) + 1] = k + 1 }
        for trial in 0..<60 {
            // Some walls reach past the image's rows, some lie along a row or a column.
            var b = SIMD2(random.uniform(-10...80), random.uniform(-10...90))
            let a = SIMD2(random.uniform(0...70), random.uniform(0...80))
            if trial % 6 == 0 { b.y = a.y } else if trial % 6 == 1 { b.x = a.x }
            let wall = TouchingFeet.Wall(from: a, to: b)
            let everyRun = runs.reduce(0) { $0 + Self.insidePixels(wall, $1).count }
            #expect(wall.pixelsInside(runs, indices, rowStarts: rowStarts) == everyRun)
            let band = wall.band(rowStarts: rowStarts)
            #expect(runs.indices.filter { !band.contains($0) }.allSatisfy { Self.insidePixels(wall, runs[$0]).isEmpty })
        }
    }

    @Test("a part's row ends span the same convex hull as all its runs' ends")
    func rowEndsHull() {
        // Part 0: a ring-like shape with several runs a row; part 1 interleaved in the same rows.
        var pieces: [ForegroundRun] = [], labels: [Int32] = []
        for row in Int32(0)..<12 {
            for (start, label) in [(0, 0), (5, 1), (9, 0), (14, 1), (20 + Int(row % 4), 0)] {
                pieces.append(ForegroundRun(row: row, start: Int32(start), end: Int32(start + 3)))
                labels.append(Int32(label))
            }
        }
        for id in Int32(0)...1 {
            var all: [SIMD2<Double>] = []
            for (n, piece) in pieces.enumerated() where labels[n] == id {
                all.append(SIMD2(Double(piece.start) * 0.5, Double(piece.row) * 0.25))
                all.append(SIMD2(Double(piece.end) * 0.5, Double(piece.row) * 0.25))
            }
            let ends = TouchingFeet.rowEnds(of: id, pieces: pieces, labels: labels, mmPerPixelX: 0.5, mmPerPixelY: 0.25)
            #expect(ends.count == 24)
            #expect(abs(ends.hullArea() - all.hullArea()) < 1e-9)
        }
    }

    @Test("labels number the regions by their first run and agree with the regions' summaries")
    func labelsAgreeWithRegions() {
        // Three regions: a diagonal staircase (8-connected), a block with a run touching it only at a corner
        // (so it joins it), and a lone run.
        let runs = [
            ForegroundRun(row: 0, start: 0, end: 2), ForegroundRun(row: 0, start: 10, end: 14),
            ForegroundRun(row: 1, start: 2, end: 4), ForegroundRun(row: 1, start: 10, end: 14),
            ForegroundRun(row: 2, start: 4, end: 6), ForegroundRun(row: 2, start: 14, end: 15),
            ForegroundRun(row: 3, start: 20, end: 22),
        ]
        let rowStarts = [0, 2, 4, 6, 7]
        let (labels, count) = RegionLabeler.labels(of: runs, rowStarts: rowStarts)
        #expect(labels == [0, 1, 0, 1, 0, 1, 2])
        #expect(count == 3)
        let (regions, regionLabels) = RegionLabeler.regions(of: runs, rowStarts: rowStarts)
        #expect(regionLabels == labels)
        #expect(regions.map(\.area) == [6, 9, 2])
        #expect(regions.map(\.firstRun) == [0, 1, 6])
    }
}
