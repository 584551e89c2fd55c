/// The judgement calls of the model, with their defaults in one place (docs/MODEL.md explains them).
public struct ModelSettings: Sendable, Equatable, Codable {
    /// Risk at or above this is medium; at or above `highRisk` it is high.
    public var mediumRisk = 0.35
    public var highRisk = 0.65
    /// Share of the total value held by tier A customers, and by A and B together.
    public var tierAShare = 0.7
    public var tierABShare = 0.9
    /// How far ahead the CLV looks, in months, and its monthly discount rate.
    public var clvHorizonMonths = 12
    public var monthlyDiscountRate = 0.01
    /// Margin applied to revenue for CLV (1 = revenue).
    public var margin = 1.0
    /// Share of a referred customer's CLV credited to the customer who referred them.
    public var referralCredit = 0.1
    /// NPS answers and CSAT/CES older than this no longer count.
    public var feedbackMemoryDays = 365
    /// How far ahead a contract end starts to matter: notice deadline within this many days.
    public var renewalWindowDays = 90

    public init() {}
}
