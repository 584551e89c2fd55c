import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("Opening, migrating and refusing store files")
struct StoreOpeningTests {
    @Test("A new file is created and migrated to the current schema")
    func migratesFromEmpty() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("new.sqlite"))
        let statistics = try store.statistics()
        #expect(statistics.schemaVersion == CustomerStore.knownSchemaVersion)
        #expect(statistics.rows.map(\.table) == CustomerStore.tables)
        #expect(statistics.rows.allSatisfy { $0.count == 0 })
    }

    @Test("An existing store reopens with its data and schema intact")
    func reopensExistingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("book.sqlite")
        do {
            let store = try CustomerStore.open(path: path)
            try store.insert(
                CustomerRecord(id: 0, externalID: "K-1", name: "Jürgen Müller", createdAt: 1_700_000_000))
            try store.close()
        }
        let reopened = try CustomerStore.open(path: path, mode: .existingOnly)
        #expect(try reopened.customerCount() == 1)
        #expect(try reopened.statistics().schemaVersion == CustomerStore.knownSchemaVersion)
        #expect(try reopened.searchCustomers("jurgen").map(\.name) == ["Jürgen Müller"])
    }

    @Test("A version-6 store keeps its scores through migration 0007 and gets the fact indexes")
    func migratesVersionSixScores() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("v6.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "0006-call-list-state")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO customers (id, name, sort_name, created_at, updated_at)
                        VALUES (7, 'Kunde 7', 'kunde 7', 0, 0);
                        INSERT INTO scores (customer_id, model_version, scored_at, as_of, churn_risk, risk_band,
                            next_action, next_action_due, reasons, actions, bindings)
                        VALUES (7, 'v', 1, '2025-06-30', 0.625, 'high', 'call', '2025-07-01',
                            '[{"reason":{"noRecentOrder":{"daysSinceLastOrder":40}},"weight":0.5}]',
                            '[{"kind":"call","ruleID":"r","due":"2025-07-01","priority":3}]', '{}');
                        """)
            }
        }
        let store = try CustomerStore.open(path: path, mode: .existingOnly)
        #expect(try store.statistics().schemaVersion == CustomerStore.knownSchemaVersion)
        try store.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM scores"))
            #expect(row["customer_id"] as Int64 == 7)
            #expect(row["churn_risk"] as Double == 0.625)
            #expect(row["next_action_due"] as String == "2025-07-01")
            #expect((row["reasons"] as String).contains("noRecentOrder"))
            let indexes = try String.fetchSet(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            #expect(
                indexes.isSuperset(of: ["scores_by_risk", "scores_by_next_action_due", "scores_by_segment"]))
            #expect(indexes.isSuperset(of: ["interactions_by_customer_facts", "feedback_by_customer_facts"]))
            #expect(!indexes.contains("interactions_by_customer_time"))
            let plan = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + FactSQL.touchpoints,
                arguments: ["end": 1, "yearAgo": 0, "recent": 0])
            #expect(
                plan.contains {
                    ($0["detail"] as String).contains("COVERING INDEX interactions_by_customer_facts")
                })
        }
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("A store written by a newer Clientele is refused, not damaged")
    func refusesNewerSchema() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("future.sqlite")
        try CustomerStore.open(path: path).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999-from-the-future')")
        }
        try queue.close()
        #expect(
            throws: StoreError.newerSchema(
                path: path, found: CustomerStore.knownSchemaVersion + 1,
                known: CustomerStore.knownSchemaVersion)
        ) {
            try CustomerStore.open(path: path)
        }
    }

    @Test("Another program's SQLite file is refused and left untouched")
    func refusesForeignDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        #expect(throws: StoreError.foreignDatabase(path: path)) { try CustomerStore.open(path: path) }
        let check = try DatabaseQueue(path: path)
        let tables = try check.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["notes"])
    }

    @Test("A file that is not a database, a folder, and a missing folder each give their own error")
    func refusesBadPaths() throws {
        let folder = try TemporaryFolder()
        let textFile = folder.file("notes.txt")
        try Data("Kundenliste, bitte nicht löschen\n".utf8).write(to: URL(fileURLWithPath: textFile))
        #expect(throws: StoreError.notADatabase(path: textFile)) { try CustomerStore.open(path: textFile) }
        #expect(try String(contentsOfFile: textFile, encoding: .utf8) == "Kundenliste, bitte nicht löschen\n")

        #expect(throws: StoreError.isDirectory(path: folder.path)) {
            try CustomerStore.open(path: folder.path)
        }

        let missing = folder.file("no/such/folder/store.sqlite")
        #expect(throws: StoreError.folderMissing(path: folder.file("no/such/folder"))) {
            try CustomerStore.open(path: missing)
        }
        #expect(throws: StoreError.self) {
            try CustomerStore.open(path: folder.file("absent.sqlite"), mode: .existingOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("absent.sqlite")))
    }

    @Test("Every connection runs WAL, synchronous=FULL, foreign keys, secure_delete and the busy handler")
    func pragmasAreInEffect() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("p.sqlite"))
        for onWriter in [false, true] {
            let pragmas = try store.pragmas(onWriter: onWriter)
            #expect(pragmas.journalMode == "wal")
            #expect(pragmas.synchronous == 2)
            #expect(pragmas.foreignKeys)
            #expect(pragmas.secureDelete)
            // The writer waits in the store's polling busy handler (busy_timeout then reads 0);
            // GRDB gives pool readers its own 10 s busy_timeout, not configurable from outside
            // (readers wait only in rare cases, such as a WAL recovery).
            #expect(pragmas.busyTimeoutMilliseconds == (onWriter ? 0 : 10_000))
        }
    }

    @Test("Store file, WAL and a created data folder are private whatever the umask")
    func filesArePrivate() throws {
        let folder = try TemporaryFolder()
        let previous = umask(0o022)
        defer { umask(previous) }
        let path = folder.file("data/clientele/store.sqlite")
        let store = try CustomerStore.open(path: path, mode: .createIfMissing(createFolder: true))
        try store.insert(CustomerRecord(id: 0, name: "Ayşe Yılmaz", createdAt: 0))
        #expect(posixMode(folder.file("data/clientele")) == 0o700)
        #expect(posixMode(path) == 0o600)
        #expect(posixMode(path + "-wal") == 0o600)
        #expect(posixMode(path + "-shm") == 0o600)
    }

    @Test("The busy handler's limit is clock time: slow tries give up after the limit, not after N tries")
    func busyLimitIsClockTime() {
        let wait = CustomerStore.lockWaiter(limit: 0.2)
        // Tries that take 50 ms each (a loaded machine): counting 200 one-millisecond tries
        // would wait 10 s; the clock stops it after the 0.2 s.
        var tries = 0
        while wait(tries) {
            tries += 1
            Thread.sleep(forTimeInterval: 0.05)
            if tries > 100 { break }
        }
        #expect(tries <= 6, "gave up only after \(tries) slow tries")
        // A new wait (tries 0) starts its own clock.
        #expect(wait(0))
    }

    @Test("Two connections that read then write at the same time never fail with a busy error")
    func concurrentReadThenWriteSucceeds() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.sqlite")
        let first = try CustomerStore.open(path: path)
        let second = try CustomerStore.open(path: path)
        let perWriter = 150
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, store) in [(1, first), (2, second)] {
                group.addTask {
                    for index in 0..<perWriter {
                        // Read, then write in the same transaction: DEFERRED would hit SQLITE_BUSY_SNAPSHOT.
                        try store.write { db in
                            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0
                            try db.execute(
                                sql:
                                    "INSERT INTO customers (name, sort_name, created_at, updated_at) VALUES (?, ?, 0, 0)",
                                arguments: ["Writer \(writer) #\(index) after \(count)", "w"])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.customerCount() == 2 * perWriter)
    }
}
