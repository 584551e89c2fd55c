import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele import KIND FILE`: bring records from CSV files into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from CSV files (all or nothing unless --skip-bad-rows).",
        discussion: """
            Encodings (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), delimiters (, ; TAB \
            or a first line sep=;), German and English headers, dates and amounts are detected; see \
            docs/IMPORT.md. A file that is not CSV (a folder, a database, a workbook, JSON, a program) \
            is refused as such. The whole file is checked first; if any row is wrong nothing is \
            imported and every problem is listed as FILE:LINE:COLUMN. Importing the same file again \
            changes nothing. A scored store is rescored afterwards.
            """,
        subcommands: [
            ImportCustomersCommand.self, ImportOrdersCommand.self, ImportInteractionsCommand.self,
            ImportFeedbackCommand.self, ImportContractsCommand.self,
        ])
}

/// The file and flags every import kind shares.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions

    @Flag(
        name: .customLong("create-missing"),
        help: "Create customers that do not exist yet (by their external id).")
    var createMissing = false

    @Flag(name: .customLong("dry-run"), help: "Check the file and report, without writing anything.")
    var dryRun = false

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Read a column as a field, e.g. --map Kd=customer_id (repeatable).", valueName: "column=field"))
    var map: [String] = []

    @Option(
        name: .customLong("skip-bad-rows"),
        help: ArgumentHelp(
            "Import the good rows; write the bad ones with their reason here (mode 0600).",
            valueName: "rejects.csv"))
    var rejects: String?

    @Option(help: ArgumentHelp("utf-8, utf-16 or windows-1252 (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("',', ';' or 'tab' (default: detected).", valueName: "char"))
    var delimiter: String?

    func validate() throws {
        if let encoding, ImportEncoding(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("--encoding must be utf-8, utf-16 or windows-1252 (got \(encoding)).")
        }
        if let delimiter, Self.delimiterByte(delimiter) == nil {
            throw ValidationError("--delimiter must be ',', ';' or 'tab'.")
        }
        for pair in map where !pair.contains("=") {
            throw ValidationError("--map takes COLUMN=FIELD (got \(pair)).")
        }
    }

    static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": UInt8(ascii: ",")
        case ";", "semicolon": UInt8(ascii: ";")
        case "tab", "\t", "\\t": UInt8(ascii: "\t")
        default: nil
        }
    }

    func run(_ kind: ImportKind) throws {
        let customerStore = try store.open(createIfMissing: false)
        let started = Clock.monotonicSeconds()
        var options = ImportOptions(
            kind: kind, fileName: (file as NSString).lastPathComponent, createdAt: Int64(time(nil)))
        options.dryRun = dryRun
        options.createMissingCustomers = createMissing
        options.rejectsPath = rejects
        options.encoding = encoding.flatMap { ImportEncoding(rawValue: $0.lowercased()) }
        options.delimiter = delimiter.flatMap(Self.delimiterByte)
        for pair in map {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { options.columnMap[parts[0]] = parts[1] }
        }
        let summary: ImportSummary
        do {
            summary = try Importer(options: options).run(
                .file(file), into: customerStore, progress: ProgressBar.forStandardError(label: "Importing"))
        } catch let error as ImportError {
            throw CommandError(error.description)
        }
        if ProcessInfo.processInfo.environment["CLIENTELE_IMPORT_TIMINGS"] == "1" {
            FileHandle.standardError.write(Data("\(summary.timings.description)\n".utf8))
        }
        for issue in summary.issues {
            FileHandle.standardError.write(Data("skipped: \(issue)\n".utf8))
        }
        var rescored = false
        if !dryRun && summary.inserted + summary.updated > 0 {
            rescored = try Rescoring.afterImport(customerStore, today: Clock.today())
        }
        let seconds = Clock.monotonicSeconds() - started
        let time = String(format: "%.2f", seconds)
        let rows = Self.count(summary.rowsRead, "row")
        let records = Self.count(summary.inserted, kind.singular, kind.plural)
        let created = Self.count(summary.customersCreated, "new customer")
        // Rows whose order number (or reference) is stored with other values: counted apart
        // from the true duplicates and listed, since the stored record was kept.
        let catalog = Catalog(language: .en)
        let conflicts =
            summary.conflictCount > 0 ? ", " + catalog.importConflictCount(summary.conflictCount) : ""
        if dryRun {
            print(
                """
                \(file): \(rows) read; dry run, nothing written: would insert \(records), would update \
                \(summary.updated), \(summary.duplicates) already present\(conflicts), \(created), \
                \(summary.rejected) rejected (\(time) s).
                """)
        } else {
            print(
                """
                \(file): \(rows) read, imported \(records), \(summary.duplicates) already present\(conflicts), \
                \(created), \(summary.updated) updated, \(summary.rejected) rejected \
                (\(time) s)\(rescored ? "; store rescored" : "").
                """)
        }
        for (index, line) in catalog.importConflictLines(summary.conflicts, total: summary.conflictCount)
            .enumerated()
        {
            print(index == 0 ? line : "  " + line)
        }
        if let rejects, summary.rejected > 0, !dryRun {
            FileHandle.standardError.write(Data("\(summary.rejected) bad rows written to \(rejects)\n".utf8))
        }
    }
}

extension ImportFileOptions {
    /// "1 row", "2 rows"; `plural` defaults to the singular with an "s".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }
}

extension ImportKind {
    /// One record of this kind, for "imported 1 order".
    var singular: String {
        switch self {
        case .customers: "customer"
        case .orders: "order"
        case .interactions: "interaction"
        case .feedback: "feedback answer"
        case .contracts: "contract"
        }
    }

    /// Several records of this kind.
    var plural: String { self == .feedback ? "feedback answers" : rawValue }
}

/// `clientele import customers FILE`: upsert by external id, only the columns the file has.
struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract:
            "Import customers: customer id and any of name, company, email, phone, address, ... (upsert).")
    @OptionGroup var options: ImportFileOptions
    func run() throws { try options.run(.customers) }
}

/// `clientele import orders FILE`: a transaction log of customer, date and amount.
struct ImportOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract:
            "Import orders: customer id, date, amount (and optionally currency, category, order number).")
    @OptionGroup var options: ImportFileOptions
    func run() throws { try options.run(.orders) }
}

/// `clientele import interactions FILE`: calls, emails, visits, complaints.
struct ImportInteractionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interactions",
        abstract: "Import interactions: customer id, date, channel, kind (and direction, outcome, note, ...)."
    )
    @OptionGroup var options: ImportFileOptions
    func run() throws { try options.run(.interactions) }
}

/// `clientele import feedback FILE`: NPS, CSAT and CES answers.
struct ImportFeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract:
            "Import feedback: customer id, date, metric (nps/csat/ces) and score (or a column NPS/CSAT/CES).")
    @OptionGroup var options: ImportFileOptions
    func run() throws { try options.run(.feedback) }
}

/// `clientele import contracts FILE`: subscriptions and terms.
struct ImportContractsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contracts",
        abstract: "Import contracts: customer id, product, start (and end, notice, amount, period, status).")
    @OptionGroup var options: ImportFileOptions
    func run() throws { try options.run(.contracts) }
}
