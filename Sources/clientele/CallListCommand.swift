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
            Columns: rank, customer_id, external_id, name, company, phone, email, owner, segment, risk, \
            band, value_at_stake, action, reason, due, last_touch. CSV is RFC 4180 and safe to open in a \
            spreadsheet (cells that would run as formulas start with an apostrophe; phone numbers such \
            as +49 341 261311 stay as written for diallers); --excel writes UTF-8 with BOM and ';' for \
            German Excel. Files are created private (0600). Texts follow --lang (or the locale).
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
        // An owner nobody has is a typo far more often than a free day: say so instead of
        // writing an empty list.
        if let owner {
            let check = try customerStore.ownerCheck(owner)
            if !check.known {
                let known = check.owners.map { sanitizedForTerminal($0) }.joined(separator: ", ")
                throw CommandError(
                    "no customer has the owner \"\(sanitizedForTerminal(owner))\" (owners are matched exactly"
                        + (known.isEmpty ? "; no customer has an owner)" : "; owners: \(known))"))
            }
        }
        let today = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let entries = try customerStore.callList(
            today: today, filter: CallListFilter(owner: owner, segment: segment, band: band, limit: limit))
        let catalog = Catalog(
            language: lang ?? Language.from(environment: ProcessInfo.processInfo.environment))
        let bytes =
            format == .json
            ? Array(CallListExport.json(entries, catalog: catalog, today: today).utf8)
            : CallListExport.csv(entries, catalog: catalog, excel: excel, today: today)
        if let output {
            try PrivateFile.replace(output, with: bytes)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
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
    static func values(_ entry: CallListEntry, sentences: inout Sentences) -> [String?] {
        [
            "\(entry.rank)", "\(entry.customerID)", entry.externalID.map(clean), clean(entry.name),
            entry.company.map(clean), entry.phone.map(clean), entry.email.map(clean), entry.owner.map(clean),
            entry.segment?.rawValue, threeDecimals(entry.risk), entry.band.rawValue,
            decimal(entry.valueAtStakeMinor), entry.action.map { sentences.action($0) },
            entry.topReason.map { sentences.reason($0) }, entry.due?.iso, entry.lastTouch?.iso,
        ]
    }

    /// The catalogue's sentences for actions and reasons, each made once: a day's list of a
    /// hundred thousand rows repeats a few thousand distinct ones.
    struct Sentences {
        private struct ActionKey: Hashable {
            var kind: ActionKind
            var detail: Int?
        }

        let catalog: Catalog
        /// The list's day: a follow-up says how late it is on that day.
        let today: CalendarDay
        private var actions: [ActionKey: String] = [:]
        private var reasons: [RiskReason: String] = [:]

        init(catalog: Catalog, today: CalendarDay) {
            self.catalog = catalog
            self.today = today
        }

        mutating func action(_ action: SuggestedAction) -> String {
            // A follow-up's sentence depends on its due day too; it is made each time.
            if action.kind == .followUp { return catalog.action(action, today: today) }
            let key = ActionKey(kind: action.kind, detail: action.detail)
            if let known = actions[key] { return known }
            let sentence = catalog.action(action.kind, detail: action.detail)
            actions[key] = sentence
            return sentence
        }

        mutating func reason(_ reason: RiskReason) -> String {
            if let known = reasons[reason] { return known }
            let sentence = catalog.reason(reason)
            reasons[reason] = sentence
            return sentence
        }
    }

    /// The CSV file's bytes, built in one buffer (no `String` per line or per cell).
    static func csv(_ entries: [CallListEntry], catalog: Catalog, excel: Bool, today: CalendarDay) -> [UInt8]
    {
        let writer = CSVWriter(delimiter: excel ? ";" : ",")
        var out: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(256 + entries.count * 256)
        writer.appendLine(columns, to: &out)
        var sentences = Sentences(catalog: catalog, today: today)
        for entry in entries {
            var fields = values(entry, sentences: &sentences)
            if excel {
                // German Excel reads "0,123" and "1234,56" as numbers.
                fields[9] = fields[9].map { $0.replacingOccurrences(of: ".", with: ",") }
                fields[11] = fields[11].map { $0.replacingOccurrences(of: ".", with: ",") }
            }
            writer.appendLine(fields, to: &out)
        }
        return out
    }

    static func json(_ entries: [CallListEntry], catalog: Catalog, today: CalendarDay) -> String {
        let numeric: Set<String> = ["rank", "customer_id", "risk", "value_at_stake"]
        var sentences = Sentences(catalog: catalog, today: today)
        let objects = entries.map { entry in
            "{"
                + zip(columns, values(entry, sentences: &sentences)).map { column, value in
                    let rendered =
                        value.map { numeric.contains(column) ? $0 : Format.jsonString($0) } ?? "null"
                    return "\"\(column)\": \(rendered)"
                }.joined(separator: ", ") + "}"
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    private static func clean(_ text: String) -> String { sanitizedForTerminal(text) }

    /// `%.3f` as C's printf writes it (what `String(format:)` gave before), without
    /// Foundation's format parsing per row.
    static func threeDecimals(_ value: Double) -> String {
        // Exact in integers unless the value lies within a hair of a rounding tie; then printf.
        let scaled = value * 1000
        if value >= 0, scaled < 1e15 {
            let whole = scaled.rounded(.down)
            let fraction = scaled - whole
            if abs(fraction - 0.5) > 1e-6 {
                let thousandths = Int(whole) + (fraction > 0.5 ? 1 : 0)
                let part = thousandths % 1000
                return "\(thousandths / 1000)." + (part < 10 ? "00" : part < 100 ? "0" : "") + "\(part)"
            }
        }
        var buffer = [CChar](repeating: 0, count: 48)
        let written = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.3f", $0) }
        guard written > 0, Int(written) < buffer.count else { return String(format: "%.3f", value) }
        return String(decoding: buffer[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Minor units as a decimal with two places, exactly.
    static func decimal(_ minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// Files the user asked for, written whole or not at all: the bytes go to a private (0600)
/// temporary file beside the target, are flushed to disk, and the file is renamed over the
/// target. A failure leaves the target as it was and no temporary file behind.
enum PrivateFile {
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != ".." else {
            throw CommandError("cannot write \(path): not a file name")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandError("cannot write \(path): it is a folder")
        }
        let temporary =
            (folder.isEmpty ? "" : folder + "/") + ".\(name).partial-\(getpid())"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        fchmod(descriptor, 0o600)
        var written = 0
        while written < bytes.count, failure == nil {
            let result = bytes[written...].withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, min($0.count, 1 << 22))
            }
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                failure = String(cString: strerror(errno))
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        Glibc.close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw CommandError("cannot write \(path): \(failure)")
        }
    }
}
