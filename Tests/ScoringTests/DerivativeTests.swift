// Analytic derivatives against central finite differences, and the special functions they use.
import Foundation
import Testing

@testable import Scoring

@Suite("Derivatives and special functions")
struct DerivativeTests {
    /// A small simulated base plus two very heavy buyers, so every branch of the likelihood is exercised.
    static let base: SimulatedBase = {
        var base = simulateBase(count: 3_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 7)
        base.histories.append(PurchaseHistory(frequency: 2_000, recency: 39.5, age: 40))
        base.histories.append(PurchaseHistory(frequency: 500, recency: 5, age: 60))
        base.spends.append(SpendHistory(frequency: 2_000, meanSpend: 12.5))
        return base
    }()

    /// Central differences of `function` in each coordinate of `point`.
    func centralDifferences(at point: [Double], step: Double, _ function: ([Double]) -> Double) -> [Double] {
        point.indices.map { i in
            var up = point
            var down = point
            up[i] += step
            down[i] -= step
            return (function(up) - function(down)) / (2 * step)
        }
    }

    func bgnbd(_ theta: [Double]) -> BGNBDParameters {
        BGNBDParameters(r: exp(theta[0]), alpha: exp(theta[1]), a: exp(theta[2]), b: exp(theta[3]))
    }

    func gammaGamma(_ theta: [Double]) -> GammaGammaParameters {
        GammaGammaParameters(p: exp(theta[0]), q: exp(theta[1]), gamma: exp(theta[2]))
    }

