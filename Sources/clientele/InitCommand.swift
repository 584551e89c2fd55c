import ArgumentParser
import CustomerStore
import Foundation

/// `clientele init`: an empty store for your own customers, ready for `clientele import`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty customer store for your own customers.",
        discussion: """
            Creates the store at --db, $CLIENTELE_DB, or the default place in your data folder \
            (its folder is created private there). Refuses if a file is already there. Then bring \
            your customers in with `clientele import customers FILE.csv` (see docs/IMPORT.md).
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        let location = store.location
        if FileManager.default.fileExists(atPath: location.path) {
            throw CommandError(
                "there is already a file at \(location.path); it was left as it is "
                    + "(`clientele stats --db \(location.path)` shows what it holds)")
        }
        let created = try store.open(createIfMissing: true)
        let statistics = try created.statistics()
        try created.close()
        print(
            """
            Created an empty store at \(statistics.path) (schema version \(statistics.schemaVersion)).
            Next: clientele import customers FILE.csv --db \(statistics.path)
                  then orders, interactions, feedback and contracts (docs/IMPORT.md),
                  then clientele score --db \(statistics.path)
            """)
    }
}
