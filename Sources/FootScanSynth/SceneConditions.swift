import FootScanImage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a random scene may vary; fix a field to hold it constant across a generated set.
public struct SceneConditions: Sendable {
    /// Densities to choose from.
    public var dotsPerInch: [Double] = [150, 200, 300, 600]
    /// How many feet (1 or 2); nil chooses.
    public var footCount: Int?
    /// Foot lighter than the bed; nil chooses.
    public var footLighter: Bool?
    /// Rotations of the pair, radians; nil: any rotation.
    public var angle: Double?
    /// Allow the harder conditions: gradients, light leaks, texture, colour casts.
    public var harsh = true
    /// File formats to choose from.
    public var formats: [ScanFileFormat] = [.png, .jpeg(quality: 60, progressive: false), .jpeg(quality: 85, progressive: true),
                                            .jpeg(quality: 95, progressive: false)]
    /// Toe 1 minus toe 2; nil chooses in +-6 mm.
    public var toe1MinusToe2MM: Double?
    /// Turn the toes laterally by up to this many degrees (a hallux angle on the outline); 0: straight.
    public var toeRotationDeg: ClosedRange<Double> = 0...0
    /// Two feet that touch, standing side by side (heels level within 5 mm, at most 9° apart): the right
    /// foot is moved against the left until they overlap by 1 mm.
    public var touching = false
    /// With `touching`: how far one foot stands ahead of the other, mm (a staggered stance); 0: level.
    public var touchingStaggerMM: ClosedRange<Double> = 0...0
    /// Contact prints instead of whole soles; nil: whole soles.
    public var footprints = false
    /// With `footprints`: one or two outer toes leave no pad (a partial print).
    public var partialPrints = false
    /// With `footprints` or a device: irregular toe pads, and the big toe's pad, the fifth's, or both (a
    /// third of the feet each) joined to the forefoot's print, no gap at the crease.
    public var touchingToePads = false
    /// With `footprints` or a device: prints without separate toes: on each foot either every toe's pad
    /// joined to the forefoot's print (irregular pads, no gap at the crease) or no toe pad at all (toes
    /// that did not press), one foot in two each.
    public var padlessPrints = false
    /// With `footprints` or a device: the ball's print ends as a real print's behind separate toe pads
    /// too, oblique along the toes' bases and rounded into the sides
    /// (``FootprintParameters/roundedFront``).
    public var roundedBallFronts = false
    /// With the podoscope device: trousers at the heels (``Trousers``), as dim as the foot beside them.
    public var trousers = false
    /// With the pressure-plate device: the map's colour scale (``PressureScale/hot`` always on black); nil:
    /// jet or rainbow, drawn at random.
    public var pressureScale: PressureScale?
    /// With the pressure-plate device: the map drawn in grey levels instead of a colour scale, as some
    /// plates' software exports it: pressure as brightness on black, or as darkness on white (a
    /// quarter of the maps), in a grey file.
    public var greyPressureMap = false
    /// With the pressure-plate device: the boundaries between sensors drawn (``SensorGrid``: tiles with
    /// gaps, or grid lines), the map as blocks; nil: not drawn.
    public var sensorGrid: SensorGrid?
    /// With `footprints`: no midfoot contact, heel and forefoot apart (split prints, as high arches leave).
    public var splitPrints = false
    /// A band of light along the left edge (2 to 6 mm wide, 60 to 95% of the way from bed to skin) that
    /// the leftmost foot touches (its outline between 0.2 mm inside the band and 0.1 mm clear of it).
    public var leakTouchesFoot = false
    /// A bed of the skin's brightness (luma within 3%) but another hue: bluish grey under a warm skin.
    /// Only colour tells them apart. No light band.
    public var isoluminantBed = false
    /// Optical blur of the edges, mm (Gaussian sigma); 0: sharp.
    public var edgeBlurMM: ClosedRange<Double> = 0...0
    /// Margin around the feet, mm.
    public var marginMM: ClosedRange<Double> = 12...40
    /// A real colour scanner's look (``ScannerLook``); nil: the plain grey or tinted bed above.
    public var look: ScannerLook?
    /// A scanner's quirks: vignetting, dust specks and hairs on the glass, 16-bit samples in half the PNGs.
    public var quirks = false
    /// A print device's image (``PrintDevice``): implies contact prints; nil: none.
    public var device: PrintDevice?
    /// With the ink-grid device: the form photographed with the camera tilted (``CameraTilt``, a keystone
    /// of 1 to 3 % at the sheet's corners); the truth is the sheet's.
    public var perspective = false
    /// A foot partly off the bed: one edge of the scan cuts 5 to 20 mm off the feet.
    public var offBed = false
    /// Hairs on the glass touching the feet (``ScanScene/touchingHairs(on:using:)``): drawn like the feet
    /// on a plain scan, colourless under a real scanner's ``look`` (where the quirks' hairs lie clear of
    /// the feet). Not on prints.
    public var touchingHairs = false
    /// Dust specks on the glass touching the feet at their toe tips, heels and widest points
    /// (``ScanScene/touchingSpecks(on:using:)``): drawn like the feet on a plain scan, colourless under a
    /// real scanner's ``look``. Not on prints.
    public var touchingSpecks = false

    /// The default: everything varies.
    public init() {}
}
