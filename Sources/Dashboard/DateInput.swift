import Scoring

/// Dates as account managers type them: `2025-03-14`, `14.03.2025`, `14.3.`, `+3d`, `+2w`,
/// `today`, `tomorrow`, `next monday` or `monday` (English or German: `+3T`, `morgen`,
/// `nächsten Montag`, `Montag`).
/// Relative forms count from `today`, which the caller passes in (the UI core has no clock).
public enum DateInput {
    public static func parse(_ text: String, today: CalendarDay) -> CalendarDay? {
        let input = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let day = CalendarDay(iso: input) { return day }
        if let day = germanDate(input, today: today) { return day }
        switch input {
        case "today", "heute": return today
        case "tomorrow", "morgen": return today.adding(days: 1)
        case "übermorgen", "uebermorgen": return today.adding(days: 2)
        default: break
        }
        if input.hasPrefix("+"), let unit = input.last, let count = Int(input.dropFirst().dropLast()),
            count >= 0
        {
            switch unit {
            case "d", "t": return today.adding(days: count)
            case "w": return today.adding(days: 7 * count)
            case "m": return today.adding(days: 30 * count)
            default: return nil
            }
        }
        // "monday", "Montag" alone mean the same as "next monday".
        for prefix in ["next ", "nächsten ", "naechsten ", "nächster ", "kommenden ", ""]
        where input.hasPrefix(prefix) {
            let name = String(input.dropFirst(prefix.count))
            guard let weekday = weekdays[name] else { continue }
            // "next monday" is the coming Monday, never today.
            let ahead = (weekday - today.isoWeekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        return nil
    }

    /// `14.03.2025`, `14.3.25`, or `14.3.` (this year, or next year if already past).
    private static func germanDate(_ input: String, today: CalendarDay) -> CalendarDay? {
        let parts = input.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        if parts[2].isEmpty {
            let year = today.components.year
            guard let candidate = CalendarDay(year: year, month: month, day: day) else { return nil }
            return candidate < today ? CalendarDay(year: year + 1, month: month, day: day) : candidate
        }
        guard let year = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else { return nil }
        return CalendarDay(year: parts[2].count == 2 ? 2000 + year : year, month: month, day: day)
    }

    private static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonntag": 7,
    ]
}
