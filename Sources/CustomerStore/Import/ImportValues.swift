import Foundation
import Scoring

/// Parsing of the values real files carry, shared by the importers. Each returns nil when the
/// text is not a value of its kind; the importer turns that into a located error.
enum ImportValues {
    /// A unix time (UTC) from `2025-03-14`, `2025-03-14T10:22:00Z`, `2025-03-14 10:22[:00[.000]]`,
    /// `14.03.2025` or `31.12.24 14:30` (a date alone counts as noon UTC, so it stays on its day
    /// in every European time zone).
    static func time(_ text: String) -> Int64? {
        if let fast = FastValues.time(text) { return fast }
        let trimmed = text.importTrimmed(.whitespaces)
        let (datePart, timePart) = splitDateTime(trimmed)
        guard let day = date(datePart) else { return nil }
        guard let timePart else { return day.startUnixSeconds + 12 * 3600 }
        guard let seconds = secondsOfDay(timePart.trimmingCharacters(in: .whitespaces)) else { return nil }
        return day.startUnixSeconds + Int64(seconds)
    }

    /// A calendar day, ISO or German.
    static func date(_ text: String) -> CalendarDay? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return CalendarDay(iso: trimmed) ?? germanDate(trimmed)
    }

    private static func splitDateTime(_ text: String) -> (String, String?) {
        if let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            return (String(text[..<separator]), String(text[text.index(after: separator)...]))
        }
        return (text, nil)
    }

    /// `31.12.2024`, also with one-digit day or month, or a two-digit year: 00–69 are 2000–2069,
    /// 70–99 are 1970–1999 (the POSIX `%y` rule, so birthdays and orders both come out right).
    static func germanDate(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4 || parts[2].count == 2, (1...2).contains(parts[0].count),
            (1...2).contains(parts[1].count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let day = Int(parts[0]), let month = Int(parts[1]), var year = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// `10:22`, `10:22:05`, `10:22:05.123`, optionally followed by `Z` (other offsets are
    /// refused: a time that silently moved hours would move orders across days).
    private static func secondsOfDay(_ text: String) -> Int? {
        var clock = Substring(text)
        if clock.hasSuffix("Z") { clock = clock.dropLast() }
        if let dot = clock.firstIndex(of: "."),
            clock[clock.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isNumber })
        {
            clock = clock[..<dot]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        let seconds = parts.count == 3 ? Int(parts[2]) : 0
        guard let seconds, (0..<60).contains(seconds) else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }

    /// Header names compared without case, accents, spaces, dashes, dots or underscores:
    /// "Kunden-Nr." and "kundennr" are the same column.
    static func headerKey(_ header: String) -> String {
        NameFolding.sortKey(header).filter { $0.isLetter || $0.isNumber }
    }

    /// Yes/no cells: `ja`, `yes`, `true`, `1`, `x` and their opposites.
    static func flag(_ text: String) -> Bool? {
        switch NameFolding.sortKey(text) {
        case "1", "ja", "j", "yes", "y", "true", "wahr", "x": true
        case "0", "nein", "n", "no", "false", "falsch": false
        default: nil
        }
    }
}
