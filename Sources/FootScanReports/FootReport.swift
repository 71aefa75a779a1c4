import FootScanEngine

/// One foot's JSON and text.
package enum FootReport {
    /// A foot as the spec's JSON object: every ``FootKey``, in its order.
    package static func json(_ foot: FootMeasurement) -> JSONValue {
        .object(FootKey.allCases.map { ($0.rawValue, value(foot, $0)) })
    }

    /// One key's value, rounded as the spec shows it.
    package static func value(_ foot: FootMeasurement, _ key: FootKey) -> JSONValue {
        switch key {
        case .side: .string(foot.side.rawValue)
        case .sideConfidence: .rounded(foot.sideConfidence, 2)
        case .centrePixel: .array([.rounded(foot.centrePixel.x, 1), .rounded(foot.centrePixel.y, 1)])
        case .length: .rounded(foot.lengthMM, 1)
        case .width: .rounded(foot.widthMM, 1)
        case .ballWidth: .rounded(foot.ballWidthMM, 1)
        case .heelWidth: .rounded(foot.heelWidthMM, 1)
        case .toeTips: .array(foot.toeTipsMM.map { .rounded($0, 1) })
        case .toe1MinusToe2: .rounded(foot.toe1MinusToe2MM, 1)
        case .toeShape: .string(foot.toeShape.rawValue)
        case .archIndex: .rounded(foot.archIndex, 3)
        case .archType: foot.archType.map { .string($0.rawValue) } ?? .null
        case .chippauxSmirakIndex: .rounded(foot.chippauxSmirakIndex, 3)
        case .staheliIndex: .rounded(foot.staheliIndex, 3)
        case .heelToBall: .rounded(foot.heelToBallMM, 1)
        case .heelToOutsideBall: .rounded(foot.heelToOutsideBallMM, 1)
        case .ballAngle: .rounded(foot.ballAngleDeg, 1)
        case .halluxAngle: .rounded(foot.halluxAngleDeg, 1)
        case .toe5Angle: .rounded(foot.toe5AngleDeg, 1)
        case .ballGirth: .rounded(foot.ballGirthMM, 1)
        case .ballGirthSD: .rounded(foot.ballGirthSDMM, 1)
        case .widthClass: .object([("system", .string(foot.widthClass.system)), ("table", .string(foot.widthClass.table)),
                                   ("class", .string(foot.widthClass.name)), ("range", .array(foot.widthClass.range.map { .string($0) }))])
        case .uncertainty: .rounded(foot.uncertaintyMM, 1)
        case .warnings: .array(foot.warnings.map { .string($0.rawValue) })
        }
    }

    package static func text(_ foot: FootMeasurement, index: Int) -> String {
        func mm(_ value: Double) -> String { JSONValue.format((value * 10).rounded() / 10) }
        var line = "  foot \(index + 1) (\(foot.side.rawValue)): length \(mm(foot.lengthMM)) mm, width \(mm(foot.widthMM)) mm, "
            + "heel \(mm(foot.heelWidthMM)) mm, toes \(foot.toeShape.rawValue)"
        if let d = foot.toe1MinusToe2MM { line += " (toe1 - toe2 \(mm(d)) mm)" }
        line += ", heel to ball \(mm(foot.heelToBallMM)) mm"
        if let arch = foot.archIndex, let type = foot.archType { line += ", arch index \(JSONValue.format((arch * 1000).rounded() / 1000)) (\(type.rawValue))" }
        line += ", +/- \(mm(foot.uncertaintyMM)) mm; girth ~\(mm(foot.ballGirthMM)) +/- \(mm(foot.ballGirthSDMM)) mm, "
            + "JIS \(foot.widthClass.name) (\(foot.widthClass.range.joined(separator: "-")), \(foot.widthClass.table)'s table)"
        if !foot.warnings.isEmpty { line += "; warnings: " + foot.warnings.map(\.rawValue).joined(separator: ", ") }
        return line
    }
}
