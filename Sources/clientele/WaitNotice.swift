import Dashboard
import Foundation

/// Says once that a save is still waiting when it takes over a second: another program holds
/// the store's write lock (a whole rescoring holds it 15–20 s on a million customers), and a
/// "saving…" that stands that long would read as a hang. The write calls `done()` when through.
final class WaitNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false

    convenience init(inbox: Inbox, after seconds: Double = 1) {
        // A notice after the answer changes nothing: the update checks that a save waits.
        self.init(after: seconds) { inbox.post([.writeWaiting]) }
    }

    init(after seconds: Double, notify: @escaping @Sendable () -> Void) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            if !lock.withLock({ finished }) { notify() }
        }
    }

    func done() { lock.withLock { finished = true } }

    /// The command line's notice: one line on stderr when `body` (a write) still runs after a
    /// second, so a wait behind a whole rescoring does not look like a hang.
    static func whileRunning<T>(_ body: () throws -> T) throws -> T {
        let notice = WaitNotice(after: 1) {
            FileHandle.standardError.write(
                Data("waiting for another program's write to the store (a rescoring or an import)…\n".utf8))
        }
        defer { notice.done() }
        return try body()
    }
}
