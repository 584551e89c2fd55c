import ArgumentParser
import CustomerStore
import Foundation

/// `clientele backup [FILE]`: a consistent, verified, private copy of the live store.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store (while it is in use) to a verified, private backup file.",
        discussion: "Without FILE the copy goes to backups/ next to the store, named by the time (UTC).")

    @Argument(help: ArgumentHelp("Where to write the backup (must not exist).", valueName: "file"))
    var file: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let target =
            file.map { StoreLocation.resolve(explicitPath: $0, environment: [:]).path }
            ?? CustomerStore.defaultBackupPath(forStore: customerStore.path, unixSeconds: Int64(time(nil)))
        let started = Clock.monotonicSeconds()
        try customerStore.backup(to: target)
        print(
            "Backup written to \(target) (\(Format.bytes(Self.size(target))), verified, "
                + "\(String(format: "%.1f", Clock.monotonicSeconds() - started)) s).")
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// `clientele restore FILE`: replace the store's content with a verified backup.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the store's content with a backup (verified first).",
        discussion: """
            Everything in the store is replaced by the backup's content. Make a backup of the current \
            state first if you may want it back. Asks for confirmation on a terminal; scripts pass --yes.
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let source = StoreLocation.resolve(explicitPath: file, environment: [:]).path
        try CustomerStore.verify(file: source)
        let target = store.location.path
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandError("restore replaces the whole store; pass --yes to confirm from a script")
            }
            print("Replace everything in \(target) with \(source)? Type yes to continue: ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                throw CommandError("restore cancelled; the store is unchanged")
            }
        }
        let customerStore = try CustomerStore.restore(backup: source, into: target)
        print("Restored \(customerStore.path) from \(source).")
    }
}

/// `clientele check`: a full integrity check of the store.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's full integrity check on the store.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let problems = try customerStore.integrityProblems()
        guard problems.isEmpty else {
            throw CommandError(
                "the store \(customerStore.path) is damaged: \(problems.prefix(5).joined(separator: "; ")); "
                    + "restore a backup with `clientele restore FILE`")
        }
        print("The store \(customerStore.path) is sound (integrity check ok).")
    }
}
