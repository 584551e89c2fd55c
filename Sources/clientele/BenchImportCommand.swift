import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `clientele bench import`: the importer against the `sqlite3` shell's `.import` of the same
/// orders file, in one run (issue 6 items 7 and 9). Both run as child processes so each one's
/// peak memory is its own (`wait4`'s rusage); while ours runs, a thread with its own connection
/// logs an interaction every 100 ms and records the longest time one took (waiting included).
struct BenchImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Time importing an orders CSV against sqlite3's .import; peak memory, longest wait of a writer.",
        discussion: """
            Writes a deterministic orders file (and a customers file, imported first) into a new \
            temporary folder, removed afterwards unless --keep. Use a release build:
              swift run -c release clientele bench import --rows 20000000
            """)

    @Option(help: "Order rows in the generated file.")
    var rows = 20_000_000

    @Option(help: "Customers the orders belong to (default: rows / 20).")
    var customers: Int?

    @Option(help: "Folder for the files (default: a new temporary folder, removed afterwards).")
    var dir: String?

    @Flag(help: "Keep the generated files and stores.")
    var keep = false

    func validate() throws {
        guard (1...100_000_000).contains(rows) else {
            throw ValidationError("--rows must be between 1 and 100000000 (got \(rows)).")
        }
        if let customers, !(1...rows).contains(customers) {
            throw ValidationError("--customers must be between 1 and --rows (got \(customers)).")
        }
    }

    func run() throws {
        let customerCount = customers ?? max(1, rows / 20)
        let folder = try dir ?? BenchFiles.temporaryFolder("import")
        defer {
            if !keep && dir == nil { try? FileManager.default.removeItem(atPath: folder) }
        }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let ordersFile = path("orders.csv")
        let customersFile = path("customers.csv")
        let store = path("store.sqlite")
        let baseline = path("baseline.sqlite")
        for file in [store, baseline] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }

        var started = Clock.monotonicSeconds()
        try BenchOrdersFile.writeCustomers(customerCount, to: customersFile)
        let orderBytes = try BenchOrdersFile.writeOrders(rows, customers: customerCount, to: ordersFile)
        let generateSeconds = Clock.monotonicSeconds() - started
        log("generated \(rows) orders (\(orderBytes / 1_000_000) MB) in \(format(generateSeconds)) s")

        // The baseline: the sqlite3 shell importing the same file into a table of the same
        // columns with the same index as our orders table (the model's covering index).
        let sqlite = try ChildProcess.run([
            "sqlite3", baseline,
            "CREATE TABLE orders(customer_id TEXT, ordered_at TEXT, amount TEXT, currency TEXT);",
            "CREATE INDEX orders_by_customer_time ON orders(customer_id, ordered_at, amount);",
            ".import --csv --skip 1 \(ordersFile) orders",
        ])
        guard sqlite.status == 0 else { throw CommandError("sqlite3 failed: \(sqlite.errors)") }
        log("sqlite3 .import: \(format(sqlite.seconds)) s, \(format(sqlite.peakMegabytes)) MB")

        // Our store: created, customers imported (setup), then the timed orders import.
        let me = ChildProcess.ownExecutable()
        try CustomerStore.open(path: store, mode: .createIfMissing(createFolder: false)).close()
        started = Clock.monotonicSeconds()
        let setup = try ChildProcess.run([me, "import", "customers", customersFile, "--db", store])
        guard setup.status == 0 else { throw CommandError("importing customers failed: \(setup.errors)") }
        let customersSeconds = Clock.monotonicSeconds() - started

        let colleague = try ColleagueLogger(path: store)
        // The child prints where its time went (ImportTimings) to stderr.
        setenv("CLIENTELE_IMPORT_TIMINGS", "1", 1)
        colleague.start()
        let ours = try ChildProcess.run([me, "import", "orders", ordersFile, "--db", store])
        let waits = colleague.stop()
        for wait in waits.slow {
            log(String(format: "colleague waited %.3f s at %.1f s into the import", wait.seconds, wait.at))
        }
        guard ours.status == 0 else { throw CommandError("importing orders failed: \(ours.errors)") }
        log("clientele import orders: \(format(ours.seconds)) s, \(format(ours.peakMegabytes)) MB")
        for line in ours.errors.split(separator: "\n") where line.hasPrefix("timings:") { log(String(line)) }

        let check = try CustomerStore.open(path: store, mode: .existingOnly)
        let stored = try check.statistics()
        try check.close()

        let figures: [(String, String)] = [
            ("rows", "\(rows)"),
            ("customers", "\(customerCount)"),
            ("fileBytes", "\(orderBytes)"),
            ("sqliteImportSeconds", format(sqlite.seconds)),
            ("sqlitePeakResidentMegabytes", format(sqlite.peakMegabytes)),
            ("customersImportSeconds", format(customersSeconds)),
            ("importSeconds", format(ours.seconds)),
            ("ratioToSqlite", format(ours.seconds / max(sqlite.seconds, 0.001))),
            ("peakResidentMegabytes", format(ours.peakMegabytes)),
            ("ordersStored", "\(stored.rows.first { $0.table == "orders" }?.count ?? -1)"),
            ("colleagueWrites", "\(waits.count)"),
            ("colleagueFailures", "\(waits.failures)"),
            ("colleagueLongestWaitSeconds", String(format: "%.3f", waits.longest)),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        if keep || dir != nil { log("files kept in \(folder)") }
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The benchmark's deterministic files: customers `B0000001...`, orders in time order with
/// customers spread over the file (as a shop's export is), amounts from a fixed LCG.
enum BenchOrdersFile {
    static func customerID(_ index: Int) -> String {
        let digits = String(index + 1)
        return "B" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func writeCustomers(_ count: Int, to path: String) throws {
        let writer = try BufferedFile(path: path)
        defer { writer.close() }
        writer.append("customer_id,name\n")
        for index in 0..<count {
            writer.append("\(customerID(index)),Kunde \(index + 1)\n")
        }
        try writer.flush()
    }

    /// Returns the file's size in bytes.
    static func writeOrders(_ rows: Int, customers: Int, to path: String) throws -> Int {
        let writer = try BufferedFile(path: path)
        defer { writer.close() }
        writer.append("customer_id,ordered_at,amount,currency\n")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let start: Int64 = 1_640_995_200  // 2022-01-01T00:00:00Z
        let span: Int64 = 3 * 365 * 86_400
        for index in 0..<rows {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let customer = Int((state >> 33) % UInt64(customers))
            let cents = 100 + Int((state >> 13) % 50_000)
            let at = start + Int64(index) * span / Int64(rows)
            let day = CalendarDay(unixSeconds: at)
            let seconds = at % 86_400
            let time =
                "\(day.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
            writer.append("\(customerID(customer)),\(time),\(cents / 100).\(two(Int64(cents % 100))),EUR\n")
        }
        try writer.flush()
        return writer.written
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Appends text to a file through a 1 MB buffer.
final class BufferedFile {
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private(set) var written = 0
    private var failed = false

    init(path: String) throws {
        guard let handle = fopen(path, "wb") else {
            throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { drain() }
    }

    private func drain() {
        if fwrite(buffer, 1, buffer.count, handle) != buffer.count { failed = true }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func flush() throws {
        drain()
        if fflush(handle) != 0 || failed {
            throw CommandError("writing a benchmark file failed: \(String(cString: strerror(errno)))")
        }
    }

    func close() { fclose(handle) }
}

/// A finished child process: exit status, wall time, its own peak resident memory.
struct ChildResult {
    var status: Int32
    var seconds: Double
    var peakMegabytes: Double
    var errors: String
}

enum ChildProcess {
    /// This program's own binary, to run `clientele import` as a child.
    static func ownExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }

    /// Runs a program (found on PATH) to its end; stdout is discarded, stderr kept (progress bars
    /// are not drawn: it is not a terminal). `wait4` gives the child's own rusage.
    static func run(_ arguments: [String]) throws -> ChildResult {
        let errorsFile = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "clientele-bench-stderr-\(getpid())")
        defer { unlink(errorsFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
        }
        let started = Clock.monotonicSeconds()
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw CommandError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Clock.monotonicSeconds() - started
        let errors = (try? String(contentsOfFile: errorsFile, encoding: .utf8)) ?? ""
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildResult(
            status: code, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024,
            errors: String(errors.suffix(2000)))
    }
}

/// A colleague logging a call every 100 ms on their own connection while the import runs.
final class ColleagueLogger: @unchecked Sendable {
    struct Waits {
        var count = 0
        var failures = 0
        var longest = 0.0
        /// Waits over 0.25 s: seconds since the logger started, and how long.
        var slow: [(at: Double, seconds: Double)] = []
    }

    private let store: CustomerStore
    private let customerID: Int64
    private let lock = NSLock()
    private var running = true
    private var waits = Waits()
    private let done = DispatchSemaphore(value: 0)
    private let began = Clock.monotonicSeconds()

    init(path: String) throws {
        store = try CustomerStore.open(path: path, mode: .existingOnly)
        guard let first = try store.resolveCustomer(BenchOrdersFile.customerID(0)).first else {
            throw CommandError("the benchmark store has no customers")
        }
        customerID = first.id
    }

    func start() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let now = Int64(time(nil))
                let interaction = InteractionRecord(
                    id: 0, customerID: customerID, occurredAt: now, channel: .call, direction: .outbound,
                    kind: .service, note: "bench colleague", createdAt: now)
                let started = Clock.monotonicSeconds()
                let ok = (try? store.logInteraction(interaction, feedback: [])) != nil
                let seconds = Clock.monotonicSeconds() - started
                lock.withLock {
                    waits.count += 1
                    if !ok { waits.failures += 1 }
                    waits.longest = max(waits.longest, seconds)
                    if seconds > 0.25 { waits.slow.append((started - began, seconds)) }
                }
                usleep(100_000)
            }
            done.signal()
        }
    }

    func stop() -> Waits {
        lock.withLock { running = false }
        done.wait()
        try? store.close()
        return lock.withLock { waits }
    }
}

enum BenchFiles {
    static func temporaryFolder(_ name: String) throws -> String {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "clientele-bench-\(name)-\(getpid())")
        try FileManager.default.createDirectory(
            atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return base
    }
}
