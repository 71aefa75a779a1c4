import FootScanImage

/// The whole measuring sequence in one place, from a file's bytes to its measurement: decoding with
/// the channel choice (luma, the skin's hue, or a colour projection; see
/// ``MeasurementEngine/decodeForMeasuring(_:file:options:)``), the density (the file's own, one filled in
/// where the file states none, or one that replaces it), and the engine's stages. The command, the
/// bench and the tests all measure through it.
public struct ScanPipeline: Sendable {
    /// A density the caller gives.
    public enum GivenDensity: Sendable {
        /// Used only where the file states no density.
        case fillIn(ScanDensity)
        /// Used in place of whatever the file states (a scanner profile, a known-wrong placeholder).
        case override(ScanDensity)

        var density: ScanDensity {
            switch self {
            case .fillIn(let density), .override(let density): density
            }
        }
    }

    /// Why a file could not be measured.
    public enum Failure: Error, Sendable {
        /// The file could not be read or decoded.
        case decoding(ScanImageError)
        /// The file states no density and none was given.
        case noDensity
        /// The engine found no foot it could measure.
        case measuring(MeasurementError)
    }

    /// What the engine is asked for (view, sex).
    public var measurement: MeasurementOptions
    /// How the decoder may reduce the scan, and its pixel limit.
    public var decoding: DecodingOptions
    /// A density from the caller, if any.
    public var density: GivenDensity?

    /// Creates a pipeline.
    public init(measurement: MeasurementOptions = MeasurementOptions(), decoding: DecodingOptions = DecodingOptions(),
                density: GivenDensity? = nil) {
        self.measurement = measurement
        self.decoding = decoding
        self.density = density
    }

    /// The scan decoded for measuring, with its density applied. The decoder reduces a JPEG by the
    /// file's own density; a density that replaces it is not known to the decoder, so the scan is then
    /// decoded at full size (a filled-in one applies only to files without a density, which are never
    /// reduced).
    public func decode(_ bytes: [UInt8], file: String? = nil) throws(Failure) -> ScanImage {
        var image: ScanImage
        var options = decoding
        if case .override = density { options = DecodingOptions(maximumPixelCount: decoding.maximumPixelCount) }
        do {
            image = try MeasurementEngine.decodeForMeasuring(bytes, file: file, options: options)
        } catch {
            throw .decoding(error)
        }
        switch density {
        case .override(let given): image = image.replacingDensity(given)
        case .fillIn(let given) where image.density == nil: image = image.replacingDensity(given)
        default: break
        }
        return image
    }

    /// Decodes and measures a file's bytes. The image comes back whenever it decoded, also with a
    /// failure (an overlay can still show what the engine saw).
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, PNG or JPEG.
    ///   - file: the file's name, for messages only.
    /// - Returns: the decoded image (nil when decoding failed) and the measurement, or the
    ///   ``Failure`` that says why there is none. Never throws.
    public func run(_ bytes: [UInt8], file: String? = nil) -> (image: ScanImage?, result: Result<ScanMeasurement, Failure>) {
        let image: ScanImage
        do { image = try decode(bytes, file: file) } catch { return (nil, .failure(error)) }
        guard image.density != nil else { return (image, .failure(.noDensity)) }
        do {
            return (image, .success(try MeasurementEngine(options: measurement).measure(image)))
        } catch {
            return (image, .failure(.measuring(error)))
        }
    }
}
