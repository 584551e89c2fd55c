import Foundation
import GRDB
import Scoring

/// The importer's writes: one `IMMEDIATE` transaction per batch. Re-importing is safe because
/// every kind has a natural key (docs/IMPORT.md): customers by external id (updated in the
/// columns the file has), orders by order number else (customer, time, amount, currency),
/// interactions by reference else (customer, time, channel, kind, note), feedback by
/// (customer, time, metric), contracts by reference else (customer, product, start).
extension CustomerStore {
    /// Ids of the customers with these external ids.
    func customerIDs(forExternalIDs externalIDs: Set<String>) throws(StoreError) -> [String: Int64] {
        try read { db in
            var found: [String: Int64] = [:]
            let statement = try db.makeStatement(sql: "SELECT id FROM customers WHERE external_id = ?")
            for externalID in externalIDs {
                if let id = try RawBinder.firstInteger(statement, in: db, bind: { $0.bind(1, externalID) }) {
                    found[externalID] = id
                }
            }
            return found
        }
    }

    /// Copies what other connections committed meanwhile into the main file (PASSIVE: never
    /// waits, never blocks anyone), so the importer's next transaction starts on a fully
    /// checkpointed WAL and SQLite rewinds it. Without this, a colleague's commit between two
    /// batches kept the WAL from ever rewinding: 40 GB of WAL for 20M rows (measured).
    func checkpointBetweenBatches() {
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// Writes one batch in one `IMMEDIATE` transaction. With `rollback` (a dry run) the same
    /// statements run and are rolled back, so the counts of inserted, updated and unchanged rows
    /// are exactly what the store would get for this batch.
    ///
    /// Throws `ImportError.customerVanished` (without the file name, which the importer adds)
    /// when a customer the check pass found was deleted since; the batch is rolled back. Other
    /// failures arrive as `StoreError`.
    func writeImportBatch(
        _ rows: ArraySlice<ImportRow>, kind: ImportKind, createMissing: Bool, createdAt: Int64,
        rollback: Bool = false, summary: inout ImportSummary
    ) throws {
        var result = summary
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    // A larger page cache for this connection: the natural-key lookups and
                    // index inserts of a large import otherwise reread pages from the OS.
                    try db.execute(sql: "PRAGMA cache_size = -32768")
                    var writer = try ImportBatchWriter(db: db, kind: kind, createdAt: createdAt)
                    for row in rows {
                        try writer.write(row, createMissing: createMissing, summary: &result)
                    }
                    return rollback ? .rollback : .commit
                }
            }
        } catch let vanished as ImportError {
            throw vanished
        } catch {
            throw StoreError.from(error, path: path)
        }
        summary = result
    }
}

/// The prepared statements of one batch and the customer ids it has resolved.
private struct ImportBatchWriter {
    let db: Database
    let createdAt: Int64
    var ids: [String: Int64] = [:]
    let findCustomer: Statement
    let insertCustomer: Statement
    var statements: [String: Statement] = [:]

    init(db: Database, kind: ImportKind, createdAt: Int64) throws {
        self.db = db
        self.createdAt = createdAt
        findCustomer = try db.makeStatement(sql: "SELECT id FROM customers WHERE external_id = ?")
        insertCustomer = try db.makeStatement(sql: RecordSQL.insertCustomer)
    }

    /// The orders path's two statements, kept apart from `statements`: hashing their SQL text
    /// for every row was a visible part of a large import (perf).
    private var orderStatements: (insert: Statement, same: Statement)?

    private mutating func orderStatement() throws -> (insert: Statement, same: Statement) {
        if let cached = orderStatements { return cached }
        let made = (
            try db.makeStatement(sql: RecordSQL.insertOrder), try db.makeStatement(sql: Self.sameOrder)
        )
        orderStatements = made
        return made
    }

