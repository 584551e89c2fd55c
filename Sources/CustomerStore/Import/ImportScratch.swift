import Foundation
import GRDBSQLite

/// The validated rows of an import, kept between the two passes so the write pass gets them
/// sorted by customer: each batch then touches one stretch of the orders index instead of a
/// page per row, and the natural-key lookups walk it in order (docs/IMPORT.md).
///
/// A private SQLite temporary database (`sqlite3_open_v2("")`) on its own connection, never the
/// store's: SQLite creates its file in SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp, with
/// mode 0600, and unlinks it at once, so it disappears with the connection, whatever way the
/// process ends. The `ORDER BY` uses SQLite's external sorter (runs of `cacheKiB` in memory,
/// merged from temporary files of the same kind), so memory stays flat with the file's size.
final class ImportScratch {
    private var db: OpaquePointer?
    private var insert: OpaquePointer?
    private var select: OpaquePointer?
    private var encoded: [UInt8] = []
    /// Fields beyond these columns are stored empty: the write pass never reads them.
    private let keptColumns: [Bool]
    private(set) var count = 0
    /// The database's size once all rows are in (the sorter's temporary files take about as much).
    private(set) var bytes = 0

    init(columns: Int, kept: Set<Int>, cacheKiB: Int = 32 * 1024) throws(ImportError) {
        keptColumns = (0..<columns).map { kept.contains($0) }
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2("", &handle, flags, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw ImportError.scratchFailed(reason: "cannot open a temporary database", written: false)
        }
        db = handle
        try execute(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
            PRAGMA cache_size = -\(cacheKiB);
            CREATE TABLE rows (customer_key INTEGER, customer TEXT, line INTEGER NOT NULL, fields BLOB NOT NULL);
            BEGIN;
            """)
        insert = try prepare("INSERT INTO rows VALUES (?, ?, ?, ?)")
    }

    deinit { close() }

    /// Finalises the statements and closes the connection, which removes the file.
    func close() {
        sqlite3_finalize(insert)
        sqlite3_finalize(select)
        insert = nil
        select = nil
        if let db { sqlite3_close(db) }
        db = nil
    }

    /// Keeps one valid row. `customerKey` is the customer's store id when known; rows without
    /// one (customers `--create-missing` may create) sort by the external `customer` instead.
    func append(customerKey: Int64?, customer: String, record: CSVRecord) throws(ImportError) {
        guard let insert else { throw failure("the temporary database is closed") }
        encoded.removeAll(keepingCapacity: true)
        for (column, field) in record.fields.enumerated() {
            let kept = column < keptColumns.count && keptColumns[column]
            Self.appendField(kept ? field : "", to: &encoded)
        }
        sqlite3_reset(insert)
        if let customerKey {
            sqlite3_bind_int64(insert, 1, customerKey)
            sqlite3_bind_null(insert, 2)
        } else {
            sqlite3_bind_null(insert, 1)
            sqlite3_bind_text(insert, 2, customer, -1, Self.transient)
        }
        sqlite3_bind_int64(insert, 3, Int64(record.line))
        let code = encoded.withUnsafeBytes {
            sqlite3_bind_blob(insert, 4, $0.baseAddress, Int32($0.count), Self.transient)
            return sqlite3_step(insert)
        }
        guard code == SQLITE_DONE else { throw failure(message) }
        count += 1
        if count % Self.rowsPerSync == 0 { syncFile() }
    }

    /// Rows between two syncs of the file (about 4 MB of orders).
    static let rowsPerSync = 65_536

    /// Hands what SQLite has written of the file so far to the disk. Left to the kernel, a
    ///20M-row import's scratch data was written back every 30 s in 300 MB bursts, and a
    /// colleague's commit (its fsync) waited behind each burst for 0.3 s (bench import); synced
    /// every few MB, no burst builds up. A file SQLite has not created yet needs nothing.
    private func syncFile() {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
            let file, let methods = file.pointee.pMethods, let sync = methods.pointee.xSync
        else { return }
        _ = sync(file, SQLITE_SYNC_NORMAL)
    }

    /// Starts reading the rows back by customer, then by line (so within one customer the file's
    /// order holds: the first of two equal rows is the one inserted). SQLite sorts here.
    func startSortedRead() throws(ImportError) {
        try execute("COMMIT")
        syncFile()
        if let pages = try? prepare("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
        {
            if sqlite3_step(pages) == SQLITE_ROW { bytes = Int(sqlite3_column_int64(pages, 0)) }
            sqlite3_finalize(pages)
        }
        sqlite3_finalize(insert)
        insert = nil
        select = try prepare("SELECT line, fields FROM rows ORDER BY customer_key, customer, line")
    }

    /// The next row in customer order, nil after the last.
    func next() throws(ImportError) -> CSVRecord? {
        guard let select else { throw failure("the temporary database is closed") }
        let code = sqlite3_step(select)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(message) }
        let line = Int(sqlite3_column_int64(select, 0))
        let size = Int(sqlite3_column_bytes(select, 1))
        guard let bytes = sqlite3_column_blob(select, 1) else {
            return CSVRecord(line: line, fields: keptColumns.map { _ in "" })
        }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: size)
        return CSVRecord(line: line, fields: Self.decodeFields(buffer))
    }

    /// Length (LEB128) then UTF-8 bytes, per field.
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        var length = field.utf8.count
        repeat {
            let low = UInt8(length & 0x7F)
            length >>= 7
            bytes.append(length > 0 ? low | 0x80 : low)
        } while length > 0
        bytes.append(contentsOf: field.utf8)
    }

    static func decodeFields(_ buffer: UnsafeRawBufferPointer) -> [String] {
        var fields: [String] = []
        var index = 0
        while index < buffer.count {
            var length = 0
            var shift = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            let end = min(buffer.count, index + length)
            fields.append(
                String(decoding: UnsafeRawBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self))
            index = end
        }
        return fields
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private var message: String {
        db.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
    }

    private func failure(_ reason: String) -> ImportError {
        ImportError.scratchFailed(reason: reason, written: false)
    }

    private func execute(_ sql: String) throws(ImportError) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure(message) }
    }

    private func prepare(_ sql: String) throws(ImportError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure(message)
        }
        return statement
    }
}
