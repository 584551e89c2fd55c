import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

@Suite("GDPR access and erasure")
struct PrivacyTests {
    let folder: TemporaryFolder
    let store: CustomerStore
    let marker = "Zqxmarker4711"

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("p.sqlite"))
        try store.bulkLoad { loader in
            for index in 1...200 {
                try loader.add(
                    CustomerRecord(
                        id: Int64(index), externalID: "K-\(index)", name: "Kunde \(index)",
                        email: "k\(index)@example.de",
                        phone: "+49 30 \(index)", createdAt: 0))
                try loader.add(
                    InteractionRecord(
                        id: Int64(index), customerID: Int64(index), occurredAt: 1_000, channel: .call,
                        direction: .outbound, kind: .sales, note: "Gespräch mit Kunde \(index) über Kaffee"))
                try loader.add(
                    OrderRecord(
                        id: Int64(index), customerID: Int64(index), orderedAt: 1_000, amountMinor: 4_990))
            }
        }
        // The person to erase: the marker in their name, email, note and feedback comment.
        try store.write { db in
            try db.execute(
                sql: "UPDATE customers SET name = ?, email = ?, city = 'Köln' WHERE id = 42",
                arguments: ["Jürgen \(marker)", "\(marker.lowercased())@example.de"])
        }
        let interaction = try store.logInteraction(
            InteractionRecord(
                id: 0, customerID: 42, occurredAt: 2_000, channel: .call, direction: .inbound,
                kind: .complaint,
                note: "Beschwerde \(marker): Lieferung kaputt", complaintStatus: .open),
            feedback: [
                FeedbackRecord(
                    id: 0, customerID: 42, givenAt: 2_000, metric: .nps, npsType: .transactional, score: 2,
                    comment: "\(marker) ist enttäuscht")
            ])
        #expect(interaction > 0)
        try store.insert(ReferralRecord(id: 0, referrerID: 42, referredID: 43, referredAt: 1_500))
    }

    private func filesContain(_ needle: String) throws -> [String] {
        var found: [String] = []
        let bytes = Array(needle.lowercased().utf8)
        for suffix in ["", "-wal", "-shm"] {
            let path = store.path + suffix
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let lowered = data.map { (65...90).contains($0) ? $0 + 32 : $0 }
            if lowered.count >= bytes.count {
                for start in 0...(lowered.count - bytes.count) where lowered[start] == bytes[0] {
                    if Array(lowered[start..<(start + bytes.count)]) == bytes {
                        found.append(suffix.isEmpty ? "store" : suffix)
                        break
                    }
                }
            }
        }
        return found
    }

    @Test("The export holds everything about the person and nothing about anyone else")
    func export() throws {
        let today = try #require(CalendarDay(iso: "2025-06-30"))
        try store.markCallListEntry(
            customerID: 42, .snoozed, today: today, until: today.adding(days: 7), at: 1_751_284_800)
        let export = try store.exportPersonalData(customerID: 42)
        let names = export.tables.map(\.name)
        #expect(
            names == [
                "customer", "orders", "contracts", "interactions", "feedback", "referrals", "scores",
                "call_list_state",
            ])
        #expect(export.tables.first { $0.name == "call_list_state" }?.rows.count == 1)
        let all = export.tables.flatMap { table in table.rows.flatMap { $0.compactMap { $0 } } }.joined(
            separator: " ")
        #expect(all.contains(marker))
        #expect(all.contains("Lieferung kaputt"))
        #expect(!all.contains("Kunde 43"))
        #expect(!all.contains("k43@example.de"))
        #expect(export.tables.first { $0.name == "orders" }?.rows.count == 1)
    }

    @Test("After erasure the marker is in no byte of the store or its WAL; orders stay, pseudonymised")
    func erasure() throws {
        #expect(!(try filesContain(marker)).isEmpty, "the test must see the marker before erasing")
        let report = try store.erase(customerID: 42, at: 5_000)
        #expect(report.interactionsDeleted == 2)
        #expect(report.feedbackDeleted == 1)
        #expect(report.referralsDeleted == 1)
        #expect(report.ordersKeptPseudonymised == 1)
        #expect(try filesContain(marker) == [])
        #expect(try filesContain("Lieferung kaputt") == [])
        #expect(try store.searchCustomers(marker).isEmpty)
        #expect(try store.searchCustomers("kaputt").isEmpty)

        let export = try store.exportPersonalData(customerID: 42)
        #expect(export.tables.first { $0.name == "orders" }?.rows.count == 1)
        let all = export.tables.flatMap { table in table.rows.flatMap { $0.compactMap { $0 } } }.joined(
            separator: " ")
        #expect(!all.lowercased().contains(marker.lowercased()))
        #expect(all.contains("Erased customer 42"))
        let log = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM erasures") }
        #expect(log.count == 1)
        #expect(log.first?.columnNames.sorted() == ["customer_id", "erased_at", "id"])
        #expect(try store.integrityProblems().isEmpty)
        // Nobody else was touched.
        #expect(try store.searchCustomers("Kunde 43").map(\.id) == [43])
    }

    @Test("An erased customer is left out of every later scoring, and nothing new is logged for them")
    func erasedStayOut() throws {
        let day = try #require(CalendarDay(iso: "2025-06-30"))
        #expect(try store.scoringInput(asOf: day, unit: .weeks).facts.contains { $0.customerID == 42 })
        _ = try store.erase(customerID: 42, at: 5_000)
        let input = try store.scoringInput(asOf: day, unit: .weeks)
        #expect(!input.facts.contains { $0.customerID == 42 })
        #expect(input.facts.count == 199)
        // The summaries stay aligned with the facts around the gap.
        #expect(input.summaries.count == 199)
        #expect(input.facts.firstIndex { $0.customerID == 43 }.map { input.summaries[$0] != nil } == true)
        #expect(throws: StoreError.self) {
            _ = try store.scoringInput(customerID: 42, asOf: day, unit: .weeks)
        }
        let before = try store.contentFingerprint()
        #expect {
            try store.logInteraction(
                InteractionRecord(
                    id: 0, customerID: 42, occurredAt: 6_000, channel: .call, direction: .outbound,
                    kind: .sales,
                    note: "nach der Löschung"),
                feedback: [])
        } throws: { error in
            "\(error)".contains("customer 42 was erased")
        }
        #expect(try store.contentFingerprint() == before)
    }

    @Test("A rescoring that meets a customer deleted since its read changes no score and says why")
    func rescoringAfterADeletion() throws {
        let today = try #require(CalendarDay(iso: "2025-06-30"))
        func score(_ id: Int64) -> CustomerScore {
            CustomerScore(
                customerID: id, rfm: nil, segment: .atRisk, repeatPurchases: 1, probabilityAlive: 0.5,
                expectedPurchases: 1, expectedSpendMinor: 100, clvMinor: 1_000, valueMinor: 1_000, risk: 0.7,
                band: .high, tier: .a, valueAtStakeMinor: 700, reasons: [], actions: [],
                bindings: BindingProfile(strengths: BindingSignals()), lastOrder: nil, lastTouch: nil)
        }
        let model = PopulationModel(
            version: "test", asOf: today, timeUnit: .weeks, customers: 3, buyers: 3, bgnbd: nil,
            gammaGamma: nil, problems: [], rfm: nil, populationGapDays: nil, tierAMinor: 0, tierBMinor: 0,
            settings: ModelSettings())
        try store.replaceAllScores([score(1), score(2)], model: model, scoredAt: 7)
        // Customer 999 stands for one deleted (outside Clientele) after the rescoring's read.
        #expect {
            try store.replaceAllScores([score(1), score(999)], model: model, scoredAt: 8)
        } throws: { error in
            "\(error)".contains("a customer was deleted while the scores were being computed")
                && "\(error)".contains("run the scoring again")
        }
        let kept = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT customer_id FROM scores WHERE scored_at = 7 ORDER BY 1")
        }
        #expect(kept == [1, 2])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scores") } == 2)
    }

    @Test("An old score a rescoring freed without zeroing is wiped by the erasure")
    func rescoredThenErased() throws {
        let today = try #require(CalendarDay(iso: "2025-06-30"))
        func scores(_ ruleID: (Int) -> String) -> [CustomerScore] {
            (1...200).map { id in
                CustomerScore(
                    customerID: Int64(id), rfm: nil, segment: .atRisk, repeatPurchases: 1,
                    probabilityAlive: 0.5, expectedPurchases: 1, expectedSpendMinor: 100, clvMinor: 1_000,
                    valueMinor: 1_000, risk: 0.7, band: .high, tier: .a, valueAtStakeMinor: 700,
                    reasons: [WeightedReason(reason: .noRecentOrder(daysSinceLastOrder: 40), weight: 0.5)],
                    actions: [
                        SuggestedAction(kind: .relationalSurvey, ruleID: ruleID(id), due: today, priority: 1)
                    ],
                    bindings: BindingProfile(strengths: BindingSignals()), lastOrder: nil, lastTouch: nil)
            }
        }
        let model = PopulationModel(
            version: "test", asOf: today, timeUnit: .weeks, customers: 200, buyers: 200, bgnbd: nil,
            gammaGamma: nil, problems: [], rfm: nil, populationGapDays: nil, tierAMinor: 0, tierBMinor: 0,
            settings: ModelSettings())
        // Long old scores (about a page each), customer 42's marked; short new ones: most old
        // pages are not reused by the rescoring and stay free, unzeroed.
        let padding = String(repeating: "p", count: 3_000)
        let oldScore = "\(marker)-old-score"
        try store.replaceAllScores(
            scores { $0 == 42 ? oldScore + padding : padding }, model: model, scoredAt: 0)
        try store.checkpoint()
        try store.replaceAllScores(scores { _ in "short" }, model: model, scoredAt: 1)
        try store.checkpoint()
        #expect(
            !(try filesContain(oldScore)).isEmpty,
            "the rescoring must leave the old score in a free page, or this test shows nothing")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") } == 1)

        _ = try store.erase(customerID: 42, at: 5_000)
        #expect(try filesContain(oldScore) == [])
        #expect(try filesContain(marker) == [])
        #expect(
            try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'free_page_wipe'")
            } == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA freelist_count") } ?? 0 > 0)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("Purging old touchpoints anonymises their notes and reports how many")
    func purge() throws {
        let report = try store.purgeInteractions(olderThan: 1_500)
        #expect(report.interactionsAnonymised == 200)
        #expect(try store.searchCustomers("kaffee").isEmpty)
        #expect(try filesContain("über Kaffee") == [])
        #expect(try store.searchCustomers("kaputt").map(\.id) == [42])
    }
}
