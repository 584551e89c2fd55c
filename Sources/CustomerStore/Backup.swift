import Foundation
import GRDB

/// Backups, restores and integrity checks.
///
/// A backup is `VACUUM INTO` a new file next to the target (a consistent copy of a live store,
/// other processes may keep writing), made private, verified with `integrity_check`, and only
/// then renamed to its name. A restore verifies the backup the same way and copies it into the
/// live store with SQLite's online backup API, which takes the store's locks, so a colleague's
/// open connection sees the restored content instead of a file swapped under it.
extension CustomerStore {
    /// Where backups go by default: `backups/` in the store's folder, named by the time.
    public static func defaultBackupPath(forStore path: String, unixSeconds: Int64) -> String {
        let folder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
            "backups")
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var time = time_t(unixSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let stamp = String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour,
            parts.tm_min, parts.tm_sec)
        return (folder as NSString).appendingPathComponent("\(name)-\(stamp).sqlite")
    }

    /// Writes a verified, private copy of the store to `target` (which must not exist yet).
    public func backup(to target: String) throws(StoreError) {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: target) else {
            throw StoreError.failed(
                path: target, reason: "a file with that name exists already; choose another name")
        }
        let folder = (target as NSString).deletingLastPathComponent
        if !fileManager.fileExists(atPath: folder) {
            do {
                try fileManager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.folderMissing(path: folder)
            }
        }
        let partial = target + ".partial"
        unlink(partial)
        // The copy is private from its first byte: SQLite creates it with the process umask.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            // VACUUM INTO refuses to run inside a transaction, so no `read {}` here; it takes its own
            // read snapshot, and writers carry on meanwhile (WAL).
            try pool.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
        } catch {
            unlink(partial)
            throw StoreError.from(error, path: target)
        }
        chmod(partial, 0o600)
        do {
            try Self.verify(file: partial)
        } catch {
            unlink(partial)
            throw error
        }
        guard rename(partial, target) == 0 else {
            unlink(partial)
            throw StoreError.failed(path: target, reason: String(cString: strerror(errno)))
        }
    }

    /// Replaces the content of the store at `path` with a verified backup and returns the store,
    /// schema brought up to date. Works on a damaged store too: it is not opened as a store first.
    /// The copy goes through SQLite's online backup API, which takes the store's locks; only if
    /// the damaged file cannot even be opened by SQLite is it replaced as a file.
    public static func restore(backup source: String, into path: String) throws(StoreError) -> CustomerStore {
        SQLiteSetup.prepare()
        try verify(file: source)
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let backup = try DatabaseQueue(path: source, configuration: readOnly)
            defer { try? backup.close() }
            do {
                var configuration = Configuration()
                configuration.busyMode = .timeout(busyTimeout)
                let destination = try DatabaseQueue(path: path, configuration: configuration)
                try matchPageSize(of: destination, to: backup, path: path)
                try backup.backup(to: destination)
                try destination.close()
            } catch let error as DatabaseError
                where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode)
            {
                try replaceFile(at: path, with: source)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
        StoreFiles.makePrivate(path: path)
        return try open(path: path, mode: .existingOnly)
    }

    /// SQLite's backup cannot change the page size of a store in WAL mode (a backup of a store
    /// made before 16 KiB pages, restored into a newer store, or the other way round). The store
    /// leaves WAL mode for the copy, which only works while no other program has it open; opening
    /// it afterwards turns WAL on again.
    private static func matchPageSize(
        of destination: DatabaseQueue, to backup: DatabaseQueue, path: String
    ) throws {
        let wanted = try backup.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        let current = try destination.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        guard let wanted, let current, wanted != current else { return }
        // Another connection keeps the store in WAL mode; waiting the whole busy timeout for it
        // to close would only delay the message.
        var mode: String?
        do {
            mode = try destination.inDatabase { db in
                try db.execute(sql: "PRAGMA busy_timeout = 1000")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))") }
                return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            mode = nil
        }
        guard mode == "delete" else {
            throw StoreError.failed(
                path: path,
                reason: "the backup has \(wanted / 1024) KiB pages and the store \(current / 1024) KiB, "
                    + "so the store must be copied over while nothing else uses it; close every other "
                    + "Clientele window or command on this store and restore again")
        }
    }

    /// Copies `source` next to `path`, syncs it, and renames it over `path` (atomic on one file
    /// system); the old WAL and shared-memory files go with the old file.
    private static func replaceFile(at path: String, with source: String) throws {
        let staging = path + ".restoring"
        unlink(staging)
        try FileManager.default.copyItem(atPath: source, toPath: staging)
        chmod(staging, 0o600)
        let descriptor = Glibc.open(staging, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            Glibc.close(descriptor)
        }
        guard rename(staging, path) == 0 else {
            unlink(staging)
            throw StoreError.failed(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(path + "-wal")
        unlink(path + "-shm")
    }

    /// A full `integrity_check` of the store; empty when the store is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return lines == ["ok"] ? [] : lines
        }
    }

    /// Checks that `file` is a sound Clientele store this version can read.
    public static func verify(file: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: file) else {
            throw StoreError.cannotOpen(path: file, reason: "the file does not exist")
        }
        SQLiteSetup.prepare()
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: file, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard lines == ["ok"] else {
                    throw StoreError.corrupt(path: file, detail: summary(of: lines))
                }
                guard try db.tableExists("grdb_migrations") else {
                    throw StoreError.foreignDatabase(path: file)
                }
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                guard applied.isSubset(of: Set(Migrations.identifiers)) else {
                    throw StoreError.newerSchema(
                        path: file, found: applied.count, known: Migrations.all.count)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: file)
        }
    }

    /// Stores up to this size get a full `quick_check` when opened; larger ones a structural
    /// check (schema, every table and index readable), so opening a million-customer store stays
    /// instant. `clientele check` always runs the full `integrity_check`.
    static let fullCheckLimitBytes: Int64 = 64 << 20

    /// The start-up check: refuses a damaged store with a message that points to the backups.
    func startupCheck() throws(StoreError) {
        let size = StoreFiles.fileSize(path)
        let problems: [String]
        do {
            problems = try pool.read { db in
                if size <= Self.fullCheckLimitBytes {
                    let lines = try String.fetchAll(db, sql: "PRAGMA quick_check")
                    return lines == ["ok"] ? [] : lines
                }
                let names = try String.fetchAll(
                    db,
                    sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for name in names {
                    _ = try Row.fetchOne(db, sql: "SELECT * FROM \"\(name)\" LIMIT 1")
                }
                return []
            }
        } catch {
            throw StoreError.corrupt(path: path, detail: Self.summary(of: ["\(error)"]))
        }
        if !problems.isEmpty {
            throw StoreError.corrupt(path: path, detail: Self.summary(of: problems))
        }
    }

    /// The first findings of an integrity check, short enough for one message.
    static func summary(of findings: [String]) -> String {
        let lines = findings.flatMap { $0.split(separator: "\n").map(String.init) }
            .filter { !$0.hasPrefix("***") }
        let shown = lines.prefix(2).joined(separator: "; ")
        let more = lines.count > 2 ? " and \(lines.count - 2) more findings" : ""
        return shown + more
    }
}
