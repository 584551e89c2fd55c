import Testing

@testable import Scoring

/// One case per shipped rule (it fires, with its due date and detail) and per exclusion
/// (relationship type, contact fatigue, survey cap).
@Suite("Next best actions from the shipped rules")
struct ActionRuleTests {
    let rules: ActionRuleSet

    init() throws {
        rules = try ActionRuleSet.standard()
    }

    private func suggest(_ facts: CustomerFacts, _ scored: ScoredContext = context()) -> [SuggestedAction] {
        ActionEngine.suggest(for: facts, asOf: today, context: scored, rules: rules)
    }

    private func kinds(_ facts: CustomerFacts, _ scored: ScoredContext = context()) -> [ActionKind] {
        suggest(facts, scored).map(\.kind)
    }

    @Test("A steady customer is only due the relational NPS question they were never asked")
    func quiet() {
        #expect(kinds(steadyCustomer()) == [.relationalSurvey])
        var surveyed = steadyCustomer()
        surveyed.feedback.latestRelationalNPS = ScoreAnswer(score: 8, day: daysAgo(120))
        surveyed.feedback.relationalNPSLastYear = 1
        #expect(kinds(surveyed) == [])
    }

    @Test("Every shipped rule is covered by a case here")
    func coverage() {
        let covered: Set<String> = [
            "resolve-complaint", "follow-up-due", "call-back-detractor", "win-back-cancelled",
            "prepare-renewal",
            "strengthen-lock-in-only", "onboarding-check-in", "reactivate-lapsing", "reactivate-high-risk",
            "surprise-relationship-at-risk",
            "surprise-relationship-valued", "loyalty-bonus-reminder", "ask-promoter-for-referral",
            "cross-sell-active",
            "birthday-greeting", "relational-nps-due",
        ]
        #expect(Set(rules.rules.map(\.id)) == covered)
    }

    @Test("Open complaint: resolve it first, today, even when contacted recently (deferred, not dropped)")
    func resolveComplaint() throws {
        var facts = steadyCustomer()
        facts.touchpoints.openComplaints = 1
        facts.touchpoints.oldestOpenComplaint = daysAgo(6)
        let first = try #require(suggest(facts).first)
        #expect(first.kind == .resolveComplaint)
        #expect(first.due == today)
        #expect(first.detail == 6)
        facts.touchpoints.lastOutboundContact = daysAgo(1)
        let deferred = try #require(suggest(facts).first)
        #expect(deferred.kind == .resolveComplaint)
        #expect(deferred.due == daysAgo(1).adding(days: 3))
    }

    @Test("An agreed follow-up is suggested on its date, overdue ones today; more than a year ahead, not yet")
    func followUp() {
        var facts = steadyCustomer()
        facts.touchpoints.nextFollowUp = daysAgo(2)
        let suggestion = suggest(facts).first
        #expect(suggestion?.kind == .followUp)
        #expect(suggestion?.detail == -2)
        #expect(suggestion?.due == today)
        // A retry in two days, logged today: on the list in two days, whenever the next scoring is.
        facts.touchpoints.nextFollowUp = inDays(2)
        let retry = suggest(facts).first { $0.kind == .followUp }
        #expect(retry?.due == inDays(2))
        #expect(retry?.detail == 2)
        facts.touchpoints.nextFollowUp = inDays(367)
        #expect(!kinds(facts).contains(.followUp))
    }

    @Test("Exclusion: contact fatigue never moves a follow-up the customer agreed to in our own call")
    func followUpAfterOurCall() throws {
        var facts = steadyCustomer()
        // "Call me back tomorrow", said in our call today.
        facts.touchpoints.lastOutboundContact = today
        facts.touchpoints.nextFollowUp = inDays(1)
        let first = try #require(suggest(facts).first)
        #expect(first.kind == .followUp)
        #expect(first.due == inDays(1))
        // Everything else still waits out the fatigue window.
        #expect(suggest(facts).allSatisfy { $0.kind == .followUp || $0.due >= inDays(3) })
    }

