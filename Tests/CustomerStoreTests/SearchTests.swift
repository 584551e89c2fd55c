import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("Full-text search, accent- and case-insensitive")
struct SearchTests {
    let folder: TemporaryFolder
    let store: CustomerStore

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("s.sqlite"))
        let people: [(String, String?, String?, String?)] = [
            ("Jürgen Müller", "Bäckerei Schäfer GmbH", "j.mueller@example.de", "Köln"),
            ("Ayşe Yılmaz", nil, "ayse@example.de", "Zürich"),
            ("山田太郎", "東京精密商事", nil, "München"),
            ("Renée Lefèvre", nil, "renee@example.fr", "Wien"),
        ]
        for (index, person) in people.enumerated() {
            try store.insert(
                CustomerRecord(
                    id: Int64(index + 1), name: person.0, company: person.1, email: person.2, city: person.3,
                    createdAt: 0))
        }
        try store.insert(
            InteractionRecord(
                id: 0, customerID: 4, occurredAt: 0, channel: .call, direction: .outbound, kind: .sales,
                note: "Grüße aus Köln — Angebot für die Kaffeemaschine"))
    }

    private func names(_ query: String) throws -> [String] {
        try store.searchCustomers(query).map(\.name)
    }

    @Test("Unaccented queries find accented names, companies and cities")
    func accentInsensitive() throws {
        #expect(try names("muller") == ["Jürgen Müller"])
        #expect(try names("MÜLL") == ["Jürgen Müller"])
        #expect(try names("schafer") == ["Jürgen Müller"])
        #expect(try names("zurich") == ["Ayşe Yılmaz"])
        #expect(try names("lefevre") == ["Renée Lefèvre"])
    }

    @Test("Notes of touchpoints are searched too")
    func notes() throws {
        #expect(try names("kaffeemaschine") == ["Renée Lefèvre"])
        // Diacritics fold ("grüße" → "gruße"); ß is a letter of its own to FTS5, not "ss".
        #expect(try names("gruße") == ["Renée Lefèvre"])
        #expect(Set(try names("koln")) == ["Jürgen Müller", "Renée Lefèvre"])
    }

    @Test("Every word must match; CJK names are found whole")
    func wordsAndScripts() throws {
        #expect(try names("jurgen koln") == ["Jürgen Müller"])
        #expect(try names("jurgen wien") == [])
        #expect(try names("山田太郎") == ["山田太郎"])
    }

    @Test(
        "FTS syntax typed by a person is just text, never an error",
        arguments: [
            "\"", "muller\"", "AND", "OR NOT", "(", "*", "müller*", "a:b", "NEAR(", "-", "   ", "",
        ])
    func hostileQueries(query: String) throws {
        _ = try store.searchCustomers(query)
    }

    @Test("Renaming a customer updates the index")
    func indexFollowsUpdates() throws {
        try store.write { db in try db.execute(sql: "UPDATE customers SET name = 'Jörg Groß' WHERE id = 1") }
        #expect(try names("muller") == [])
        #expect(try names("jorg") == ["Jörg Groß"])
    }
}

@Suite("Name sort keys")
struct SortKeyTests {
    @Test func foldsCaseAccentsAndEszett() {
        #expect(RecordSQL.sortKey("Özdemir") == "ozdemir")
        #expect(RecordSQL.sortKey("  Groß ") == "gross")
        #expect(RecordSQL.sortKey("Renée") == "renee")
    }
}

@Suite("Score JSON written by hand reads back through Codable")
struct ScoreJSONTests {
    @Test("Every reason kind, actions and bindings round-trip")
    func roundTrip() throws {
        let reasons: [WeightedReason] = [
            .init(reason: .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30), weight: 0.55),
            .init(reason: .noRecentOrder(daysSinceLastOrder: 200), weight: 0.2),
            .init(reason: .likelyInactive(percentAlive: 12), weight: 0.88),
            .init(reason: .detractor(score: 4, daysAgo: 12, type: .transactional), weight: 0.3),
            .init(reason: .passive(score: 7, daysAgo: 40, type: .relational), weight: 0.07),
            .init(reason: .openComplaints(count: 2, oldestDays: 20), weight: 0.55),
            .init(reason: .contractCancelled(daysToEnd: 20), weight: 0.8),
            .init(
                reason: .contractEnding(daysToEnd: 41, daysToNoticeDeadline: 11, emotionalBinding: .weak),
                weight: 0.3),
            .init(reason: .lockInOnly(strongest: .technical), weight: 0.1),
            .init(reason: .contactGap(daysSinceTouch: 120, usualGapDays: 30), weight: 0.15),
            .init(reason: .negativeSentiment(negative: 2, of: 3), weight: 0.15),
            .init(reason: .lowSatisfaction(score: 1, daysAgo: 3), weight: 0.15),
            .init(reason: .highEffort(score: 2, daysAgo: 3), weight: 0.1),
        ]
        let decoded = try JSONDecoder().decode(
            [WeightedReason].self, from: Data(ScoreJSON.reasons(reasons).utf8))
        #expect(decoded == reasons)

