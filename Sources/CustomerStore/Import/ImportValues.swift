import Foundation
import Scoring

/// Parsing of the values real files carry, shared by the importers. Each returns nil when the
/// text is not a value of its kind; the importer turns that into a located error.
enum ImportValues {
    /// A unix time from `2025-03-14`, `2025-03-14T10:22:00Z`, `2025-03-14 10:22[:00[.000]]`,
    /// `2025-03-14T10:22:00+01:00`, `14.03.2025` or `31.12.24 14:30` (a date alone counts as
    /// noon UTC, so it stays on its day in every European time zone). A UTC offset is read and
    /// set aside: the day and time are kept as written (stored as if UTC), because the day the
    /// customer saw is what the model counts; applied, `23:30-05:00` would move an order to the
    /// next day.
    static func time(_ text: String) -> Int64? {
        if let fast = FastValues.time(text) { return fast }
        let trimmed = text.importTrimmed(.whitespaces)
        let (datePart, timePart) = splitDateTime(trimmed)
        guard let day = plainDate(datePart) else { return nil }
        guard let timePart else { return day.startUnixSeconds + 12 * 3600 }
        guard let seconds = secondsOfDay(timePart) else { return nil }
        return day.startUnixSeconds + Int64(seconds)
    }

    /// A calendar day, ISO or German; a date-time (any form `time` reads) gives its day as
    /// written, so an export that writes `2026-01-05 00:00:00` in a day column is read.
    static func date(_ text: String) -> CalendarDay? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = plainDate(trimmed) { return day }
        let (datePart, timePart) = splitDateTime(trimmed)
        guard let timePart, secondsOfDay(timePart) != nil else { return nil }
        return plainDate(datePart)
    }

    private static func plainDate(_ text: String) -> CalendarDay? {
        CalendarDay(iso: text) ?? germanDate(text)
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

    /// `10:22`, `10:22:05`, `10:22:05.123` (or `,123`), then optionally a zone: `Z` or an offset
    /// `+01:00`, `+0100`, `+01`, `-05:00` (also after a space). The offset is checked and not
    /// applied (see `time`).
    private static func secondsOfDay(_ text: String) -> Int? {
        var clock = Substring(text.trimmingCharacters(in: .whitespaces))
        if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard isOffset(clock[clock.index(after: sign)...]) else { return nil }
            clock = clock[..<sign]
        }
        while clock.last == " " { clock = clock.dropLast() }
        if let dot = clock.firstIndex(where: { $0 == "." || $0 == "," }),
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

    /// `HH`, `HHMM` or `HH:MM` of a UTC offset: hours up to 14 (the widest offset in use),
    /// minutes below 60.
    private static func isOffset(_ text: Substring) -> Bool {
        let digits = text.filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            text.count == digits.count
                || (text.count == 5 && text[text.index(text.startIndex, offsetBy: 2)] == ":"),
            let hours = Int(digits.prefix(2)), hours <= 14
        else { return false }
        return digits.count == 2 || (Int(digits.suffix(2)) ?? 60) < 60
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
