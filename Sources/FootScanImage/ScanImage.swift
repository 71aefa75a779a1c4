/// One decoded scan: an 8-bit greyscale (luma) buffer, its size and what is known of its pixel size.
///
/// Rows are `stride` bytes apart; `stride` is a multiple of 64 so that wide SIMD loads of a row never
/// straddle into the next one, and the bytes past `width` in each row are zero. EXIF orientation has
/// already been applied: row 0 is the top of the scan as the scanner meant it to be seen.
public struct ScanImage: Sendable {
    /// Width of the delivered buffer in pixels.
    public let width: Int
    /// Height of the delivered buffer in pixels.
    public let height: Int
    /// Distance in bytes between the starts of two rows.
    public let stride: Int
    /// The luma samples, `stride * height` bytes.
    public let pixels: [UInt8]
    /// The pixel size, when the file or the caller states it.
    public let density: ScanDensity?
    /// What the file was: format, size as stored, bit depth, colour type.
    public let source: ImageSourceDescription

    /// The row alignment every buffer uses, in bytes.
    public static let rowAlignment = 64

    /// Creates an image from a buffer whose rows are `stride` bytes apart.
    public init(width: Int, height: Int, stride: Int, pixels: [UInt8], density: ScanDensity?, source: ImageSourceDescription) {
        precondition(width >= 0 && height >= 0 && stride >= width && pixels.count >= stride * height,
                     "buffer smaller than its stated geometry")
        self.width = width
        self.height = height
        self.stride = stride
        self.pixels = pixels
        self.density = density
        self.source = source
    }

    /// Creates an image by copying tightly packed rows (`width` bytes each) into an aligned buffer.
    public init(width: Int, height: Int, packedPixels: [UInt8], density: ScanDensity?, source: ImageSourceDescription) {
        let stride = ScanImage.alignedStride(forWidth: width)
        var buffer = [UInt8](repeating: 0, count: stride * height)
        packedPixels.withUnsafeBufferPointer { from in
            buffer.withUnsafeMutableBufferPointer { to in
                for y in 0..<height {
                    guard let source = from.baseAddress, let target = to.baseAddress else { return }
                    (target + y * stride).update(from: source + y * width, count: width)
                }
            }
        }
        self.init(width: width, height: height, stride: stride, pixels: buffer, density: density, source: source)
    }

    /// The smallest multiple of ``rowAlignment`` that holds `width` bytes.
    public static func alignedStride(forWidth width: Int) -> Int {
        (width + rowAlignment - 1) / rowAlignment * rowAlignment
    }

    /// The sample at column `x`, row `y`.
    @inlinable public subscript(x: Int, y: Int) -> UInt8 {
        pixels[y * stride + x]
    }

    /// Bands along the image's edges that show no bed (a light leak where the lid does not close), found
    /// on the luma before the grey channel was projected from colour: in a projection that maps
    /// colourless light to the bed's level the band no longer shows, yet a foot reaching it may go on
    /// under it. Nil when none was found or the channel is luma (the engine finds bands itself there).
    public var hiddenEdges: EdgeInsets?

    /// The same pixels with another density (an explicit `--dpi`, a scanner profile).
    public func replacingDensity(_ density: ScanDensity?) -> ScanImage {
        var image = ScanImage(width: width, height: height, stride: stride, pixels: pixels, density: density, source: source)
        image.hiddenEdges = hiddenEdges
        return image
    }
}

/// Widths in pixels along the four edges of an image.
public struct EdgeInsets: Sendable, Equatable {
    /// Pixels from the left edge.
    public var left: Int
    /// Pixels from the top edge.
    public var top: Int
    /// Pixels from the right edge.
    public var right: Int
    /// Pixels from the bottom edge.
    public var bottom: Int

    /// Creates insets.
    public init(left: Int, top: Int, right: Int, bottom: Int) {
        (self.left, self.top, self.right, self.bottom) = (left, top, right, bottom)
    }
}
