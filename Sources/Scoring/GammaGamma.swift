// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; as in `lifetimes`): each
// purchase of a customer is Gamma(p, ν) with the customer's ν ~ Gamma(q, γ), independent of how
// often they buy. Only the mean m of the x repeat purchases is used, so only repeat buyers (x ≥ 1)
// carry information; everyone else gets the population mean.
import Foundation

/// What Gamma-Gamma sees of one customer.
public struct SpendHistory: Sendable, Hashable, Codable {
    /// x: number of repeat purchases.
    public var frequency: Int
    /// m: mean amount of the repeat purchases (any currency unit, used consistently).
    public var meanSpend: Double

    public init(frequency: Int, meanSpend: Double) {
        self.frequency = frequency
        self.meanSpend = meanSpend
    }

    /// True when the history informs the spend model: a repeat buyer with a positive, finite mean.
    /// (Repeat purchases that net to ≤ 0, e.g. through refunds, carry no usable spend signal.)
    public var carriesSpend: Bool {
        frequency >= 1 && meanSpend > 0 && meanSpend.isFinite
    }
}

/// The three Gamma-Gamma parameters; γ is in the currency unit of the spends.
public struct GammaGammaParameters: Sendable, Hashable, Codable {
    /// Shape of one purchase amount given the customer.
    public var p: Double
    /// Shape of the customer-level rate ν.
    public var q: Double
    /// Scale of the customer-level rate ν, in currency units.
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// Throws unless every parameter is positive and finite.
    public func validate() throws(ScoringError) {
        for (name, value) in [("p", p), ("q", q), ("gamma", gamma)] {
            guard value > 0, value.isFinite else { throw .invalidParameter(name: name, value: value) }
        }
    }

    /// One repeat buyer's log-likelihood of their mean spend m:
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
    /// Nil for a customer without spend information (x = 0 or m ≤ 0).
    public func logLikelihood(_ spend: SpendHistory) -> Double? {
        guard spend.carriesSpend else { return nil }
        let x = Double(spend.frequency)
        let m = spend.meanSpend
        let px = p * x
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * log(gamma) + (px - 1) * log(m)
            + px * log(x) - (px + q) * log(gamma + m * x)
    }

    /// E[M | x, m] = p(γ + x·m) / (px + q − 1): the posterior mean of the customer's average purchase.
    /// A customer without spend information (x = 0 or m ≤ 0) gets the population mean pγ/(q − 1).
    ///
    /// The posterior of ν is Gamma(px+q, γ+mx), and E[1/ν] is finite only when px + q > 1; otherwise
    /// (always when q ≤ 1 for the population mean) this throws `unboundedExpectedSpend` rather than
    /// return a negative or infinite amount.
    public func expectedAverageSpend(_ spend: SpendHistory) throws(ScoringError) -> Double {
        let informative = spend.carriesSpend
        let x = informative ? Double(spend.frequency) : 0
        let m = informative ? spend.meanSpend : 0
        let denominator = p * x + q - 1
        guard denominator > 0 else {
            throw .unboundedExpectedSpend(q: q, frequency: informative ? spend.frequency : 0)
        }
        return p * (gamma + x * m) / denominator
    }

    /// pγ/(q − 1): the mean purchase amount across the population; needs q > 1.
    public func populationMeanSpend() throws(ScoringError) -> Double {
        try expectedAverageSpend(SpendHistory(frequency: 0, meanSpend: 0))
    }
}

/// Repeat buyers' spends grouped by identical (x, m) with weights, ready for fitting.
public struct GammaGammaData: Sendable {
    /// Total weight of the customers that carry spend information.
    public let customerCount: Double
    /// Number of distinct (x, m) groups.
    public var distinctHistories: Int { groupWeight.count }
    /// How many input entries were skipped for carrying no spend information (x = 0 or m ≤ 0).
    public let skipped: Int

    let frequencies: [Double]
    let frequencyWeights: [Double]
    let groupFrequency: [Int32]
    let groupSpend: [Double]
    let groupWeight: [Double]
    /// Σ w ln m and Σ w x ln m: the parameter-free parts of (px − 1) ln m.
    let logSpendSum: Double
    let frequencyLogSpendSum: Double
    /// Σ w m, for a data-scaled start.
    let spendSum: Double

    /// Groups unweighted spend histories; entries without spend information are skipped (counted in
    /// `skipped`), because the model conditions on x ≥ 1 and m > 0.
    public init(spends: [SpendHistory]) throws(ScoringError) {
        try self.init(entries: spends.count) { (spends[$0], 1) }
    }

    /// Groups weighted spend histories. Throws `invalidHistory` for a weight that is not positive and
    /// finite, or a non-finite mean spend.
    public init(weightedSpends: [(spend: SpendHistory, weight: Double)]) throws(ScoringError) {
        try self.init(entries: weightedSpends.count) { weightedSpends[$0] }
    }

