import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanReports
import FootScanSynth

/// `footscan bench`: a quick timing of decoding and of the core, for users without the benchmark package.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time decoding and the measuring core on scans (or on a generated 300 dpi scan).",
        discussion: "Prints the fastest and the median of --repeat runs of each step, in milliseconds: the decode of the luma alone, the decode for measuring (on a colour scan the colour path: colour sample, channel choice and any projection; the two decodes timed in turns) and its ratio to the first, the core (and its nanoseconds per pixel), and decode and measure together. Single thread."
    )

    @Argument(help: "Scans to time (default: one generated 300 dpi scan, PNG and JPEG).")
    var files: [String] = []

    @Option(name: .customLong("repeat"), help: "Runs of each step.")
    var runs: Int = 15

    @Option(help: "Pixel density for files that state none.")
    var dpi: Double?

    @Option(help: "text or json.")
    var format: MeasureCommand.Format = .text

    mutating func validate() throws {
        guard (1...10_000).contains(runs) else { throw ValidationError("--repeat must be 1 to 10000.") }
    }

    func run() throws {
        var inputs: [(String, [UInt8])] = []
        if files.isEmpty {
            var conditions = SceneConditions()
            conditions.dotsPerInch = [300]
            conditions.footCount = 1
            conditions.harsh = false
            var scene = ScanScene.random(seed: 2026, conditions: conditions)
            scene.format = .png
            inputs.append(("generated-300dpi.png", try ScanRenderer.render(scene).fileBytes))
            scene.format = .jpeg(quality: 90, progressive: false)
            inputs.append(("generated-300dpi.jpg", try ScanRenderer.render(scene).fileBytes))
        } else {
            for file in files {
                do { inputs.append((file, try ScanDecoder.readFile(atPath: file))) } catch {
                    StandardError.print("footscan: \(file): \(error.reasonText)")
                    throw ExitCode(1)
                }
            }
        }
        let pipeline = ScanPipeline(density: dpi.map { .fillIn(ScanDensity(dotsPerInch: $0, source: .option)) })
        for (name, bytes) in inputs {
            let image: ScanImage
            do { image = try pipeline.decode(bytes, file: name) } catch {
                if case .decoding(let error) = error { StandardError.print("footscan: \(error)") }
                throw ExitCode(1)
            }
            guard image.density != nil else {
                StandardError.print("footscan: \(name): no resolution in the file; pass --dpi N")
                throw ExitCode(1)
            }
            // The luma decode, and the decode the measuring goes through: on a colour scan the colour path
            // (sample, channel choice, projection), which the luma decode leaves out. Timed in turns, so
            // that a busy spell of the machine slows both alike and their ratio holds.
            let (decode, measuringDecode) = Self.timeInTurns(runs, { _ = try? ScanDecoder.decode(bytes) }, { _ = try? pipeline.decode(bytes) })
            let channel = image.source.channelName
            let core = Self.time(runs) { _ = try? MeasurementEngine().measure(image) }
            let endToEnd = Self.time(runs) { _ = pipeline.run(bytes) }
            let pixels = Double(image.width * image.height)
            let measured = try? MeasurementEngine().measure(image)
            let report: [(String, JSONValue)] = [
                ("file", .string(name)), ("width_px", .integer(image.width)), ("height_px", .integer(image.height)),
                ("decode_ms_min", .rounded(decode.min, 3)), ("decode_ms_median", .rounded(decode.median, 3)),
                ("channel", .string(channel)),
                ("decode_for_measuring_ms_min", .rounded(measuringDecode.min, 3)),
                ("decode_for_measuring_ms_median", .rounded(measuringDecode.median, 3)),
                ("core_ms_min", .rounded(core.min, 3)), ("core_ms_median", .rounded(core.median, 3)),
                ("core_ns_per_pixel", .rounded(core.min * 1e6 / pixels, 4)),
                ("end_to_end_ms_min", .rounded(endToEnd.min, 3)), ("end_to_end_ms_median", .rounded(endToEnd.median, 3)),
                ("feet", .array((measured?.feet ?? []).map { .object([("length_mm", .rounded($0.lengthMM, 2)), ("width_mm", .rounded($0.widthMM, 2))]) })),
            ]
            switch format {
            case .json: StandardOutput.print(JSONValue.object(report).serialized())
            case .text:
                StandardOutput.print("\(name): \(image.width) x \(image.height) px, fastest / median of \(runs) runs: "
                                     + "decode \(JSONValue.format(decode.min)) / \(JSONValue.format(decode.median)) ms, "
                                     + "decode for measuring (\(channel)) \(JSONValue.format(measuringDecode.min)) / \(JSONValue.format(measuringDecode.median)) ms "
                                     + "(\(Self.ratio(measuringDecode.min, decode.min)) / \(Self.ratio(measuringDecode.median, decode.median)) the decode), "
                                     + "core \(JSONValue.format(core.min)) / \(JSONValue.format(core.median)) ms (\(JSONValue.format((core.min * 1e6 / pixels * 1000).rounded() / 1000)) ns/pixel), "
                                     + "decode + measure \(JSONValue.format(endToEnd.min)) / \(JSONValue.format(endToEnd.median)) ms")
            }
        }
    }

    /// `part` over `whole` as a ratio to two decimals ("1.52x"); "-" when `whole` is zero.
    static func ratio(_ part: Double, _ whole: Double) -> String {
        guard whole > 0 else { return "-" }
        return "\(JSONValue.format((part / whole * 100).rounded() / 100))x"
    }

    /// Fastest and median of `runs` timings of `body`, in milliseconds (rounded to microseconds).
    static func time(_ runs: Int, _ body: () -> Void) -> (min: Double, median: Double) {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(milliseconds(clock.measure(body))) }
        return fastestAndMedian(samples)
    }

    /// The fastest and the median of `runs` runs of `first` and of `second`, run in turns (first, second,
    /// first, ...).
    static func timeInTurns(_ runs: Int, _ first: () -> Void, _ second: () -> Void)
        -> (first: (min: Double, median: Double), second: (min: Double, median: Double))
    {
        let clock = ContinuousClock()
        var firsts: [Double] = [], seconds: [Double] = []
        for _ in 0..<runs {
            firsts.append(milliseconds(clock.measure(first)))
            seconds.append(milliseconds(clock.measure(second)))
        }
        return (fastestAndMedian(firsts), fastestAndMedian(seconds))
    }

    /// A duration in milliseconds, to the microsecond.
    static func milliseconds(_ elapsed: Duration) -> Double {
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return (ms * 1000).rounded() / 1000
    }

    /// The smallest and the median of `samples` (at least one).
    static func fastestAndMedian(_ samples: [Double]) -> (min: Double, median: Double) {
        let sorted = samples.sorted()
        return (sorted.first ?? 0, sorted.isEmpty ? 0 : sorted[sorted.count / 2])
    }
}
