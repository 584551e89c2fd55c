import Foundation
import GRDB

/// Everything the store holds about one person (GDPR Art. 15), as plain tables of text values.
public struct PersonalDataExport: Sendable {
    public struct Table: Sendable {
        public var name: String
        public var columns: [String]
        public var rows: [[String?]]
    }

    public var customerID: Int64
    public var tables: [Table]
}

/// What an erasure or a purge changed.
public struct ErasureReport: Sendable, Equatable {
    public var interactionsDeleted = 0
    public var feedbackDeleted = 0
    public var referralsDeleted = 0
    public var ordersKeptPseudonymised = 0
    public var contractsKeptPseudonymised = 0
    public var interactionsAnonymised = 0
}

/// GDPR access and erasure.
///
/// Erasure keeps what bookkeeping must keep — orders and contracts — attached to a customer row
/// whose personal fields are gone (name "Erased customer N", no external id, contact data,
/// birthday or tags); touchpoints, feedback, referrals and scores are deleted. `secure_delete`
/// (on for every connection) zeroes the freed space, the full-text indexes are merged so no old
/// segment still holds the words, and the WAL is checkpointed and truncated, so the erased text
/// is in no byte of the store files afterwards. The erasure log keeps the id and the time.
extension CustomerStore {
    public func exportPersonalData(customerID: Int64) throws(StoreError) -> PersonalDataExport {
        try read { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID])
                    ?? false
            else { throw StoreError.customerNotFound("id \(customerID)") }
            let queries: [(String, String)] = [
                ("customer", "SELECT * FROM customers WHERE id = ?"),
                ("orders", "SELECT * FROM orders WHERE customer_id = ? ORDER BY ordered_at, id"),
                ("contracts", "SELECT * FROM contracts WHERE customer_id = ? ORDER BY id"),
                ("interactions", "SELECT * FROM interactions WHERE customer_id = ? ORDER BY occurred_at, id"),
                ("feedback", "SELECT * FROM feedback WHERE customer_id = ? ORDER BY given_at, id"),
                // Only the ids of the other party: nothing about anyone else.
                (
                    "referrals",
                    """
                    SELECT id, referrer_id, referred_id, referred_at FROM referrals
                    WHERE referrer_id = ?1 OR referred_id = ?1 ORDER BY id
                    """
                ),
                ("scores", "SELECT * FROM scores WHERE customer_id = ?"),
                // The account manager's done/skip/snooze mark on today's call list.
                ("call_list_state", "SELECT * FROM call_list_state WHERE customer_id = ?"),
            ]
            var tables: [PersonalDataExport.Table] = []
            for (name, sql) in queries {
                let statement = try db.makeStatement(sql: sql)
                let rows = try Row.fetchAll(statement, arguments: [customerID])
                tables.append(
                    PersonalDataExport.Table(
                        name: name, columns: statement.columnNames,
                        rows: rows.map { row in
                            row.databaseValues.map {
                                $0.isNull ? nil : ($0.storage.value.map { "\($0)" } ?? nil)
                            }
                        }))
            }
            return PersonalDataExport(customerID: customerID, tables: tables)
        }
    }

    /// Erases one customer's personal data (see the type's documentation).
    public func erase(customerID: Int64, at now: Int64) throws(StoreError) -> ErasureReport {
        let report = try write { db -> ErasureReport in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID])
                    ?? false
            else { throw StoreError.customerNotFound("id \(customerID)") }
            var report = ErasureReport()
            let id: DatabaseValueConvertible = customerID
            try db.execute(sql: "DELETE FROM feedback WHERE customer_id = ?", arguments: [id])
            report.feedbackDeleted = db.changesCount
            try db.execute(sql: "DELETE FROM interactions WHERE customer_id = ?", arguments: [id])
            report.interactionsDeleted = db.changesCount
            try db.execute(
                sql: "DELETE FROM referrals WHERE referrer_id = ?1 OR referred_id = ?1", arguments: [id])
            report.referralsDeleted = db.changesCount
            try db.execute(sql: "DELETE FROM scores WHERE customer_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM call_list_state WHERE customer_id = ?", arguments: [id])
            try db.execute(
                sql: """
                    UPDATE customers SET external_id = NULL, name = 'Erased customer ' || id,
                        sort_name = 'erased customer ' || id, company = NULL, email = NULL, phone = NULL,
                        street = NULL, postal_code = NULL, city = NULL, country = NULL, birthday = NULL,
                        tags = '[]', binding_contractual = 0, binding_economic = 0, binding_technical = 0,
                        binding_situational = 0, binding_emotional = 0, consent_email = 0, consent_phone = 0,
                        consent_post = 0, updated_at = ?2
                    WHERE id = ?1
                    """, arguments: [id, now])
            try db.execute(
                sql: "UPDATE orders SET external_ref = NULL, category = category WHERE customer_id = ?",
                arguments: [id])
            report.ordersKeptPseudonymised = db.changesCount
            try db.execute(
                sql: "UPDATE contracts SET external_ref = NULL WHERE customer_id = ?", arguments: [id])
            report.contractsKeptPseudonymised = db.changesCount
            try db.execute(
                sql: "INSERT INTO erasures (customer_id, erased_at) VALUES (?, ?)", arguments: [id, now])
            return report
        }
        try scrubFreedText()
        return report
    }

    /// Anonymises touchpoints older than `cutoff` (unix seconds): notes and authors emptied,
    /// feedback comments removed. Returns what changed.
    public func purgeInteractions(olderThan cutoff: Int64) throws(StoreError) -> ErasureReport {
        let report = try write { db -> ErasureReport in
            var report = ErasureReport()
            try db.execute(
                sql: """
                    UPDATE interactions SET note = '', author = NULL
                    WHERE occurred_at < ? AND (note <> '' OR author IS NOT NULL)
                    """, arguments: [cutoff])
            report.interactionsAnonymised = db.changesCount
            try db.execute(
                sql: "UPDATE feedback SET comment = NULL WHERE given_at < ? AND comment IS NOT NULL",
                arguments: [cutoff])
            return report
        }
        try scrubFreedText()
        return report
    }

    /// Makes deleted text unrecoverable from the files: FTS segments merged (old segments still
    /// hold deleted words until then), free pages zeroed, then the WAL checkpointed and
    /// truncated. `secure_delete` has already zeroed the pages and cells this erasure freed.
    func scrubFreedText() throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO customer_search(customer_search) VALUES ('optimize')")
                    try db.execute(
                        sql: "INSERT INTO interaction_search(interaction_search) VALUES ('optimize')")
                    try Self.wipeFreePages(db)
                    return .commit
                }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
        try checkpoint()
    }

    /// Overwrites every page on the free list with zeros. A whole rescoring frees the old scores
    /// without `secure_delete` (ScoreWrites.swift), so free pages the new scores did not reuse
    /// may hold an old score of the customer being erased. A scratch table of zero blobs takes
    /// every free page, one row a page, and is dropped again under `secure_delete`, so the
    /// pages go back zeroed. Costs about 3 s per 100,000 free pages (400 MB), only on erasure.
    static func wipeFreePages(_ db: Database) throws {
        func freePages() throws -> Int { try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 }
        guard try freePages() > 0 else { return }
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        try db.execute(sql: "CREATE TABLE free_page_wipe (zeros BLOB NOT NULL)")
        // One row per page: the largest payload a leaf page holds without overflow, less room
        // for the record header.
        let insert = try db.makeStatement(
            sql: "INSERT INTO free_page_wipe VALUES (zeroblob(\(pageSize - 64)))")
        while case let free = try freePages(), free > 0 {
            for _ in 0..<free { try insert.execute() }
        }
        try db.execute(sql: "DROP TABLE free_page_wipe")
    }
}
