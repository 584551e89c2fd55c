import CustomerStore
import Foundation
import GRDB
import Scoring
import Testing

@testable import DemoData

/// One small demo store shared by the content checks (building it is the slow part).
private let sharedDemo: Result<(folder: String, path: String), any Error> = Result {
    let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("clientele-demo-\(getpid())")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = (folder as NSString).appendingPathComponent("demo.sqlite")
    let configuration = DemoConfiguration(customers: 1_500, seed: 11, asOf: CalendarDay(iso: "2025-06-30")!)
    _ = try DemoBuilder.build(at: path, configuration: configuration, replace: true)
    return (folder, path)
}

/// One connection to the shared demo, opened once: parallel tests share it instead of racing
/// to open the same WAL file.
private let sharedReader: Result<DatabaseQueue, any Error> = Result {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    return try DatabaseQueue(path: try sharedDemo.get().path, configuration: configuration)
}

private func query<T: DatabaseValueConvertible>(_ sql: String) throws -> T? {
    try sharedReader.get().read { db in try T.fetchOne(db, sql: sql) }
}

private func temporaryPath(_ name: String) -> String {
    let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
        "clientele-demo-\(getpid())-\(UUID())")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return (folder as NSString).appendingPathComponent(name)
}

@Suite("Demo data")
struct DemoDataTests {
    @Test("The same seed and date give the same store; another seed gives another")
    func deterministic() throws {
        let day = try #require(CalendarDay(iso: "2025-01-15"))
        var fingerprints: [String] = []
        for seed: UInt64 in [5, 5, 6] {
            let path = temporaryPath("d.sqlite")
            _ = try DemoBuilder.build(
                at: path, configuration: DemoConfiguration(customers: 300, seed: seed, asOf: day),
                replace: false)
            let store = try CustomerStore.open(path: path, mode: .existingOnly)
            fingerprints.append(try store.contentFingerprint())
            try store.close()
        }
        #expect(fingerprints[0] == fingerprints[1])
        #expect(fingerprints[0] != fingerprints[2])
    }

    @Test("Names, places and owners look like a German-speaking book of business")
    func namesAndPlaces() throws {
        let umlauts: Int? = try query(
            "SELECT count(*) FROM customers WHERE name GLOB '*[äöüÄÖÜß]*' OR company GLOB '*[äöüÄÖÜß]*'")
        #expect((umlauts ?? 0) > 100)
        let cjk: Int? = try query("SELECT count(*) FROM customers WHERE unicode(name) >= 12288")
        #expect((cjk ?? 0) >= 3)
        let owners: Int? = try query("SELECT count(DISTINCT owner) FROM customers")
        #expect((owners ?? 0) >= 5)
        let countries: String? = try query(
            "SELECT group_concat(DISTINCT country) FROM (SELECT country FROM customers ORDER BY country)")
        #expect(countries == "AT,CH,DE")
        let withBirthday: Int? = try query("SELECT count(*) FROM customers WHERE birthday IS NOT NULL")
        #expect((withBirthday ?? 0) > 1_000)
        let companies: Int? = try query(
            "SELECT count(*) FROM customers WHERE kind = 'company' AND company IS NOT NULL")
        #expect((companies ?? 0) > 400)
    }

    @Test("Both relationship types and every binding appear")
    func relationshipsAndBindings() throws {
        for type in RelationshipType.allCases {
            let count: Int? = try query(
                "SELECT count(*) FROM customers WHERE relationship_type = '\(type.rawValue)'")
            #expect((count ?? 0) > 100, "too few \(type.rawValue) customers")
        }
        for binding in Binding.allCases {
            let count: Int? = try query(
                "SELECT count(*) FROM customers WHERE binding_\(binding.rawValue) > 0")
            #expect((count ?? 0) > 20, "too few customers with \(binding.rawValue) binding")
        }
    }

