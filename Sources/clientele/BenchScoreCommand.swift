import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `clientele bench score`: full rescoring of a store against SQLite's own aggregate pass over
/// the orders, measured in the same run.
struct BenchScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract:
            "Time a full rescoring of a store (read, fit, write) against SQLite's aggregate over the orders.",
        discussion: "Make the store first: clientele demo --db PATH --customers 1000000")

    @OptionGroup var store: StoreOptions
    @OptionGroup var model: ModelOptions

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let request = try model.request()
        var figures = JSONFigures()

        var started = Clock.monotonicSeconds()
        let aggregated = try customerStore.baselineOrderAggregate(asOf: request.asOf)
        let baseline = Clock.monotonicSeconds() - started
        figures["sqliteAggregateSeconds"] = .number(baseline)
        figures["customersWithOrders"] = .int(aggregated.customers)
        figures["purchaseDaysAggregated"] = .int(aggregated.purchaseDays)

        let total = Clock.monotonicSeconds()
        started = total
        let input = try customerStore.scoringInput(
            asOf: request.asOf, unit: request.timeUnit, phase: { figures[$0] = .number($1) })
        figures["readSeconds"] = .number(Clock.monotonicSeconds() - started)
        started = Clock.monotonicSeconds()
        let judgement = CustomerBaseScoring.prepare(
            facts: input.facts, summaries: input.summaries, request: request)
        figures["modelSeconds"] = .number(Clock.monotonicSeconds() - started)
        started = Clock.monotonicSeconds()
        try customerStore.replaceAllScores(judging: judgement, scoredAt: Int64(time(nil))) {
            figures[$0] = .number($1)
        }
        figures["writeSeconds"] = .number(Clock.monotonicSeconds() - started)
        let rescoring = Clock.monotonicSeconds() - total
        figures["rescoringSeconds"] = .number(rescoring)
        figures["ratioToSqliteAggregate"] = .number(rescoring / baseline)
        // `clientele score` also stores the overview's figures for the dashboard; timed apart,
        // as it is not part of reading, fitting and writing the scores.
        started = Clock.monotonicSeconds()
        try customerStore.saveOverviewSnapshot(
            asOf: request.asOf, computedAt: Int64(time(nil)), retention: input.retention)
        figures["overviewSnapshotSeconds"] = .number(Clock.monotonicSeconds() - started)
        figures["customers"] = .int(judgement.count)
        figures["purchaseDaysScored"] = .int(
            input.summaries.reduce(0) { $0 + ($1.map { $0.frequency + 1 } ?? 0) })
        figures["peakResidentMegabytes"] = .number(Self.peakResidentMegabytes())
        figures["sqliteMemoryStatisticsOff"] = .raw(CustomerStore.processSettingsApplied ? "true" : "false")
        print(figures.json)
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
