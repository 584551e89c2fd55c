/// Named customer segments from RFM scores (see docs/MODEL.md for the grid). Declared in the
/// business order, best first: the overview and the list's segment sort follow `allCases`.
public enum Segment: String, CaseIterable, Sendable, Codable {
    case champions
    case loyal
    case potentialLoyalist = "potential-loyalist"
    case new
    case promising
    case needAttention = "need-attention"
    case aboutToSleep = "about-to-sleep"
    case atRisk = "at-risk"
    case cantLose = "cant-lose"
    case hibernating
    case lost
    /// No purchase yet: a lead or a contract-only customer. Not part of the RFM grid.
    case prospect
}

/// Recency, frequency and monetary scores, each 1 (worst) to 5 (best).
public struct RFMScore: Sendable, Equatable, Codable {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// The combined frequency-monetary score used by the segment grid: (F + M) / 2 rounded half up.
    public var frequencyMonetary: Int { (frequency + monetary + 1) / 2 }

    /// The segment of this score (the grid in docs/MODEL.md). A single purchase that is recent
    /// makes a customer New whatever the grid says.
    public func segment(isSinglePurchase: Bool) -> Segment {
        if isSinglePurchase && recency >= 4 { return recency == 5 ? .new : .promising }
        return RFMScore.grid[recency - 1][frequencyMonetary - 1]
    }

    /// Rows: recency 1...5; columns: combined FM 1...5.
    static let grid: [[Segment]] = [
        [.lost, .lost, .atRisk, .cantLose, .cantLose],
        [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
        [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
        [.promising, .potentialLoyalist, .loyal, .champions, .champions],
        [.new, .potentialLoyalist, .potentialLoyalist, .champions, .champions],
    ]
}

/// Quintile boundaries of the customer base, so scores are relative to this book of business.
///
/// Score = 1 + the number of boundaries the value exceeds (for recency: the number it undercuts,
/// since fewer days since the last purchase is better). Ties fall into the same score, so a
/// base where most customers bought once puts them all in one frequency score.
public struct RFMBoundaries: Sendable, Equatable, Codable {
    public var recencyDays: [Double]
    public var purchaseDays: [Double]
    public var spendMinor: [Double]

    public init(recencyDays: [Double], purchaseDays: [Double], spendMinor: [Double]) {
        self.recencyDays = recencyDays
        self.purchaseDays = purchaseDays
        self.spendMinor = spendMinor
    }

    /// Boundaries at the 20th, 40th, 60th and 80th percentiles of each measure. Nil for an empty base.
    public init?(purchases: [PurchaseFacts], asOf: CalendarDay) {
        guard !purchases.isEmpty else { return nil }
        recencyDays = Self.quintiles(purchases.map { Double($0.lastDay.days(until: asOf)) })
        purchaseDays = Self.quintiles(purchases.map { Double($0.purchaseDays) })
        spendMinor = Self.quintiles(purchases.map { Double($0.totalSpendMinor) })
    }

    public func score(_ purchases: PurchaseFacts, asOf: CalendarDay) -> RFMScore {
        let recency = Double(purchases.lastDay.days(until: asOf))
        return RFMScore(
            recency: 5 - recencyDays.filter { recency > $0 }.count,
            frequency: 1 + purchaseDays.filter { Double(purchases.purchaseDays) > $0 }.count,
            monetary: 1 + spendMinor.filter { Double(purchases.totalSpendMinor) > $0 }.count)
    }

    /// Nearest-rank percentiles 20/40/60/80 (no interpolation: boundaries are observed values).
    static func quintiles(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        return [0.2, 0.4, 0.6, 0.8].map { fraction in
            let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(sorted.count - 1, max(0, rank))]
        }
    }
}
