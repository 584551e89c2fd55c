/// Why a customer may be lost, as a structured value: a kind and its numbers. The UI's
/// catalogue turns each into a sentence in English or German ("no order for 94 days; usually
/// orders every 30" / "seit 94 Tagen keine Bestellung; bestellt sonst alle 30 Tage").
public enum RiskReason: Sendable, Hashable, Codable {
    /// The last order is much later than this customer's own rhythm.
    case orderOverdue(daysSinceLastOrder: Int, usualGapDays: Int)
    /// No repeat order for a long time, with no personal rhythm to compare to.
    case noRecentOrder(daysSinceLastOrder: Int)
    /// The purchase model gives a low probability that the customer is still active.
    case likelyInactive(percentAlive: Int)
    /// The latest NPS answer was 0–6.
    case detractor(score: Int, daysAgo: Int, type: NPSType)
    /// The latest NPS answer was 7–8: not unhappy, not loyal either.
    case passive(score: Int, daysAgo: Int, type: NPSType)
    /// Complaints are open; `oldestDays` is the age of the oldest.
    case openComplaints(count: Int, oldestDays: Int)
    /// The contract has been cancelled and ends in `daysToEnd` days.
    case contractCancelled(daysToEnd: Int)
    /// The contract ends soon; the notice deadline is in `daysToNoticeDeadline` days.
    case contractEnding(daysToEnd: Int, daysToNoticeDeadline: Int, emotionalBinding: BindingStrength)
    /// Held only by lock-in bindings, with no emotional binding: the customer leaves when the lock ends.
    case lockInOnly(strongest: Binding)
    /// Much longer without contact than this customer's usual rhythm.
    case contactGap(daysSinceTouch: Int, usualGapDays: Int)
    /// Several recent touchpoints were negative.
    case negativeSentiment(negative: Int, of: Int)
    /// A low CSAT (1–2 of 5).
    case lowSatisfaction(score: Int, daysAgo: Int)
    /// A high-effort CES answer (1–3 of 7, where 7 is very easy).
    case highEffort(score: Int, daysAgo: Int)
}

/// A reason with how much it adds to the risk (0–1), so reasons can be ranked.
public struct WeightedReason: Sendable, Equatable, Codable {
    public var reason: RiskReason
    public var weight: Double

    public init(reason: RiskReason, weight: Double) {
        self.reason = reason
        self.weight = weight
    }
}

/// Low, medium or high churn risk; the UI writes the word, never only a colour.
public enum RiskBand: String, CaseIterable, Sendable, Codable, Comparable {
    case low, medium, high

    public static func < (lhs: RiskBand, rhs: RiskBand) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A, B or C by share of the total customer value.
public enum ValueTier: String, CaseIterable, Sendable, Codable {
    case a = "A"
    case b = "B"
    case c = "C"
}
