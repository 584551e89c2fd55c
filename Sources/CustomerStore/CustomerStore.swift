import Foundation
import GRDB

/// The one owner of a customer store file. All SQL of the program lives in this module;
/// callers use named queries and named writes.
///
/// Every connection runs in WAL mode with `synchronous=FULL` (a commit survives power loss),
/// foreign keys on, `secure_delete` on (erased text does not linger in free pages), and a busy
/// timeout; write transactions are taken `IMMEDIATE` so two processes never fail with
/// SQLITE_BUSY_SNAPSHOT (see TESTING.md).
public final class CustomerStore: Sendable {
    /// Absolute path of the store file.
    public let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process's write transaction before giving up. Long
    /// enough for the longest write there is, a whole rescoring of a million customers in one
    /// transaction (15–20 s), so a colleague's save waits for it instead of failing.
    public static let busyTimeout: TimeInterval = 30

    /// The schema version this build writes: the number of known migrations.
    public static var knownSchemaVersion: Int { Migrations.all.count }

    /// How `open` treats a missing file.
    public enum OpenMode: Sendable {
        /// Create the file (and, when `createFolder`, its folder with mode 0700) if missing.
        case createIfMissing(createFolder: Bool)
        /// Refuse to open a file that does not exist.
        case existingOnly
    }

    /// Opens (and if needed creates and migrates) the store at `path`.
    public static func open(path: String, mode: OpenMode = .createIfMissing(createFolder: false))
        throws(StoreError) -> CustomerStore
    {
        SQLiteSetup.prepare()
        try StoreFiles.prepare(path: path, mode: mode)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw StoreError.opening(path: path, error)
        }
        let store = CustomerStore(path: path, pool: pool)
        try store.enforceDurableWrites()
        try store.startupCheck()
        try store.migrate()
        StoreFiles.makePrivate(path: path)
        return store
    }

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Closes every connection; the WAL is checkpointed and removed by SQLite when the last
    /// connection closes.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw StoreError.from(error, path: path) }
    }

    /// Moves every committed transaction from the WAL into the main file and empties the WAL,
    /// so the main file alone holds the whole store (before a rename, a copy, or after erasure).
    public func checkpoint() throws(StoreError) {
        let complete: Bool
        do {
            // TRUNCATE waits (busy timeout) for readers; SQLITE_BUSY arrives as an error.
            complete = try pool.writeWithoutTransaction { db in
                let result = try db.checkpoint(.truncate)
                return result.checkpointedFrameCount == result.walFrameCount
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
        guard complete else { throw StoreError.busy(path: path) }
    }

    /// GRDB switches its writer to `synchronous=NORMAL` when it enables WAL, after our
    /// `prepareDatabase`; NORMAL may lose the last commits on power loss, so set FULL again.
    private func enforceDurableWrites() throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The busy handler: try again every millisecond, up to `busyTimeout`. SQLite's own
    /// `busy_timeout` backs off to one try per 100 ms, so a writer waiting behind an import that
    /// commits batch after batch kept missing the short gaps between them (measured: waits of
    /// over a second behind 0.1 s batches); polling each millisecond gets in at the first gap.
    ///
    /// The limit is clock time, not a count of tries: under load a try takes longer than its
    /// millisecond, and counting let a writer wait well past the limit. SQLite calls the handler
    /// on the waiting connection's thread, with `tries` 0 at the start of each wait, so the start
    /// is kept per thread.
    static let waitForLock = lockWaiter(limit: busyTimeout)

    /// A busy handler that polls every millisecond for at most `limit` seconds of clock time.
    static func lockWaiter(limit: TimeInterval) -> @Sendable (Int) -> Bool {
        { tries in
            let now = DispatchTime.now().uptimeNanoseconds
            let key = "clientele.busyWaitStart"
            let storage = Thread.current.threadDictionary
            if tries == 0 { storage[key] = now }
            let started = storage[key] as? UInt64 ?? now
            guard Double(now - started) / 1e9 < limit else { return false }
            usleep(1_000)
            return true
        }
    }

    /// The page size of stores this version creates.
    public static let pageSize = 16_384

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        config.busyMode = .callback(waitForLock)
        config.label = "clientele"
        config.prepareDatabase { db in
            // Only a new, empty file takes this (before GRDB turns WAL on); an existing store
            // keeps its page size. 16 KiB pages made a whole rescoring of a million customers
            // 3.5 s faster than 4 KiB ones (fewer pages to write, free and index), at about
            // 1 ms more per logged touchpoint (docs/BENCHMARKS.md, "Page size").
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return config
    }

    private func migrate() throws(StoreError) {
        do {
            let (applied, tables) = try pool.read { db in
                (
                    try Self.appliedMigrations(db),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                )
            }
            // A file with tables but no migration record is somebody else's database.
            if applied.isEmpty && tables > 0 { throw StoreError.foreignDatabase(path: path) }
            if !applied.isSubset(of: Set(Migrations.identifiers)) {
                throw StoreError.newerSchema(path: path, found: applied.count, known: Migrations.all.count)
            }
            try Migrations.migrator().migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func appliedMigrations(_ db: Database) throws -> Set<String> {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }

    // MARK: - Access helpers for the store's own files

    /// A read on a snapshot; errors become `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// One `IMMEDIATE` write transaction; errors become `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.constraint("the write returned no result") }
                return result
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}

extension StoreError {
    /// Maps an SQLite or GRDB error to the store's vocabulary.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let databaseError = error as? DatabaseError else {
            return .failed(path: path, reason: String(describing: error))
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB:
            return .notADatabase(path: path)
        case .SQLITE_CORRUPT:
            return .corrupt(path: path, detail: databaseError.message ?? "corrupt")
        case .SQLITE_CONSTRAINT:
            return .constraint(databaseError.message ?? "constraint failed")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return .cannotOpen(path: path, reason: databaseError.message ?? "permission denied")
        case .SQLITE_FULL:
            return .failed(path: path, reason: "the disk is full")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        default:
            return .failed(path: path, reason: databaseError.message ?? "\(databaseError.resultCode)")
        }
    }

    /// Errors while opening keep the "cannot open" wording, which is what the user tried.
    static func opening(path: String, _ error: any Error) -> StoreError {
        switch from(error, path: path) {
        case .failed(_, let reason): .cannotOpen(path: path, reason: reason)
        case let other: other
        }
    }
}
