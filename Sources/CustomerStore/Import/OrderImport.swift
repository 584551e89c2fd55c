/// The orders importer as the first version's API: a thin front for `Importer` with
/// `kind: .orders` over bytes in memory (tests and small callers).
public struct OrderImport: Sendable {
    public var fileName: String
    public var createMissingCustomers: Bool
    public var dryRun: Bool

    public init(fileName: String, createMissingCustomers: Bool = false, dryRun: Bool = false) {
        self.fileName = fileName
        self.createMissingCustomers = createMissingCustomers
        self.dryRun = dryRun
    }

    public func run(_ bytes: [UInt8], into store: CustomerStore, createdAt: Int64) throws -> ImportSummary {
        var options = ImportOptions(kind: .orders, fileName: fileName, createdAt: createdAt)
        options.createMissingCustomers = createMissingCustomers
        options.dryRun = dryRun
        return try Importer(options: options).run(.bytes(bytes), into: store)
    }

    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        RecordStream.detectDelimiter(bytes)
    }
}