    private init(entries: Int, entry: (Int) -> (spend: SpendHistory, weight: Double)) throws(ScoringError) {
        var groupIndex: [SpendKey: Int] = [:]
        groupIndex.reserveCapacity(entries / 2)
        var frequencyIndex: [Int: Int32] = [:]
        var frequencies: [Double] = []
        var frequencyWeights: [Double] = []
        var groupFrequency: [Int32] = []
        var groupSpend: [Double] = []
        var groupWeight: [Double] = []
        var skipped = 0
        var logSpendSum = 0.0
        var frequencyLogSpendSum = 0.0
        var spendSum = 0.0
        var total = 0.0
        for index in 0..<entries {
            let (spend, weight) = entry(index)
            guard weight > 0, weight.isFinite, spend.meanSpend.isFinite, spend.frequency < Int(Int32.max)
            else { throw .invalidHistory(model: .gammaGamma, index: index) }
            guard spend.carriesSpend else {
                skipped += 1
                continue
            }
            let x = Double(spend.frequency)
            total += weight
            let logSpend = log(spend.meanSpend)
            logSpendSum += weight * logSpend
            frequencyLogSpendSum += weight * x * logSpend
            spendSum += weight * spend.meanSpend
            let slot: Int32
            if let known = frequencyIndex[spend.frequency] {
                slot = known
            } else {
                slot = Int32(frequencies.count)
                frequencyIndex[spend.frequency] = slot
                frequencies.append(x)
                frequencyWeights.append(0)
            }
            frequencyWeights[Int(slot)] += weight
            let key = SpendKey(frequency: spend.frequency, spend: spend.meanSpend.bitPattern)
            if let existing = groupIndex[key] {
                groupWeight[existing] += weight
            } else {
                groupIndex[key] = groupWeight.count
                groupFrequency.append(slot)
                groupSpend.append(spend.meanSpend)
                groupWeight.append(weight)
            }
        }
        self.customerCount = total
        self.skipped = skipped
        self.frequencies = frequencies
        self.frequencyWeights = frequencyWeights
        self.groupFrequency = groupFrequency
        self.groupSpend = groupSpend
        self.groupWeight = groupWeight
        self.logSpendSum = logSpendSum
        self.frequencyLogSpendSum = frequencyLogSpendSum
        self.spendSum = spendSum
    }

    /// Total log-likelihood over the repeat buyers at `parameters`.
    public func logLikelihood(_ parameters: GammaGammaParameters) -> Double {
        evaluate(parameters, derivatives: false).value
    }

    /// Analytic gradient of the total log-likelihood with respect to (ln p, ln q, ln γ).
    public func logLikelihoodGradient(_ parameters: GammaGammaParameters) -> [Double] {
        let raw = evaluate(parameters, derivatives: true)
        let values = [parameters.p, parameters.q, parameters.gamma]
        return (0..<3).map { values[$0] * raw.gradient[$0] }
    }

    /// Total log-likelihood with analytic gradient and Hessian (row-major) in (p, q, γ). Only
    /// ln(γ + m x) is evaluated per group; Gamma-function terms once per distinct x.
    func evaluate(_ parameters: GammaGammaParameters, derivatives: Bool)
        -> (value: Double, gradient: [Double], hessian: [Double])
    {
        let p = parameters.p
        let q = parameters.q
        let gamma = parameters.gamma
        let total = customerCount
        let logGammaScale = log(gamma)
        var value = total * (q * logGammaScale - logGamma(q)) + p * frequencyLogSpendSum - logSpendSum
        var gp = frequencyLogSpendSum
        var gq = total * logGammaScale
        var gGamma = total * q / gamma
        var hpp = 0.0
        var hpq = 0.0
        var hqq = 0.0
        var hpGamma = 0.0
        var hqGamma = total / gamma
        var hGammaGamma = -total * q / (gamma * gamma)
        if derivatives {
            gq -= total * digamma(q)
            hqq -= total * trigamma(q)
        }
        for j in frequencies.indices {
            let x = frequencies[j]
            let w = frequencyWeights[j]
            let px = p * x
            value += w * (logGamma(px + q) - logGamma(px) + px * log(x))
            guard derivatives else { continue }
            let psiSum = digamma(px + q)
            let triSum = trigamma(px + q)
            gp += w * x * (psiSum - digamma(px) + log(x))
            gq += w * psiSum
            hpp += w * x * x * (triSum - trigamma(px))
            hpq += w * x * triSum
            hqq += w * triSum
        }
        for g in groupWeight.indices {
            let x = frequencies[Int(groupFrequency[g])]
            let w = groupWeight[g]
            let shape = p * x + q
            let scale = gamma + groupSpend[g] * x
            let logScale = log(scale)
            value -= w * shape * logScale
            guard derivatives else { continue }
            let inverse = 1 / scale
            gp -= w * x * logScale
            gq -= w * logScale
            gGamma -= w * shape * inverse
            hpGamma -= w * x * inverse
            hqGamma -= w * inverse
            hGammaGamma += w * shape * inverse * inverse
        }
        guard derivatives else { return (value, [], []) }
        let hessian = [
            hpp, hpq, hpGamma,
            hpq, hqq, hqGamma,
            hpGamma, hqGamma, hGammaGamma,
        ]
        return (value, [gp, gq, gGamma], hessian)
    }
}

