/// Where a scan's pixel size came from.
public enum DensitySource: String, Sendable, Codable, CaseIterable {
    /// The PNG `pHYs` chunk (pixels per metre).
    case pngPhys = "png-phys"
    /// The JPEG JFIF header (dots per inch or per centimetre).
    case jfif
    /// EXIF XResolution / YResolution with ResolutionUnit (JPEG APP1 or PNG `eXIf`).
    case exif
    /// Given by the user (`--dpi`).
    case option
    /// From a scanner profile written by `footscan calibrate`.
    case profile
}

/// The pixel size of a scan, in dots per inch along each image axis.
public struct ScanDensity: Sendable, Hashable {
    /// Dots per inch along the image's x axis (columns).
    public let dotsPerInchX: Double
    /// Dots per inch along the image's y axis (rows).
    public let dotsPerInchY: Double
    /// Where the numbers came from.
    public let source: DensitySource

    /// Creates a density; values within 0.02 dpi of a whole number are snapped to it
    /// (11811 pixels per metre is 299.9994 dpi: the scanner meant 300).
    public init(dotsPerInchX: Double, dotsPerInchY: Double, source: DensitySource) {
        self.dotsPerInchX = ScanDensity.snapped(dotsPerInchX)
        self.dotsPerInchY = ScanDensity.snapped(dotsPerInchY)
        self.source = source
    }

    /// A square density.
    public init(dotsPerInch: Double, source: DensitySource) {
        self.init(dotsPerInchX: dotsPerInch, dotsPerInchY: dotsPerInch, source: source)
    }

    /// Millimetres per pixel along x.
    public var millimetresPerPixelX: Double { 25.4 / dotsPerInchX }
    /// Millimetres per pixel along y.
    public var millimetresPerPixelY: Double { 25.4 / dotsPerInchY }
    /// The mean of the two axes' dots per inch (what a single `dpi` figure reports).
    public var dotsPerInch: Double { (dotsPerInchX + dotsPerInchY) / 2 }
    /// Millimetres per pixel of the mean density.
    public var millimetresPerPixel: Double { 25.4 / dotsPerInch }

    /// The density after the image was reduced by `factor` along both axes.
    public func reduced(by factor: Int) -> ScanDensity {
        ScanDensity(dotsPerInchX: dotsPerInchX / Double(factor), dotsPerInchY: dotsPerInchY / Double(factor), source: source)
    }

    /// The density after the image's axes were swapped (EXIF orientations 5 to 8).
    public func transposed() -> ScanDensity {
        ScanDensity(dotsPerInchX: dotsPerInchY, dotsPerInchY: dotsPerInchX, source: source)
    }

    static func snapped(_ value: Double) -> Double {
        let whole = value.rounded()
        return abs(value - whole) < 0.02 ? whole : value
    }

    /// A density is usable when both axes are finite and between 10 and 20,000 dpi.
    var isPlausible: Bool {
        dotsPerInchX.isFinite && dotsPerInchY.isFinite && (10...20_000).contains(dotsPerInchX) && (10...20_000).contains(dotsPerInchY)
    }
}
