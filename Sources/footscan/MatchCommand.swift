import ArgumentParser
import FootScanEngine
import FootScanLasts
import FootScanReports
import Foundation

extension LastStyle: ExpressibleByArgument {}
extension LastToeShape: ExpressibleByArgument {}

/// `footscan match`: the right lasts for a scanned, typed or batch-measured foot, with reasons.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank a last catalogue's lasts for a foot or a pair, with a reason for each criterion.",
        discussion: """
            Feet come from a scan (both feet on it make a pair), from typed measures (--length and --width, \
            repeated for a pair), or from a batch output file (--batch, one match per scanned file). Without \
            --lasts the built-in sample catalogue (Samples/lasts/seongsu.csv) is used.
            """
    )

    @Argument(help: "A scan to measure.")
    var scan: String?

    @Option(help: "Foot length in mm (repeat for a pair).")
    var length: [Double] = []

    @Option(help: "Foot width in mm (one per --length).")
    var width: [Double] = []

    @Option(help: "Heel width in mm (one per --length, optional).")
    var heel: [Double] = []

    @Option(help: "Ball girth in mm, measured with a tape (one per --length, optional).")
    var girth: [Double] = []

    @Option(help: "Toe line: egyptian, greek or roman.")
    var toe: ToeShape?

    @Option(help: "A batch output file (.csv or .jsonl): one match per scanned file.")
    var batch: String?

    @Option(help: "The last catalogue (.csv or .json).")
    var lasts: String?

    @Option(help: "Only lasts of this style.")
    var style: LastStyle?

    @Option(help: "Only lasts with this toe shape.")
    var toeShape: LastToeShape?

    @Option(help: "Only lasts of this workshop.")
    var workshop: String?

    @Option(help: "How many lasts to show.")
    var top: Int = 5

    @Option(help: "text or json.")
    var format: MeasureCommand.Format = .text

    @OptionGroup var measuring: MeasuringOptions

    mutating func validate() throws {
        let sources = [scan != nil, !length.isEmpty, batch != nil].filter { $0 }.count
        guard sources == 1 else { throw ValidationError("Give one of: a scan, --length/--width, or --batch FILE.") }
        if !length.isEmpty {
            guard length.count <= 2, width.count == length.count else { throw ValidationError("Give one --width per --length (one or two feet).") }
            guard heel.isEmpty || heel.count == length.count, girth.isEmpty || girth.count == length.count else {
                throw ValidationError("--heel and --girth, when given, need one value per --length.")
            }
            for (measure, values) in [("length", length), ("width", width), ("heel", heel), ("girth", girth)] {
                for value in values {
                    if let problem = MatchCustomer.typedProblem(measure: measure, value: value, prefix: "--") { throw ValidationError(problem) }
                }
            }
        }
        guard (1...100).contains(top) else { throw ValidationError("--top must be 1 to 100.") }
    }

    func run() throws {
        let catalogue: LastCatalogue
        do {
            catalogue = try lasts.map { path throws(CatalogueError) in try LastCatalogue.load(path: path) } ?? LastCatalogue(lasts: SampleCatalogue.lasts)
        } catch {
            StandardError.print(error.description)
            throw ExitCode(1)
        }
        let filter = LastFilter(style: style, toeShape: toeShape, workshop: workshop)
        let matcher = LastMatcher(rules: catalogue.rules)
        var failed = 0
        for customer in try customers() {
            if let failure = customer.failure {
                // A failed or implausible row is never dropped in silence: one line, and a JSON row with its error.
                failed += 1
                StandardError.print("footscan: \(customer.label ?? "-"): not matched: \(failure)")
                if format == .json {
                    StandardOutput.print(JSONValue.object([("file", customer.label.map { .string($0) } ?? .null), ("error", .string(failure))]).serialized())
                }
                continue
            }
            let result = matcher.match(customer.feet, in: catalogue.lasts, filter: filter, top: top)
            switch format {
            case .json: StandardOutput.print(MatchReport.json(result, feet: customer.json, file: customer.label).serialized())
            case .text: StandardOutput.print(MatchReport.text(result, feet: customer.feet, file: customer.label))
            }
        }
        if failed > 0 {
            if batch != nil { StandardError.print("footscan: \(failed) of the batch file's scans not matched") }
            throw ExitCode(1)
        }
    }

    /// The feet to match: one entry per customer.
    func customers() throws -> [MatchCustomer] {
        let sex = measuring.sex?.rawValue
        if let scan {
            let report = ScanReport.measure(file: scan, pipeline: measuring.pipeline)
            guard let feet = report.measurement?.feet, report.error == nil else {
                StandardError.print("footscan: \(report.errorMessage ?? scan)")
                throw ExitCode(1)
            }
            // A foot no human has is never matched to a last.
            let customer = MatchCustomer(label: scan, measured: feet, sex: sex)
            if let failure = customer.failure {
                StandardError.print("footscan: \(scan): not matched: \(failure)")
                throw ExitCode(1)
            }
            return [customer]
        }
        if let batch {
            do {
                return MatchCustomer.read(batch: try BatchFile.read(path: batch, jsonLines: !batch.lowercased().hasSuffix(".csv")), sex: sex)
            } catch {
                StandardError.print("footscan: \(batch): \(error.reason)")
                throw ExitCode(1)
            }
        }
        var feet: [FootForFitting] = []
        var json: [JSONValue] = []
        for index in length.indices {
            let foot = FootForFitting(lengthMM: length[index], widthMM: width[index], heelWidthMM: heel.isEmpty ? nil : heel[index],
                                      toeShape: toe?.rawValue, girthMM: girth.isEmpty ? nil : girth[index], girthSDMM: 0, sex: sex)
            feet.append(foot)
            json.append(.object([("length_mm", .rounded(foot.lengthMM, 1)), ("width_mm", .rounded(foot.widthMM, 1)),
                                 ("heel_width_mm", .rounded(foot.heelWidthMM, 1)), ("toe_shape", foot.toeShape.map { .string($0) } ?? .null),
                                 ("ball_girth_mm", .rounded(foot.girthMM, 1))]))
        }
        return [MatchCustomer(label: nil, feet: feet, json: json)]
    }
}

extension ToeShape: ExpressibleByArgument {}

