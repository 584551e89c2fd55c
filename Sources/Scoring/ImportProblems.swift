// The importer's problems as values, not sentences: CustomerStore reports them, the command line
// prints their English rendering (below, the one English wording), and the dashboard's catalogue
// renders them in the user's language. They live here because both depend on this module and
// never on each other. No I/O.

/// Which separator a file uses for decimals, decided once per file (see docs/IMPORT.md): a
/// decimal comma when the delimiter is `;` or any amount ends in a comma and two digits;
/// otherwise a decimal point when any amount shows one; otherwise undecided.
public enum ImportNumberStyle: Hashable, Sendable {
    case decimalComma, decimalPoint
}

/// What a cell holds, as a problem names it ("the customer id is empty", "not a known channel").
public enum ImportSubject: Hashable, Sendable, CaseIterable {
    case customerID, name, product, date, amount, startDate, noticePeriod
    case customerKind, country, relationshipType, channel, interactionKind, direction, outcome
    case sentiment, complaintStatus, metric, npsType, billingPeriod, contractStatus

    /// The noun in English, without an article.
    public var english: String {
        switch self {
        case .customerID: "customer id"
        case .name: "name"
        case .product: "product"
        case .date: "date"
        case .amount: "amount"
        case .startDate: "start date"
        case .noticePeriod: "notice period"
        case .customerKind: "customer kind"
        case .country: "country"
        case .relationshipType: "relationship type"
        case .channel: "channel"
        case .interactionKind: "kind"
        case .direction: "direction"
        case .outcome: "outcome"
        case .sentiment: "sentiment"
        case .complaintStatus: "complaint status"
        case .metric: "metric"
        case .npsType: "NPS type"
        case .billingPeriod: "billing period"
        case .contractStatus: "status"
        }
    }
}

/// Why an amount cell is not an amount.
public enum ImportAmountFault: Hashable, Sendable {
    case notAnAmount, moreThanTwoDecimals

    public var english: String {
        switch self {
        case .notAnAmount: "not an amount"
        case .moreThanTwoDecimals: "more than two decimals"
        }
    }
}

/// One thing wrong with a cell, a row or the file's shape.
public enum ImportProblem: Hashable, Sendable {
    // A cell's text.
    case tooLong(limit: Int)
    case containsNUL
    case notTextInEncoding
    case controlCharacters
    // A cell's value.
    case empty(ImportSubject)
    case notADateTime
    case notADay
    case amountTooLarge
    case notAnAmount(ImportAmountFault)
    case ambiguousAmount
    /// `style` nil: the file's style is undecided.
    case tooManyDecimals(style: ImportNumberStyle?)
    /// `known`: the first accepted spellings, folded and sorted.
    case unknownValue(ImportSubject, known: [String])
    case notAWholeNumber(ImportSubject, range: ClosedRange<Int>)
    case notYesOrNo
    case notACurrency
    /// Money in another currency than the store's (EUR): every figure adds amounts up, and
    /// there is no exchange rate to convert them with.
    case foreignCurrency(code: String)
    case statusOnlyForComplaints
    case whichMetric
    case scoreOutOfRange(FeedbackMetric)
    case negativeRecurringAmount
    case endsBeforeStart
    // A row.
    case columnCount(expected: Int, found: Int)
    case unknownCustomer
    // The file's shape.
    case quoteInUnquotedField
    case textAfterClosingQuote
    case quoteNeverClosed
    case recordTooLong
    /// Text from outside this vocabulary (an issue built by hand), shown as it is.
    case text(String)

    /// The English sentence, as `clientele import` prints it.
    public var english: String {
        switch self {
        case .tooLong(let limit): "longer than \(limit) characters"
        case .containsNUL: "contains a NUL byte"
        case .notTextInEncoding: "contains bytes that are not text in this file's encoding (try --encoding)"
        case .controlCharacters: "contains control characters"
        case .empty(let subject): "the \(subject.english) is empty"
        case .notADateTime: "not a date (use 2025-03-14, 2025-03-14T10:22:00Z, 14.03.2025 or 14.03.25 10:22)"
        case .notADay: "not a date (use 2025-03-14 or 14.03.2025)"
        case .amountTooLarge: "the amount is too large"
        case .notAnAmount(let fault):
            "\(fault.english) (use 1234.56, 1.234,56 or 1,234.56; at most two decimals)"
        case .ambiguousAmount: "ambiguous amount: thousands or decimals? write 1234 or 1234.00 (or 1.234,00)"
        case .tooManyDecimals(let style):
            "more than two decimals in this file's number style (\(Self.englishStyle(style)))"
        case .unknownValue(let subject, let known):
            "not a known \(subject.english) (one of: \(known.joined(separator: ", ")))"
        case .notAWholeNumber(let subject, let range):
            "the \(subject.english) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .notYesOrNo: "not yes or no (use ja/nein, yes/no, 1/0)"
        case .notACurrency: "not a three-letter currency code"
        case .foreignCurrency(let code):
            "an amount in \(code): Clientele keeps every amount in EUR; convert the file's amounts to EUR first"
        case .statusOnlyForComplaints: "only complaints have a complaint status"
        case .whichMetric: "which metric? (add a metric column: nps, csat or ces)"
        case .scoreOutOfRange(let metric):
            "a \(metric.rawValue.uppercased()) score is a whole number from \(metric.range.lowerBound) "
                + "to \(metric.range.upperBound)"
        case .negativeRecurringAmount: "a recurring amount cannot be negative"
        case .endsBeforeStart: "the contract ends before it starts"
        case .columnCount(let expected, let found): "expected \(expected) columns, found \(found)"
        case .unknownCustomer: "no customer with this id (use --create-missing to create them)"
        case .quoteInUnquotedField:
            "a quote inside an unquoted field; quote the whole field and double the quote"
        case .textAfterClosingQuote: "text after the closing quote of a quoted field"
        case .quoteNeverClosed: "a quoted field is never closed"
        case .recordTooLong: "a record longer than 8 MB without a line end"
        case .text(let text): text
        }
    }

