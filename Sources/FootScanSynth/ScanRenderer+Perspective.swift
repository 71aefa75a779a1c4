extension ScanRenderer {
    /// `values` (`channels` interleaved, rows of `width`, pixels of `mmPerPixel` on the sheet) as `tilt`
    /// photographs them: each pixel the sheet's bilinear sample at the point it shows, the sheet's edge
    /// pixels repeated beyond it, and then the camera's noise (`noise` levels, from `random`), which the
    /// sampling does not smooth.
    static func photographed(_ values: [Float], channels: Int, width: Int, height: Int, mmPerPixel: Double,
                             tilt: CameraTilt, noise: Double, random: inout SeededRandom) -> [Float] {
        guard width > 0, height > 0, values.count == width * height * channels else { return values }
        var result = [Float](repeating: 0, count: values.count)
        for y in 0..<height {
            for x in 0..<width {
                let p = tilt.onSheet(Point2((Double(x) + 0.5) * mmPerPixel, (Double(y) + 0.5) * mmPerPixel))
                let sx = min(max(p.x / mmPerPixel - 0.5, 0), Double(width - 1))
                let sy = min(max(p.y / mmPerPixel - 0.5, 0), Double(height - 1))
                let x0 = Int(sx), y0 = Int(sy)
                let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                let fx = Float(sx - Double(x0)), fy = Float(sy - Double(y0))
                for channel in 0..<channels {
                    func at(_ u: Int, _ v: Int) -> Float { values[(v * width + u) * channels + channel] }
                    let top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx
                    let bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx
                    let sample = Double(top + (bottom - top) * fy) + noise * fastNormal(&random)
                    result[(y * width + x) * channels + channel] = Float(min(max(sample, 0), 255))
                }
            }
        }
        return result
    }
}
