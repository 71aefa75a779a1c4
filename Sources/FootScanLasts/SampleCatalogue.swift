/// The illustrative catalogue shipped as `Samples/lasts/seongsu.csv`: three made-up Seongsu workshops,
/// four styles each, Korean sizes 220-290 mm in 5 mm steps, three widths (D, E, EE), graded by the usual rules
/// (stick length = size + the style's toe room; ball girth +3 mm per 5 mm of length and +6 mm per width
/// step, set about 10 mm under the JIS foot girth of its class; bottom width and heel seat graded with
/// the girth). Not any real workshop's lasts.
public enum SampleCatalogue {
    /// The header comment of the CSV.
    public static let comment = [
        "Illustrative sample catalogue for FootScan: three made-up Seongsu-dong workshops. Not real lasts.",
        "Sizes are Korean (foot length, mm). Graded: length by size step; ball girth +3 mm per 5 mm of size",
        "and +6 mm per width step (about 10 mm under the JIS S 5037 men's foot girth of the class);",
        "bottom width and heel seat graded with the girth. Rules may be overridden with #rule lines.",
    ]

    /// The lasts.
    public static var lasts: [Last] {
        let workshops: [(name: String, code: String, styles: [(LastStyle, LastToeShape)])] = [
            ("Sample Workshop Ttukseom (illustrative)", "TS", [(.oxford, .round), (.derby, .round), (.loafer, .almond), (.boot, .square)]),
            ("Sample Workshop Seoul Forest (illustrative)", "SF", [(.oxford, .almond), (.pump, .pointed), (.loafer, .square), (.sneaker, .round)]),
            ("Sample Workshop Achasan (illustrative)", "AC", [(.derby, .oblique), (.boot, .round), (.sneaker, .square), (.pump, .almond)]),
        ]
        let widths = [("D", 3), ("E", 4), ("EE", 5)]
        var lasts: [Last] = []
        for workshop in workshops {
            for (style, toe) in workshop.styles {
                let room = FittingRules.standard.toeRoom(for: Last(id: "", workshop: "", style: style, toeShape: toe, sizeMM: 0, width: "",
                                                                   lengthMM: 0, ballWidthMM: 0, ballGirthMM: 0, heelWidthMM: 0))
                for size in stride(from: 220, through: 290, by: 5) {
                    for (label, classIndex) in widths {
                        let footGirth = 189 + Double(size - 200) / 5 * 3 + 6 * Double(classIndex)
                        let girth = footGirth - 10
                        let footBreadth = 0.405 * footGirth
                        lasts.append(Last(
                            id: "\(workshop.code)-\(style.rawValue.prefix(2).uppercased())-\(size)-\(label)",
                            workshop: workshop.name, style: style, toeShape: toe, sizeMM: Double(size), width: label,
                            lengthMM: Double(size) + (room.lowerBound + room.upperBound) / 2,
                            ballWidthMM: ((footBreadth - 6) * 10).rounded() / 10,
                            ballGirthMM: girth, heelWidthMM: ((0.267 * Double(size) - 9) * 10).rounded() / 10
                        ))
                    }
                }
            }
        }
        return lasts
    }
}
