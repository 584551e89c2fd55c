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
