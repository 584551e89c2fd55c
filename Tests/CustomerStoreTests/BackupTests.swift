import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("Backups, restores and the start-up check")
struct BackupTests {
    private func filledStore(_ folder: TemporaryFolder, _ name: String = "live.sqlite") throws
        -> CustomerStore
    {
        let store = try CustomerStore.open(path: folder.file(name))
        try store.bulkLoad { loader in
            for index in 1...300 {
                try loader.add(CustomerRecord(id: Int64(index), name: "Kunde \(index) Müller", createdAt: 0))
                try loader.add(
                    InteractionRecord(
                        id: Int64(index), customerID: Int64(index), occurredAt: 100, channel: .call,
                        direction: .outbound, kind: .sales,
                        note: String(repeating: "Notiz \(index) ", count: 20)))
            }
        }
        return store
    }

    /// Overwrites bytes inside a b-tree page of a checkpointed copy, the way a bad disk would.
    private func damage(_ path: String) throws {
        let pageSize = UInt64(try pageSize(ofFile: path))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let pages = try handle.seekToEnd() / pageSize
        #expect(pages > 8)
        // From the page start: a b-tree page type or an overflow pointer, which SQLite checks.
        try handle.seek(toOffset: (pages / 2) * pageSize)
        handle.write(Data(repeating: 0xFF, count: 600))
        try handle.close()
    }

    @Test("A backup of a store in use is consistent, private and verified")
    func backupWhileWriting() async throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        let writer = Task {
            for index in 301...500 {
                try store.insert(CustomerRecord(id: Int64(index), name: "Neu \(index)", createdAt: 0))
            }
        }
        let target = folder.file("backups/copy.sqlite")
        try store.backup(to: target)
        try await writer.value
        #expect(posixMode(target) == 0o600)
        #expect(posixMode(folder.file("backups")) == 0o700)
        try CustomerStore.verify(file: target)
        let copy = try CustomerStore.open(path: target, mode: .existingOnly)
        let copied = try copy.customerCount()
        // A snapshot: all of the first batch, and some prefix of the concurrent inserts.
        #expect((300...500).contains(copied))
        #expect(throws: StoreError.self) { try store.backup(to: target) }
    }

    @Test("A damaged store is refused on opening, and a restore brings it back whole")
    func damagedThenRestored() throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        let backup = folder.file("good.sqlite")
        try store.backup(to: backup)
        let fingerprint = try store.contentFingerprint()
        try store.checkpoint()
        try store.close()

        let damaged = folder.file("live.sqlite")
        try damage(damaged)
        let error = #expect(throws: StoreError.self) {
            _ = try CustomerStore.open(path: damaged, mode: .existingOnly)
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("is damaged"))
        #expect(message.contains("restore a backup made with `clientele backup`"))

        let restored = try CustomerStore.restore(backup: backup, into: damaged)
        #expect(try restored.integrityProblems().isEmpty)
        #expect(try restored.contentFingerprint() == fingerprint)
    }

    /// The page size written in a database file's header (bytes 16-17, big-endian; 1 means 64 KiB).
    private func pageSize(ofFile path: String) throws -> Int {
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let header = try #require(try handle.read(upToCount: 18))
        let size = Int(header[16]) << 8 | Int(header[17])
        return size == 1 ? 65_536 : size
    }

    /// A copy of `source` rewritten with `pageSize` pages, as a store of an older version has.
    private func copy(_ source: String, to target: String, pageSize: Int) throws {
        try FileManager.default.copyItem(atPath: source, toPath: target)
        let queue = try DatabaseQueue(path: target)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "VACUUM")
        }
        try queue.close()
    }

    @Test("A new store has 16 KiB pages; a backup keeps the store's page size")
    func newStoresHaveLargePages() throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        try store.checkpoint()
        #expect(try pageSize(ofFile: store.path) == 16_384)
        let backup = folder.file("copy.sqlite")
        try store.backup(to: backup)
        #expect(try pageSize(ofFile: backup) == 16_384)
    }

    @Test("A backup with another page size is restored whole, but not into a store in use")
    func restoresAcrossPageSizes() throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        let fingerprint = try store.contentFingerprint()
        let backup = folder.file("made-with-an-older-version.sqlite")
        let newest = folder.file("newest.sqlite")
        try store.backup(to: newest)
        try copy(newest, to: backup, pageSize: 4096)
        #expect(try pageSize(ofFile: backup) == 4096)

        // Another program has the store open: nothing is copied, and the message says why.
        try store.insert(CustomerRecord(id: 9_999, name: "Nach der Sicherung", createdAt: 0))
        let before = try store.contentFingerprint()
        let error = #expect(throws: StoreError.self) {
            _ = try CustomerStore.restore(backup: backup, into: store.path)
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("close every other Clientele"))
        #expect(try store.contentFingerprint() == before)

        try store.close()
        let restored = try CustomerStore.restore(backup: backup, into: store.path)
        #expect(try restored.integrityProblems().isEmpty)
        #expect(try restored.contentFingerprint() == fingerprint)
        #expect(try pageSize(ofFile: store.path) == 4096)
        #expect(try restored.pragmas(onWriter: true).journalMode == "wal")
    }

    @Test("A damaged or foreign file is never restored")
    func refusesBadBackups() throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        let bad = folder.file("bad.sqlite")
        try store.backup(to: bad)
        try damage(bad)
        #expect(throws: StoreError.self) { try CustomerStore.verify(file: bad) }
        let foreign = folder.file("foreign.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        #expect(throws: StoreError.foreignDatabase(path: foreign)) { try CustomerStore.verify(file: foreign) }
        let before = try store.contentFingerprint()
        #expect(throws: StoreError.self) { _ = try CustomerStore.restore(backup: bad, into: store.path) }
        #expect(try store.contentFingerprint() == before)
    }
}
