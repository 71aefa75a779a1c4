/// A photograph's keystone about the image's centre: a point of a flat sheet `d` mm from the point the
/// centre shows is drawn `d / (1 + k·d)` from the centre, `k` the keystone per mm (lines stay lines; the
/// centre keeps its scale). Found from a form's printed frame (``FormFrame``).
struct Keystone: Sendable {
    /// The keystone, per mm.
    let perMM: SIMD2<Double>
    /// The image's centre, pixels.
    let centre: SIMD2<Double>
    /// The pixel's size, mm, across and down.
    let mmPerPixel: SIMD2<Double>

    /// The point of the sheet a pixel position shows, in pixels of the sheet at the file's density.
    func toSheet(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let e = (p - centre) * mmPerPixel
        return e / (1 - (perMM * e).sum()) / mmPerPixel + centre
    }

    /// Where the photograph draws a point of the sheet (pixels of the sheet at the file's density): the
    /// inverse of ``toSheet(_:)``.
    func toImage(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let d = (p - centre) * mmPerPixel
        return d / (1 + (perMM * d).sum()) / mmPerPixel + centre
    }
}
