import Foundation
import Testing

@testable import CustomerStore

/// The write pass takes the rows sorted by customer from a temporary database (ImportScratch);
/// these pin that the store gets the same rows as the file says, in batches far smaller than
/// the file, and that the temporary file never outlives its connection.
@Suite("Import: rows written sorted by customer")
struct ImportSortedTests {
    /// A fixture with customers K-1...K-6 (K-1 from `ImportFixture`).
    static func fixture() throws -> ImportFixture {
        let fixture = try ImportFixture()
        for index in 2...6 {
            try fixture.store.insert(
                CustomerRecord(id: 0, externalID: "K-\(index)", name: "Kunde \(index)", createdAt: 0))
        }
        return fixture
    }

    /// Orders in time order with the customers interleaved (as a shop's export is), some with an
    /// order number and a category; returns the file and the rows as the store should hold them.
    static func interleavedOrders(_ count: Int) -> (text: String, expected: [String]) {
        var text = "customer_id,date,amount,currency,category,order_no\n"
        var expected: [String] = []
        for index in 0..<count {
            let customer = "K-\(index * 5 % 6 + 1)"
            let day = index % 28 + 1
            let minute = index % 60
            let cents = 100 + index * 37 % 9_000
            // The store keeps euros only; "€" and "eur" are written as EUR.
            let currency = index % 7 == 0 ? "€" : index % 5 == 0 ? "eur" : "EUR"
            let category = index % 3 == 0 ? "Ersatzteile" : ""
            let number = index % 4 == 0 ? "N-\(index)" : ""
            let dayText = day < 10 ? "0\(day)" : "\(day)"
            let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
            text +=
                "\(customer),2025-03-\(dayText)T10:\(minuteText):00Z,\(cents / 100).\(cents % 100 < 10 ? "0" : "")"
            text += "\(cents % 100),\(currency),\(category),\(number)\n"
            let time = 1_740_787_200 + Int64(day - 1) * 86_400 + 36_000 + Int64(minute) * 60
            expected.append("\(customer)|\(time)|\(cents)|EUR|\(category)|\(number)")
        }
        return (text, expected.sorted())
    }

    static let storedOrders = """
        SELECT c.external_id || '|' || o.ordered_at || '|' || o.amount_minor || '|' || o.currency || '|'
            || ifnull(o.category, '') || '|' || ifnull(o.external_ref, '')
        FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY 1
        """

    @Test("Rows out of customer order, over many small batches, are stored exactly as in the file")
    func interleaved() throws {
        let fixture = try Self.fixture()
        let file = Self.interleavedOrders(301)
        let summary = try fixture.run(.orders, Array(file.text.utf8)) {
            $0.batchSize = 7
            $0.sortRunRows = 10
        }
        #expect((summary.rowsRead, summary.inserted, summary.duplicates) == (301, 301, 0))
        #expect(summary.timings.batches > 301 / 28)
        #expect(try fixture.strings(Self.storedOrders) == file.expected)
        // Each customer's rows went in together and in the file's order.
        let customers = try fixture.ints("SELECT customer_id FROM orders ORDER BY id")
        #expect(customers == customers.sorted())
        let again = try fixture.run(.orders, Array(file.text.utf8)) { $0.batchSize = 7 }
        #expect((again.inserted, again.duplicates) == (0, 301))
        #expect(try fixture.count("orders") == 301)
    }

