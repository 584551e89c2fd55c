import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// The overview's headline before any scoring (audit 6, finding 14): active customers by their
/// orders of the last 90 days alone, and no revenue at risk (nil, shown "–") instead of €0.
@Suite("Overview headline of an unscored store")
struct UnscoredHeadlineTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!

    private static func at(_ day: CalendarDay) -> Int64 { day.startUnixSeconds + 12 * 3600 }

    @Test("Orders of the last 90 days make a customer active without scores; older ones and erased do not")
    func activeByOrders() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("u.sqlite"))
        // Order days back from today: 0 and 89 are inside the 90 days, 90 and 400 outside,
        // 5 belongs to an erased customer, customer 6 never ordered; 7 orders tomorrow.
        let orderDaysAgo: [Int64: Int] = [1: 0, 2: 89, 3: 90, 4: 400, 5: 5, 7: -1]
        for id in Int64(1)...7 {
            try store.insert(CustomerRecord(id: id, name: "Kunde \(id)", createdAt: 0))
            if let ago = orderDaysAgo[id] {
                try store.insert(
                    OrderRecord(
                        id: id, customerID: id, orderedAt: Self.at(Self.today.adding(days: -ago)),
                        amountMinor: 1_000))
            }
        }
        _ = try store.erase(customerID: 5, at: Self.at(Self.today))
        let headline = try store.overviewHeadline(today: Self.today)
        #expect(headline.customers == 7)
        #expect(headline.activeCustomers == 2)
        #expect(headline.revenueAtRiskMinor == nil)
        #expect(headline.averageCLVMinor == nil)
    }
}
