import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele bench calllist`: building today's call list as the dashboard does, and exporting
/// it as CSV as `clientele calllist -o` does, against the `sqlite3` shell exporting the same rows
/// and columns, measured in the same run.
struct BenchCallListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calllist",
        abstract:
            "Time today's call list (dashboard load, CSV export) against the sqlite3 shell's CSV export.",
        discussion: """
            The store is migrated if it is older than this build: run it on a copy of a shared store. \
            Needs the sqlite3 command-line shell on PATH for the baseline.
            """)

    @OptionGroup var store: StoreOptions

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The list for this day (default: today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Rows to export.")
    var rows = 100_000

    @Option(help: "Runs of each measurement; the median is reported.")
    var runs = 3

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
        guard rows >= 1 else { throw ValidationError("--rows must be at least 1 (got \(rows)).") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be 1 to 20 (got \(runs)).") }
    }

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let today = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "clientele-bench-calls-\(getpid())")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ours = (folder as NSString).appendingPathComponent("calllist.csv")
        let theirs = (folder as NSString).appendingPathComponent("sqlite3.csv")
        var figures = JSONFigures()

        // What the dashboard does when the call list opens: the first rows and the count.
        var loaded = 0
        var total = 0
        figures["dashboardLoadSeconds"] = .number(
            try median {
                let filter = CallListFilter(limit: CallsState.loadLimit)
                loaded = try customerStore.callList(today: today, filter: filter).count
                total = try customerStore.callListCount(today: today)
            })
        figures["dashboardRowsLoaded"] = .int(loaded)
        figures["callListTotal"] = .int(total)
        figures["fullListSeconds"] = .number(try median { _ = try customerStore.callList(today: today) })

        // The export, phase by phase, then end to end as `clientele calllist -o` runs it.
        let catalog = Catalog(language: .en)
        var entries: [CallListEntry] = []
        figures["exportQuerySeconds"] = .number(
            try median {
                entries = try customerStore.callList(today: today, filter: CallListFilter(limit: rows))
            })
        var bytes: [UInt8] = []
        figures["exportFormatSeconds"] = .number(
            median { bytes = CallListExport.csv(entries, catalog: catalog, excel: false, today: today) })
        figures["exportWriteSeconds"] = .number(try median { try PrivateFile.replace(ours, with: bytes) })
        let export = try median {
            let rows = try customerStore.callList(today: today, filter: CallListFilter(limit: rows))
            try PrivateFile.replace(
                ours, with: CallListExport.csv(rows, catalog: catalog, excel: false, today: today))
        }
        figures["exportRows"] = .int(entries.count)
        figures["exportBytes"] = .int(bytes.count)
        figures["exportSeconds"] = .number(export)

        let sql = CustomerStore.callListBaselineSQL(today: today, limit: rows)
        var baselineLines = 0
        let baseline = try median {
            try Self.sqliteShell(path: customerStore.path, sql: sql, output: theirs)
        }
        if let data = FileManager.default.contents(atPath: theirs) {
            baselineLines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        figures["sqlite3ExportSeconds"] = .number(baseline)
        figures["sqlite3ExportLines"] = .int(baselineLines)
        figures["ratioToSqlite3"] = .number(export / baseline)
        figures["peakResidentMegabytes"] = .number(BenchScoreCommand.peakResidentMegabytes())
        print(figures.json)
    }

    /// The median wall time of `runs` runs of `body`.
    private func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let started = Clock.monotonicSeconds()
            try body()
            times.append(Clock.monotonicSeconds() - started)
        }
        return times.sorted()[times.count / 2]
    }

    /// `sqlite3 -csv -header STORE SQL > output`, the process start included.
    private static func sqliteShell(path: String, sql: String, output: String) throws {
        _ = FileManager.default.createFile(
            atPath: output, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: output) else {
            throw CommandError("cannot write \(output)")
        }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-csv", "-header", "-readonly", path, sql]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError(
                "the sqlite3 shell failed (exit \(process.terminationStatus)); is it installed?")
        }
    }
}