    @Test("The next action is the soonest: a follow-up agreed for next month does not hide a reactivation")
    func soonestFirst() throws {
        var facts = steadyCustomer()
        facts.touchpoints.nextFollowUp = inDays(30)
        let result = suggest(facts, context(segment: .atRisk, risk: 0.5))
        #expect(result.map(\.kind).contains(.followUp))
        let first = try #require(result.first)
        #expect(first.kind == .reactivate)
        #expect(zip(result, result.dropFirst()).allSatisfy { $0.due <= $1.due })
    }

    @Test("A recent detractor is called back unless already contacted since the answer")
    func detractor() {
        var facts = steadyCustomer()
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 4, day: daysAgo(12))
        facts.touchpoints.lastOutboundContact = daysAgo(20)
        let suggestion = suggest(facts).first
        #expect(suggestion?.kind == .callBackDetractor)
        #expect(suggestion?.detail == 4)
        #expect(suggestion?.due == inDays(1))
        facts.touchpoints.lastOutboundContact = daysAgo(5)
        #expect(!kinds(facts).contains(.callBackDetractor))
        facts.touchpoints.lastOutboundContact = daysAgo(20)
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 4, day: daysAgo(45))
        #expect(!kinds(facts).contains(.callBackDetractor))
    }

    @Test("A cancelled contract asks for a win-back conversation")
    func winBack() {
        var facts = steadyCustomer()
        facts.contracts = [
            ContractFacts(
                status: .cancelled, endsOn: inDays(25), noticeDays: 30, autoRenews: false,
                monthlyValueMinor: 1)
        ]
        #expect(suggest(facts).first?.kind == .winBack)
        #expect(suggest(facts).first?.detail == 25)
    }

    @Test("Renewal is prepared three weeks before the notice deadline, or now when that is past")
    func renewal() {
        var facts = steadyCustomer(.relationship)
        facts.declaredBindings.emotional = .strong
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(90), noticeDays: 30, autoRenews: true, monthlyValueMinor: 1)
        ]
        let suggestion = suggest(facts).first { $0.kind == .prepareRenewal }
        #expect(suggestion?.due == inDays(60 - 21))
        #expect(suggestion?.detail == 60)
        facts.contracts[0].endsOn = inDays(40)
        #expect(suggest(facts).first { $0.kind == .prepareRenewal }?.due == today)
        facts.contracts[0].endsOn = inDays(200)
        #expect(!kinds(facts).contains(.prepareRenewal))
    }

    @Test("Held only by lock-in near the end of the contract: strengthen the relationship")
    func lockInOnly() {
        var facts = steadyCustomer()
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(150), noticeDays: 30, autoRenews: true, monthlyValueMinor: 1)
        ]
        let lockedIn = BindingProfile(strengths: BindingSignals(contractual: .strong))
        #expect(kinds(facts, context(bindings: lockedIn)).contains(.strengthenRelationship))
        let bonded = BindingProfile(strengths: BindingSignals(contractual: .strong, emotional: .weak))
        #expect(!kinds(facts, context(bindings: bonded)).contains(.strengthenRelationship))
    }

    @Test("Exclusion: no 'strengthen before the end' for a contract that renews by itself past its deadline")
    func renewingContractIsNoOccasion() {
        var facts = steadyCustomer()
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(15), noticeDays: 90, autoRenews: true, monthlyValueMinor: 1)
        ]
        let lockedIn = BindingProfile(strengths: BindingSignals(contractual: .strong))
        #expect(!kinds(facts, context(bindings: lockedIn)).contains(.strengthenRelationship))
        facts.contracts[0].noticeDays = 10
        #expect(kinds(facts, context(bindings: lockedIn)).contains(.strengthenRelationship))
    }

    @Test("A new customer without onboarding gets a check-in; with onboarding, none")
    func onboarding() {
        var facts = steadyCustomer()
        facts.customerSince = daysAgo(10)
        facts.touchpoints.hadOnboarding = false
        #expect(kinds(facts).contains(.onboardingCheckIn))
        facts.touchpoints.hadOnboarding = true
        #expect(!kinds(facts).contains(.onboardingCheckIn))
        // Exclusion: a prospect who has not ordered yet is not checked in on.
        facts.touchpoints.hadOnboarding = false
        facts.purchases = nil
        #expect(!kinds(facts).contains(.onboardingCheckIn))
    }

    @Test("A lapsing customer is reactivated; only when the risk is real")
    func reactivate() {
        let facts = steadyCustomer()
        #expect(kinds(facts, context(segment: .atRisk, risk: 0.5, band: .medium)).contains(.reactivate))
        #expect(!kinds(facts, context(segment: .atRisk, risk: 0.2)).contains(.reactivate))
    }

    @Test(
        "Exclusion: no advertising call to a consumer without phone consent, no mail without mail consent",
        arguments: [
            (ContactPermission(isBusiness: false, phone: false, email: true), false),
            (ContactPermission(isBusiness: false, phone: true, email: false), true),
            (ContactPermission(isBusiness: true, phone: false, email: false), true),
        ])
    func consent(permission: ContactPermission, callAllowed: Bool) throws {
        // A reactivation is a call; the loyalty reminder an e-mail; the complaint is service.
        var lapsing = steadyCustomer()
        lapsing.contact = permission
        let reactivation = kinds(lapsing, context(segment: .atRisk, risk: 0.5, band: .medium))
        #expect(reactivation.contains(.reactivate) == callAllowed, "\(permission)")
        var member = steadyCustomer(.transactional)
        member.loyaltyMember = true
        member.purchases?.lastDay = daysAgo(60)
        member.purchases?.firstDay = daysAgo(60 + 360)
        member.contact = permission
        #expect(kinds(member).contains(.loyaltyBonusReminder) == (permission.email || permission.isBusiness))
        var complaining = steadyCustomer()
        complaining.contact = permission
        complaining.touchpoints.openComplaints = 1
        complaining.touchpoints.oldestOpenComplaint = daysAgo(2)
        #expect(kinds(complaining).first == .resolveComplaint)
    }

    @Test("A good segment at high risk is reactivated too; at medium risk it is not")
    func reactivateHighRisk() {
        let facts = steadyCustomer()
        for segment in [Segment.champions, .loyal, .potentialLoyalist, .needAttention, .promising] {
            #expect(
                kinds(facts, context(segment: segment, risk: 0.95, band: .high)).contains(.reactivate),
                "\(segment)")
            #expect(!kinds(facts, context(segment: segment, risk: 0.5, band: .medium)).contains(.reactivate))
        }
        #expect(!kinds(facts, context(segment: .new, risk: 0.95, band: .high)).contains(.reactivate))
    }

    @Test("Positive surprise is for relationship customers only, never for transactional ones")
    func surprise() {
        let atRisk = context(risk: 0.5, band: .medium)
        #expect(kinds(steadyCustomer(.relationship), atRisk).contains(.positiveSurprise))
        #expect(!kinds(steadyCustomer(.transactional), atRisk).contains(.positiveSurprise))
        var valued = steadyCustomer(.relationship)
        valued.touchpoints.lastTouch = daysAgo(120)
        valued.touchpoints.lastOutboundContact = daysAgo(120)
        #expect(kinds(valued, context(tier: .a)).contains(.positiveSurprise))
        #expect(!kinds(valued, context(tier: .b)).contains(.positiveSurprise))
    }

    @Test("Loyalty bonus reminder: transactional members who are overdue; never a relationship customer")
    func loyaltyBonus() {
        var facts = steadyCustomer(.transactional)
        facts.loyaltyMember = true
        facts.purchases?.lastDay = daysAgo(60)
        facts.purchases?.firstDay = daysAgo(60 + 360)
        #expect(kinds(facts).contains(.loyaltyBonusReminder))
        facts.relationshipType = .relationship
        #expect(!kinds(facts).contains(.loyaltyBonusReminder))
    }

    @Test("No rules file can suggest loyalty points to a relationship customer")
    func loyaltyGuard() throws {
        let permissive = try ActionRuleSet.parse(
            """
            {"rules": [{"id": "points-for-all", "action": "loyalty-bonus-reminder", "priority": 1, "when": []}]}
            """)
        let facts = steadyCustomer(.relationship)
        #expect(ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: permissive).isEmpty)
        #expect(
            ActionEngine.suggest(for: steadyCustomer(), asOf: today, context: context(), rules: permissive)
                .count == 1)
    }

    @Test("A recent promoter is asked for a referral")
    func referral() {
        var facts = steadyCustomer()
        facts.feedback.latestRelationalNPS = ScoreAnswer(score: 10, day: daysAgo(30))
        facts.feedback.relationalNPSLastYear = 1
        let suggestion = suggest(facts).first { $0.kind == .askForReferral }
        #expect(suggestion?.detail == 10)
        facts.touchpoints.openComplaints = 1
        #expect(!kinds(facts).contains(.askForReferral))
    }

    @Test("An active valuable customer gets a cross-sell offer")
    func crossSell() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(20)
        #expect(kinds(facts, context(segment: .champions)).contains(.crossSell))
        #expect(!kinds(facts, context(segment: .hibernating)).contains(.crossSell))
    }

    @Test("Exclusion: no cross-sell to a customer the model sees leaving, whatever the segment")
    func noCrossSellAtHighRisk() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(20)
        let leaving = kinds(facts, context(segment: .champions, risk: 0.98, band: .high))
        #expect(!leaving.contains(.crossSell))
        #expect(leaving.contains(.reactivate))
    }

    @Test("A birthday within ten days: a card due two days before")
    func birthday() {
        var facts = steadyCustomer()
        facts.birthday = CalendarDay(year: 1980, month: 7, day: 5)
        let suggestion = suggest(facts).first { $0.kind == .birthdayGreeting }
        #expect(suggestion?.due == CalendarDay(year: 2025, month: 7, day: 3))
        #expect(suggestion?.channel == .letter)
        facts.birthday = CalendarDay(year: 1980, month: 8, day: 5)
        #expect(!kinds(facts).contains(.birthdayGreeting))
        #expect(FactTable.daysToBirthday(CalendarDay(year: 1980, month: 2, day: 29)!, from: today) == 243)
    }

    @Test("Relational NPS when due; never more than twice a year or within 180 days, whatever the file says")
    func surveyCap() throws {
        var facts = steadyCustomer()
        #expect(kinds(facts).contains(.relationalSurvey))
        facts.feedback.latestRelationalNPS = ScoreAnswer(score: 8, day: daysAgo(100))
        facts.feedback.relationalNPSLastYear = 1
        #expect(!kinds(facts).contains(.relationalSurvey))
        let eager = try ActionRuleSet.parse(
            """
            {"rules": [{"id": "ask-always", "action": "relational-nps", "priority": 1, "when": []}]}
            """)
        #expect(ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: eager).isEmpty)
        facts.feedback.latestRelationalNPS = ScoreAnswer(score: 8, day: daysAgo(200))
        facts.feedback.relationalNPSLastYear = 2
        #expect(ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: eager).isEmpty)
    }

    @Test("Exclusion: a survey asked and not answered counts towards the relational NPS cap")
    func unansweredSurveyCounts() throws {
        let eager = try ActionRuleSet.parse(
            #"{"rules": [{"id": "ask-always", "action": "relational-nps", "priority": 1, "when": []}]}"#)
        func asked(_ facts: CustomerFacts) -> Bool {
            ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: eager)
                .contains { $0.kind == .relationalSurvey }
        }
        var facts = steadyCustomer()
        #expect(asked(facts))
        facts.touchpoints.lastSurveyAsked = daysAgo(18)
        facts.touchpoints.surveysAskedLastYear = 1
        #expect(!asked(facts), "a survey sent 18 days ago")
        facts.touchpoints.lastSurveyAsked = daysAgo(200)
        #expect(asked(facts), "one survey, 200 days ago")
        facts.touchpoints.surveysAskedLastYear = 2
        #expect(!asked(facts), "two surveys in the last year")
    }

    /// Asks in the last year: outbound survey touchpoints, relational answers, and how many of
    /// those answers are linked to one of the touchpoints (the same ask, counted once).
    struct SurveyAsks: Sendable, CustomTestStringConvertible {
        var surveys: Int
        var answers: Int
        var linked: Int
        var allowed: Bool
        var testDescription: String {
            "\(surveys) surveys, \(answers) answers (\(linked) linked): \(allowed ? "may ask" : "capped")"
        }
    }

    @Test(
        "Survey cap: every survey touchpoint and every answer not linked to one is an ask",
        arguments: [
            SurveyAsks(surveys: 0, answers: 0, linked: 0, allowed: true),
            SurveyAsks(surveys: 1, answers: 0, linked: 0, allowed: true),
            SurveyAsks(surveys: 0, answers: 1, linked: 0, allowed: true),
            SurveyAsks(surveys: 1, answers: 1, linked: 1, allowed: true),
            SurveyAsks(surveys: 1, answers: 1, linked: 0, allowed: false),
            SurveyAsks(surveys: 0, answers: 2, linked: 0, allowed: false),
            SurveyAsks(surveys: 2, answers: 0, linked: 0, allowed: false),
            SurveyAsks(surveys: 2, answers: 2, linked: 2, allowed: false),
            SurveyAsks(surveys: 2, answers: 1, linked: 1, allowed: false),
        ])
    func surveyAsksCounted(asks: SurveyAsks) throws {
        let eager = try ActionRuleSet.parse(
            #"{"rules": [{"id": "ask-always", "action": "relational-nps", "priority": 1, "when": []}]}"#)
        var facts = steadyCustomer()
        // Both long enough ago that only the count can stop the ask.
        if asks.surveys > 0 { facts.touchpoints.lastSurveyAsked = daysAgo(200) }
        if asks.answers > 0 { facts.feedback.latestRelationalNPS = ScoreAnswer(score: 8, day: daysAgo(200)) }
        facts.touchpoints.surveysAskedLastYear = asks.surveys
        facts.touchpoints.surveysAnsweredLastYear = asks.linked
        facts.feedback.relationalNPSLastYear = asks.answers
        let suggested = ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: eager)
        #expect(suggested.contains { $0.kind == .relationalSurvey } == asks.allowed)
    }

    @Test("Contact fatigue: nothing that contacts the customer right after a contact, except deferred rules")
    func fatigue() {
        var facts = steadyCustomer()
        facts.feedback.latestRelationalNPS = ScoreAnswer(score: 10, day: daysAgo(30))
        facts.feedback.relationalNPSLastYear = 1
        facts.touchpoints.lastOutboundContact = daysAgo(2)
        #expect(!kinds(facts).contains(.askForReferral))
        facts.touchpoints.lastOutboundContact = daysAgo(3)
        #expect(kinds(facts).contains(.askForReferral))
    }

    /// A customer for whom one optional rule fires: the cases of the open-complaint exclusion.
    struct Occasion: Sendable, CustomTestStringConvertible {
        var kind: ActionKind
        var facts: CustomerFacts
        var scored: ScoredContext
        var testDescription: String { kind.rawValue }
    }

    static let optionalOccasions: [Occasion] = {
        var loyal = steadyCustomer(.transactional)
        loyal.loyaltyMember = true
        loyal.purchases?.lastDay = daysAgo(60)
        loyal.purchases?.firstDay = daysAgo(60 + 360)
        var buyer = steadyCustomer()
        buyer.purchases?.lastDay = daysAgo(20)
        var lockedIn = steadyCustomer()
        lockedIn.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(150), noticeDays: 30, autoRenews: true, monthlyValueMinor: 1)
        ]
        var newcomer = steadyCustomer()
        newcomer.customerSince = daysAgo(10)
        newcomer.touchpoints.hadOnboarding = false
        var promoter = steadyCustomer()
        promoter.feedback.latestRelationalNPS = ScoreAnswer(score: 10, day: daysAgo(30))
        promoter.feedback.relationalNPSLastYear = 1
        return [
            Occasion(
                kind: .reactivate, facts: steadyCustomer(), scored: context(segment: .atRisk, risk: 0.5)),
            Occasion(kind: .loyaltyBonusReminder, facts: loyal, scored: context()),
            Occasion(kind: .crossSell, facts: buyer, scored: context(segment: .champions)),
            Occasion(
                kind: .strengthenRelationship, facts: lockedIn,
                scored: context(bindings: BindingProfile(strengths: BindingSignals(contractual: .strong)))),
            Occasion(kind: .onboardingCheckIn, facts: newcomer, scored: context()),
            Occasion(
                kind: .positiveSurprise, facts: steadyCustomer(.relationship), scored: context(risk: 0.5)),
            Occasion(kind: .askForReferral, facts: promoter, scored: context()),
            Occasion(kind: .relationalSurvey, facts: steadyCustomer(), scored: context()),
        ]
    }()

    @Test(
        "Exclusion: while a complaint is open, no selling, reactivation, reminder, survey or optional contact",
        arguments: optionalOccasions)
    func complaintFirst(occasion: Occasion) {
        #expect(kinds(occasion.facts, occasion.scored).contains(occasion.kind), "fires without a complaint")
        var facts = occasion.facts
        facts.touchpoints.openComplaints = 1
        facts.touchpoints.oldestOpenComplaint = daysAgo(4)
        let withComplaint = kinds(facts, occasion.scored)
        #expect(withComplaint.first == .resolveComplaint)
        #expect(!withComplaint.contains(occasion.kind))
    }

    @Test("An open complaint does not hold back what is bound to a date: win-back, renewal, birthday card")
    func complaintKeepsDatedActions() {
        var facts = steadyCustomer(.relationship)
        facts.touchpoints.openComplaints = 1
        facts.touchpoints.oldestOpenComplaint = daysAgo(4)
        facts.birthday = CalendarDay(year: 1970, month: 7, day: 5)
        facts.contracts = [
            ContractFacts(
                status: .cancelled, endsOn: inDays(25), noticeDays: 30, autoRenews: false,
                monthlyValueMinor: 1)
        ]
        #expect(kinds(facts) == [.resolveComplaint, .winBack, .birthdayGreeting])
        facts.contracts[0].status = .active
        facts.contracts[0].endsOn = inDays(80)
        #expect(kinds(facts).contains(.prepareRenewal))
    }

    @Test(
        "Exclusion: a cancelled contract gets the win-back conversation, no cross-sell and no reactivation offer",
        arguments: [ActionKind.crossSell, .reactivate])
    func cancelledContract(kind: ActionKind) throws {
        let occasion = try #require(Self.optionalOccasions.first { $0.kind == kind })
        var facts = occasion.facts
        #expect(kinds(facts, occasion.scored).contains(kind))
        facts.contracts = [
            ContractFacts(
                status: .cancelled, endsOn: inDays(200), noticeDays: 30, autoRenews: false,
                monthlyValueMinor: 1)
        ]
        let result = kinds(facts, occasion.scored)
        #expect(result.first == .winBack)
        #expect(!result.contains(kind))
    }

    @Test("Exclusion: no cross-sell while a contract ends within 90 days without renewing by itself")
    func crossSellWaitsForRenewal() {
        var facts = steadyCustomer()
        facts.purchases?.lastDay = daysAgo(20)
        let champion = context(segment: .champions)
        facts.contracts = [
            ContractFacts(
                status: .active, endsOn: inDays(60), noticeDays: 30, autoRenews: false, monthlyValueMinor: 1)
        ]
        #expect(!kinds(facts, champion).contains(.crossSell))
        #expect(kinds(facts, champion).contains(.prepareRenewal))
        facts.contracts[0].endsOn = inDays(120)
        #expect(kinds(facts, champion).contains(.crossSell), "ends in 120 days")
        facts.contracts[0].endsOn = inDays(60)
        facts.contracts[0].autoRenews = true
        #expect(kinds(facts, champion).contains(.crossSell), "renews by itself")
    }

    @Test("Exclusion: no relational NPS within 90 days of a detractor's answer; the call-back comes first")
    func noSurveyAfterDetractor() {
        var facts = steadyCustomer()
        #expect(kinds(facts).contains(.relationalSurvey))
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 3, day: daysAgo(12))
        #expect(kinds(facts).first == .callBackDetractor)
        #expect(!kinds(facts).contains(.relationalSurvey))
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 3, day: daysAgo(90))
        #expect(!kinds(facts).contains(.relationalSurvey), "90 days after")
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 3, day: daysAgo(91))
        #expect(kinds(facts).contains(.relationalSurvey), "91 days after")
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 9, day: daysAgo(12))
        #expect(kinds(facts).contains(.relationalSurvey), "the latest answer is a promoter's")
    }

    @Test("One plan, not six contacts: at most three suggestions, each due three days after the one before")
    func plan() throws {
        // Contract cancelled, NPS 3 twelve days ago, birthday in five days, a valued relationship
        // customer at risk who last ordered 20 days ago: call back, win-back, surprise and a
        // birthday card all match (cross-sell and the survey no longer do).
        var facts = steadyCustomer(.relationship)
        facts.purchases?.lastDay = daysAgo(20)
        facts.feedback.latestTransactionalNPS = ScoreAnswer(score: 3, day: daysAgo(12))
        facts.birthday = CalendarDay(year: 1970, month: 7, day: 5)
        facts.contracts = [
            ContractFacts(
                status: .cancelled, endsOn: inDays(25), noticeDays: 30, autoRenews: false,
                monthlyValueMinor: 1)
        ]
        let result = suggest(facts, context(segment: .champions, risk: 0.5, band: .medium, tier: .a))
        #expect(result.map(\.kind) == [.callBackDetractor, .winBack, .positiveSurprise])
        #expect(result.map(\.due) == [inDays(1), inDays(4), inDays(7)])
    }

    @Test("The plan: the first keeps its day, later ones move past every one above; the file sets the cap")
    func planSpacing() throws {
        func rule(_ id: String, _ priority: Int, _ due: Int) -> String {
            #"{"id": "\#(id)", "action": "\#(id)", "priority": \#(priority), "due": {"inDays": \#(due)}, "when": []}"#
        }
        let body = [
            rule("follow-up", 90, 5), rule("reactivate", 80, 0), rule("cross-sell", 70, 4),
            rule("birthday-greeting", 60, 20), rule("relational-nps", 50, 0),
        ].joined(separator: ", ")
        func plan(_ settings: String) throws -> [SuggestedAction] {
            let rules = try ActionRuleSet.parse(#"{"settings": {\#(settings)}, "rules": [\#(body)]}"#)
            return ActionEngine.suggest(for: steadyCustomer(), asOf: today, context: context(), rules: rules)
        }
        // The three weightiest are planned, then listed in the order they fall due:
        // 5 stays; 0 is free of 5; 4 clashes with 5 (and then 8 is free of 0 and 5).
        let capped = try plan("")
        #expect(capped.map(\.kind) == [.reactivate, .followUp, .crossSell])
        #expect(capped.map(\.due) == [inDays(0), inDays(5), inDays(8)])
        let all = try plan(#""suggestionsPerCustomer": 5"#)
        #expect(
            all.map(\.kind) == [.reactivate, .followUp, .crossSell, .relationalSurvey, .birthdayGreeting])
        #expect(all.map(\.due) == [inDays(0), inDays(5), inDays(8), inDays(11), inDays(20)])
        // Without spacing two fall on one day: the weightier comes first.
        let unspaced = try plan(#""suggestionsPerCustomer": 5, "contactFatigueDays": 0"#)
        #expect(
            unspaced.map(\.kind) == [
                .reactivate, .relationalSurvey, .crossSell, .followUp, .birthdayGreeting,
            ])
        #expect(unspaced.map(\.due) == [inDays(0), inDays(0), inDays(4), inDays(5), inDays(20)])
    }

    @Test("Suggestions come in the order they fall due, the weightier first on one day, one per kind")
    func ordering() {
        var facts = steadyCustomer(.relationship)
        facts.touchpoints.openComplaints = 1
        facts.touchpoints.oldestOpenComplaint = daysAgo(2)
        facts.birthday = CalendarDay(year: 1970, month: 7, day: 2)
        let result = suggest(facts, context(risk: 0.5, band: .medium, tier: .a))
        #expect(result.first?.kind == .resolveComplaint)
        #expect(
            zip(result, result.dropFirst()).allSatisfy {
                $0.due < $1.due || ($0.due == $1.due && $0.priority >= $1.priority)
            })
        #expect(Set(result.map(\.kind)).count == result.count)
    }
}

