import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("CSV records")
struct CSVReaderTests {
    private func read(_ text: String, delimiter: Character = ",") throws(CSVShapeError) -> [CSVRecord] {
        try CSVReader(delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ",")).records(
            Array(text.utf8))
    }

    @Test("Quotes, doubled quotes, quoted line breaks, CRLF, BOM and trailing empty lines")
    func rfc4180() throws {
        let records = try read("\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n\r\n\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("Line numbers stay physical after a quoted line break")
    func physicalLines() throws {
        let records = try read("h\n\"a\nb\nc\"\nnext\n")
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test(
        "An unclosed quote is reported where it opened; stray quotes are refused",
        arguments: [
            ("h\nok\n\"open\nmore\n", 3, 1, "never closed"),
            ("h,i\nab\"c,d\n", 2, 1, "quote inside an unquoted field"),
            ("h,i\n\"ab\"c,d\n", 2, 1, "after the closing quote"),
        ])
    func shapeErrors(text: String, line: Int, column: Int, message: String) {
        do throws(CSVShapeError) {
            _ = try read(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message))
        }
    }

    @Test("Delimiter detection ignores characters inside quotes")
    func delimiter() {
        #expect(OrderImport.detectDelimiter(Array("a;b;c\n1,2;3".utf8)) == UInt8(ascii: ";"))
        #expect(OrderImport.detectDelimiter(Array("\"a;b;c\",d,e\n".utf8)) == UInt8(ascii: ","))
        #expect(OrderImport.detectDelimiter(Array("a\tb\n".utf8)) == UInt8(ascii: "\t"))
    }
}

@Suite("Values in imported files")
struct ImportValueTests {
    @Test(
        "Amounts become exact minor units",
        arguments: [
            ("1234.56", Int64(123_456)), ("1234,56", 123_456), ("-5", -500), ("12.5", 1250), ("0,07", 7),
            ("€ 19,99", 1999),
            ("19.99 EUR", 1999), ("1.234,56", 123_456), ("1,234.56", 123_456), ("1.234.567", 123_456_700),
            ("-1.234,5", -123_450),
        ])
    func amounts(text: String, minor: Int64) {
        #expect(Amount.read(text) == .value(minor))
    }

    @Test(
        "Ambiguous or malformed amounts are refused",
        arguments: ["1.234", "1,234", "12,", "abc", "", "1e3", "--5", "5.5.5", "1.23.4", "0,123"])
    func badAmounts(text: String) {
        guard case .value(let minor) = Amount.read(text) else { return }
        Issue.record("\(text) read as \(minor)")
    }

    @Test("Dates and date-times as written; a date alone is noon")
    func times() {
        let noon = CalendarDay(year: 2025, month: 3, day: 14)!.startUnixSeconds + 12 * 3600
        #expect(ImportValues.time("2025-03-14") == noon)
        #expect(ImportValues.time("14.03.2025") == noon)
        #expect(ImportValues.time("2025-03-14T10:22:00Z") == noon - 12 * 3600 + 10 * 3600 + 22 * 60)
        #expect(ImportValues.time("2025-03-14 10:22") == noon - 12 * 3600 + 10 * 3600 + 22 * 60)
        // A UTC offset is read (the day as written; ImportDateTimeTests), a wrong one is not.
        #expect(ImportValues.time("2025-03-14T10:22+02:00") == noon - 12 * 3600 + 10 * 3600 + 22 * 60)
        for bad in ["2025-02-30", "31.02.2025", "2025-03-14T25:00", "2025-03-14T10:22+24:00", "yesterday"] {
            #expect(ImportValues.time(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Importing orders")
struct OrderImportTests {
    let folder: TemporaryFolder
    let store: CustomerStore

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("i.sqlite"))
        try store.insert(CustomerRecord(id: 0, externalID: "K-1", name: "Jürgen Müller", createdAt: 0))
    }

    private func orderCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM orders") ?? 0 }
    }

    private func run(_ text: String, createMissing: Bool = false, dryRun: Bool = false) throws
        -> ImportSummary
    {
        try OrderImport(fileName: "orders.csv", createMissingCustomers: createMissing, dryRun: dryRun)
            .run(Array(text.utf8), into: store, createdAt: 0)
    }

    @Test("German headers, semicolons, decimal commas; a second import adds nothing")
    func importsOnce() throws {
        let file = "Kunden-Nr.;Datum;Betrag;Währung\nK-1;14.03.2025;99,90;EUR\nK-1;2025-03-15;10;EUR\n"
        let first = try run(file)
        #expect(first.inserted == 2)
        let second = try run(file)
        #expect(second.inserted == 0)
        #expect(second.duplicates == 2)
        #expect(try orderCount() == 2)
    }

    @Test("Every bad row is reported with line and column, and nothing is written")
    func allOrNothing() throws {
        let file =
            "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,2025-13-01,5\nK-1,2025-01-02,abc\nK-1,2025-01-03\n"
        #expect(throws: ImportError.self) { try run(file) }
        do {
            _ = try run(file)
        } catch let error as ImportError {
            guard case .invalidRows(let issues, let total) = error else { return }
            #expect(total == 3)
            #expect(issues.map { "\($0.line):\($0.column)" } == ["3:2", "4:3", "5:1"])
        }
        #expect(try orderCount() == 0)
    }

    @Test("Unknown customers are an error unless they may be created")
    func missingCustomers() throws {
        let file = "customer_id,date,amount\nK-1,2025-01-01,5\nNEU-7,2025-01-01,5\n"
        #expect(throws: ImportError.self) { try run(file) }
        #expect(try orderCount() == 0)
        let summary = try run(file, createMissing: true)
        #expect(summary.customersCreated == 1)
        #expect(try store.searchCustomers("NEU").count == 1)
        #expect(try orderCount() == 2)
    }

    @Test("A dry run writes nothing; a missing column names the headers found")
    func dryRunAndColumns() throws {
        let summary = try run("customer_id,date,amount\nK-1,2025-01-01,5\n", dryRun: true)
        #expect(summary.inserted == 1)
        #expect(try orderCount() == 0)
        #expect(
            throws: ImportError.missingColumn(
                file: "orders.csv", column: "amount", found: ["customer_id", "date", "price"])
        ) {
            try run("customer_id,date,price\nK-1,2025-01-01,5\n")
        }
        #expect(throws: ImportError.emptyFile(file: "orders.csv")) { try run("") }
    }

    @Test("Control characters in a bad value never reach the message raw")
    func messagesAreSafe() {
        do {
            _ = try run("customer_id,date,amount\nK-1,\u{1B}[31mred,5\n")
        } catch {
            #expect(!"\(error)".contains("\u{1B}"))
        }
    }
}
