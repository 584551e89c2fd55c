import Foundation

/// How to score: the as-of day, the model's time unit, the judgement settings and the action rules.
public struct ScoringRequest: Sendable {
    public var asOf: CalendarDay
    public var timeUnit: TimeUnit
    public var settings: ModelSettings
    public var rules: ActionRuleSet

    public init(
        asOf: CalendarDay, timeUnit: TimeUnit = .weeks, settings: ModelSettings = ModelSettings(),
        rules: ActionRuleSet
    ) {
        self.asOf = asOf
        self.timeUnit = timeUnit
        self.settings = settings
        self.rules = rules
    }

    var lifetimeValueOptions: LifetimeValueOptions {
        LifetimeValueOptions(
            margin: settings.margin, monthlyDiscountRate: settings.monthlyDiscountRate,
            months: settings.clvHorizonMonths)
    }
}

/// Scores a whole customer base (fits the population models, then every customer), or one
/// customer against a stored population model. Never throws for a small or odd base: what
/// cannot be fitted is listed in `PopulationModel.problems` and the affected numbers are nil.
public enum CustomerBaseScoring {
    /// `summaries[i]` is the purchase summary of `facts[i]` (nil without purchases).
    /// `workers` bounds how many threads judge customers (the tests compare 1 with the default).
    public static func scoreAll(
        facts: [CustomerFacts], summaries: [PurchaseSummary?], request: ScoringRequest,
        workers: Int = Parallel.defaultWorkers
    )
        -> (model: PopulationModel, scores: [CustomerScore])
    {
        let judgement = prepare(facts: facts, summaries: summaries, request: request)
        return (
            judgement.model, Parallel.map(count: judgement.count, workers: workers) { judgement.score($0) }
        )
    }

    /// Everything a whole-base scoring decides for the population (the fits, RFM boundaries,
    /// values and tiers), leaving only the per-customer judging, which the caller may run where
    /// and when it likes (the store judges batch k + 1 while it inserts batch k).
    public static func prepare(facts: [CustomerFacts], summaries: [PurchaseSummary?], request: ScoringRequest)
        -> BaseJudgement
    {
        let settings = request.settings
        var problems: [String] = []
        let buyerIndices = summaries.indices.filter { summaries[$0] != nil }
        let buyerSummaries = buyerIndices.compactMap { summaries[$0] }

        // The fits and what only needs the facts (RFM boundaries, the usual gap, where each
        // customer sits) run side by side.
        let options = AnalysisOptions(lifetimeValue: request.lifetimeValueOptions)
        let (analysed, population) = Parallel.both(
            {
                Result { () throws(ScoringError) in
                    try CustomerBaseAnalysis.analyze(summaries: buyerSummaries, options: options)
                }
            },
            { () -> (rfm: RFMBoundaries?, gap: Double?, positions: [Int64: Int]) in
                let purchaseFacts = facts.compactMap(\.purchases)
                let gaps = purchaseFacts.compactMap { purchases -> Double? in
                    guard purchases.purchaseDays > 1 else { return nil }
                    return Double(purchases.firstDay.days(until: purchases.lastDay))
                        / Double(purchases.purchaseDays - 1)
                }
                var positions: [Int64: Int] = [:]
                positions.reserveCapacity(facts.count)
                for (index, customer) in facts.enumerated() { positions[customer.customerID] = index }
                return (
                    RFMBoundaries(purchases: purchaseFacts, asOf: request.asOf),
                    gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count), positions
                )
            })

        var estimates = [CustomerValueEstimate?](repeating: nil, count: facts.count)
        var bgnbd: FittedBGNBD?
        var gammaGamma: FittedGammaGamma?
        do {
            let analysis = try analysed.get()
            bgnbd = FittedBGNBD(analysis.purchases)
            switch analysis.spend {
            case .success(let fit): gammaGamma = FittedGammaGamma(fit)
            case .failure(let error): problems.append("Gamma-Gamma: " + error.english)
            }
            if let fitted = gammaGamma, !fitted.meanDefined {
                problems.append(
                    "Gamma-Gamma: q = \(fitted.parameters.q) ≤ 1, so the mean spend is undefined; no CLV")
            }
            for (position, index) in buyerIndices.enumerated() {
                estimates[index] = analysis.customers[position]
            }
        } catch {
            let repeatBuyers = buyerSummaries.reduce(0) { $0 + ($1.frequency > 0 ? 1 : 0) }
            problems.append(error.bgnbdNote(buyers: buyerSummaries.count, repeatBuyers: repeatBuyers))
        }
        let rfm = population.rfm
        let populationGap = population.gap
        let positionOf = population.positions

