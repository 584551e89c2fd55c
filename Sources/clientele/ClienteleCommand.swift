import ArgumentParser
import CustomerStore
import DemoData
import Foundation
import Terminal

/// `clientele`: with no subcommand, the dashboard; otherwise one of the subcommands.
struct ClienteleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clientele",
        abstract: "Keep your customers: a terminal retention dashboard over a local customer store.",
        discussion: """
            With no subcommand, opens the dashboard on the customer store.
            Try `clientele --demo` to open it on a generated demo book of business.
            """,
        subcommands: [
            DashboardCommand.self, DemoCommand.self, StatsCommand.self, ScoreCommand.self, ModelCommand.self,
            LogCommand.self, ImportCommand.self, RulesCommand.self, BackupCommand.self, RestoreCommand.self,
            CheckCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self)
}

/// `clientele dashboard` (the default): the terminal UI over the store.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (what `clientele` does with no subcommand).")

    @Flag(name: .customLong("demo"), help: "Open the dashboard on the demo store (created on first use).")
    var demo = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Ask before anything else: ncurses would exit or write escape codes into a pipe.
        switch TerminalCheck.verdict(environment: environment) {
        case .usable:
            break
        case .notATerminal:
            throw Refusal(
                "the dashboard needs a terminal; for scripts use the subcommands (see `clientele --help`)")
        case .dumbTerminal:
            throw Refusal(
                "the dashboard needs a terminal that can draw (TERM is unset or dumb); "
                    + "for scripts use the subcommands (see `clientele --help`)")
        case .unknownTerminal(let term):
            throw Refusal(
                "the dashboard does not know the terminal type \"\(term)\" (no terminfo entry); "
                    + "set TERM to e.g. xterm-256color, or use the subcommands (see `clientele --help`)")
        }
        let location: StoreLocation
        if demo {
            location = StoreLocation.demo(environment: environment)
            if !FileManager.default.fileExists(atPath: location.path) {
                try FileManager.default.createDirectory(
                    atPath: (location.path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                print("Creating the demo store at \(location.path) (first use) ...")
                let configuration = DemoConfiguration(customers: 10_000, seed: 42, asOf: Clock.today())
                _ = try DemoBuilder.build(
                    at: location.path, configuration: configuration, replace: false,
                    progress: ProgressBar.forStandardError(label: "Demo"))
            }
        } else {
            location = store.location
        }
        // The terminal dashboard is its own piece of work (issue 4); until it lands, say so
        // plainly and point at what works today.
        FileHandle.standardError.write(
            Data(
                """
                clientele: the terminal dashboard is not built yet.
                The store is at \(location.path); try `clientele stats --db \(location.path)` \
                or `clientele --help`.

                """.utf8))
        throw ExitCode(2)
    }
}

/// The dashboard cannot run here: one sentence on standard error, exit code 2.
struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
