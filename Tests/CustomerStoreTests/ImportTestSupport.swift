import Foundation
import GRDB

@testable import CustomerStore

/// A store with one customer K-1, and helpers to import generated files into it.
final class ImportFixture {
    let folder: TemporaryFolder
    let store: CustomerStore

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("import.sqlite"))
        try store.insert(CustomerRecord(id: 0, externalID: "K-1", name: "Jürgen Müller", createdAt: 0))
    }

    @discardableResult
    func run(
        _ kind: ImportKind, _ bytes: [UInt8], configure: (inout ImportOptions) -> Void = { _ in }
    ) throws -> ImportSummary {
        var options = ImportOptions(kind: kind, fileName: "in.csv", createdAt: 1_700_000_000)
        configure(&options)
        return try Importer(options: options).run(.bytes(bytes), into: store)
    }

    /// The problems a failing import reports, or nil if it succeeded.
    func issues(_ kind: ImportKind, _ bytes: [UInt8], createMissing: Bool = false) -> (ImportError?, [String])
    {
        do {
            try run(kind, bytes) { $0.createMissingCustomers = createMissing }
            return (nil, [])
        } catch let error as ImportError {
            if case .invalidRows(let issues, _) = error { return (error, issues.map(\.description)) }
            return (error, [error.description])
        } catch {
            return (nil, ["\(error)"])
        }
    }

    func count(_ table: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    func strings(_ sql: String) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: sql) }
    }

    func ints(_ sql: String) throws -> [Int64] {
        try store.read { db in try Int64.fetchAll(db, sql: sql) }
    }
}

/// Text as UTF-16 with a byte-order mark.
func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        bytes += bigEndian ? pair : pair.reversed()
    }
    return bytes
}

/// Text as Windows-1252 (only the characters the tests use).
func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar {
        case "€": 0x80
        case "„": 0x84
        case "“": 0x93
        case "–": 0x96
        default: UInt8(truncatingIfNeeded: scalar.value)
        }
    }
}
