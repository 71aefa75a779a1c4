import FootScanLasts
import Foundation
import Testing

@Suite("Last catalogues: reading and validation")
struct CatalogueTests {
    static let header = "id,workshop,style,toe_shape,size_mm,width,length_mm,ball_width_mm,ball_girth_mm,heel_width_mm,notes"

    @Test("every mistake is named by line and column, and no bad row drops out silently")
    func validation() {
        let text = """
            # a comment
            \(Self.header)
            A1,W,oxford,round,250,E,267,93,233,58,
            A2,W,brogue,round,250,E,267,93,233,58,
            A3,W,oxford,round,abc,E,267,93,233,58,
            A4,W,oxford,round,250,E,267,-93,233,58,
            A5,W,oxford,round,250,E,267,93,900,58,
            A1,W,oxford,round,255,E,272,94,236,59,
            A7,W,oxford,triangle,250,E,267,93,233,58,
            A8,W,oxford,round,250,E,240,93,233,58,
            """
        do {
            _ = try LastCatalogue.parse(csv: text)
            Issue.record("a bad catalogue was accepted")
        } catch {
            let found = error.issues.map { "\($0.line):\($0.column ?? "-")" }
            #expect(found == ["4:style", "5:size_mm", "6:ball_width_mm", "7:ball_girth_mm", "8:id", "9:toe_shape", "10:length_mm"])
            #expect(error.issues[0].message.contains("unknown style \"brogue\""))
            #expect(error.issues[1].message.contains("\"abc\" is not a number"))
            #expect(error.issues[2].message.contains("negative"))
            #expect(error.issues[3].message.contains("implausible"))
            #expect(error.issues[4].message.contains("duplicate id \"A1\" (first on line 3)"))
        }
    }

