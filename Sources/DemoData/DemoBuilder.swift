import CustomerStore
import Foundation

/// Counts of what a demo build wrote.
public struct DemoSummary: Sendable, Equatable {
    public var customers = 0
    public var orders = 0
    public var contracts = 0
    public var interactions = 0
    public var feedback = 0
    public var referrals = 0

    public var rows: Int { customers + orders + contracts + interactions + feedback + referrals }
}

/// Writes a demo book into a store file, all or nothing: it builds a new file next to the
/// target and renames it into place only when complete, so an interrupted build never leaves a
/// half-filled store behind.
public enum DemoBuilder {
    /// Called now and then with (customers done, customers in all).
    public typealias Progress = (Int, Int) -> Void

    public static func build(
        at path: String, configuration: DemoConfiguration, replace: Bool, progress: Progress? = nil
    ) throws -> DemoSummary {
        try refuseToOverwriteCustomers(at: path, replace: replace)
        // One partial file per process: two builds of the same path must not share one.
        let partial = path + ".partial-\(getpid())"
        removeStoreFiles(at: partial)
        defer { removeStoreFiles(at: partial) }

        let store = try CustomerStore.open(path: partial, mode: .createIfMissing(createFolder: false))
        var generator = DemoGenerator(configuration: configuration)
        var summary = DemoSummary()
        let total = configuration.customers
        let step = max(1, total / 200)
        try store.bulkLoad(batchSize: 50_000, newFile: true) { loader in
            for index in stride(from: 1, through: total, by: 1) {
                let demo = generator.customer(index)
                try loader.add(demo.customer)
                for order in demo.orders { try loader.add(order) }
                for contract in demo.contracts { try loader.add(contract) }
                for interaction in demo.interactions { try loader.add(interaction) }
                for answer in demo.feedback { try loader.add(answer) }
                // Referrers always come earlier in the book, so they exist already.
                if let referral = demo.referral {
                    try loader.add(referral)
                    summary.referrals += 1
                }
                summary.customers += 1
                summary.orders += demo.orders.count
                summary.contracts += demo.contracts.count
                summary.interactions += demo.interactions.count
                summary.feedback += demo.feedback.count
                if index % step == 0 { progress?(index, total) }
            }
        }
        progress?(total, total)
        // The rename below moves the main file only: everything must be out of the WAL first.
        try store.checkpoint()
        try store.close()
        removeStoreFiles(at: path)
        guard rename(partial, path) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        return summary
    }

    private static func refuseToOverwriteCustomers(at path: String, replace: Bool) throws {
        guard FileManager.default.fileExists(atPath: path), !replace else { return }
        let existing = try CustomerStore.open(path: path, mode: .existingOnly)
        let customers = try existing.customerCount()
        try existing.close()
        if customers > 0 { throw StoreError.notEmpty(path: path, customers: customers) }
    }

    private static func removeStoreFiles(at path: String) {
        for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
    }
}
