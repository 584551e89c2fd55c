import Foundation
import Scoring

/// Reads the cells of one record by field, collecting every problem with its column, so a row
/// reports all its faults at once. Text is trimmed, normalised to NFC and checked for NUL and
/// control characters, U+FFFD (bytes that were not text) and length.
struct ImportCell {
    /// Longest text cell (characters); ids, names and other single-line keys get `shortLimit`.
    static let longLimit = 10_000
    static let shortLimit = 200

    let record: CSVRecord
    let mapping: ColumnMapping
    var problems: [(column: Int, message: String, value: String?)] = []
    /// Amount cells whose meaning depends on the file's number style.
    var ambiguous: [(column: Int, value: String, reading: Amount.Reading)] = []

    init(record: CSVRecord, mapping: ColumnMapping) {
        self.record = record
        self.mapping = mapping
    }

    func has(_ field: String) -> Bool { mapping[field] != nil }

    mutating func problem(_ field: String, _ message: String, _ value: String?) {
        problems.append((mapping[field] ?? 0, message, value))
    }

    /// The cleaned text of `field`, nil when the column is absent or the cell empty (or bad).
    mutating func text(_ field: String, limit: Int = longLimit, multiline: Bool = false) -> String? {
        guard let column = mapping[field], column < record.fields.count else { return nil }
        let raw = record.fields[column]
        var text = raw.importTrimmed()
        if text.isEmpty { return nil }
        if text.isPrintableASCII {
            if text.utf8.count > limit {
                problems.append((column, "longer than \(limit) characters", raw))
                return nil
            }
            return text
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            problems.append((column, "contains a NUL byte", raw))
            return nil
        }
        if text.unicodeScalars.contains("\u{FFFD}") {
            problems.append(
                (column, "contains bytes that are not text in this file's encoding (try --encoding)", raw))
            return nil
        }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
        if text.unicodeScalars.contains(where: {
            ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && !allowed.contains($0)
        }) {
            problems.append((column, "contains control characters", raw))
            return nil
        }
        text = text.precomposedStringWithCanonicalMapping
        if text.unicodeScalars.count > limit {
            problems.append((column, "longer than \(limit) characters", raw))
            return nil
        }
        return text
    }

    mutating func required(_ field: String, limit: Int = shortLimit, what: String) -> String? {
        let value = text(field, limit: limit)
        if value == nil && !problems.contains(where: { $0.column == mapping[field] }) {
            problem(field, "\(what) is empty", "")
        }
        return value
    }

    mutating func time(_ field: String) -> Int64? {
        guard let text = text(field, limit: 64) else {
            if has(field) && !problems.contains(where: { $0.column == mapping[field] }) {
                problem(field, "the date is empty", "")
            }
            return nil
        }
        guard let time = ImportValues.time(text) else {
            problem(
                field, "not a date (use 2025-03-14, 2025-03-14T10:22:00Z, 14.03.2025 or 14.03.25 10:22)", text
            )
            return nil
        }
        return time
    }

    /// An optional calendar day; `.some(nil)` when the cell is empty.
    mutating func day(_ field: String) -> CalendarDay?? {
        guard let text = text(field, limit: 64) else { return .some(nil) }
        guard let day = ImportValues.date(text) else {
            problem(field, "not a date (use 2025-03-14 or 14.03.2025)", text)
            return nil
        }
        return .some(day)
    }

    /// Minor units; ambiguous cells are resolved by `style` or, in the validation pass
    /// (`style` unknown yet), set aside with a placeholder value.
    mutating func amount(_ field: String, style: ImportNumberStyle??) -> Int64? {
        guard let text = text(field, limit: 64) else {
            if has(field) && !problems.contains(where: { $0.column == mapping[field] }) {
                problem(field, "the amount is empty", "")
            }
            return nil
        }
        let reading = FastValues.amount(text).map { Amount.Reading.value($0) } ?? Amount.read(text)
        switch reading {
        case .value(let minor):
            guard abs(minor) <= 100_000_000_000_000 else {
                problem(field, "the amount is too large", text)
                return nil
            }
            return minor
        case .invalid(let why):
            problem(field, "\(why) (use 1234.56, 1.234,56 or 1,234.56; at most two decimals)", text)
            return nil
        case .ambiguous(let ifComma, let ifPoint):
            guard let style else {
                ambiguous.append((mapping[field] ?? 0, text, reading))
                return 0
            }
            switch style {
            case .decimalComma?:
                if let ifComma { return ifComma }
            case .decimalPoint?:
                if let ifPoint { return ifPoint }
            case nil:
                problem(field, Self.ambiguityHint, text)
                return nil
            }
            problem(
                field, "more than two decimals in this file's number style (\(Self.styleName(style)))", text)
            return nil
        }
    }

    static let ambiguityHint =
        "ambiguous amount: thousands or decimals? write 1234 or 1234.00 (or 1.234,00)"

    static func styleName(_ style: ImportNumberStyle?) -> String {
        switch style {
        case .decimalComma?: "decimal comma"
        case .decimalPoint?: "decimal point"
        case nil: "undecided"
        }
    }

    /// A value from a vocabulary, compared folded (`Anruf`, `anruf`, `ANRUF`).
    mutating func choice<T>(_ field: String, _ table: [String: T], what: String) -> T? {
        guard let text = text(field, limit: 64) else { return nil }
        if let value = table[ImportValues.headerKey(text)] { return value }
        let known = Set(table.keys).sorted().prefix(12).joined(separator: ", ")
        problem(field, "not a known \(what) (one of: \(known))", text)
        return nil
    }

    mutating func integer(_ field: String, range: ClosedRange<Int>, what: String) -> Int? {
        guard let text = text(field, limit: 32) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem(
                field, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)", text)
            return nil
        }
        return value
    }

    mutating func flag(_ field: String) -> Bool? {
        guard let text = text(field, limit: 16) else { return nil }
        guard let value = ImportValues.flag(text) else {
            problem(field, "not yes or no (use ja/nein, yes/no, 1/0)", text)
            return nil
        }
        return value
    }

    mutating func currency(_ field: String) -> String {
        guard let text = text(field, limit: 16) else { return "EUR" }
        if text.utf8.count == 3
            && text.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        {
            return text
        }
        let code = ["€": "EUR", "$": "USD", "£": "GBP"][text] ?? text.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            problem(field, "not a three-letter currency code", text)
            return "EUR"
        }
        return code
    }
}
