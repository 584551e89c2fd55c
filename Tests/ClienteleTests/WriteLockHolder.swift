import Foundation
import GRDB

/// Another program's long write, for tests of waiting writers: a connection of its own takes
/// the store's write lock (`BEGIN IMMEDIATE`) on a thread and keeps it for `seconds`, as a whole
/// rescoring does. `init` returns once the lock is held.
final class WriteLockHolder {
    let queue: DatabaseQueue
    private let released = DispatchSemaphore(value: 0)

    init(path: String, seconds: TimeInterval) throws {
        queue = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [queue, released] in
            try? queue.inTransaction(.immediate) { _ in
                locked.signal()
                Thread.sleep(forTimeInterval: seconds)
                return .commit
            }
            released.signal()
        }
        locked.wait()
    }

    /// Waits until the lock is given back, then closes the connection.
    func waitUntilReleased() throws {
        released.wait()
        try queue.close()
    }
}
