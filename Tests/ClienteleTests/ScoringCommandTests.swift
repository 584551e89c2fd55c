import CustomerStore
import Foundation
import GRDB
import Scoring
import Testing

/// `clientele score`, `model` and `rules`, run end to end on real store files.
@Suite("Scoring from the command line", .serialized)
struct ScoringCommandTests {
    @Test("score rescores a demo store; model --json has exactly the documented keys")
    func scoreAndModel() throws {
        let scratch = try Scratch()
        let path = scratch.file("book.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "400", "--as-of", "2025-06-30"]).status
                == 0)
        let score = try Clientele.run(
            ["score", "--db", path, "--as-of", "2025-06-30"], environment: scratch.environment)
        #expect(score.status == 0, "\(score.standardError)")
        #expect(score.standardOutput.contains("Scored 400 customers as of 2025-06-30"))
        #expect(score.standardOutput.contains("BG/NBD"))
        #expect(score.standardOutput.contains("Gamma-Gamma"))
        #expect(score.standardOutput.contains("Risk bands"))

        let model = try Clientele.run(["model", "--db", path, "--json"])
        #expect(model.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(model.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["asOf", "timeUnit", "customers", "bgnbd", "gammaGamma"])
        #expect(object["asOf"] as? String == "2025-06-30")
        #expect(object["timeUnit"] as? String == "weeks")
        #expect(object["customers"] as? Int == 400)
        let bgnbd = try #require(object["bgnbd"] as? [String: Any])
        #expect(Set(bgnbd.keys) == ["r", "alpha", "a", "b", "logLikelihood", "standardErrors"])
        #expect(Set((bgnbd["standardErrors"] as? [String: Double] ?? [:]).keys) == ["r", "alpha", "a", "b"])
        let gammaGamma = try #require(object["gammaGamma"] as? [String: Any])
        #expect(Set(gammaGamma.keys) == ["p", "q", "gamma", "logLikelihood", "customers"])

        let queue = try DatabaseQueue(path: path)
        let (scored, withReasons, nulls) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM scores") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM scores WHERE reasons <> '[]'") ?? 0,
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM scores WHERE churn_risk IS NULL OR risk_band IS NULL") ?? 0
            )
        }
        #expect(scored == 400)
        #expect(withReasons > 50)
        #expect(nulls == 0)
    }

    @Test("Orders in other currencies from an older import: score and stats warn and say how to list them")
    func foreignCurrencyOrders() throws {
        let scratch = try Scratch()
        let path = scratch.file("mixed.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "200", "--as-of", "2025-06-30"]).status
                == 0)
        let clean = try Clientele.run(
            ["score", "--db", path, "--as-of", "2025-06-30"], environment: scratch.environment)
        #expect(clean.status == 0)
        #expect(!clean.standardError.contains("not in euros"), "\(clean.standardError)")

        // What an import before the euro check could store (the importer refuses it now).
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE orders SET currency = CASE WHEN id % 2 = 0 THEN 'USD' ELSE 'JPY' END
                    WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT 3)
                    """)
        }
        try queue.close()
        let score = try Clientele.run(
            ["score", "--db", path, "--as-of", "2025-06-30"], environment: scratch.environment)
        #expect(score.status == 0)
        #expect(score.standardError.contains("3 orders are not in euros ("), "\(score.standardError)")
        #expect(score.standardError.contains("FROM orders WHERE currency <> 'EUR'"))

        let stats = try Clientele.run(["stats", "--db", path, "--json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
        let counts = try #require(object["ordersInOtherCurrencies"] as? [String: Int])
        #expect(counts.values.reduce(0, +) == 3)
        #expect(Set(counts.keys).isSubset(of: ["USD", "JPY"]))
        let text = try Clientele.run(["stats", "--db", path])
        #expect(text.standardOutput.contains("3 orders are not in euros"))
    }

    @Test("Days as the time unit: the rate parameter scales by 7 and the store keeps the unit")
    func daysUnit() throws {
        let scratch = try Scratch()
        let path = scratch.file("days.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "300", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(
            try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "--time-unit", "weeks", "-q"])
                .status == 0)
        let weeks =
            try JSONSerialization.jsonObject(
                with: Data(try Clientele.run(["model", "--db", path, "--json"]).standardOutput.utf8))
            as? [String: Any]
        #expect(
            try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "--time-unit", "days", "-q"])
                .status == 0)
        let days =
            try JSONSerialization.jsonObject(
                with: Data(try Clientele.run(["model", "--db", path, "--json"]).standardOutput.utf8))
            as? [String: Any]
        #expect(days?["timeUnit"] as? String == "days")
        let alphaWeeks = try #require((weeks?["bgnbd"] as? [String: Any])?["alpha"] as? Double)
        let alphaDays = try #require((days?["bgnbd"] as? [String: Any])?["alpha"] as? Double)
        #expect(abs(alphaDays / alphaWeeks - 7) < 1e-4)
    }

    @Test("An empty store scores to nothing with a clear note; model before score is an error")
    func emptyAndUnscored() throws {
        let scratch = try Scratch()
        let path = scratch.file("empty.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "5"]).status == 0)
        let unscored = try Clientele.run(["model", "--db", path])
        #expect(unscored.status == 1)
        #expect(unscored.standardError.contains("has not been scored yet; run `clientele score` first"))

        let tiny = try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30"])
        #expect(tiny.status == 0, "\(tiny.standardError)")
        #expect(tiny.standardOutput.contains("Scored 5 customers"))
        // Five customers cannot fit BG/NBD: said in a plain sentence first (how many bought
        // more than once, counted here from the orders), the optimiser's detail after it.
        let queue = try DatabaseQueue(path: path)
        let (buyers, repeatBuyers) = try queue.read { db in
            let days = try Int.fetchAll(
                db,
                sql: """
                    SELECT count(DISTINCT date(ordered_at, 'unixepoch')) FROM orders
                    WHERE ordered_at < strftime('%s', '2025-07-01') GROUP BY customer_id
                    """)
            return (days.count, days.filter { $0 > 1 }.count)
        }
        try queue.close()
        let plain =
            switch repeatBuyers {
            case 0:
                "Note: BG/NBD not fitted: no customer has bought more than once yet (\(buyers) with purchases)"
            case buyers: "Note: BG/NBD not fitted: only \(buyers) customers have purchases"
            default:
                "Note: BG/NBD not fitted: only \(repeatBuyers) of \(buyers) customers with purchases have bought"
            }
        #expect(tiny.standardOutput.contains(plain), "\(plain)\n\(tiny.standardOutput)")
        #expect(tiny.standardOutput.contains("until more customers have bought again. Detail: "))
        #expect(!tiny.standardOutput.contains("Note: BG/NBD: not fitted"), "\(tiny.standardOutput)")
        #expect(!tiny.standardOutput.contains("Scoring."), "\(tiny.standardOutput)")
        let json = try Clientele.run(["model", "--db", path, "--json"])
        #expect(json.status == 0)
        #expect(!json.standardOutput.contains("nan"))
    }

    @Test("One customer is said in the singular: \"Scored 1 customer\", \"1 customer with purchases\"")
    func singular() throws {
        let scratch = try Scratch()
        let path = scratch.file("one.sqlite")
        #expect(try Clientele.run(["init", "--db", path]).status == 0)
        let customers = scratch.file("c.csv")
        let orders = scratch.file("o.csv")
        try "customer_id,name\nA-1,Eva Roth\n".write(toFile: customers, atomically: true, encoding: .utf8)
        try "customer_id,order_date,amount\nA-1,2025-01-05,100\nA-1,2025-05-05,80\n".write(
            toFile: orders, atomically: true, encoding: .utf8)
        #expect(try Clientele.run(["import", "customers", customers, "--db", path]).status == 0)
        #expect(try Clientele.run(["import", "orders", orders, "--db", path]).status == 0)
        let scored = try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30"])
        #expect(scored.status == 0, "\(scored.standardError)")
        #expect(
            scored.standardOutput.contains("Scored 1 customer as of 2025-06-30"), "\(scored.standardOutput)")
        #expect(
            scored.standardOutput.contains("only 1 customer has purchases")
                && scored.standardOutput.contains("1 customer with purchases, at least 2 needed"),
            "\(scored.standardOutput)")
    }

    @Test("A broken rules file is named with its problem, and nothing is rescored")
    func badRules() throws {
        let scratch = try Scratch()
        let path = scratch.file("rules.sqlite")
        let rules = scratch.file("rules.json")
        try Data(#"{"rules": [{"id": "x", "action": "send-spam", "priority": 1, "when": []}]}"#.utf8)
            .write(to: URL(fileURLWithPath: rules))
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "50"]).status == 0)
        let result = try Clientele.run(["score", "--db", path, "--rules", rules])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains("the rules file \(rules) is not usable: rules[0] (\"x\").action"))
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scores") } == 0)
    }

    @Test("rules prints the shipped rule set as JSON a user can edit and pass back")
    func rulesRoundTrip() throws {
        let scratch = try Scratch()
        let printed = try Clientele.run(["rules"])
        #expect(printed.status == 0)
        let file = scratch.file("mine.json")
        try Data(printed.standardOutput.utf8).write(to: URL(fileURLWithPath: file))
        let path = scratch.file("r.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "60"]).status == 0)
        #expect(try Clientele.run(["score", "--db", path, "--rules", file, "-q"]).status == 0)
        // Not quiet: a one-off rules file is named as one, with where to keep it for logs.
        let config = scratch.file("config")
        let noted = try Clientele.run(
            ["score", "--db", path, "--rules", file], environment: ["XDG_CONFIG_HOME": config])
        #expect(noted.status == 0)
        #expect(
            noted.standardError.contains(
                "Note: --rules applies to this scoring only; a customer rescored after a log uses "
                    + "\(config)/clientele/actions.json"), "\(noted.standardError)")
        // The user's own file is what logs use too: nothing to say.
        try FileManager.default.createDirectory(
            atPath: config + "/clientele", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: config + "/clientele/actions.json")
        let own = try Clientele.run(
            ["score", "--db", path, "--rules", config + "/clientele/actions.json"],
            environment: ["XDG_CONFIG_HOME": config])
        #expect(!own.standardError.contains("Note: --rules"))
    }

    @Test(
        "import orders feeds the model: new customers appear, a scored store is rescored, re-import adds nothing"
    )
    func importOrders() throws {
        let scratch = try Scratch()
        let path = scratch.file("import.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "100", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)
        let csv = scratch.file("log.csv")
        try Data(
            "customer_id,date,amount\nNEW-1,2025-06-01,49.90\nNEW-1,2025-06-20,19.90\nK-0000001,2025-06-25,5\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: csv))
        let refused = try Clientele.run(["import", "orders", csv, "--db", path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("log.csv:2:1: no customer with this id"))
        let first = try Clientele.run(["import", "orders", csv, "--db", path, "--create-missing"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("imported 3 orders, 0 already present, 1 new customer,"))
        #expect(first.standardOutput.contains("store rescored"))
        let again = try Clientele.run(["import", "orders", csv, "--db", path, "--create-missing"])
        #expect(again.standardOutput.contains("imported 0 orders, 3 already present"))
        let queue = try DatabaseQueue(path: path)
        let scored = try queue.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM scores JOIN customers ON customers.id = scores.customer_id WHERE external_id = 'NEW-1'"
            )
        }
        #expect(scored == 1)
    }

    @Test("score stores the overview figures of its day, equal to the live queries")
    func overviewSnapshot() throws {
        let scratch = try Scratch()
        let path = scratch.file("overview.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "300", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)
        let store = try CustomerStore.open(path: path, mode: .existingOnly)
        let day = try #require(CalendarDay(iso: "2025-06-30"))
        let stored = try #require(try store.overviewSnapshot(asOf: day))
        #expect(stored.headline == (try store.overviewHeadline(today: day)))
        #expect(stored.retention == (try store.overviewRetention(today: day)))
        #expect(stored.feedback == (try store.overviewFeedback(today: day)))
        let live = try store.overviewDistribution()
        #expect(stored.segments == live.segments)
        #expect(stored.bands == live.bands)
        #expect(try store.overviewSnapshot(asOf: day.adding(days: 1)) == nil)
    }
}
