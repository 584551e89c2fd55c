import ArgumentParser
import CustomerStore
import Foundation

/// `clientele stats`: what is in the store and where it lives.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show rows per table, file size, schema version and where the store is.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let location = store.location
        let customerStore = try store.open(createIfMissing: false)
        let statistics = try customerStore.statistics()
        let foreign = try customerStore.ordersInOtherCurrencies()
        try customerStore.close()
        if json {
            print(Self.json(statistics, source: location.source, foreign: foreign))
        } else {
            print(Self.text(statistics, source: location.source))
            if let warning = ForeignCurrencyWarning.text(foreign, storePath: statistics.path) {
                print(warning)
            }
        }
    }

    static func text(_ statistics: StoreStatistics, source: StoreLocation.Source) -> String {
        let width = statistics.rows.map(\.table.count).max() ?? 10
        var lines = [
            "Store    \(statistics.path)  (from \(source.rawValue))",
            "Size     \(Format.bytes(statistics.fileSize))",
            "Schema   version \(statistics.schemaVersion) (this Clientele knows \(statistics.knownSchemaVersion))",
            "Rows",
        ]
        for (table, count) in statistics.rows {
            let padding = String(repeating: " ", count: width - table.count)
            let number = Format.grouped(count)
            lines.append(
                "  \(table)\(padding)  \(String(repeating: " ", count: max(0, 12 - number.count)))\(number)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(
        _ statistics: StoreStatistics, source: StoreLocation.Source,
        foreign: [(currency: String, orders: Int)]
    ) -> String {
        let rows = statistics.rows.map { "\"\($0.table)\": \($0.count)" }.joined(separator: ", ")
        let currencies = foreign.map { "\(Format.jsonString($0.currency)): \($0.orders)" }.joined(
            separator: ", ")
        return """
            {"path": \(Format.jsonString(statistics.path)), "source": "\(source.rawValue)", \
            "fileSizeBytes": \(statistics.fileSize), "schemaVersion": \(statistics.schemaVersion), \
            "knownSchemaVersion": \(statistics.knownSchemaVersion), "rows": {\(rows)}, \
            "ordersInOtherCurrencies": {\(currencies)}}
            """
    }
}

/// Small formatting helpers for command output (the UI has its own catalogue-driven formats).
enum Format {
    /// 1234567 → "1,234,567": stable for scripts and readable for people.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// "1 referral", "2 referrals": a count with its noun in the right number.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural)"
    }

    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var size = Double(value)
        var unit = 0
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return unit == 0 ? "\(value) B" : String(format: "%.1f %@", size, units[unit])
    }

    /// A JSON string literal that is also safe on a terminal (see `JSONText`).
    static func jsonString(_ text: String) -> String {
        JSONText.quoted(text)
    }
}
