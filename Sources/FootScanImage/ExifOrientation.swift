/// The eight EXIF orientations: how the stored rows must be turned to show the image as meant.
public enum ExifOrientation: Int, Sendable, CaseIterable, Codable {
    /// Stored as shown.
    case up = 1
    /// Mirrored left to right.
    case upMirrored = 2
    /// Turned half a turn.
    case down = 3
    /// Mirrored top to bottom.
    case downMirrored = 4
    /// Mirrored along the main diagonal (transposed).
    case leftMirrored = 5
    /// Must be turned a quarter turn clockwise to be shown.
    case right = 6
    /// Mirrored along the other diagonal (transversed).
    case rightMirrored = 7
    /// Must be turned a quarter turn counter-clockwise to be shown.
    case left = 8

    /// True when showing the image swaps its width and height.
    public var swapsAxes: Bool { rawValue >= 5 }

    /// Where the shown pixel (x', y') is stored, as a linear map of a stored buffer's index:
    /// `index = origin + x' * stepX + y' * stepY`.
    func sourceWalk(width: Int, height: Int, stride: Int) -> (origin: Int, stepX: Int, stepY: Int) {
        let lastRow = (height - 1) * stride
        let lastColumn = width - 1
        switch self {
        case .up: return (0, 1, stride)
        case .upMirrored: return (lastColumn, -1, stride)
        case .down: return (lastRow + lastColumn, -1, -stride)
        case .downMirrored: return (lastRow, 1, -stride)
        case .leftMirrored: return (0, stride, 1)
        case .right: return (lastRow, -stride, 1)
        case .rightMirrored: return (lastRow + lastColumn, -stride, -1)
        case .left: return (lastColumn, stride, -1)
        }
    }

    /// Turns a buffer of `width` x `height` samples (rows `stride` apart) into the shown orientation.
    /// Returns the new buffer, its width, height and (aligned) stride.
    public func apply(to pixels: [UInt8], width: Int, height: Int, stride: Int)
        -> (pixels: [UInt8], width: Int, height: Int, stride: Int)
    {
        if self == .up || width == 0 || height == 0 { return (pixels, width, height, stride) }
        let outWidth = swapsAxes ? height : width
        let outHeight = swapsAxes ? width : height
        let outStride = ScanImage.alignedStride(forWidth: outWidth)
        let walk = sourceWalk(width: width, height: height, stride: stride)
        var output = [UInt8](repeating: 0, count: outStride * outHeight)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<outHeight {
                    var index = walk.origin + y * walk.stepY
                    let row = y * outStride
                    for x in 0..<outWidth {
                        target[row + x] = source[index]
                        index += walk.stepX
                    }
                }
            }
        }
        return (output, outWidth, outHeight, outStride)
    }
}
