// A deterministic damped Newton method for the small (3 or 4 parameter) maximum-likelihood
// problems of this module. Both likelihoods have cheap analytic Hessians, and Newton's quadratic
// convergence reaches gradients of 1e-10 relative where BFGS with a value-based line search stalls
// ("precision loss"): near the optimum the function changes less than its rounding noise.
import Foundation

/// Settings of a maximum-likelihood fit.
public struct FitOptions: Sendable, Hashable {
    /// Converged when every component of the gradient of the total negative log-likelihood with
    /// respect to the log-parameters is at most this times max(1, |total log-likelihood|).
    public var gradientTolerance: Double
    /// Hard cap on Newton iterations; reaching it is reported as `didNotConverge`.
    public var maxIterations: Int

    public init(gradientTolerance: Double = 1e-10, maxIterations: Int = 200) {
        self.gradientTolerance = gradientTolerance
        self.maxIterations = maxIterations
    }
}

/// Value, gradient and Hessian (row-major) of an objective at a point.
struct ObjectivePoint {
    var theta: [Double]
    var value: Double
    var gradient: [Double]
    var hessian: [Double]
}

/// How a minimisation ended.
enum NewtonOutcome {
    case converged(ObjectivePoint, iterations: Int)
    /// A coordinate left the box |θᵢ| ≤ bound: the optimum lies at 0 or infinity.
    case diverged(coordinate: Int)
    /// No further progress possible (line search failed) before the gradient was small.
    case stalled(ObjectivePoint, iterations: Int, relativeGradient: Double)
    case nonFinite
}

/// Largest |θᵢ| the optimizer explores: e^40 ≈ 2e17, far beyond any meaningful parameter.
let logParameterBound = 40.0
/// Largest change of any log-parameter in one step, so a poor start cannot jump into overflow.
let maximumLogStep = 3.0

/// Minimises `evaluate` from `start` with Newton steps, Levenberg damping when the Hessian is not
/// positive definite, a step cap and a backtracking (Armijo) line search. `evaluate(θ, true)` must
/// fill gradient and Hessian; `evaluate(θ, false)` may leave them empty.
func minimizeNewton(
    start: [Double], options: FitOptions, evaluate: ([Double], Bool) -> ObjectivePoint
) -> NewtonOutcome {
    var point = evaluate(start, true)
    guard isFinite(point) else { return .nonFinite }
    var iterations = 0
    var noiseSteps = 0
    while true {
        let scale = max(1, abs(point.value))
        let relativeGradient = maxAbs(point.gradient) / scale
        if relativeGradient <= options.gradientTolerance {
            return .converged(point, iterations: iterations)
        }
        guard iterations < options.maxIterations, noiseSteps < 10 else {
            return .stalled(point, iterations: iterations, relativeGradient: relativeGradient)
        }
        iterations += 1
        var step = dampedNewtonStep(hessian: point.hessian, gradient: point.gradient)
        let longest = maxAbs(step)
        if longest > maximumLogStep { step = step.map { $0 * maximumLogStep / longest } }
        let slope = zip(point.gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
        // Rounding noise of a sum of many log-likelihood terms: below it, values cannot rank points.
        let noise = 1e-13 * scale
        var accepted: ObjectivePoint?
        var fraction = 1.0
        for _ in 0..<60 {
            let trial = zip(point.theta, step).map { $0 + fraction * $1 }
            if let outside = trial.firstIndex(where: { abs($0) > logParameterBound }) {
                return .diverged(coordinate: outside)
            }
            // Full steps are nearly always accepted, so they are evaluated with derivatives at once
            // (one pass over the data instead of two); shortened steps first by value only.
            let candidate = evaluate(trial, fraction == 1)
            let value = candidate.value
            // Armijo's sufficient decrease, and a real one: at tiny fractions f + c·t·slope rounds to f.
            if value.isFinite, value < point.value, value <= point.value + 1e-4 * fraction * slope {
                let full = fraction == 1 ? candidate : evaluate(trial, true)
                if isFinite(full) {
                    accepted = full
                    noiseSteps = 0
                    break
                }
            }
            // A full Newton step whose predicted gain is below the noise: accept it on the gradient's
            // word (the next gradient check decides), instead of failing on rounding.
            if fraction == 1, isFinite(candidate), value <= point.value + noise, -slope <= noise {
                accepted = candidate
                noiseSteps += 1
                break
            }
            fraction *= 0.5
        }
        guard let next = accepted else {
            return .stalled(point, iterations: iterations, relativeGradient: relativeGradient)
        }
        point = next
    }
}

private func isFinite(_ point: ObjectivePoint) -> Bool {
    point.value.isFinite && point.gradient.allSatisfy(\.isFinite) && point.hessian.allSatisfy(\.isFinite)
}

func maxAbs(_ values: [Double]) -> Double {
    values.reduce(0) { max($0, abs($1)) }
}

/// Solves (H + λI) d = −g with the smallest λ ≥ 0 (on a ×10 ladder) that makes the matrix
/// positive definite; falls back to steepest descent if no λ does.
func dampedNewtonStep(hessian: [Double], gradient: [Double]) -> [Double] {
    let n = gradient.count
    let diagonalScale = (0..<n).reduce(0) { max($0, abs(hessian[$1 * n + $1])) }
    var lambda = 0.0
    for _ in 0..<40 {
        var damped = hessian
        for i in 0..<n { damped[i * n + i] += lambda }
        if let factor = choleskyFactor(damped, size: n) {
            return choleskySolve(factor, size: n, rhs: gradient.map { -$0 })
        }
        lambda = lambda == 0 ? max(1e-10 * diagonalScale, 1e-300) : lambda * 10
    }
    return gradient.map { -$0 }
}

/// Lower-triangular L with L Lᵀ = matrix (row-major), or nil when the matrix is not positive definite.
func choleskyFactor(_ matrix: [Double], size n: Int) -> [Double]? {
    var lower = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for j in 0...i {
            var sum = matrix[i * n + j]
            for k in 0..<j { sum -= lower[i * n + k] * lower[j * n + k] }
            if i == j {
                guard sum > 0, sum.isFinite else { return nil }
                lower[i * n + i] = sqrt(sum)
            } else {
                lower[i * n + j] = sum / lower[j * n + j]
            }
        }
    }
    return lower
}

