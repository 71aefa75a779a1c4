import FootScanImage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A device that makes contact prints, as `shared/data/real-looks.md` (beside the project) describes its
/// images; the pressure plate (not among them) as plates' makers state their sensors and colour maps.
public enum PrintDevice: String, Sendable, Codable, Hashable, CaseIterable {
    /// An optical contact scanner: grey, a black bed, only the contact bright, striped by the skin's
    /// ridges about 0.5 mm apart, the heel faint, the lateral arch dim, dust on the glass.
    case contactScanner = "contact-scanner"
    /// An ink podograph on a paper form, photographed: the mat's grid of lines about 1 mm apart inked
    /// where the foot pressed, dense under heel and ball, thin and broken under the arch and toes; the
    /// form's printed frame, text, a logo and pencil marks around; uneven light over the paper.
    case inkGrid = "ink-grid"
    /// A colour podoscope (camera below the glass): bright whitish-green contact areas inside the dim
    /// outline of the whole foot, a faint step above a dark bed.
    case podoscope
    /// A pressure plate's map: a grid of sensors about 5 mm apart, each cell's mean pressure drawn in a
    /// colour scale (``PressureScale``) on black (or, one map in four, white), zero below the sensors' floor; shown as blocks or
    /// interpolated between the cells' centres, and seen from above (measure with `--view dorsal`). The
    /// toes press lightly: faint, dark blue in jet.
    case pressurePlate = "pressure-plate"
}

/// The parameters of a ``PrintDevice``'s image for one scene, drawn within the ranges read off real
/// images (`real-looks.md`). Levels are 8-bit grey; the ink grid, the podoscope and the pressure plate are
/// drawn in RGB.
public struct PrintLook: Sendable, Codable, Hashable {
    /// Which device.
    public var device: PrintDevice
    /// The bed's (or the paper's) level.
    public var bedLevel: Double
    /// The level where the pressure is highest (contact scanner, podoscope), or the ink's (ink grid).
    public var peakLevel: Double
    /// Contact scanner: the heel's brightness as a share of the ball's.
    public var heelShare: Double
    /// The pressure of the lateral midfoot band and of the toes (0 to 1; heel and ball are about 1).
    public var archPressure: Double
    /// The pressure under the toe pads.
    public var toePressure: Double
    /// Contact scanner: ridge spacing, mm, and depth (share of the level lost in a ridge's valley).
    public var ridgeSpacingMM: Double
    public var ridgeDepth: Double
    /// Ink grid: line spacing, mm, and the grid's angle on the image, radians.
    public var gridSpacingMM: Double
    public var gridAngle: Double
    /// Ink grid: the paper's light, brighter towards `lightDirection` (radians) by `lightFall` levels
    /// across the sheet.
    public var lightDirection: Double
    public var lightFall: Double
    /// Podoscope: how far the foot not in contact stands above the bed, grey levels (a faint step).
    public var dimStep: Double
    /// Blur of the contact's edge, mm (pressure fades over a fraction of a millimetre).
    public var contactBlurMM: Double
    /// Podoscope: blur of the whole foot's outline, mm.
    public var outlineBlurMM: Double
    /// Specks of dust on the glass (contact scanner), or pencil marks on the form (ink grid).
    public var marks: Int
    /// Podoscope: how far the contact lies inside the whole foot's outline, mm (the sole curves up
    /// off the glass at its sides and heel).
    public var contactInsetMM: Double = 0
    /// Podoscope: how much brighter the bed is at the image's centre than at its corners (the light
    /// spills around the feet: a bed of 10 to 45 on real images, the dim foot a step above it locally).
    /// Drawn from 15 to 30 over corners at 10 to 15 (the bed 25 to 45 at the centre): the corners' level
    /// and the rise were once 10 to 35 and 0 to 20, the bed varying by less across one image than on
    /// real ones.
    public var bedRise: Double = 0
    /// Pressure plate: the sensors' pitch, mm; the colour scale; whether the map is interpolated between
    /// the cells' centres (else drawn as blocks); the lowest pressure a sensor reports, as a share of the
    /// highest cell's.
    public var sensorPitchMM: Double = 0
    public var pressureScale: PressureScale? = nil
    public var interpolated = false
    public var sensorFloor = 0.0
    /// Pressure plate: the map drawn on white instead of black (zero pressure white).
    public var whiteBackground = false
    /// Pressure plate: the map drawn in grey levels, not in `pressureScale`: the pressure as brightness
    /// (255 at the highest cell's) on black, or as darkness on white; the file is grey.
    public var greyMap = false
    /// Pressure plate: how the boundaries between sensors are drawn, as some plates' software shows its
    /// cells (the map then drawn as blocks); nil: not drawn.
    public var sensorGrid: SensorGrid? = nil
    /// Podoscope: trousers at the heels (dark cloth as dim as the foot beside it); nil: bare legs.
    public var trousers: Trousers? = nil
    /// Ink grid: the camera's tilt when the form was photographed (``CameraTilt``); nil: square on.
    public var tilt: CameraTilt? = nil

