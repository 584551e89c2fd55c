import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// An order number (or an interaction's reference) stored with other values is kept as stored,
/// and reported apart from the true duplicates.
@Suite("Import: conflicts with stored records")
struct ImportConflictTests {
    static let first = """
        customer_id,date,amount,order_number
        K-1,2026-01-05,50.00,A-1001
        K-1,2026-01-06,20.00,A-1002
        K-1,2026-01-07,30.00,A-1003

        """

    @Test("A corrected export: different amount or date reported with line and both values; duplicates apart")
    func orders() throws {
        let fixture = try ImportFixture()
        try fixture.run(.orders, Array(Self.first.utf8))
        let corrected = """
            customer_id,date,amount,order_number
            K-1,2026-01-05,55.00,A-1001
            K-1,2026-01-06,20.00,A-1002
            K-1,2026-01-09,30.00,A-1003
            K-1,2026-01-08,10.00,A-1004

            """
        for dryRun in [true, false] {
            let summary = try fixture.run(.orders, Array(corrected.utf8)) { $0.dryRun = dryRun }
            #expect(summary.inserted == 1)
            #expect(summary.duplicates == 1)
            #expect(summary.conflictCount == 2)
            let day = { (d: Int) in CalendarDay(year: 2026, month: 1, day: d)! }
            #expect(
                summary.conflicts == [
                    ImportConflict(
                        line: 2, reference: "A-1001",
                        stored: .order(amountMinor: 5000, currency: "EUR", day: day(5)),
                        file: .order(amountMinor: 5500, currency: "EUR", day: day(5))),
                    ImportConflict(
                        line: 4, reference: "A-1003",
                        stored: .order(amountMinor: 3000, currency: "EUR", day: day(7)),
                        file: .order(amountMinor: 3000, currency: "EUR", day: day(9))),
                ])
        }
        // The stored orders are kept: an import never silently rewrites money.
        #expect(
            try fixture.strings(
                "SELECT external_ref || ' ' || amount_minor || ' ' || date(ordered_at, 'unixepoch') FROM orders "
                    + "ORDER BY external_ref")
                == [
                    "A-1001 5000 2026-01-05", "A-1002 2000 2026-01-06", "A-1003 3000 2026-01-07",
                    "A-1004 1000 2026-01-08",
                ])
    }

    @Test("A time of day the first export lacked is not a conflict; the day is")
    func sameDay() throws {
        let fixture = try ImportFixture()
        try fixture.run(.orders, Array(Self.first.utf8))
        let summary = try fixture.run(
            .orders, Array("customer_id,date,amount,order_number\nK-1,2026-01-05T09:12:00Z,50,A-1001\n".utf8))
        #expect(summary.duplicates == 1)
        #expect(summary.conflictCount == 0)
    }

    @Test("The first ten by line are kept, all are counted, across batches sorted by customer")
    func manyConflicts() throws {
        let fixture = try ImportFixture()
        try fixture.store.insert(CustomerRecord(id: 0, externalID: "K-0", name: "Erste", createdAt: 0))
        var text = "customer_id,date,amount,order_number\n"
        for index in 0..<30 { text += "K-\(index % 2),2026-01-05,\(index + 1),N-\(index)\n" }
        try fixture.run(.orders, Array(text.utf8))
        let changed = text.replacingOccurrences(of: ",2026-01-05,", with: ",2026-01-06,")
        let summary = try fixture.run(.orders, Array(changed.utf8)) { $0.batchSize = 4 }
        #expect(summary.conflictCount == 30)
        #expect(summary.duplicates == 0)
        #expect(summary.conflicts.map(\.line) == Array(2...11))
        #expect(summary.conflicts.map(\.reference) == (0..<10).map { "N-\($0)" })
    }

    @Test("Interactions by reference: another date, channel or kind is a conflict; the same is a duplicate")
    func interactions() throws {
        let fixture = try ImportFixture()
        let header = "customer_id,date,channel,kind,reference\n"
        try fixture.run(
            .interactions,
            Array((header + "K-1,2026-01-05,call,service,T-1\nK-1,2026-01-05,call,sales,T-2\n").utf8))
        let summary = try fixture.run(
            .interactions,
            Array((header + "K-1,2026-01-05,email,complaint,T-1\nK-1,2026-01-05,call,sales,T-2\n").utf8))
        #expect(summary.duplicates == 1)
        #expect(summary.inserted == 0)
        let day = CalendarDay(year: 2026, month: 1, day: 5)!
        #expect(
            summary.conflicts == [
                ImportConflict(
                    line: 2, reference: "T-1", stored: .interaction(channel: .call, kind: .service, day: day),
                    file: .interaction(channel: .email, kind: .complaint, day: day))
            ])
        #expect(
            try fixture.strings("SELECT channel FROM interactions WHERE external_ref = 'T-1'") == ["call"])
    }

    @Test("Feedback: the same customer, time and metric with another score is a conflict, not a duplicate")
    func feedback() throws {
        let fixture = try ImportFixture()
        try fixture.run(
            .feedback,
            Array("customer_id,date,metric,score\nK-1,2026-01-05,nps,9\nK-1,2026-01-06,csat,4\n".utf8))
        let summary = try fixture.run(
            .feedback,
            Array("customer_id,date,metric,score\nK-1,2026-01-05,nps,6\nK-1,2026-01-06,csat,4\n".utf8))
        #expect((summary.inserted, summary.duplicates, summary.conflictCount) == (0, 1, 1))
        let day = CalendarDay(year: 2026, month: 1, day: 5)!
        #expect(
            summary.conflicts == [
                ImportConflict(
                    line: 2, reference: "NPS", stored: .feedback(metric: .nps, score: 9, day: day),
                    file: .feedback(metric: .nps, score: 6, day: day))
            ])
        #expect(try fixture.ints("SELECT score FROM feedback WHERE metric = 'nps'") == [9])
    }
}
