import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// Date cells with a time, a `Z` or a UTC offset are read as the day (and time) written.
@Suite("Import: ISO 8601 date-times")
struct ImportDateTimeTests {
    static let day = CalendarDay(year: 2026, month: 1, day: 5)!.startUnixSeconds

    @Test(
        "Accepted forms keep the day and time as written",
        arguments: [
            ("2026-01-05T10:00:00+01:00", 10 * 3600), ("2026-01-05T10:00:00-05:00", 10 * 3600),
            ("2026-01-05T10:00+0100", 10 * 3600), ("2026-01-05T10:00:00+01", 10 * 3600),
            ("2026-01-05 10:00:00", 10 * 3600), ("2026-01-05 10:00", 10 * 3600),
            ("2026-01-05T10:00:00Z", 10 * 3600), ("2026-01-05T10:00Z", 10 * 3600),
            ("2026-01-05T10:00:30.123456+02:00", 10 * 3600 + 30), ("2026-01-05T10:00:30,5Z", 10 * 3600 + 30),
            ("2026-01-05 10:00:00 +01:00", 10 * 3600), ("2026-01-05T23:30:00-05:00", 23 * 3600 + 30 * 60),
            ("2026-01-05T00:30:00+14:00", 30 * 60), ("05.01.2026 10:00+01:00", 10 * 3600),
        ])
    func accepted(text: String, seconds: Int) {
        #expect(ImportValues.time(text) == Self.day + Int64(seconds), "\(text)")
        #expect(ImportValues.date(text) == CalendarDay(year: 2026, month: 1, day: 5), "\(text)")
    }

    @Test(
        "What is not a date is still refused",
        arguments: [
            "2026-01-05T10:00:00+25:00", "2026-01-05T10:00:00+01:60", "2026-01-05T10:00:00+1",
            "2026-01-05T10:00:00+01:00:00", "2026-01-05T25:00", "2026-02-30T10:00Z", "2026-01-05T",
            "2026-01-05 morgens", "2026-01-05T10:00:00 UTC", "2026-01-05X10:00",
        ])
    func refused(text: String) {
        #expect(ImportValues.time(text) == nil, "\(text)")
        #expect(ImportValues.date(text) == nil, "\(text)")
    }

    @Test(
        "Through the importer: orders on the day written, a day column takes a date-time, bad cells located")
    func throughTheImporter() throws {
        let fixture = try ImportFixture()
        try fixture.run(
            .orders,
            Array(
                ("customer_id,date,amount\nK-1,2026-01-05T23:30:00-05:00,5\nK-1,2026-01-05 10:00:00,6\n"
                    + "K-1,2026-01-05T00:15:00+01:00,7\n").utf8))
        #expect(
            try fixture.strings("SELECT date(ordered_at, 'unixepoch') FROM orders ORDER BY amount_minor")
                == ["2026-01-05", "2026-01-05", "2026-01-05"])
        try fixture.run(
            .contracts, Array("customer_id,product,starts_on\nK-1,Gold,2026-01-05 00:00:00\n".utf8))
        #expect(try fixture.strings("SELECT starts_on FROM contracts") == ["2026-01-05"])
        let (_, lines) = fixture.issues(
            .orders, Array("customer_id,date,amount\nK-1,2026-01-05T10:00+25:00,5\nK-1,gestern,5\n".utf8))
        #expect(
            lines == [
                "in.csv:2:2: not a date (use 2025-03-14, 2025-03-14T10:22:00Z, 14.03.2025 or 14.03.25 10:22) "
                    + "(\"2026-01-05T10:00+25:00\")",
                "in.csv:3:2: not a date (use 2025-03-14, 2025-03-14T10:22:00Z, 14.03.2025 or 14.03.25 10:22) "
                    + "(\"gestern\")",
            ])
        #expect(try fixture.count("orders") == 3)
    }
}
