import CustomerStore
import Foundation
import GRDB
import Testing

/// `clientele import` through the real binary: every kind and every flag, each checked in the
/// store file the command wrote (or did not write).
@Suite("clientele import, end to end")
struct ImportCommandTests {
    /// A fresh store with no customers, and a folder for the CSV files.
    final class Fixture {
        let scratch: Scratch
        let store: String

        init() throws {
            scratch = try Scratch()
            store = scratch.file("store.sqlite")
            try CustomerStore.open(path: store).close()
        }

        func csv(_ name: String, _ text: String) throws -> String {
            try csv(name, bytes: Array(text.utf8))
        }

        func csv(_ name: String, bytes: [UInt8]) throws -> String {
            let path = scratch.file(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        func run(_ arguments: [String]) throws -> CommandResult {
            try Clientele.run(arguments + ["--db", store], environment: scratch.environment)
        }

        func strings(_ sql: String) throws -> [String] {
            let queue = try DatabaseQueue(path: store)
            defer { try? queue.close() }
            return try queue.read { db in try String.fetchAll(db, sql: sql) }
        }

        func count(_ table: String) throws -> Int {
            let queue = try DatabaseQueue(path: store)
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
        }

        func customers() throws -> String {
            try run([
                "import", "customers",
                try csv("base.csv", "customer_id,name\nK-1,Jürgen Müller\nK-2,Anna Schmidt\n"),
            ]).standardOutput
        }
    }

    @Test("customers: Windows-1252 with semicolons, forced by --encoding and --delimiter")
    func customersEncodingDelimiter() throws {
        let fixture = try Fixture()
        // "Kundennummer;Name;Ort" then "K-7;Jürgen Weiß;Köln" in Windows-1252 (ü FC, ß DF, ö F6).
        var bytes = Array("Kundennummer;Name;Ort\r\nK-7;J".utf8)
        bytes += [0xFC] + Array("rgen Wei".utf8) + [0xDF] + Array(";K".utf8) + [0xF6] + Array("ln\r\n".utf8)
        let file = try fixture.csv("kunden.csv", bytes: bytes)
        let result = try fixture.run([
            "import", "customers", file, "--encoding", "windows-1252", "--delimiter", ";",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("1 row read, imported 1 customer,"))
        #expect(
            try fixture.strings("SELECT external_id || '|' || name || '|' || city FROM customers") == [
                "K-7|Jürgen Weiß|Köln"
            ])
        // Read as comma-separated, the file has no customer id column: refused, nothing written.
        let wrong = try fixture.run(["import", "customers", file, "--delimiter", ","])
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("no column for customer_id"))
        #expect(try fixture.count("customers") == 1)
    }

