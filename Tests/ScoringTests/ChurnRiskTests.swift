import Foundation
import Testing

@testable import Scoring

@Suite("Churn risk, its reasons and the binding profile")
struct ChurnRiskTests {
    private func assess(_ facts: CustomerFacts, alive: Double? = 0.95) -> RiskAssessment {
        ChurnRisk.assess(facts, asOf: today, probabilityAlive: alive, populationGapDays: 30)
    }

    @Test("A steady customer is low risk with no reasons")
    func steady() {
        let result = assess(steadyCustomer())
        #expect(result.band == .low)
        #expect(result.reasons.isEmpty)
        #expect(result.risk == 0)
    }

    @Test("An overdue order is explained against the customer's own rhythm")
    func overdue() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(94)
        facts.purchases?.firstDay = daysAgo(94 + 360)
        let unfitted = assess(facts, alive: nil)
        #expect(unfitted.reasons.first?.reason == .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30))
        #expect(unfitted.band == .medium)
        // When the purchase model still finds the customer likely active, the pause weighs less.
        let likelyActive = assess(facts, alive: 0.95)
        #expect(likelyActive.reasons.first?.reason == .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30))
        #expect(likelyActive.risk < unfitted.risk / 2)
    }

    @Test("A recent detractor answer is a reason with its score and age")
    func detractor() {
        var facts = steadyCustomer()
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 4, day: daysAgo(12))
        let result = assess(facts)
        #expect(result.reasons.map(\.reason) == [.detractor(score: 4, daysAgo: 12, type: .transactional)])
        #expect(result.risk > 0.3)
        // Detractors cap emotional binding at weak.
        #expect(result.bindings.strengths.emotional <= .weak)
    }

    @Test("A contract ending soon without emotional binding is a strong reason")
    func contractEnding() {
        var facts = steadyCustomer(.relationship)
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(41), noticeDays: 30, autoRenews: true,
                monthlyValueMinor: 9_900)
        ]
        let result = assess(facts)
        #expect(
            result.reasons.contains {
                $0.reason == .contractEnding(daysToEnd: 41, daysToNoticeDeadline: 11, emotionalBinding: .none)
            })
        #expect(result.reasons.contains { $0.reason == .lockInOnly(strongest: .contractual) })
        #expect(result.bindings.isLockInOnly)
        #expect(result.bindings.weakest == .emotional)

        facts.declaredBindings.emotional = .strong
        let bonded = assess(facts)
        #expect(bonded.risk < result.risk)
        #expect(!bonded.bindings.isLockInOnly)
    }

    @Test("Past its notice deadline an auto-renewing contract is no ending; one that does not renew still is")
    func renewingPastDeadline() {
        var facts = steadyCustomer(.relationship)
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(15), noticeDays: 90, autoRenews: true,
                monthlyValueMinor: 9_900)
        ]
        #expect(
            !assess(facts).reasons.contains { if case .contractEnding = $0.reason { true } else { false } })
        facts.contracts[0].autoRenews = false
        #expect(
            assess(facts).reasons.contains {
                $0.reason
                    == .contractEnding(daysToEnd: 15, daysToNoticeDeadline: -75, emotionalBinding: .none)
            })
    }

    @Test("A cancelled contract makes the risk high")
    func cancelled() {
        var facts = steadyCustomer()
        facts.contracts = [
            ContractFacts(
                status: .cancelled, endsOn: inDays(20), noticeDays: 30, autoRenews: false,
                monthlyValueMinor: 1)
        ]
        let result = assess(facts)
        #expect(result.band == .high)
        #expect(result.reasons.first?.reason == .contractCancelled(daysToEnd: 20))
    }

    @Test("Open complaints weigh more when several and old")
    func complaints() {
        var facts = steadyCustomer()
        facts.touchpoints.openComplaints = 1
        facts.touchpoints.oldestOpenComplaint = daysAgo(3)
        let one = assess(facts)
        facts.touchpoints.openComplaints = 2
        facts.touchpoints.oldestOpenComplaint = daysAgo(20)
        let two = assess(facts)
        #expect(one.reasons.first?.reason == .openComplaints(count: 1, oldestDays: 3))
        #expect(two.risk > one.risk)
    }

    @Test("Low P(alive) after repeat purchases is a reason; a recent promoter lowers the risk")
    func aliveAndPromoter() {
        var facts = steadyCustomer()
        let inactive = assess(facts, alive: 0.2)
        #expect(inactive.reasons.first?.reason == .likelyInactive(percentAlive: 20))
        #expect(inactive.band == .high)
        facts.feedback.latestRelationalNPS = ScoreAnswer(score: 10, day: daysAgo(30))
        let promoter = assess(facts, alive: 0.2)
        #expect(promoter.risk < inactive.risk)
        #expect(promoter.bindings.strengths.emotional >= .medium)
    }

    @Test("While a contract runs, a pause in orders weighs half and 'probably no longer buying' is not said")
    func runningContract() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(300)
        facts.purchases?.firstDay = daysAgo(300 + 360)
        let orderOnly = assess(facts, alive: 0.03)
        #expect(orderOnly.reasons.contains { $0.reason == .likelyInactive(percentAlive: 3) })
        #expect(orderOnly.band == .high)

        // A support contract that renews itself in five months: the customer pays every month.
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(150), noticeDays: 30, autoRenews: true,
                monthlyValueMinor: 64_300)
        ]
        let withContract = assess(facts, alive: 0.03)
        #expect(
            !withContract.reasons.contains { if case .likelyInactive = $0.reason { true } else { false } })
        let overdue = withContract.reasons.first { if case .orderOverdue = $0.reason { true } else { false } }
        let overdueAlone = orderOnly.reasons.first {
            if case .orderOverdue = $0.reason { true } else { false }
        }
        #expect(overdue?.weight == (overdueAlone?.weight).map { $0 / 2 })
        #expect(withContract.risk < 0.5, "\(withContract.risk)")

        // Cancelled, or ended: the orders speak again.
        facts.contracts[0].status = .cancelled
        #expect(assess(facts, alive: 0.03).reasons.contains { $0.reason == .likelyInactive(percentAlive: 3) })
        facts.contracts[0].status = .active
        facts.contracts[0].endsOn = daysAgo(1)
        #expect(assess(facts, alive: 0.03).reasons.contains { $0.reason == .likelyInactive(percentAlive: 3) })
    }

    @Test("At most three reasons, strongest first; risk stays within 0...1")
    func ordering() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(300)
        facts.touchpoints.openComplaints = 3
        facts.touchpoints.oldestOpenComplaint = daysAgo(40)
        facts.touchpoints.recentNegative = 3
        facts.touchpoints.recentTouches = 4
        facts.feedback.latestCSAT = ScoreAnswer(score: 1, day: daysAgo(5))
        facts.feedback.latestCES = ScoreAnswer(score: 2, day: daysAgo(5))
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 0, day: daysAgo(5))
        let result = assess(facts, alive: 0.01)
        #expect(result.reasons.count == 3)
        #expect(zip(result.reasons, result.reasons.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        #expect(result.risk <= 1 && result.risk > 0.9)
    }

    @Test("A customer with no purchases and no signals has no risk reasons")
    func prospect() {
        let facts = CustomerFacts(customerID: 9, relationshipType: .transactional, customerSince: daysAgo(5))
        let result = assess(facts, alive: nil)
        #expect(result.reasons.isEmpty)
        #expect(result.band == .low)
    }

    @Test("Reasons survive a JSON round trip (they are stored with the scores)")
    func codable() throws {
        let reasons: [RiskReason] = [
            .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30),
            .detractor(score: 4, daysAgo: 12, type: .relational),
            .contractEnding(daysToEnd: 41, daysToNoticeDeadline: 11, emotionalBinding: .none),
        ]
        let data = try JSONEncoder().encode(reasons)
        #expect(try JSONDecoder().decode([RiskReason].self, from: data) == reasons)
    }
}
