import Foundation
import Scoring
import Testing

@testable import CustomerStore

@Suite("Import: upserts, natural keys, rejects and round trips")
struct ImportUpsertTests {
    static let customers = """
        Kundennummer;Name;Firma;E-Mail;Telefon;Straße;PLZ;Ort;Land;Geburtstag;Newsletter
        K-2;Anna Schmidt;;anna@example.de; +49 30 123 ;Hauptstr. 1;10115;Berlin;Deutschland;01.02.1980;ja
        K-3;Bernd Ölmann;Öl AG;;;;;;DE;;nein

        """

    @Test("The same customers file twice changes nothing; a changed row updates only the file's columns")
    func customersUpsert() throws {
        let fixture = try ImportFixture()
        let first = try fixture.run(.customers, Array(Self.customers.utf8))
        #expect((first.inserted, first.updated) == (2, 0))
        let again = try fixture.run(.customers, Array(Self.customers.utf8))
        #expect((again.inserted, again.updated, again.duplicates) == (0, 0, 2))
        #expect(
            try fixture.strings(
                "SELECT phone || country || birthday || consent_email FROM customers WHERE external_id = 'K-2'"
            )
                == ["+49 30 123DE1980-02-011"])
        try fixture.run(.customers, Array("customer_id,city\nK-2,Potsdam\nK-1,Köln\n".utf8))
        #expect(
            try fixture.strings("SELECT name || '|' || ifnull(city, '') FROM customers ORDER BY external_id")
                == ["Jürgen Müller|Köln", "Anna Schmidt|Potsdam", "Bernd Ölmann|"])
    }

    @Test(
        "The relationship words the German detail shows import back: beziehungsorientiert, transaktionsorientiert"
    )
    func germanRelationshipWords() throws {
        let fixture = try ImportFixture()
        try fixture.run(
            .customers,
            Array(
                ("Kundennummer;Name;Beziehung\nK-1;Eva Roth;beziehungsorientiert\n"
                    + "K-2;Max Kern;Transaktionsorientiert\nK-3;Ida Lenz;transaktional\n").utf8))
        let stored = "SELECT relationship_type FROM customers ORDER BY external_id"
        #expect(try fixture.strings(stored) == ["relationship", "transactional", "transactional"])
    }

    @Test("An empty cell never overwrites: a sparse export or a repeated row keeps the stored values")
    func emptyCellsKeep() throws {
        let fixture = try ImportFixture()
        try fixture.run(
            .customers,
            Array(
                "customer_id,name,company,email,relationship_type\nK-7,Eva Roth,Roth GmbH,eva@roth.de,Beziehung\n"
                    .utf8))
        let sparse = try fixture.run(
            .customers,
            Array("customer_id,name,company,email,relationship_type\nK-7,Eva Roth,Roth AG,,\n".utf8))
        #expect((sparse.inserted, sparse.updated) == (0, 1))
        let stored = """
            SELECT company || '|' || ifnull(email, '-') || '|' || relationship_type FROM customers
            WHERE external_id = 'K-7'
            """
        #expect(try fixture.strings(stored) == ["Roth AG|eva@roth.de|relationship"])
        // The same customer twice in one file, the later row sparse: nothing is blanked.
        try fixture.run(
            .customers,
            Array(
                "customer_id,name,company,email\nK-8,Max Kern,Kern KG,max@kern.de\nK-8,Max Kern,,\n".utf8))
        #expect(
            try fixture.strings("SELECT company || '|' || email FROM customers WHERE external_id = 'K-8'")
                == ["Kern KG|max@kern.de"])
        // Contracts likewise: an empty end date keeps the stored one.
        let contract = "customer_id,product,starts_on,ends_on\nK-1,Wartung,2025-01-01,2025-12-31\n"
        try fixture.run(.contracts, Array(contract.utf8))
        try fixture.run(
            .contracts, Array("customer_id,product,starts_on,ends_on\nK-1,Wartung,2025-01-01,\n".utf8))
        #expect(try fixture.strings("SELECT ends_on FROM contracts") == ["2025-12-31"])
        // A name is still required: an empty one is a problem, nothing changes.
        let (error, _) = fixture.issues(.customers, Array("customer_id,name\nK-7,\n".utf8))
        #expect(error != nil)
        #expect(try fixture.strings("SELECT name FROM customers WHERE external_id = 'K-7'") == ["Eva Roth"])
    }

    @Test("Orders, interactions and feedback are never duplicated on re-import")
    func eventsOnce() throws {
        let fixture = try ImportFixture()
        let orders =
            "customer_id,date,amount,order_no\nK-1,2025-01-01,5,A1\nK-1,2025-01-01,5,A2\nK-1,2025-01-02,7,\n"
        let touch = "customer_id,date,channel,kind,note\nK-1,2025-01-01 10:00,email,service,Hallo\n"
        let answers = "customer_id,date,metric,score\nK-1,2025-01-05,ces,6\n"
        let contracts =
            "customer_id,product,starts_on,ends_on,status\nK-1,Wartung,2025-01-01,2025-12-31,aktiv\n"
        for _ in 0..<2 {
            try fixture.run(.orders, Array(orders.utf8))
            try fixture.run(.interactions, Array(touch.utf8))
            try fixture.run(.feedback, Array(answers.utf8))
            try fixture.run(.contracts, Array(contracts.utf8))
        }
        #expect(try fixture.count("orders") == 3)
        #expect(try fixture.count("interactions") == 1)
        #expect(try fixture.count("feedback") == 1)
        #expect(try fixture.count("contracts") == 1)
        let cancelled = try fixture.run(
            .contracts, Array("customer_id,product,starts_on,status\nK-1,Wartung,2025-01-01,gekündigt\n".utf8)
        )
        #expect(cancelled.updated == 1)
        #expect(try fixture.strings("SELECT status || ends_on FROM contracts") == ["cancelled2025-12-31"])
    }

    @Test("--skip-bad-rows imports the good rows and writes the bad ones, private, with line and reason")
    func skipBadRows() throws {
        let fixture = try ImportFixture()
        let rejects = fixture.folder.file("rejects.csv")
        let file =
            "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,kaputt,5\nNOPE,2025-01-02,5\nK-1,2025-01-03,6\n"
        let summary = try fixture.run(.orders, Array(file.utf8)) { $0.rejectsPath = rejects }
        #expect((summary.inserted, summary.rejected) == (2, 2))
        #expect(posixMode(rejects) == 0o600)
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "customer_id,date,amount,line,reason")
        #expect(lines[1].hasPrefix("K-1,kaputt,5,3,\"column 2: not a date"))
        #expect(lines[2].hasPrefix("NOPE,2025-01-02,5,4,column 1: no customer with this id"))
    }

    @Test("A dry run validates and counts, and writes nothing")
    func dryRun() throws {
        let fixture = try ImportFixture()
        let summary = try fixture.run(.customers, Array(Self.customers.utf8)) { $0.dryRun = true }
        #expect(summary.inserted == 2)
        #expect(try fixture.count("customers") == 1)
    }

    @Test("A dry run tells rows it would insert from rows it would update or leave alone")
    func dryRunInsertedVersusUpdated() throws {
        let fixture = try ImportFixture()
        try fixture.run(.customers, Array(Self.customers.utf8))
        let file = "customer_id,city\nK-2,Potsdam\nK-3,\nK-9,Bonn\n"
        let summary = try fixture.run(.customers, Array(file.utf8)) { $0.dryRun = true }
        #expect((summary.inserted, summary.updated, summary.duplicates) == (1, 1, 1))
        #expect(
            try fixture.strings("SELECT ifnull(city, '-') FROM customers ORDER BY external_id") == [
                "-", "Berlin", "-",
            ])
        let orders = "customer_id,date,amount\nK-1,2025-01-01,5\nNEU,2025-01-02,7\n"
        try fixture.run(.orders, Array("customer_id,date,amount\nK-1,2025-01-01,5\n".utf8))
        let counted = try fixture.run(.orders, Array(orders.utf8)) {
            $0.dryRun = true
            $0.createMissingCustomers = true
        }
        #expect((counted.inserted, counted.duplicates, counted.customersCreated) == (1, 1, 1))
        #expect(try fixture.count("orders") == 1)
        #expect(try fixture.count("customers") == 3)
    }

    @Test("A rejects file that cannot be created or written stops the import with nothing imported")
    func rejectsUnwritable() throws {
        let fixture = try ImportFixture()
        let file = "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,kaputt,5\nK-1,2025-01-03,6\n"
        let missingFolder = fixture.folder.file("no-such-folder/rejects.csv")
        #expect(
            throws: ImportError.rejectsUnwritable(file: missingFolder, reason: "No such file or directory")
        ) {
            try fixture.run(.orders, Array(file.utf8)) { $0.rejectsPath = missingFolder }
        }
        // /dev/full accepts the open and fails every write with ENOSPC: a full disk.
        #expect(throws: ImportError.rejectsUnwritable(file: "/dev/full", reason: "No space left on device")) {
            try fixture.run(.orders, Array(file.utf8)) { $0.rejectsPath = "/dev/full" }
        }
        #expect(try fixture.count("orders") == 0)
        let message = ImportError.rejectsUnwritable(file: "/dev/full", reason: "No space left on device")
            .description
        #expect(message.contains("Nothing was imported"))
    }

    @Test("Customers written with CSVWriter come back the same")
    func roundTrip() throws {
        let fixture = try ImportFixture()
        let writer = CSVWriter(delimiter: ";")
        var text = writer.line(["customer_id", "name", "company", "email", "city", "tags", "birthday"])
        let people: [[String]] = [
            [
                "R-1", "Zoë \"Z\" Åberg", "A; B & Co", "zoe@example.org", "Malmö", "vip|newsletter",
                "1990-07-04",
            ],
            ["R-2", "Ивan 李", "", "", "Zürich", "", ""],
            ["R-3", "Émile Noël", "Line, with comma", "e@x.fr", "Lyon", "b2b", "2001-01-31"],
        ]
        for person in people { text += writer.line(person) }
        try fixture.run(.customers, Array(text.utf8))
        let back = try fixture.strings(
            """
            SELECT external_id || '/' || name || '/' || ifnull(company, '') || '/' || ifnull(email, '') || '/'
                || city || '/' || tags || '/' || ifnull(birthday, '')
            FROM customers WHERE external_id LIKE 'R-%' ORDER BY external_id
            """)
        #expect(
            back == [
                "R-1/Zoë \"Z\" Åberg/A; B & Co/zoe@example.org/Malmö/[\"vip\",\"newsletter\"]/1990-07-04",
                "R-2/Ивan 李///Zürich/[]/", "R-3/Émile Noël/Line, with comma/e@x.fr/Lyon/[\"b2b\"]/2001-01-31",
            ])
    }

    @Test("Decomposed text is stored as NFC")
    func nfc() throws {
        let fixture = try ImportFixture()
        try fixture.run(.customers, Array("customer_id,name\nN-1,Mu\u{0308}ller\n".utf8))
        #expect(
            try fixture.strings("SELECT name FROM customers WHERE external_id = 'N-1'") == ["M\u{00FC}ller"])
    }
}

