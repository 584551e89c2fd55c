@testable import Scoring

/// The as-of day of the judgement tests, and helpers to describe customers relative to it.
let today = CalendarDay(year: 2025, month: 6, day: 30)!

func daysAgo(_ days: Int) -> CalendarDay { today.adding(days: -days) }
func inDays(_ days: Int) -> CalendarDay { today.adding(days: days) }

/// A steady customer: buys every 30 days, last 10 days ago, no complaints, no feedback.
func steadyCustomer(_ type: RelationshipType = .transactional) -> CustomerFacts {
    CustomerFacts(
        customerID: 1, relationshipType: type, customerSince: daysAgo(400),
        purchases: PurchaseFacts(
            firstDay: daysAgo(370), lastDay: daysAgo(10), purchaseDays: 13, totalSpendMinor: 130_000),
        touchpoints: TouchpointFacts(
            lastTouch: daysAgo(20), lastOutboundContact: daysAgo(20), touchesLastYear: 6, touchesTotal: 8,
            firstTouch: daysAgo(390), recentTouches: 2, hadOnboarding: true))
}

func context(
    segment: Segment = .loyal, risk: Double = 0.1, band: RiskBand = .low, tier: ValueTier? = .b,
    bindings: BindingProfile = BindingProfile(strengths: BindingSignals(emotional: .medium))
) -> ScoredContext {
    ScoredContext(segment: segment, risk: risk, band: band, tier: tier, bindings: bindings)
}
