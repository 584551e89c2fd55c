import ArgumentParser
import CustomerStore
import Dashboard
import Foundation

/// `clientele privacy`: GDPR access (export) and erasure, and a retention purge.
struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "GDPR: export everything about a person, erase them, or purge old touchpoints.",
        subcommands: [PrivacyExportCommand.self, PrivacyEraseCommand.self, PrivacyPurgeCommand.self])
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv
}

/// Finds exactly one customer or explains why not (shared by the privacy commands).
enum CustomerArgument {
    /// Several hits are listed with what tells them apart (customer number, company, city)
    /// and the `id:N` that names exactly one: a bare number may be a customer number too.
    static func resolve(_ text: String, in store: CustomerStore) throws -> CustomerHit {
        let hits = try store.resolveCustomer(text)
        guard hits.count == 1, let hit = hits.first else {
            if hits.isEmpty { throw CommandError("no customer matches \"\(sanitizedForTerminal(text))\"") }
            let count = hits.count >= 10 ? "10 or more" : "\(hits.count)"
            let width = hits.map { "id:\($0.id)".count }.max() ?? 0
            let list = hits.map { hit in
                let id = "id:\(hit.id)"
                let number: String? = hit.externalID.map { "no. " + $0 }
                let parts = [number, hit.name, hit.company, hit.city].compactMap { $0 }.filter { !$0.isEmpty }
                    .map { sanitizedForTerminal($0) }
                return "  " + id + String(repeating: " ", count: width - id.count) + "  "
                    + parts.joined(separator: " · ")
            }
            throw CommandError(
                "\"\(sanitizedForTerminal(text))\" matches \(count) customers; name one by its id:N:\n"
                    + list.joined(separator: "\n"))
        }
        return hit
    }

    /// Asks on a terminal; scripts must say --yes.
    static func confirm(_ question: String, yes: Bool) throws {
        guard !yes else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandError("this cannot be undone; pass --yes to confirm from a script")
        }
        print("\(question) Type yes to continue: ", terminator: "")
        guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
            throw CommandError("cancelled; nothing was changed")
        }
    }
}

/// Writes command output to a private file, or to standard output.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(descriptor) }
        // An existing file keeps its old mode through O_TRUNC; make it private too.
        fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            guard result > 0 else {
                throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            throw CommandError("cannot save \(path): \(String(cString: strerror(errno)))")
        }
    }
}

struct PrivacyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything the store holds about one person (GDPR Art. 15).")

    @Argument(help: "Customer number (external id), id:N (the store's id), or a search.")
    var customer: String

    @OptionGroup var store: StoreOptions

    @Option(help: "json or csv.")
    var format: ExportFormat = .json

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file (created private, 0600).", valueName: "file"))
    var output: String?

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let hit = try CustomerArgument.resolve(customer, in: customerStore)
        let export = try customerStore.exportPersonalData(customerID: hit.id)
        try OutputFile.write(format == .json ? Self.json(export) : Self.csv(export), to: output)
    }

    static func json(_ export: PersonalDataExport) -> String {
        var out = "{\"customerId\": \(export.customerID), \"tables\": {"
        out += export.tables.map { table in
            let rows = table.rows.map { row in
                "{"
                    + zip(table.columns, row).map { column, value in
                        "\(Format.jsonString(column)): \(value.map(Format.jsonString) ?? "null")"
                    }.joined(separator: ", ") + "}"
            }
            return "\(Format.jsonString(table.name)): [" + rows.joined(separator: ", ") + "]"
        }.joined(separator: ", ")
        return out + "}}\n"
    }

    /// One value per line: table, row number, column, value — every table in one file.
    static func csv(_ export: PersonalDataExport) -> String {
        let writer = CSVWriter()
        var out = writer.line(["table", "row", "column", "value"])
        for table in export.tables {
            for (index, row) in table.rows.enumerated() {
                for (column, value) in zip(table.columns, row) {
                    // CSV cannot escape controls; they are neutralised (line breaks kept, quoted).
                    // The JSON export keeps every character, escaped.
                    let safe = value.map { sanitizedForTerminal($0, lineBreaks: .keep) }
                    out += writer.line([table.name, "\(index + 1)", column, safe])
                }
            }
        }
        return out
    }
}

struct PrivacyEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract:
            "Erase a person's personal data (GDPR Art. 17); orders stay, pseudonymised, for bookkeeping.",
        discussion: """
            Deletes touchpoints, feedback, referrals and scores; removes name, contact data, birthday \
            and tags; keeps orders and contracts under "Erased customer N". The erased text is gone \
            from the store files (secure_delete, search indexes merged, free pages zeroed, WAL \
            truncated); backups made earlier still hold it. The erasure log keeps the id and the time \
            only.
            """)

    @Argument(help: "Customer number (external id), id:N (the store's id), or a search.")
    var customer: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let hit = try CustomerArgument.resolve(customer, in: customerStore)
        try CustomerArgument.confirm(
            "Erase all personal data of \(sanitizedForTerminal(hit.name)) (id \(hit.id))? This cannot be undone.",
            yes: yes)
        let report = try customerStore.erase(customerID: hit.id, at: Int64(time(nil)))
        let deleted = [
            Format.count(report.interactionsDeleted, "touchpoint", "touchpoints"),
            Format.count(report.feedbackDeleted, "feedback answer", "feedback answers"),
            Format.count(report.referralsDeleted, "referral", "referrals"),
        ]
        let kept = [
            Format.count(report.ordersKeptPseudonymised, "order", "orders"),
            Format.count(report.contractsKeptPseudonymised, "contract", "contracts"),
        ]
        print(
            "Erased customer \(hit.id): \(deleted[0]), \(deleted[1]) and \(deleted[2]) deleted; "
                + "\(kept[0]) and \(kept[1]) kept pseudonymised.")
    }
}

struct PrivacyPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Anonymise touchpoints older than a retention period (notes, authors, feedback comments).")

    @Option(name: .customLong("older-than"), help: "Retention period: 3y, 18m, 90d.")
    var olderThan: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func validate() throws {
        guard Self.days(olderThan) != nil else {
            throw ValidationError(
                "--older-than must be a number with y, m or d, like 3y (got \"\(olderThan)\").")
        }
    }

    static func days(_ text: String) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        switch unit {
        case "y": return count * 365
        case "m": return count * 30
        case "d": return count
        default: return nil
        }
    }

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let cutoffDay = Clock.today().adding(days: -(Self.days(olderThan) ?? 0))
        try CustomerArgument.confirm("Anonymise every touchpoint before \(cutoffDay.iso)?", yes: yes)
        let report = try customerStore.purgeInteractions(olderThan: cutoffDay.startUnixSeconds)
        print("Anonymised \(report.interactionsAnonymised) touchpoints before \(cutoffDay.iso).")
    }
}
