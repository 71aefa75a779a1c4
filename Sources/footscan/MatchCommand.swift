import ArgumentParser
import FootScanEngine
import FootScanLasts
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
            // Bounds a little wider than any human foot's (children's feet included), in millimetres.
            for (option, values, range) in [("--length", length, 60.0...400.0), ("--width", width, 25.0...160.0),
                                             ("--heel", heel, 15.0...120.0), ("--girth", girth, 80.0...400.0)] {
                for value in values where !(value.isFinite && range.contains(value)) {
                    throw ValidationError("\(option) \(JSONValue.plain(value)): a foot's is \(JSONValue.plain(range.lowerBound)) to \(JSONValue.plain(range.upperBound)) mm.")
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
            for (index, foot) in feet.enumerated() {
                guard let why = MatchCustomer.implausibility(lengthMM: foot.lengthMM, widthMM: foot.widthMM, warnings: foot.warnings.map(\.rawValue)) else { continue }
                StandardError.print("footscan: \(scan): foot \(index + 1) not matched: \(why)")
                throw ExitCode(1)
            }
            return [MatchCustomer(label: scan, feet: feet.map { FootForFitting(measured: $0, sex: sex) }, json: feet.map(FootReport.json))]
        }
        if let batch { return try MatchCustomer.read(batch: batch, sex: sex) }
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

extension FootForFitting {
    /// A measured foot, with its girth estimate and its error.
    init(measured foot: FootMeasurement, sex: String?) {
        self.init(lengthMM: foot.lengthMM, widthMM: foot.widthMM, heelWidthMM: foot.heelWidthMM, toeShape: foot.toeShape.rawValue,
                  girthMM: foot.ballGirthMM, girthSDMM: foot.ballGirthSDMM, sex: sex, side: foot.side.rawValue)
    }
}

/// One customer to match: a scan's feet (one or a pair), or why that scan cannot be matched.
struct MatchCustomer {
    /// The scan's file, when the feet came from one.
    var label: String?
    /// The feet to match.
    var feet: [FootForFitting]
    /// The feet as the match's JSON shows them.
    var json: [JSONValue]
    /// Why this customer is not matched (a failed scan, an implausible foot), or nil.
    var failure: String? = nil

    /// Why a measured foot is no human foot's (from its `implausible_*` warnings), or nil.
    static func implausibility(lengthMM: Double, widthMM: Double, warnings: [String]) -> String? {
        let size = "\(JSONValue.format((lengthMM * 10).rounded() / 10)) x \(JSONValue.format((widthMM * 10).rounded() / 10)) mm"
        if warnings.contains("implausible_size") {
            return "its size (\(size)) is no human foot's: the density is probably wrong; calibrate the scanner or pass the density"
        }
        if warnings.contains("implausible_shape") {
            return "its proportions (\(size)) are no human foot's: the outline probably took in something that is not foot; check the overlay"
        }
        return nil
    }

    /// Reads a batch output file back (through `BatchFile`) as customers, one per scanned file in file
    /// order; a failed file, and a file with an implausible foot, becomes a customer with its failure.
    static func read(batch path: String, sex: String?) throws -> [MatchCustomer] {
        let file: BatchFile
        do { file = try BatchFile.read(path: path, jsonLines: !path.lowercased().hasSuffix(".csv")) } catch {
            StandardError.print("footscan: \(path): \(error.reason)")
            throw ExitCode(1)
        }
        var order: [String] = []
        var byFile: [String: MatchCustomer] = [:]
        for row in file.rows {
            let name = row.file
            if byFile[name] == nil {
                order.append(name)
                byFile[name] = MatchCustomer(label: name, feet: [], json: [])
            }
            guard var customer = byFile[name], customer.failure == nil else { continue }
            defer { byFile[name] = customer }
            if let error = row.error {
                customer.failure = error
                continue
            }
            guard let length = row.fields["length_mm"].flatMap(Double.init), let width = row.fields["width_mm"].flatMap(Double.init) else {
                customer.failure = "the row has no length_mm and width_mm"
                continue
            }
            let warnings = (row.fields["warnings"] ?? "").split(separator: ";").map(String.init)
            if let why = implausibility(lengthMM: length, widthMM: width, warnings: warnings) {
                customer.failure = "foot \(customer.feet.count + 1): \(why)"
                continue
            }
            guard customer.feet.count < 2 else { continue }
            let foot = FootForFitting(
                lengthMM: length, widthMM: width, heelWidthMM: row.fields["heel_width_mm"].flatMap(Double.init),
                toeShape: row.fields["toe_shape"], girthMM: row.fields["ball_girth_mm"].flatMap(Double.init),
                girthSDMM: row.fields["ball_girth_sd_mm"].flatMap(Double.init) ?? 0, sex: sex, side: row.fields["side"])
            customer.feet.append(foot)
            customer.json.append(.object([
                ("side", foot.side.map { .string($0) } ?? .null), ("length_mm", .rounded(foot.lengthMM, 1)),
                ("width_mm", .rounded(foot.widthMM, 1)), ("heel_width_mm", .rounded(foot.heelWidthMM, 1)),
                ("toe_shape", foot.toeShape.map { .string($0) } ?? .null), ("ball_girth_mm", .rounded(foot.girthMM, 1)),
            ]))
        }
        return order.compactMap { byFile[$0] }
    }
}

/// The match's JSON (a contract) and text.
enum MatchReport {
    static func json(_ result: MatchResult, feet: [JSONValue], file: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let file { members.append(("file", .string(file))) }
        members += [
            ("feet", .array(feet)),
            ("size", .object([("korean_mm", .integer(result.size.koreanMM)), ("mondopoint", .string(result.size.mondopoint)),
                              ("eu", .number(result.size.eu)), ("uk", .number(result.size.uk)),
                              ("us_men", .number(result.size.usMen)), ("us_women", .number(result.size.usWomen))])),
            ("recommendations", .array(result.recommendations.map { r in
                .object([("last_id", .string(r.last.id)), ("workshop", .string(r.last.workshop)), ("style", .string(r.last.style.rawValue)),
                         ("toe_shape", .string(r.last.toeShape.rawValue)), ("size_mm", .integer(Int(r.last.sizeMM.rounded()))),
                         ("width", .string(r.last.width)), ("score", .rounded(r.score, 3)), ("fits", .bool(r.fits)),
                         ("length_room_mm", .rounded(r.lengthRoomMM, 1)), ("width_diff_mm", .rounded(r.widthDifferenceMM, 1)),
                         ("reasons", .array(r.reasons.map { .string($0) })), ("changes", .array(r.changes.map { .string($0) }))])
            })),
            ("warnings", .array(result.warnings.map { .string($0) })),
        ]
        return .object(members)
    }

    static func text(_ result: MatchResult, feet: [FootForFitting], file: String?) -> String {
        var lines: [String] = []
        if let file { lines.append("\(file):") }
        let size = result.size
        lines.append("size: Korean \(size.koreanMM) mm, Mondopoint \(size.mondopoint), EU \(JSONValue.format(size.eu)), UK \(JSONValue.format(size.uk)), "
                     + "US men \(JSONValue.format(size.usMen)), US women \(JSONValue.format(size.usWomen))")
        for warning in result.warnings { lines.append("warning: \(warning)") }
        for (rank, r) in result.recommendations.enumerated() {
            lines.append("\(rank + 1). \(r.last.id)  \(r.last.style.rawValue), \(r.last.toeShape.rawValue) toe, size \(Int(r.last.sizeMM)) \(r.last.width)"
                         + "  score \(JSONValue.format((r.score * 100).rounded() / 100))\(r.fits ? "" : " (does not fit)")  [\(r.last.workshop)]")
            for reason in r.reasons { lines.append("     - \(reason)") }
            for change in r.changes { lines.append("     > \(change)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// `footscan lasts validate FILE`: check a catalogue and list every mistake.
struct LastsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lasts", abstract: "Work with last catalogues.",
        subcommands: [Validate.self, Sample.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a catalogue (.csv or .json); every mistake is named by line and column.")

        @Argument(help: "The catalogue.")
        var file: String

        func run() throws {
            do {
                let catalogue = try LastCatalogue.load(path: file)
                let workshops = Set(catalogue.lasts.map(\.workshop)).count
                StandardOutput.print("\(file): \(catalogue.lasts.count) lasts from \(workshops) workshops, no mistakes")
            } catch {
                StandardError.print(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the built-in sample catalogue as CSV (Samples/lasts/seongsu.csv).")

        func run() {
            StandardStream.write(LastCatalogue(lasts: SampleCatalogue.lasts).csv(comment: SampleCatalogue.comment), to: 1)
        }
    }
}