    @Test("a header problem is one message naming the missing and unknown columns, and no row is read under it")
    func missingColumns() {
        do {
            _ = try LastCatalogue.parse(csv: "id,workshop,style,size_mm\nA,W,oxford,250\n")
            Issue.record("accepted")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.line == 1)
            #expect(error.issues.first?.message.hasPrefix("the header is not a catalogue's: missing toe_shape, width, length_mm, ball_width_mm, ball_girth_mm, heel_width_mm (the columns are ") == true)
        }
        // A renamed column in a 540-row catalogue: one message, not one per row.
        let sample = LastCatalogue(lasts: SampleCatalogue.lasts).csv().replacingOccurrences(of: "size_mm,width", with: "sizes_mm,width")
        do {
            _ = try LastCatalogue.parse(csv: sample)
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.description) == [
                "line 1: the header is not a catalogue's: missing size_mm; unknown \"sizes_mm\" (the columns are id,workshop,style,toe_shape,size_mm,width,length_mm,ball_width_mm,ball_girth_mm,heel_width_mm,notes; notes may be left out)",
            ])
        }
    }

    @Test("relations between columns: a heel seat not narrower than the ball, toe room outside the style's")
    func relations() {
        // Ball and heel widths swapped on every row of the sample: every row is caught, by range or by relation.
        let lines = LastCatalogue(lasts: SampleCatalogue.lasts).csv().split(separator: "\n").map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 9, fields[0] != "id" else { return String(line) }
            fields.swapAt(7, 9)
            return fields.joined(separator: ",")
        }
        do {
            _ = try LastCatalogue.parse(csv: lines.joined(separator: "\n"))
            Issue.record("accepted")
        } catch {
            #expect(Set(error.issues.map(\.line)).count == SampleCatalogue.lasts.count)
            #expect(error.issues.contains { $0.column == "heel_width_mm" && $0.message.contains("is not narrower than the ball") })
        }
        // 30 mm toe room on a round oxford (15-20 allowed), unless a rule allows it.
        let long = "\(Self.header)\nA,W,oxford,round,250,E,280,93,233,58,\n"
        #expect(throws: CatalogueError(issues: [CatalogueIssue(line: 2, column: "length_mm", message: "30 mm toe room (length_mm minus size_mm) is outside the 15-20 mm that oxford lasts with round toes allow (a #rule line can change it)")])) {
            try LastCatalogue.parse(csv: long)
        }
        #expect(throws: Never.self) { try LastCatalogue.parse(csv: "#rule,oxford,toe_room_mm,25,32\n" + long) }
    }

    @Test("quoted fields hold commas, quotes and line breaks; rows after them keep their line numbers; comments are free text")
    func quotedFields() throws {
        let text = """
            # the workshop's "best" lasts, 2026
            \(Self.header)
            A1,W,oxford,round,250,E,267,93,233,58,"wide toe box, ""soft"" heel
            resoled 2025"
            A2,W,oxford,round,250,E,267,93,abc,58,
            """
        do {
            _ = try LastCatalogue.parse(csv: text)
            Issue.record("a bad catalogue was accepted")
        } catch {
            #expect(error.issues.map(\.description) == ["line 5, column ball_girth_mm: \"abc\" is not a number"])
        }
        let good = try LastCatalogue.parse(csv: text.replacingOccurrences(of: ",abc,", with: ",233,"))
        #expect(good.lasts.map(\.notes) == ["wide toe box, \"soft\" heel\nresoled 2025", ""])
        // Written and read again: the same lasts.
        let again = try LastCatalogue.parse(csv: good.csv())
        #expect(again.lasts.map(\.notes) == good.lasts.map(\.notes))
        #expect(again.lasts.map(\.id) == ["A1", "A2"])
    }

    @Test("JSON catalogues read the same lasts and rules")
    func json() throws {
        let json = """
            {"rules": {"oxford": {"toe_room_mm": [25, 30]}},
             "lasts": [{"id": "J1", "workshop": "W", "style": "oxford", "toe_shape": "round", "size_mm": 250, "width": "E",
                        "length_mm": 277, "ball_width_mm": 93, "ball_girth_mm": 233, "heel_width_mm": 58}]}
            """
        let catalogue = try LastCatalogue.parse(json: json)
        #expect(catalogue.lasts.count == 1 && catalogue.lasts[0].lengthMM == 277)
        #expect(catalogue.rules.toeRoomMM[.oxford] == 25...30)
        #expect(throws: CatalogueError.self) { try LastCatalogue.parse(json: "{\"lasts\": [{\"id\": \"x\"}]}") }
    }

    @Test("rule lines override the defaults")
    func rules() throws {
        let text = "#rule,oxford,toe_room_mm,25,30\n#rule,regular,width_mm,-9,-3\n#rule,women,girth_under_mm,12\n\(Self.header)\nA,W,oxford,round,250,E,277,93,233,58,\n"
        let catalogue = try LastCatalogue.parse(csv: text)
        #expect(catalogue.rules.toeRoomMM[.oxford] == 25...30)
        #expect(catalogue.rules.regularMM == -9 ... -3)
        #expect(catalogue.rules.girthUnderWomenMM == 12)
        #expect(throws: CatalogueError.self) { try LastCatalogue.parse(csv: "#rule,oxford,toe_room_mm,30\n\(Self.header)\nA,W,oxford,round,250,E,277,93,233,58,\n") }
    }

    @Test("the sample catalogue file is the built-in one, graded as documented")
    func sample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Samples/lasts/seongsu.csv"), encoding: .utf8)
        #expect(file == LastCatalogue(lasts: SampleCatalogue.lasts).csv(comment: SampleCatalogue.comment))
        let catalogue = try LastCatalogue.parse(csv: file)
        #expect(catalogue.lasts.count == 3 * 4 * 15 * 3)
        #expect(Set(catalogue.lasts.map(\.workshop)).count == 3)
        for workshop in Set(catalogue.lasts.map(\.workshop)) {
            #expect(Set(catalogue.lasts.filter { $0.workshop == workshop }.map(\.style)).count >= 4)
        }
        #expect(Set(catalogue.lasts.map(\.sizeMM)) == Set(stride(from: 220.0, through: 290, by: 5)))
        let oxford = catalogue.lasts.filter { $0.id.hasPrefix("TS-OX-") }
        let e250 = try #require(oxford.first { $0.sizeMM == 250 && $0.width == "D" })
        let e255 = try #require(oxford.first { $0.sizeMM == 255 && $0.width == "D" })
        let ee250 = try #require(oxford.first { $0.sizeMM == 250 && $0.width == "E" })
        #expect(e255.lengthMM - e250.lengthMM == 5)
        #expect(e255.ballGirthMM - e250.ballGirthMM == 3)
        #expect(ee250.ballGirthMM - e250.ballGirthMM == 6)
    }
}