    private mutating func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let made = try db.makeStatement(sql: sql)
        statements[sql] = made
        return made
    }

    /// The customer's store id; created with the external id as name when allowed.
    private mutating func customerID(
        _ externalID: String, line: Int, create: Bool, summary: inout ImportSummary
    )
        throws -> Int64?
    {
        if let id = ids[externalID] { return id }
        if let id = try RawBinder.firstInteger(findCustomer, in: db, bind: { $0.bind(1, externalID) }) {
            ids[externalID] = id
            return id
        }
        guard create else { return nil }
        let customer = CustomerRecord(id: 0, externalID: externalID, name: externalID, createdAt: createdAt)
        try RawBinder.execute(insertCustomer, in: db) { RecordSQL.bind(customer, to: $0) }
        summary.customersCreated += 1
        ids[externalID] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    mutating func write(_ row: ImportRow, createMissing: Bool, summary: inout ImportSummary) throws {
        if case .customer(let record, let columns) = row.payload {
            try writeCustomer(record, columns: columns, summary: &summary)
            return
        }
        guard
            let customerID = try customerID(
                row.customer, line: row.line, create: createMissing, summary: &summary)
        else {
            throw ImportError.customerVanished(file: "", line: row.line, customer: row.customer)
        }
        switch row.payload {
        case .customer: return
        case .order(var order):
            order.customerID = customerID
            let found: Bool
            if let number = order.externalRef {
                found = try storedOrder(
                    order, customerID: customerID, number: number, line: row.line, &summary)
            } else {
                let check = try orderStatement().same
                found =
                    try RawBinder.firstInteger(check, in: db) {
                        $0.bind(1, customerID)
                        $0.bind(2, order.orderedAt)
                        $0.bind(3, order.amountMinor)
                        $0.bind(4, order.currency)
                    } != nil
                if found { summary.duplicates += 1 }
            }
            if found { return }
            try RawBinder.execute(try orderStatement().insert, in: db) {
                RecordSQL.bind(order, to: $0)
            }
        case .interaction(var interaction):
            interaction.customerID = customerID
            let found: Bool
            if let reference = interaction.externalRef {
                found = try storedInteraction(
                    interaction, customerID: customerID, reference: reference, line: row.line, &summary)
            } else {
                found = try exists(
                    """
                    SELECT 1 FROM interactions WHERE customer_id = ? AND occurred_at = ? AND channel = ?
                        AND kind = ? AND note = ?
                    """,
                    [
                        customerID, interaction.occurredAt, interaction.channel.rawValue,
                        interaction.kind.rawValue,
                        interaction.note,
                    ])
                if found { summary.duplicates += 1 }
            }
            if found { return }
            try RawBinder.execute(try statement(RecordSQL.insertInteraction), in: db) {
                RecordSQL.bind(interaction, to: $0)
            }
        case .feedback(var feedback):
            feedback.customerID = customerID
            if let score = try Int.fetchOne(
                statement("SELECT score FROM feedback WHERE customer_id = ? AND given_at = ? AND metric = ?"),
                arguments: [customerID, feedback.givenAt, feedback.metric.rawValue])
            {
                let day = CalendarDay(unixSeconds: feedback.givenAt)
                count(
                    stored: .feedback(metric: feedback.metric, score: score, day: day),
                    file: .feedback(metric: feedback.metric, score: feedback.score, day: day), line: row.line,
                    reference: feedback.metric.rawValue.uppercased(), &summary)
                return
            }
            try RawBinder.execute(try statement(RecordSQL.insertFeedback), in: db) {
                RecordSQL.bind(feedback, to: $0)
            }
        case .contract(var contract, let columns):
            contract.customerID = customerID
            let existing: Int64?
            if let reference = contract.externalRef {
                existing = try Int64.fetchOne(
                    statement("SELECT id FROM contracts WHERE customer_id = ? AND external_ref = ?"),
                    arguments: [customerID, reference])
            } else {
                existing = try Int64.fetchOne(
                    statement(
                        "SELECT id FROM contracts WHERE customer_id = ? AND product = ? AND starts_on = ?"),
                    arguments: [customerID, contract.product, contract.startsOn.iso])
            }
            if let existing {
                let values = columns.map { Self.contractValue(contract, $0) }
                try update("contracts", id: existing, columns: columns, values: values, summary: &summary)
                return
            }
            try RawBinder.execute(try statement(RecordSQL.insertContract), in: db) {
                RecordSQL.bind(contract, to: $0)
            }
        }
        summary.inserted += 1
    }

    /// Whether the customer has an order with this number: a duplicate when its amount,
    /// currency and day are the file's, else a conflict (the stored order is kept and the
    /// difference reported). Either way the row is not inserted.
    private mutating func storedOrder(
        _ order: OrderRecord, customerID: Int64, number: String, line: Int, _ summary: inout ImportSummary
    ) throws -> Bool {
        let sql =
            "SELECT ordered_at, amount_minor, currency FROM orders WHERE customer_id = ? AND external_ref = ?"
        guard let stored = try Row.fetchOne(statement(sql), arguments: [customerID, number]) else {
            return false
        }
        let storedValues = ImportConflict.Values.order(
            amountMinor: stored[1], currency: stored[2], day: CalendarDay(unixSeconds: stored[0]))
        let fileValues = ImportConflict.Values.order(
            amountMinor: order.amountMinor, currency: order.currency,
            day: CalendarDay(unixSeconds: order.orderedAt))
        count(stored: storedValues, file: fileValues, line: line, reference: number, &summary)
        return true
    }

    /// Whether the customer has an interaction with this reference: a duplicate when its day,
    /// channel and kind are the file's, else a conflict, as for orders.
    private mutating func storedInteraction(
        _ interaction: InteractionRecord, customerID: Int64, reference: String, line: Int,
        _ summary: inout ImportSummary
    ) throws -> Bool {
        let sql =
            "SELECT occurred_at, channel, kind FROM interactions WHERE customer_id = ? AND external_ref = ?"
        guard let stored = try Row.fetchOne(statement(sql), arguments: [customerID, reference]) else {
            return false
        }
        let channel: String = stored[1]
        let kind: String = stored[2]
        let storedValues = ImportConflict.Values.interaction(
            channel: Channel(rawValue: channel) ?? interaction.channel,
            kind: InteractionKind(rawValue: kind) ?? interaction.kind,
            day: CalendarDay(unixSeconds: stored[0]))
        let fileValues = ImportConflict.Values.interaction(
            channel: interaction.channel, kind: interaction.kind,
            day: CalendarDay(unixSeconds: interaction.occurredAt))
        count(stored: storedValues, file: fileValues, line: line, reference: reference, &summary)
        return true
    }

    private func count(
        stored: ImportConflict.Values, file: ImportConflict.Values, line: Int, reference: String,
        _ summary: inout ImportSummary
    ) {
        if stored == file {
            summary.duplicates += 1
        } else {
            summary.add(ImportConflict(line: line, reference: reference, stored: stored, file: file))
        }
    }

    static let sameOrder = """
        SELECT 1 FROM orders WHERE customer_id = ? AND ordered_at = ? AND amount_minor = ?
            AND currency = ? AND external_ref IS NULL
        """

    private mutating func exists(_ sql: String, _ arguments: StatementArguments) throws -> Bool {
        try Bool.fetchOne(statement(sql), arguments: arguments) ?? false
    }

    private mutating func writeCustomer(
        _ record: CustomerRecord, columns: [String], summary: inout ImportSummary
    )
        throws
    {
        guard let externalID = record.externalID else { return }
        let id = try ids[externalID] ?? Int64.fetchOne(findCustomer, arguments: [externalID])
        guard let id else {
            var fresh = record
            if !columns.contains("name") { fresh.name = externalID }
            try RawBinder.execute(insertCustomer, in: db) { RecordSQL.bind(fresh, to: $0) }
            ids[externalID] = db.lastInsertedRowID
            summary.inserted += 1
            return
        }
        ids[externalID] = id
        try update(
            "customers", id: id, columns: columns, values: columns.map { Self.customerValue(record, $0) },
            summary: &summary, touch: true)
    }

    /// Sets the file's columns where any differs; counts an update or an unchanged duplicate.
    private mutating func update(
        _ table: String, id: Int64, columns: [String], values: [DatabaseValue], summary: inout ImportSummary,
        touch: Bool = false
    ) throws {
        guard !columns.isEmpty else {
            summary.duplicates += 1
            return
        }
        var assignments = columns.map { "\($0) = ?" }
        if touch { assignments.append("updated_at = ?") }
        let differs = columns.map { "\($0) IS NOT ?" }.joined(separator: " OR ")
        let sql = "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND (\(differs))"
        var arguments = StatementArguments(values)
        if touch { arguments += [createdAt] }
        arguments += [id]
        arguments += StatementArguments(values)
        try statement(sql).execute(arguments: arguments)
        if db.changesCount > 0 { summary.updated += 1 } else { summary.duplicates += 1 }
    }

    static func customerValue(_ c: CustomerRecord, _ column: String) -> DatabaseValue {
        switch column {
        case "name": c.name.databaseValue
        case "sort_name": RecordSQL.sortKey(c.name).databaseValue
        case "company": c.company.databaseValue
        case "kind": c.kind.rawValue.databaseValue
        case "email": c.email.databaseValue
        case "phone": c.phone.databaseValue
        case "street": c.street.databaseValue
        case "postal_code": c.postalCode.databaseValue
        case "city": c.city.databaseValue
        case "country": c.country.databaseValue
        case "owner": c.owner.databaseValue
        case "relationship_type": c.relationshipType.rawValue.databaseValue
        case "birthday": c.birthday?.iso.databaseValue ?? .null
        case "tags": RecordSQL.jsonArray(c.tags).databaseValue
        case "consent_email": c.consentEmail.databaseValue
        case "consent_phone": c.consentPhone.databaseValue
        case "consent_post": c.consentPost.databaseValue
        default: .null
        }
    }

    static func contractValue(_ c: ContractRecord, _ column: String) -> DatabaseValue {
        switch column {
        case "ends_on": c.endsOn?.iso.databaseValue ?? .null
        case "auto_renews": c.autoRenews.databaseValue
        case "notice_days": c.noticeDays.databaseValue
        case "recurring_minor": c.recurringMinor.databaseValue
        case "currency": c.currency.databaseValue
        case "billing_period": c.billingPeriod.rawValue.databaseValue
        case "status": c.status.rawValue.databaseValue
        default: .null
        }
    }
}
