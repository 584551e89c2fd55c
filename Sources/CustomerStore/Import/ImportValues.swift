import Scoring

/// Parsing of the values real files carry, shared by the importers. Each returns nil when the
/// text is not a value of its kind; the importer turns that into a located error.
enum ImportValues {
    /// A unix time (UTC) from `2025-03-14`, `2025-03-14T10:22:00Z`, `2025-03-14 10:22[:00]`
    /// or `14.03.2025` (a date alone counts as noon UTC, so it stays on its day in every European
    /// time zone).
    static func time(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (datePart, timePart) = splitDateTime(trimmed)
        guard let day = CalendarDay(iso: datePart) ?? germanDate(datePart) else { return nil }
        guard let timePart else { return day.startUnixSeconds + 12 * 3600 }
        guard let seconds = secondsOfDay(timePart) else { return nil }
        return day.startUnixSeconds + Int64(seconds)
    }

    private static func splitDateTime(_ text: String) -> (String, String?) {
        if let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            return (String(text[..<separator]), String(text[text.index(after: separator)...]))
        }
        return (text, nil)
    }

    /// `31.12.2024`, also with one-digit day or month.
    static func germanDate(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
            (1...2).contains(parts[1].count),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// `10:22`, `10:22:05`, optionally followed by `Z` (other offsets are refused: a time that
    /// silently moved hours would move orders across days).
    private static func secondsOfDay(_ text: String) -> Int? {
        var clock = Substring(text)
        if clock.hasSuffix("Z") { clock = clock.dropLast() }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        let seconds = parts.count == 3 ? Int(parts[2]) : 0
        guard let seconds, (0..<60).contains(seconds) else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }

    /// Money in minor units, exactly (no floating point): `1234.56`, `1234,56`, `-5`, `12.5`.
    /// At most two decimals; a currency symbol or code around the number is ignored.
    static func amountMinor(_ text: String) -> Int64? {
        var body = text.trimmingCharacters(in: .whitespaces)
        for symbol in ["€", "EUR", "$", "USD", "CHF", "£", "GBP"] {
            if body.hasPrefix(symbol) {
                body = String(body.dropFirst(symbol.count)).trimmingCharacters(in: .whitespaces)
            }
            if body.hasSuffix(symbol) {
                body = String(body.dropLast(symbol.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body.removeFirst()
        }
        let separators = body.filter { $0 == "." || $0 == "," }
        guard separators.count <= 1 else { return nil }
        let pieces = body.split(whereSeparator: { $0 == "." || $0 == "," }).map(String.init)
        guard !body.isEmpty, !body.hasSuffix("."), !body.hasSuffix(","), pieces.count == separators.count + 1,
            pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            pieces[0].count <= 13
        else { return nil }
        guard let whole = Int64(pieces[0]) else { return nil }
        var cents: Int64 = 0
        if pieces.count == 2 {
            guard pieces[1].count <= 2, let fraction = Int64(pieces[1]) else { return nil }
            cents = pieces[1].count == 1 ? fraction * 10 : fraction
        }
        let value = whole * 100 + cents
        return negative ? -value : value
    }

    /// Header names compared without case, accents, spaces, dashes, dots or underscores:
    /// "Kunden-Nr." and "kundennr" are the same column.
    static func headerKey(_ header: String) -> String {
        NameFolding.sortKey(header).filter { $0.isLetter || $0.isNumber }
    }
}
