import FootScanEngine
import FootScanImage

/// What `measure` and `batch` report for one file: the decoded image's facts and the feet, or an error.
package struct ScanReport {
    package var file: String
    package var image: ScanImage?
    package var measurement: ScanMeasurement?
    package var error: String?
    /// Which stage the scan failed in, when it did.
    package var failure: Failure?

    /// The stage a scan failed in: reading the file, finding its density, or measuring.
    package enum Failure: String, Sendable {
        case decoding, noDensity = "no_density", measuring
    }

    /// A report of `file`: its image and measurement, or the reason it failed.
    package init(file: String, image: ScanImage? = nil, measurement: ScanMeasurement? = nil, error: String? = nil) {
        self.file = file
        self.image = image
        self.measurement = measurement
        self.error = error
    }

    /// Reads, decodes and measures one file; never throws: a failure becomes `error`.
    package static func measure(file: String, pipeline: ScanPipeline) -> ScanReport {
        do {
            return measure(bytes: try ScanDecoder.readFile(atPath: file), file: file, pipeline: pipeline)
        } catch {
            var report = ScanReport(file: file, error: error.reasonText)
            report.failure = .decoding
            return report
        }
    }

    /// Decodes and measures a file's bytes through the pipeline; never throws: a failure becomes `error`.
    package static func measure(bytes: [UInt8], file: String, pipeline: ScanPipeline) -> ScanReport {
        let (image, result) = pipeline.run(bytes, file: file)
        var report = ScanReport(file: file, image: image)
        switch result {
        case .success(let measurement): report.measurement = measurement
        case .failure(.decoding(let error)):
            report.error = [error.format?.rawValue, error.reasonText].compactMap { $0 }.joined(separator: ": ")
            report.failure = .decoding
        case .failure(.noDensity):
            report.error = "no resolution in the file (no pHYs, JFIF density or EXIF resolution); pass --dpi N or --profile FILE"
            report.failure = .noDensity
        case .failure(.measuring(let error)):
            report.error = error.message
            report.failure = .measuring
        }
        return report
    }

    /// The spec's JSON object.
    package var json: JSONValue {
        if let error { return .object([("file", .string(file)), ("error", .string(error))]) }
        guard let image, let density = image.density else { return .object([("file", .string(file))]) }
        return .object([
            ("file", .string(file)),
            ("dpi", .rounded(density.dotsPerInch, 2)),
            ("mm_per_pixel", .rounded(density.millimetresPerPixel, 5)),
            ("density_source", .string(density.source.rawValue)),
            ("channel", .string(image.source.channelName)),
            ("width_px", .integer(image.width)),
            ("height_px", .integer(image.height)),
            ("image_kind", .string((measurement?.imageKind ?? .silhouette).rawValue)),
            ("feet", .array((measurement?.feet ?? []).map(FootReport.json))),
        ])
    }

    /// The one-line message for standard error, naming the file, or nil when all went well.
    package var errorMessage: String? { error.map { "\(file): \($0)" } }

    /// A readable block per file (nothing for a file that failed: its message goes to standard error).
    package var text: String? {
        if error != nil { return nil }
        guard let image, let density = image.density else { return nil }
        var lines = ["\(file): \(image.width) x \(image.height) px, \(image.source.summary), \(JSONValue.plain((density.dotsPerInch * 10).rounded() / 10)) dpi (\(density.source.rawValue))"]
        for (index, foot) in (measurement?.feet ?? []).enumerated() {
            lines.append(FootReport.text(foot, index: index))
        }
        return lines.joined(separator: "\n")
    }
}
