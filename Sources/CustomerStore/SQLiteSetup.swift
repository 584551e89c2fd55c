import CSQLiteTuning

/// Process-wide SQLite settings, made once before the first connection of this process opens.
/// Every place in the store that opens a connection calls `prepare()` first.
enum SQLiteSetup {
    /// SQLite's result code for the settings (kept for tests and diagnostics).
    static let result: Int32 = clientele_sqlite_disable_memory_statistics()

    /// Applies the settings if this is the first call; later calls do nothing.
    static func prepare() {
        _ = result
    }
}

extension CustomerStore {
    /// Whether the process-wide SQLite settings took effect (false when something opened SQLite
    /// before the first store did); the benchmarks print it.
    public static var processSettingsApplied: Bool { SQLiteSetup.result == 0 }
}
