import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("The schema refuses bad rows")
struct ConstraintTests {
    let folder: TemporaryFolder
    let store: CustomerStore
    let customerID: Int64

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("c.sqlite"))
        customerID = try store.insert(
            CustomerRecord(id: 0, externalID: "K-1", name: "Käthe Köhler", createdAt: 0))
    }

    /// Runs raw SQL through the store's own write path and reports whether SQLite refused it.
    private func refuses(_ sql: String) -> Bool {
        do {
            try store.write { db in try db.execute(sql: sql) }
            return false
        } catch StoreError.constraint {
            return true
        } catch {
            return true
        }
    }

    @Test(
        "Feedback scores must lie in the metric's range",
        arguments: [
            ("nps", "'transactional'", 11), ("nps", "'relational'", -1), ("csat", "NULL", 0),
            ("csat", "NULL", 6),
            ("ces", "NULL", 0), ("ces", "NULL", 8), ("nps", "NULL", 5), ("csat", "'transactional'", 3),
        ])
    func feedbackRanges(metric: String, npsType: String, score: Int) {
        #expect(
            refuses(
                "INSERT INTO feedback (customer_id, given_at, metric, nps_type, score) VALUES (\(customerID), 0, '\(metric)', \(npsType), \(score))"
            ))
    }

    @Test("Valid feedback at the edges of each range is accepted")
    func feedbackEdgesAccepted() throws {
        for (metric, type, score) in [
            (FeedbackMetric.nps, NPSType?.some(.transactional), 0), (.nps, .relational, 10), (.csat, nil, 1),
            (.csat, nil, 5), (.ces, nil, 1), (.ces, nil, 7),
        ] {
            try store.insert(
                FeedbackRecord(
                    id: 0, customerID: customerID, givenAt: 0, metric: metric, npsType: type, score: score))
        }
    }

    @Test("Money is integer minor units: a fractional amount is refused")
    func moneyIsInteger() {
        #expect(
            refuses(
                "INSERT INTO orders (customer_id, ordered_at, amount_minor) VALUES (\(customerID), 0, 12.5)"))
        #expect(
            refuses(
                "INSERT INTO orders (customer_id, ordered_at, amount_minor) VALUES (\(customerID), 0, '12,50')"
            ))
        #expect(
            refuses(
                "INSERT INTO orders (customer_id, ordered_at, amount_minor, currency) VALUES (\(customerID), 0, 1250, 'eur')"
            ))
        #expect(
            !refuses(
                "INSERT INTO orders (customer_id, ordered_at, amount_minor) VALUES (\(customerID), 0, 1250)"))
    }

    @Test("Foreign keys hold: no order, touchpoint or score for a customer who does not exist")
    func foreignKeys() {
        #expect(refuses("INSERT INTO orders (customer_id, ordered_at, amount_minor) VALUES (999, 0, 100)"))
        #expect(
            refuses(
                "INSERT INTO interactions (customer_id, occurred_at, channel, direction, kind, created_at) VALUES (999, 0, 'call', 'outbound', 'sales', 0)"
            ))
        #expect(
            refuses(
                "INSERT INTO scores (customer_id, model_version, scored_at, as_of, churn_risk, risk_band) VALUES (999, 'x', 0, '2025-01-01', 0.5, 'medium')"
            ))
    }

    @Test("Vocabulary columns accept only known values")
    func vocabularies() {
        #expect(refuses("UPDATE customers SET relationship_type = 'loyal' WHERE id = \(customerID)"))
        #expect(refuses("UPDATE customers SET binding_emotional = 4 WHERE id = \(customerID)"))
        #expect(refuses("UPDATE customers SET kind = 'robot' WHERE id = \(customerID)"))
        #expect(
            refuses(
                "INSERT INTO interactions (customer_id, occurred_at, channel, direction, kind, created_at) VALUES (\(customerID), 0, 'fax', 'outbound', 'sales', 0)"
            ))
        #expect(
            refuses(
                "INSERT INTO scores (customer_id, model_version, scored_at, as_of, churn_risk, risk_band) VALUES (\(customerID), 'x', 0, '2025-01-01', 1.5, 'high')"
            ))
    }

    @Test("Calendar dates must be real dates in YYYY-MM-DD form")
    func dates() {
        #expect(refuses("UPDATE customers SET birthday = '2025-02-30' WHERE id = \(customerID)"))
        #expect(refuses("UPDATE customers SET birthday = '31.12.1980' WHERE id = \(customerID)"))
        #expect(!refuses("UPDATE customers SET birthday = '1980-12-31' WHERE id = \(customerID)"))
        #expect(
            refuses(
                "INSERT INTO contracts (customer_id, product, starts_on, ends_on) VALUES (\(customerID), 'Abo', '2025-06-01', '2025-01-01')"
            ))
    }

    @Test("A complaint always carries its state, and only complaints do")
    func complaintState() {
        let columns = "customer_id, occurred_at, channel, direction, kind, complaint_status, created_at"
        #expect(
            refuses(
                "INSERT INTO interactions (\(columns)) VALUES (\(customerID), 0, 'call', 'inbound', 'complaint', NULL, 0)"
            ))
        #expect(
            refuses(
                "INSERT INTO interactions (\(columns)) VALUES (\(customerID), 0, 'call', 'inbound', 'sales', 'open', 0)"
            ))
        #expect(
            !refuses(
                "INSERT INTO interactions (\(columns)) VALUES (\(customerID), 0, 'call', 'inbound', 'complaint', 'open', 0)"
            ))
    }

    @Test("External ids are unique; a customer cannot refer themselves")
    func uniqueness() throws {
        #expect(throws: StoreError.self) {
            try store.insert(CustomerRecord(id: 0, externalID: "K-1", name: "Doppelt", createdAt: 0))
        }
        #expect(throws: StoreError.self) {
            try store.insert(
                ReferralRecord(id: 0, referrerID: customerID, referredID: customerID, referredAt: 0))
        }
    }

    @Test("A failed bulk load writes nothing of its open batch")
    func bulkLoadRollsBack() throws {
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try store.bulkLoad { loader in
                try loader.add(CustomerRecord(id: 0, name: "Erster", createdAt: 0))
                try loader.add(CustomerRecord(id: 0, name: "Zweiter", createdAt: 0))
                throw Interrupted()
            }
        }
        #expect(try store.customerCount() == 1)
        #expect(throws: StoreError.self) {
            try store.bulkLoad { loader in
                try loader.add(CustomerRecord(id: 0, name: "Dritter", createdAt: 0))
                try loader.add(OrderRecord(id: 0, customerID: 4242, orderedAt: 0, amountMinor: 100))
            }
        }
        #expect(try store.customerCount() == 1)
    }
}