    /// Draws a device's parameters.
    public static func random(_ device: PrintDevice, using random: inout SeededRandom) -> PrintLook {
        switch device {
        case .contactScanner:
            return PrintLook(device: device, bedLevel: random.uniform(0...6), peakLevel: random.uniform(215...245),
                             heelShare: random.uniform(0.5...0.65), archPressure: random.uniform(0.1...0.25),
                             toePressure: random.uniform(0.45...0.7), ridgeSpacingMM: random.uniform(0.45...0.55),
                             ridgeDepth: random.uniform(0.25...0.5), gridSpacingMM: 0, gridAngle: 0, lightDirection: 0, lightFall: 0,
                             dimStep: 0, contactBlurMM: random.uniform(0.15...0.35), outlineBlurMM: 0, marks: Int(random.uniform(5...25)))
        case .inkGrid:
            return PrintLook(device: device, bedLevel: random.uniform(232...242), peakLevel: random.uniform(40...70),
                             heelShare: 1, archPressure: random.uniform(0.2...0.3), toePressure: random.uniform(0.25...0.4),
                             ridgeSpacingMM: 0, ridgeDepth: 0, gridSpacingMM: random.uniform(0.9...1.2),
                             gridAngle: random.uniform(0...Double.pi), lightDirection: random.uniform(0...(2 * Double.pi)),
                             lightFall: random.uniform(5...20), dimStep: 0, contactBlurMM: 0, outlineBlurMM: 0,
                             marks: Int(random.uniform(1...4.99)))
        case .podoscope:
            return PrintLook(device: device, bedLevel: random.uniform(10...15), peakLevel: random.uniform(225...250),
                             heelShare: 1, archPressure: random.uniform(0.55...0.75), toePressure: random.uniform(0.6...0.85),
                             ridgeSpacingMM: 0, ridgeDepth: 0, gridSpacingMM: 0, gridAngle: 0, lightDirection: 0, lightFall: 0,
                             dimStep: random.uniform(10...16), contactBlurMM: random.uniform(0.3...0.6),
                             outlineBlurMM: random.uniform(0.4...0.9), marks: 0, contactInsetMM: random.uniform(1.5...3.5),
                             bedRise: random.uniform(15...30))
        case .pressurePlate:
            var look = PrintLook(device: device, bedLevel: 0, peakLevel: 255, heelShare: 1, archPressure: random.uniform(0.15...0.35),
                                 toePressure: random.uniform(0.12...0.3), ridgeSpacingMM: 0, ridgeDepth: 0, gridSpacingMM: 0, gridAngle: 0,
                                 lightDirection: 0, lightFall: 0, dimStep: 0, contactBlurMM: random.uniform(0.2...0.5), outlineBlurMM: 0,
                                 marks: 0)
            look.sensorPitchMM = random.uniform(4.5...5.1)
            look.pressureScale = random.uniform(0...1) < 0.7 ? .jet : .rainbow
            look.interpolated = random.uniform(0...1) < 0.6
            look.sensorFloor = random.uniform(0.01...0.04)
            look.whiteBackground = random.uniform(0...1) < 0.25
            return look
        }
    }

    /// The pressure (0 to 1) at `u` mm along a foot of `length` mm, and `toeBase` mm where its toes begin:
    /// highest under the heel (about 0.1 of the length) and the ball (about 0.7), `archPressure` between,
    /// `toePressure` under the toes.
    func pressure(u: Double, length: Double, toeBase: Double) -> Double {
        if u > toeBase { return toePressure }
        func bump(_ centre: Double, _ reach: Double) -> Double {
            let t = (u - centre) / (reach * length)
            return exp(-t * t)
        }
        return max(archPressure, bump(0.1 * length, 0.14), bump(0.7 * length, 0.12))
    }
}
