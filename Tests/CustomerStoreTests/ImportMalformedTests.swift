import Foundation
import Testing

@testable import CustomerStore

@Suite("Import: malformed files are reported at their line and write nothing")
struct ImportMalformedTests {
    @Test(
        "Each fault at the right line and column",
        arguments: [
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,\"2025-01-02,5\nK-1,2025-01-03,5\n",
                "in.csv:3:2: a quoted field is never closed"
            ),
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,2025-01-02\n",
                "in.csv:3:1: expected 3 columns, found 2"
            ),
            ("customer_id,date,amount\nK-1,2025-01-01,5\nK-1,2025-02-30,5\n", "in.csv:3:2: not a date"),
            // A stray quote in the first rows used to lose the header with it ("no header line").
            (
                "customer_id,date,amount\nK-1,2025-01-01,1\"0\n",
                "in.csv:2:3: a quote inside an unquoted field"
            ),
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,2025-01-02,1\"0\n",
                "in.csv:3:3: a quote inside an unquoted field"
            ),
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\nK-1,2025-01-02,12.3456\n",
                "in.csv:3:3: more than two decimals"
            ),
            (
                "customer_id,date,amount\n\"multi\nline\",2025-01-01,5\nK-1,2025-01-02,x\n",
                "in.csv:4:3: not an amount"
            ),
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\nK-\u{0}1,2025-01-02,5\n",
                "in.csv:3:1: contains a NUL byte"
            ),
            (
                "customer_id,date,amount\nK-1,2025-01-01,5\n\(String(repeating: "k", count: 201)),2025-01-02,5\n",
                "in.csv:3:1: longer than 200 characters"
            ),
        ])
    func located(file: String, expected: String) throws {
        let fixture = try ImportFixture()
        let (error, issues) = fixture.issues(.orders, Array(file.utf8), createMissing: true)
        #expect(error != nil)
        #expect(issues.contains { $0.hasPrefix(expected) }, "\(issues)")
        #expect(try fixture.count("orders") == 0)
        #expect(try fixture.count("customers") == 1)
    }

    @Test("An unknown choice lists every accepted spelling, not the first twelve")
    func knownValuesWhole() throws {
        let fixture = try ImportFixture()
        let file = "customer_id,date,channel,kind\nK-1,2025-01-01,Video,Werbung\n"
        let (_, issues) = fixture.issues(.interactions, Array(file.utf8))
        let channel = try #require(issues.first { $0.contains("not a known channel") })
        #expect(channel.contains("visit") && channel.contains("telefon"), "\(channel)")
        let kind = try #require(issues.first { $0.contains("not a known kind") })
        #expect(kind.contains("sales") && kind.contains("verkauf"), "\(kind)")
    }

    @Test("An over-long note is refused (10,000 characters)")
    func longNote() throws {
        let fixture = try ImportFixture()
        let file =
            "customer_id,date,channel,kind,note\nK-1,2025-01-01,call,sales,\(String(repeating: "n", count: 10_001))\n"
        let (_, issues) = fixture.issues(.interactions, Array(file.utf8))
        #expect(issues.first?.hasPrefix("in.csv:2:5: longer than 10000 characters") == true)
    }

    @Test("An empty file and a header-only file are errors")
    func emptyAndHeaderOnly() throws {
        let fixture = try ImportFixture()
        #expect(throws: ImportError.emptyFile(file: "in.csv")) { try fixture.run(.orders, []) }
        #expect(throws: ImportError.emptyFile(file: "in.csv")) {
            try fixture.run(.orders, [0xEF, 0xBB, 0xBF, 10, 10])
        }
        #expect(throws: ImportError.noRows(file: "in.csv", line: 2)) {
            try fixture.run(.orders, Array("customer_id,date,amount\r\n\r\n".utf8))
        }
    }

    @Test("Values echoed in messages never carry control characters")
    func neutralised() {
        let issue = ImportIssue(
            file: "f", line: 1, column: 1, message: "m", value: "\u{1B}[31m\u{9B}\u{202E}x")
        #expect(
            !issue.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        )
        #expect(!issue.description.contains("\u{202E}"))
    }

    @Test("First 50 problems are shown, all are counted")
    func manyProblems() throws {
        let fixture = try ImportFixture()
        let rows = (0..<120).map { _ in "K-1,nodate,5" }.joined(separator: "\n")
        do {
            try fixture.run(.orders, Array("customer_id,date,amount\n\(rows)\n".utf8))
            Issue.record("no error")
        } catch ImportError.invalidRows(let issues, let total) {
            #expect(issues.count == 50)
            #expect(total == 120)
            #expect(issues.first?.line == 2)
        }
    }

    @Test("Chunk boundaries do not move line numbers or split characters")
    func chunked() throws {
        let fixture = try ImportFixture()
        var text = "customer_id;name;city\r\n"
        for index in 0..<3_000 { text += "C-\(index);\"Müller\r\n\(index)\";Köln\r\n" }
        text += "C-x;\"bad\u{0}\";Köln\r\n"
        var options = ImportOptions(kind: .customers, fileName: "in.csv", createdAt: 0)
        let bytes = utf16(text, bigEndian: false)
        for chunk in [1, 7, 4096] {
            var stream = try RecordStream(
                source: .bytes(bytes), encoding: nil, delimiter: nil, chunkSize: chunk)
            var last: CSVRecord?
            var count = 0
            while let batch = try stream.next() {
                count += batch.count
                last = batch.last ?? last
            }
            #expect(count == 3_002)
            #expect(last?.line == 6_002)
            #expect(last?.fields == ["C-x", "bad\u{0}", "Köln"])
        }
        options.dryRun = true
        #expect(throws: ImportError.self) {
            try Importer(options: options).run(.bytes(bytes), into: fixture.store)
        }
    }
}