    @Test("A row repeated in the file is stored once, and counted once by a dry run")
    func repeatedRows() throws {
        let fixture = try Self.fixture()
        // K-1's first order comes back at the end, far from its first line, among other rows;
        // N-2 comes back with another amount: the first occurrence wins, and the second is a
        // conflict (reported), not a duplicate.
        var text = "customer_id,date,amount,order_no\nK-1,2025-01-01,5.00,\nK-2,2025-01-02,6.00,N-2\n"
        for index in 3...6 { text += "K-\(index),2025-01-0\(index),1.00,\nK-1,2025-01-1\(index),2.00,\n" }
        text += "K-1,2025-01-01,5.00,\nK-2,2025-01-03,9.99,N-2\n"
        let dry = try fixture.run(.orders, Array(text.utf8)) {
            $0.batchSize = 2
            $0.sortRunRows = 3
            $0.dryRun = true
        }
        #expect((dry.rowsRead, dry.inserted, dry.duplicates, dry.conflictCount) == (12, 10, 1, 1))
        #expect(dry.conflicts.map(\.line) == [13])
        #expect(try fixture.count("orders") == 0)
        let real = try fixture.run(.orders, Array(text.utf8)) { $0.batchSize = 2 }
        #expect(
            (real.inserted, real.duplicates, real.conflicts) == (dry.inserted, dry.duplicates, dry.conflicts))
        #expect(try fixture.count("orders") == 10)
        #expect(
            try fixture.strings("SELECT amount_minor FROM orders WHERE external_ref = 'N-2'") == ["600"])
        let again = try fixture.run(.orders, Array(text.utf8)) { $0.batchSize = 2 }
        #expect((again.inserted, again.duplicates, again.conflictCount) == (0, 11, 1))
        #expect(try fixture.count("orders") == 10)
    }

    @Test("A dry run with --create-missing counts a new customer once, however many batches it spans")
    func dryRunCreatesOnce() throws {
        let fixture = try ImportFixture()
        let text = "customer_id,date,amount\nNEU-1,2025-01-01,5\nNEU-2,2025-01-02,5\nNEU-1,2025-01-03,5\n"
        let dry = try fixture.run(.orders, Array(text.utf8)) {
            $0.batchSize = 1
            $0.dryRun = true
            $0.createMissingCustomers = true
        }
        #expect((dry.inserted, dry.customersCreated) == (3, 2))
        #expect(try fixture.count("customers") == 1)
        let real = try fixture.run(.orders, Array(text.utf8)) {
            $0.batchSize = 1
            $0.createMissingCustomers = true
        }
        #expect((real.inserted, real.customersCreated) == (3, 2))
    }

    @Test("A bad last row still stops the whole import: nothing is written")
    func badLastRow() throws {
        let fixture = try Self.fixture()
        let file = Self.interleavedOrders(120)
        let text = file.text + "K-2,2025-13-01,5.00,EUR,,\n"
        #expect(throws: ImportError.self) {
            try fixture.run(.orders, Array(text.utf8)) { $0.batchSize = 7 }
        }
        let (error, issues) = fixture.issues(.orders, Array(text.utf8))
        #expect(error != nil)
        #expect(issues.first?.hasPrefix("in.csv:122:2: not a date") == true)
        #expect(try fixture.count("orders") == 0)
    }

    @Test("The temporary database's file is unlinked while in use and closed afterwards")
    func scratchFileUnlinked() throws {
        let scratch = try ImportScratch(columns: 2, kept: [0, 1], cacheKiB: 64)
        let filler = String(repeating: "x", count: 200)
        for line in 2..<5_000 {
            let record = CSVRecord(line: line, fields: ["K-\(line % 97)", filler])
            try scratch.append(customerKey: Int64(line % 97), customer: "K-\(line % 97)", record: record)
        }
        try scratch.startSortedRead()
        let first = try scratch.next()
        #expect(first?.fields == ["K-0", filler])
        // SQLite names its temporary files etilqs_*; they must exist only as deleted files.
        let open = Self.openTemporaryFiles()
        #expect(!open.isEmpty, "the 1 MB of rows should have spilled to a file with a 64 KiB cache")
        #expect(open.allSatisfy { $0.hasSuffix("(deleted)") }, "\(open)")
        // It holds customer data: private to this user (the inode, reached through the descriptor).
        for descriptor in Self.openTemporaryDescriptors() {
            // Other tests' imports run alongside: skip a descriptor closed or reused meanwhile.
            var info = stat()
            guard fstat(Int32(descriptor) ?? -1, &info) == 0,
                let target = try? FileManager.default.destinationOfSymbolicLink(
                    atPath: "/proc/self/fd/\(descriptor)"),
                target.contains("etilqs_")
            else { continue }
            #expect(info.st_mode & 0o777 == 0o600, "\(target)")
        }
        scratch.close()
        #expect(Set(Self.openTemporaryFiles()).isDisjoint(with: open))
    }

    @Test("Rows come back by customer key, then external id, then line; fields survive the round trip")
    func scratchOrder() throws {
        let scratch = try ImportScratch(columns: 3, kept: [0, 2], runRows: 2)
        let rows: [(Int64?, String, Int, [String])] = [
            (2, "B", 5, ["B", "weg", "ä\n\"x\""]), (nil, "Z", 2, ["Z", "weg", ""]),
            (1, "A", 9, ["A", "", "2"]),
            (2, "B", 3, ["B", "weg", String(repeating: "€", count: 300)]), (nil, "Y", 4, ["Y", "", "y"]),
        ]
        for (key, customer, line, fields) in rows {
            try scratch.append(
                customerKey: key, customer: customer, record: CSVRecord(line: line, fields: fields))
        }
        try scratch.startSortedRead()
        var read: [CSVRecord] = []
        while let record = try scratch.next() { read.append(record) }
        #expect(scratch.runs == 3)
        #expect(read.map(\.line) == [4, 2, 9, 3, 5])
        #expect(read[3].fields == ["B", "", String(repeating: "€", count: 300)])
        #expect(read[4].fields == ["B", "", "ä\n\"x\""])
    }

    @Test("A customer deleted between the check and the write stops the batch, which leaves nothing")
    func customerDeletedBeforeTheWrite() throws {
        let fixture = try Self.fixture()
        // K-2's row comes after K-1's in the batch; K-9 stands for a customer someone erased
        // after the check pass had found it.
        let rows: [ImportRow] = [("K-1", 2), ("K-2", 3), ("K-9", 4)].map { customer, line in
            ImportRow(
                line: line, customer: customer,
                payload: .order(
                    OrderRecord(id: 0, customerID: 0, orderedAt: 1_740_787_200, amountMinor: 1_000)))
        }
        var summary = ImportSummary()
        #expect {
            try fixture.store.writeImportBatch(
                rows[...], kind: .orders, createMissing: false, createdAt: 1_700_000_000, summary: &summary)
        } throws: { error in
            guard case ImportError.customerVanished(_, 4, "K-9") = error else { return false }
            return true
        }
        #expect(try fixture.strings(Self.storedOrders) == [])
        let message = ImportError.customerVanished(file: "in.csv", line: 4, customer: "K-9").description
        #expect(message.hasPrefix("in.csv:4: the customer K-9 was deleted while importing"))
        #expect(message.contains("import the file again"))
    }

    /// This process's open file descriptors that are SQLite temporary files.
    static func openTemporaryDescriptors() -> [String] {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.filter { descriptor in
            let target = try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/self/fd/\(descriptor)")
            return target?.contains("etilqs_") == true
        }
    }

    /// The targets of this process's open file descriptors that are SQLite temporary files.
    static func openTemporaryFiles() -> [String] {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.compactMap { descriptor in
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")
        }.filter { $0.contains("etilqs_") }
    }
}
