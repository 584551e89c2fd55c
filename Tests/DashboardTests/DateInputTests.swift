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
            ("Next Friday", "2025-03-14"), ("+3T", "2025-03-15"), ("Montag", "2025-03-17"),
            ("mittwoch", "2025-03-19"), ("friday", "2025-03-14"), ("nächsten Montag", "2025-03-17"),
        ])
    func parses(text: String, expected: String) {
        #expect(DateInput.parse(text, today: today)?.iso == expected)
    }

    @Test(
        "Anything else is refused",
        arguments: ["2025-02-30", "31.02.2025", "+3x", "next moonday", "soon", "", "+d", "moonday", "next"])
    func refuses(text: String) {
        #expect(DateInput.parse(text, today: today) == nil)
    }

    @Test("The log form's follow-up examples count from today: the dated one is a week ahead, never past")
    func examplesAhead() {
        let english = Catalog(language: .en).followUpExamples(today: today)
        let german = Catalog(language: .de).followUpExamples(today: today)
        #expect(english == "e.g. +3d, tomorrow, next monday, 2025-03-19")
        #expect(german == "z. B. +3T, morgen, Montag, 19.03.2025")
        // Every example given is taken by the form.
        for example in english.dropFirst(5).split(separator: ",") + german.dropFirst(5).split(separator: ",")
        {
            let parsed = DateInput.parse(String(example), today: today)
            #expect(parsed.map { $0 > today } == true, "\(example)")
        }
    }
}