@Suite("Logging and undoing a touchpoint")
struct InteractionWriteTests {
    @Test("An interaction and its answers are written together and undone together")
    func logAndUndo() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("u.sqlite"))
        let customer = try store.insert(
            CustomerRecord(id: 0, externalID: "K-1", name: "Zoë Ångström", createdAt: 0))
        let id = try store.logInteraction(
            InteractionRecord(
                id: 0, customerID: customer, occurredAt: 10, channel: .call, direction: .outbound,
                kind: .sales,
                note: "Rückruf"),
            feedback: [
                FeedbackRecord(
                    id: 0, customerID: customer, givenAt: 10, metric: .nps, npsType: .transactional, score: 9)
            ])
        let linked = try store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM feedback WHERE interaction_id = ?", arguments: [id])
        }
        #expect(linked == 1)
        #expect(try store.searchCustomers("ruckruf").count == 1)
        try store.deleteInteraction(id: id)
        let left = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions") ?? -1)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM feedback") ?? -1)
        }
        #expect(left == 0)
        #expect(try store.searchCustomers("ruckruf").isEmpty)
        #expect(try store.resolveCustomer("K-1").map(\.id) == [customer])
        #expect(try store.resolveCustomer("\(customer)").map(\.id) == [customer])
        #expect(try store.resolveCustomer("angstrom").map(\.id) == [customer])
    }

    @Test("A number that is one customer's customer number and another's id names both; id:N names one")
    func numberNamesBoth() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("numbers.sqlite"))
        try store.insert(CustomerRecord(id: 0, externalID: "K-9", name: "Bernd Kunz", createdAt: 0))
        let carla = try store.insert(CustomerRecord(id: 0, externalID: "1", name: "Carla Vogt", createdAt: 0))
        let anna = try store.insert(
            CustomerRecord(id: 0, externalID: "1002", name: "Anna Müller", city: "Berlin", createdAt: 0))
        try #require(carla != 1, "the test needs customer number 1 on another store id")
        let both = try store.resolveCustomer("1")
        #expect(Set(both.map { $0.id }) == [carla, 1])
        #expect(both.first { $0.id == carla }?.externalID == "1")
        #expect(try store.resolveCustomer("id:\(carla)").map { $0.id } == [carla])
        #expect(try store.resolveCustomer("id: \(anna)").map { $0.id } == [anna])
        #expect(try store.resolveCustomer("1002").map { $0.id } == [anna])
        #expect(try store.resolveCustomer("id:99999").isEmpty)
        #expect(try store.resolveCustomer("id:x").isEmpty)
        #expect(try store.resolveCustomer("Anna").first?.externalID == "1002")
    }

    @Test("Undo says whether the row was there, and never removes a different row with the same id")
    func undoIsSafe() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("s.sqlite"))
        let customer = try store.insert(CustomerRecord(id: 0, name: "Anna Müller", createdAt: 0))
        func log(_ note: String, at time: Int64) throws -> Int64 {
            try store.logInteraction(
                InteractionRecord(
                    id: 0, customerID: customer, occurredAt: time, channel: .call, direction: .outbound,
                    kind: .sales, note: note, createdAt: time),
                feedback: [
                    FeedbackRecord(
                        id: 0, customerID: customer, givenAt: time, metric: .nps, npsType: .relational,
                        score: 4)
                ])
        }
        func count(_ table: String) throws -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
        }
        let first = try log("first", at: 100)
        #expect(try store.deleteInteraction(id: first, customerID: customer, createdAt: 100))
        #expect(try count("interactions") == 0 && count("feedback") == 0)
        // Gone already: nothing to do, and it says so.
        #expect(try !store.deleteInteraction(id: first, customerID: customer, createdAt: 100))
        // SQLite hands the freed rowid out again; the old undo must not take the new row.
        let second = try log("second", at: 200)
        #expect(second == first)
        #expect(try !store.deleteInteraction(id: first, customerID: customer, createdAt: 100))
        #expect(try count("interactions") == 1 && count("feedback") == 1)
    }

    @Test("A feedback answer out of range rolls the whole log back")
    func atomic() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("a.sqlite"))
        let customer = try store.insert(CustomerRecord(id: 0, name: "Ayşe", createdAt: 0))
        #expect(throws: StoreError.self) {
            try store.logInteraction(
                InteractionRecord(
                    id: 0, customerID: customer, occurredAt: 10, channel: .call, direction: .outbound,
                    kind: .sales),
                feedback: [FeedbackRecord(id: 0, customerID: customer, givenAt: 10, metric: .csat, score: 9)])
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions") } == 0)
    }
}
