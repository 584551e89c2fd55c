// Maximum-likelihood fit of BG/NBD over a whole customer base.
//
// Cost is driven by distinct histories, not customers: customers with the same (x, t_x, T) are one
// weighted group, and everything that depends only on x (the Gamma and Beta functions and their
// derivatives) is computed once per distinct x. Per group and evaluation only one exp and one
// log1p remain, because ln(α+T) and ln(α+t_x) come from tables of the distinct ages and recencies.
import Foundation

/// A customer base prepared for BG/NBD: histories grouped by identical (x, t_x, T) and weighted by
/// how many customers share them. Build it once; fitting and batch prediction both use it.
public struct BGNBDData: Sendable {
    /// Total weight: the number of customers for unweighted input.
    public let customerCount: Double
    /// Weight of the customers with at least one repeat purchase.
    public let repeatCustomerCount: Double
    /// Number of distinct (x, t_x, T) groups the likelihood is evaluated over.
    public var distinctHistories: Int { zeroGroupWeight.count + groupWeight.count }

    /// Distinct x ≥ 1 and the total weight of each.
    let frequencies: [Double]
    let frequencyWeights: [Double]
    /// Distinct values of T and t_x, so their logarithms are computed once per evaluation.
    let ages: [Double]
    let recencies: [Double]
    /// Groups with x = 0 (then t_x = 0): index into `ages`, and weight.
    let zeroGroupAge: [Int32]
    let zeroGroupWeight: [Double]
    /// Groups with x ≥ 1: indices into `frequencies`, `recencies` and `ages`, and weight.
    let groupFrequency: [Int32]
    let groupRecency: [Int32]
    let groupAge: [Int32]
    let groupWeight: [Double]
    /// Σ weight·x and Σ weight·T, for a data-scaled starting point.
    let weightedFrequency: Double
    let weightedAge: Double
    /// For each input history in order, its group: i ≥ 0 is repeat group i, i < 0 is zero group −i−1.
    let membership: [Int32]

    /// Groups unweighted histories (one per customer). Throws `invalidHistory` for a history that
    /// cannot come from purchases (see `PurchaseHistory.isValid`).
    public init(histories: [PurchaseHistory]) throws(ScoringError) {
        var builder = GroupBuilder(expectedCount: histories.count)
        var index = 0
        for history in histories {
            guard builder.add(history, weight: 1) else { throw .invalidHistory(model: .bgnbd, index: index) }
            index += 1
        }
        self.init(builder)
    }

    /// Groups histories that carry a weight (a count of identical customers, or a sampling weight).
    public init(weightedHistories: [(history: PurchaseHistory, weight: Double)])
        throws(ScoringError)
    {
        var builder = GroupBuilder(expectedCount: weightedHistories.count)
        var index = 0
        for entry in weightedHistories {
            guard builder.add(entry.history, weight: entry.weight) else {
                throw .invalidHistory(model: .bgnbd, index: index)
            }
            index += 1
        }
        self.init(builder)
    }

    private init(_ builder: GroupBuilder) {
        customerCount = builder.zeroGroupWeight.reduce(0, +) + builder.groupWeight.reduce(0, +)
        repeatCustomerCount = builder.groupWeight.reduce(0, +)
        frequencies = builder.frequencies
        frequencyWeights = builder.frequencyWeights
        ages = builder.ages
        recencies = builder.recencies
        zeroGroupAge = builder.zeroGroupAge
        zeroGroupWeight = builder.zeroGroupWeight
        groupFrequency = builder.groupFrequency
        groupRecency = builder.groupRecency
        groupAge = builder.groupAge
        groupWeight = builder.groupWeight
        weightedFrequency = builder.weightedFrequency
        weightedAge = builder.weightedAge
        membership = builder.membership
    }

