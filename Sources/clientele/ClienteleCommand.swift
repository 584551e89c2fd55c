import ArgumentParser
import CustomerStore
import Dashboard
import DemoData
import Foundation
import Scoring
import Terminal

/// `clientele`: with no subcommand, the dashboard; otherwise one of the subcommands.
struct ClienteleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clientele",
        abstract: "Keep your customers: a terminal retention dashboard over a local customer store.",
        discussion: """
            With no subcommand, opens the dashboard on the customer store. \
            Try `clientele --demo` to open it on a generated demo book of business.
            """,
        subcommands: [
            DashboardCommand.self, InitCommand.self, DemoCommand.self, StatsCommand.self, ScoreCommand.self,
            ModelCommand.self,
            ShowCommand.self, LogCommand.self, ImportCommand.self, RulesCommand.self, BackupCommand.self,
            RestoreCommand.self,
            CheckCommand.self, PrivacyCommand.self, CallListCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self)

    /// `clientele --db PATH stats` as `clientele stats --db PATH`: people put the store first, as
    /// with git's `-C`, and the README says `--db` works with every command. Only `--db` moves,
    /// and only in front of a known command name; anything else is parsed as typed.
    static func storeOptionAfterSubcommand(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--db", index + 1 < arguments.count {
                leading += arguments[index...(index + 1)]
                index += 2
            } else if argument.hasPrefix("--db=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, names.contains(arguments[index]) else {
            return arguments
        }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}

/// `clientele dashboard` (the default): the terminal UI over the store.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (what `clientele` does with no subcommand).",
        discussion: "Keys and screens: docs/UI.md, or press ? in the dashboard.")

    @Flag(name: .customLong("demo"), help: "Open the dashboard on the demo store (created on first use).")
    var demo = false

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The colour theme (shipped: default, light, high-contrast, mono).", valueName: "name"))
    var theme = "default"

    @Option(
        help: ArgumentHelp(
            "The language: en or de (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "code"))
    var lang: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show ages and due dates as of this day, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang must be en or de (got \"\(lang)\").")
        }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
    }

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
        let today = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let customerStore =
            try demo
            ? openDemoStore(environment: environment, today: today) : store.open(createIfMissing: false)
        let language =
            lang.flatMap { Language(rawValue: $0.lowercased()) } ?? Language.from(environment: environment)
        let loaded = ThemeFiles.load(named: theme, environment: environment)
        let session = try TerminalSession(environment: environment)
        let screen = CursesScreen(session: session, theme: loaded.theme)
        let state = AppState(
            size: screen.size, today: today, utcOffsetSeconds: TimeZone.current.secondsFromGMT(),
            language: language,
            themeName: loaded.theme.name)
        let runtime = DashboardRuntime(
            state: state, screen: screen, store: customerStore, environment: environment)
        let code = runtime.run(themeErrors: loaded.errors.map(\.description))
        if code != 0 { throw ExitCode(code) }
    }

    /// The demo store, created and scored on first use.
    private func openDemoStore(environment: [String: String], today: CalendarDay) throws -> CustomerStore {
        let location = StoreLocation.demo(environment: environment)
        if !FileManager.default.fileExists(atPath: location.path) {
            try FileManager.default.createDirectory(
                atPath: (location.path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            print("Creating the demo store at \(location.path) (first use) ...")
            let configuration = DemoConfiguration(customers: 10_000, seed: 42, asOf: today)
            _ = try DemoBuilder.build(
                at: location.path, configuration: configuration, replace: false,
                progress: ProgressBar.forStandardError(label: "Demo"))
            let created = try CustomerStore.open(path: location.path, mode: .existingOnly)
            _ = try Rescoring.all(
                created, request: ScoringRequest(asOf: today, rules: try ActionRuleSet.standard()),
                progress: ProgressBar.forStandardError(label: "Scoring"))
            return created
        }
        return try CustomerStore.open(path: location.path, mode: .existingOnly)
    }
}

/// The dashboard cannot run here: one sentence on standard error, exit code 2.
struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