        let actions = [
            SuggestedAction(
                kind: .callBackDetractor, ruleID: "call \"back\"", due: CalendarDay(iso: "2025-03-14")!,
                priority: 90,
                channel: .call, detail: 4),
            SuggestedAction(
                kind: .relationalSurvey, ruleID: "nps", due: CalendarDay(iso: "2025-04-01")!, priority: 20),
        ]
        #expect(
            try JSONDecoder().decode([SuggestedAction].self, from: Data(ScoreJSON.actions(actions).utf8))
                == actions)

        let bindings = BindingSignals(
            contractual: .strong, economic: .none, technical: .weak, situational: .medium, emotional: .none)
        #expect(
            try JSONDecoder().decode(BindingSignals.self, from: Data(ScoreJSON.bindings(bindings).utf8))
                == bindings)
    }

    /// The writer's fast paths (plain ASCII copied, dates formatted digit by digit) against the
    /// general ones they stand in for.
    @Test("Rule ids that need escaping and due dates of any year encode as the general paths do")
    func fastPathsMatchGeneralPaths() throws {
        for ruleID in [
            "plain-rule_1", "quote\"", "back\\slash", "line\nbreak", "Grüße", "tab\t", "\u{202E}rtl",
        ] {
            let action = SuggestedAction(
                kind: .relationalSurvey, ruleID: ruleID, due: CalendarDay(iso: "2025-04-01")!, priority: 20)
            let json = ScoreJSON.actions([action])
            #expect(json.contains("\"ruleID\":" + JSONText.quoted(ruleID) + ","), "\(json)")
            #expect(try JSONDecoder().decode([SuggestedAction].self, from: Data(json.utf8)) == [action])
        }
        for days in [-800_000, -719_528, -1, 0, 1, 20_000, 2_932_896, 2_932_897, 3_000_000] {
            let day = CalendarDay(daysSinceEpoch: days)
            #expect(ScoreJSON.isoDay(day) == day.iso, "\(days)")
        }
        for days in stride(from: -719_528, through: 2_932_896, by: 997) {
            let day = CalendarDay(daysSinceEpoch: days)
            #expect(ScoreJSON.isoDay(day) == day.iso, "\(days)")
        }
    }
}

@Suite("Facts for the model")
struct ScoringFactsTests {
    /// The fact walk reads stored dates from their bytes; it must accept and reject exactly
    /// what `CalendarDay(iso:)` does.
    @Test("Dates read from column bytes parse as CalendarDay(iso:) parses them")
    func columnDatesMatchISOParser() throws {
        let texts = [
            "2025-03-14", "2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "2025-13-01", "2025-00-10",
            "+202-01-01", "2025-3-14", "2025-03-1x", "2025/03/14", "20250314", "2025-03-14 ", "",
            "２０２５-03-14",
        ]
        let queue = try DatabaseQueue()
        try queue.read { db in
            for text in texts {
                let walk = try RawWalk(
                    db, sql: "SELECT 0, '\(text.replacingOccurrences(of: "'", with: "''"))'",
                    window: FactWindow(asOf: CalendarDay(daysSinceEpoch: 0)))
                #expect(walk.hasRow)
                #expect(walk.day(1) == CalendarDay(iso: text), "\(text)")
            }
        }
    }

