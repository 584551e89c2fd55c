import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele calllist`: today's prioritised call list as CSV or JSON.
struct CallListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calllist",
        abstract: "Export today's call list (CSV or JSON), ranked by urgency and value at stake.",
        discussion: """
            Columns: rank, customer_id, external_id, name, company, phone, email, owner, segment, risk, band,
            value_at_stake, action, reason, due, last_touch. CSV is RFC 4180 and safe to open in a spreadsheet
            (cells that would run as formulas start with an apostrophe); --excel writes UTF-8 with BOM and ';'
            for German Excel. Files are created private (0600). Texts follow --lang (or the locale).
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Only this account manager's customers.")
    var owner: String?

    @Option(help: "Only this segment (e.g. at-risk, champions).")
    var segment: Segment?

    @Option(help: "Only this risk band: low, medium or high.")
    var band: RiskBand?

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Option(help: "csv or json.")
    var format: ExportFormat = .csv

    @Flag(help: "CSV for German Excel: UTF-8 with BOM and ';' between fields.")
    var excel = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file (created private, 0600).", valueName: "file"))
    var output: String?

    @Option(help: "en or de (default: from the locale).")
    var lang: Language?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The list for this day (default: today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
        if excel && format == .json { throw ValidationError("--excel applies to CSV only.") }
    }

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let today = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let entries = try customerStore.callList(
            today: today, filter: CallListFilter(owner: owner, segment: segment, band: band, limit: limit))
        let catalog = Catalog(
            language: lang ?? Language.from(environment: ProcessInfo.processInfo.environment))
        let text =
            format == .json
            ? CallListExport.json(entries, catalog: catalog)
            : CallListExport.csv(entries, catalog: catalog, excel: excel)
        try OutputFile.write(text, to: output)
    }
}

extension Segment: ExpressibleByArgument {}
extension RiskBand: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// The call list's columns, shared by CSV and JSON so the two can never disagree.
enum CallListExport {
    static let columns = [
        "rank", "customer_id", "external_id", "name", "company", "phone", "email", "owner", "segment", "risk",
        "band",
        "value_at_stake", "action", "reason", "due", "last_touch",
    ]

    /// Every text from data passes the sanitiser: exports are read in terminals too.
    static func values(_ entry: CallListEntry, catalog: Catalog) -> [String?] {
        [
            "\(entry.rank)", "\(entry.customerID)", entry.externalID.map(clean), clean(entry.name),
            entry.company.map(clean), entry.phone.map(clean), entry.email.map(clean), entry.owner.map(clean),
            entry.segment?.rawValue, String(format: "%.3f", entry.risk), entry.band.rawValue,
            decimal(entry.valueAtStakeMinor), entry.action.map { catalog.action($0.kind, detail: $0.detail) },
            entry.topReason.map(catalog.reason), entry.due?.iso, entry.lastTouch?.iso,
        ]
    }

    static func csv(_ entries: [CallListEntry], catalog: Catalog, excel: Bool) -> String {
        let writer = CSVWriter(delimiter: excel ? ";" : ",")
        var out = excel ? "\u{FEFF}" : ""
        out += writer.line(columns)
        for entry in entries {
            var fields = values(entry, catalog: catalog)
            if excel {
                // German Excel reads "0,123" and "1234,56" as numbers.
                fields[9] = fields[9].map { $0.replacingOccurrences(of: ".", with: ",") }
                fields[11] = fields[11].map { $0.replacingOccurrences(of: ".", with: ",") }
            }
            out += writer.line(fields)
        }
        return out
    }

    static func json(_ entries: [CallListEntry], catalog: Catalog) -> String {
        let numeric: Set<String> = ["rank", "customer_id", "risk", "value_at_stake"]
        let objects = entries.map { entry in
            "{"
                + zip(columns, values(entry, catalog: catalog)).map { column, value in
                    let rendered =
                        value.map { numeric.contains(column) ? $0 : Format.jsonString($0) } ?? "null"
                    return "\"\(column)\": \(rendered)"
                }.joined(separator: ", ") + "}"
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    private static func clean(_ text: String) -> String { sanitizedForTerminal(text) }

    /// Minor units as a decimal with two places, exactly.
    static func decimal(_ minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
