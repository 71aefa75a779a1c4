@testable import FootScanEngine
import FootScanImage
import FootScanSynth
import Foundation
import Testing

@Suite("Scanner calibration from a card: no bias")
struct ScannerCalibrationTests {
    /// A card alone on a harshly lit bed at a known pixel size.
    static func card(seed: UInt64, dpi: Double, angle: Double) throws -> ScanImage {
        var conditions = SceneConditions()
        conditions.dotsPerInch = [dpi]
        conditions.formats = [seed % 2 == 0 ? .png : .jpeg(quality: 90, progressive: false)]
        var scene = ScanScene.random(seed: seed, conditions: conditions)
        scene.placeCardAlone(centreMM: Point2(70, 55), angle: angle, bedMM: (140, 110))
        scene.claimedDotsPerInch = 72
        return try ScanDecoder.decode(try ScanRenderer.render(scene).fileBytes)
    }

    @Test("over 24 cards at 150-600 dpi and 0-1.2 rad the mean error is within 0.03 % in x and y, every card within 0.05 %")
    func unbiased() throws {
        var errors: [(x: Double, y: Double)] = []
        var seed: UInt64 = 300
        for dpi in [150.0, 200, 300, 600] {
            for angle in [0.0, 0.08, 0.3, 0.6, 0.9, 1.2] {
                seed += 1
                let image = try Self.card(seed: seed, dpi: dpi, angle: angle)
                let result = try ScannerCalibration.calibrate(image: image, object: .card)
                let truth = 25.4 / dpi
                errors.append((result.millimetresPerPixelX / truth - 1, result.millimetresPerPixelY / truth - 1))
            }
        }
        let meanX = errors.map(\.x).reduce(0, +) / Double(errors.count)
        let meanY = errors.map(\.y).reduce(0, +) / Double(errors.count)
        let worst = errors.map { max(abs($0.x), abs($0.y)) }.max() ?? 0
        print("calibration over \(errors.count) cards: mean x \(meanX * 100)%, mean y \(meanY * 100)%, worst \(worst * 100)%")
        print("calibration errors (x, y) %: \(errors.map { "(\(String(format: "%.3f", $0.x * 100)), \(String(format: "%.3f", $0.y * 100)))" }.joined(separator: " "))")
        #expect(abs(meanX) <= 0.0003)
        #expect(abs(meanY) <= 0.0003)
        #expect(worst <= 0.0005)
    }
}