    @Test(arguments: [
        BGNBDParameters(r: 0.24, alpha: 4.4, a: 0.79, b: 2.43),
        BGNBDParameters(r: 1.7, alpha: 0.9, a: 3.1, b: 0.4),
    ])
    func bgnbdGradientMatchesFiniteDifferences(_ parameters: BGNBDParameters) throws {
        let data = try BGNBDData(histories: Self.base.histories)
        let theta = [parameters.r, parameters.alpha, parameters.a, parameters.b].map { log($0) }
        let analytic = data.logLikelihoodGradient(parameters)
        let numeric = centralDifferences(at: theta, step: 1e-5) { data.logLikelihood(bgnbd($0)) }
        let scale = abs(data.logLikelihood(parameters))
        for i in 0..<4 {
            #expect(
                abs(analytic[i] - numeric[i]) <= 1e-6 * abs(analytic[i]) + 1e-9 * scale,
                "∂/∂θ\(i): \(analytic[i]) vs \(numeric[i])")
        }
    }

    @Test func bgnbdHessianMatchesFiniteDifferencesOfGradient() throws {
        let data = try BGNBDData(histories: Self.base.histories)
        let parameters = BGNBDParameters(r: 0.5, alpha: 3, a: 1.2, b: 1.8)
        let theta = [parameters.r, parameters.alpha, parameters.a, parameters.b].map { log($0) }
        let raw = data.evaluate(parameters, derivatives: true)
        let point = negativeLogLikelihoodInLogSpace(
            theta: theta, parameters: theta.map { exp($0) }, logLikelihood: raw.value, gradient: raw.gradient,
            hessian: raw.hessian)
        let scale = abs(raw.value)
        for j in 0..<4 {
            var up = theta
            var down = theta
            up[j] += 1e-5
            down[j] -= 1e-5
            let gUp = data.logLikelihoodGradient(bgnbd(up))
            let gDown = data.logLikelihoodGradient(bgnbd(down))
            for i in 0..<4 {
                let numeric = -(gUp[i] - gDown[i]) / 2e-5
                let analytic = point.hessian[i * 4 + j]
                #expect(
                    abs(analytic - numeric) <= 1e-6 * abs(analytic) + 1e-9 * scale,
                    "H[\(i),\(j)]: \(analytic) vs \(numeric)")
            }
        }
    }

    @Test func gammaGammaGradientAndHessianMatchFiniteDifferences() throws {
        let data = try GammaGammaData(spends: Self.base.spends)
        let parameters = GammaGammaParameters(p: 4, q: 2.5, gamma: 20)
        let theta = [parameters.p, parameters.q, parameters.gamma].map { log($0) }
        let analytic = data.logLikelihoodGradient(parameters)
        let numeric = centralDifferences(at: theta, step: 1e-5) { data.logLikelihood(gammaGamma($0)) }
        let scale = abs(data.logLikelihood(parameters))
        for i in 0..<3 {
            #expect(
                abs(analytic[i] - numeric[i]) <= 1e-6 * abs(analytic[i]) + 1e-9 * scale,
                "∂/∂θ\(i): \(analytic[i]) vs \(numeric[i])")
        }
        let raw = data.evaluate(parameters, derivatives: true)
        let point = negativeLogLikelihoodInLogSpace(
            theta: theta, parameters: theta.map { exp($0) }, logLikelihood: raw.value, gradient: raw.gradient,
            hessian: raw.hessian)
        for j in 0..<3 {
            var up = theta
            var down = theta
            up[j] += 1e-5
            down[j] -= 1e-5
            let gUp = data.logLikelihoodGradient(gammaGamma(up))
            let gDown = data.logLikelihoodGradient(gammaGamma(down))
            for i in 0..<3 {
                let numeric = -(gUp[i] - gDown[i]) / 2e-5
                let analytic = point.hessian[i * 3 + j]
                #expect(
                    abs(analytic - numeric) <= 1e-6 * abs(analytic) + 1e-9 * scale,
                    "H[\(i),\(j)]: \(analytic) vs \(numeric)")
            }
        }
    }

    @Test func standardErrorsArePositiveAndFinite() throws {
        let purchases = try BGNBDFit.fit(Self.base.histories)
        for value in [
            purchases.standardErrors.r, purchases.standardErrors.alpha, purchases.standardErrors.a,
            purchases.standardErrors.b,
        ] {
            #expect(value > 0 && value.isFinite)
        }
        let spend = try GammaGammaFit.fit(Self.base.spends)
        for value in [spend.standardErrors.p, spend.standardErrors.q, spend.standardErrors.gamma] {
            #expect(value > 0 && value.isFinite)
        }
        // The covariance is symmetric and its diagonal holds the squared standard errors.
        #expect(
            abs(purchases.covariance[0][0] - purchases.standardErrors.r * purchases.standardErrors.r)
                <= 1e-12 * purchases.covariance[0][0])
        #expect(purchases.covariance[1][2] == purchases.covariance[2][1])
    }

    @Test func digammaAndTrigammaKnownValues() {
        let eulerGamma = 0.57721566490153286061
        #expect(abs(digamma(1) + eulerGamma) <= 1e-15)
        #expect(abs(digamma(0.5) + eulerGamma + 2 * log(2.0)) <= 1e-15)
        #expect(abs(trigamma(1) - Double.pi * Double.pi / 6) <= 1e-15)
        #expect(abs(trigamma(0.5) - Double.pi * Double.pi / 2) <= 1e-14)
        for x in [1e-6, 0.01, 0.3, 1.7, 9.99, 10, 47.5, 2_000.25, 1e7] {
            // Recurrences ψ(x+1) = ψ(x) + 1/x and ψ₁(x+1) = ψ₁(x) − 1/x².
            #expect(abs(digamma(x + 1) - digamma(x) - 1 / x) <= 1e-14 * max(1, abs(digamma(x))))
            #expect(abs(trigamma(x) - trigamma(x + 1) - 1 / (x * x)) <= 1e-14 * trigamma(x))
            // Derivatives of ln Γ.
            let h = 1e-5 * x
            let numeric = (logGamma(x + h) - logGamma(x - h)) / (2 * h)
            #expect(abs(numeric - digamma(x)) <= 1e-6 * max(1, abs(digamma(x))), "ψ(\(x))")
        }
    }
}
