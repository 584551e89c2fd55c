import Foundation
import GRDB

/// Notices commits made by any other connection — another `clientele` process, or this
/// process's own writer — with `PRAGMA data_version`. The value is per connection, so the
/// watcher keeps one dedicated read-only connection and always asks that one; a call costs a
/// few microseconds, cheap enough for a timer of a second.
public final class StoreChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let lock = NSLock()
    private var last: Int64?

    public init(path: String) throws(StoreError) {
        SQLiteSetup.prepare()
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "clientele.watcher"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.opening(path: path, error)
        }
        _ = try changedSinceLastCall()
    }

    /// Whether another connection committed since the previous call.
    public func changedSinceLastCall() throws(StoreError) -> Bool {
        let version: Int64
        do {
            version = try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.from(error, path: queue.path)
        }
        return lock.withLock {
            defer { last = version }
            return last != nil && last != version
        }
    }

    public func close() {
        try? queue.close()
    }
}
