import Foundation
import GRDB
import GRDBSQLite
import Scoring

/// Fast appending of many records through prepared statements, committing every
/// `batchSize` rows so the WAL stays small and other processes get a turn to write.
///
/// Used by the demo generator and by importers. Records carry their ids, so a caller
/// can link orders to customers without reading anything back.
public final class BulkLoader {
    private let db: Database
    private let batchSize: Int
    private var rowsInBatch = 0
    public private(set) var rowsWritten = 0

    private let customerInsert: Statement
    private let orderInsert: Statement
    private let contractInsert: Statement
    private let interactionInsert: Statement
    private let feedbackInsert: Statement
    private let referralInsert: Statement

    init(db: Database, batchSize: Int) throws {
        self.db = db
        self.batchSize = max(1, batchSize)
        customerInsert = try db.makeStatement(sql: RecordSQL.insertCustomer)
        orderInsert = try db.makeStatement(sql: RecordSQL.insertOrder)
        contractInsert = try db.makeStatement(sql: RecordSQL.insertContract)
        interactionInsert = try db.makeStatement(sql: RecordSQL.insertInteraction)
        feedbackInsert = try db.makeStatement(sql: RecordSQL.insertFeedback)
        referralInsert = try db.makeStatement(sql: RecordSQL.insertReferral)
    }

    public func add(_ customer: CustomerRecord) throws {
        try run(customerInsert) { RecordSQL.bind(customer, to: $0) }
    }

    public func add(_ order: OrderRecord) throws {
        try run(orderInsert) { RecordSQL.bind(order, to: $0) }
    }

    public func add(_ contract: ContractRecord) throws {
        try run(contractInsert) { RecordSQL.bind(contract, to: $0) }
    }

    public func add(_ interaction: InteractionRecord) throws {
        try run(interactionInsert) { RecordSQL.bind(interaction, to: $0) }
    }

    public func add(_ feedback: FeedbackRecord) throws {
        try run(feedbackInsert) { RecordSQL.bind(feedback, to: $0) }
    }

    public func add(_ referral: ReferralRecord) throws {
        try run(referralInsert) { RecordSQL.bind(referral, to: $0) }
    }

    private func run(_ statement: Statement, bind: (RawBinder) -> Void) throws {
        try RawBinder.execute(statement, in: db, bind: bind)
        rowsWritten += 1
        rowsInBatch += 1
        if rowsInBatch >= batchSize {
            try db.execute(sql: "COMMIT")
            try db.execute(sql: "BEGIN IMMEDIATE")
            rowsInBatch = 0
        }
    }
}

/// Binds values by position to a raw statement; `SQLITE_TRANSIENT` copies the text.
struct RawBinder {
    let handle: OpaquePointer
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds with `bind` and steps the statement once, bypassing GRDB's argument bookkeeping
    /// (no per-row argument arrays: the bulk path's hot loop).
    static func execute(_ statement: Statement, in db: Database, bind: (RawBinder) -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        bind(RawBinder(handle: handle))
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Binds, steps once and returns the first column of the first row (nil: no row), for the
    /// importer's per-row lookups (GRDB's `fetchOne` argument handling was a fifth of its time).
    static func firstInteger(_ statement: Statement, in db: Database, bind: (RawBinder) -> Void) throws
        -> Int64?
    {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        bind(RawBinder(handle: handle))
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default:
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, index, value ? 1 : 0)
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds `range` of `bytes` (UTF-8) as text; SQLite copies it.
    func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = bytes.baseAddress else {
            sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            sqlite3_bind_text(handle, index, chars + range.lowerBound, Int32(range.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var text = value
        text.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), Self.transient)
            }
        }
    }
}

extension CustomerStore {
    /// Runs `body` with a loader inside `IMMEDIATE` transactions of `batchSize` rows.
    /// When `body` throws, the current batch is rolled back and the error is rethrown;
    /// batches already committed stay (callers that need all-or-nothing write to a new file
    /// and swap it in, as the demo generator does, or validate everything first).
    /// Errors from SQLite arrive as `StoreError`; errors thrown by `body` arrive unchanged.
    ///
    /// `newFile` is for a file nobody else uses that the caller deletes if the load fails (the
    /// demo builder): commits skip the fsync, as durability buys nothing there. The store's
    /// `synchronous=FULL` is restored afterwards.
    public func bulkLoad(batchSize: Int = 20_000, newFile: Bool = false, _ body: (BulkLoader) throws -> Void)
        throws
    {
        do {
            try pool.writeWithoutTransaction { db in
                if newFile { try db.execute(sql: "PRAGMA synchronous = OFF") }
                defer { if newFile { try? db.execute(sql: "PRAGMA synchronous = FULL") } }
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    let loader = try BulkLoader(db: db, batchSize: batchSize)
                    try body(loader)
                    try db.execute(sql: "COMMIT")
                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }
}
