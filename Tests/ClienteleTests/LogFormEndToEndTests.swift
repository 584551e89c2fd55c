import Foundation
import GRDB
import Testing
import TmuxTesting

/// Logging from the dashboard, driven for real: the `clientele` binary in tmux on its own
/// scored demo store (each scenario writes, so each gets a fresh copy), the rows read back from
/// SQLite afterwards.
@Suite("Logging in the dashboard, in tmux", .serialized)
struct LogFormEndToEndTests {
    static let asOf = "2025-06-30"
    static let note = "Grüße aus Köln — 東京"

    /// A private folder with a scored 300-customer demo store in it.
    final class Store {
        let folder: String
        let path: String

        init() throws {
            let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("clientele-log-XXXXXX")
            var bytes = Array(template.utf8CString)
            guard let created = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
            folder = String(cString: created)
            path = (folder as NSString).appendingPathComponent("demo.sqlite")
            let environment = ["HOME": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            for arguments in [
                ["demo", "--db", path, "--customers", "300", "--as-of", LogFormEndToEndTests.asOf],
                ["score", "--db", path, "--as-of", LogFormEndToEndTests.asOf, "--quiet"],
            ] {
                let result = try Spawn.run([Clientele.binary] + arguments, environment: environment)
                guard result.status == 0 else {
                    throw SpawnError(description: "\(arguments[0]): \(result.errors)")
                }
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func query<T>(_ body: (Database) throws -> T) throws -> T {
            let queue = try DatabaseQueue(path: path, configuration: Configuration())
            defer { try? queue.close() }
            return try queue.read(body)
        }

        /// The customer the list shows first when sorted by risk ascending: the safest one.
        func safestCustomer() throws -> (id: Int64, name: String) {
            try query { db in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT customers.id, customers.name FROM scores JOIN customers ON customers.id = scores.customer_id
                        ORDER BY scores.churn_risk ASC, customers.id ASC LIMIT 1
                        """)
                return (row?["id"] ?? 0, row?["name"] ?? "")
            }
        }

        func count(_ table: String) throws -> Int {
            try query { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
        }
    }

    private func start(_ store: Store, environment: [String: String] = [:]) throws -> TmuxSession {
        var base = ["HOME": store.folder, "XDG_CONFIG_HOME": store.folder + "/config"]
        for (key, value) in environment { base[key] = value }
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", store.path, "--as-of", Self.asOf], environment: base,
            width: 120,
            height: 50)
        #expect(tmux.waitFor("Segments"), "the dashboard did not start:\n\(tmux.lastCapture)")
        return tmux
    }

    /// From the overview to the safest customer's detail: list, risk ascending, open.
    private func openSafest(_ tmux: TmuxSession, _ name: String) throws {
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("/300 rows"))
        try tmux.sendKeys("r")
        // The header changes at once; Enter must wait for the re-sorted rows, or it opens nothing.
        #expect(
            tmux.waitUntil { screen in
                let lines = screen.split(separator: "\n")
                guard let header = lines.firstIndex(where: { $0.contains("Risk ▲") && $0.contains("Name") }),
                    header + 1 < lines.count
                else { return false }
                return lines[header + 1].contains(name)
            }, "\(name) is not on top:\n\(tmux.lastCapture)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitUntil {
                $0.contains("Touchpoints") && $0.contains(" " + name) && $0.contains("Next actions")
            },
            "detail did not open:\n\(tmux.lastCapture)")
    }

    /// `l` opens the log form; four Tabs reach the note (after channel, direction, kind, outcome).
    private func openFormTypingNote(_ tmux: TmuxSession, _ note: String) throws {
        try tmux.sendKeys("l", "Tab", "Tab", "Tab", "Tab")
        try tmux.sendText(note)
    }

    private func quit(_ tmux: TmuxSession) throws {
        for _ in 0..<4 {
            try tmux.sendKeys("q")
            if tmux.waitForFormat("#{pane_dead}", toBe: "1", timeout: .milliseconds(400)) { break }
        }
        #expect(tmux.exitStatus() == 0)
    }

    /// The profile pane's line that starts with `label` (the left half of the detail).
    private func field(_ screen: String, _ label: String) -> String {
        screen.split(separator: "\n").map { String($0.prefix(58)) }.first { $0.hasPrefix(" " + label) } ?? ""
    }

    @Test(
        "Log a call with a Unicode note and NPS 4: top of the timeline, risk, reasons and actions change, row in SQLite"
    )
    func logCall() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let interactionsBefore = try store.count("interactions")
        let tmux = try start(store)
        try openSafest(tmux, customer.name)
        let before = tmux.lastCapture
        let riskBefore = field(before, "Churn risk")
        #expect(!before.contains("detractor, NPS 4"))
        #expect(!before.contains("follow up as agreed"))

        try tmux.sendKeys("l")
        #expect(tmux.waitFor("Log interaction · " + customer.name), "\(tmux.lastCapture)")
        // Channel stays call; direction, kind; outcome "reached" by its first letter; the note.
        try tmux.sendKeys("Tab", "Tab", "Tab", "r", "Tab")
        try tmux.sendText(Self.note)
        try tmux.sendKeys("Tab")
        try tmux.sendText("4")
        // NPS type (transactional), CSAT, CES, then the follow-up.
        try tmux.sendKeys("Tab", "Tab", "Tab", "Tab")
        try tmux.sendText("tomorrow")
        #expect(tmux.waitFor("→ Tue 2025-07-01"), "no preview of the follow-up day:\n\(tmux.lastCapture)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("Logged call with \(customer.name) — u to undo"),
            "no confirmation:\n\(tmux.lastCapture)")
        #expect(
            tmux.waitUntil { screen in
                let lines = screen.split(separator: "\n").map(String.init)
                guard let top = lines.firstIndex(where: { $0.contains("Touchpoints") }), top + 2 < lines.count
                else { return false }
                return lines[top + 1].contains("2025-06-30  call · sales · reached")
                    && lines[top + 2].contains(Self.note)
            }, "the call is not at the top of the timeline:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("detractor, NPS 4, today"), "reasons did not change:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("follow up as agreed"), "actions did not change:\n\(tmux.lastCapture)")
        let riskAfter = field(tmux.lastCapture, "Churn risk")
        #expect(!riskAfter.isEmpty && riskAfter != riskBefore, "risk: \(riskBefore) → \(riskAfter)")
        try quit(tmux)

        #expect(try store.count("interactions") == interactionsBefore + 1)
        let row = try store.query { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT i.id, i.customer_id, i.channel, i.kind, i.outcome, i.direction,
                           CAST(i.note AS BLOB) AS note,
                           i.follow_up_on, f.metric, f.nps_type, f.score, f.interaction_id
                    FROM interactions i LEFT JOIN feedback f ON f.interaction_id = i.id
                    WHERE i.customer_id = ? ORDER BY i.id DESC LIMIT 1
                    """, arguments: [customer.id])
        }
        guard let row else {
            Issue.record("no row for customer \(customer.id)")
            return
        }
        let note: Data? = row["note"]
        #expect(note == Data(Self.note.utf8), "note bytes differ")
        #expect(row["channel"] as String? == "call")
        #expect(row["kind"] as String? == "sales")
        #expect(row["outcome"] as String? == "reached")
        #expect(row["direction"] as String? == "outbound")
        #expect(row["follow_up_on"] as String? == "2025-07-01")
        #expect(row["metric"] as String? == "nps")
        #expect(row["nps_type"] as String? == "transactional")
        #expect(row["score"] as Int? == 4)
    }

    @Test("Esc on a half-filled form asks first; yes discards and nothing is saved")
    func cancelSavesNothing() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let counts = (try store.count("interactions"), try store.count("feedback"))
        let tmux = try start(store)
        try openSafest(tmux, customer.name)
        try openFormTypingNote(tmux, "halb fertig")
        try tmux.sendKeys("Tab")
        try tmux.sendText("9")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("Discard what you typed?"), "no question:\n\(tmux.lastCapture)")
        try tmux.sendKeys("n")
        #expect(tmux.waitUntil { !$0.contains("Discard what you typed?") && $0.contains("halb fertig") })
        // In English j is the "down" key, not "ja": a reflex j throws nothing away.
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("Discard what you typed?"))
        try tmux.sendKeys("j", "n")
        #expect(
            tmux.waitUntil { !$0.contains("Discard what you typed?") && $0.contains("halb fertig") },
            "j answered yes:\n\(tmux.lastCapture)")
        #expect(!tmux.lastCapture.contains("Discarded"), "\(tmux.lastCapture)")
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("Discard what you typed?"))
        try tmux.sendKeys("y")
        #expect(tmux.waitFor("Discarded; nothing was saved"), "\(tmux.lastCapture)")
        #expect(!tmux.lastCapture.contains("Log interaction"))
        try quit(tmux)
        #expect(try (store.count("interactions"), store.count("feedback")) == counts)
    }

    @Test("SIGKILL right after the save is shown: the row is there")
    func killAfterSave() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let tmux = try start(store)
        try openSafest(tmux, customer.name)
        try openFormTypingNote(tmux, "vor dem Absturz gespeichert")
        try tmux.sendKeys("C-s")
        #expect(tmux.waitFor("Logged call with"), "\(tmux.lastCapture)")
        kill(try tmux.panePID(), SIGKILL)
        #expect(tmux.exitStatus() == 128 + SIGKILL)
        let found = try store.query { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interactions WHERE customer_id = ? AND note = ?",
                arguments: [customer.id, "vor dem Absturz gespeichert"])
        }
        #expect(found == 1)
    }

    @Test("u undoes the logged call: the row and its answer are gone, the timeline as before")
    func undo() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let counts = (try store.count("interactions"), try store.count("feedback"))
        let tmux = try start(store)
        try openSafest(tmux, customer.name)
        try openFormTypingNote(tmux, "wird rückgängig gemacht")
        try tmux.sendKeys("Tab")
        try tmux.sendText("2")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Logged call with"), "\(tmux.lastCapture)")
        #expect(tmux.waitFor("wird rückgängig gemacht"))
        #expect(try store.count("interactions") == counts.0 + 1)
        try tmux.sendKeys("u")
        #expect(tmux.waitFor("Undone: call with \(customer.name) removed"), "\(tmux.lastCapture)")
        #expect(tmux.waitUntil { !$0.contains("wird rückgängig gemacht") }, "\(tmux.lastCapture)")
        try tmux.sendKeys("u")
        #expect(tmux.waitFor("Nothing to undo in this session"))
        try quit(tmux)
        #expect(try (store.count("interactions"), store.count("feedback")) == counts)
    }

    @Test("Ctrl-E in the note runs $EDITOR on a private file; its text comes back, the file goes")
    func externalEditor() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let scratch = store.folder + "/tmp"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let script = store.folder + "/editor.sh"
        // Records the file's mode and the note it was given, then writes the new note.
        try """
        #!/bin/sh
        stat -c %a "$1" > "\(store.folder)/mode"
        cp "$1" "\(store.folder)/given"
        printf 'Vom Editor: Grüße\\nzweite Zeile\\n' > "$1"
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let tmux = try start(store, environment: ["EDITOR": script, "TMPDIR": scratch])
        try openSafest(tmux, customer.name)
        try openFormTypingNote(tmux, "kurz")
        try tmux.sendKeys("C-e")
        #expect(tmux.waitFor("note taken from the editor"), "\(tmux.lastCapture)")
        #expect(tmux.waitFor("Vom Editor: Grüße"))
        #expect(tmux.waitFor("zweite Zeile"))
        #expect(tmux.lastCapture.contains("Log interaction"), "the form is gone:\n\(tmux.lastCapture)")
        #expect(try String(contentsOfFile: store.folder + "/mode", encoding: .utf8) == "600\n")
        #expect(try String(contentsOfFile: store.folder + "/given", encoding: .utf8) == "kurz\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "temp file left behind")
        try tmux.sendKeys("C-s")
        #expect(tmux.waitFor("Logged call with"), "\(tmux.lastCapture)")
        try quit(tmux)
        let note = try store.query { db in
            try String.fetchOne(
                db, sql: "SELECT note FROM interactions WHERE customer_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [customer.id])
        }
        #expect(note == "Vom Editor: Grüße\nzweite Zeile")
    }

    @Test("A save while another program holds the store for 12 s waits for it, says so, and is stored")
    func saveWaitsForAnotherWriter() throws {
        let store = try Store()
        let customer = try store.safestCustomer()
        let interactionsBefore = try store.count("interactions")
        let tmux = try start(store)
        try openSafest(tmux, customer.name)
        try openFormTypingNote(tmux, "wartet auf die Neubewertung")
        #expect(tmux.waitFor("wartet auf die Neubewertung"), "\(tmux.lastCapture)")

        // Another program's long write: a whole rescoring of a million customers holds the
        // lock 15-20 s. Longer than the old 10 s limit, so the save failed before.
        let holder = try WriteLockHolder(path: store.path, seconds: 12)
        try tmux.sendKeys("C-s")
        #expect(
            tmux.waitFor("waiting for another program's write", timeout: .seconds(5)),
            "the wait was not explained:\n\(tmux.lastCapture)")
        #expect(try store.count("interactions") == interactionsBefore, "saved while the lock was held")
        #expect(
            tmux.waitFor("Logged call with \(customer.name)", timeout: .seconds(30)),
            "the save did not go through after the lock:\n\(tmux.lastCapture)")
        try holder.waitUntilReleased()
        #expect(try store.count("interactions") == interactionsBefore + 1)
        try quit(tmux)
    }

    @Test("Kind complaint, resolved: the open complaint closes and its action goes; u reopens exactly it")
    func resolveComplaint() throws {
        let store = try Store()
        // A customer with one open complaint and a name no one else has, whatever the demo made.
        let found = try store.query { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT c.id, c.name, c.external_id FROM customers c
                    JOIN interactions i ON i.customer_id = c.id AND i.complaint_status = 'open'
                    WHERE (SELECT count(*) FROM customers o WHERE o.name = c.name) = 1
                    GROUP BY c.id HAVING count(*) = 1 ORDER BY c.id LIMIT 1
                    """)
        }
        let row = try #require(found)
        let name: String = row["name"]
        let externalID: String = row["external_id"]
        let customer: Int64 = row["id"]
        func complaints() throws -> [String] {
            try store.query { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, complaint_status, resolved_at FROM interactions
                        WHERE customer_id = ? AND kind = 'complaint' ORDER BY id
                        """, arguments: [customer]
                ).map {
                    "\($0["id"] as Int64) \($0["complaint_status"] as String) \($0["resolved_at"] as Int64? ?? -1)"
                }
            }
        }
        let before = try complaints()
        let tmux = try start(store)
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("/300 rows"))
        try tmux.sendKeys("/")
        try tmux.sendText(name)
        try tmux.sendKeys("Enter")
        // The header changes at once; Enter must wait for the filtered rows, or it opens nothing.
        #expect(
            tmux.waitUntil { $0.contains("filter /" + name) && $0.contains("1/1 rows") },
            "\(tmux.lastCapture)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitUntil { $0.contains(externalID) && $0.contains("resolve the open complaint") },
            "detail did not open:\n\(tmux.lastCapture)")
        // Channel call; kind complaint by its first letter; outcome reached; complaint resolved.
        try tmux.sendKeys("l", "Tab", "Tab", "c", "Tab", "r", "Tab", "r")
        #expect(tmux.waitFor("◂ resolved ▸"), "\(tmux.lastCapture)")
        try tmux.sendKeys("C-s")
        #expect(
            tmux.waitFor("Logged call with \(name) · closed 1 open complaint — u to undo"),
            "\(tmux.lastCapture)")
        #expect(
            tmux.waitUntil {
                !$0.contains("resolve the open complaint") && !$0.contains("an open complaint")
            },
            "the complaint's reason or action stayed:\n\(tmux.lastCapture)")
        let after = try complaints()
        #expect(after.count == before.count + 1)
        #expect(after.allSatisfy { $0.contains(" resolved ") }, "\(after)")

        try tmux.sendKeys("u")
        #expect(
            tmux.waitFor("Undone: call with \(name) removed · 1 complaint open again"), "\(tmux.lastCapture)")
        #expect(tmux.waitFor("resolve the open complaint"), "\(tmux.lastCapture)")
        try quit(tmux)
        #expect(try complaints() == before)
    }
}