    @Test("Greetings fall on the customer's birthday, or on one day of their own, the same date every year")
    func greetingsOnTheirDay() throws {
        let offBirthday: Int? = try query(
            """
            SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id
            WHERE i.kind = 'greeting' AND c.birthday IS NOT NULL
              AND strftime('%m-%d', i.occurred_at, 'unixepoch') != strftime('%m-%d', c.birthday)
            """)
        #expect(offBirthday == 0, "birthday greetings away from the birthday")
        let severalDates: Int? = try query(
            """
            SELECT count(*) FROM (SELECT customer_id FROM interactions WHERE kind = 'greeting'
                GROUP BY customer_id HAVING count(DISTINCT strftime('%m-%d', occurred_at, 'unixepoch')) > 1)
            """)
        #expect(severalDates == 0, "customers greeted on different dates")
        let twiceADay: Int? = try query(
            """
            SELECT count(*) FROM (SELECT customer_id FROM interactions WHERE kind = 'greeting'
                GROUP BY customer_id, occurred_at / 86400 HAVING count(*) > 1)
            """)
        #expect(twiceADay == 0)
        // Meaningful only if customers are greeted in more than one year, with and without a birthday.
        let yearly: Int? = try query(
            """
            SELECT count(*) FROM (SELECT customer_id FROM interactions WHERE kind = 'greeting'
                GROUP BY customer_id HAVING count(DISTINCT strftime('%Y', occurred_at, 'unixepoch')) > 1)
            """)
        #expect((yearly ?? 0) > 10, "\(yearly ?? 0) customers greeted in several years")
        let withoutBirthday: Int? = try query(
            """
            SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id
            WHERE i.kind = 'greeting' AND c.birthday IS NULL AND i.note = 'Karte zum Kundenjubiläum verschickt.'
            """)
        #expect((withoutBirthday ?? 0) > 0)
    }

    @Test("Touchpoints cover every channel and kind, with open and resolved complaints and follow-ups")
    func touchpoints() throws {
        for channel in Channel.allCases {
            let count: Int? = try query(
                "SELECT count(*) FROM interactions WHERE channel = '\(channel.rawValue)'")
            #expect((count ?? 0) > 0, "no \(channel.rawValue) touchpoints")
        }
        for kind in InteractionKind.allCases {
            let count: Int? = try query("SELECT count(*) FROM interactions WHERE kind = '\(kind.rawValue)'")
            #expect((count ?? 0) > 0, "no \(kind.rawValue) touchpoints")
        }
        let open: Int? = try query("SELECT count(*) FROM interactions WHERE complaint_status = 'open'")
        let resolved: Int? = try query(
            "SELECT count(*) FROM interactions WHERE complaint_status = 'resolved'")
        #expect((open ?? 0) > 0)
        #expect((resolved ?? 0) > (open ?? 0))
        let followUps: Int? = try query(
            "SELECT count(*) FROM interactions WHERE follow_up_on >= '2025-06-30'")
        #expect((followUps ?? 0) > 0)
        let afterAsOf: Int? = try query(
            "SELECT count(*) FROM interactions WHERE occurred_at >= \(CalendarDay(iso: "2025-06-30")!.startUnixSeconds)"
        )
        #expect(afterAsOf == 0)
    }

    @Test("Feedback has transactional and relational NPS, CSAT and CES; relational NPS at most twice a year")
    func feedback() throws {
        for (metric, type) in [
            ("nps", "'transactional'"), ("nps", "'relational'"), ("csat", "NULL"), ("ces", "NULL"),
        ] {
            let count: Int? = try query(
                "SELECT count(*) FROM feedback WHERE metric = '\(metric)' AND nps_type IS \(type)")
            #expect((count ?? 0) > 20, "too little \(metric) \(type) feedback")
        }
        let overAsked: Int? = try query(
            """
            SELECT count(*) FROM (
                SELECT customer_id, strftime('%Y', given_at, 'unixepoch') AS year, count(*) AS asked
                FROM feedback WHERE nps_type = 'relational' GROUP BY 1, 2 HAVING asked > 2)
            """)
        #expect(overAsked == 0)
        let spread: Int? = try query("SELECT count(DISTINCT score) FROM feedback WHERE metric = 'nps'")
        #expect(spread == 11)
    }

