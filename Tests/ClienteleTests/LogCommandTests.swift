import Foundation
import GRDB
import Scoring
import Testing

/// `clientele log`, end to end: the row in SQLite, the rescored customer, the refusals.
@Suite("Logging from the command line", .serialized)
struct LogCommandTests {
    @Test("A logged call with umlauts, CJK and an NPS of 4 is stored exactly and rescores the customer")
    func logsAndRescores() throws {
        let scratch = try Scratch()
        let path = scratch.file("log.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "150", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)
        let note = "Grüße aus Köln — 東京"
        let result = try Clientele.run(
            [
                "log", "K-0000007", "--db", path, "--channel", "call", "--kind", "sales", "--outcome",
                "reached",
                "--note", note, "--nps", "4", "--nps-type", "transactional", "--follow-up", "2030-03-14",
            ], environment: ["USER": "anna"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Logged interaction"))
        #expect(result.standardOutput.contains("churn risk"))

        let queue = try DatabaseQueue(path: path)
        let row = try queue.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT i.note, i.channel, i.kind, i.outcome, i.follow_up_on, i.author, f.score, f.nps_type,
                        s.reasons, s.scored_at > 0 AS scored
                    FROM interactions i JOIN feedback f ON f.interaction_id = i.id
                    JOIN scores s ON s.customer_id = i.customer_id
                    WHERE i.customer_id = 7 ORDER BY i.id DESC LIMIT 1
                    """)
        }
        let stored = try #require(row)
        #expect(stored["note"] as String == note)
        #expect(stored["channel"] as String == "call")
        #expect(stored["outcome"] as String == "reached")
        #expect(stored["follow_up_on"] as String == "2030-03-14")
        #expect(stored["author"] as String == "anna")
        #expect(stored["score"] as Int == 4)
        #expect(stored["nps_type"] as String == "transactional")
        // The fresh detractor answer is now one of the customer's reasons.
        #expect((stored["reasons"] as String).contains("\"detractor\""))
    }

    @Test("While another program holds the store, log waits, says so on stderr, and stores the row")
    func waitsForAnotherWriter() throws {
        let scratch = try Scratch()
        let path = scratch.file("wait.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "50", "--as-of", "2025-06-30"]).status
                == 0)
        let holder = try WriteLockHolder(path: path, seconds: 3)
        let result = try Clientele.run(
            [
                "log", "K-0000003", "--db", path, "--channel", "call", "--kind", "sales", "--note",
                "nach dem Warten",
            ])
        try holder.waitUntilReleased()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains("waiting for another program's write"), "\(result.standardError)")
        #expect(result.standardOutput.contains("Logged interaction"))
        let stored = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions WHERE note = 'nach dem Warten'")
        }
        #expect(stored == 1)
    }

    @Test("Without USER or LOGNAME the author is the account's name, not empty")
    func authorWithoutUser() throws {
        let scratch = try Scratch()
        let path = scratch.file("author.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "50", "--as-of", "2025-06-30"]).status
                == 0)
        let result = try Clientele.run(
            ["log", "id:3", "--db", path, "--channel", "note", "--kind", "other", "--note", "x"],
            environment: scratch.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let account = try #require(getpwuid(getuid())?.pointee.pw_name).map { String(cString: $0) }
        let author = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT author FROM interactions ORDER BY id DESC LIMIT 1")
        }
        #expect(author == account)
    }

    @Test("A voicemail with a retry in two days: the call list brings the customer back on that day")
    func retryComesBack() throws {
        let scratch = try Scratch()
        let path = scratch.file("retry.sqlite")
        // `log` stamps the call with the real day, so the store is made and scored as of today.
        let today = CalendarDay(unixSeconds: Int64(Date().timeIntervalSince1970))
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "300", "--as-of", today.iso]).status == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", today.iso]).status == 0)
        let customer = 7
        let logged = try Clientele.run([
            "log", "id:\(customer)", "--db", path, "--channel", "call", "--kind", "sales", "--outcome",
            "voicemail", "--follow-up", "+2d",
        ])
        #expect(logged.status == 0, "\(logged.standardError)")
        let retry = today.adding(days: 2)
        let list = try Clientele.run(["calllist", "--db", path, "--as-of", retry.iso, "--format", "json"])
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["customer_id"] as? Int == customer }, "\(list.standardOutput)")
        #expect(row["action"] as? String == "follow up as agreed (today)")
        #expect(row["due"] as? String == retry.iso)
        // The day before, the promise is not yet on the list (our call was today: nothing else is due).
        let early = try Clientele.run([
            "calllist", "--db", path, "--as-of", today.adding(days: 1).iso, "--format", "json",
        ])
        let earlyRows =
            try JSONSerialization.jsonObject(with: Data(early.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(!earlyRows.contains { $0["customer_id"] as? Int == customer })
    }

    @Test("A survey sent counts towards the relational NPS cap at once, answered or not")
    func surveySentStopsTheNextAsk() throws {
        let scratch = try Scratch()
        let path = scratch.file("survey.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "300", "--as-of", "2026-11-22"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2026-11-22"]).status == 0)
        let queue = try DatabaseQueue(path: path)
        let asked = try #require(
            try queue.read { db in
                try Int64.fetchOne(
                    db, sql: "SELECT customer_id FROM scores WHERE actions LIKE '%relational-nps%' LIMIT 1")
            })
        let logged = try Clientele.run([
            "log", "\(asked)", "--db", path, "--channel", "email", "--kind", "survey", "--outcome", "sent",
        ])
        #expect(logged.status == 0, "\(logged.standardError)")
        let still = try queue.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT actions LIKE '%relational-nps%' FROM scores WHERE customer_id = ?",
                arguments: [asked])
        }
        #expect(still == false)
    }

    @Test(
        "--complaint resolved closes the customer's open complaint, and show no longer suggests resolving it")
    func resolvedComplaintClosesTheOpenOne() throws {
        let scratch = try Scratch()
        let path = scratch.file("complaint.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "150", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)
        let queue = try DatabaseQueue(path: path)
        // A customer with exactly one open complaint, whatever the demo made.
        let found = try queue.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT customer_id, min(id) AS complaint FROM interactions WHERE complaint_status = 'open'
                    GROUP BY customer_id HAVING count(*) = 1 ORDER BY customer_id LIMIT 1
                    """)
        }
        let row = try #require(found)
        let customer: Int64 = row["customer_id"]
        let complaint: Int64 = row["complaint"]
        let before = try Clientele.run(["show", "\(customer)", "--db", path])
        #expect(before.standardOutput.contains("resolve the open complaint"), "\(before.standardOutput)")

        let result = try Clientele.run([
            "log", "\(customer)", "--db", path, "--channel", "call", "--kind", "complaint", "--complaint",
            "resolved", "--direction", "outbound", "--outcome", "reached",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("; closed 1 open complaint;"), "\(result.standardOutput)")

        let states = try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, complaint_status, resolved_at FROM interactions
                    WHERE customer_id = ? AND (id = ? OR id = (SELECT max(id) FROM interactions))
                    ORDER BY id
                    """, arguments: [customer, complaint])
        }
        #expect(states.count == 2)
        let old = try #require(states.first)
        let new = try #require(states.last)
        #expect(old["complaint_status"] as String == "resolved")
        #expect(new["complaint_status"] as String == "resolved")
        // Closed at the time of the save that resolved it.
        #expect((old["resolved_at"] as Int64?) != nil)
        #expect(old["resolved_at"] as Int64? == new["resolved_at"] as Int64?)
        let open = try queue.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM interactions WHERE customer_id = ? AND complaint_status = 'open'",
                arguments: [customer])
        }
        #expect(open == 0)
        let after = try Clientele.run(["show", "\(customer)", "--db", path])
        #expect(after.status == 0)
        #expect(!after.standardOutput.contains("resolve the open complaint"), "\(after.standardOutput)")
        #expect(!after.standardOutput.contains("an open complaint"), "\(after.standardOutput)")

        // Without an open complaint left, another resolution closes nothing and says nothing of it.
        let again = try Clientele.run([
            "log", "\(customer)", "--db", path, "--channel", "email", "--kind", "complaint", "--complaint",
            "resolved",
        ])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(!again.standardOutput.contains("closed"), "\(again.standardOutput)")
    }

    @Test("Ambiguous, unknown and invalid input is refused and nothing is written")
    func refusals() throws {
        let scratch = try Scratch()
        let path = scratch.file("refuse.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "150", "--as-of", "2025-06-30"]).status
                == 0)
        let ambiguous = try Clientele.run([
            "log", "Müller", "--db", path, "--channel", "call", "--kind", "sales",
        ])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.standardError.contains("matches"))
        #expect(ambiguous.standardError.contains("name one by its id:N"))
        let unknown = try Clientele.run([
            "log", "nobody-at-all", "--db", path, "--channel", "call", "--kind", "sales",
        ])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no customer matches \"nobody-at-all\""))
        for bad in [
            ["--nps", "11"], ["--csat", "0"], ["--follow-up", "someday"], ["--complaint", "open"],
            ["--follow-up", "2025-01-01"], ["--nps-type", "relational"],
            ["--note", "evil \u{1B}[31mRED\u{1B}[0m \u{1B}]0;pwned\u{07}"], ["--author", "a\u{1B}[2Jb"],
        ] {
            let result = try Clientele.run(
                ["log", "1", "--db", path, "--channel", "call", "--kind", "sales"] + bad)
            #expect(result.status == 64, "\(bad): \(result.standardError)")
        }
        let past = try Clientele.run(
            ["log", "1", "--db", path, "--channel", "call", "--kind", "sales", "--follow-up", "2025-01-01"])
        #expect(past.standardError.contains("--follow-up must be today or later (got 2025-01-01"))
        // A type without an answer was dropped silently; the call was logged without it.
        let typeAlone = try Clientele.run(
            ["log", "1", "--db", path, "--channel", "call", "--kind", "sales", "--nps-type", "relational"])
        #expect(
            typeAlone.standardError.contains("--nps-type relational needs an --nps answer (0 to 10)"),
            "\(typeAlone.standardError)")
        let escaped = try Clientele.run(
            ["log", "1", "--db", path, "--channel", "note", "--kind", "other", "--note", "x\u{1B}[31m"])
        #expect(escaped.standardError.contains("--note must not contain control characters"))
        let queue = try DatabaseQueue(path: path)
        let before = try Clientele.run(["stats", "--db", path, "--json"]).standardOutput
        #expect(before.contains("\"interactions\""))
        let logged = try queue.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interactions WHERE created_at > strftime('%s', '2025-07-01')")
        }
        #expect(logged == 0)
        // Line breaks and tabs are text.
        let lines = try Clientele.run(
            ["log", "1", "--db", path, "--channel", "note", "--kind", "other", "--note", "eins\nzwei\tdrei"])
        #expect(lines.status == 0, "\(lines.standardError)")
    }
}

@Suite("Backup, restore and check from the command line", .serialized)
struct BackupCommandTests {
    @Test("backup writes a verified private copy under backups/; restore asks for --yes in scripts")
    func backupAndRestore() throws {
        let scratch = try Scratch()
        let path = scratch.file("b.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "80"]).status == 0)
        let backup = try Clientele.run(["backup", "--db", path])
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(backup.standardOutput.contains("verified"))
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file("backups"))
        #expect(files.count == 1)
        let copy = scratch.file("backups/" + (files.first ?? ""))
        #expect(try Clientele.run(["check", "--db", path]).standardOutput.contains("integrity check ok"))

        let refused = try Clientele.run(["restore", copy, "--db", path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("pass --yes"))
        let restored = try Clientele.run(["restore", copy, "--db", path, "--yes"])
        #expect(restored.status == 0, "\(restored.standardError)")
        let again = try Clientele.run(["backup", copy, "--db", path])
        #expect(again.status == 1)
        #expect(again.standardError.contains("exists already"))
    }
}

@Suite("GDPR from the command line", .serialized)
struct PrivacyCommandTests {
    @Test("export to a private file, erase with --yes, purge; scripts must confirm")
    func exportEraseAndPurge() throws {
        let scratch = try Scratch()
        let path = scratch.file("gdpr.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "60"]).status == 0)
        let file = scratch.file("k3.json")
        let export = try Clientele.run(["privacy", "export", "K-0000003", "--db", path, "-o", file])
        #expect(export.status == 0, "\(export.standardError)")
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
            as? [String: Any]
        #expect(object?["customerId"] as? Int == 3)
        #expect(
            Set((object?["tables"] as? [String: Any])?.keys ?? [:].keys) == [
                "customer", "orders", "contracts", "interactions", "feedback", "referrals", "scores",
                "call_list_state",
            ])
        let csv = try Clientele.run(["privacy", "export", "3", "--db", path, "--format", "csv"])
        #expect(csv.standardOutput.hasPrefix("table,row,column,value\r\n"))

        let unconfirmed = try Clientele.run(["privacy", "erase", "3", "--db", path])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.standardError.contains("pass --yes"))
        let erased = try Clientele.run(["privacy", "erase", "3", "--db", path, "--yes"])
        #expect(erased.status == 0, "\(erased.standardError)")
        #expect(erased.standardOutput.contains("kept pseudonymised"))
        let after = try Clientele.run(["privacy", "export", "3", "--db", path])
        #expect(after.standardOutput.contains("Erased customer 3"))
        #expect(!after.standardOutput.contains("K-0000003"))

        let purge = try Clientele.run(["privacy", "purge", "--older-than", "1y", "--db", path, "--yes"])
        #expect(purge.status == 0)
        #expect(purge.standardOutput.contains("Anonymised"))
        #expect(try Clientele.run(["privacy", "purge", "--older-than", "soon", "--db", path]).status == 64)
    }

    @Test("erase with a number that is one customer's number and another's id erases nobody and lists both")
    func eraseNeverGuesses() throws {
        let scratch = try Scratch()
        let path = scratch.file("numbers.sqlite")
        #expect(try Clientele.run(["init", "--db", path]).status == 0)
        let customers = scratch.file("kunden.csv")
        try Data("Kundennummer;Name;Ort\n1002;Anna Müller;Berlin\n1;Carla Vogt;Bonn\n".utf8)
            .write(to: URL(fileURLWithPath: customers))
        #expect(try Clientele.run(["import", "customers", customers, "--db", path]).status == 0)
        let guess = try Clientele.run(["privacy", "erase", "1", "--db", path, "--yes"])
        #expect(guess.status == 1)
        #expect(guess.standardError.contains("id:2  no. 1 · Carla Vogt · Bonn"), "\(guess.standardError)")
        #expect(guess.standardError.contains("id:1  no. 1002 · Anna Müller · Berlin"))
        let erasures = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM erasures")
        }
        #expect(erasures == 0)
        let named = try Clientele.run(["privacy", "erase", "id:2", "--db", path, "--yes"])
        #expect(named.status == 0, "\(named.standardError)")
        #expect(named.standardOutput.contains("customer 2"), "\(named.standardOutput)")
    }
}
