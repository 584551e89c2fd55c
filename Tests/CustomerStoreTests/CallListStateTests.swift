import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

/// The call list's stored state: done and skipped hide a customer for the day, a snooze until
/// its day; the list, its count and `clientele calllist` (same query) all respect it.
@Suite("Call list state")
struct CallListStateTests {
    static let today = CalendarDay(year: 2025, month: 6, day: 30)!
    let folder: TemporaryFolder
    let store: CustomerStore

    /// Five customers, all due today: one follow-up, one complaint, three by value at stake.
    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("calls.sqlite"))
        for id in 1...5 {
            try store.insert(
                CustomerRecord(
                    id: Int64(id), name: "Kunde \(id)", phone: "+49 221 \(id)",
                    owner: id % 2 == 0 ? "Anna" : "Ben",
                    createdAt: 0))
        }
        let kinds: [ActionKind] = [.reactivate, .followUp, .resolveComplaint, .crossSell, .winBack]
        let scores = (1...5).map { id in
            CustomerScore(
                customerID: Int64(id), rfm: nil, segment: id == 5 ? .lost : .atRisk, repeatPurchases: 1,
                probabilityAlive: 0.5, expectedPurchases: 1, expectedSpendMinor: 100, clvMinor: 1_000,
                valueMinor: 1_000, risk: 0.7, band: .high, tier: .a, valueAtStakeMinor: Int64(id * 100),
                reasons: [WeightedReason(reason: .noRecentOrder(daysSinceLastOrder: 40 + id), weight: 0.5)],
                actions: [
                    SuggestedAction(
                        kind: kinds[id - 1], ruleID: "r\(id)", due: Self.today, priority: id, detail: id)
                ],
                bindings: BindingProfile(strengths: BindingSignals()), lastOrder: nil,
                lastTouch: Self.today.adding(days: -id))
        }
        let model = PopulationModel(
            version: "test", asOf: Self.today, timeUnit: .weeks, customers: 5, buyers: 5, bgnbd: nil,
            gammaGamma: nil, problems: [], rfm: nil, populationGapDays: nil, tierAMinor: 0, tierBMinor: 0,
            settings: ModelSettings())
        try store.replaceAllScores(scores, model: model, scoredAt: 0)
    }

    private func ids(on day: CalendarDay, _ filter: CallListFilter = CallListFilter()) throws -> [Int64] {
        try store.callList(today: day, filter: filter).map(\.customerID)
    }

    @Test("Ranked: follow-up, complaint, then value at stake; the count agrees with the list")
    func ranking() throws {
        #expect(try ids(on: Self.today) == [2, 3, 5, 4, 1])
        #expect(try store.callListCount(today: Self.today) == 5)
        #expect(try ids(on: Self.today, CallListFilter(owner: "Anna")) == [2, 4])
        #expect(try store.callListCount(today: Self.today, filter: CallListFilter(segment: .lost)) == 1)
        let first = try #require(try store.callList(today: Self.today).first)
        #expect(
            first.action
                == SuggestedAction(kind: .followUp, ruleID: "r2", due: Self.today, priority: 2, detail: 2))
        #expect(first.topReason == .noRecentOrder(daysSinceLastOrder: 42))
        #expect(first.lastTouch == Self.today.adding(days: -2))
    }

    @Test("Done and skipped hide a customer for the day only; the next day they are back")
    func doneToday() throws {
        try store.markCallListEntry(customerID: 2, .done, today: Self.today, at: 1)
        try store.markCallListEntry(customerID: 4, .skipped, today: Self.today, at: 2)
        #expect(try ids(on: Self.today) == [3, 5, 1])
        #expect(try store.callListCount(today: Self.today) == 3)
        #expect(
            try store.callListState(customerID: 2)
                == CallListState(
                    customerID: 2, mark: .done, markedOn: Self.today, hiddenUntil: Self.today.adding(days: 1))
        )
        #expect(try ids(on: Self.today.adding(days: 1)) == [2, 3, 5, 4, 1])
        // A mark does not reach back: the list of the day before is as it was.
        #expect(try ids(on: Self.today.adding(days: -1)).isEmpty)
    }

    @Test("Undoing a session call lifts that day's done mark only; a snooze or another day's mark stays")
    func unmarkDone() throws {
        try store.markCallListEntry(customerID: 2, .done, today: Self.today, at: 1)
        try store.unmarkCallListEntry(customerID: 2, markedOn: Self.today)
        #expect(try store.callListState(customerID: 2) == nil)
        #expect(try ids(on: Self.today) == [2, 3, 5, 4, 1])
        try store.markCallListEntry(
            customerID: 3, .snoozed, today: Self.today, until: Self.today.adding(days: 3), at: 2)
        try store.unmarkCallListEntry(customerID: 3, markedOn: Self.today)
        #expect(try store.callListState(customerID: 3)?.mark == .snoozed)
        try store.markCallListEntry(customerID: 4, .done, today: Self.today, at: 3)
        try store.unmarkCallListEntry(customerID: 4, markedOn: Self.today.adding(days: -1))
        #expect(try store.callListState(customerID: 4)?.mark == .done)
    }

    @Test("Undoing a mark puts the earlier state back, only while the mark is still the stored one")
    func restoreMark() throws {
        let snooze = try store.markCallListEntry(
            customerID: 2, .snoozed, today: Self.today, until: Self.today.adding(days: 7), at: 1)
        #expect(snooze.previous == nil)
        let done = try store.markCallListEntry(customerID: 2, .done, today: Self.today, at: 2)
        #expect(done.previous == snooze.made)
        #expect(try store.restoreCallListState(replacing: done.made, with: done.previous, at: 3))
        #expect(try store.callListState(customerID: 2) == snooze.made)
        // The done mark is gone already: a second undo changes nothing.
        #expect(try !store.restoreCallListState(replacing: done.made, with: done.previous, at: 4))
        #expect(try store.callListState(customerID: 2) == snooze.made)
        #expect(try store.restoreCallListState(replacing: snooze.made, with: nil, at: 5))
        #expect(try store.callListState(customerID: 2) == nil)
        #expect(try ids(on: Self.today) == [2, 3, 5, 4, 1])
    }

    @Test("A session call and its done mark are one transaction: both stored, or neither")
    func callWithMark() throws {
        let call = InteractionRecord(
            id: 0, customerID: 3, occurredAt: 100, channel: .call, direction: .outbound, kind: .service,
            outcome: .reached, createdAt: 100)
        let stored = try store.logTouchpoint(call, feedback: [], markingDoneOn: Self.today)
        #expect(
            try store.callListState(customerID: 3)
                == CallListState(
                    customerID: 3, mark: .done, markedOn: Self.today, hiddenUntil: Self.today.adding(days: 1))
        )
        #expect(try ids(on: Self.today) == [2, 5, 4, 1])
        #expect(try store.deleteInteraction(id: stored.id, customerID: 3, createdAt: 100))

        // A feedback answer the schema refuses (NPS 11) fails the save: no call, no mark.
        let before = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions") }
        let answer = FeedbackRecord(
            id: 0, customerID: 4, givenAt: 100, metric: .nps, npsType: .transactional, score: 11)
        var call4 = call
        call4.customerID = 4
        #expect(throws: StoreError.self) {
            try store.logTouchpoint(call4, feedback: [answer], markingDoneOn: Self.today)
        }
        #expect(try store.callListState(customerID: 4) == nil)
        #expect(
            try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions") } == before)
    }

    @Test("A snooze hides the customer until its day, which it is back on; a new mark replaces it")
    func snoozeUntil() throws {
        let friday = Self.today.adding(days: 4)
        try store.markCallListEntry(customerID: 3, .snoozed, today: Self.today, until: friday, at: 1)
        #expect(try ids(on: Self.today) == [2, 5, 4, 1])
        #expect(try ids(on: friday.adding(days: -1)) == [2, 5, 4, 1])
        #expect(try ids(on: friday) == [2, 3, 5, 4, 1])
        try store.markCallListEntry(customerID: 3, .done, today: Self.today, at: 2)
        #expect(try store.callListState(customerID: 3)?.mark == .done)
        #expect(try ids(on: Self.today.adding(days: 1)).contains(3))
    }

    @Test("A snooze that does not end after today, or an unknown customer, is refused; nothing is written")
    func badInput() throws {
        #expect(throws: StoreError.self) {
            try store.markCallListEntry(customerID: 3, .snoozed, today: Self.today, until: Self.today, at: 1)
        }
        #expect(throws: StoreError.self) {
            try store.markCallListEntry(customerID: 3, .snoozed, today: Self.today, until: nil, at: 1)
        }
        #expect(throws: StoreError.self) {
            try store.markCallListEntry(customerID: 99, .done, today: Self.today, at: 1)
        }
        #expect(try store.callListState(customerID: 3) == nil)
        let rows = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM call_list_state") }
        #expect(rows == 0)
        // The schema refuses it too, whoever writes.
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO call_list_state VALUES (1, 'done', '2025-06-30', '2025-06-30', 0)
                        """)
            }
        }
    }

    @Test("Erasing a customer removes their call-list state")
    func erasure() throws {
        try store.markCallListEntry(customerID: 5, .done, today: Self.today, at: 1)
        _ = try store.erase(customerID: 5, at: 10)
        #expect(try store.callListState(customerID: 5) == nil)
    }

    @Test("The scanner reads every reason and action as JSONDecoder does, and falls back when it cannot")
    func storedJSON() throws {
        let reasons: [RiskReason] = [
            .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30), .noRecentOrder(daysSinceLastOrder: 200),
            .likelyInactive(percentAlive: 12), .detractor(score: 3, daysAgo: 5, type: .relational),
            .passive(score: 7, daysAgo: 1, type: .transactional), .openComplaints(count: 2, oldestDays: 9),
            .contractCancelled(daysToEnd: -3),
            .contractEnding(daysToEnd: 40, daysToNoticeDeadline: 10, emotionalBinding: .strong),
            .lockInOnly(strongest: Binding.allCases[0]), .contactGap(daysSinceTouch: 80, usualGapDays: 20),
            .negativeSentiment(negative: 3, of: 4), .lowSatisfaction(score: 1, daysAgo: 2),
            .highEffort(score: 2, daysAgo: 3),
        ]
        func scan<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            var text = text
            return text.withUTF8(body)
        }
        for reason in reasons {
            let text = ScoreJSON.reasons([WeightedReason(reason: reason, weight: 0.25)])
            let decoded = try JSONDecoder().decode([WeightedReason].self, from: Data(text.utf8)).first?.reason
            #expect(decoded == reason)
            #expect(scan(text) { StoredJSON.firstReason($0) } == reason, "\(text)")
        }
        let actions = [
            SuggestedAction(
                kind: .winBack, ruleID: "win-back", due: Self.today, priority: -3, channel: .visit, detail: -7
            ),
            SuggestedAction(kind: .crossSell, ruleID: "x", due: Self.today, priority: 0),
        ]
        let text = ScoreJSON.actions(actions)
        #expect(scan(text) { StoredJSON.firstAction($0) } == actions[0])
        #expect(scan("[]") { StoredJSON.firstAction($0) } == nil)
        #expect(scan("[]") { StoredJSON.firstReason($0) } == nil)
        // Escapes and whitespace as JSONEncoder writes them: the slow path, same answer.
        let escaped = #"[ {"kind": "cross-sell", "ruleID": "a\"b", "due": "2025-06-30", "priority": 1} ]"#
        #expect(
            scan(escaped) { StoredJSON.firstAction($0) }
                == SuggestedAction(kind: .crossSell, ruleID: "a\"b", due: Self.today, priority: 1))
        #expect(scan("not json") { StoredJSON.firstAction($0) } == nil)
        #expect(scan(#"[{"reason":{"someday":{"x":1}},"weight":1}]"#) { StoredJSON.firstReason($0) } == nil)
    }
}
