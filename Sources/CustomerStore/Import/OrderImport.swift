import Foundation
import GRDB
import Scoring

/// A located problem in an imported file, printed as `FILE:LINE:COLUMN: what is wrong (value)`.
public struct ImportIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var value: String?

    public var description: String {
        let shown = value.map { " (\"\(sanitizedValue($0))\")" } ?? ""
        return "\(file):\(line):\(column): \(message)\(shown)"
    }

    /// Values are echoed in messages; controls must not reach the terminal.
    private func sanitizedValue(_ text: String) -> String {
        let limited = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return String(
            String.UnicodeScalarView(
                limited.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}

/// Why an import wrote nothing.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The file has problems; `issues` holds the first ones, `total` counts them all.
    case invalidRows(issues: [ImportIssue], total: Int)
    /// A required column is missing; the headers found are listed so the user can map one.
    case missingColumn(file: String, column: String, found: [String])
    case emptyFile(file: String)

    public static let shownIssues = 50

    public var description: String {
        switch self {
        case .invalidRows(let issues, let total):
            var lines = issues.map(\.description)
            if total > issues.count { lines.append("… and \(total - issues.count) more problems") }
            lines.append("Nothing was imported: \(total) problem\(total == 1 ? "" : "s") in the file.")
            return lines.joined(separator: "\n")
        case .missingColumn(let file, let column, let found):
            return "\(file): no column for \(column); the file has: \(found.joined(separator: ", "))"
        case .emptyFile(let file):
            return "\(file): the file has no header line"
        }
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var rowsRead = 0
    public var inserted = 0
    /// Rows already in the store (same order number, or same customer, time and amount).
    public var duplicates = 0
    public var customersCreated = 0
    /// Customers whose orders changed (to rescore).
    public var affectedCustomers: Set<Int64> = []
}

/// The orders importer: a transaction log of `customer, date, amount` rows with optional
/// currency, category and order number. The whole file is validated first; any problem and
/// nothing is written. Orders are never duplicated: the order number is the natural key when
/// present, otherwise (customer, time, amount).
public struct OrderImport: Sendable {
    public var fileName: String
    public var createMissingCustomers: Bool
    public var dryRun: Bool

    public init(fileName: String, createMissingCustomers: Bool = false, dryRun: Bool = false) {
        self.fileName = fileName
        self.createMissingCustomers = createMissingCustomers
        self.dryRun = dryRun
    }

    /// Column names accepted for each field (compared by `ImportValues.headerKey`).
    static let aliases: [(field: Field, names: [String])] = [
        (
            .customer,
            [
                "customer_id", "customer", "customer_no", "kundennummer", "kunden-nr.", "kundennr", "kunde",
                "external_id", "kunden_id",
            ]
        ),
        (.date, ["date", "datum", "order_date", "bestelldatum", "ordered_at", "zeitpunkt"]),
        (.amount, ["amount", "betrag", "umsatz", "total", "summe", "wert"]),
        (.currency, ["currency", "währung", "waehrung"]),
        (.category, ["category", "kategorie", "warengruppe", "produktgruppe"]),
        (
            .orderNumber,
            ["order_id", "order", "order_no", "bestellnummer", "auftragsnummer", "external_ref", "beleg"]
        ),
    ]

    enum Field: String {
        case customer = "customer id"
        case date, amount, currency, category
        case orderNumber = "order number"
    }

    struct Row {
        var line: Int
        var customerColumn: Int
        var customer: String
        var orderedAt: Int64
        var amountMinor: Int64
        var currency: String
        var category: String?
        var orderNumber: String?
    }

    /// Validates `bytes` fully, then writes them in one transaction (unless a dry run).
    public func run(_ bytes: [UInt8], into store: CustomerStore, createdAt: Int64) throws -> ImportSummary {
        let rows = try validate(bytes)
        var summary = ImportSummary()
        summary.rowsRead = rows.count
        let known = try store.customerIDs(forExternalIDs: Set(rows.map(\.customer)))
        let missing = Set(rows.map(\.customer)).subtracting(known.keys)
        if !missing.isEmpty && !createMissingCustomers {
            let issues = rows.filter { missing.contains($0.customer) }.map {
                ImportIssue(
                    file: fileName, line: $0.line, column: $0.customerColumn + 1,
                    message: "no customer with this id (use --create-missing to create them)",
                    value: $0.customer)
            }
            throw ImportError.invalidRows(
                issues: Array(issues.prefix(ImportError.shownIssues)), total: issues.count)
        }
        summary.customersCreated = missing.count
        if dryRun {
            summary.inserted = rows.count
            return summary
        }
        try store.writeImportedOrders(
            rows, knownCustomers: known, createMissing: missing, createdAt: createdAt, summary: &summary)
        return summary
    }

    /// Every row checked; all problems collected before anything is written.
    func validate(_ bytes: [UInt8]) throws -> [Row] {
        let delimiter = Self.detectDelimiter(bytes)
        let records: [CSVRecord]
        do {
            records = try CSVReader(delimiter: delimiter).records(bytes)
        } catch {
            throw ImportError.invalidRows(
                issues: [
                    ImportIssue(
                        file: fileName, line: error.line, column: error.column, message: error.message)
                ],
                total: 1)
        }
        guard let header = records.first else { throw ImportError.emptyFile(file: fileName) }
        var columns: [Field: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = ImportValues.headerKey(name)
            if let match = Self.aliases.first(where: { $0.names.map(ImportValues.headerKey).contains(key) }),
                columns[match.field] == nil
            {
                columns[match.field] = index
            }
        }
        for required in [Field.customer, .date, .amount] where columns[required] == nil {
            throw ImportError.missingColumn(file: fileName, column: required.rawValue, found: header.fields)
        }
        var rows: [Row] = []
        var issues: [ImportIssue] = []
        var total = 0
        func problem(_ record: CSVRecord, _ column: Int, _ message: String, _ value: String?) {
            total += 1
            if issues.count < ImportError.shownIssues {
                issues.append(
                    ImportIssue(
                        file: fileName, line: record.line, column: column + 1, message: message, value: value)
                )
            }
        }
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problem(
                    record, 0, "expected \(header.fields.count) columns, found \(record.fields.count)", nil)
                continue
            }
            func field(_ name: Field) -> (index: Int, text: String)? {
                columns[name].map { ($0, record.fields[$0].trimmingCharacters(in: .whitespaces)) }
            }
            guard let customer = field(.customer), let date = field(.date), let amount = field(.amount) else {
                continue
            }
            var valid = true
            if customer.text.isEmpty || customer.text.count > 200 {
                problem(
                    record, customer.index, "the customer id is empty or longer than 200 characters",
                    customer.text)
                valid = false
            }
            let time = ImportValues.time(date.text)
            if time == nil {
                problem(
                    record, date.index, "not a date (use 2025-03-14, 2025-03-14T10:22:00Z or 14.03.2025)",
                    date.text)
                valid = false
            }
            let minor = ImportValues.amountMinor(amount.text)
            if minor == nil {
                problem(
                    record, amount.index, "not an amount (use 1234.56; at most two decimals)", amount.text)
                valid = false
            }
            var currency = "EUR"
            if let given = field(.currency), !given.text.isEmpty {
                currency = given.text.uppercased()
                if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    problem(record, given.index, "not a three-letter currency code", given.text)
                    valid = false
                }
            }
            if valid, let time, let minor {
                rows.append(
                    Row(
                        line: record.line, customerColumn: customer.index, customer: customer.text,
                        orderedAt: time, amountMinor: minor, currency: currency,
                        category: field(.category).map(\.text).flatMap { $0.isEmpty ? nil : $0 },
                        orderNumber: field(.orderNumber).map(\.text).flatMap { $0.isEmpty ? nil : $0 }))
            }
        }
        if total > 0 { throw ImportError.invalidRows(issues: issues, total: total) }
        return rows
    }

    /// `,`, `;` or TAB: whichever appears most in the header line outside quotes.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            ?? UInt8(ascii: ",")
    }
}

