import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele log`: log a touchpoint from a script; the customer is rescored at once.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log an interaction with a customer and rescore them at once.",
        discussion: """
            CUSTOMER is an id, an external id, or a search that matches exactly one customer \
            (several matches are listed and nothing is logged). Example:
              clientele log K-0000042 --channel call --kind sales --outcome reached \\
                --note "Angebot besprochen" --nps 9 --nps-type relational --follow-up +3d
            """)

    @Argument(help: "Customer number (external id), id:N (the store's id), or a search.")
    var customer: String

    @OptionGroup var store: StoreOptions

    @Option(help: "call, email, meeting, visit, chat, letter or note.")
    var channel: Channel

    @Option(
        help: "sales, service, complaint, feedback, greeting, survey, onboarding, renewal, referral or other."
    )
    var kind: InteractionKind

    @Option(help: "reached, voicemail, no_answer, call_back, not_interested, sent, received or completed.")
    var outcome: InteractionOutcome?

    @Option(help: "inbound or outbound (default: outbound, inbound for complaints and feedback).")
    var direction: Direction?

    @Option(help: "The note (any text; quote it).")
    var note = ""

    @Option(help: "positive, neutral or negative.")
    var sentiment: SentimentArgument?

    @Option(help: "NPS answer 0–10.")
    var nps: Int?

    @Option(
        name: .customLong("nps-type"),
        help: "With --nps: transactional or relational (default: transactional).")
    var npsType: NPSType?

    @Option(help: "CSAT answer 1–5.")
    var csat: Int?

    @Option(help: "CES answer 1–7 (7 = very easy).")
    var ces: Int?

    @Option(
        name: .customLong("follow-up"),
        help: "Follow-up date: 2025-03-14, 14.03.2025, +3d, +2w, tomorrow, next monday.")
    var followUp: String?

    @Option(help: "For complaints: open or resolved (default: open).")
    var complaint: ComplaintStatus?

    @Option(help: "Who logs it (default: $USER, else the account's name).")
    var author: String?

    func validate() throws {
        if let nps, !FeedbackMetric.nps.range.contains(nps) {
            throw ValidationError("--nps must be 0 to 10 (got \(nps)).")
        }
        // Alone it would be dropped without a word: the type of an answer that was not given.
        if let npsType, nps == nil {
            throw ValidationError(
                "--nps-type \(npsType.rawValue) needs an --nps answer (0 to 10); nothing was logged.")
        }
        if let csat, !FeedbackMetric.csat.range.contains(csat) {
            throw ValidationError("--csat must be 1 to 5 (got \(csat)).")
        }
        if let ces, !FeedbackMetric.ces.range.contains(ces) {
            throw ValidationError("--ces must be 1 to 7 (got \(ces)).")
        }
        if let followUp {
            guard let day = DateInput.parse(followUp, today: Clock.today()) else {
                throw ValidationError(
                    "--follow-up must be a date like 2025-03-14, 14.03.2025, +3d or next monday (got \"\(followUp)\")."
                )
            }
            // As in the log form: a follow-up is something still to do.
            if day < Clock.today() {
                throw ValidationError(
                    "--follow-up must be today or later (got \(day.iso), which is in the past).")
            }
        }
        if complaint != nil && kind != .complaint {
            throw ValidationError("--complaint is only for --kind complaint.")
        }
        // The importer's rule: a note may break lines and tab, nothing else. Escape codes would
        // be stored as they are and reach every tool that reads the store or a privacy export.
        if note.containsControlCharacters(allowing: ["\n", "\r", "\t"]) {
            throw ValidationError(
                "--note must not contain control characters (terminal escape codes, NUL); nothing was logged."
            )
        }
        if let author, author.containsControlCharacters() {
            throw ValidationError("--author must not contain control characters; nothing was logged.")
        }
    }

    func run() throws {
        // Opening the store writes too (its settings), so the notice covers the whole command.
        try WaitNotice.whileRunning { try logInteraction() }
    }

    private func logInteraction() throws {
        let customerStore = try store.open(createIfMissing: false)
        let hit = try CustomerArgument.resolve(customer, in: customerStore)
        let now = Int64(time(nil))
        let today = Clock.today()
        let interaction = InteractionRecord(
            id: 0, customerID: hit.id, occurredAt: now, channel: channel,
            direction: direction ?? kind.usualDirection,
            kind: kind,
            outcome: outcome, sentiment: sentiment?.value, note: note,
            author: author ?? CurrentUser.name,
            followUpOn: followUp.flatMap { DateInput.parse($0, today: today) },
            complaintStatus: kind == .complaint ? (complaint ?? .open) : nil,
            resolvedAt: kind == .complaint && complaint == .resolved ? now : nil, createdAt: now)
        var answers: [FeedbackRecord] = []
        if let nps {
            answers.append(
                FeedbackRecord(
                    id: 0, customerID: hit.id, givenAt: now, metric: .nps, npsType: npsType ?? .transactional,
                    score: nps))
        }
        if let csat {
            answers.append(
                FeedbackRecord(id: 0, customerID: hit.id, givenAt: now, metric: .csat, score: csat))
        }
        if let ces {
            answers.append(FeedbackRecord(id: 0, customerID: hit.id, givenAt: now, metric: .ces, score: ces))
        }
        let stored = try customerStore.logTouchpoint(interaction, feedback: answers)
        var line = "Logged interaction \(stored.id) for \(sanitizedForTerminal(hit.name))"
        // A resolved complaint closes the customer's open ones (in the same transaction).
        let closed = stored.closedComplaintIDs.count
        if closed > 0 { line += "; closed \(closed) open complaint" + (closed == 1 ? "" : "s") }
        if let score = try Rescoring.one(customerStore, customerID: hit.id, today: today) {
            line += String(format: "; churn risk %.2f (%@)", score.risk, score.band.rawValue)
            if let next = score.actions.first { line += "; next: \(next.kind.rawValue) by \(next.due.iso)" }
        } else {
            line += "; run `clientele score` to score the store"
        }
        print(line + ".")
    }
}

/// `--sentiment positive|neutral|negative`.
enum SentimentArgument: String, ExpressibleByArgument, CaseIterable {
    case positive, neutral, negative

    var value: Sentiment {
        switch self {
        case .positive: .positive
        case .neutral: .neutral
        case .negative: .negative
        }
    }
}

extension Channel: ExpressibleByArgument {}
extension InteractionKind: ExpressibleByArgument {}
extension InteractionOutcome: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension NPSType: ExpressibleByArgument {}
extension ComplaintStatus: ExpressibleByArgument {}

extension Rescoring {
    /// Rescores one customer with the stored population model, as of `today` (or the model's
    /// as-of day when that is later, as for a demo scored in the future). Nil before the first
    /// full scoring.
    static func one(_ store: CustomerStore, customerID: Int64, today: CalendarDay) throws -> CustomerScore? {
        guard var model = try store.latestPopulationModel() else { return nil }
        model.asOf = max(today, model.asOf)
        let input = try store.scoringInput(customerID: customerID, asOf: model.asOf, unit: model.timeUnit)
        let score = CustomerBaseScoring.scoreOne(
            input.facts, summary: input.summary, model: model, rules: try RulesFile.load(explicitPath: nil),
            referredCLVsMinor: try store.referredCLVs(of: customerID))
        try store.saveScore(score, model: model, scoredAt: Int64(time(nil)))
        return score
    }
}
