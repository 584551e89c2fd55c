// Parameter recovery: fits on 200,000 simulated customers must find the parameters they were drawn
// from, within three standard errors, and at least the likelihood of the true parameters.
import Foundation
import Testing

@testable import Scoring

@Suite("Parameter recovery on 200,000 simulated customers")
struct RecoveryTests {
    static let base = simulateBase(
        count: 200_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 20_050_101)

    @Test func bgnbdRecoversTrueParameters() throws {
        let data = try BGNBDData(histories: Self.base.histories)
        let fit = try BGNBDFit.fit(data)
        let estimate = fit.parameters
        let errors = fit.standardErrors
        let pairs: [(String, Double, Double, Double)] = [
            ("r", estimate.r, trueBGNBD.r, errors.r),
            ("alpha", estimate.alpha, trueBGNBD.alpha, errors.alpha),
            ("a", estimate.a, trueBGNBD.a, errors.a),
            ("b", estimate.b, trueBGNBD.b, errors.b),
        ]
        for (name, value, truth, error) in pairs {
            #expect(error > 0 && error.isFinite, "SE of \(name): \(error)")
            #expect(abs(value - truth) <= 3 * error, "\(name): \(value) vs \(truth) ± \(error)")
        }
        #expect(fit.customerCount == 200_000)
        #expect(fit.logLikelihood >= data.logLikelihood(trueBGNBD))
        #expect(abs(fit.logLikelihood - data.logLikelihood(estimate)) <= 1e-9 * abs(fit.logLikelihood))
        #expect(fit.relativeGradient <= 1e-10)
        #expect(fit.iterations < 50)
    }

    @Test func gammaGammaRecoversTrueParameters() throws {
        let data = try GammaGammaData(spends: Self.base.spends)
        let fit = try GammaGammaFit.fit(data)
        let estimate = fit.parameters
        let errors = fit.standardErrors
        let pairs: [(String, Double, Double, Double)] = [
            ("p", estimate.p, trueGammaGamma.p, errors.p),
            ("q", estimate.q, trueGammaGamma.q, errors.q),
            ("gamma", estimate.gamma, trueGammaGamma.gamma, errors.gamma),
        ]
        for (name, value, truth, error) in pairs {
            #expect(error > 0 && error.isFinite, "SE of \(name): \(error)")
            #expect(abs(value - truth) <= 3 * error, "\(name): \(value) vs \(truth) ± \(error)")
        }
        #expect(fit.logLikelihood >= data.logLikelihood(trueGammaGamma))
        #expect(fit.relativeGradient <= 1e-10)
        #expect(data.skipped == Self.base.spends.filter { $0.frequency == 0 }.count)
    }
}
