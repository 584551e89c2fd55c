import ArgumentParser
import CustomerStore
import DemoData
import Foundation
import Scoring

/// `clientele bench`: measures what the product promises and prints the figures as JSON.
/// Run it from a release build: `swift run -c release clientele bench ...`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the product's speed; each benchmark prints its figures as JSON.",
        discussion: """
            Use a release build:
              swift run -c release clientele bench store --customers 1000000
            """,
        subcommands: [
            BenchStoreCommand.self, BenchModelCommand.self, BenchScoreCommand.self, BenchUICommand.self,
            BenchLogCommand.self,
            BenchCallListCommand.self,
            BenchImportCommand.self,
        ],
        defaultSubcommand: BenchStoreCommand.self)
}

/// `clientele bench store`: demo generation rate, store open time, file size.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure demo generation, store opening and size.")

    @Option(help: "Size of the demo book to measure on.")
    var customers = 100_000

    @Option(help: "Folder for the benchmark store (default: a new temporary folder, removed afterwards).")
    var dir: String?

    @Flag(help: "Keep the benchmark store instead of removing it.")
    var keep = false

    func validate() throws {
        guard (1...5_000_000).contains(customers) else {
            throw ValidationError("--customers must be between 1 and 5000000 (got \(customers)).")
        }
    }

    func run() throws {
        let folder = try dir ?? Self.temporaryFolder()
        let path = (folder as NSString).appendingPathComponent("bench.sqlite")
        defer {
            if !keep && dir == nil { try? FileManager.default.removeItem(atPath: folder) }
        }
        let configuration = DemoConfiguration(customers: customers, seed: 7, asOf: Clock.today())

        let started = Clock.monotonicSeconds()
        let summary = try DemoBuilder.build(
            at: path, configuration: configuration, replace: true,
            progress: ProgressBar.forStandardError(label: "Demo"))
        let generationSeconds = Clock.monotonicSeconds() - started

        // Opening an existing store: file checks, pool, migration check (the UI's first step).
        var openTimes: [Double] = []
        for _ in 0..<5 {
            let openStarted = Clock.monotonicSeconds()
            let store = try CustomerStore.open(path: path, mode: .existingOnly)
            openTimes.append(Clock.monotonicSeconds() - openStarted)
            try store.close()
        }
        let statistics = try CustomerStore.open(path: path, mode: .existingOnly).statistics()

        let figures: [(String, String)] = [
            ("customers", "\(summary.customers)"),
            ("orders", "\(summary.orders)"),
            ("interactions", "\(summary.interactions)"),
            ("rows", "\(summary.rows)"),
            ("demoSeconds", String(format: "%.3f", generationSeconds)),
            ("demoCustomersPerSecond", String(format: "%.0f", Double(summary.customers) / generationSeconds)),
            ("demoRowsPerSecond", String(format: "%.0f", Double(summary.rows) / generationSeconds)),
            ("storeOpenMillisecondsMedian", String(format: "%.2f", median(openTimes) * 1000)),
            ("fileSizeBytes", "\(statistics.fileSize)"),
            ("bytesPerCustomer", "\(statistics.fileSize / Int64(max(1, summary.customers)))"),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        if keep || dir != nil {
            FileHandle.standardError.write(Data("Benchmark store kept at \(path)\n".utf8))
        }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func temporaryFolder() throws -> String {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("clientele-bench-\(getpid())")
        try FileManager.default.createDirectory(
            atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return base
    }
}
