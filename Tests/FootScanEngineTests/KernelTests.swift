@testable import FootScanEngine
import FootScanImage
import FootScanSynth
import Testing

@Suite("SIMD kernels against their scalar twins")
struct KernelTests {
    @Test("run extraction: SIMD and scalar agree on random rows, both polarities", arguments: [true, false])
    func runs(lighter: Bool) {
        var seeded = SeededRandom(seed: 42)
        for trial in 0..<300 {
            let width = Int(seeded.next() % 300) + 1
            // Long uniform stretches with a few changes, as on a scan, plus pure noise rows.
            var row = [UInt8](repeating: 0, count: width)
            var level: UInt8 = UInt8(truncatingIfNeeded: seeded.next())
            for x in 0..<width {
                if trial % 3 == 0 || seeded.next() % 40 == 0 { level = UInt8(truncatingIfNeeded: seeded.next()) }
                row[x] = level
            }
            let test = ForegroundTest(threshold: Int(seeded.next() % 256), footIsLighter: lighter)
            var simd: [ForegroundRun] = [], scalar: [ForegroundRun] = []
            row.withUnsafeBufferPointer { buffer in
                RunExtraction.appendRuns(row: buffer.baseAddress!, width: width, rowIndex: trial, test: test, into: &simd)
                RunExtraction.appendRunsScalar(row: buffer.baseAddress!, width: width, rowIndex: trial, test: test, into: &scalar)
            }
            #expect(simd == scalar)
        }
    }

    @Test("the foreground test's two polarities split at the threshold")
    func polarity() {
        let light = ForegroundTest(threshold: 100, footIsLighter: true)
        let dark = ForegroundTest(threshold: 100, footIsLighter: false)
        #expect(light.isForeground(101) && !light.isForeground(100))
        #expect(dark.isForeground(100) && !dark.isForeground(101))
    }

    @Test("a traced disc has the disc's area and perimeter to a fraction of a pixel")
    func disc() {
        let size = 200, radius = 61.3, centre = 97.4
        var pixels = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size {
                // Coverage of each pixel by the disc, 8 x 8 samples.
                var inside = 0
                for sy in 0..<8 { for sx in 0..<8 {
                    let dx = Double(x) + (Double(sx) + 0.5) / 8 - centre, dy = Double(y) + (Double(sy) + 0.5) / 8 - centre
                    if dx * dx + dy * dy <= radius * radius { inside += 1 }
                } }
                pixels[y * size + x] = UInt8(20 + 200 * inside / 64)
            }
        }
        let image = ScanImage(width: size, height: size, packedPixels: pixels, density: nil,
                              source: ImageSourceDescription(format: .png, storedWidth: size, storedHeight: size, bitDepth: 8, colourType: "grey", interlaced: false))
        let test = ForegroundTest(threshold: 119, footIsLighter: true)
        var runs: [ForegroundRun] = []
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<size { RunExtraction.appendRuns(row: p.baseAddress! + y * image.stride, width: size, rowIndex: y, test: test, into: &runs) }
        }
        let first = runs[0]
        let contour = ContourTracer.trace(image: image, test: test, startX: Int(first.start), startY: Int(first.row))
        var area = 0.0
        for i in contour.indices {
            let a = contour[i], b = contour[(i + 1) % contour.count]
            area += a.x * b.y - b.x * a.y
        }
        area = abs(area) / 2
        // Pixel centres sit at whole numbers: the disc's centre in those coordinates is centre - 0.5.
        let equivalentRadius = (area / Double.pi).squareRoot()
        #expect(abs(equivalentRadius - radius) < 0.05, "radius \(equivalentRadius)")
        let farthest = contour.map { (($0.x - centre + 0.5) * ($0.x - centre + 0.5) + ($0.y - centre + 0.5) * ($0.y - centre + 0.5)).squareRoot() }
        #expect(farthest.allSatisfy { abs($0 - radius) < 0.15 })
    }
}
