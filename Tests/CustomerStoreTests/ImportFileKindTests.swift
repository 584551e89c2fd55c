import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// A file that is not CSV text is named for what it is (not "a quote inside an unquoted field"),
/// and nothing is imported; CSV text that merely looks odd at the start still reaches the reader.
@Suite("Import: files that are not CSV")
struct ImportFileKindTests {
    /// The first bytes of each kind, as the real files begin.
    static let samples: [(String, [UInt8], ImportFileKind)] = [
        (
            "ELF", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56),
            .executable
        ),
        ("Mach-O", [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01], .executable),
        ("Windows", Array("MZ".utf8) + [0x90, 0x00, 0x03, 0x00, 0x00, 0x00], .executable),
        ("SQLite", Array("SQLite format 3\0".utf8) + [0x10, 0x00, 0x02, 0x02], .sqliteDatabase),
        (
            "xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("[Content_Types].xml xl/workbook.xml".utf8),
            .excelWorkbook
        ),
        ("xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], .excelWorkbook),
        ("zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("orders.csv".utf8), .zipArchive),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], .gzip),
        ("PDF", Array("%PDF-1.7\n%\u{E2}\u{E3}".utf8), .pdf),
        ("JSON array", Array(" \n[\n  {\"customer_id\": \"K-1\", \"amount\": 5}\n]\n".utf8), .json),
        ("JSON lines", Array("{\"customer_id\":\"K-1\"}\n{\"customer_id\":\"K-2\"}\n".utf8), .json),
        ("binary", (0..<512).map { $0 % 3 == 0 ? 0 : UInt8(truncatingIfNeeded: $0 &* 37) }, .binary),
        // UTF-16 LE without a byte-order mark whose first character is not ASCII ("€;…"):
        // the decoder does not recognise it, so it would be read as bytes.
        (
            "UTF-16 no BOM",
            Array("€ustomer_id,date,amount\nK-1,2025-01-01,5\n".utf16).flatMap {
                [UInt8($0 & 0xFF), UInt8($0 >> 8)]
            }, .utf16
        ),
    ]

    @Test("Each kind is named, in English and German, and nothing is imported", arguments: samples.indices)
    func named(index: Int) throws {
        let (name, bytes, kind) = Self.samples[index]
        let fixture = try ImportFixture()
        let (error, lines) = fixture.issues(.orders, bytes)
        #expect(error == .notCSV(file: "in.csv", kind: kind), "\(name): \(lines)")
        #expect(lines.first?.hasPrefix("in.csv ") == true, "\(name): \(lines)")
        #expect(lines.first?.contains("Nothing was imported") == true, "\(name): \(lines)")
        #expect(try fixture.count("orders") == 0)
    }

    @Test("A folder, and a real store file, given by path")
    func folderAndStore() throws {
        let fixture = try ImportFixture()
        let folder = fixture.folder.file("exports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var options = ImportOptions(kind: .orders, fileName: "exports", createdAt: 0)
        #expect(throws: ImportError.notCSV(file: "exports", kind: .folder)) {
            try Importer(options: options).run(.file(folder), into: fixture.store)
        }
        #expect(
            ImportError.notCSV(file: "exports", kind: .folder).description
                == "exports is a folder, not a CSV file. Nothing was imported; give the path of a CSV file in it."
        )
        options.fileName = "import.sqlite"
        #expect(throws: ImportError.notCSV(file: "import.sqlite", kind: .sqliteDatabase)) {
            try Importer(options: options).run(
                .file(fixture.folder.file("import.sqlite")), into: fixture.store)
        }
        #expect(try fixture.count("orders") == 0)
    }

    @Test("CSV text is left to the reader: UTF-16 with a BOM, a stray NUL, headers that start like magic")
    func textPasses() throws {
        let texts: [[UInt8]] = [
            utf16("customer_id,date,amount\nK-1,2025-01-01,5\n", bigEndian: false),
            utf16("customer_id,date,amount\nK-1,2025-01-01,5\n", bigEndian: true),
            Array("customer_id,date,amount\nK-1,2025-01-01,5\0\n".utf8),
            Array("MZ-Nummer,Name\n1,A\n".utf8),
            Array("[customer_id],date\nK-1,2025-01-01\n".utf8),
            Array("{Kunde},date\nK-1,2025-01-01\n".utf8),
            Array("%Rabatt,Kunde\n5,K-1\n".utf8),
        ]
        for text in texts {
            #expect(FileSniffer.kind(ofSample: text, encoding: nil) == nil, "\(text.prefix(12))")
        }
        // The stray NUL is still refused at its cell, with line and column.
        let fixture = try ImportFixture()
        let (_, lines) = fixture.issues(.orders, texts[2])
        #expect(lines.first?.hasPrefix("in.csv:2:3: contains a NUL byte") == true, "\(lines)")
        // --encoding utf-16 reads BOM-less UTF-16 the decoder would not recognise.
        let (_, bytes, _) = Self.samples[Self.samples.count - 1]
        #expect(FileSniffer.kind(ofSample: bytes, encoding: .utf16) == nil)
    }
}
