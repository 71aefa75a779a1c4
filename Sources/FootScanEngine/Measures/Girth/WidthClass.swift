/// A shoe width class in the JIS S 5037 system, with the classes within one standard deviation of the
/// girth estimate. JIS grades girth by foot length: class A is 189 mm at 20.0 cm for men and 183 mm at
/// 19.5 cm for women; each class adds 6 mm and each 5 mm of length adds 3 mm. (The Korean KS G 3405
/// grades the same way but its base values are not at hand, so no KS class is given.)
public struct WidthClass: Sendable, Equatable, Codable {
    /// Always "JIS".
    public let system: String
    /// `men` or `women`: the table used (men's when the wearer's sex is not given).
    public let table: String
    /// The class of the girth estimate.
    public let name: String
    /// The classes of the estimate minus and plus one standard deviation.
    public let range: [String]

    static let menClasses = ["A", "B", "C", "D", "E", "EE", "EEE", "EEEE", "F", "G"]
    static let womenClasses = ["A", "B", "C", "D", "E", "EE", "EEE", "EEEE", "F"]

    /// The class of `girthMM` for a foot `lengthMM` long, and of girth -/+ `sigmaMM`.
    public init(lengthMM: Double, girthMM: Double, sigmaMM: Double, sex: WearerSex?) {
        system = "JIS"
        table = sex == .female ? "women" : "men"
        name = WidthClass.className(lengthMM: lengthMM, girthMM: girthMM, sex: sex)
        range = [WidthClass.className(lengthMM: lengthMM, girthMM: girthMM - sigmaMM, sex: sex),
                 WidthClass.className(lengthMM: lengthMM, girthMM: girthMM + sigmaMM, sex: sex)]
    }

    /// The girth of class A at `lengthMM` (length taken to the nearest 5 mm size, as the tables are).
    public static func classAGirth(lengthMM: Double, sex: WearerSex?) -> Double {
        let size = (lengthMM / 5).rounded() * 5
        return sex == .female ? 183 + (size - 195) / 5 * 3 : 189 + (size - 200) / 5 * 3
    }

    /// The nearest class for a girth; below A is "A", above the last class is the last class.
    public static func className(lengthMM: Double, girthMM: Double, sex: WearerSex?) -> String {
        let classes = sex == .female ? womenClasses : menClasses
        let index = Int(((girthMM - classAGirth(lengthMM: lengthMM, sex: sex)) / 6).rounded())
        return classes[min(max(index, 0), classes.count - 1)]
    }

    /// The girth a class stands for at a length.
    public static func girth(of className: String, lengthMM: Double, sex: WearerSex?) -> Double? {
        let classes = sex == .female ? womenClasses : menClasses
        guard let index = classes.firstIndex(of: className) else { return nil }
        return classAGirth(lengthMM: lengthMM, sex: sex) + 6 * Double(index)
    }
}
