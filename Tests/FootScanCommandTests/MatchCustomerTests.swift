import FootScanLasts
import FootScanReports
import Testing

/// Customers to match read back from a batch file: pairs, failures and implausible feet, by hand.
@Suite("Match customers")
struct MatchCustomerTests {
    @Test("one customer per scanned file in file order; a failed or implausible file keeps its reason")
    func fromBatch() throws {
        let text = #"{"file": "a.jpg", "foot": 0, "side": "left", "length_mm": 251.2, "width_mm": 98.4, "toe_shape": "greek"}"# + "\n"
            + #"{"file": "b.jpg", "error": "no foot found on the scan"}"# + "\n"
            + #"{"file": "a.jpg", "foot": 1, "side": "right", "length_mm": 252.0, "width_mm": 99.1}"# + "\n"
            + #"{"file": "c.jpg", "foot": 0, "length_mm": 812.0, "width_mm": 301.0, "warnings": ["implausible_size"]}"# + "\n"
            + #"{"file": "d.jpg", "foot": 0, "side": "left"}"# + "\n"
        let customers = MatchCustomer.read(batch: try BatchFile.parse(text, jsonLines: true), sex: "female")
        #expect(customers.map(\.label) == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"])
        #expect(customers[0].failure == nil && customers[0].feet.map(\.side) == ["left", "right"])
        #expect(customers[0].feet.map(\.lengthMM) == [251.2, 252.0] && customers[0].feet.allSatisfy { $0.sex == "female" })
        #expect(customers[1].failure == "no foot found on the scan" && customers[1].feet.isEmpty)
        #expect(customers[2].failure?.hasPrefix("foot 1: its size (812.0 x 301.0 mm) is no human foot's") == true, "\(customers[2].failure ?? "")")
        #expect(customers[3].failure == "the row has no length_mm and width_mm")
    }

    @Test("implausible shape names the outline, a plausible foot nothing")
    func implausibility() {
        #expect(MatchCustomer.implausibility(lengthMM: 250, widthMM: 100, warnings: []) == nil)
        #expect(MatchCustomer.implausibility(lengthMM: 250, widthMM: 180, warnings: ["implausible_shape"])?.contains("outline") == true)
        // A print with no toe shown: its length ends at the ball, not a foot's to match.
        #expect(MatchCustomer.implausibility(lengthMM: 190, widthMM: 100, warnings: ["partial_print"], toeCount: 0)?.contains("no toe showed") == true)
        #expect(MatchCustomer.implausibility(lengthMM: 250, widthMM: 100, warnings: ["partial_print"], toeCount: 3) == nil)
    }
}
