import Foundation
import GRDB
import Testing
import TmuxTesting

/// Two people on one store, and the GDPR and import actions of the dashboard, driven for real:
/// the `clientele` binary in tmux, other `clientele` processes writing from outside, and the
/// store files inspected afterwards. Each test builds its own small store (they write to it).
@Suite("Trust: refresh, concurrent writers, erase and import from the UI", .serialized)
struct TrustEndToEndTests {
    static let asOf = "2025-06-30"
    static let marker = "Qzvmarker8812"

    /// A scored 40-customer demo store plus one customer with a unique name and a note
    /// holding the marker, so the test can find, log to and erase exactly that person.
    final class Store {
        let scratch: Scratch
        let path: String
        let customerID: Int64

        init(customers: Int = 40) throws {
            scratch = try Scratch()
            path = scratch.file("trust.sqlite")
            let environment = scratch.environment
            func run(_ arguments: [String]) throws {
                let result = try Clientele.run(arguments, environment: environment)
                guard result.status == 0 else {
                    throw SpawnError(description: "\(arguments.first ?? ""): \(result.standardError)")
                }
            }
            try run([
                "demo", "--db", path, "--customers", String(customers), "--as-of", TrustEndToEndTests.asOf,
            ])
            let customers = scratch.file("trust-customer.csv")
            try Data("customer_id,name,email\nTRUST-1,Zyxwvu Trusttest,\(marker)@example.de\n".utf8)
                .write(to: URL(fileURLWithPath: customers))
            try run(["import", "customers", customers, "--db", path])
            try run([
                "log", "TRUST-1", "--db", path, "--channel", "call", "--kind", "service", "--note",
                "first call \(marker)",
            ])
            try run(["score", "--db", path, "--as-of", TrustEndToEndTests.asOf, "--quiet"])
            customerID = try Self.int(path, "SELECT id FROM customers WHERE external_id = 'TRUST-1'")
        }

        static func int(_ path: String, _ sql: String) throws -> Int64 {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try Int64.fetchOne(db, sql: sql) ?? -1 }
        }

        func int(_ sql: String) throws -> Int64 { try Self.int(path, sql) }

        /// The store files (main, WAL) that hold `needle`, compared without ASCII case.
        func filesContaining(_ needle: String) -> [String] {
            let bytes = Array(needle.lowercased().utf8)
            return ["", "-wal"].filter { suffix in
                guard let data = FileManager.default.contents(atPath: path + suffix) else { return false }
                let lowered = data.map { (65...90).contains($0) ? $0 + 32 : $0 }
                guard lowered.count >= bytes.count else { return false }
                return (0...(lowered.count - bytes.count)).contains { start in
                    lowered[start] == bytes[0] && Array(lowered[start..<(start + bytes.count)]) == bytes
                }
            }
        }