    /// Total log-likelihood Σ weight · LL(x, t_x, T) at `parameters`, in the data's time unit.
    public func logLikelihood(_ parameters: BGNBDParameters) -> Double {
        evaluate(parameters, derivatives: false).value
    }

    /// Analytic gradient of the total log-likelihood with respect to (ln r, ln α, ln a, ln b).
    public func logLikelihoodGradient(_ parameters: BGNBDParameters) -> [Double] {
        let raw = evaluate(parameters, derivatives: true)
        let values = [parameters.r, parameters.alpha, parameters.a, parameters.b]
        return (0..<4).map { values[$0] * raw.gradient[$0] }
    }

    /// Total log-likelihood with its analytic gradient and Hessian (row-major) in the original
    /// parameters (r, α, a, b). Derivation, with n = r+x and the per-customer likelihood
    /// A(x) + ln(e^u₁ + δ e^u₂), u₁ = −n ln(α+T), u₂ = ln a − ln(b+x−1) − n ln(α+t_x):
    /// A's derivatives are digamma and trigamma differences; for the log-sum-exp with
    /// s = e^u₂/(e^u₁+e^u₂) and e = ∇u₂ − ∇u₁, ∇ = ∇u₁ + s·e and ∇² = (1−s)∇²u₁ + s∇²u₂ + s(1−s)·e eᵀ.
    func evaluate(_ parameters: BGNBDParameters, derivatives: Bool)
        -> (value: Double, gradient: [Double], hessian: [Double])
    {
        let r = parameters.r
        let alpha = parameters.alpha
        let a = parameters.a
        let b = parameters.b
        let logAlpha = log(alpha)
        let total = customerCount
        let repeaters = repeatCustomerCount

        // Terms every customer shares: r ln α.
        var value = total * r * logAlpha
        var gr = total * logAlpha
        var gAlpha = total * r / alpha
        var ga = 0.0
        var gb = 0.0
        var hrr = 0.0
        var hrAlpha = total / alpha
        var hAlphaAlpha = -total * r / (alpha * alpha)
        var haa = 0.0
        var hab = 0.0
        var hbb = 0.0
        var hra = 0.0
        var hrb = 0.0
        var hAlphaA = 0.0
        var hAlphaB = 0.0

        // ln Γ(r+x)/Γ(r) + ln B(a, b+x)/B(a, b) vanish for x = 0; for repeat buyers split into the
        // parts constant in x and one set of special functions per distinct x.
        let logBShift = [Double](unsafeUninitializedCapacity: frequencies.count) { buffer, count in
            for j in frequencies.indices { buffer[j] = log(b + frequencies[j] - 1) }
            count = frequencies.count
        }
        if repeaters > 0 {
            value += repeaters * (logGamma(a + b) - logGamma(b) - logGamma(r))
            if derivatives {
                let psiAB = digamma(a + b)
                let triAB = trigamma(a + b)
                gr -= repeaters * digamma(r)
                ga += repeaters * psiAB
                gb += repeaters * (psiAB - digamma(b))
                hrr -= repeaters * trigamma(r)
                haa += repeaters * triAB
                hab += repeaters * triAB
                hbb += repeaters * (triAB - trigamma(b))
            }
            for j in frequencies.indices {
                let x = frequencies[j]
                let w = frequencyWeights[j]
                value += w * (logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x))
                guard derivatives else { continue }
                let psiABX = digamma(a + b + x)
                let triABX = trigamma(a + b + x)
                gr += w * digamma(r + x)
                ga -= w * psiABX
                gb += w * (digamma(b + x) - psiABX)
                hrr += w * trigamma(r + x)
                haa -= w * triABX
                hab -= w * triABX
                hbb += w * (trigamma(b + x) - triABX)
            }
        }

        let logAge = ages.map { log(alpha + $0) }
        let logRecency = recencies.map { log(alpha + $0) }

