import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// The detail's revenue to date (audit 6, finding 5): every order up to the end of "today",
/// summed in euros; a later order is not bought yet.
@Suite("Revenue to date in the customer detail")
struct RevenueToDateTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!

    @Test("Orders up to the end of today count; tomorrow's does not; no orders is 0 from 0")
    func revenueToDate() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("r.sqlite"))
        try store.insert(CustomerRecord(id: 1, name: "Jörg Hofmann", createdAt: 0))
        try store.insert(CustomerRecord(id: 2, name: "Neu Kunde", createdAt: 0))
        let orders: [(days: Int, minor: Int64)] = [(-800, 1_500_000), (-30, 9_999), (0, 1), (1, 777_700)]
        for (index, order) in orders.enumerated() {
            let time = Self.today.adding(days: order.days).startUnixSeconds + 23 * 3600
            try store.insert(
                OrderRecord(id: Int64(index + 1), customerID: 1, orderedAt: time, amountMinor: order.minor))
        }
        let detail = try #require(try store.customerDetail(id: 1, today: Self.today))
        #expect(detail.ordersToDate == 3)
        #expect(detail.revenueToDateMinor == 1_500_000 + 9_999 + 1)
        let none = try #require(try store.customerDetail(id: 2, today: Self.today))
        #expect(none.ordersToDate == 0)
        #expect(none.revenueToDateMinor == 0)
    }
}
