import Foundation
import GRDB
import Testing
import TmuxTesting

/// The call list driven for real: the `clientele` binary in tmux on a copy of the suite's scored
/// demo store (the copy, because this scenario writes), checked afterwards in SQLite and
/// against `clientele calllist`.
@Suite("Call list in tmux", .serialized)
struct CallListEndToEndTests {
    /// Customer ids of `clientele calllist` for `day`, in rank order.
    private func listed(_ path: String, day: String) throws -> [Int64] {
        let result = try Clientele.run(["calllist", "--db", path, "--as-of", day])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\r\n").dropFirst().compactMap { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first.flatMap {
                Int64($0)
            }
        }
    }

    /// The dashboard on `path`, on the call list with its `rows` rows loaded.
    private func openCallList(_ path: String, _ scratch: Scratch, rows: Int) throws -> TmuxSession {
        let command = [Clientele.binary, "--db", path, "--as-of", DashboardStores.asOf]
        let tmux = try TmuxSession(
            command: command, environment: ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.file("config")],
            width: 120, height: 30)
        #expect(tmux.waitFor("Segments"), "the dashboard did not start:\n\(tmux.lastCapture)")
        try tmux.sendKeys("3")
        #expect(tmux.waitFor("1/\(rows) rows"), "the call list did not open:\n\(tmux.lastCapture)")
        return tmux
    }

    private func quit(_ tmux: TmuxSession) throws {
        for _ in 0..<4 {
            try tmux.sendKeys("q")
            if tmux.waitForFormat("#{pane_dead}", toBe: "1", timeout: .milliseconds(400)) { break }
        }
        #expect(tmux.exitStatus() == 0)
    }

    @Test("Snooze one, mark one done, log 'no answer' in a session, export; SQLite and calllist agree")
    func workTheList() throws {
        let stores = try DashboardStores.shared.get()
        let scratch = try Scratch()
        let path = scratch.file("calls.sqlite")
        try FileManager.default.copyItem(atPath: stores.demo, toPath: path)
        let before = try listed(path, day: DashboardStores.asOf)
        try #require(before.count >= 4, "the demo store has too few calls due")
        let (snoozed, done, called) = (before[0], before[1], before[2])

        let tmux = try openCallList(path, scratch, rows: before.count)
        #expect(tmux.waitFor("Suggested action"))

        try tmux.sendKeys("z")
        #expect(tmux.waitFor("snoozed until 2025-07-01"), "snooze not confirmed:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("1/\(before.count - 1) rows"))
        try tmux.sendKeys("d")
        #expect(tmux.waitFor("done for today"), "done not confirmed:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("1/\(before.count - 2) rows"))

        try tmux.sendKeys("s")
        #expect(tmux.waitFor("Call 1 of \(before.count - 2)"), "no session:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("n no answer"))
        try tmux.sendKeys("n")
        #expect(
            tmux.waitFor("no answer logged · next call 2025-07-02", timeout: .seconds(15)),
            "the call was not logged:\n\(tmux.lastCapture)")
        #expect(
            tmux.waitFor("Call 1 of \(before.count - 3)"), "the session did not move on:\n\(tmux.lastCapture)"
        )
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("Suggested action"), "Esc did not leave the session:\n\(tmux.lastCapture)")

        let exported = scratch.file("heute.csv")
        try tmux.sendKeys("e")
        #expect(tmux.waitFor("Export to: calllist-2025-06-30.csv"))
        try tmux.sendKeys("C-u")
        try tmux.sendText(exported)
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("\(before.count - 3) rows exported to"), "export not confirmed:\n\(tmux.lastCapture)"
        )

        try quit(tmux)

        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let states = try Row.fetchAll(
                db,
                sql:
                    "SELECT customer_id, mark, marked_on, hidden_until FROM call_list_state ORDER BY customer_id"
            )
            let byCustomer = Dictionary(uniqueKeysWithValues: states.map { ($0["customer_id"] as Int64, $0) })
            #expect(states.count == 3)
            #expect(byCustomer[snoozed]?["mark"] == "snoozed")
            #expect(byCustomer[snoozed]?["hidden_until"] == "2025-07-01")
            #expect(byCustomer[done]?["mark"] == "done")
            #expect(byCustomer[called]?["mark"] == "done")
            #expect(byCustomer[called]?["marked_on"] == "2025-06-30")
            let call = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT channel, direction, outcome, follow_up_on FROM interactions
                        WHERE customer_id = ? ORDER BY id DESC LIMIT 1
                        """, arguments: [called]))
            #expect(call["channel"] == "call")
            #expect(call["direction"] == "outbound")
            #expect(call["outcome"] == "no_answer")
            #expect(call["follow_up_on"] == "2025-07-02")
        }
        try queue.close()

        let after = try listed(path, day: DashboardStores.asOf)
        #expect(after.count == before.count - 3)
        #expect(!after.contains(snoozed) && !after.contains(done) && !after.contains(called))
        // The export from the screen is the same list as the command's.
        let file = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(file.split(separator: "\r\n").count == after.count + 1)
        var info = stat()
        stat(exported, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        // The next day, the snoozed and the done customers are back.
        let tomorrow = try listed(path, day: "2025-07-01")
        #expect(tomorrow.contains(snoozed) && tomorrow.contains(done))
    }

    @Test(
        "In a session, l logs a resolved complaint through the form; the customer is done, the session goes on"
    )
    func sessionForm() throws {
        let stores = try DashboardStores.shared.get()
        let scratch = try Scratch()
        let path = scratch.file("calls.sqlite")
        try FileManager.default.copyItem(atPath: stores.demo, toPath: path)
        let before = try listed(path, day: DashboardStores.asOf)
        let queue = try DatabaseQueue(path: path)
        func openComplaints(_ customer: Int64) throws -> Int {
            try queue.read { db in
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM interactions WHERE customer_id = ? AND complaint_status = 'open'",
                    arguments: [customer]) ?? 0
            }
        }
        let index = try #require(
            try before.firstIndex { try openComplaints($0) > 0 }, "no customer with an open complaint is due")
        let customer = before[index]
        let name = try #require(
            try queue.read { db in
                try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [customer])
            })
        let complaintsBefore = try openComplaints(customer)

        let tmux = try openCallList(path, scratch, rows: before.count)
        try tmux.sendKeys("s")
        #expect(tmux.waitFor("Call 1 of \(before.count)"), "no session:\n\(tmux.lastCapture)")
        for step in 0..<index {
            try tmux.sendKeys("Space")
            #expect(tmux.waitFor("Call \(step + 2) of \(before.count)"), "\(tmux.lastCapture)")
        }
        #expect(tmux.waitFor(name), "\(tmux.lastCapture)")
        try tmux.sendKeys("l")
        #expect(tmux.waitFor("Log interaction · \(name)"), "the form did not open:\n\(tmux.lastCapture)")
        // Filled in as the call: the kind is the third field. Complaint by its first letter,
        // outcome reached, complaint resolved.
        try tmux.sendKeys("Tab", "Tab", "c", "Tab", "r", "Tab", "r")
        #expect(tmux.waitFor("◂ resolved ▸"), "\(tmux.lastCapture)")
        try tmux.sendKeys("C-s")
        let closed = "closed \(complaintsBefore) open complaint" + (complaintsBefore == 1 ? "" : "s")
        #expect(
            tmux.waitUntil(timeout: .seconds(15)) {
                $0.contains(closed) && $0.contains("Call \(index + 1) of \(before.count - 1)")
            }, "the session did not go on after the form:\n\(tmux.lastCapture)")
        #expect(!tmux.lastCapture.contains("Log interaction"))
        try tmux.sendKeys("Escape")
        #expect(tmux.waitFor("Suggested action"), "Esc did not leave the session:\n\(tmux.lastCapture)")
        try quit(tmux)

        #expect(try openComplaints(customer) == 0)
        try queue.read { db in
            let mark = try Row.fetchOne(
                db, sql: "SELECT mark, marked_on FROM call_list_state WHERE customer_id = ?",
                arguments: [customer])
            #expect(mark?["mark"] == "done")
            #expect(mark?["marked_on"] == DashboardStores.asOf)
            let call = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT channel, direction, kind, complaint_status FROM interactions
                        WHERE customer_id = ? ORDER BY id DESC LIMIT 1
                        """, arguments: [customer]))
            #expect(call["channel"] == "call")
            #expect(call["direction"] == "outbound")
            #expect(call["kind"] == "complaint")
            #expect(call["complaint_status"] == "resolved")
        }
        try queue.close()
        #expect(try !listed(path, day: DashboardStores.asOf).contains(customer))
    }

    @Test("u takes a done mark back: the customer is on the call list again, in SQLite too")
    func undoMark() throws {
        let stores = try DashboardStores.shared.get()
        let scratch = try Scratch()
        let path = scratch.file("undo.sqlite")
        try FileManager.default.copyItem(atPath: stores.demo, toPath: path)
        let before = try listed(path, day: DashboardStores.asOf)
        let tmux = try openCallList(path, scratch, rows: before.count)
        try tmux.sendKeys("d")
        #expect(tmux.waitFor("done for today — u to undo"), "\(tmux.lastCapture)")
        #expect(tmux.waitFor("1/\(before.count - 1) rows"), "\(tmux.lastCapture)")
        try tmux.sendKeys("u")
        #expect(tmux.waitFor("is back on the call list (was done)"), "\(tmux.lastCapture)")
        #expect(
            tmux.waitFor("1/\(before.count) rows"), "the customer did not come back:\n\(tmux.lastCapture)")
        try quit(tmux)
        #expect(try listed(path, day: DashboardStores.asOf) == before)
    }
}