    public static func englishStyle(_ style: ImportNumberStyle?) -> String {
        switch style {
        case .decimalComma?: "decimal comma"
        case .decimalPoint?: "decimal point"
        case nil: "undecided"
        }
    }
}

/// A problem at a place in a file, printed as `FILE:LINE:COLUMN: what is wrong ("value")`.
public struct LocatedImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: ImportProblem
    /// The cell's text as the file has it (raw: render it through `neutralised`).
    public var value: String?

    public init(file: String, line: Int, column: Int, problem: ImportProblem, value: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.value = value
    }

    /// `FILE:LINE:COLUMN: ` before the sentence (the same in every language).
    public var place: String { "\(file):\(line):\(column): " }

    /// ` ("value")` after the sentence, neutralised; empty without a value.
    public var shownValue: String { value.map { " (\"\(Self.neutralised($0))\")" } ?? "" }

    public var english: String { place + problem.english + shownValue }

    public var description: String { english }

    /// Values are echoed to the terminal: controls (C0, DEL, C1) and bidi overrides become `?`,
    /// and long values are cut. CustomerStore cannot use the Dashboard's sanitiser.
    public static func neutralised(_ text: String) -> String {
        let limited = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return String(
            String.UnicodeScalarView(
                limited.unicodeScalars.map {
                    $0.isControlCharacter || (0x202A...0x202E).contains($0.value)
                        || (0x2066...0x2069).contains($0.value) ? "?" : $0
                }))
    }
}

/// What a file given to the importer is, when its first bytes show it is not CSV text: the
/// reader would otherwise stumble on its first stray byte and report "a quote inside an unquoted
/// field" (an executable, a database) or "no header line" (a folder), and send the user looking
/// for a quote in a file they never meant to give.
public enum ImportFileKind: Hashable, Sendable, CaseIterable {
    case folder, sqliteDatabase, json, executable, excelWorkbook, zipArchive, gzip, pdf, binary
    /// UTF-16 the reader did not recognise (no byte-order mark and not ASCII at the start, or
    /// another `--encoding` given).
    case utf16

    /// What the binary file is, in English, for "FILE is a binary file (…), not CSV"; nil for
    /// kinds with their own sentence.
    public var englishBinaryName: String? {
        switch self {
        case .executable: "an executable program"
        case .excelWorkbook: "an Excel workbook"
        case .zipArchive: "a zip archive"
        case .gzip: "gzip-compressed"
        case .pdf: "a PDF document"
        case .folder, .sqliteDatabase, .json, .binary, .utf16: nil
        }
    }
}

/// A row whose natural key is stored already, but with other values: an order number with
/// another amount or date, an interaction's reference with another date, channel or kind, a
/// feedback answer (same customer, time and metric) with another score. The
/// stored record is kept (an import never silently rewrites money) and the difference is
/// reported, so a corrected export does not pass as "already present".
public struct ImportConflict: Hashable, Sendable {
    /// The values a conflict compares (days, not times: a time of day the first export lacked
    /// is not a correction).
    public enum Values: Hashable, Sendable {
        case order(amountMinor: Int64, currency: String, day: CalendarDay)
        case interaction(channel: Channel, kind: InteractionKind, day: CalendarDay)
        /// Feedback's key is (customer, time, metric): only the score can differ.
        case feedback(metric: FeedbackMetric, score: Int, day: CalendarDay)
    }

    public var line: Int
    /// The order number or the interaction's reference, as the file has it; for feedback the
    /// metric (`NPS`).
    public var reference: String
    public var stored: Values
    public var file: Values

    public init(line: Int, reference: String, stored: Values, file: Values) {
        self.line = line
        self.reference = reference
        self.stored = stored
        self.file = file
    }

    /// How many conflicts an import lists (the first by line); all are counted.
    public static let shownCount = 10
}