/// Solves L Lᵀ x = rhs for a Cholesky factor L.
func choleskySolve(_ lower: [Double], size n: Int, rhs: [Double]) -> [Double] {
    var y = rhs
    for i in 0..<n {
        for k in 0..<i { y[i] -= lower[i * n + k] * y[k] }
        y[i] /= lower[i * n + i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
        for k in (i + 1)..<n { y[i] -= lower[k * n + i] * y[k] }
        y[i] /= lower[i * n + i]
    }
    return y
}

/// Inverse of a symmetric positive definite matrix, or nil when it is not positive definite.
func inverseOfPositiveDefinite(_ matrix: [Double], size n: Int) -> [Double]? {
    guard let lower = choleskyFactor(matrix, size: n) else { return nil }
    var inverse = [Double](repeating: 0, count: n * n)
    for column in 0..<n {
        var unit = [Double](repeating: 0, count: n)
        unit[column] = 1
        let solved = choleskySolve(lower, size: n, rhs: unit)
        for row in 0..<n { inverse[row * n + column] = solved[row] }
    }
    return inverse
}

/// Turns a fit on log-parameters θ = ln(params) into estimates with standard errors.
///
/// `hessian` is the analytic Hessian of the total negative log-likelihood with respect to θ at the
/// optimum. Its inverse is the covariance of θ̂; the delta method (∂params/∂θ = diag(params)) gives
/// Cov(params) = diag(params) · H⁻¹ · diag(params). At the optimum this equals the inverse of the
/// Hessian in the original parameters, because the gradient term vanishes there.
struct LogParameterEstimate {
    var parameters: [Double]
    var standardErrors: [Double]
    var covariance: [[Double]]

    /// Nil (with the offending coordinate) when the Hessian is not positive definite or a log-parameter
    /// is so poorly determined (standard error > 15, a factor e^30 either way) or so extreme (|θ| > 25)
    /// that the fit says nothing about it.
    static func make(theta: [Double], hessian: [Double]) -> Result<LogParameterEstimate, IndexError> {
        let n = theta.count
        if let extreme = theta.firstIndex(where: { abs($0) > 25 }) { return .failure(IndexError(extreme)) }
        guard let inverse = inverseOfPositiveDefinite(hessian, size: n) else {
            let weakest = (0..<n).min { hessian[$0 * n + $0] < hessian[$1 * n + $1] } ?? 0
            return .failure(IndexError(weakest))
        }
        let logErrors = (0..<n).map { sqrt(inverse[$0 * n + $0]) }
        if let loose = logErrors.firstIndex(where: { !($0 <= 15) }) { return .failure(IndexError(loose)) }
        let parameters = theta.map { exp($0) }
        let covariance = (0..<n).map { i in
            (0..<n).map { j in parameters[i] * 0.5 * (inverse[i * n + j] + inverse[j * n + i]) * parameters[j]
            }
        }
        let errors = (0..<n).map { parameters[$0] * logErrors[$0] }
        return .success(
            LogParameterEstimate(parameters: parameters, standardErrors: errors, covariance: covariance))
    }

    /// For a fit that stopped early: the coordinate that ran off (|θ| > 18, a parameter beyond
    /// e^±18 ≈ 6.6e7 or 1.5e-8, where likelihoods of these models only get there on a plateau), or
    /// nil when the optimizer simply ran out of steps.
    static func runaway(theta: [Double], hessian: [Double]) -> Int? {
        guard let farthest = theta.indices.max(by: { abs(theta[$0]) < abs(theta[$1]) }),
            abs(theta[farthest]) > 18
        else { return nil }
        if case .failure(let failure) = make(theta: theta, hessian: hessian) { return failure.index }
        return farthest
    }

    struct IndexError: Error {
        var index: Int
        init(_ index: Int) { self.index = index }
    }
}

/// Turns the log-likelihood with its gradient and Hessian in the original parameters into the
/// objective the optimizer minimises: the negative log-likelihood as a function of θ = ln(params).
/// Chain rule: ∂/∂θᵢ = pᵢ ∂/∂pᵢ and ∂²/∂θᵢ∂θⱼ = pᵢ pⱼ ∂²/∂pᵢ∂pⱼ + δᵢⱼ pᵢ ∂/∂pᵢ.
func negativeLogLikelihoodInLogSpace(
    theta: [Double], parameters: [Double], logLikelihood: Double, gradient: [Double], hessian: [Double]
) -> ObjectivePoint {
    let n = theta.count
    guard gradient.count == n, hessian.count == n * n else {
        return ObjectivePoint(theta: theta, value: -logLikelihood, gradient: [], hessian: [])
    }
    var logGradient = [Double](repeating: 0, count: n)
    var logHessian = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        logGradient[i] = -parameters[i] * gradient[i]
        for j in 0..<n {
            logHessian[i * n + j] = -parameters[i] * parameters[j] * hessian[i * n + j]
        }
        logHessian[i * n + i] -= parameters[i] * gradient[i]
    }
    return ObjectivePoint(theta: theta, value: -logLikelihood, gradient: logGradient, hessian: logHessian)
}