        // x = 0: only u₁ = −r ln(α+T).
        var zeroLogSum = 0.0
        var zeroInvSum = 0.0
        var zeroInvSquareSum = 0.0
        for g in zeroGroupWeight.indices {
            let age = Int(zeroGroupAge[g])
            let w = zeroGroupWeight[g]
            zeroLogSum += w * logAge[age]
            if derivatives {
                let inverse = 1 / (alpha + ages[age])
                zeroInvSum += w * inverse
                zeroInvSquareSum += w * inverse * inverse
            }
        }
        value -= r * zeroLogSum
        gr -= zeroLogSum
        gAlpha -= r * zeroInvSum
        hrAlpha -= zeroInvSum
        hAlphaAlpha += r * zeroInvSquareSum

        // x ≥ 1: log-sum-exp of the alive and the left-after-t_x terms.
        let logA = log(a)
        let inverseA = 1 / a
        for g in groupWeight.indices {
            let j = Int(groupFrequency[g])
            let ageIndex = Int(groupAge[g])
            let recencyIndex = Int(groupRecency[g])
            let w = groupWeight[g]
            let n = r + frequencies[j]
            let lAge = logAge[ageIndex]
            let lRecency = logRecency[recencyIndex]
            let u1 = -n * lAge
            let u2 = logA - logBShift[j] - n * lRecency
            let d = u2 - u1
            let q = exp(-abs(d))
            value += w * (max(u1, u2) + log1p(q))
            guard derivatives else { continue }
            let s = d > 0 ? 1 / (1 + q) : q / (1 + q)
            let iAge = 1 / (alpha + ages[ageIndex])
            let iRecency = 1 / (alpha + recencies[recencyIndex])
            let iB = 1 / (b + frequencies[j] - 1)
            // e = ∇u₂ − ∇u₁ (u₁ has no a, b terms).
            let er = lAge - lRecency
            let eAlpha = n * (iAge - iRecency)
            let ea = inverseA
            let eb = -iB
            let ws = w * s
            let wss = ws * (1 - s)
            gr += -w * lAge + ws * er
            gAlpha += -w * n * iAge + ws * eAlpha
            ga += ws * ea
            gb += ws * eb
            hrr += wss * er * er
            hrAlpha += -w * ((1 - s) * iAge + s * iRecency) + wss * er * eAlpha
            hAlphaAlpha += w * n * ((1 - s) * iAge * iAge + s * iRecency * iRecency) + wss * eAlpha * eAlpha
            haa += -ws * inverseA * inverseA + wss * ea * ea
            hab += wss * ea * eb
            hbb += ws * iB * iB + wss * eb * eb
            hra += wss * er * ea
            hrb += wss * er * eb
            hAlphaA += wss * eAlpha * ea
            hAlphaB += wss * eAlpha * eb
        }
        guard derivatives else { return (value, [], []) }
        let hessian = [
            hrr, hrAlpha, hra, hrb,
            hrAlpha, hAlphaAlpha, hAlphaA, hAlphaB,
            hra, hAlphaA, haa, hab,
            hrb, hAlphaB, hab, hbb,
        ]
        return (value, [gr, gAlpha, ga, gb], hessian)
    }
}

/// Collects histories into groups in order of first appearance, so the grouping, and with it every
/// floating-point sum, is the same on every run (Dictionary iteration order is not).
private struct GroupBuilder {
    struct Key: Hashable {
        var frequency: Int
        var recency: UInt64
        var age: UInt64

        /// One pre-mixed word instead of three: grouping a million customers is hashing-bound.
        func hash(into hasher: inout Hasher) {
            hasher.combine(
                UInt64(bitPattern: Int64(frequency)) &* 0x9E37_79B9_7F4A_7C15 ^ recency
                    &* 0xC2B2_AE3D_27D4_EB4F ^ age)
        }
    }