        // Direct value first, then credit for referred customers, then the tier thresholds.
        var direct = [Int64](repeating: 0, count: facts.count)
        var clvs = [Int64?](repeating: nil, count: facts.count)
        for index in facts.indices {
            let clv = estimates[index]?.lifetimeValue.map { Int64(max(0, $0).rounded()) }
            clvs[index] = clv
            direct[index] =
                (clv ?? 0) + contractValue(facts[index].contracts, asOf: request.asOf, settings: settings)
        }
        let values = facts.indices.map { index in
            let referredCLVs = facts[index].referredCustomers.map { positionOf[$0].flatMap { clvs[$0] } ?? 0 }
            return direct[index] + referralCredit(referredCLVs, settings: settings)
        }
        let (tierA, tierB) = tierThresholds(values, settings: settings)

        let model = PopulationModel(
            version: PopulationModel.currentVersion, asOf: request.asOf, timeUnit: request.timeUnit,
            customers: facts.count, buyers: buyerSummaries.count, bgnbd: bgnbd, gammaGamma: gammaGamma,
            problems: problems, rfm: rfm, populationGapDays: populationGap, tierAMinor: tierA,
            tierBMinor: tierB,
            settings: settings)
        return BaseJudgement(
            model: model, facts: facts, summaries: summaries, estimates: estimates, clvs: clvs,
            values: values,
            rules: request.rules)
    }

    /// Rescores one customer with the stored population model (after a logged interaction or order).
    /// `referredCLVsMinor` are the stored CLVs of the customers they referred.
    public static func scoreOne(
        _ facts: CustomerFacts, summary: PurchaseSummary?, model: PopulationModel, rules: ActionRuleSet,
        referredCLVsMinor: [Int64] = []
    ) -> CustomerScore {
        var estimate: CustomerValueEstimate?
        if let summary, let fitted = model.bgnbd {
            let history = summary.history
            let options = LifetimeValueOptions(
                margin: model.settings.margin, monthlyDiscountRate: model.settings.monthlyDiscountRate,
                months: model.settings.clvHorizonMonths)
            let horizon = Double(options.months) * options.daysPerMonth / model.timeUnit.lengthInDays
            let spend = model.gammaGamma.flatMap { fitted -> Double? in
                guard fitted.meanDefined else { return nil }
                return try? fitted.parameters.expectedAverageSpend(summary.spend)
            }
            let valueModel = model.gammaGamma.map {
                CustomerValueModel(purchases: fitted.parameters, spend: $0.parameters, unit: model.timeUnit)
            }
            estimate = CustomerValueEstimate(
                probabilityAlive: fitted.parameters.probabilityAlive(history),
                expectedPurchases: (try? fitted.parameters.expectedPurchases(in: horizon, given: history))
                    ?? 0,
                probabilityNoPurchase: fitted.parameters.probabilityNoPurchase(in: horizon, given: history),
                expectedAverageSpend: spend,
                lifetimeValue: spend == nil
                    ? nil
                    : try? valueModel?.lifetimeValue(history: history, spend: summary.spend, options: options)
            )
        }
        let clv = estimate?.lifetimeValue.map { Int64(max(0, $0).rounded()) }
        let direct = (clv ?? 0) + contractValue(facts.contracts, asOf: model.asOf, settings: model.settings)
        let credit = referralCredit(referredCLVsMinor, settings: model.settings)
        return judge(
            facts, summary: summary, estimate: estimate, clvMinor: clv, valueMinor: direct + credit,
            model: model,
            rules: rules)
    }

    /// Everything that depends on one customer once the numbers are known.
    static func judge(
        _ facts: CustomerFacts, summary: PurchaseSummary?, estimate: CustomerValueEstimate?, clvMinor: Int64?,
        valueMinor: Int64, model: PopulationModel, rules: ActionRuleSet
    ) -> CustomerScore {
        let asOf = model.asOf
        let rfmScore = facts.purchases.flatMap { purchases in model.rfm?.score(purchases, asOf: asOf) }
        let segment =
            rfmScore.map { $0.segment(isSinglePurchase: (facts.purchases?.purchaseDays ?? 0) <= 1) }
            ?? .prospect
        let assessment = ChurnRisk.assess(
            facts, asOf: asOf, probabilityAlive: estimate?.probabilityAlive,
            populationGapDays: model.populationGapDays,
            settings: model.settings)
        let tier: ValueTier =
            valueMinor > 0 && valueMinor >= model.tierAMinor
            ? .a : valueMinor > 0 && valueMinor >= model.tierBMinor ? .b : .c
        let context = ScoredContext(
            segment: segment, risk: assessment.risk, band: assessment.band, tier: tier,
            bindings: assessment.bindings)
        let actions = ActionEngine.suggest(for: facts, asOf: asOf, context: context, rules: rules)
        return CustomerScore(
            customerID: facts.customerID, rfm: rfmScore, segment: segment,
            repeatPurchases: summary?.frequency,
            probabilityAlive: estimate?.probabilityAlive, expectedPurchases: estimate?.expectedPurchases,
            expectedSpendMinor: estimate?.expectedAverageSpend.map { Int64($0.rounded()) },
            clvMinor: clvMinor,
            valueMinor: valueMinor, risk: assessment.risk, band: assessment.band, tier: tier,
            valueAtStakeMinor: Int64((Double(valueMinor) * assessment.risk).rounded()),
            reasons: assessment.reasons,
            actions: actions, bindings: assessment.bindings, lastOrder: facts.purchases?.lastDay,
            lastTouch: facts.touchpoints.lastTouch)
    }

    /// Recurring contract revenue over the CLV horizon, discounted monthly: until the contract ends,
    /// or the whole horizon when it renews automatically.
    static func contractValue(_ contracts: [ContractFacts], asOf: CalendarDay, settings: ModelSettings)
        -> Int64
    {
        var total = 0.0
        for contract in contracts where contract.status != .expired && contract.monthlyValueMinor > 0 {
            let monthsLeft: Int
            if contract.status == .active && contract.autoRenews {
                monthsLeft = settings.clvHorizonMonths
            } else if let ends = contract.endsOn {
                monthsLeft = min(settings.clvHorizonMonths, max(0, asOf.days(until: ends)) * 12 / 365)
            } else {
                monthsLeft = settings.clvHorizonMonths
            }
            for month in 0..<monthsLeft {
                total +=
                    Double(contract.monthlyValueMinor)
                    / pow(1 + settings.monthlyDiscountRate, Double(month + 1))
            }
        }
        return Int64(total.rounded())
    }

    /// The indirect value of a customer: a share of the CLV of the customers they referred.
    static func referralCredit(_ referredCLVsMinor: [Int64], settings: ModelSettings) -> Int64 {
        Int64((Double(referredCLVsMinor.reduce(0, +)) * settings.referralCredit).rounded())
    }

    /// The smallest values still in tier A and in tier B: tier A holds the most valuable
    /// customers that together make `tierAShare` of the total value, A and B `tierABShare`.
    static func tierThresholds(_ values: [Int64], settings: ModelSettings) -> (a: Int64, b: Int64) {
        let sorted = values.filter { $0 > 0 }.sorted(by: >)
        let total = Double(sorted.reduce(0, +))
        guard total > 0 else { return (Int64.max, Int64.max) }
        var cumulative = 0.0
        var thresholdA = Int64.max
        var thresholdB = Int64.max
        for value in sorted {
            if cumulative < settings.tierAShare * total { thresholdA = value }
            if cumulative < settings.tierABShare * total { thresholdB = value } else { break }
            cumulative += Double(value)
        }
        return (thresholdA, thresholdB)
    }
}

/// A prepared whole-base scoring: the population model and what each customer's judgement needs.
/// Pure and immutable, so any thread may judge any customer.
public struct BaseJudgement: Sendable {
    public let model: PopulationModel
    let facts: [CustomerFacts]
    let summaries: [PurchaseSummary?]
    let estimates: [CustomerValueEstimate?]
    let clvs: [Int64?]
    let values: [Int64]
    let rules: ActionRuleSet

    /// How many customers there are to judge.
    public var count: Int { facts.count }

    /// The score of customer `index` (the order of the facts the scoring was prepared with).
    public func score(_ index: Int) -> CustomerScore {
        CustomerBaseScoring.judge(
            facts[index], summary: summaries[index], estimate: estimates[index], clvMinor: clvs[index],
            valueMinor: values[index], model: model, rules: rules)
    }
}
