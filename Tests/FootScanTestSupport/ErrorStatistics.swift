/// Percentiles of absolute errors.
package struct ErrorStatistics: CustomStringConvertible {
    package let count: Int
    package let p50: Double
    package let p95: Double
    package let maximum: Double

    package init(_ errors: [Double]) {
        let sorted = errors.map(abs).sorted()
        count = sorted.count
        func at(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded(.up)))]
        }
        p50 = at(0.5)
        p95 = at(0.95)
        maximum = sorted.last ?? .nan
    }

    package var description: String {
        func f(_ v: Double) -> String { String((v * 1000).rounded() / 1000) }
        return "n=\(count) P50=\(f(p50)) P95=\(f(p95)) max=\(f(maximum))"
    }
}