@Suite("Reading a rules file")
struct RuleFileTests {
    @Test("The shipped rules parse and name only known facts and actions")
    func shipped() throws {
        let rules = try ActionRuleSet.standard()
        #expect(rules.contactFatigueDays == 3)
        #expect(rules.relationalSurveysPerYear == 2)
        #expect(rules.suggestionsPerCustomer == 3)
        #expect(rules.rules.count == 16)
    }

    @Test(
        "Mistakes are reported with the rule and key",
        arguments: [
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"send-spam\", \"priority\": 1, \"when\": []}]}",
                "rules[0] (\"x\").action: unknown or missing action \"send-spam\""
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priorty\": 1, \"when\": []}]}",
                "rules[0] (\"x\").priorty: unknown key"
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"when\": [{\"fact\": \"npsClass\", \"op\": \"==\", \"value\": 1}]}]}",
                "rules[0] (\"x\").when[0].fact: unknown fact \"npsClass\""
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"when\": [{\"fact\": \"churnRisk\", \"op\": \"=>\", \"value\": 1}]}]}",
                "rules[0] (\"x\").when[0].op: unknown operator \"=>\""
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"when\": [{\"fact\": \"churnRisk\", \"op\": \"between\", \"value\": 1}]}]}",
                "between needs [low, high]"
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"when\": []}, {\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"when\": []}]}",
                "rules[1]: the id \"x\" is used twice"
            ),
            (
                "{\"settings\": {\"contactFatigueDays\": -1}, \"rules\": []}",
                "settings.contactFatigueDays: must be a whole number"
            ),
            (
                "{\"settings\": {\"suggestionsPerCustomer\": 0}, \"rules\": []}",
                "settings.suggestionsPerCustomer: must be a whole number, at least 1"
            ),
            ("{\"rules\": [", "the rules file is not valid JSON"),
            ("[]", "must be a JSON object"),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"reactivate\", \"priority\": 1, \"relationshipTypes\": [\"vip\"], \"when\": []}]}",
                "unknown relationship type \"vip\""
            ),
            (
                "{\"rules\": [{\"id\": \"x\", \"action\": \"cross-sell\", \"priority\": 1, \"fatigue\": \"exempt\", \"when\": []}]}",
                "rules[0] (\"x\").fatigue: only a follow-up the customer agreed to may be \"exempt\""
            ),
        ])
    func errors(json: String, message: String) {
        #expect(throws: RuleSetError.self) { try ActionRuleSet.parse(json) }
        do {
            _ = try ActionRuleSet.parse(json)
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("true and 1 are different values")
    func booleansAreNotNumbers() throws {
        let rules = try ActionRuleSet.parse(
            """
            {"rules": [{"id": "x", "action": "reactivate", "priority": 1,
              "when": [{"fact": "loyaltyMember", "op": "==", "value": 1}]}]}
            """)
        var facts = steadyCustomer()
        facts.loyaltyMember = true
        #expect(ActionEngine.suggest(for: facts, asOf: today, context: context(), rules: rules).isEmpty)
    }
}
