// One customer's orders reduced to what BG/NBD and Gamma-Gamma need, with the published
// conventions of Fader, Hardie & Lee (and of the `lifetimes` package):
// - orders after the as-of day are ignored;
// - orders on the same calendar day are one purchase, their amounts added;
// - x counts the repeat purchase days (the first day is not a repeat);
// - t_x and T are the whole days from the first purchase to the last one and to the as-of day,
//   divided by 7 when the model works in weeks;
// - the spend model sees the mean of the repeat purchases only (the first purchase is excluded,
//   because it often differs in kind: a welcome offer, an initial kit).

/// The unit of the models' time axis. α, t_x, T and every horizon are in this unit, and so is the
/// log-likelihood (it is a density in time, so it changes by x·ln 7 per customer between units).
public enum TimeUnit: String, Sendable, Codable, CaseIterable {
    case days
    case weeks

    /// Length of one unit in days.
    public var lengthInDays: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        }
    }
}

/// One order as the store records it.
public struct Order: Sendable, Hashable, Codable {
    /// Whole days since the store's epoch.
    public var day: Int
    /// Amount in integer minor units (cents).
    public var amount: Int64

    public init(day: Int, amount: Int64) {
        self.day = day
        self.amount = amount
    }
}

/// A customer's purchase history as of one day, in the models' conventions (see the file header).
public struct PurchaseSummary: Sendable, Hashable {
    /// x: number of repeat purchase days after the first purchase day.
    public let frequency: Int
    /// t_x: time from the first to the last purchase day, in `unit`.
    public let recency: Double
    /// T: time from the first purchase day to the as-of day, in `unit`.
    public let age: Double
    /// Sum of the repeat purchase days' amounts, in minor units (first day excluded).
    public let repeatSpend: Int64
    /// Sum of all amounts up to the as-of day, in minor units.
    public let totalSpend: Int64
    /// Day of the first purchase.
    public let firstDay: Int
    /// Day of the last purchase on or before the as-of day.
    public let lastDay: Int
    /// The as-of day the summary describes.
    public let asOfDay: Int
    /// The unit of `recency` and `age`.
    public let unit: TimeUnit

    /// Mean amount of the repeat purchase days in minor units; 0 when there is no repeat purchase.
    public var repeatMeanSpend: Double {
        frequency > 0 ? Double(repeatSpend) / Double(frequency) : 0
    }

    /// What BG/NBD sees of this customer.
    public var history: PurchaseHistory {
        PurchaseHistory(frequency: frequency, recency: recency, age: age)
    }

    /// What Gamma-Gamma sees of this customer.
    public var spend: SpendHistory {
        SpendHistory(frequency: frequency, meanSpend: repeatMeanSpend)
    }

    /// Summarises one customer's orders, in any order. Nil when no order falls on or before `asOfDay`.
    public init?(orders: some Sequence<Order>, asOfDay: Int, unit: TimeUnit) {
        var accumulator = DayAccumulator(asOfDay: asOfDay)
        for order in orders.filter({ $0.day <= asOfDay }).sorted(by: { $0.day < $1.day }) {
            _ = accumulator.add(day: order.day, amount: order.amount)
        }
        guard let summary = accumulator.summary(unit: unit) else { return nil }
        self = summary
    }

    init(
        frequency: Int, firstDay: Int, lastDay: Int, asOfDay: Int, repeatSpend: Int64, totalSpend: Int64,
        unit: TimeUnit
    ) {
        self.frequency = frequency
        self.recency = Double(lastDay - firstDay) / unit.lengthInDays
        self.age = Double(asOfDay - firstDay) / unit.lengthInDays
        self.repeatSpend = repeatSpend
        self.totalSpend = totalSpend
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.asOfDay = asOfDay
        self.unit = unit
    }
}

