@testable import FootScanEngine
import FootScanImage
import FootScanSynth
import Testing

@Suite("The segmentation seam: later stages see only the segmenter's Foreground")
struct SegmenterTests {
    /// FootScan's segmenter, with its result altered by `change`.
    struct Altered: Segmenter {
        let change: @Sendable (inout Foreground) -> Void
        func segment(_ image: ScanImage, pixelMM: Double) -> Foreground {
            var foreground = ThresholdSegmenter().segment(image, pixelMM: pixelMM)
            change(&foreground)
            return foreground
        }
    }

    static func scan() throws -> ScanImage {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [150]
        conditions.footCount = 1
        conditions.harsh = false
        conditions.formats = [.png]
        return try ScanDecoder.decode(try ScanRenderer.render(ScanScene.random(seed: 7, conditions: conditions)).fileBytes)
    }

    static func measure(_ image: ScanImage, with segmenter: some Segmenter) throws -> ScanMeasurement {
        try MeasurementStages.Segmented(image: image, segmenter: segmenter).groupFeet().traced().measure()
    }

    @Test("the stages through the seam give what the engine's facade gives")
    func sameAsFacade() throws {
        let image = try Self.scan()
        let staged = try Self.measure(image, with: ThresholdSegmenter())
        let facade = try MeasurementEngine().measure(image)
        #expect(staged.feet.map(\.lengthMM) == facade.feet.map(\.lengthMM))
        #expect(staged.feet.map(\.widthMM) == facade.feet.map(\.widthMM))
        #expect(staged.contrast == facade.contrast && staged.contrast > Foreground.lowContrastBelow)
    }

    @Test("low_contrast comes from the segmenter's quality figure, and the outline from its runs and edge")
    func qualityAndRuns() throws {
        let image = try Self.scan()
        let clean = try Self.measure(image, with: ThresholdSegmenter())
        #expect(clean.feet.allSatisfy { !$0.warnings.contains(.lowContrast) })
        let doubtful = try Self.measure(image, with: Altered { $0.contrast = 12 })
        #expect(doubtful.feet.allSatisfy { $0.warnings.contains(.lowContrast) })
        #expect(doubtful.feet.map(\.lengthMM) == clean.feet.map(\.lengthMM))
        // A segmenter that sees nothing leaves the later stages nothing to measure.
        let blind = try Self.measure(image, with: Altered { $0.runs = []; $0.rowStarts = Array(repeating: 0, count: $0.rowStarts.count) })
        #expect(blind.feet.isEmpty)
    }
}
