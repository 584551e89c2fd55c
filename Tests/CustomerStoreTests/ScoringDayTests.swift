import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// What the dashboard reads to say how old the scores are, and how late a follow-up is.
@Suite("Scoring day and follow-up lateness as stored")
struct ScoringDayTests {
    static let scored = CalendarDay(year: 2026, month: 11, day: 22)!

    @Test("Before scoring no day; after it the model's as-of day, in the overview and the detail")
    func scoringDay() throws {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("d.sqlite"))
        try store.insert(CustomerRecord(id: 1, name: "Uwe Schulz", createdAt: 0))
        #expect(try store.latestScoringDay() == nil)
        #expect(try store.customerDetail(id: 1, today: Self.scored)?.scoredAsOf == nil)
        let score = CustomerScore(
            customerID: 1, rfm: nil, segment: .atRisk, repeatPurchases: 1, probabilityAlive: 0.5,
            expectedPurchases: 1, expectedSpendMinor: 100, clvMinor: 1_000, valueMinor: 1_000, risk: 0.7,
            band: .high, tier: .a, valueAtStakeMinor: 700, reasons: [],
            actions: [
                SuggestedAction(
                    kind: .followUp, ruleID: "follow-up-due", due: Self.scored, priority: 95, detail: -4)
            ],
            bindings: BindingProfile(strengths: BindingSignals()), lastOrder: nil, lastTouch: nil)
        let model = PopulationModel(
            version: "test", asOf: Self.scored, timeUnit: .weeks, customers: 1, buyers: 1, bgnbd: nil,
            gammaGamma: nil, problems: [], rfm: nil, populationGapDays: nil, tierAMinor: 0, tierBMinor: 0,
            settings: ModelSettings())
        try store.replaceAllScores([score], model: model, scoredAt: 0)
        #expect(try store.latestScoringDay() == Self.scored)
        let later = Self.scored.adding(days: 28)
        #expect(try store.customerDetail(id: 1, today: later)?.scoredAsOf == Self.scored)
        let row = try #require(
            try store.customerListPage(CustomerListQuery(), position: .first, limit: 5).rows.first)
        #expect(row.nextAction == .followUp)
        #expect(row.nextActionDue == Self.scored)
        #expect(row.nextActionDetail == -4, "how late the promise was on the scoring day")
    }
}
