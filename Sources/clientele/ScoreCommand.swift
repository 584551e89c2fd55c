import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `clientele score`: fit the population models and rescore every customer.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Rescore every customer: segments, churn risk with reasons, value, next actions.",
        discussion: """
            Fits BG/NBD and Gamma-Gamma over the whole store, then scores every customer in one \
            transaction. Action rules come from --rules, else $XDG_CONFIG_HOME/clientele/actions.json, \
            else the shipped rules (`clientele rules` prints them). A customer rescored after a log \
            uses actions.json (or the shipped rules): --rules applies to this scoring only.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var model: ModelOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let request = try model.request()
        let started = Clock.monotonicSeconds()
        let model = try Rescoring.all(
            customerStore, request: request,
            progress: quiet ? nil : ProgressBar.forStandardError(label: "Reading"))
        let seconds = Clock.monotonicSeconds() - started
        guard !quiet else { return }
        let distribution = try customerStore.scoreDistribution()
        print(ModelReport.text(model, distribution: distribution, seconds: seconds))
        let foreign = try customerStore.ordersInOtherCurrencies()
        if let warning = ForeignCurrencyWarning.text(foreign, storePath: customerStore.path) {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        if let rules = self.model.rules {
            // A log rescores its customer with the user's rules file or the shipped set, so a
            // one-off --rules would be undone customer by customer; say so, and how to keep it.
            let userFile = RulesFile.userPath(environment: ProcessInfo.processInfo.environment)
            if (rules as NSString).standardizingPath != (userFile as NSString).standardizingPath {
                FileHandle.standardError.write(
                    Data(
                        ("Note: --rules applies to this scoring only; a customer rescored after a log uses "
                            + "\(userFile) or the shipped rules. Copy \(rules) there to keep using it.\n")
                            .utf8))
            }
        }
    }
}

/// Orders in other currencies, which an older import stored and the scoring counts as euros.
enum ForeignCurrencyWarning {
    /// "USD 2, JPY 1".
    static func counts(_ foreign: [(currency: String, orders: Int)]) -> String {
        foreign.map { "\($0.currency) \(Format.grouped($0.orders))" }.joined(separator: ", ")
    }

    static func text(_ foreign: [(currency: String, orders: Int)], storePath: String) -> String? {
        guard !foreign.isEmpty else { return nil }
        let total = foreign.reduce(0) { $0 + $1.orders }
        let filter = "FROM orders WHERE currency <> 'EUR'"
        return """
            Warning: \(Format.count(total, "order is", "orders are")) not in euros (\(counts(foreign))); \
            the scores add them up as euros, so those customers' values are wrong. List them with
              sqlite3 \(shellQuoted(storePath)) "SELECT customer_id, date(ordered_at, 'unixepoch'), \
            amount_minor, currency, external_ref \(filter)"
            then delete them (DELETE \(filter)) and import them again with the amounts in euros.
            """
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `--as-of`, `--time-unit` and `--rules`, shared by the commands that score.
struct ModelOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Score as of the end of this day, YYYY-MM-DD (default: today).", valueName: "date")
    )
    var asOf: String?

    @Option(name: .customLong("time-unit"), help: "The models' time unit: weeks or days.")
    var timeUnit: TimeUnit = .weeks

    @Option(help: ArgumentHelp("A rules file for next best actions (JSON).", valueName: "file"))
    var rules: String?

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
    }

    func request() throws -> ScoringRequest {
        ScoringRequest(
            asOf: asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today(), timeUnit: timeUnit,
            rules: try RulesFile.load(explicitPath: rules))
    }
}

extension TimeUnit: ExpressibleByArgument {}

/// Finds and reads the action rules: an explicit file, the user's file, or the shipped set.
enum RulesFile {
    static func userPath(environment: [String: String]) -> String {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("clientele/actions.json")
    }

    static func load(explicitPath: String?) throws -> ActionRuleSet {
        let path = explicitPath ?? userPath(environment: ProcessInfo.processInfo.environment)
        guard FileManager.default.fileExists(atPath: path) else {
            if let explicitPath { throw CommandError("the rules file \(explicitPath) does not exist") }
            return try ActionRuleSet.standard()
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw CommandError("the rules file \(path) cannot be read as UTF-8 text") }
        do {
            return try ActionRuleSet.parse(text)
        } catch {
            throw CommandError("the rules file \(path) is not usable: \(error.description)")
        }
    }
}

/// Rescoring against the store: the whole base, or one customer with the stored population model.
enum Rescoring {
    /// Reads, fits, judges and writes every customer; customers are judged while the scores
    /// are written, so they are never all in memory at once.
    static func all(_ store: CustomerStore, request: ScoringRequest, progress: ((Int, Int) -> Void)?) throws
        -> PopulationModel
    {
        let input = try store.scoringInput(asOf: request.asOf, unit: request.timeUnit, progress: progress)
        let judgement = CustomerBaseScoring.prepare(
            facts: input.facts, summaries: input.summaries, request: request)
        try store.replaceAllScores(judging: judgement, scoredAt: Int64(time(nil)))
        try store.saveOverviewSnapshot(
            asOf: request.asOf, computedAt: Int64(time(nil)), retention: input.retention)
        return judgement.model
    }
}

/// `clientele rules`: print the shipped action rules, to copy and edit.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the shipped next-best-action rules (JSON) to copy and change.",
        discussion: "Save them as $XDG_CONFIG_HOME/clientele/actions.json, or pass a file with --rules.")

    func run() {
        print(ActionRuleSet.standardJSON)
    }
}
