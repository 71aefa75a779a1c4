import ArgumentParser
import FootScanEngine
import FootScanImage
import Foundation

/// `footscan batch DIR|FILE...`: measure many scans on every core, one row per foot.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Measure folders of scans on every core, one CSV or JSON Lines row per foot.",
        discussion: """
            Folders are walked recursively; files that are PNG or JPEG by content (or by name) are measured in \
            sorted order, other files are skipped and counted. A file that fails gets a row with its error and \
            the batch goes on. Exit status: 0 when every file was measured, 1 when any failed, 2 on usage errors.
            """
    )

    @Argument(help: "Folders and files to measure.")
    var paths: [String]

    @Option(help: "Output file: .csv or .jsonl (default: CSV on standard output).")
    var out: String?

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip files already in the output file (same path and content hash) after an interrupted run.")
    var resume = false

    @Flag(help: "Show no progress bar.")
    var noProgress = false

    @OptionGroup var measuring: MeasuringOptions

    var jsonLines: Bool { out.map { $0.lowercased().hasSuffix(".jsonl") || $0.lowercased().hasSuffix(".json") } ?? false }

    mutating func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be 1 to 256.") }
        if resume && out == nil { throw ValidationError("--resume needs --out FILE.") }
        if let out, !(out.lowercased().hasSuffix(".csv") || jsonLines) {
            throw ValidationError("--out must end in .csv or .jsonl.")
        }
    }

    func run() throws {
        let output = try BatchOutput(path: out, jsonLines: jsonLines, resume: resume)
        let walker = ScanFileWalker(paths: paths, excluding: Set(out.map { [$0] } ?? []))
        let files = walker.files
        let done = output.completed
        let showProgress = !noProgress && isatty(2) == 1
        var progress = ProgressBar(total: files.count)
        let tally = BatchTally()
        let pipeline = measuring.pipeline, jsonLines = self.jsonLines

        let scheduler = BatchScheduler(count: files.count, window: 4 * jobs) { index, lines in
            output.append(lines)
            if showProgress { progress.update(done: index + 1, force: index + 1 == files.count) }
        }
        BatchSignals.install { scheduler.stop() }
        scheduler.run(jobs: jobs) { index in
            let file = files[index]
            let bytes: [UInt8]
            do throws(ScanImageError) { bytes = try ScanDecoder.readFile(atPath: file) } catch {
                tally.add(failed: true, feet: 0, warned: 0)
                let report = ScanReport(file: file, error: error.reasonText)
                return FootRow.rows(for: report, hash: "").map { jsonLines ? $0.jsonLine : $0.csvLine }
            }
            let hash = ContentHash.of(bytes)
            if done.contains(BatchOutput.Key(file: file, hash: hash)) {
                tally.add(skipped: true)
                return []
            }
            let report = ScanReport.measure(bytes: bytes, file: file, pipeline: pipeline)
            let feet = report.measurement?.feet ?? []
            tally.add(failed: report.error != nil, feet: feet.count, warned: feet.filter { !$0.warnings.isEmpty }.count)
            return FootRow.rows(for: report, hash: hash).map { jsonLines ? $0.jsonLine : $0.csvLine }
        }
        if showProgress { progress.finish() }
        let totals = tally.totals
        var summary = "footscan: \(totals.measured) files measured (\(totals.feet) feet, \(totals.warned) with warnings), \(totals.failed) failed"
        if totals.resumed > 0 { summary += ", \(totals.resumed) already done" }
        if walker.skipped > 0 { summary += ", \(walker.skipped) non-image files skipped" }
        if BatchSignals.interrupted { summary += "; interrupted: run again with --resume to finish" }
        StandardError.print(summary)
        if BatchSignals.interrupted { throw ExitCode(130) }
        if totals.failed > 0 { throw ExitCode(1) }
    }
}

/// Counts of a batch, shared by the workers.
final class BatchTally: @unchecked Sendable {
    private let lock = NSLock()
    private var measured = 0, failed = 0, feet = 0, warned = 0, resumed = 0

    func add(failed didFail: Bool = false, feet footCount: Int = 0, warned warnedCount: Int = 0, skipped: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        if skipped { resumed += 1; return }
        if didFail { failed += 1 } else { measured += 1 }
        feet += footCount
        warned += warnedCount
    }

    var totals: (measured: Int, failed: Int, feet: Int, warned: Int, resumed: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (measured, failed, feet, warned, resumed)
    }
}