    var groupIndex: [Key: Int32] = [:]
    var frequencyIndex: [Int: Int32] = [:]
    var ageIndex: [UInt64: Int32] = [:]
    var recencyIndex: [UInt64: Int32] = [:]
    var frequencies: [Double] = []
    var frequencyWeights: [Double] = []
    var ages: [Double] = []
    var recencies: [Double] = []
    var zeroGroupAge: [Int32] = []
    var zeroGroupWeight: [Double] = []
    var groupFrequency: [Int32] = []
    var groupRecency: [Int32] = []
    var groupAge: [Int32] = []
    var groupWeight: [Double] = []
    var weightedFrequency = 0.0
    var weightedAge = 0.0
    var membership: [Int32] = []

    /// Reserves room for `expectedCount` customers, so big bases do not rehash while growing.
    init(expectedCount: Int) {
        membership.reserveCapacity(expectedCount)
        groupIndex.reserveCapacity(expectedCount / 2)
    }

    /// False when the history or weight is unusable.
    mutating func add(_ history: PurchaseHistory, weight: Double) -> Bool {
        guard history.isValid, weight > 0, weight.isFinite, history.frequency < Int(Int32.max) else {
            return false
        }
        // + 0 turns −0.0 into 0.0, so both land in one group.
        let recency = history.recency + 0
        let age = history.age + 0
        let key = Key(frequency: history.frequency, recency: recency.bitPattern, age: age.bitPattern)
        weightedFrequency += weight * Double(history.frequency)
        weightedAge += weight * age
        if let existing = groupIndex[key] {
            membership.append(existing)
            if existing >= 0 {
                groupWeight[Int(existing)] += weight
                frequencyWeights[Int(groupFrequency[Int(existing)])] += weight
            } else {
                zeroGroupWeight[Int(-existing - 1)] += weight
            }
            return true
        }
        let ageSlot = Self.slot(of: age, in: &ageIndex, values: &ages)
        let index: Int32
        if history.frequency == 0 {
            zeroGroupAge.append(ageSlot)
            zeroGroupWeight.append(weight)
            index = -Int32(zeroGroupWeight.count)
        } else {
            let frequencySlot: Int32
            if let known = frequencyIndex[history.frequency] {
                frequencySlot = known
                frequencyWeights[Int(known)] += weight
            } else {
                frequencySlot = Int32(frequencies.count)
                frequencyIndex[history.frequency] = frequencySlot
                frequencies.append(Double(history.frequency))
                frequencyWeights.append(weight)
            }
            groupFrequency.append(frequencySlot)
            groupRecency.append(Self.slot(of: recency, in: &recencyIndex, values: &recencies))
            groupAge.append(ageSlot)
            groupWeight.append(weight)
            index = Int32(groupWeight.count - 1)
        }
        groupIndex[key] = index
        membership.append(index)
        return true
    }

    private static func slot(of value: Double, in index: inout [UInt64: Int32], values: inout [Double])
        -> Int32
    {
        if let known = index[value.bitPattern] { return known }
        let slot = Int32(values.count)
        index[value.bitPattern] = slot
        values.append(value)
        return slot
    }
}

/// A fitted BG/NBD model with its uncertainty.
public struct BGNBDFit: Sendable {
    /// Maximum-likelihood estimates.
    public let parameters: BGNBDParameters
    /// Standard errors of the estimates, from the inverse of the analytic Hessian of the total
    /// negative log-likelihood at the optimum (delta method from the log-parameters).
    public let standardErrors: BGNBDParameters
    /// Covariance of (r, α, a, b), same source as the standard errors.
    public let covariance: [[Double]]
    /// Total log-likelihood at the estimate, summed over customers, in the data's time unit.
    public let logLikelihood: Double
    /// Number (total weight) of customers fitted.
    public let customerCount: Double
    /// Number of distinct (x, t_x, T) groups the likelihood was evaluated over.
    public let distinctHistories: Int
    /// Newton iterations used.
    public let iterations: Int
    /// Largest gradient component (log-parameters) over max(1, |log-likelihood|) at the estimate.
    public let relativeGradient: Double