    @Test("Orders follow a buy-till-you-die process: about 20 per customer, some customers lapsed")
    func orders() throws {
        let perCustomer: Double? = try query(
            "SELECT 1.0 * count(*) / (SELECT count(*) FROM customers) FROM orders")
        #expect((15.0...27.0).contains(perCustomer ?? 0))
        let leads: Int? = try query(
            "SELECT count(*) FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)")
        #expect((leads ?? 0) > 0)
        let asOf = CalendarDay(iso: "2025-06-30")!.startUnixSeconds
        let lapsed: Int? = try query(
            "SELECT count(*) FROM (SELECT max(ordered_at) AS last FROM orders GROUP BY customer_id) WHERE last < \(asOf - 180 * 86_400)"
        )
        #expect((lapsed ?? 0) > 150)
        let late: Int? = try query("SELECT count(*) FROM orders WHERE ordered_at >= \(asOf)")
        #expect(late == 0)
        let sameDay: Int? = try query(
            "SELECT count(*) FROM (SELECT customer_id, ordered_at / 86400 AS day FROM orders GROUP BY 1, 2 HAVING count(*) > 1)"
        )
        #expect((sameDay ?? 0) > 0)
    }

    @Test("Contracts carry renewal dates and notice periods; referrals point to earlier customers")
    func contractsAndReferrals() throws {
        let renewing: Int? = try query(
            "SELECT count(*) FROM contracts WHERE status = 'active' AND ends_on > '2025-06-30' AND notice_days > 0"
        )
        #expect((renewing ?? 0) > 50)
        let referrals: Int? = try query("SELECT count(*) FROM referrals WHERE referrer_id < referred_id")
        let allReferrals: Int? = try query("SELECT count(*) FROM referrals")
        #expect((referrals ?? 0) > 20)
        #expect(referrals == allReferrals)
    }

    @Test("A store that holds customers is not overwritten without --replace")
    func refusesToOverwrite() throws {
        let path = temporaryPath("keep.sqlite")
        let store = try CustomerStore.open(path: path)
        try store.insert(CustomerRecord(id: 0, name: "Echter Kunde", createdAt: 0))
        try store.close()
        let configuration = DemoConfiguration(customers: 10, asOf: CalendarDay(daysSinceEpoch: 20_000))
        #expect(throws: StoreError.notEmpty(path: path, customers: 1)) {
            _ = try DemoBuilder.build(at: path, configuration: configuration, replace: false)
        }
        let reopened = try CustomerStore.open(path: path, mode: .existingOnly)
        #expect(try reopened.searchCustomers("echter").count == 1)
        _ = try DemoBuilder.build(at: path, configuration: configuration, replace: true)
        #expect(try CustomerStore.open(path: path, mode: .existingOnly).customerCount() == 10)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy {
                !$0.contains(".partial")
            })
    }
}

@Suite("Seeded random numbers")
struct SeededRandomTests {
    @Test("Gamma and beta samples have the right means")
    func moments() {
        var random = SeededRandom(seed: 1)
        let n = 200_000
        var gammaSum = 0.0
        var smallShapeSum = 0.0
        var betaSum = 0.0
        for _ in 0..<n {
            gammaSum += random.gamma(shape: 1.5, rate: 20)
            smallShapeSum += random.gamma(shape: 0.3, rate: 2)
            betaSum += random.beta(1, 25)
        }
        #expect(abs(gammaSum / Double(n) - 0.075) < 0.002)
        #expect(abs(smallShapeSum / Double(n) - 0.15) < 0.004)
        #expect(abs(betaSum / Double(n) - 1.0 / 26.0) < 0.001)
    }

    @Test("Streams are reproducible and independent")
    func streams() {
        var a = SeededRandom(seed: 9, stream: 1)
        var b = SeededRandom(seed: 9, stream: 1)
        var c = SeededRandom(seed: 9, stream: 2)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
    }

    @Test("Email addresses are plain ASCII")
    func asciiEmail() {
        #expect(DemoGenerator.ascii("Jürgen") == "juergen")
        #expect(DemoGenerator.ascii("Łukasz") == "lukasz")
        #expect(DemoGenerator.ascii("Yılmaz") == "yilmaz")
        #expect(DemoGenerator.ascii("Lefèvre") == "lefevre")
        #expect(DemoGenerator.ascii("Groß") == "gross")
    }
}
