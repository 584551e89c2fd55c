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
    var problems: [Problem] = []
    /// Amount cells whose meaning depends on the file's number style.
    var ambiguous: [(column: Int, value: String, reading: Amount.Reading)] = []

    /// A problem in one cell: its 0-based column, what is wrong, and the cell's text.
    struct Problem {
        var column: Int
        var problem: ImportProblem
        var value: String?
    }

    init(record: CSVRecord, mapping: ColumnMapping) {
        self.record = record
        self.mapping = mapping
    }

    func has(_ field: String) -> Bool { mapping[field] != nil }

    /// The file has the column but this row's cell is empty (or only spaces).
    func isBlank(_ field: String) -> Bool {
        guard let column = mapping[field] else { return false }
        return column >= record.fields.count || record.fields[column].importTrimmed().isEmpty
    }

    mutating func problem(_ field: String, _ problem: ImportProblem, _ value: String?) {
        problems.append(Problem(column: mapping[field] ?? 0, problem: problem, value: value))
    }

    private mutating func problem(column: Int, _ problem: ImportProblem, _ value: String?) {
        problems.append(Problem(column: column, problem: problem, value: value))
    }

    /// The cleaned text of `field`, nil when the column is absent or the cell empty (or bad).
    mutating func text(_ field: String, limit: Int = longLimit, multiline: Bool = false) -> String? {
        guard let column = mapping[field], column < record.fields.count else { return nil }
        let raw = record.fields[column]
        var text = raw.importTrimmed()
        if text.isEmpty { return nil }
        if text.isPrintableASCII {
            if text.utf8.count > limit {
                problem(column: column, .tooLong(limit: limit), raw)
                return nil
            }
            return text
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            problem(column: column, .containsNUL, raw)
            return nil
        }
        if text.unicodeScalars.contains("\u{FFFD}") {
            problem(column: column, .notTextInEncoding, raw)
            return nil
        }
        if text.containsControlCharacters(allowing: multiline ? ["\n", "\r", "\t"] : []) {
            problem(column: column, .controlCharacters, raw)
            return nil
        }
        text = text.precomposedStringWithCanonicalMapping
        if text.unicodeScalars.count > limit {
            problem(column: column, .tooLong(limit: limit), raw)
            return nil
        }
        return text
    }

    mutating func required(_ field: String, limit: Int = shortLimit, what: ImportSubject) -> String? {
        let value = text(field, limit: limit)
        if value == nil && !problems.contains(where: { $0.column == mapping[field] }) {
            problem(field, .empty(what), "")
        }
        return value
    }

    mutating func time(_ field: String) -> Int64? {
        guard let text = text(field, limit: 64) else {
            if has(field) && !problems.contains(where: { $0.column == mapping[field] }) {
                problem(field, .empty(.date), "")
            }
            return nil
        }
        guard let time = ImportValues.time(text) else {
            problem(field, .notADateTime, text)
            return nil
        }
        return time
    }

    /// An optional calendar day; `.some(nil)` when the cell is empty.
    mutating func day(_ field: String) -> CalendarDay?? {
        guard let text = text(field, limit: 64) else { return .some(nil) }
        guard let day = ImportValues.date(text) else {
            problem(field, .notADay, text)
            return nil
        }
        return .some(day)
    }

    /// Minor units; ambiguous cells are resolved by `style` or, in the validation pass
    /// (`style` unknown yet), set aside with a placeholder value.
    mutating func amount(_ field: String, style: ImportNumberStyle??) -> Int64? {
        guard let text = text(field, limit: 64) else {
            if has(field) && !problems.contains(where: { $0.column == mapping[field] }) {
                problem(field, .empty(.amount), "")
            }
            return nil
        }
        let reading = FastValues.amount(text).map { Amount.Reading.value($0) } ?? Amount.read(text)
        switch reading {
        case .value(let minor):
            guard abs(minor) <= 100_000_000_000_000 else {
                problem(field, .amountTooLarge, text)
                return nil
            }
            return minor
        case .invalid(let why):
            problem(field, .notAnAmount(why), text)
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
                problem(field, .ambiguousAmount, text)
                return nil
            }
            problem(field, .tooManyDecimals(style: style), text)
            return nil
        }
    }

    static let ambiguityHint = ImportProblem.ambiguousAmount.english

    /// A value from a vocabulary, compared folded (`Anruf`, `anruf`, `ANRUF`).
    mutating func choice<T>(_ field: String, _ table: [String: T], what: ImportSubject) -> T? {
        guard let text = text(field, limit: 64) else { return nil }
        if let value = table[ImportValues.headerKey(text)] { return value }
        // Every accepted spelling (the vocabularies have at most a few dozen): a list cut at 12
        // left out "visit" for a channel and "sales" for a kind.
        problem(field, .unknownValue(what, known: Array(Set(table.keys).sorted().prefix(40))), text)
        return nil
    }

    mutating func integer(_ field: String, range: ClosedRange<Int>, what: ImportSubject) -> Int? {
        guard let text = text(field, limit: 32) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem(field, .notAWholeNumber(what, range: range), text)
            return nil
        }
        return value
    }

    mutating func flag(_ field: String) -> Bool? {
        guard let text = text(field, limit: 16) else { return nil }
        guard let value = ImportValues.flag(text) else {
            problem(field, .notYesOrNo, text)
            return nil
        }
        return value
    }

    /// The row's currency, which must be the store's: EUR. A currency column or an amount's own
    /// symbol (`20 CHF`) naming another is a problem (at the column that names it), because the
    /// figures add amounts up and there is no rate to convert them with.
    mutating func storeCurrency(_ field: String, amountField: String) -> String {
        let code = currency(field)
        if code != "EUR", has(field) {
            problem(field, .foreignCurrency(code: code), text(field, limit: 16))
        } else if let amount = text(amountField, limit: 64), let mark = Amount.currencyMark(amount),
            mark != "EUR"
        {
            problem(amountField, .foreignCurrency(code: mark), amount)
        }
        return "EUR"
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
            problem(field, .notACurrency, text)
            return "EUR"
        }
        return code
    }
}
