import CustomerStore
import Foundation
import GRDB
import Scoring
import Testing

@testable import DemoData

/// The model against the demo's known truth, and the incremental path against the batch path.
@Suite("Scoring a demo book")
struct ScoringOnDemoTests {
    static let asOf = CalendarDay(year: 2025, month: 6, day: 30)!

    /// A bigger book than the shared one, built once for this suite.
    static let book: Result<(store: CustomerStore, input: ScoringInput), any Error> = Result {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "clientele-truth-\(getpid())")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("truth.sqlite")
        _ = try DemoBuilder.build(
            at: path, configuration: DemoConfiguration(customers: 6_000, seed: 21, asOf: asOf), replace: true)
        let store = try CustomerStore.open(path: path, mode: .existingOnly)
        return (store, try store.scoringInput(asOf: asOf, unit: .days))
    }

    /// The demo draws purchases in continuous time; the model sees whole days, with purchases on
    /// the same day merged (the published convention). At the demo's rate (one purchase every
    /// ~13 days) that merging and the flooring of t_x and T lower the observed rate by a few
    /// percent, which 6,000 customers resolve: α comes out about 10 % high. So: r, a and b within
    /// three standard errors of the truth, and the mean rate r/α within 12 %.
    @Test("BG/NBD fitted on the demo in days recovers the process that generated it")
    func recoversDemoTruth() throws {
        let (_, input) = try Self.book.get()
        let summaries = input.summaries.compactMap { $0 }
        let fit = try BGNBDFit.fit(summaries.map(\.history))
        let estimate = fit.parameters
        let error = fit.standardErrors
        #expect(abs(estimate.r - DemoTruth.r) < 3 * error.r, "r \(estimate.r) ± \(error.r)")
        #expect(abs(estimate.a - DemoTruth.a) < 3 * error.a, "a \(estimate.a) ± \(error.a)")
        #expect(abs(estimate.b - DemoTruth.b) < 3 * error.b, "b \(estimate.b) ± \(error.b)")
        let rate = estimate.r / estimate.alpha
        let trueRate = DemoTruth.r / DemoTruth.alpha
        #expect(abs(rate / trueRate - 1) < 0.12, "rate \(rate) vs \(trueRate)")
    }

    @Test("The retention the orders walk counts equals the overview's SQL, on any as-of day")
    func retentionFromTheWalk() throws {
        let (store, input) = try Self.book.get()
        #expect(input.retention == (try store.overviewRetention(today: Self.asOf)))
        #expect(input.retention.activeYearAgo > 100 && input.retention.stillActive > 0)
        #expect(input.retention.stillActive < input.retention.activeYearAgo)
        // Earlier days move both windows, and orders after the day must not count.
        for days in [-1, -200, -400, -800] {
            let day = Self.asOf.adding(days: days)
            let walked = try store.scoringInput(asOf: day, unit: .days).retention
            #expect(walked == (try store.overviewRetention(today: day)), "as of \(day.iso)")
        }
    }

    @Test("Rescoring one customer with the stored model gives the batch result")
    func incrementalMatchesBatch() throws {
        let (_, input) = try Self.book.get()
        let request = ScoringRequest(asOf: Self.asOf, timeUnit: .days, rules: try ActionRuleSet.standard())
        let (model, scores) = CustomerBaseScoring.scoreAll(
            facts: input.facts, summaries: input.summaries, request: request)
        #expect(model.problems.isEmpty, "\(model.problems)")
        var clvs: [Int64: Int64] = [:]
        for (facts, score) in zip(input.facts, scores) { clvs[facts.customerID] = score.clvMinor ?? 0 }
        for index in stride(from: 0, to: input.facts.count, by: 97) {
            let facts = input.facts[index]
            let single = CustomerBaseScoring.scoreOne(
                facts, summary: input.summaries[index], model: model, rules: request.rules,
                referredCLVsMinor: facts.referredCustomers.map { clvs[$0] ?? 0 })
            let batch = scores[index]
            #expect(single.segment == batch.segment)
            #expect(single.band == batch.band)
            #expect(single.tier == batch.tier)
            #expect(abs(single.risk - batch.risk) < 1e-9)
            #expect(single.clvMinor.map { abs($0 - (batch.clvMinor ?? 0)) <= 1 } ?? (batch.clvMinor == nil))
            #expect(single.actions == batch.actions)
        }
    }

    @Test("Segments, bands and tiers all occur, and tier A holds about 70 % of the value")
    func distributions() throws {
        let (_, input) = try Self.book.get()
        let request = ScoringRequest(asOf: Self.asOf, timeUnit: .weeks, rules: try ActionRuleSet.standard())
        let (_, scores) = CustomerBaseScoring.scoreAll(
            facts: input.facts, summaries: input.summaries, request: request)
        #expect(Set(scores.map(\.segment)).count >= 10)
        #expect(Set(scores.map(\.band)) == Set(RiskBand.allCases))
        let total = Double(scores.map(\.valueMinor).reduce(0, +))
        let tierA = Double(scores.filter { $0.tier == .a }.map(\.valueMinor).reduce(0, +))
        #expect((0.65...0.8).contains(tierA / total), "tier A share \(tierA / total)")
        #expect(scores.allSatisfy { $0.risk >= 0 && $0.risk <= 1 && !$0.risk.isNaN })
        #expect(scores.allSatisfy { $0.valueAtStakeMinor >= 0 && $0.valueAtStakeMinor <= $0.valueMinor })
    }

    /// The batch read merges one walk per table; the single-customer read narrows each query to
    /// one customer. Both must see the same facts for every customer.
    @Test("The batch read gives every customer the facts and summary the single-customer read gives")
    func batchReadMatchesSingleReads() throws {
        let (store, input) = try Self.book.get()
        #expect(input.facts.count == 6_000)
        for (facts, summary) in zip(input.facts, input.summaries) {
            let single = try store.scoringInput(customerID: facts.customerID, asOf: Self.asOf, unit: .days)
            #expect(single.facts == facts, "customer \(facts.customerID)")
            #expect(single.summary == summary, "customer \(facts.customerID)")
        }
        #expect(input.facts.contains { !$0.contracts.isEmpty })
        #expect(input.facts.contains { !$0.referredCustomers.isEmpty })
        #expect(input.facts.contains { $0.touchpoints.nextFollowUp != nil })
        #expect(input.facts.contains { $0.feedback.latestRelationalNPS != nil })
    }

    @Test("Judging customers on several threads gives exactly the scores of one thread")
    func parallelJudgingMatchesSequential() throws {
        let (_, input) = try Self.book.get()
        let request = ScoringRequest(asOf: Self.asOf, timeUnit: .weeks, rules: try ActionRuleSet.standard())
        let one = CustomerBaseScoring.scoreAll(
            facts: input.facts, summaries: input.summaries, request: request, workers: 1)
        let several = CustomerBaseScoring.scoreAll(
            facts: input.facts, summaries: input.summaries, request: request, workers: 3)
        #expect(one.model == several.model)
        #expect(one.scores.count == input.facts.count)
        #expect(one.scores == several.scores)
    }

    /// The batch write (indexes dropped and rebuilt, JSON encoded on a second thread) against the
    /// single-customer write, row by row and column by column, on a copy of the demo book.
    @Test("Replacing all scores stores exactly what saving each score one by one stores")
    func batchWriteMatchesSingleWrites() throws {
        let (store, input) = try Self.book.get()
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "clientele-write-\(getpid())")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copyPath = (folder as NSString).appendingPathComponent("copy.sqlite")
        try store.backup(to: copyPath)
        let copy = try CustomerStore.open(path: copyPath, mode: .existingOnly)
        let request = ScoringRequest(asOf: Self.asOf, timeUnit: .weeks, rules: try ActionRuleSet.standard())
        let (model, scores) = CustomerBaseScoring.scoreAll(
            facts: input.facts, summaries: input.summaries, request: request)

        func dump(_ path: String) throws -> (rows: [[DatabaseValue]], indexes: [String]) {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { db in
                (
                    try Row.fetchAll(db, sql: "SELECT * FROM scores ORDER BY customer_id").map {
                        Array($0.databaseValues)
                    },
                    try String.fetchAll(
                        db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'scores' ORDER BY name")
                )
            }
        }
        let indexesBefore = try dump(copyPath).indexes
        // Twice: the second run replaces a full table.
        try copy.replaceAllScores(scores, model: model, scoredAt: 1_750_000_000)
        try copy.replaceAllScores(scores, model: model, scoredAt: 1_750_000_000)
        let batch = try dump(copyPath)
        try copy.close()

        let singlePath = (folder as NSString).appendingPathComponent("single.sqlite")
        try store.backup(to: singlePath)
        try DatabaseQueue(path: singlePath).write { db in try db.execute(sql: "DELETE FROM scores") }
        let single = try CustomerStore.open(path: singlePath, mode: .existingOnly)
        for score in scores { try single.saveScore(score, model: model, scoredAt: 1_750_000_000) }
        try single.close()
        let oneByOne = try dump(singlePath)

        #expect(batch.rows.count == 6_000)
        #expect(batch.rows == oneByOne.rows)
        #expect(batch.indexes == indexesBefore)
        #expect(batch.indexes.count >= 7)
    }
}
