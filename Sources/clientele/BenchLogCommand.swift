import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele bench log`: what the dashboard does when the log form is saved — the write
/// transaction, the rescoring, reading the detail again and drawing it — timed per run, on
/// customers spread over the store. Every logged row is undone (and the customer rescored
/// again) before the next run, so the store ends as it began.
struct BenchLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract:
            "Measure saving a logged interaction and showing the rescored customer; print JSON (median/p95/max).",
        discussion: """
            Writes to the store and undoes every write. Use a release build on a scored store, e.g.
              swift run -c release clientele bench log --db m1.sqlite --runs 200
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "How many interactions to log (and undo).")
    var runs = 200

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The dashboard's today, YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        guard (1...100_000).contains(runs) else { throw ValidationError("--runs must be 1 to 100000.") }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
    }

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let today = asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today()
        let customers = try customerStore.customerCount()
        guard customers > 0 else { throw CommandError("the store has no customers") }
        guard try customerStore.latestPopulationModel() != nil else {
            throw CommandError("the store is not scored yet; run `clientele score` first")
        }
        var times: [String: [Double]] = [:]
        var changed = 0
        var notRestored: [Int64] = []
        var state = AppState(size: ScreenSize(columns: 200, rows: 60), today: today, language: .en)
        for run in 0..<runs {
            // Spread over the whole id range (a large odd step), so caches do not flatter.
            let id = Int64(1 + (run * 104_729) % customers)
            guard let before = try customerStore.customerDetail(id: id, today: today) else { continue }
            let draft = InteractionDraft(
                customerID: id, customerName: before.name, channel: .call, direction: .outbound, kind: .sales,
                outcome: .reached, note: "bench log \(run): Grüße aus Köln — 東京",
                followUp: today.adding(days: 1),
                nps: 4, npsType: .transactional)
            var started = Clock.monotonicSeconds()
            func lap(_ name: String) {
                let now = Clock.monotonicSeconds()
                times[name, default: []].append((now - started) * 1000)
                started = now
            }
            let total = started
            let logged = try LogWriter.save(draft, in: customerStore, today: today, now: Int64(time(nil)))
            lap("save")
            let rescore = LogWriter.rescore(id, customerStore, today)
            lap("rescore")
            let after = try customerStore.customerDetail(id: id, today: today)
            lap("detail")
            // As the runtime does: the answer goes through update, the frame is drawn.
            state.stack = [.overview, .detail]
            state.detail.customerID = id
            _ = Dashboard.update(&state, .detailLoaded(id: id, after))
            let frame = DashboardView.render(state)
            lap("render")
            times["total", default: []].append((Clock.monotonicSeconds() - total) * 1000)
            guard case .rescored = rescore, frame.width > 0 else {
                throw CommandError("rescoring customer \(id) failed: \(rescore)")
            }
            if after?.churnRisk != before.churnRisk || after?.actions != before.actions { changed += 1 }

            started = Clock.monotonicSeconds()
            guard try LogWriter.undo(logged, in: customerStore) else {
                throw CommandError("the logged row \(logged.id) was gone before its undo")
            }
            _ = LogWriter.rescore(id, customerStore, today)
            lap("undo")
            let restored = try customerStore.customerDetail(id: id, today: today)
            if restored?.churnRisk != before.churnRisk || restored?.touchpoints != before.touchpoints {
                notRestored.append(id)
            }
        }
        func summary(_ name: String) -> String {
            let sorted = (times[name] ?? []).sorted()
            guard let last = sorted.last else { return "null" }
            func at(_ fraction: Double) -> Double {
                sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
            }
            return String(
                format: "{\"median\": %.3f, \"p95\": %.3f, \"max\": %.3f}", at(0.5), at(0.95), last)
        }
        let figures: [(String, String)] = [
            ("runs", "\(times["total"]?.count ?? 0)"), ("customers", "\(customers)"),
            ("saveMilliseconds", summary("save")), ("rescoreMilliseconds", summary("rescore")),
            ("detailMilliseconds", summary("detail")), ("renderMilliseconds", summary("render")),
            ("totalMilliseconds", summary("total")), ("undoAndRescoreMilliseconds", summary("undo")),
            ("runsWhereRiskOrActionsChanged", "\(changed)"),
            ("customersNotRestored", "[" + notRestored.map(String.init).joined(separator: ", ") + "]"),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}
