import CustomerStore
import Dashboard
import Foundation

/// The dashboard's side of "two people, one store": once a second while nothing is loading,
/// `PRAGMA data_version` on the watcher's own connection says whether anyone committed since
/// the last look; if so the loop sends `.storeChanged` and the visible screen reloads.
final class StoreChangePoller {
    private let watcher: StoreChangeWatcher?
    private var lastPoll = Clock.monotonicSeconds()
    /// Seconds between two looks at the store.
    static let interval = 1.0

    init(path: String) {
        // Without a watcher (the file vanished, no permission) the dashboard still works; it
        // only does not notice other processes' changes.
        watcher = try? StoreChangeWatcher(path: path)
    }

    /// Whether the store changed, asked at most once per `interval` and never while effects
    /// are still running (their answers come first; a reload would only pile up).
    func storeChanged(busy: Bool) -> Bool {
        let now = Clock.monotonicSeconds()
        guard let watcher, !busy, now - lastPoll >= Self.interval else { return false }
        lastPoll = now
        return (try? watcher.changedSinceLastCall()) ?? false
    }

    deinit { watcher?.close() }
}
