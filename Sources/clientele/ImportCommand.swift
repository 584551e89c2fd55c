import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `clientele import`: bring records from CSV files into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from CSV files (all or nothing).",
        subcommands: [ImportOrdersCommand.self])
}

/// `clientele import orders FILE`: a transaction log of customer, date and amount.
struct ImportOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract:
            "Import orders: columns customer id, date, amount (and optionally currency, category, order number).",
        discussion: """
            Column names may be English or German (customer_id/Kundennummer, date/Datum, amount/Betrag, ...).
            The whole file is checked first; if any row is wrong nothing is imported and every problem is
            listed as FILE:LINE:COLUMN. Importing the same file again adds nothing: an order is the same
            when its order number matches, or, without one, its customer, time and amount. A scored store
            is rescored afterwards.
            """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions

    @Flag(
        name: .customLong("create-missing"),
        help: "Create customers that do not exist yet (by their external id).")
    var createMissing = false

    @Flag(name: .customLong("dry-run"), help: "Check the file and report, without writing anything.")
    var dryRun = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandError("cannot read \(file): no such file, or no permission to read it")
        }
        let customerStore = try store.open(createIfMissing: false)
        let started = Clock.monotonicSeconds()
        let importer = OrderImport(
            fileName: (file as NSString).lastPathComponent, createMissingCustomers: createMissing,
            dryRun: dryRun)
        let summary: ImportSummary
        do {
            summary = try importer.run(Array(data), into: customerStore, createdAt: Int64(time(nil)))
        } catch let error as ImportError {
            throw CommandError(error.description)
        }
        var rescored = false
        if !dryRun && summary.inserted > 0, let model = try customerStore.latestPopulationModel() {
            let request = ScoringRequest(
                asOf: Clock.today(), timeUnit: model.timeUnit, settings: model.settings,
                rules: try RulesFile.load(explicitPath: nil))
            _ = try Rescoring.all(customerStore, request: request, progress: nil)
            rescored = true
        }
        let seconds = Clock.monotonicSeconds() - started
        let verb = dryRun ? "would import" : "imported"
        print(
            """
            \(file): \(summary.rowsRead) rows read, \(verb) \(summary.inserted) orders, \
            \(summary.duplicates) already present, \(summary.customersCreated) new customers \
            (\(String(format: "%.2f", seconds)) s)\(rescored ? "; store rescored" : "").
            """)
    }
}
