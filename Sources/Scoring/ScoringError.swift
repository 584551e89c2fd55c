// Everything the statistical core can refuse to do, as values the caller can act on.
// No case carries prose: people read labels from the UI's catalogue.

/// The two probability models of the customer-value pipeline.
public enum ScoringModel: String, Sendable, Codable, CaseIterable {
    /// BG/NBD: how often customers buy and when they silently leave.
    case bgnbd
    /// Gamma-Gamma: how much a customer spends per purchase.
    case gammaGamma = "gamma_gamma"
}

/// Why a summary, fit or prediction could not be produced.
///
/// Degenerate customer bases end in exactly one of these, never in NaN, a crash or an endless loop.
public enum ScoringError: Error, Sendable, Equatable {
    /// There is no customer with a purchase before the as-of day.
    case emptyCustomerBase
    /// Too few customers for the model to learn anything (one customer cannot show heterogeneity).
    case tooFewCustomers(model: ScoringModel, count: Double, minimum: Double)
    /// No customer bought on two different days: there is nothing to learn dropout (BG/NBD) or
    /// spend per purchase (Gamma-Gamma) from.
    case noRepeatPurchases(model: ScoringModel)
    /// The history at this position cannot come from real purchases (negative count, recency after
    /// age, a repeat buyer with recency 0, a non-finite value, a weight or spend that is not positive).
    case invalidHistory(model: ScoringModel, index: Int)
    /// A model parameter that is not positive and finite.
    case invalidParameter(name: String, value: Double)
    /// An option outside its meaningful range (negative horizon, discount rate ≤ −1, …).
    case invalidOption(name: String, value: Double)
    /// The likelihood keeps improving as this parameter runs off to 0 or infinity, or is flat in it:
    /// the data do not determine it (for example every customer bought on the as-of day).
    case notIdentifiable(model: ScoringModel, parameter: String)
    /// The optimizer stopped before the gradient was small; `relativeGradient` is how far it got.
    case didNotConverge(model: ScoringModel, iterations: Int, relativeGradient: Double)
    /// Gamma-Gamma's expected spend is infinite: it needs p·x + q > 1, so q > 1 for a customer
    /// without repeat purchases (the population mean).
    case unboundedExpectedSpend(q: Double, frequency: Int)
    /// A hypergeometric series needed more terms than allowed: the horizon is enormous compared
    /// with the customer's age plus α.
    case seriesDidNotConverge(terms: Int)
    /// Streamed purchase rows were not sorted by customer and then by day; `row` is the first
    /// offending row (0-based).
    case rowsNotSorted(row: Int)
}

extension ScoringError {
    /// What `clientele score` says when BG/NBD cannot be fitted: first, in plain words, why
    /// (how many customers bought more than once) and what the scores do meanwhile; then the
    /// technical detail. `buyers` have a purchase, `repeatBuyers` bought on two or more days.
    public func bgnbdNote(buyers: Int, repeatBuyers: Int) -> String {
        switch self {
        case .tooFewCustomers, .noRepeatPurchases, .notIdentifiable, .didNotConverge:
            let who: String
            if repeatBuyers == 0 {
                who = "no customer has bought more than once yet (\(buyers) with purchases)"
            } else if repeatBuyers == buyers {
                who =
                    buyers == 1
                    ? "only 1 customer has purchases" : "only \(buyers) customers have purchases"
            } else {
                who =
                    "only \(repeatBuyers) of \(buyers) customers with purchases "
                    + (repeatBuyers == 1 ? "has" : "have") + " bought more than once"
            }
            var detail = english
            if detail.hasPrefix("not fitted: ") { detail.removeFirst("not fitted: ".count) }
            return "BG/NBD not fitted: \(who), not enough to learn how often customers buy and when "
                + "they stop. CLV stays empty, and values count contracts only, until more customers "
                + "have bought again. Detail: \(detail)"
        default:
            return "BG/NBD: " + english
        }
    }

    /// One English sentence for the command line and the stored fit's notes (`clientele score`,
    /// `clientele model`): what could not be done and what the scores use instead.
    public var english: String {
        switch self {
        case .emptyCustomerBase:
            "not fitted: no customer has a purchase before the as-of day"
        case .tooFewCustomers(_, let count, let minimum):
            "not fitted: \(Int(count)) customer\(Int(count) == 1 ? "" : "s") with purchases, at least \(Int(minimum)) needed; "
                + "churn risk uses each customer's own rhythm instead"
        case .noRepeatPurchases:
            "not fitted: no customer has bought on two different days yet, so there is nothing to learn from"
        case .invalidHistory(_, let index):
            "not fitted: purchase history \(index) is impossible (recency after age, or a negative count)"
        case .invalidParameter(let name, let value):
            "parameter \(name) = \(value) is not positive and finite"
        case .invalidOption(let name, let value):
            "option \(name) = \(value) is out of range"
        case .notIdentifiable(_, let parameter):
            "not fitted: the purchase histories do not yet determine parameter \(parameter) (a small or "
                + "young customer base); churn risk uses each customer's own rhythm instead"
        case .didNotConverge(_, let iterations, let relativeGradient):
            "not fitted: the optimizer stopped after \(iterations) steps (relative gradient \(relativeGradient))"
        case .unboundedExpectedSpend(let q, _):
            "the expected spend is unbounded (q = \(q) ≤ 1); no CLV"
        case .seriesDidNotConverge(let terms):
            "a prediction needed more than \(terms) series terms (the horizon is far too long)"
        case .rowsNotSorted(let row):
            "purchase rows not sorted by customer and day (row \(row))"
        }
    }
}
