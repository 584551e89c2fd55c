import Testing

@testable import Scoring

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("Known dates map to known day numbers and back")
    func knownDates() throws {
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(CalendarDay(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        let day = try #require(CalendarDay(iso: "2024-02-29"))
        #expect(day.iso == "2024-02-29")
        #expect(day.adding(days: 1).iso == "2024-03-01")
        #expect(day.adding(years: 1).iso == "2025-02-28")
    }

    @Test("Every day of four centuries round-trips through year/month/day")
    func roundTrip() {
        let mismatches = (-80_000...80_000).filter { number in
            let day = CalendarDay(daysSinceEpoch: number)
            let (year, month, dayOfMonth) = day.components
            return CalendarDay(year: year, month: month, day: dayOfMonth) != day
                || CalendarDay(iso: day.iso) != day
        }
        #expect(mismatches.isEmpty)
    }

    @Test(
        "Invalid dates and forms are refused",
        arguments: [
            "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-1", "31.12.2024", "",
            "２０２５-01-01",
        ])
    func invalid(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test("Unix times land on their UTC day, before 1970 too; weekdays are ISO")
    func unixTimes() {
        #expect(CalendarDay(unixSeconds: 86_399).daysSinceEpoch == 0)
        #expect(CalendarDay(unixSeconds: 86_400).daysSinceEpoch == 1)
        #expect(CalendarDay(unixSeconds: -1).daysSinceEpoch == -1)
        #expect(CalendarDay(iso: "2026-11-22")?.isoWeekday == 7)
        #expect(CalendarDay(iso: "1970-01-01")?.isoWeekday == 4)
    }
}
