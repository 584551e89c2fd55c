import Foundation
import Scoring
import Testing

@testable import CustomerStore

/// The relational NPS cap counts asks as the store holds them (audit 6, finding 13): a survey
/// touchpoint and its linked answer are one ask; an answer without a linked survey touchpoint
/// is an ask of its own.
@Suite("Relational NPS asks read from the store")
struct SurveyAskFactsTests {
    static let asOf = CalendarDay(year: 2026, month: 11, day: 22)!

    private static func seconds(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        CalendarDay(year: year, month: month, day: day)!.startUnixSeconds + 10 * 3600
    }

    /// A customer with two orders, an outbound survey e-mail on 2026-05-01 and a relational
    /// answer on 2025-12-15, linked to that e-mail or not; plus an older survey outside the year.
    private func asks(answerLinked: Bool) throws -> (asked: Int, suggested: Bool) {
        let folder = try TemporaryFolder()
        let store = try CustomerStore.open(path: folder.file("s.sqlite"))
        // E-mail consent: the relational NPS question goes out by e-mail (docs/MODEL.md, consent).
        try store.insert(
            CustomerRecord(id: 143, name: "Ida Berg", consentEmail: true, createdAt: Self.seconds(2023, 1, 1))
        )
        for (id, day) in [(Int64(1), Self.seconds(2026, 5, 1)), (2, Self.seconds(2025, 6, 1))] {
            try store.insert(
                InteractionRecord(
                    id: id, customerID: 143, occurredAt: day, channel: .email, direction: .outbound,
                    kind: .survey))
        }
        for (id, day) in [(Int64(1), Self.seconds(2026, 3, 2)), (2, Self.seconds(2026, 9, 14))] {
            try store.insert(OrderRecord(id: id, customerID: 143, orderedAt: day, amountMinor: 4_990))
        }
        try store.insert(
            FeedbackRecord(
                id: 1, customerID: 143, interactionID: answerLinked ? 1 : nil,
                givenAt: Self.seconds(2025, 12, 15), metric: .nps, npsType: .relational, score: 8))
        let facts = try store.scoringInput(customerID: 143, asOf: Self.asOf, unit: .weeks).facts
        let suggested = ActionEngine.suggest(
            for: facts, asOf: Self.asOf,
            context: ScoredContext(
                segment: .loyal, risk: 0.1, band: .low, tier: .b,
                bindings: BindingProfile(strengths: BindingSignals())),
            rules: try ActionRuleSet.standard()
        ).contains { $0.kind == .relationalSurvey }
        return (facts.relationalSurveysAskedLastYear, suggested)
    }

    @Test("An answer not linked to the survey touchpoint is a second ask: no third one is suggested")
    func unlinkedAnswerCounts() throws {
        let result = try asks(answerLinked: false)
        #expect(result.asked == 2)
        #expect(!result.suggested)
    }

    @Test("The answer to the survey e-mail is the same ask, counted once")
    func linkedAnswerCountsOnce() throws {
        let result = try asks(answerLinked: true)
        #expect(result.asked == 1)
        #expect(result.suggested, "one ask in the year, the last 205 days ago: the second is due")
    }
}
