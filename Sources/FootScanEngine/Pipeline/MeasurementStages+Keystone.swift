extension MeasurementStages.Traced {
    /// The outlines moved by `transform` (a photograph's keystone taken out: ``Keystone/toSheet(_:)``),
    /// the rest as traced.
    func mapped(_ transform: (SIMD2<Double>) -> SIMD2<Double>) -> Self {
        Self(grouped: grouped, outlines: outlines.map { ($0.parts.map { $0.map(transform) }, $0.padCount) }, asPrints: asPrints)
    }
}

extension ScanMeasurement {
    /// Every foot's pixel positions moved by `transform` (measured on a sheet's outlines, drawn back where
    /// the photograph shows them: ``Keystone/toImage(_:)``); the measures, in mm, stay.
    func mapped(_ transform: (SIMD2<Double>) -> SIMD2<Double>) -> Self {
        var result = self
        for index in result.feet.indices {
            var foot = result.feet[index]
            let pternion = foot.geometry.pternion, ahead = pternion + foot.geometry.axisDirection * 100
            foot.geometry = foot.geometry.mapped(transform)
            let direction = transform(ahead) - foot.geometry.pternion
            let length = (direction * direction).sum().squareRoot()
            if length > 0 { foot.geometry.axisDirection = direction / length }
            foot.centrePixel = transform(foot.centrePixel)
            result.feet[index] = foot
        }
        return result
    }
}

extension FootGeometry {
    /// The landmarks, lines and outlines moved by `transform` (the axis's direction as it was).
    func mapped(_ transform: (SIMD2<Double>) -> SIMD2<Double>) -> Self {
        var result = self
        result.contour = contour.map(transform)
        result.contours = contours.map { $0.map(transform) }
        result.hull = hull.map(transform)
        result.pternion = transform(pternion)
        result.acropodion = transform(acropodion)
        result.toeTips = toeTips.map(transform)
        result.widthLine = (transform(widthLine.0), transform(widthLine.1))
        result.heelLine = (transform(heelLine.0), transform(heelLine.1))
        result.ballLine = (transform(ballLine.0), transform(ballLine.1))
        result.contactContours = contactContours.map { $0.map(transform) }
        result.archOutlines = archOutlines.map { $0.map(transform) }
        result.archThirdLines = archThirdLines.map { (transform($0.0), transform($0.1)) }
        return result
    }
}
