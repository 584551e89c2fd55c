import ArgumentParser
import CustomerStore
import DemoData
import Foundation
import Scoring

/// `clientele demo`: a deterministic, realistic book of business to try the product on.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo store with realistic, deterministic customers.",
        discussion: """
            Without --db the demo goes to demo.sqlite in the data folder, never into your real store. \
            The same --customers, --seed and --as-of always give the same content.
            """)

    @Option(help: "How many customers to generate.")
    var customers = 10_000

    @Option(help: "Seed of the generator; the same seed gives the same store.")
    var seed: UInt64 = 42

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The demo's today, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("db"), help: ArgumentHelp("Where to write the demo store.", valueName: "path"))
    var path: String?

    @Flag(help: "Overwrite a store that already holds customers.")
    var replace = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (1...5_000_000).contains(customers) else {
            throw ValidationError("--customers must be between 1 and 5000000 (got \(customers)).")
        }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let location =
            path.map { StoreLocation.resolve(explicitPath: $0, environment: environment) }
            ?? StoreLocation.demo(environment: environment)
        if location.source == .dataFolder {
            try FileManager.default.createDirectory(
                atPath: (location.path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let day = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let configuration = DemoConfiguration(customers: customers, seed: seed, asOf: day)
        let started = Clock.monotonicSeconds()
        let summary = try DemoBuilder.build(
            at: location.path, configuration: configuration, replace: replace,
            progress: quiet ? nil : ProgressBar.forStandardError(label: "Demo"))
        let seconds = Clock.monotonicSeconds() - started
        guard !quiet else { return }
        print(
            """
            Demo store written to \(location.path) in \(String(format: "%.1f", seconds)) s (as of \(day.iso), seed \(seed)):
              \(Format.count(summary.customers, "customer", "customers")), \(Format.count(summary.orders, "order", "orders")), \(Format.count(summary.contracts, "contract", "contracts")),
              \(Format.count(summary.interactions, "interaction", "interactions")), \(Format.count(summary.feedback, "feedback answer", "feedback answers")), \(Format.count(summary.referrals, "referral", "referrals")).
            Not scored yet: run `clientele score --db \(location.path) --as-of \(day.iso)`, then open it
            with `clientele --db \(location.path) --as-of \(day.iso)`.
            """)
    }
}
