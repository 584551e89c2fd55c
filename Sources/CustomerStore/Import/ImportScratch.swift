import Foundation
import GRDBSQLite

/// The validated rows of an import, kept between the two passes so the write pass gets them
/// sorted by customer: each batch then touches one stretch of the orders index instead of a
/// page per row, and the natural-key lookups walk it in order (docs/IMPORT.md).
///
/// An external merge sort: rows are collected `runRows` at a time, sorted in memory and written
/// as one table ("run") of a private SQLite temporary database (`sqlite3_open_v2("")`) on its
/// own connection, never the store's; the write pass merges the runs. SQLite creates that file
/// in SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp, with mode 0600, and unlinks it at once,
/// so it disappears with the connection, whatever way the process ends. Memory is one run of
/// rows plus `cacheKiB`, whatever the file's size. (SQLite's own `ORDER BY` sorter was tried
/// first: it writes every row a second time, to sorter files that cannot be synced, whose
/// writeback 30 s later held up a colleague's commit for 0.3 s; see docs/BENCHMARKS.md.)
final class ImportScratch {
    /// Where a row goes in the order: rows without a store id first, by external id, then by
    /// store id; within a customer by line, so the file's order holds.
    struct SortKey: Comparable {
        var key: Int64?
        var customer: String
        var line: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            switch (a.key, b.key) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (let x?, let y?) where x != y: return x < y
            default: break
            }
            if a.customer != b.customer { return a.customer < b.customer }
            return a.line < b.line
        }
    }

    /// A collected row: its key and where its encoded fields are in `arena`.
    private struct Pending {
        var sortKey: SortKey
        var start: Int
        var length: Int
    }

    /// One run being read back: its statement and the key of the row it stands on.
    private struct Cursor {
        var statement: OpaquePointer
        var sortKey: SortKey
    }

    private var db: OpaquePointer?
    private let runRows: Int
    private var pending: [Pending] = []
    /// The collected rows' encoded fields back to back: one buffer reused for every run, not an
    /// array per row (those left glibc's heap, which this program keeps from shrinking, at twice
    /// the size after a 20M-row import: 223 MB peak).
    private var arena: [UInt8] = []
    private var cursors: [Cursor] = []
    /// Indices into `cursors`, a binary min-heap by `sortKey`.
    private var heap: [Int] = []
    /// Fields beyond these columns are stored empty: the write pass never reads them.
    private let keptColumns: [Bool]
    private(set) var count = 0
    private(set) var runs = 0
    private var rowsSinceSync = 0
    /// The database's size once all rows are in.
    private(set) var bytes = 0

    init(columns: Int, kept: Set<Int>, runRows: Int = 250_000, cacheKiB: Int = 8 * 1024) throws(ImportError) {
        keptColumns = (0..<columns).map { kept.contains($0) }
        self.runRows = max(1, runRows)
        SQLiteSetup.prepare()
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
            BEGIN;
            """)
    }

    deinit { close() }

    /// Finalises the statements and closes the connection, which removes the file.
    func close() {
        for cursor in cursors { sqlite3_finalize(cursor.statement) }
        cursors = []
        heap = []
        if let db { sqlite3_close(db) }
        db = nil
    }

    /// Keeps one valid row. `customerKey` is the customer's store id when known; rows without
    /// one (customers `--create-missing` may create) sort by the external `customer` instead.
    func append(customerKey: Int64?, customer: String, record: CSVRecord) throws(ImportError) {
        let start = arena.count
        for (column, field) in record.fields.enumerated() {
            let kept = column < keptColumns.count && keptColumns[column]
            Self.appendField(kept ? field : "", to: &arena)
        }
        let sortKey = SortKey(
            key: customerKey, customer: customerKey == nil ? customer : "", line: record.line)
        pending.append(Pending(sortKey: sortKey, start: start, length: arena.count - start))
        count += 1
        if pending.count >= runRows { try writeRun() }
    }

    /// Sorts the collected rows and writes them as the next run table, in that order.
    private func writeRun() throws(ImportError) {
        guard !pending.isEmpty else { return }
        pending.sort { $0.sortKey < $1.sortKey }
        let table = "run\(runs)"
        try execute(
            "CREATE TABLE \(table) (customer_key INTEGER, customer TEXT, line INTEGER NOT NULL, fields BLOB NOT NULL)"
        )
        let insert = try prepare("INSERT INTO \(table) VALUES (?, ?, ?, ?)")
        defer { sqlite3_finalize(insert) }
        do {
            try arena.withUnsafeBytes { try writeRows(insert, $0) }
        } catch let error as ImportError {
            throw error
        } catch {
            throw failure("\(error)")
        }
        runs += 1
        pending.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
    }

    private func writeRows(_ insert: OpaquePointer, _ bytes: UnsafeRawBufferPointer) throws(ImportError) {
        for row in pending {
            sqlite3_reset(insert)
            if let key = row.sortKey.key {
                sqlite3_bind_int64(insert, 1, key)
                sqlite3_bind_null(insert, 2)
            } else {
                sqlite3_bind_text(insert, 2, row.sortKey.customer, -1, Self.transient)
                sqlite3_bind_null(insert, 1)
            }
            sqlite3_bind_int64(insert, 3, Int64(row.sortKey.line))
            let blob = bytes.baseAddress.map { $0 + row.start }
            sqlite3_bind_blob(insert, 4, blob, Int32(row.length), Self.transient)
            guard sqlite3_step(insert) == SQLITE_DONE else { throw failure(message) }
            rowsSinceSync += 1
            if rowsSinceSync >= Self.rowsPerSync {
                rowsSinceSync = 0
                syncFile()
            }
        }
    }

    /// Rows between two syncs of the file (about 4 MB of orders).
    static let rowsPerSync = 65_536

    /// Hands what SQLite has written of the file so far to the disk. Left to the kernel, a
    /// 20M-row import's scratch data was written back every 30 s in 300 MB bursts, and a
    /// colleague's commit (its fsync) waited behind each burst for 0.3 s (bench import); synced
    /// every few MB, no burst builds up. A file SQLite has not created yet needs nothing.
    private func syncFile() {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
            let file, let methods = file.pointee.pMethods, let sync = methods.pointee.xSync
        else { return }
        _ = sync(file, SQLITE_SYNC_NORMAL)
    }

    /// Writes the last run and starts merging the runs.
    func startSortedRead() throws(ImportError) {
        try writeRun()
        pending = []
        arena = []
        try execute("COMMIT")
        syncFile()
        if let pages = try? prepare("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
        {
            if sqlite3_step(pages) == SQLITE_ROW { bytes = Int(sqlite3_column_int64(pages, 0)) }
            sqlite3_finalize(pages)
        }
        for run in 0..<runs {
            let statement = try prepare(
                "SELECT customer_key, customer, line, fields FROM run\(run) ORDER BY rowid")
            cursors.append(Cursor(statement: statement, sortKey: SortKey(key: nil, customer: "", line: 0)))
            if try step(cursors.count - 1) { heap.append(cursors.count - 1) }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// The next row in customer order, nil after the last.
    func next() throws(ImportError) -> CSVRecord? {
        guard let top = heap.first else { return nil }
        let statement = cursors[top].statement
        let line = cursors[top].sortKey.line
        let size = Int(sqlite3_column_bytes(statement, 3))
        let fields =
            sqlite3_column_blob(statement, 3).map {
                Self.decodeFields(UnsafeRawBufferPointer(start: $0, count: size))
            } ?? keptColumns.map { _ in "" }
        if try !step(top) {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return CSVRecord(line: line, fields: fields)
    }

    /// Moves a run's cursor to its next row; false at its end.
    private func step(_ index: Int) throws(ImportError) -> Bool {
        let statement = cursors[index].statement
        let code = sqlite3_step(statement)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else { throw failure(message) }
        let key: Int64? =
            sqlite3_column_type(statement, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, 0)
        let customer = key == nil ? sqlite3_column_text(statement, 1).map { String(cString: $0) } ?? "" : ""
        cursors[index].sortKey = SortKey(
            key: key, customer: customer, line: Int(sqlite3_column_int64(statement, 2)))
        return true
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && cursors[heap[left]].sortKey < cursors[heap[smallest]].sortKey {
                smallest = left
            }
            if right < heap.count && cursors[heap[right]].sortKey < cursors[heap[smallest]].sortKey {
                smallest = right
            }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
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