        /// The dashboard on this store, on the detail of the test customer.
        func dashboardOnCustomer() throws -> TmuxSession {
            let tmux = try TmuxSession(
                command: [Clientele.binary, "--db", path, "--as-of", TrustEndToEndTests.asOf],
                environment: ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.file("config")], width: 140,
                height: 36)
            #expect(tmux.waitFor("Segments"), "no overview:\n\(tmux.lastCapture)")
            try tmux.sendText("/zyxwvu")
            #expect(tmux.waitFor("1/1 rows"), "search did not find the customer:\n\(tmux.lastCapture)")
            try tmux.sendKeys("Enter", "Enter")
            #expect(tmux.waitFor("first call"), "detail did not open:\n\(tmux.lastCapture)")
            return tmux
        }
    }

    @Test("A touch logged by another process appears on the open detail without a key press")
    func detailRefreshesAfterOutsideLog() throws {
        let store = try Store()
        let tmux = try store.dashboardOnCustomer()
        let logged = try Clientele.run(
            [
                "log", "TRUST-1", "--db", store.path, "--channel", "email", "--kind", "sales", "--note",
                "Outside change 4242",
            ], environment: store.scratch.environment)
        #expect(logged.status == 0, "\(logged.standardError)")
        #expect(
            tmux.waitFor("Outside change 4242", timeout: .seconds(8)),
            "the detail did not refresh:\n\(tmux.lastCapture)")
        // Back on the list: it was refreshed too and still shows the customer selected.
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("1/1 rows"), "\(tmux.lastCapture)")
        try tmux.sendKeys("q", "q", "q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("An outside log that re-sorts the selected customer: the list follows them, l logs for them")
    func selectionFollowsTheCustomer() throws {
        let store = try Store(customers: 150)
        // The list sorted by risk, lowest first; the sixth row's customer, as the list orders it.
        let order = "ORDER BY s.churn_risk ASC, s.customer_id ASC"
        let id = try store.int("SELECT s.customer_id FROM scores s \(order) LIMIT 1 OFFSET 5")
        let queue = try DatabaseQueue(path: store.path)
        func nameOf(_ id: Int64) throws -> String {
            try queue.read { db in
                try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [id]) ?? ""
            }
        }
        let name = try nameOf(id)
        let firstName = try nameOf(store.int("SELECT s.customer_id FROM scores s \(order) LIMIT 1"))
        try queue.close()
        let total = try store.int("SELECT count(*) FROM scores")
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", store.path, "--as-of", Self.asOf],
            environment: ["HOME": store.scratch.path, "XDG_CONFIG_HOME": store.scratch.file("config")],
            width: 120, height: 16)
        #expect(tmux.waitFor("Segments"), "no overview:\n\(tmux.lastCapture)")
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/\(total) rows"), "\(tmux.lastCapture)")
        try tmux.sendKeys("r")
        #expect(tmux.waitFor("Risk ▲"), "\(tmux.lastCapture)")
        // A key that arrives while the reversed list loads moves nothing: wait for its first row.
        #expect(tmux.waitFor(firstName), "\(tmux.lastCapture)")
        for row in 2...6 {
            try tmux.sendKeys("j")
            #expect(tmux.waitFor("\(row)/\(total) rows"), "\(tmux.lastCapture)")
        }

        // A complaint with NPS 0, logged by another process, raises their risk.
        let logged = try Clientele.run(
            [
                "log", String(id), "--db", store.path, "--channel", "call", "--kind", "complaint", "--nps",
                "0",
                "--sentiment", "negative", "--note", "outside complaint",
            ], environment: store.scratch.environment)
        #expect(logged.status == 0, "\(logged.standardError)")
        let rank = try store.int(
            "SELECT count(*) FROM scores s, scores me WHERE me.customer_id = \(id) AND "
                + "(s.churn_risk, s.customer_id) < (me.churn_risk, me.customer_id)")
        // Past the page a refresh reads from the top (25 rows), or the test would not see the defect.
        try #require(rank + 1 > 25, "the log did not move the customer far enough: row \(rank + 1)")
        #expect(
            tmux.waitUntil(timeout: .seconds(8)) {
                $0.contains("\(rank + 1)/\(total) rows") && $0.contains(name)
            },
            "the selection did not follow the customer:\n\(tmux.lastCapture)")
        try tmux.sendKeys("l")
        #expect(tmux.waitFor("Log interaction · \(name)"), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("\(rank + 1)/\(total) rows"), "\(tmux.lastCapture)")
        try tmux.sendKeys("q", "q")
        #expect(tmux.exitStatus() == 0, "\(tmux.lastCapture)")
    }

    @Test("Erase from the detail: export first, the id typed to confirm, the marker gone from the files")
    func eraseFromTheDashboard() throws {
        let store = try Store()
        #expect(!store.filesContaining(Self.marker).isEmpty, "the test must see the marker before erasing")
        let tmux = try store.dashboardOnCustomer()
        let id = store.customerID

        // Export: the prompt offers <id>-data.json; the test writes into its scratch folder.
        try tmux.sendText(":export-data")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("\(id)-data.json"), "no export prompt with the default:\n\(tmux.lastCapture)")
        let exportPath = store.scratch.file("export.json")
        try tmux.sendKeys("C-u")
        try tmux.sendText(exportPath)
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("(private, 0600)"), "export not reported:\n\(tmux.lastCapture)")
        let exported = try String(contentsOfFile: exportPath, encoding: .utf8)
        #expect(exported.contains(Self.marker))
        let mode = try FileManager.default.attributesOfItem(atPath: exportPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A wrong confirmation erases nothing.
        try tmux.sendText(":erase")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("This cannot be undone"), "no erase prompt:\n\(tmux.lastCapture)")
        try tmux.sendText("yes")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("not erased"), "\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM customers WHERE external_id = 'TRUST-1'") == 1)

        try tmux.sendText(":erase")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("This cannot be undone"))
        try tmux.sendText(String(id))
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("erased customer \(id)", timeout: .seconds(10)),
            "erasure not reported:\n\(tmux.lastCapture)")
        #expect(!tmux.lastCapture.contains("Touchpoints"), "still on the detail:\n\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM customers WHERE external_id = 'TRUST-1'") == 0)
        #expect(try store.int("SELECT count(*) FROM erasures WHERE customer_id = \(id)") == 1)
        #expect(store.filesContaining(Self.marker) == [], "the marker is still in the store files")
        try tmux.sendKeys("q", "q", "q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test(":import shows the summary in a panel, or the problems with nothing imported")
    func importFromTheDashboard() throws {
        let store = try Store()
        let before = try store.int("SELECT count(*) FROM orders")
        let good = store.scratch.file("good.csv")
        try Data("customer_id,date,amount\nTRUST-1,2025-06-01,19.90\nTRUST-1,2025-06-02,5\n".utf8)
            .write(to: URL(fileURLWithPath: good))
        let bad = store.scratch.file("bad.csv")
        try Data("customer_id,date,amount\nTRUST-1,2025-06-03,7\nTRUST-1,kaputt,5\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", store.path, "--as-of", Self.asOf],
            environment: ["HOME": store.scratch.path], width: 140, height: 36)
        #expect(tmux.waitFor("Segments"))

        try tmux.sendText(":import orders \(bad)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Nothing was imported"), "no problem panel:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("bad.csv:3:2: not a date"), "\(tmux.lastCapture)")
        // One bad row is one problem (the report's summary line is not counted).
        #expect(tmux.waitFor("nothing imported from bad.csv: 1 problem (see"), "\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM orders") == before)
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nothing was imported") }, "\(tmux.lastCapture)")
        let twoBad = store.scratch.file("two-bad.csv")
        try Data("customer_id,date,amount\nTRUST-1,kaputt,7\nTRUST-1,2025-06-04,x\n".utf8)
            .write(to: URL(fileURLWithPath: twoBad))
        try tmux.sendText(":import orders \(twoBad)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("nothing imported from two-bad.csv: 2 problems (see"), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nothing was imported") }, "\(tmux.lastCapture)")
        try tmux.sendText(":import orders \(store.scratch.file("missing.csv"))")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("nothing imported from missing.csv: 1 problem (see"), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nothing was imported") }, "\(tmux.lastCapture)")

        try tmux.sendText(":import orders \(good)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("rows read", timeout: .seconds(10)), "no summary panel:\n\(tmux.lastCapture)")
        // Waited for, not read off the capture that showed the panel: under ASan tmux can
        // capture the frame half-written, the panel drawn and the status line not yet.
        #expect(tmux.waitFor("imported good.csv: 2 new"), "\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM orders") == before + 2)
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("rows read") }, "\(tmux.lastCapture)")
        // A customer the store lacks: refused with the hint, then created when asked to.
        let newcomer = store.scratch.file("new customer.csv")
        try Data("customer_id,date,amount\nNEU-7,2025-06-05,12.50\n".utf8).write(
            to: URL(fileURLWithPath: newcomer))
        try tmux.sendText(":import orders \(newcomer)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("use --create-missing"), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nothing was imported") }, "\(tmux.lastCapture)")
        try tmux.sendText(":import orders --create-missing \(newcomer)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("imported new customer.csv: 1 new", timeout: .seconds(10)), "\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM customers WHERE external_id = 'NEU-7'") == 1)
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("rows read") }, "\(tmux.lastCapture)")

        // A file that is not CSV (here the store itself) is named for what it is.
        try tmux.sendText(":import orders \(store.path)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("is a SQLite database (perhaps a Clientele store?), not a CSV file"),
            "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nothing was imported") }, "\(tmux.lastCapture)")
        // A corrected export: the stored order is kept, the difference listed.
        try importTwice(
            tmux, store, done: "imported numbered.csv: 1 new",
            conflict: "line 2, T-9001: stored €10.00 on 2025-06-06, file €12.00 on 2025-06-06")

        try tmux.sendText(":import nonsense \(good)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("usage: import customers|orders"), "\(tmux.lastCapture)")
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// Imports an order with a number, then a corrected file with another amount for it: the
    /// panel lists the conflict (`conflict`, in the session's language) and the store keeps 10.00.
    /// `done`: the status line of the first import.
    private func importTwice(_ tmux: TmuxSession, _ store: Store, done: String, conflict: String) throws {
        let first = store.scratch.file("numbered.csv")
        try Data("customer_id,date,amount,order_number\nTRUST-1,2025-06-06,10,T-9001\n".utf8)
            .write(to: URL(fileURLWithPath: first))
        let corrected = store.scratch.file("corrected.csv")
        try Data("customer_id,date,amount,order_number\nTRUST-1,2025-06-06,12,T-9001\n".utf8)
            .write(to: URL(fileURLWithPath: corrected))
        try tmux.sendText(":import orders \(first)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor(done, timeout: .seconds(10)), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Import") }, "\(tmux.lastCapture)")
        try tmux.sendText(":import orders \(corrected)")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor(conflict, timeout: .seconds(10)), "no conflict listed:\n\(tmux.lastCapture)")
        #expect(try store.int("SELECT amount_minor FROM orders WHERE external_ref = 'T-9001'") == 1000)
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains(conflict) }, "\(tmux.lastCapture)")
    }

    @Test(":import in a German session shows the file's problems in German, with place and value")
    func importProblemsInGerman() throws {
        let store = try Store()
        let before = try store.int("SELECT count(*) FROM orders")
        let bad = store.scratch.file("schlecht.csv")
        try Data("customer_id,date,amount\nTRUST-1,kaputt,5\nTRUST-1,2025-06-04,zwölf\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", store.path, "--as-of", Self.asOf],
            environment: ["HOME": store.scratch.path, "LANG": "de_DE.UTF-8"], width: 150, height: 36)
        #expect(tmux.waitFor("Segmente"), "no German overview:\n\(tmux.lastCapture)")

        try tmux.sendText(":import orders \(bad)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("Nichts wurde importiert. Diese Fehler"), "no problem panel:\n\(tmux.lastCapture)")
        #expect(
            tmux.waitFor(
                "schlecht.csv:2:2: kein Datum (möglich: 14.03.2025, 14.03.25 10:22, 2025-03-14 oder "
                    + "2025-03-14T10:22:00Z) (\"kaputt\")"), "\(tmux.lastCapture)")
        #expect(
            tmux.waitFor("schlecht.csv:3:3: kein Betrag (möglich: 1234,56 oder 1.234,56"),
            "\(tmux.lastCapture)")
        #expect(tmux.waitFor("Nichts wurde importiert: 2 Probleme in der Datei."), "\(tmux.lastCapture)")
        #expect(!tmux.lastCapture.contains("not a date"), "English left in the panel:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("nichts aus schlecht.csv importiert: 2 Probleme"), "\(tmux.lastCapture)")
        #expect(try store.int("SELECT count(*) FROM orders") == before)
        try tmux.sendKeys("Escape")
        #expect(tmux.waitUntil { !$0.contains("Nichts wurde importiert.") }, "\(tmux.lastCapture)")
        try importTwice(
            tmux, store, done: "numbered.csv importiert: 1 neu",
            conflict: "Zeile 2, T-9001: gespeichert 10,00 € am 06.06.2025, Datei 12,00 € am 06.06.2025")
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("Two log loops and an import at once: no 'database is locked', every reported write present")
    func concurrentWriters() throws {
        let store = try Store()
        let orders = store.scratch.file("orders.csv")
        var text = "customer_id,date,amount\n"
        for index in 0..<20_000 {
            text += "TRUST-1,2025-01-01T00:00:\(String(format: "%02d", index % 60))Z,\(index + 1)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: orders))
        let loops = 2
        let logsPerLoop = Int(ProcessInfo.processInfo.environment["CLIENTELE_CONCURRENT_LOGS"] ?? "") ?? 50
        let results = ResultsBox()
        let path = store.path
        let environment = store.scratch.environment
        let group = DispatchGroup()
        for loop in 0..<loops {
            DispatchQueue.global().async(group: group) {
                for index in 0..<logsPerLoop {
                    let note = "concurrent-\(loop)-\(index)"
                    let result = try? Clientele.run(
                        [
                            "log", "TRUST-1", "--db", path, "--channel", "call", "--kind", "service",
                            "--note", note,
                        ], environment: environment)
                    results.add(note: note, result: result)
                }
            }
        }
        DispatchQueue.global().async(group: group) {
            let result = try? Clientele.run(
                ["import", "orders", orders, "--db", path], environment: environment)
            results.add(note: nil, result: result)
        }
        group.wait()
        let (reported, failures, locked, importOK) = results.counts()
        let notes = try DatabaseQueue(path: store.path).read { db in
            Set(try String.fetchAll(db, sql: "SELECT note FROM interactions WHERE note LIKE 'concurrent-%'"))
        }
        let missing = reported.filter { !notes.contains($0) }
        let orderCount = try store.int(
            "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.external_id = 'TRUST-1'"
        )
        print(
            "concurrent writers: \(loops * logsPerLoop) logs, \(reported.count) reported saved, "
                + "\(missing.count) missing, \(failures) failed, \(locked) 'database is locked'; "
                + "import \(importOK ? "ok" : "failed"), \(orderCount) orders of 20000 present")
        #expect(locked == 0)
        #expect(failures == 0)
        #expect(reported.count == loops * logsPerLoop)
        #expect(missing.isEmpty)
        #expect(importOK)
        #expect(orderCount == 20_000)
    }
}

/// Results of the concurrent writers, collected from several threads.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reported: [String] = []
    private var failures = 0
    private var locked = 0
    private var importOK = false

    func add(note: String?, result: CommandResult?) {
        lock.withLock {
            let output = (result?.standardError ?? "") + (result?.standardOutput ?? "")
            if output.lowercased().contains("locked") || output.lowercased().contains("busy") { locked += 1 }
            guard let result, result.status == 0 else {
                failures += 1
                return
            }
            if let note { reported.append(note) } else { importOK = true }
        }
    }

    func counts() -> (reported: [String], failures: Int, locked: Int, importOK: Bool) {
        lock.withLock { (reported, failures, locked, importOK) }
    }
}
