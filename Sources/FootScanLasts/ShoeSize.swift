#if canImport(Glibc)
import Glibc
#endif

/// A foot's shoe size in the usual systems, from its length (and width for Mondopoint).
///
/// - Korean (mm): the foot length rounded up to the next 5 mm.
/// - Mondopoint (ISO 9407): foot length / foot width, in mm.
/// - EU (Paris points, 2/3 cm): 3/2 x (foot length in cm + 1.5 cm).
/// - UK (barleycorns, 1/3 inch): 3 x (foot length in inches + 2/3 inch) - 25.
/// - US men's: UK + 1; US women's: UK + 2.5.
/// EU, UK and US sizes are rounded to the nearest half size. These are the traditional formulas
/// (see e.g. the "Shoe size" article of Wikipedia); makers' own tables differ by up to a size.
public struct ShoeSize: Sendable, Equatable {
    /// Korean size, mm.
    public let koreanMM: Int
    /// `length/width`, mm.
    public let mondopoint: String
    /// EU size.
    public let eu: Double
    /// UK size.
    public let uk: Double
    /// US men's size.
    public let usMen: Double
    /// US women's size.
    public let usWomen: Double

    /// The sizes of a foot.
    public init(lengthMM: Double, widthMM: Double) {
        koreanMM = Int((lengthMM / 5).rounded(.up)) * 5
        mondopoint = "\(Int(lengthMM.rounded()))/\(Int(widthMM.rounded()))"
        func half(_ value: Double) -> Double { (value * 2).rounded() / 2 }
        eu = half(1.5 * (lengthMM / 10 + 1.5))
        let ukExact = 3 * (lengthMM / 25.4 + 2.0 / 3.0) - 25
        uk = half(ukExact)
        usMen = half(ukExact + 1)
        usWomen = half(ukExact + 2.5)
    }
}
