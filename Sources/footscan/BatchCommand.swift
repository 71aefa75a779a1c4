import ArgumentParser
import FootScanEngine
import FootScanImage
import FootScanReports
import Foundation

/// `footscan batch DIR|FILE...`: measure many scans on every core, one row per foot.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Measure folders of scans on every core, one CSV or JSON Lines row per foot.",
        discussion: """
            Folders are walked recursively; files that are PNG or JPEG by content (or by name) are measured in \
            sorted order, other files are skipped and counted. A file that fails gets a row with its error and \
            the batch goes on, with one line on standard error naming the file and the reason. An existing \
            output file is finished with --resume (failed files are tried again) or replaced with --force. \
            --shard K/N measures a fixed K-th of N parts of the files (by path), so N machines share an archive; \
            their outputs together hold the rows of one run without --shard. Exit status: 0 when every file \
            was measured, 1 when any failed or nothing was found, 2 on usage errors.
            """
    )

    @Argument(help: "Folders and files to measure.")
    var paths: [String]

    @Option(help: "Output file: .csv or .jsonl (default: CSV on standard output).")
    var out: String?

    @Option(help: ArgumentHelp("Worker threads (default: every core, \(ProcessInfo.processInfo.activeProcessorCount) here).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Finish an interrupted run: skip files already measured in the output file (same path and content hash), measure failed and missing ones again.")
    var resume = false

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Measure only the K-th of N parts of the files (chosen by path), e.g. 2/8.", valueName: "K/N"))
    var shard: BatchShard?

    @Flag(help: "Show no progress bar.")
    var noProgress = false

    @OptionGroup var measuring: MeasuringOptions

    var jsonLines: Bool { out.map { $0.lowercased().hasSuffix(".jsonl") || $0.lowercased().hasSuffix(".json") } ?? false }

    mutating func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be 1 to 256.") }
        if resume && out == nil { throw ValidationError("--resume needs --out FILE.") }
        if resume && force { throw ValidationError("--resume finishes the output file and --force replaces it: give one.") }
        if let out, !(out.lowercased().hasSuffix(".csv") || jsonLines) {
            throw ValidationError("--out must end in .csv or .jsonl.")
        }
    }

    func run() throws {
        let walker = ScanFileWalker(paths: paths, excluding: Set(out.map { [OutputFile.canonical($0)] } ?? []))
        guard !walker.files.isEmpty else {
            StandardError.print("footscan: no PNG or JPEG scans in \(paths.joined(separator: ", "))\(walker.skipped > 0 ? " (\(Self.count(walker.skipped, "other file")) skipped)" : "")")
            throw ExitCode(1)
        }
        let files = shard.map { shard in walker.files.filter(shard.contains) } ?? walker.files
        let output = try BatchOutput(path: out, jsonLines: jsonLines, resume: resume, force: force)
        let done = output.completed
        let showProgress = !noProgress && isatty(2) == 1
        var progress = ProgressBar(total: files.count)
        let tally = BatchTally()
        let pipeline = measuring.pipeline, jsonLines = self.jsonLines
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount

        let scheduler = BatchScheduler<(lines: [String], failure: String?)>(count: files.count, window: 4 * jobs) { index, outcome in
            output.append(outcome.lines)
            if let failure = outcome.failure {
                if showProgress { StandardStream.write("\r\u{1B}[K", to: 2) }
                StandardError.print("footscan: \(failure)")
            }
            if showProgress { progress.update(done: index + 1, force: true) }
        }
        BatchSignals.install { scheduler.stop() }
        scheduler.run(jobs: jobs) { index in
            let file = files[index]
            let bytes: [UInt8]
            do throws(ScanImageError) { bytes = try ScanDecoder.readFile(atPath: file) } catch {
                tally.add(failed: true, feet: 0, warned: 0)
                let report = ScanReport(file: file, error: error.reasonText)
                return (FootRow.rows(for: report, hash: "").map { jsonLines ? $0.jsonLine : $0.csvLine }, report.errorMessage)
            }
            let hash = ContentHash.of(bytes)
            if done.contains(BatchOutput.Key(file: file, hash: hash)) {
                tally.add(skipped: true)
                return ([], nil)
            }
            let report = ScanReport.measure(bytes: bytes, file: file, pipeline: pipeline)
            let feet = report.measurement?.feet ?? []
            tally.add(failed: report.error != nil, feet: feet.count, warned: feet.filter { !$0.warnings.isEmpty }.count)
            return (FootRow.rows(for: report, hash: hash).map { jsonLines ? $0.jsonLine : $0.csvLine }, report.errorMessage)
        }
        if showProgress { progress.finish() }
        let totals = tally.totals
        var summary = "footscan: \(Self.count(totals.measured, "file")) measured (\(Self.count(totals.feet, "foot", "feet")), \(totals.warned) with warnings), \(totals.failed) failed"
        if totals.resumed > 0 { summary += ", \(totals.resumed) already done" }
        if walker.skipped > 0 { summary += ", \(Self.count(walker.skipped, "non-image file")) skipped" }
        if let shard { summary += "; shard \(shard.index)/\(shard.count): \(files.count) of \(walker.files.count) scans" }
        if BatchSignals.interrupted { summary += "; interrupted: run again with --resume to finish" }
        StandardError.print(summary)
        if BatchSignals.interrupted { throw ExitCode(130) }
        if totals.failed > 0 { throw ExitCode(1) }
    }

    /// "1 file", "2 files".
    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : (many ?? one + "s"))"
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

extension BatchShard: ExpressibleByArgument {
    package static var defaultCompletionKind: CompletionKind { .default }
}
