@testable import FootScanEngine
import Foundation
import Testing

@Suite("Ball girth estimate and JIS width classes")
struct GirthTests {
    /// ANSUR II rows from the repository's `Data/` folder.
    static func ansurRows() throws -> [[String: String]] {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = package.appendingPathComponent("Data/ansur2_feet.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
        }
    }

    @Test("held-apart residual SD is no worse than documented: 6.24 mm without sex, 6.18 mm with sex")
    func heldApart() throws {
        let rows = try Self.ansurRows()
        #expect(rows.count == 6068)
        let heldApart = rows.filter { (Int($0["subject_id"] ?? "") ?? 1) % 5 == 0 }
        #expect(heldApart.count > 1000)
        for (sexKnown, documented) in [(false, 6.24), (true, 6.18)] {
            var squares = 0.0, asianSum = 0.0, asianCount = 0
            for row in heldApart {
                let sex: WearerSex? = sexKnown ? (row["sex"] == "male" ? .male : .female) : nil
                let model = GirthModel.model(for: sex)
                let estimate = model.girth(lengthMM: Double(row["foot_length_mm"]!)!, breadthMM: Double(row["foot_breadth_mm"]!)!,
                                           heelBreadthMM: Double(row["heel_breadth_mm"]!)!, sex: sex)
                let residual = Double(row["ball_of_foot_circumference_mm"]!)! - estimate
                squares += residual * residual
                if row["dod_race"] == "4" { asianSum += residual; asianCount += 1 }
            }
            let sd = (squares / Double(heldApart.count)).squareRoot()
            print("girth model \(sexKnown ? "with" : "without") sex: held-apart residual SD \(sd) mm on \(heldApart.count) feet; "
                  + "held-apart Asian subgroup mean residual \(asianSum / Double(max(asianCount, 1))) mm (n=\(asianCount))")
            #expect(sd <= documented)
            #expect(abs(GirthModel.model(for: sexKnown ? .male : nil).heldApartSD - sd) < 0.01, "the reported sigma is the held-apart one")
        }
    }

    @Test("JIS S 5037 check points")
    func jis() {
        #expect(WidthClass.girth(of: "E", lengthMM: 250, sex: .male) == 243)
        #expect(WidthClass.className(lengthMM: 260, girthMM: 261, sex: .male) == "EEE")
        #expect(WidthClass.className(lengthMM: 230, girthMM: 228, sex: .female) == "E")
        #expect(WidthClass.classAGirth(lengthMM: 200, sex: .male) == 189)
        #expect(WidthClass.classAGirth(lengthMM: 195, sex: .female) == 183)
        let estimate = WidthClass(lengthMM: 250, girthMM: 249, sigmaMM: 6.2, sex: .male)
        #expect(estimate.name == "EE" && estimate.range == ["E", "EEE"] && estimate.system == "JIS")
        // Far outside the table it clamps to the ends.
        #expect(WidthClass.className(lengthMM: 250, girthMM: 150, sex: .female) == "A")
        #expect(WidthClass.className(lengthMM: 250, girthMM: 400, sex: .female) == "F")
        #expect(WidthClass.className(lengthMM: 250, girthMM: 400, sex: .male) == "G")
    }

    @Test("the generator's feet follow the survey's proportions")
    func population() {
        let male = FootPopulation.male
        let typical = male.proportions(lengthMM: male.mean[0], z1: 0, z2: 0)
        #expect(abs(typical.breadthMM - male.mean[1]) < 1e-9)
        let long = male.proportions(lengthMM: male.mean[0] + 20, z1: 0, z2: 0)
        #expect(long.breadthMM > typical.breadthMM && long.heelBreadthMM > typical.heelBreadthMM)
    }
}
