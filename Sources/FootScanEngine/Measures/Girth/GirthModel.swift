/// The wearer's sex, when the user gives it: the girth estimate and the JIS width table depend on it.
public enum WearerSex: String, Sendable, Codable, CaseIterable {
    /// A man.
    case male
    /// A woman.
    case female
}

/// Estimates the ball girth (the circumference around the first and fifth metatarsal heads), which a
/// plantar scan cannot see, from what it does measure: a linear model fitted on the ANSUR II survey's
/// real feet (`fit_girth_model.py`, coefficients in `GirthCoefficients.swift`), with its error measured
/// on rows held apart from the fit.
struct GirthModel: Sendable {
    /// c0, then the factors of length, breadth, heel breadth and (with sex) being male.
    let coefficients: [Double]
    /// One standard deviation of the residual on the held-apart rows, mm.
    let heldApartSD: Double

    /// The model for a wearer of known or unknown sex.
    static func model(for sex: WearerSex?) -> GirthModel { sex == nil ? withoutSex : withSex }

    /// The estimated girth in mm.
    func girth(lengthMM: Double, breadthMM: Double, heelBreadthMM: Double, sex: WearerSex?) -> Double {
        var value = coefficients[0] + coefficients[1] * lengthMM + coefficients[2] * breadthMM + coefficients[3] * heelBreadthMM
        if coefficients.count > 4, sex == .male { value += coefficients[4] }
        return value
    }
}

/// A population of adult feet as the joint normal distribution of (length, breadth, heel breadth),
/// from the ANSUR II survey; the scan generator draws realistic proportions from it.
public struct FootPopulation: Sendable {
    /// Mean length, breadth and heel breadth, mm.
    public let mean: [Double]
    /// Lower-triangular Cholesky factor of the covariance.
    public let cholesky: [[Double]]

    /// Breadth and heel breadth for a foot of the given length, drawn from the distribution conditional
    /// on that length; `z1` and `z2` are standard normal values.
    public func proportions(lengthMM: Double, z1: Double, z2: Double) -> (breadthMM: Double, heelBreadthMM: Double) {
        let z0 = (lengthMM - mean[0]) / cholesky[0][0]
        let breadth = mean[1] + cholesky[1][0] * z0 + cholesky[1][1] * z1
        let heel = mean[2] + cholesky[2][0] * z0 + cholesky[2][1] * z1 + cholesky[2][2] * z2
        return (breadth, heel)
    }
}
