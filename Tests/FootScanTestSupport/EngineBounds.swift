import FootScanEngine
import Testing

/// The engine's bounds on one generated set: every scan decoded and measured with the drawn number of
/// feet, length P95 <= 1.0 mm at 150 dpi and <= 0.5 mm finer, width P95 <= 0.6 mm, heel P95 <= 0.5 mm,
/// side right on every foot. Prints the statistics (and each foot wider off than 0.6 mm) under `label`;
/// returns the measured feet for the caller's own checks.
@discardableResult
package func expectEngineBounds(_ scans: [ScanResult], label: String, minimumFeet: Int, note: String = "") -> [FootResult] {
    for scan in scans {
        let error = scan.error, found = scan.measuredCount, drawn = scan.scene.feet.count
        #expect(error == nil, "\(label): seed \(scan.seed)")
        #expect(found == drawn, "\(label): seed \(scan.seed)")
    }
    let feet = scans.flatMap(\.feet).filter { $0.measured != nil }
    let length150 = ErrorStatistics(feet.filter { $0.dotsPerInch == 150 }.map { $0.measured!.lengthMM - $0.truth.lengthMM })
    let length = ErrorStatistics(feet.filter { $0.dotsPerInch >= 200 }.map { $0.measured!.lengthMM - $0.truth.lengthMM })
    let width = ErrorStatistics(feet.map { $0.measured!.widthMM - $0.truth.widthMM })
    let heel = ErrorStatistics(feet.map { $0.measured!.heelWidthMM - $0.truth.heelWidthMM })
    print("\(label), \(scans.count) scans, \(feet.count) feet: length at 150 dpi \(length150), at >= 200 dpi \(length), "
          + "width \(width), heel \(heel)\(note)")
    for foot in feet where abs(foot.measured!.widthMM - foot.truth.widthMM) > 0.6 {
        print("  \(label): seed \(foot.seed) at \(Int(foot.dotsPerInch)) dpi, width off by \(foot.measured!.widthMM - foot.truth.widthMM) mm")
    }
    #expect(feet.count >= minimumFeet, "\(label)")
    #expect(length150.p95 <= 1.0 && length.p95 <= 0.5, "\(label)")
    #expect(width.p95 <= 0.6 && heel.p95 <= 0.5, "\(label)")
    for foot in feet {
        let side = foot.measured?.side, trueSide = foot.truth.side
        #expect(side == trueSide, "\(label): seed \(foot.seed)")
    }
    return feet
}
