import FootScanImage

extension ScanImage {
    /// The pixels of `box` (which lies on the image), as an image of their own.
    func cropped(to box: PixelBox) -> ScanImage {
        var cropped: [UInt8] = []
        cropped.reserveCapacity(max(0, box.width * box.height))
        for y in Swift.stride(from: box.y, to: box.y + box.height, by: 1) {
            let row = y * stride + box.x
            cropped.append(contentsOf: pixels[row..<(row + box.width)])
        }
        return ScanImage(width: box.width, height: box.height, stride: box.width, pixels: cropped, density: density, source: source)
    }
}
