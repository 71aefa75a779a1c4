import FootScanEngine
import FootScanLasts
import Foundation

/// One customer to match: a scan's feet (one or a pair), or why that scan cannot be matched.
package struct MatchCustomer {
    /// The scan's file, when the feet came from one.
    package var label: String?
    /// The feet to match.
    package var feet: [FootForFitting]
    /// The feet as the match's JSON shows them.
    package var json: [JSONValue]
    /// Why this customer is not matched (a failed scan, an implausible foot), or nil.
    package var failure: String? = nil

    /// Typed measures' bounds, mm: a little wider than any human foot's (children's included), so a typo
    /// (a width typed as a length, centimetres for millimetres) is refused instead of matched.
    package static let typedBounds: [(measure: String, range: ClosedRange<Double>)] = [
        ("length", 60...400), ("width", 25...160), ("heel", 15...120), ("girth", 80...400),
    ]

    /// Why a typed value is refused (`length 900: a foot's is 60 to 400 mm.`), or nil; `measure` is one
    /// of ``typedBounds``' names, `prefix` goes before it (`--` for the command's options).
    package static func typedProblem(measure: String, value: Double, prefix: String = "") -> String? {
        guard let range = typedBounds.first(where: { $0.measure == measure })?.range else { return "\(prefix)\(measure): not a measure" }
        if value.isFinite && range.contains(value) { return nil }
        return "\(prefix)\(measure) \(JSONValue.plain(value)): a foot's is \(JSONValue.plain(range.lowerBound)) to \(JSONValue.plain(range.upperBound)) mm."
    }

    /// Why a measured foot is no human foot's (from its `implausible_*` warnings), or why its length is
    /// not the foot's (a print on which fewer than two toes showed, `toeCount`, ends at the ball), or nil.
    package static func implausibility(lengthMM: Double, widthMM: Double, warnings: [String], toeCount: Int = 5) -> String? {
        let size = "\(JSONValue.format((lengthMM * 10).rounded() / 10)) x \(JSONValue.format((widthMM * 10).rounded() / 10)) mm"
        if warnings.contains("implausible_size") {
            return "its size (\(size)) is no human foot's: the density is probably wrong; calibrate the scanner or pass the density"
        }
        if warnings.contains("implausible_shape") {
            return "its proportions (\(size)) are no human foot's: the outline probably took in something that is not foot; check the overlay"
        }
        if warnings.contains("partial_print") && toeCount < 2 {
            return "no toe showed on its print (\(size)): the length ends at the ball, not at the toes; take a print with the toes, or scan the sole"
        }
        return nil
    }

    /// A customer with feet (or a failure) as given.
    package init(label: String?, feet: [FootForFitting], json: [JSONValue], failure: String? = nil) {
        self.label = label
        self.feet = feet
        self.json = json
        self.failure = failure
    }

    /// The feet of one measured scan, or a customer who is not matched when a foot is no human's.
    package init(label: String?, measured feet: [FootMeasurement], sex: String?) {
        self.init(label: label, feet: feet.map { FootForFitting(measured: $0, sex: sex) }, json: feet.map(FootReport.json))
        for (index, foot) in feet.enumerated() {
            guard let why = Self.implausibility(lengthMM: foot.lengthMM, widthMM: foot.widthMM, warnings: foot.warnings.map(\.rawValue),
                                                toeCount: foot.toeTipsMM.count) else { continue }
            failure = "foot \(index + 1): \(why)"
            return
        }
    }

    /// Reads a batch output file back (through `BatchFile`) as customers, one per scanned file in file
    /// order; a failed file, and a file with an implausible foot, becomes a customer with its failure.
    package static func read(batch file: BatchFile, sex: String?) -> [MatchCustomer] {
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
            let toeCount = (row.fields["toe_tips_mm"] ?? "").split(separator: ";").count
            if let why = implausibility(lengthMM: length, widthMM: width, warnings: warnings, toeCount: toeCount) {
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

extension FootForFitting {
    /// A measured foot, with its girth estimate and its error.
    package init(measured foot: FootMeasurement, sex: String?) {
        self.init(lengthMM: foot.lengthMM, widthMM: foot.widthMM, heelWidthMM: foot.heelWidthMM, toeShape: foot.toeShape.rawValue,
                  girthMM: foot.ballGirthMM, girthSDMM: foot.ballGirthSDMM, sex: sex, side: foot.side.rawValue)
    }
}