/// Grouping key of identical spend histories.
private struct SpendKey: Hashable {
    var frequency: Int
    var spend: UInt64
}

/// A fitted Gamma-Gamma model with its uncertainty.
public struct GammaGammaFit: Sendable {
    /// Maximum-likelihood estimates.
    public let parameters: GammaGammaParameters
    /// Standard errors from the inverse analytic Hessian of the total negative log-likelihood at the
    /// optimum (delta method from the log-parameters).
    public let standardErrors: GammaGammaParameters
    /// Covariance of (p, q, γ).
    public let covariance: [[Double]]
    /// Total log-likelihood at the estimate, summed over the repeat buyers.
    public let logLikelihood: Double
    /// Number (total weight) of repeat buyers fitted.
    public let customerCount: Double
    /// Number of distinct (x, m) groups.
    public let distinctHistories: Int
    /// Newton iterations used.
    public let iterations: Int
    /// Largest gradient component (log-parameters) over max(1, |log-likelihood|) at the estimate.
    public let relativeGradient: Double

    /// Fits by maximum likelihood with the damped Newton method on (ln p, ln q, ln γ).
    ///
    /// Throws `noRepeatPurchases` when no customer carries spend information, `tooFewCustomers`
    /// (fewer than 2 repeat buyers), `notIdentifiable` (e.g. every repeat buyer spent exactly the
    /// same: p runs to infinity) or `didNotConverge`. A fit with q ≤ 1 is returned as it is; the
    /// expected-spend functions then report `unboundedExpectedSpend` where the mean is infinite.
    public static func fit(
        _ data: GammaGammaData, options: FitOptions = FitOptions(), start: GammaGammaParameters? = nil
    ) throws(ScoringError) -> GammaGammaFit {
        guard data.customerCount > 0 else {
            if data.skipped == 0 { throw .emptyCustomerBase }
            throw .noRepeatPurchases(model: .gammaGamma)
        }
        guard data.customerCount >= 2 else {
            throw .tooFewCustomers(model: .gammaGamma, count: data.customerCount, minimum: 2)
        }
        // p = 1, q = 2 and γ = mean spend make the population mean pγ/(q−1) match the data.
        let initial = start ?? GammaGammaParameters(p: 1, q: 2, gamma: data.spendSum / data.customerCount)
        try initial.validate()
        let names = ["p", "q", "gamma"]
        let outcome = minimizeNewton(
            start: [initial.p, initial.q, initial.gamma].map { log($0) }, options: options
        ) { theta, derivatives in
            let values = theta.map { exp($0) }
            let parameters = GammaGammaParameters(p: values[0], q: values[1], gamma: values[2])
            let raw = data.evaluate(parameters, derivatives: derivatives)
            return negativeLogLikelihoodInLogSpace(
                theta: theta, parameters: values, logLikelihood: raw.value, gradient: raw.gradient,
                hessian: raw.hessian)
        }
        switch outcome {
        case .converged(let point, let iterations):
            switch LogParameterEstimate.make(theta: point.theta, hessian: point.hessian) {
            case .failure(let failure):
                throw .notIdentifiable(model: .gammaGamma, parameter: names[failure.index])
            case .success(let estimate):
                let p = estimate.parameters
                let e = estimate.standardErrors
                return GammaGammaFit(
                    parameters: GammaGammaParameters(p: p[0], q: p[1], gamma: p[2]),
                    standardErrors: GammaGammaParameters(p: e[0], q: e[1], gamma: e[2]),
                    covariance: estimate.covariance, logLikelihood: -point.value,
                    customerCount: data.customerCount, distinctHistories: data.distinctHistories,
                    iterations: iterations,
                    relativeGradient: maxAbs(point.gradient) / max(1, abs(point.value)))
            }
        case .diverged(let coordinate):
            throw .notIdentifiable(model: .gammaGamma, parameter: names[coordinate])
        case .stalled(let point, let iterations, let relativeGradient):
            // Stuck far out on a plateau towards 0 or infinity is a property of the data, not of
            // the optimizer: say which parameter the data do not determine.
            if let loose = LogParameterEstimate.runaway(theta: point.theta, hessian: point.hessian) {
                throw .notIdentifiable(model: .gammaGamma, parameter: names[loose])
            }
            throw .didNotConverge(
                model: .gammaGamma, iterations: iterations, relativeGradient: relativeGradient)
        case .nonFinite:
            throw .didNotConverge(model: .gammaGamma, iterations: 0, relativeGradient: .infinity)
        }
    }

    /// Convenience: groups unweighted spend histories and fits.
    public static func fit(
        _ spends: [SpendHistory], options: FitOptions = FitOptions()
    ) throws(ScoringError) -> GammaGammaFit {
        try fit(GammaGammaData(spends: spends), options: options)
    }
}
