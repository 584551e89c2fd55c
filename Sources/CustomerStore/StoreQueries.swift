import Foundation
import GRDB
import Scoring

/// What `clientele stats` shows about a store.
public struct StoreStatistics: Sendable, Equatable {
    public var path: String
    /// Bytes of the store file plus its WAL.
    public var fileSize: Int64
    public var schemaVersion: Int
    public var knownSchemaVersion: Int
    /// Rows per table, in a fixed order.
    public var rows: [(table: String, count: Int)]

    public static func == (lhs: StoreStatistics, rhs: StoreStatistics) -> Bool {
        lhs.path == rhs.path && lhs.fileSize == rhs.fileSize && lhs.schemaVersion == rhs.schemaVersion
            && lhs.rows.map(\.table) == rhs.rows.map(\.table)
            && lhs.rows.map(\.count) == rhs.rows.map(\.count)
    }
}

/// The connection settings actually in effect, read back from SQLite.
public struct StorePragmas: Sendable, Equatable {
    public var journalMode: String
    /// 2 is FULL.
    public var synchronous: Int
    public var foreignKeys: Bool
    public var busyTimeoutMilliseconds: Int
    public var secureDelete: Bool
}

/// One customer found by a search.
public struct CustomerHit: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var city: String?
    /// The customer number from the source system, so a list of hits tells people apart.
    public var externalID: String? = nil
}

extension CustomerStore {
    /// The tables of the customer book, in the order `stats` lists them.
    public static let tables = [
        "customers", "orders", "contracts", "interactions", "feedback", "referrals", "scores", "model_fits",
    ]

    public func statistics() throws(StoreError) -> StoreStatistics {
        let (version, rows) = try read { db in
            let version = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0
            let rows = try Self.tables.map { table in
                (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
            }
            return (version, rows)
        }
        return StoreStatistics(
            path: path, fileSize: StoreFiles.fileSize(path) + StoreFiles.fileSize(path + "-wal"),
            schemaVersion: version, knownSchemaVersion: Self.knownSchemaVersion, rows: rows)
    }

    public func customerCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0 }
    }

    /// Pragmas as a reader connection sees them, or as the writer sees them.
    public func pragmas(onWriter: Bool = false) throws(StoreError) -> StorePragmas {
        let fetch: (Database) throws -> StorePragmas = { db in
            StorePragmas(
                journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                foreignKeys: try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false,
                busyTimeoutMilliseconds: try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0,
                secureDelete: try Bool.fetchOne(db, sql: "PRAGMA secure_delete") ?? false)
        }
        if onWriter {
            do { return try pool.writeWithoutTransaction(fetch) } catch {
                throw StoreError.from(error, path: path)
            }
        }
        return try read(fetch)
    }

    /// Customers whose name, company, email, city or touchpoint notes match every word of
    /// `text` as a prefix, accent- and case-insensitively ("muller" finds "Müller").
    public func searchCustomers(_ text: String, limit: Int = 50) throws(StoreError) -> [CustomerHit] {
        guard let query = Self.ftsQuery(text) else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, name, company, city, external_id FROM customers
                    WHERE id IN (
                        SELECT rowid FROM customer_search WHERE customer_search MATCH ?1
                        UNION
                        SELECT customer_id FROM interactions
                        WHERE id IN (SELECT rowid FROM interaction_search WHERE interaction_search MATCH ?1))
                    ORDER BY sort_name, id
                    LIMIT ?2
                    """, arguments: [query, limit])
            return rows.map { row in
                CustomerHit(
                    id: row["id"], name: row["name"], company: row["company"], city: row["city"],
                    externalID: row["external_id"])
            }
        }
    }

    /// Turns what a person typed into an FTS5 query: each word quoted (so FTS syntax in the
    /// input is just text) and matched as a prefix. Nil when nothing searchable remains.
    static func ftsQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" })
            .map { $0.filter { !$0.isPunctuation || $0 == "-" || $0 == "@" || $0 == "." } }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// A stable digest of every row of the customer book (scores and fits excluded, as they
    /// carry the time they were computed). Equal content gives an equal fingerprint.
    public func contentFingerprint() throws(StoreError) -> String {
        try read { db in
            var hasher = FNV1a64()
            for table in ["customers", "orders", "contracts", "interactions", "feedback", "referrals"] {
                hasher.add(table)
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY id")
                while let row = try cursor.next() {
                    for value in row.databaseValues {
                        hasher.add(value.description)
                        hasher.add("\u{1F}")
                    }
                    hasher.add("\u{1E}")
                }
            }
            return hasher.hex
        }
    }
}

/// 64-bit FNV-1a: a small, stable, dependency-free digest for equality checks (not security).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension CustomerStore {
    /// SQLite's own per-customer aggregate over the orders (purchase days, first, last, total),
    /// read to the end: the baseline the rescoring benchmark compares itself with. Returns the
    /// customers aggregated and their purchase days (so the benchmark shows both passes saw the
    /// same orders).
    public func baselineOrderAggregate(asOf: CalendarDay) throws(StoreError) -> (
        customers: Int, purchaseDays: Int
    ) {
        try read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT customer_id, count(DISTINCT ordered_at / 86400), min(ordered_at), max(ordered_at),
                        sum(amount_minor)
                    FROM orders WHERE ordered_at < ? GROUP BY customer_id
                    """, arguments: [asOf.adding(days: 1).startUnixSeconds])
            var customers = 0
            var purchaseDays = 0
            while let row = try cursor.next() {
                customers += 1
                purchaseDays += row[1] as Int
            }
            return (customers, purchaseDays)
        }
    }
}

extension CustomerStore {
    /// How many orders are in each currency other than euros, most first. The model adds every
    /// amount up as euros, so any count here is a wrong customer value (from an import made
    /// before the importer refused other currencies).
    public func ordersInOtherCurrencies() throws(StoreError) -> [(currency: String, orders: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT currency, count(*) FROM orders INDEXED BY orders_in_other_currencies
                    WHERE currency <> 'EUR' GROUP BY currency ORDER BY 2 DESC, 1
                    """
            ).map { (currency: $0[0], orders: $0[1]) }
        }
    }
}
