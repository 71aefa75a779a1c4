import FootScanEngine
import FootScanReports
import Testing

/// The batch file reader and the batch rows, on hand-made text: what `batch --resume` and
/// `match --batch` rely on, without running the command.
@Suite("Batch files read back")
struct BatchFileTests {
    static let header = FootRow.csvHeader

    @Test("the columns are the file's, then every FootKey in its order")
    func columns() {
        #expect(FootRow.columns == FootRow.fileColumns + FootKey.allCases.map(\.rawValue))
        #expect(FootRow.columns.first == "file" && FootRow.columns.contains("content_hash"))
    }

    @Test("CSV: fields by column name, quoted commas kept, empty fields absent, an interrupted last line left out")
    func csv() throws {
        let blanks = String(repeating: ",", count: FootRow.columns.count - 4)
        let text = Self.header + "\n"
            + "\"scans/a, left.jpg\",0,,00ff00ff00ff00ff" + blanks + "\n"
            + "scans/b.jpg,,no foot found on the scan,0123456789abcdef" + blanks + "\n"
            + "scans/c.jpg,0,,fedc"
        let file = try BatchFile.parse(text, jsonLines: false)
        #expect(file.hasCurrentColumns)
        #expect(file.rows.map(\.file) == ["scans/a, left.jpg", "scans/b.jpg"])
        #expect(file.rows[0].fields["content_hash"] == "00ff00ff00ff00ff")
        #expect(file.rows[0].error == nil && file.rows[0].fields["error"] == nil)
        #expect(file.rows[1].error == "no foot found on the scan")
        // The line is the row written again as batch writes it (the comma-holding name quoted).
        #expect(file.rows[0].line.hasPrefix("\"scans/a, left.jpg\",0,"))
    }

    @Test("JSON Lines: strings, numbers and lists as a CSV row holds them; nulls absent")
    func jsonLines() throws {
        let text = #"{"file": "a.jpg", "foot": 0, "error": null, "toe_tips_mm": [250.5, 248], "side": "left"}"# + "\n"
            + #"{"file": "b.jpg", "error": "unsupported colour space"}"# + "\n"
        let file = try BatchFile.parse(text, jsonLines: true)
        #expect(file.header == nil && file.hasCurrentColumns)
        #expect(file.rows.count == 2)
        #expect(file.rows[0].fields["foot"] == "0")
        #expect(file.rows[0].fields["toe_tips_mm"] == "250.5;248")
        #expect(file.rows[0].fields["error"] == nil && file.rows[0].fields["side"] == "left")
        #expect(file.rows[1].error == "unsupported colour space")
    }

    @Test("a file that is not batch output is refused with the reason")
    func refused() {
        #expect(throws: BatchFile.Problem.notBatchOutput("its first line is not batch's header")) {
            try BatchFile.parse("id,workshop,style\nAC-1,Achasan,oxford\n", jsonLines: false)
        }
        #expect(throws: BatchFile.Problem.notBatchOutput("line 2 is not a row of batch's JSON Lines")) {
            try BatchFile.parse(#"{"file": "a.jpg"}"# + "\n[1, 2]\n", jsonLines: true)
        }
        // An old header (another version's columns) reads, but is not current.
        let old = try? BatchFile.parse("file,foot,error,content_hash,length_mm\n", jsonLines: false)
        #expect(old?.hasCurrentColumns == false)
    }

    @Test("content hashes are 64-bit FNV-1a, 16 hex digits")
    func contentHash() {
        // FNV-1a's published values: the empty input is the offset basis; "a" is 0xaf63dc4c8601ec8c.
        #expect(ContentHash.of([]) == "cbf29ce484222325")
        #expect(ContentHash.of(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(ContentHash.of([0]).count == 16)
    }
}
