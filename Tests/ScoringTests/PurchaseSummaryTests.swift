// The published summary conventions: same-day merge, after-as-of ignored, weeks as days/7,
// repeat mean without the first purchase.
import Foundation
import Testing

@testable import Scoring

@Suite("Purchase summaries")
struct PurchaseSummaryTests {
    let orders = [
        Order(day: 110, amount: 700), Order(day: 100, amount: 1_000), Order(day: 100, amount: 500),
        Order(day: 110, amount: 100), Order(day: 120, amount: 200), Order(day: 125, amount: 9_999),
    ]

    @Test func sameDayMergesAndAfterAsOfIsIgnored() throws {
        let summary = try #require(PurchaseSummary(orders: orders, asOfDay: 121, unit: .days))
        #expect(summary.frequency == 2)  // days 110 and 120; day 100 is the first purchase
        #expect(summary.recency == 20)
        #expect(summary.age == 21)
        #expect(summary.firstDay == 100)
        #expect(summary.lastDay == 120)
        #expect(summary.totalSpend == 2_500)  // day 125 is after the as-of day
        #expect(summary.repeatSpend == 1_000)  // 700 + 100 on day 110, 200 on day 120
        #expect(summary.repeatMeanSpend == 500)  // the first day's 1,500 is excluded
    }

    @Test func weeksDivideWholeDaysBySeven() throws {
        let summary = try #require(PurchaseSummary(orders: orders, asOfDay: 121, unit: .weeks))
        #expect(summary.frequency == 2)
        #expect(summary.recency == 20.0 / 7)
        #expect(summary.age == 3)
        #expect(summary.history == PurchaseHistory(frequency: 2, recency: 20.0 / 7, age: 3))
        #expect(summary.spend == SpendHistory(frequency: 2, meanSpend: 500))
    }

    @Test func asOfDayIsInclusive() throws {
        let summary = try #require(PurchaseSummary(orders: orders, asOfDay: 125, unit: .days))
        #expect(summary.frequency == 3)
        #expect(summary.recency == 25)
        #expect(summary.age == 25)
    }

    @Test func oneDayOnlyHasNoRepeat() throws {
        let summary = try #require(
            PurchaseSummary(orders: Array(orders.prefix(3)), asOfDay: 100, unit: .days))
        #expect(summary.frequency == 0)
        #expect(summary.recency == 0)
        #expect(summary.age == 0)
        #expect(summary.repeatMeanSpend == 0)
        #expect(summary.history.isValid)
    }

    @Test func noOrderBeforeAsOfHasNoSummary() {
        #expect(PurchaseSummary(orders: orders, asOfDay: 99, unit: .days) == nil)
        #expect(PurchaseSummary(orders: [], asOfDay: 99, unit: .days) == nil)
    }

    @Test func builderMatchesPerCustomerSummaries() throws {
        // Rows as the store streams them: sorted by customer, then day; day totals or single orders.
        let rows: [(String, Int, Int64)] = [
            ("a", 100, 1_500), ("a", 110, 700), ("a", 110, 100), ("a", 120, 200), ("a", 125, 9_999),
            ("b", 130, 50),  // only after the as-of day: no summary
            ("c", 90, 10), ("c", 121, 20),
        ]
        var builder = PurchaseSummaryBuilder<String>(asOfDay: 121, unit: .weeks)
        for (customer, day, amount) in rows {
            try builder.add(customer: customer, day: day, amount: amount)
        }
        let summaries = builder.finish()
        #expect(summaries.map(\.customer) == ["a", "c"])
        #expect(summaries[0].summary == PurchaseSummary(orders: orders, asOfDay: 121, unit: .weeks))
        #expect(summaries[1].summary.frequency == 1)
        #expect(summaries[1].summary.recency == 31.0 / 7)
        #expect(summaries[1].summary.repeatMeanSpend == 20)
        #expect(builder.finish().isEmpty)
    }

    @Test func builderRejectsUnsortedRows() throws {
        var builder = PurchaseSummaryBuilder<Int>(asOfDay: 200, unit: .days)
        try builder.add(customer: 1, day: 10, amount: 1)
        #expect(throws: ScoringError.rowsNotSorted(row: 1)) {
            try builder.add(customer: 1, day: 9, amount: 1)
        }
        var other = PurchaseSummaryBuilder<Int>(asOfDay: 200, unit: .days)
        try other.add(customer: 2, day: 10, amount: 1)
        #expect(throws: ScoringError.rowsNotSorted(row: 1)) {
            try other.add(customer: 1, day: 11, amount: 1)
        }
    }

    @Test func absurdAmountsSaturateInsteadOfTrapping() throws {
        let huge = [Order(day: 1, amount: .max), Order(day: 2, amount: .max), Order(day: 3, amount: .max)]
        let summary = try #require(PurchaseSummary(orders: huge, asOfDay: 3, unit: .days))
        #expect(summary.totalSpend == .max)
        #expect(summary.repeatSpend == .max)
    }
}