@Suite("Import: random bytes")
struct ImportFuzzTests {
    @Test("Random and mutated files never crash and write nothing unless the whole file is valid")
    func randomBytes() throws {
        var generator = SplitMix(seed: 0xC11E_17E1)
        let valid = Array("customer_id;date;amount\nK-1;2025-01-01;5\nK-1;02.01.2025;1.234,50\n".utf8)
        let alphabet =
            Array("K-1;,\"\n\r\t0123456789.:-€äß ".utf8) + [0x00, 0x80, 0x81, 0xC3, 0xFF, 0xFE, 0xEF]
        for iteration in 0..<300 {
            let fixture = try ImportFixture()
            var bytes = valid
            for _ in 0..<Int(generator.next() % 6) {
                let position = Int(generator.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                if generator.next() % 2 == 0 && position < bytes.count {
                    bytes[position] = byte
                } else {
                    bytes.insert(byte, at: position)
                }
            }
            if iteration % 5 == 0 {
                bytes = (0..<Int(generator.next() % 200)).map { _ in
                    UInt8(truncatingIfNeeded: generator.next())
                }
            }
            let before = try fixture.count("orders")
            do {
                let summary = try fixture.run(.orders, bytes)
                #expect(try fixture.count("orders") == before + summary.inserted, "input: \(bytes)")
            } catch is ImportError {
                #expect(try fixture.count("orders") == before, "input: \(bytes)")
                #expect(try fixture.count("customers") == 1, "input: \(bytes)")
            }
        }
    }
}

/// A small seeded generator so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