/// Builds summaries from rows streamed by the store, sorted by customer and then by day
/// (rows may already be totals per day; repeated days are merged anyway). One pass, constant
/// memory per customer, so a million customers cost one walk over their rows.
public struct PurchaseSummaryBuilder<CustomerID: Comparable & Sendable>: Sendable {
    public let asOfDay: Int
    public let unit: TimeUnit
    private var current: CustomerID?
    private var accumulator: DayAccumulator
    private var rows = 0
    private var finished: [(customer: CustomerID, summary: PurchaseSummary)] = []

    public init(asOfDay: Int, unit: TimeUnit) {
        self.asOfDay = asOfDay
        self.unit = unit
        self.accumulator = DayAccumulator(asOfDay: asOfDay)
    }

    /// Room for `customers` summaries up front, so a large walk does not leave the memory of
    /// every outgrown array behind (it runs on a helper thread whose freed memory nothing else reuses).
    public mutating func reserveCapacity(_ customers: Int) {
        finished.reserveCapacity(customers)
    }

    /// Adds one row. Throws `rowsNotSorted` when the customer or the day goes backwards, because a
    /// silently wrong count of purchase days would be worse than no summary.
    ///
    /// The store calls this twenty million times with `Int64` ids from another module, where the
    /// generic version looked up type metadata on every call; the specialisation is compiled here.
    @_specialize(exported:true,where CustomerID == Int64)
    public mutating func add(customer: CustomerID, day: Int, amount: Int64) throws(ScoringError) {
        defer { rows += 1 }
        if let current, customer != current {
            guard current < customer else { throw .rowsNotSorted(row: rows) }
            closeCurrent()
        }
        current = customer
        guard accumulator.add(day: day, amount: amount) else { throw .rowsNotSorted(row: rows) }
    }

    /// The summaries of every customer with a purchase on or before the as-of day, in customer order.
    /// The builder is empty afterwards.
    @_specialize(exported:true,where CustomerID == Int64)
    public mutating func finish() -> [(customer: CustomerID, summary: PurchaseSummary)] {
        closeCurrent()
        current = nil
        defer { finished = [] }
        return finished
    }

    private mutating func closeCurrent() {
        if let current, let summary = accumulator.summary(unit: unit) {
            finished.append((current, summary))
        }
        accumulator = DayAccumulator(asOfDay: asOfDay)
    }
}

/// Running state for one customer's day-sorted rows.
struct DayAccumulator: Sendable {
    let asOfDay: Int
    private var firstDay: Int?
    private var lastDay = 0
    private var repeatTotal: Int64 = 0
    private var total: Int64 = 0
    private var repeatDays = 0
    private var lastSeenDay: Int?

    init(asOfDay: Int) {
        self.asOfDay = asOfDay
    }

    /// Adds a row; false when `day` is earlier than the previous row's day.
    mutating func add(day: Int, amount: Int64) -> Bool {
        if let lastSeenDay, day < lastSeenDay { return false }
        lastSeenDay = day
        guard day <= asOfDay else { return true }
        if firstDay == nil {
            firstDay = day
            lastDay = day
        } else if day != lastDay {
            repeatDays += 1
            lastDay = day
        }
        if day != firstDay { repeatTotal = saturatingAdd(repeatTotal, amount) }
        total = saturatingAdd(total, amount)
        return true
    }

    func summary(unit: TimeUnit) -> PurchaseSummary? {
        guard let firstDay else { return nil }
        return PurchaseSummary(
            frequency: repeatDays, firstDay: firstDay, lastDay: lastDay, asOfDay: asOfDay,
            repeatSpend: repeatTotal,
            totalSpend: total, unit: unit)
    }
}

/// Sums of minor units stop at the Int64 limits instead of trapping: no crash on absurd data.
func saturatingAdd(_ lhs: Int64, _ rhs: Int64) -> Int64 {
    let (sum, overflow) = lhs.addingReportingOverflow(rhs)
    guard overflow else { return sum }
    return rhs > 0 ? .max : .min
}
