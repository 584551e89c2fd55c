// Customer lifetime value from the two models, and the batch pipeline that fits both and scores
// every customer of a base.
import Foundation

/// How future purchases become a present value.
///
/// The method follows `lifetimes.customer_lifetime_value`: for months i = 1…n, the purchases
/// expected in month i, E[Y(i·Δ)] − E[Y((i−1)·Δ)], times the expected average spend and the margin,
/// discounted by (1 + d)^i. Δ is one month in the data's time unit. Unlike `lifetimes` (30 days or
/// 4.345 weeks) the month is an average calendar month, 365.25/12 days, so days and weeks agree.
public struct LifetimeValueOptions: Sendable, Hashable, Codable {
    /// Share of revenue that is profit; 1 (the default) values revenue.
    public var margin: Double
    /// Discount rate per month; 0.01 (the default, about 12.7 % a year) is `lifetimes`' default,
    /// a typical cost of capital for a small business.
    public var monthlyDiscountRate: Double
    /// Horizon in months; 12 by default.
    public var months: Int
    /// Length of a month in days.
    public var daysPerMonth: Double

    public init(
        margin: Double = 1, monthlyDiscountRate: Double = 0.01, months: Int = 12,
        daysPerMonth: Double = 365.25 / 12
    ) {
        self.margin = margin
        self.monthlyDiscountRate = monthlyDiscountRate
        self.months = months
        self.daysPerMonth = daysPerMonth
    }

    func validate() throws(ScoringError) {
        guard margin.isFinite else { throw .invalidOption(name: "margin", value: margin) }
        guard monthlyDiscountRate > -1, monthlyDiscountRate.isFinite else {
            throw .invalidOption(name: "monthlyDiscountRate", value: monthlyDiscountRate)
        }
        guard months >= 0, months <= 1200 else { throw .invalidOption(name: "months", value: Double(months)) }
        guard daysPerMonth > 0, daysPerMonth.isFinite else {
            throw .invalidOption(name: "daysPerMonth", value: daysPerMonth)
        }
    }

    /// Discount factors 1/(1+d)^i for i = 1…months.
    var discountFactors: [Double] {
        (0..<max(months, 0)).map { exp(-Double($0 + 1) * log1p(monthlyDiscountRate)) }
    }
}

/// Both fitted models together with their time unit: everything needed to value a customer.
public struct CustomerValueModel: Sendable, Hashable {
    public var purchases: BGNBDParameters
    public var spend: GammaGammaParameters
    public var unit: TimeUnit

    public init(purchases: BGNBDParameters, spend: GammaGammaParameters, unit: TimeUnit) {
        self.purchases = purchases
        self.spend = spend
        self.unit = unit
    }

    /// Discounted expected value of the customer's purchases over the horizon (see
    /// `LifetimeValueOptions`), in the currency unit of the spends. Throws when the expected spend is
    /// unbounded (Gamma-Gamma q ≤ 1) or an option is out of range.
    public func lifetimeValue(
        history: PurchaseHistory, spend spendHistory: SpendHistory,
        options: LifetimeValueOptions = LifetimeValueOptions()
    ) throws(ScoringError) -> Double {
        try options.validate()
        let averageSpend = try spend.expectedAverageSpend(spendHistory)
        let discounted = try purchases.discountedPurchasesIfAlive(
            frequency: history.frequency, age: history.age, month: options.daysPerMonth / unit.lengthInDays,
            discountFactors: options.discountFactors
        ).discounted
        return purchases.probabilityAlive(history) * discounted * averageSpend * options.margin
    }
}

extension BGNBDParameters {
    /// For a customer known to be alive: Σᵢ (N(iΔ) − N((i−1)Δ))/(1+d)^i and N(nΔ), where N is
    /// `expectedPurchasesIfAlive`. Both depend on x and T only, so batch scoring shares them.
    func discountedPurchasesIfAlive(frequency: Int, age: Double, month: Double, discountFactors: [Double])
        throws(ScoringError) -> (discounted: Double, horizon: Double)
    {
        var previous = 0.0
        var discounted = 0.0
        for (index, factor) in discountFactors.enumerated() {
            let cumulative = try expectedPurchasesIfAlive(
                frequency: frequency, age: age, duration: Double(index + 1) * month)
            discounted += (cumulative - previous) * factor
            previous = cumulative
        }
        return (discounted, previous)
    }
}

/// One customer's scores from a fitted base.
public struct CustomerValueEstimate: Sendable, Hashable {
    /// P(alive at the as-of day).
    public var probabilityAlive: Double
    /// Expected purchases over the value horizon (`LifetimeValueOptions.months`).
    public var expectedPurchases: Double
    /// P(no purchase at all over the value horizon).
    public var probabilityNoPurchase: Double
    /// E[M | x, m]; nil when no spend model could be fitted or the customer's mean is unbounded (q ≤ 1).
    public var expectedAverageSpend: Double?
    /// Discounted value over the horizon; nil exactly when `expectedAverageSpend` is nil.
    public var lifetimeValue: Double?
}

/// Settings for `CustomerBaseAnalysis.analyze`.
public struct AnalysisOptions: Sendable, Hashable {
    public var fit: FitOptions
    public var lifetimeValue: LifetimeValueOptions

    public init(fit: FitOptions = FitOptions(), lifetimeValue: LifetimeValueOptions = LifetimeValueOptions())
    {
        self.fit = fit
        self.lifetimeValue = lifetimeValue
    }
}

/// Both models fitted to a whole base, and every customer scored: the entry point for the store,
/// the dashboard and benchmarks.
public struct CustomerBaseAnalysis: Sendable {
    public let unit: TimeUnit
    public let purchases: BGNBDFit
    /// The spend fit, or why there is none (for example `noRepeatPurchases`). Purchase predictions do
    /// not depend on it.
    public let spend: Result<GammaGammaFit, ScoringError>
    /// One estimate per input customer, in input order.
    public let customers: [CustomerValueEstimate]

