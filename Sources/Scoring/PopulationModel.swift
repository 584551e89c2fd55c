/// What the whole-base scoring learned, stored with the scores so that one customer can be
/// rescored the moment something is logged, without refitting: fitted parameters with their
/// standard errors, RFM boundaries and the value thresholds of the tiers.
public struct PopulationModel: Sendable, Equatable, Codable {
    /// Bumped when the scoring changes meaning, so stored scores can be told apart.
    public static let currentVersion = "clientele-model-1"

    public var version: String
    public var asOf: CalendarDay
    public var timeUnit: TimeUnit
    /// Customers in the store, and customers with at least one purchase.
    public var customers: Int
    public var buyers: Int
    public var bgnbd: FittedBGNBD?
    public var gammaGamma: FittedGammaGamma?
    /// Why a model could not be fitted (too few customers, no repeat buyers, q ≤ 1 ...), in words.
    public var problems: [String]
    public var rfm: RFMBoundaries?
    /// Mean days between purchases across repeat buyers, for customers with no rhythm of their own.
    public var populationGapDays: Double?
    /// A value at or above `tierAMinor` is tier A; at or above `tierBMinor`, B; else C.
    public var tierAMinor: Int64
    public var tierBMinor: Int64
    public var settings: ModelSettings

    public init(
        version: String, asOf: CalendarDay, timeUnit: TimeUnit, customers: Int, buyers: Int,
        bgnbd: FittedBGNBD?, gammaGamma: FittedGammaGamma?, problems: [String], rfm: RFMBoundaries?,
        populationGapDays: Double?, tierAMinor: Int64, tierBMinor: Int64, settings: ModelSettings
    ) {
        self.version = version
        self.asOf = asOf
        self.timeUnit = timeUnit
        self.customers = customers
        self.buyers = buyers
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
        self.problems = problems
        self.rfm = rfm
        self.populationGapDays = populationGapDays
        self.tierAMinor = tierAMinor
        self.tierBMinor = tierBMinor
        self.settings = settings
    }
}

public struct FittedBGNBD: Sendable, Equatable, Codable {
    public var parameters: BGNBDParameters
    public var standardErrors: BGNBDParameters
    /// Total log-likelihood in the data's own time unit.
    public var logLikelihood: Double
    public var customers: Int
    public var distinctHistories: Int
    public var iterations: Int

    init(_ fit: BGNBDFit) {
        parameters = fit.parameters
        standardErrors = fit.standardErrors
        logLikelihood = fit.logLikelihood
        customers = Int(fit.customerCount)
        distinctHistories = fit.distinctHistories
        iterations = fit.iterations
    }
}

public struct FittedGammaGamma: Sendable, Equatable, Codable {
    public var parameters: GammaGammaParameters
    public var standardErrors: GammaGammaParameters
    public var logLikelihood: Double
    public var customers: Int
    public var iterations: Int
    /// False when q ≤ 1: the population mean spend is undefined, so spends and CLVs are not given.
    public var meanDefined: Bool

    init(_ fit: GammaGammaFit) {
        parameters = fit.parameters
        standardErrors = fit.standardErrors
        logLikelihood = fit.logLikelihood
        customers = Int(fit.customerCount)
        iterations = fit.iterations
        meanDefined = fit.parameters.q > 1
    }
}

/// The model's output for one customer: what the store keeps in `scores`.
public struct CustomerScore: Sendable, Equatable {
    public var customerID: Int64
    public var rfm: RFMScore?
    public var segment: Segment
    /// x: repeat purchase days.
    public var repeatPurchases: Int?
    public var probabilityAlive: Double?
    /// Expected purchases over the CLV horizon.
    public var expectedPurchases: Double?
    public var expectedSpendMinor: Int64?
    public var clvMinor: Int64?
    /// CLV plus contract value plus referral credit: what the customer is worth.
    public var valueMinor: Int64
    public var risk: Double
    public var band: RiskBand
    public var tier: ValueTier
    public var valueAtStakeMinor: Int64
    public var reasons: [WeightedReason]
    public var actions: [SuggestedAction]
    public var bindings: BindingProfile
    public var lastOrder: CalendarDay?
    public var lastTouch: CalendarDay?

    public init(
        customerID: Int64, rfm: RFMScore?, segment: Segment, repeatPurchases: Int?, probabilityAlive: Double?,
        expectedPurchases: Double?, expectedSpendMinor: Int64?, clvMinor: Int64?, valueMinor: Int64,
        risk: Double, band: RiskBand, tier: ValueTier, valueAtStakeMinor: Int64, reasons: [WeightedReason],
        actions: [SuggestedAction], bindings: BindingProfile, lastOrder: CalendarDay?, lastTouch: CalendarDay?
    ) {
        self.customerID = customerID
        self.rfm = rfm
        self.segment = segment
        self.repeatPurchases = repeatPurchases
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedSpendMinor = expectedSpendMinor
        self.clvMinor = clvMinor
        self.valueMinor = valueMinor
        self.risk = risk
        self.band = band
        self.tier = tier
        self.valueAtStakeMinor = valueAtStakeMinor
        self.reasons = reasons
        self.actions = actions
        self.bindings = bindings
        self.lastOrder = lastOrder
        self.lastTouch = lastTouch
    }
}