/// Why an import wrote nothing (or stopped), as a value: the importer throws it (CustomerStore
/// calls it `ImportError`), and it lives here so the dashboard can word it in the user's language.
public enum ImportRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has problems; `issues` holds the first ones, `total` counts them all.
    case invalidRows(issues: [LocatedImportProblem], total: Int)
    /// A required column is missing; the headers found are listed so the user can map one.
    case missingColumn(file: String, column: String, found: [String])
    case emptyFile(file: String)
    /// A header line and nothing else.
    case noRows(file: String, line: Int)
    /// `--map` names a field the importer does not have.
    case unknownField(field: String, known: [String])
    /// `reason`: the system's words (strerror), English.
    case unreadable(file: String, reason: String)
    case rejectsUnwritable(file: String, reason: String)
    case customerVanished(file: String, line: Int, customer: String)
    case scratchFailed(reason: String, written: Bool)
    /// The file is not CSV text at all (see `ImportFileKind`); nothing was read from it.
    case notCSV(file: String, kind: ImportFileKind)

    /// How many problems stopped the import: all of a file's bad rows (not only the ones shown,
    /// nor the summary lines), else the one reason.
    public var problemCount: Int {
        if case .invalidRows(_, let total) = self { return total }
        return 1
    }

    /// The lines `clientele import` prints, as one text.
    public var description: String { englishLines.joined(separator: "\n") }

    /// The lines `clientele import` prints.
    public var englishLines: [String] {
        switch self {
        case .invalidRows(let issues, let total):
            var lines = issues.map(\.english)
            if total > issues.count { lines.append(Self.englishMore(total - issues.count)) }
            lines.append(Self.englishNothingImported(total))
            return lines
        case .missingColumn(let file, let column, let found):
            return [
                "\(file): no column for \(column); the file has: "
                    + found.map(LocatedImportProblem.neutralised).joined(separator: ", ")
                    + " (name one with --map COLUMN=\(column))"
            ]
        case .emptyFile(let file):
            return ["\(file): the file has no header line"]
        case .noRows(let file, let line):
            return ["\(file):\(line):1: the file has a header line but no rows"]
        case .unknownField(let field, let known):
            return [
                "--map: no field \(LocatedImportProblem.neutralised(field)); fields: "
                    + known.joined(separator: ", ")
            ]
        case .unreadable(let file, let reason):
            return ["cannot read \(file): \(reason)"]
        case .rejectsUnwritable(let file, let reason):
            return [
                "cannot write the rejects file \(file): \(reason). Nothing was imported; "
                    + "choose another path for --skip-bad-rows"
            ]
        case .customerVanished(let file, let line, let customer):
            return [
                "\(file):\(line): the customer \(LocatedImportProblem.neutralised(customer)) was deleted "
                    + "while importing, so the import stopped here. The rows of the customers written "
                    + "before it (the import writes customer by customer) are in the store; import the "
                    + "file again to finish: rows already imported are recognised and not added twice"
            ]
        case .scratchFailed(let reason, let written):
            return [
                "cannot sort the rows in a temporary file (in TMPDIR, or SQLITE_TMPDIR if set): "
                    + "\(reason). "
                    + (written
                        ? "Some rows were imported; free disk space there and run the import again to finish"
                        : "Nothing was imported; free disk space there or point TMPDIR at a folder with room")
            ]
        case .notCSV(let file, let kind):
            return [Self.englishNotCSV(file, kind)]
        }
    }

    /// "FILE is a folder, not a CSV file", with what to do instead.
    public static func englishNotCSV(_ file: String, _ kind: ImportFileKind) -> String {
        let what =
            switch kind {
            case .folder: "\(file) is a folder, not a CSV file"
            case .sqliteDatabase: "\(file) is a SQLite database (perhaps a Clientele store?), not a CSV file"
            case .json: "\(file) looks like JSON, not CSV"
            case .binary: "\(file) is a binary file, not CSV"
            case .utf16: "\(file) looks like UTF-16 text"
            case .executable, .excelWorkbook, .zipArchive, .gzip, .pdf:
                "\(file) is a binary file (\(kind.englishBinaryName ?? "")), not CSV"
            }
        let todo =
            switch kind {
            case .folder: "give the path of a CSV file in it"
            case .sqliteDatabase: "export the records as CSV first (a store is opened with --db)"
            case .json, .pdf, .binary: "export the records as CSV first"
            case .executable: "check the path and give the CSV file"
            case .excelWorkbook: "save the sheet as CSV UTF-8 in Excel first"
            case .zipArchive: "unpack it and import the CSV file inside (an Excel workbook: save it as CSV)"
            case .gzip: "unpack it (gunzip) and import the CSV file"
            case .utf16: "save it as UTF-8 CSV (or import it with --encoding utf-16)"
            }
        return what + ". Nothing was imported; " + todo + "."
    }

    public static func englishMore(_ count: Int) -> String { "… and \(count) more problems" }

    public static func englishNothingImported(_ total: Int) -> String {
        "Nothing was imported: \(total) problem\(total == 1 ? "" : "s") in the file."
    }
}