extension CustomerStore {
    /// Ids of the customers with these external ids.
    func customerIDs(forExternalIDs externalIDs: Set<String>) throws(StoreError) -> [String: Int64] {
        try read { db in
            var found: [String: Int64] = [:]
            let statement = try db.makeStatement(sql: "SELECT id FROM customers WHERE external_id = ?")
            for externalID in externalIDs {
                if let id = try Int64.fetchOne(statement, arguments: [externalID]) { found[externalID] = id }
            }
            return found
        }
    }

    /// One `IMMEDIATE` transaction: the missing customers, then every order not already there.
    func writeImportedOrders(
        _ rows: [OrderImport.Row], knownCustomers: [String: Int64], createMissing: Set<String>,
        createdAt: Int64,
        summary: inout ImportSummary
    ) throws(StoreError) {
        var result = summary
        try write { db in
            var ids = knownCustomers
            let createCustomer = try db.makeStatement(sql: RecordSQL.insertCustomer)
            for externalID in createMissing.sorted() {
                let customer = CustomerRecord(
                    id: 0, externalID: externalID, name: externalID, createdAt: createdAt)
                try RawBinder.execute(createCustomer, in: db) { RecordSQL.bind(customer, to: $0) }
                ids[externalID] = db.lastInsertedRowID
            }
            let byNumber = try db.makeStatement(
                sql: "SELECT 1 FROM orders WHERE customer_id = ? AND external_ref = ?")
            let byContent = try db.makeStatement(
                sql:
                    "SELECT 1 FROM orders WHERE customer_id = ? AND ordered_at = ? AND amount_minor = ? AND currency = ?"
            )
            let insert = try db.makeStatement(sql: RecordSQL.insertOrder)
            for row in rows {
                guard let customerID = ids[row.customer] else { continue }
                let exists: Bool
                if let number = row.orderNumber {
                    exists = try Bool.fetchOne(byNumber, arguments: [customerID, number]) ?? false
                } else {
                    exists =
                        try Bool.fetchOne(
                            byContent, arguments: [customerID, row.orderedAt, row.amountMinor, row.currency])
                        ?? false
                }
                if exists {
                    result.duplicates += 1
                    continue
                }
                let order = OrderRecord(
                    id: 0, customerID: customerID, orderedAt: row.orderedAt, amountMinor: row.amountMinor,
                    currency: row.currency, category: row.category, externalRef: row.orderNumber)
                try RawBinder.execute(insert, in: db) { RecordSQL.bind(order, to: $0) }
                result.inserted += 1
                result.affectedCustomers.insert(customerID)
            }
        }
        summary = result
    }
}
