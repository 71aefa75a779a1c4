import FootScanLasts
import Testing

@Suite("Last matcher")
struct MatcherTests {
    static let lasts = SampleCatalogue.lasts
    let matcher = LastMatcher()

    @Test("sizes: Korean, Mondopoint, EU, UK and US", arguments: [
        (247.0, 96.0, 250, "247/96", 39.5, 6.0, 7.0, 8.5),
        (250.0, 98.0, 250, "250/98", 40.0, 6.5, 7.5, 9.0),
        (251.0, 98.0, 255, "251/98", 40.0, 6.5, 7.5, 9.0),
        (270.0, 104.0, 270, "270/104", 43.0, 9.0, 10.0, 11.5),
    ])
    func sizes(length: Double, width: Double, korean: Int, mondo: String, eu: Double, uk: Double, usMen: Double, usWomen: Double) {
        let size = ShoeSize(lengthMM: length, widthMM: width)
        #expect(size.koreanMM == korean && size.mondopoint == mondo)
        #expect(size.eu == eu && size.uk == uk && size.usMen == usMen && size.usWomen == usWomen)
    }

    @Test("a typical foot gets a fitting last with a reason per criterion")
    func typical() throws {
        let foot = FootForFitting(lengthMM: 247, widthMM: 96, heelWidthMM: 64, toeShape: "greek", girthMM: 240, girthSDMM: 6.2, sex: "male")
        let result = matcher.match([foot], in: Self.lasts, filter: LastFilter(style: .oxford), top: 3)
        let best = try #require(result.recommendations.first)
        #expect(best.fits)
        #expect(best.last.style == .oxford)
        #expect(LastMatcher().rules.toeRoom(for: best.last).contains(best.lengthRoomMM))
        #expect(best.reasons.count == 5)
        #expect(best.reasons[0].hasSuffix("oxford wants 15-20") || best.reasons[0].contains("oxford (almond) wants 19-24"))
        #expect(best.reasons[3].hasPrefix("girth 240 ± 6.2 mm; last "))
        #expect(result.warnings.isEmpty)
        #expect(result.recommendations.map(\.score) == result.recommendations.map(\.score).sorted(by: >))
    }

    @Test("a wide foot fits nothing: the nearest candidates and what to change")
    func wide() throws {
        let result = matcher.match([FootForFitting(lengthMM: 280, widthMM: 125)], in: Self.lasts)
        #expect(result.recommendations.allSatisfy { !$0.fits })
        #expect(result.recommendations.count == 5)
        let warning = try #require(result.warnings.first)
        #expect(warning.hasPrefix("no last fits; nearest: "))
        #expect(warning.contains("widen the ball by"))
    }

    @Test("edge sizes: the smallest and largest feet the catalogue holds, and one beyond it")
    func edges() {
        #expect(matcher.match([FootForFitting(lengthMM: 220, widthMM: 86)], in: Self.lasts).recommendations.first?.fits == true)
        #expect(matcher.match([FootForFitting(lengthMM: 289, widthMM: 110)], in: Self.lasts).recommendations.first?.fits == true)
        let beyond = matcher.match([FootForFitting(lengthMM: 305, widthMM: 112)], in: Self.lasts)
        #expect(beyond.recommendations.first?.fits == false)
        #expect(beyond.warnings.first?.contains("longer") == true)
    }

    @Test("an asymmetric pair is sized by the longer foot and flagged")
    func pair() {
        let left = FootForFitting(lengthMM: 250, widthMM: 97), right = FootForFitting(lengthMM: 256, widthMM: 98)
        let result = matcher.match([left, right], in: Self.lasts)
        #expect(result.size.koreanMM == 260)
        #expect(result.warnings.first?.hasPrefix("the feet differ by 6 mm in length") == true)
        for r in result.recommendations where r.fits { #expect(r.lengthRoomMM == r.last.lengthMM - 256) }
        #expect(matcher.match([left, FootForFitting(lengthMM: 253, widthMM: 97)], in: Self.lasts).warnings.isEmpty)
    }

    @Test("each toe line is matched to lasts whose toe suits it", arguments: ["egyptian", "greek", "roman"])
    func toeLines(toe: String) throws {
        let foot = FootForFitting(lengthMM: 255, widthMM: 99, toeShape: toe)
        let best = try #require(matcher.match([foot], in: Self.lasts, top: 1).recommendations.first)
        #expect(best.fits)
        #expect(LastMatcher().rules.suitableToeShapes[toe]?.contains(best.last.toeShape) == true)
    }

    @Test("properties over generated feet")
    func properties() {
        var state: UInt64 = 12345
        func uniform(_ range: ClosedRange<Double>) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Double(state >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
        for _ in 0..<150 {
            let length = uniform(222...282), width = length * uniform(0.36...0.42)
            let a = FootForFitting(lengthMM: length, widthMM: width, heelWidthMM: length * 0.26, toeShape: ["egyptian", "greek", "roman"][Int(uniform(0...2.99))])
            let b = FootForFitting(lengthMM: length + uniform(-6...6), widthMM: width + uniform(-3...3), heelWidthMM: length * 0.26)
            // The order of the two feet never changes the answer.
            let ab = matcher.match([a, b], in: Self.lasts), ba = matcher.match([b, a], in: Self.lasts)
            #expect(ab.recommendations.map(\.last.id) == ba.recommendations.map(\.last.id))
            #expect(ab.recommendations.map(\.score) == ba.recommendations.map(\.score))
            // Every fitting recommendation's room lies in its style's range.
            for r in ab.recommendations where r.fits {
                #expect(LastMatcher().rules.toeRoom(for: r.last).contains(r.lengthRoomMM))
            }
            // A longer foot never gets a shorter last (same style and width).
            let longer = FootForFitting(lengthMM: length + 5, widthMM: width)
            let filter = LastFilter(style: .oxford, toeShape: .round)
            let short = matcher.match([FootForFitting(lengthMM: length, widthMM: width)], in: Self.lasts, filter: filter, top: 1).recommendations[0]
            let long = matcher.match([longer], in: Self.lasts, filter: filter, top: 1).recommendations[0]
            if short.fits && long.fits { #expect(long.last.lengthMM >= short.last.lengthMM) }
        }
    }
}