    @Test("Loyalty programme tags are recognised case-insensitively; other tags are not")
    func loyaltyTags() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("f.sqlite"))
        try store.insert(
            CustomerRecord(id: 1, name: "Mitglied", tags: ["VIP", "BONUSPROGRAMM"], createdAt: 0))
        try store.insert(CustomerRecord(id: 2, name: "Kein Mitglied", tags: ["Newsletter"], createdAt: 0))
        let day = CalendarDay(iso: "2025-06-30")!
        let input = try store.scoringInput(asOf: day, unit: .weeks)
        #expect(input.facts.map(\.loyaltyMember) == [true, false])
        #expect(try store.scoringInput(customerID: 1, asOf: day, unit: .weeks).facts.loyaltyMember)
    }

    @Test("The byte check of loyalty tags agrees with SQLite's json_each on awkward tags")
    func loyaltyTagsAgreeWithSQLite() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("t.sqlite"))
        let tagLists: [[String]] = [
            [], ["loyalty"], ["Loyalty-Programme"], ["Schloyalty"], ["loyalty "], ["Bonus\"programm"],
            ["Treue\\programm"], ["x\"loyalty"], ["x", "TREUEPROGRAMM"], ["Lóyalty"],
            ["Ünterwegs", "loyalty"],
            ["bonusprogramm\n"], ["[loyalty]"], ["{\"loyalty\"}"],
        ]
        for (index, tags) in tagLists.enumerated() {
            try store.insert(
                CustomerRecord(id: Int64(index + 1), name: "K\(index)", tags: tags, createdAt: 0))
        }
        let inList = loyaltyProgrammeTags.map { "'\($0)'" }.joined(separator: ", ")
        let expected = try DatabaseQueue(path: store.path).read { db in
            try Bool.fetchAll(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM json_each(customers.tags)
                        WHERE lower(json_each.value) IN (\(inList)))
                    FROM customers ORDER BY id
                    """)
        }
        let input = try store.scoringInput(asOf: CalendarDay(iso: "2025-06-30")!, unit: .weeks)
        #expect(input.facts.map(\.loyaltyMember) == expected)
        #expect(expected.filter { $0 }.count == 4)
    }
}

@Suite("List search by customer number and phone number")
struct NumberSearchTests {
    let folder: TemporaryFolder
    let store: CustomerStore

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("n.sqlite"))
        let people: [(String, String?, String?)] = [
            ("Uwe Schulz", "K-0000100", "+49 341 261311"),
            ("Anna Berg", "K-0000101", "0341 / 26-13-12"),
            ("Jan Wolf", "K-0001000", "+43 (0)316 4876206"),
            ("Eva Roth", "k-abc", "0049 (30) 123 4567"),
            ("Ida Kern", nil, nil),
        ]
        for (index, person) in people.enumerated() {
            try store.insert(
                CustomerRecord(
                    id: Int64(index + 1), externalID: person.1, name: person.0, phone: person.2, createdAt: 0)
            )
        }
    }

    private func names(_ search: String) throws -> Set<String> {
        let query = CustomerListQuery(sort: .name, search: search)
        #expect(
            try store.customerListCount(query)
                == store.customerListPage(query, position: .first, limit: 50).rows.count)
        return Set(try store.customerListPage(query, position: .first, limit: 50).rows.map(\.name))
    }

    @Test("A customer number finds its customer exactly, or every customer it starts")
    func externalID() throws {
        #expect(try names("K-0000100") == ["Uwe Schulz"])
        #expect(try names("k-0000100") == ["Uwe Schulz"], "typed in lower case")
        #expect(try names("K-000010") == ["Uwe Schulz", "Anna Berg"])
        #expect(try names("K-0001") == ["Jan Wolf"])
        #expect(try names("k-abc") == ["Eva Roth"], "an id without digits, exactly")
        #expect(try names("K-1") == [], "no broad prefix with fewer than three digits")
    }

    @Test("A phone number is found however it is written, in the store and in the search")
    func phone() throws {
        #expect(try names("+49 341 261311") == ["Uwe Schulz"])
        #expect(try names("+49341261311") == ["Uwe Schulz"])
        #expect(try names("0341261311") == ["Uwe Schulz"], "national form of an international number")
        #expect(try names("0341 26131") == ["Uwe Schulz", "Anna Berg"], "a prefix")
        #expect(try names("+49 341 26-13-12") == ["Anna Berg"], "international form of a national number")
        #expect(try names("(0341) 261312") == ["Anna Berg"])
        #expect(try names("0316 4876206") == ["Jan Wolf"], "stored with (0)")
        #expect(try names("+43 316 4876206") == ["Jan Wolf"])
        #expect(try names("030 1234567") == ["Eva Roth"], "stored with 00")
        #expect(try names("+49 30 1234567") == ["Eva Roth"])
        #expect(try names("0341") == [], "no broad prefix with fewer than five digits")
        #expect(try names("Uwe") == ["Uwe Schulz"], "names are still found")
    }

    @Test("A phone search reads the digits index, not every customer")
    func phoneUsesIndex() throws {
        let plans = try store.explainCustomerListPage(
            CustomerListQuery(sort: .name, search: "+49 341 261311"), position: .first)
        let text = plans.flatMap { $0 }.joined(separator: " | ")
        #expect(text.contains("customers_by_phone_digits"), "\(text)")
        #expect(text.contains("sqlite_autoindex_customers_1"), "\(text)")
    }
}
