import Scoring
import Testing

@testable import Dashboard

@Suite("Typed dates")
struct DateInputTests {
    // A Wednesday.
    let today = CalendarDay(year: 2025, month: 3, day: 12)!

    @Test(
        "Absolute, German and relative forms",
        arguments: [
            ("2025-03-14", "2025-03-14"), ("14.03.2025", "2025-03-14"), ("14.3.25", "2025-03-14"),
            ("14.3.", "2025-03-14"),
            ("1.3.", "2026-03-01"), ("+3d", "2025-03-15"), ("+2w", "2025-03-26"), ("today", "2025-03-12"),
            ("morgen", "2025-03-13"), ("next monday", "2025-03-17"), ("nächsten Mittwoch", "2025-03-19"),
            ("Next Friday", "2025-03-14"),
        ])
    func parses(text: String, expected: String) {
        #expect(DateInput.parse(text, today: today)?.iso == expected)
    }

    @Test(
        "Anything else is refused",
        arguments: ["2025-02-30", "31.02.2025", "+3x", "next moonday", "soon", "", "+d"])
    func refuses(text: String) {
        #expect(DateInput.parse(text, today: today) == nil)
    }
}
