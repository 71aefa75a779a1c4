@testable import FootScanEngine
@testable import FootScanSynth
import FootScanImage
import FootScanTestSupport
import Testing

/// Ink podographs' forms photographed by hand, the camera a few degrees off square (`footscan synth
/// --device ink-grid --perspective`): the sheet drawn through a keystone (``CameraTilt``), form lines
/// slanted, the prints' scale changing across the image. The engine finds the form's printed frame
/// (``FormFrame``) and takes the keystone out of the prints' outlines (``Keystone``).
@Suite("Ink forms photographed at a slant")
struct PerspectiveTests {
    @Test("the generator's keystone keeps the centre, is undone by its inverse, and reaches its share at the corners")
    func keystone() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<20 {
            let tilt = CameraTilt.random(widthMM: 210, heightMM: 297, using: &random)
            #expect((tilt.photographed(tilt.centreMM) - tilt.centreMM).length < 1e-12)
            for corner in [Point2(0, 0), Point2(210, 0), Point2(0, 297), Point2(210, 297), Point2(40, 250)] {
                #expect((tilt.onSheet(tilt.photographed(corner)) - corner).length < 1e-9)
            }
            // At the half-diagonal along the keystone the scale across departs from 1 by the drawn share.
            let halfDiagonal = 0.5 * (210.0 * 210 + 297 * 297).squareRoot()
            let share = tilt.keystone.length * halfDiagonal
            #expect(CameraTilt.cornerShare.contains(share))
            // A short segment across the keystone's direction, at the corner it points to, is drawn 1 / (1 + share) as long.
            let towards = tilt.keystone * (1 / tilt.keystone.length), across = Point2(-towards.y, towards.x)
            let at = tilt.centreMM + towards * halfDiagonal
            let drawn = (tilt.photographed(at + across * 0.5) - tilt.photographed(at - across * 0.5)).length
            #expect(abs(drawn - 1 / (1 + share)) < 1e-3)
        }
    }

    /// A sheet of paper (level 235) with a frame of lines 0.3 mm wide (level 75) 8 mm inside its edges,
    /// photographed through `keystone` (per mm, about the image's centre) at 0.5 mm a pixel; `sides` the
    /// frame's sides drawn (top, bottom, left, right).
    static func form(keystone: SIMD2<Double>, sides: Set<Int> = [0, 1, 2, 3], bed: UInt8 = 235) -> ScanImage {
        let width = 420, height = 594, mm = 0.5
        let camera = Keystone(perMM: keystone, centre: SIMD2(Double(width - 1) / 2, Double(height - 1) / 2), mmPerPixel: SIMD2(mm, mm))
        var pixels = [UInt8](repeating: bed, count: width * height)
        let inset = 8.0, right = Double(width) * mm - inset, bottom = Double(height) * mm - inset
        for y in 0..<height {
            for x in 0..<width {
                // The line's share of the pixel: 4 x 4 points of it, each on the sheet, within 0.15 mm of a side.
                var inked = 0
                for sub in 0..<16 {
                    let at = SIMD2(Double(x) + (Double(sub % 4) - 1.5) / 4, Double(y) + (Double(sub / 4) - 1.5) / 4)
                    let p = camera.toSheet(at) * mm + SIMD2(mm / 2, mm / 2)
                    guard p.x >= inset - 0.15 && p.x <= right + 0.15 && p.y >= inset - 0.15 && p.y <= bottom + 0.15 else { continue }
                    let onSide = (top: abs(p.y - inset) <= 0.15, bottom: abs(p.y - bottom) <= 0.15,
                                  left: abs(p.x - inset) <= 0.15, right: abs(p.x - right) <= 0.15)
                    if (onSide.top && sides.contains(0)) || (onSide.bottom && sides.contains(1)) || (onSide.left && sides.contains(2))
                        || (onSide.right && sides.contains(3)) { inked += 1 }
                }
                let cover = Double(inked) / 16
                pixels[y * width + x] = UInt8((Double(bed) - (Double(bed) - 75) * cover).rounded())
            }
        }
        return ScanImage(width: width, height: height, packedPixels: pixels, density: ScanDensity(dotsPerInch: 25.4 / mm, source: .option),
                         source: ImageSourceDescription(format: .png, storedWidth: width, storedHeight: height, bitDepth: 8,
                                                        colourType: "grey", interlaced: false))
    }

    @Test("a hand-made form's frame gives its keystone; none without all four sides, on a dark bed, or on blank paper",
          arguments: [SIMD2(0.0, 0.0), SIMD2(1.2e-4, 0), SIMD2(-0.6e-4, 1.0e-4), SIMD2(0, -1.5e-4)])
    func frame(keystone: SIMD2<Double>) throws {
        let image = Self.form(keystone: keystone)
        let found = try #require(FormFrame.find(in: image, pixelMM: 0.5)?.keystone(width: image.width, height: image.height,
                                                                                      mmPerPixel: SIMD2(0.5, 0.5)))
        // Within 3 % of the keystone, or 2e-6 per mm (a share of 0.04 % at the sheet's corners) when square on.
        let error = ((found.perMM - keystone) * (found.perMM - keystone)).sum().squareRoot()
        let size = (keystone * keystone).sum().squareRoot()
        #expect(error <= max(0.03 * size, 2e-6), "found \(found.perMM) for \(keystone)")
        #expect(FormFrame.find(in: Self.form(keystone: keystone, sides: [0, 1, 3]), pixelMM: 0.5) == nil)
        #expect(FormFrame.find(in: Self.form(keystone: keystone, sides: []), pixelMM: 0.5) == nil)
        #expect(FormFrame.find(in: Self.form(keystone: keystone, bed: 20), pixelMM: 0.5) == nil)
    }

    @Test("the keystone moves points to the sheet and back")
    func keystoneRoundTrip() {
        let camera = Keystone(perMM: SIMD2(0.8e-4, -1.1e-4), centre: SIMD2(800, 1000), mmPerPixel: SIMD2(0.127, 0.127))
        for point in [SIMD2(0.0, 0), SIMD2(1600, 0), SIMD2(800, 1000), SIMD2(1234.5, 1987.25)] {
            let back = camera.toImage(camera.toSheet(point))
            #expect(((back - point) * (back - point)).sum().squareRoot() < 1e-9)
        }
        #expect(camera.toSheet(SIMD2(800, 1000)) == SIMD2(800, 1000))
    }

    /// The frame on the generator's slanted forms gives the camera's keystone, and on square-on forms none
    /// to speak of.
    @Test("the frame on a generated form photographed at a slant gives the camera's keystone")
    func generatedFrame() throws {
        for seed in UInt64(9101)...9106 {
            for slanted in [true, false] {
                var conditions = SceneConditions()
                conditions.dotsPerInch = [[150.0, 200, 300][Int(seed % 3)]]
                conditions.device = .inkGrid
                conditions.roundedBallFronts = true
                conditions.perspective = slanted
                var scene = ScanScene.random(seed: seed &* 7727, conditions: conditions)
                scene.format = .png
                let image = try ScanDecoder.decode(try ScanRenderer.render(scene).fileBytes)
                let mm = scene.millimetresPerPixel
                let found = try #require(FormFrame.find(in: image, pixelMM: mm)?.keystone(width: image.width, height: image.height,
                                                                                            mmPerPixel: SIMD2(mm, mm)), "seed \(seed)")
                let drawn = scene.lighting.printLook?.tilt.map { SIMD2($0.keystone.x, $0.keystone.y) } ?? .zero
                let error = ((found.perMM - drawn) * (found.perMM - drawn)).sum().squareRoot()
                let size = (drawn * drawn).sum().squareRoot()
                #expect(error <= max(0.03 * size, 2e-6), "seed \(seed): found \(found.perMM) for \(drawn)")
            }
        }
    }

    /// The ink grid's bounds on the same scenes photographed at a slant, against the sheet's truth: every
    /// print found and counted, side right, arch index P95 <= 0.02 and arch type right, length P95 <= 1 mm,
    /// every foot within 1.5 mm long and 2 mm wide. Measured as the photograph shows them, the prints'
    /// lengths depart from the sheet's by up to 1.7 mm on this set.
    @Test("prints photographed at a slant are measured as on the sheet")
    func inkGridAtASlant() {
        let scans = GeneratedSet.inkGridPerspective
        PrintDeviceTests.expectFound(scans, kind: .footprint, name: "ink grid at a slant")
        PrintDeviceTests.expectAccurate(scans, name: "ink grid at a slant")
        PrintDeviceTests.expectEveryInkFootClose(scans)
    }
}