    /// Fits by maximum likelihood over the whole base, with the damped Newton method of
    /// Optimizer.swift on (ln r, ln α, ln a, ln b). Deterministic: same data, same bits.
    ///
    /// Throws `emptyCustomerBase`, `tooFewCustomers` (fewer than 2), `noRepeatPurchases` (nothing to
    /// learn dropout from), `notIdentifiable` (the optimum lies at a parameter of 0 or infinity, for
    /// example when every customer bought on the as-of day) or `didNotConverge`.
    public static func fit(
        _ data: BGNBDData, options: FitOptions = FitOptions(), start: BGNBDParameters? = nil
    ) throws(ScoringError) -> BGNBDFit {
        guard data.customerCount > 0 else { throw .emptyCustomerBase }
        guard data.customerCount >= 2 else {
            throw .tooFewCustomers(model: .bgnbd, count: data.customerCount, minimum: 2)
        }
        guard data.repeatCustomerCount > 0 else { throw .noRepeatPurchases(model: .bgnbd) }
        // r = 1 with α from the base's overall purchase rate Σx/ΣT; a = b = 1 (uniform dropout).
        let initial =
            start ?? BGNBDParameters(r: 1, alpha: data.weightedAge / data.weightedFrequency, a: 1, b: 1)
        try initial.validate()
        let names = ["r", "alpha", "a", "b"]
        let outcome = minimizeNewton(
            start: [initial.r, initial.alpha, initial.a, initial.b].map { log($0) }, options: options
        ) { theta, derivatives in
            let values = theta.map { exp($0) }
            let parameters = BGNBDParameters(r: values[0], alpha: values[1], a: values[2], b: values[3])
            let raw = data.evaluate(parameters, derivatives: derivatives)
            return negativeLogLikelihoodInLogSpace(
                theta: theta, parameters: values, logLikelihood: raw.value, gradient: raw.gradient,
                hessian: raw.hessian)
        }
        switch outcome {
        case .converged(let point, let iterations):
            switch LogParameterEstimate.make(theta: point.theta, hessian: point.hessian) {
            case .failure(let failure):
                throw .notIdentifiable(model: .bgnbd, parameter: names[failure.index])
            case .success(let estimate):
                let p = estimate.parameters
                let e = estimate.standardErrors
                return BGNBDFit(
                    parameters: BGNBDParameters(r: p[0], alpha: p[1], a: p[2], b: p[3]),
                    standardErrors: BGNBDParameters(r: e[0], alpha: e[1], a: e[2], b: e[3]),
                    covariance: estimate.covariance, logLikelihood: -point.value,
                    customerCount: data.customerCount, distinctHistories: data.distinctHistories,
                    iterations: iterations,
                    relativeGradient: maxAbs(point.gradient) / max(1, abs(point.value)))
            }
        case .diverged(let coordinate):
            throw .notIdentifiable(model: .bgnbd, parameter: names[coordinate])
        case .stalled(let point, let iterations, let relativeGradient):
            // Stuck far out on a plateau towards 0 or infinity is a property of the data, not of
            // the optimizer: say which parameter the data do not determine.
            if let loose = LogParameterEstimate.runaway(theta: point.theta, hessian: point.hessian) {
                throw .notIdentifiable(model: .bgnbd, parameter: names[loose])
            }
            throw .didNotConverge(model: .bgnbd, iterations: iterations, relativeGradient: relativeGradient)
        case .nonFinite:
            throw .didNotConverge(model: .bgnbd, iterations: 0, relativeGradient: .infinity)
        }
    }

    /// Convenience: groups unweighted histories and fits.
    public static func fit(
        _ histories: [PurchaseHistory], options: FitOptions = FitOptions()
    ) throws(ScoringError) -> BGNBDFit {
        try fit(BGNBDData(histories: histories), options: options)
    }
}