    @Test("orders: --map, --dry-run counts without writing, then the real import")
    func ordersMapAndDryRun() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let file = try fixture.csv(
            "orders.csv", "Kd,Wann,Preis\nK-1,2025-01-02,12.50\nK-2,03.01.2025,7\nK-1,2025-01-04,1.00\n")
        let unmapped = try fixture.run(["import", "orders", file])
        #expect(unmapped.status == 1)
        #expect(unmapped.standardError.contains("the file has: Kd, Wann, Preis"))
        let mapping = ["--map", "Kd=customer_id", "--map", "Wann=date", "--map", "Preis=amount"]
        let dry = try fixture.run(["import", "orders", file, "--dry-run"] + mapping)
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.contains("would insert 3 orders, would update 0, 0 already present"))
        #expect(try fixture.count("orders") == 0)
        let real = try fixture.run(["import", "orders", file] + mapping)
        #expect(real.standardOutput.contains("imported 3 orders, 0 already present"))
        #expect(try fixture.strings("SELECT sum(amount_minor) FROM orders") == ["2050"])
        let again = try fixture.run(["import", "orders", file, "--dry-run"] + mapping)
        #expect(again.standardOutput.contains("would insert 0 orders, would update 0, 3 already present"))
    }

    @Test("orders: unknown customers are refused, or created with --create-missing")
    func ordersCreateMissing() throws {
        let fixture = try Fixture()
        let file = try fixture.csv("orders.csv", "customer_id,date,amount\nNEU-1,2025-02-01,10\n")
        let refused = try fixture.run(["import", "orders", file])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("orders.csv:2:1: no customer with this id"))
        #expect(try fixture.count("customers") == 0)
        let created = try fixture.run(["import", "orders", file, "--create-missing"])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput.contains("1 new customer,"))
        #expect(try fixture.strings("SELECT external_id || '|' || name FROM customers") == ["NEU-1|NEU-1"])
        #expect(try fixture.count("orders") == 1)
    }

    @Test("orders: --skip-bad-rows imports the good rows; a rejects path that fails imports nothing")
    func skipBadRows() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let file = try fixture.csv(
            "orders.csv", "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,kaputt,5\nK-2,2025-01-03,6\n")
        let all = try fixture.run(["import", "orders", file])
        #expect(all.status == 1)
        #expect(all.standardError.contains("orders.csv:3:2: not a date"))
        #expect(try fixture.count("orders") == 0)

        let unwritable = try fixture.run([
            "import", "orders", file, "--skip-bad-rows", fixture.scratch.file("missing/rejects.csv"),
        ])
        #expect(unwritable.status == 1)
        #expect(unwritable.standardError.contains("cannot write the rejects file"))
        #expect(unwritable.standardError.contains("Nothing was imported"))
        let full = try fixture.run(["import", "orders", file, "--skip-bad-rows", "/dev/full"])
        #expect(full.status == 1)
        #expect(full.standardError.contains("No space left on device"))
        #expect(try fixture.count("orders") == 0)

        let rejects = fixture.scratch.file("rejects.csv")
        let skipped = try fixture.run(["import", "orders", file, "--skip-bad-rows", rejects])
        #expect(skipped.status == 0, "\(skipped.standardError)")
        #expect(skipped.standardOutput.contains("imported 2 orders"))
        #expect(skipped.standardOutput.contains("1 rejected"))
        #expect(try fixture.count("orders") == 2)
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.hasPrefix("customer_id,date,amount,line,reason\r\nK-1,kaputt,5,3,"))
        let info = try FileManager.default.attributesOfItem(atPath: rejects)
        #expect((info[.posixPermissions] as? Int) == 0o600)
    }

    @Test("orders: sorted through a temporary database that leaves nothing in TMPDIR, ok or not")
    func sortedOrdersLeaveNothing() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let temporary = fixture.scratch.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        // 12,000 rows alternating between the two customers: more than one write batch.
        var text = "customer_id,date,amount\n"
        for index in 0..<12_000 { text += "K-\(index % 2 + 1),2025-01-01,\(index)\n" }
        let good = try fixture.csv("orders.csv", text)
        let bad = try fixture.csv("bad.csv", text + "K-1,2025-01-01,zwölf\n")
        func run(_ file: String) throws -> CommandResult {
            try Clientele.run(
                ["import", "orders", file, "--db", fixture.store],
                environment: fixture.scratch.environment.merging(["TMPDIR": temporary]) { $1 })
        }
        let refused = try run(bad)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("bad.csv:12002:3: "))
        #expect(try fixture.count("orders") == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
        let imported = try run(good)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("12000 rows read, imported 12000 orders"))
        #expect(
            try fixture.strings("SELECT sum(amount_minor) FROM orders") == ["\(11_999 * 12_000 / 2 * 100)"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }

    @Test("interactions, feedback and contracts: imported once, not duplicated on re-import")
    func otherKinds() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let touches = try fixture.csv(
            "touches.csv",
            "Kundennummer,Datum,Kanal,Anlass,Notiz\nK-1,14.03.2025 10:30,Anruf,Beschwerde,\"Lieferung\nzu spät\"\n"
        )
        let feedback = try fixture.csv("nps.csv", "customer_id;date;NPS\nK-2;2025-03-01;9\n")
        let contracts = try fixture.csv(
            "contracts.csv", "customer_id,product,starts_on,status\nK-1,Wartung,2025-01-01,aktiv\n")
        for _ in 0..<2 {
            for (kind, file) in [("interactions", touches), ("feedback", feedback), ("contracts", contracts)]
            {
                let result = try fixture.run(["import", kind, file])
                #expect(result.status == 0, "\(kind): \(result.standardError)")
            }
        }
        #expect(
            try fixture.strings("SELECT channel || '|' || kind || '|' || note FROM interactions") == [
                "call|complaint|Lieferung\nzu spät"
            ])
        #expect(try fixture.strings("SELECT metric || score FROM feedback") == ["nps9"])
        #expect(try fixture.strings("SELECT product || '|' || status FROM contracts") == ["Wartung|active"])
    }

    @Test("A folder, a store, the program itself or JSON is named for what it is; nothing is imported")
    func wrongFileKinds() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let json = try fixture.csv("orders.json", "[{\"customer_id\": \"K-1\", \"amount\": 5}]\n")
        let cases = [
            (fixture.scratch.path, "is a folder, not a CSV file. Nothing was imported"),
            (fixture.store, "store.sqlite is a SQLite database (perhaps a Clientele store?), not a CSV file"),
            (
                Clientele.binary,
                "clientele is a binary file (an executable program), not CSV. Nothing was imported"
            ),
            (json, "orders.json looks like JSON, not CSV. Nothing was imported"),
        ]
        for (file, expected) in cases {
            let result = try fixture.run(["import", "orders", file])
            #expect(result.status == 1)
            #expect(result.standardError.contains(expected), "\(result.standardError)")
            #expect(!result.standardError.contains("quote"), "\(result.standardError)")
        }
        #expect(try fixture.count("orders") == 0)
    }

    @Test("orders: a corrected export keeps the stored orders and lists every number that differs")
    func orderConflicts() throws {
        let fixture = try Fixture()
        _ = try fixture.customers()
        let first = try fixture.csv(
            "orders.csv",
            "customer_id,date,amount,order_number\nK-1,2026-01-05,50.00,A-1001\nK-1,2026-01-06T09:00:00+01:00,20,A-1002\n"
                + "K-2,2026-01-06,7,A-1003\n")
        #expect(try fixture.run(["import", "orders", first]).status == 0)
        let corrected = try fixture.csv(
            "corrected.csv",
            "customer_id,date,amount,order_number\nK-1,2026-01-05,55.00,A-1001\nK-1,2026-01-07,20,A-1002\n"
                + "K-2,2026-01-06,7,A-1003\nK-2,2026-01-08,8,A-1004\n")
        let result = try fixture.run(["import", "orders", corrected])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "imported 1 order, 1 already present, 2 kept with other values, 0 new customers"),
            "\(result.standardOutput)")
        #expect(
            result.standardOutput.contains(
                """
                2 order numbers already present with a different amount or date; kept the stored orders:
                  line 2, A-1001: stored €50.00 on 2026-01-05, file €55.00 on 2026-01-05
                  line 3, A-1002: stored €20.00 on 2026-01-06, file €20.00 on 2026-01-07
                """), "\(result.standardOutput)")
        #expect(
            try fixture.strings(
                "SELECT external_ref || ' ' || amount_minor FROM orders ORDER BY external_ref") == [
                    "A-1001 5000", "A-1002 2000", "A-1003 700", "A-1004 800",
                ])
    }
}