    /// Fits BG/NBD and Gamma-Gamma and scores every customer. Histories that share x and T share the
    /// hypergeometric work, so scoring costs a few exponentials per customer.
    ///
    /// Throws what `BGNBDFit.fit` throws, `invalidHistory` for a summary in another time unit than
    /// the first, `invalidOption`, or `seriesDidNotConverge` for an absurd horizon. A failed spend fit
    /// is not an error: it is reported in `spend`, and spends and values are then nil.
    public static func analyze(summaries: [PurchaseSummary], options: AnalysisOptions = AnalysisOptions())
        throws(ScoringError) -> CustomerBaseAnalysis
    {
        guard let unit = summaries.first?.unit else { throw .emptyCustomerBase }
        if let mixed = summaries.firstIndex(where: { $0.unit != unit }) {
            throw .invalidHistory(model: .bgnbd, index: mixed)
        }
        return try analyze(
            histories: summaries.map(\.history), spends: summaries.map(\.spend), unit: unit, options: options)
    }

    /// As `analyze(summaries:)` for histories and spends given separately (same order and count).
    public static func analyze(
        histories: [PurchaseHistory], spends: [SpendHistory], unit: TimeUnit,
        options: AnalysisOptions = AnalysisOptions()
    ) throws(ScoringError) -> CustomerBaseAnalysis {
        try options.lifetimeValue.validate()
        guard spends.count == histories.count else {
            throw .invalidHistory(model: .gammaGamma, index: min(spends.count, histories.count))
        }
        // The two fits share nothing, so they run side by side (each groups a million
        // histories before it fits).
        let fitOptions = options.fit
        let (fitted, spend) = Parallel.both(
            { () -> Result<(BGNBDData, BGNBDFit), ScoringError> in
                Result { () throws(ScoringError) in
                    let data = try BGNBDData(histories: histories)
                    return (data, try BGNBDFit.fit(data, options: fitOptions))
                }
            },
            { () -> Result<GammaGammaFit, ScoringError> in
                Result { () throws(ScoringError) in
                    try GammaGammaFit.fit(GammaGammaData(spends: spends), options: fitOptions)
                }
            })
        let (data, purchases) = try fitted.get()
        let customers = try score(
            data: data, histories: histories, spends: spends, purchases: purchases.parameters,
            spend: try? spend.get().parameters, unit: unit, options: options.lifetimeValue)
        return CustomerBaseAnalysis(unit: unit, purchases: purchases, spend: spend, customers: customers)
    }

    /// Scores customers with given parameters; `data` must have been built from `histories`.
    static func score(
        data: BGNBDData, histories: [PurchaseHistory], spends: [SpendHistory], purchases: BGNBDParameters,
        spend: GammaGammaParameters?, unit: TimeUnit, options: LifetimeValueOptions
    ) throws(ScoringError) -> [CustomerValueEstimate] {
        let month = options.daysPerMonth / unit.lengthInDays
        let factors = options.discountFactors
        let horizon = Double(options.months) * month

        // Work that depends on (x, T) only: the discounted and cumulative alive-case expectations.
        // Zero groups are keyed by their age slot; repeat groups by (frequency slot, age slot).
        var zeroValues: [(discounted: Double, horizon: Double)] = []
        zeroValues.reserveCapacity(data.zeroGroupWeight.count)
        for g in data.zeroGroupWeight.indices {
            zeroValues.append(
                try purchases.discountedPurchasesIfAlive(
                    frequency: 0, age: data.ages[Int(data.zeroGroupAge[g])], month: month,
                    discountFactors: factors))
        }
        var pairIndex: [Int64: Int32] = [:]
        var pairValues: [(discounted: Double, horizon: Double)] = []
        var groupPair = [Int32](repeating: 0, count: data.groupWeight.count)
        for g in data.groupWeight.indices {
            let frequencySlot = Int64(data.groupFrequency[g])
            let ageSlot = Int64(data.groupAge[g])
            let key = frequencySlot << 32 | ageSlot
            if let known = pairIndex[key] {
                groupPair[g] = known
                continue
            }
            let slot = Int32(pairValues.count)
            pairIndex[key] = slot
            groupPair[g] = slot
            pairValues.append(
                try purchases.discountedPurchasesIfAlive(
                    frequency: Int(data.frequencies[Int(frequencySlot)]), age: data.ages[Int(ageSlot)],
                    month: month, discountFactors: factors))
        }

        var estimates: [CustomerValueEstimate] = []
        estimates.reserveCapacity(histories.count)
        for (index, history) in histories.enumerated() {
            let group = Int(data.membership[index])
            let values = group >= 0 ? pairValues[Int(groupPair[group])] : zeroValues[-group - 1]
            let logAlive = -log1pExp(purchases.logDropoutOdds(history))
            let alive = exp(logAlive)
            let expected = values.horizon > 0 ? exp(logAlive + log(values.horizon)) : 0
            let n = purchases.r + Double(history.frequency)
            let buysIfAlive = -expm1(-n * log1p(horizon / (purchases.alpha + history.age)))
            let averageSpend = spend.flatMap { parameters in
                try? parameters.expectedAverageSpend(spends[index])
            }
            let value = averageSpend.map { alive * values.discounted * $0 * options.margin }
            estimates.append(
                CustomerValueEstimate(
                    probabilityAlive: alive, expectedPurchases: expected,
                    probabilityNoPurchase: 1 - alive * buysIfAlive, expectedAverageSpend: averageSpend,
                    lifetimeValue: value))
        }
        return estimates
    }
}
