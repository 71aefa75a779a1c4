import FootScanEngine
import FootScanReports
import Testing

/// Scanner profiles read and written without running `calibrate`: what every measuring command's
/// `--profile` relies on.
@Suite("Scanner profiles")
struct ScannerProfileTests {
    static let profile = ScannerProfile(millimetresPerPixelX: 0.0846, millimetresPerPixelY: 0.0851, view: .dorsal, bed: "light",
                                        bedLevel: 231.4, object: "card \"ID-1\"", file: "C:\\scans\\card.png")

    @Test("what calibrate writes reads back the same, quotes and backslashes included")
    func roundTrip() throws {
        let read = try ScannerProfile.parse(Self.profile.toml, name: "p.toml")
        #expect(read == Self.profile)
        #expect(abs(read.density.dotsPerInchX - 25.4 / 0.0846) < 1e-9 && read.density.source == .profile)
    }

    @Test("a comment after a value, other tables and the keys at the top level are fine")
    func handWritten() throws {
        let text = """
            # edited by hand
            mm_per_pixel_x = 0.0846  # checked with a ruler
            mm_per_pixel_y = 0.085
            [notes]
            who = "Kim"
            """
        let read = try ScannerProfile.parse(text, name: "p.toml")
        #expect(read.millimetresPerPixelX == 0.0846 && read.millimetresPerPixelY == 0.085)
        #expect(read.view == .plantar && read.bed.isEmpty)
    }

    @Test("not TOML, no pixel size, or a pixel size no scanner has: one line naming the file")
    func refused() {
        let cases = [
            ("mm_per_pixel_x = = 1", "p.toml: not a TOML file"),
            ("[scanner]\nview = \"dorsal\"", "p.toml: not a FootScan profile"),
            ("mm_per_pixel_x = 0.08\nmm_per_pixel_y = 7", "p.toml: not a FootScan profile"),
            ("mm_per_pixel_x = -0.08\nmm_per_pixel_y = 0.08", "p.toml: not a FootScan profile"),
        ]
        for (text, start) in cases {
            #expect {
                _ = try ScannerProfile.parse(text, name: "p.toml")
            } throws: { error in
                let line = (error as? ScannerProfile.LoadError)?.description ?? ""
                return line.hasPrefix(start) && !line.contains("\n")
            }
        }
        #expect(throws: ScannerProfile.LoadError.self) { _ = try ScannerProfile.load(path: "/nonexistent/profile.toml") }
    }
}
