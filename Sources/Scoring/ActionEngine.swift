/// What the scoring has already decided about a customer, which rules may test.
public struct ScoredContext: Sendable, Equatable {
    public var segment: Segment
    public var risk: Double
    public var band: RiskBand
    public var tier: ValueTier?
    public var bindings: BindingProfile

    public init(segment: Segment, risk: Double, band: RiskBand, tier: ValueTier?, bindings: BindingProfile) {
        self.segment = segment
        self.risk = risk
        self.band = band
        self.tier = tier
        self.bindings = bindings
    }
}

/// Applies a rule set to one customer.
///
/// Besides the rules, three DOMAIN.md rules hold whatever the file says, because breaking them
/// costs trust: loyalty points are never suggested to a relationship customer; the relational
/// NPS is never asked more often than the survey cap; and contact fatigue applies to every
/// suggestion (suppressed, or deferred for rules marked `"fatigue": "defer"`). Fatigue also
/// holds between the suggestions themselves: at most `suggestionsPerCustomer` are kept, highest
/// priority first, and each is due at least `contactFatigueDays` after the one before it.
public enum ActionEngine {
    public static func suggest(
        for facts: CustomerFacts, asOf: CalendarDay, context: ScoredContext, rules: ActionRuleSet
    ) -> [SuggestedAction] {
        let values = FactTable(facts: facts, asOf: asOf, context: context)
        let lastContactDays = facts.touchpoints.lastOutboundContact.map { $0.days(until: asOf) }
        let fatigued = lastContactDays.map { $0 < rules.contactFatigueDays } ?? false
        var suggestions: [SuggestedAction] = []
        var kinds = Set<ActionKind>()
        for rule in rules.rules where rule.relationshipTypes.contains(facts.relationshipType) {
            guard !kinds.contains(rule.action) else { continue }
            guard rule.conditions.allSatisfy({ $0.holds(for: values[$0.fact]) }) else { continue }
            guard isAllowed(rule.action, facts: facts, asOf: asOf, rules: rules) else { continue }
            guard mayContact(for: rule.action, by: rule.channel, facts.contact) else { continue }
            var due: CalendarDay
            switch rule.due {
            case .inDays(let days):
                due = asOf.adding(days: days)
            case .fromFact(let fact, let offset):
                guard case .number(let days)? = values[fact] else { continue }
                due = asOf.adding(days: Int(days) + offset)
            }
            if due < asOf { due = asOf }
            if fatigued, rule.fatigue != .exempt, let lastContact = facts.touchpoints.lastOutboundContact {
                guard rule.fatigue == .defer else { continue }
                due = max(due, lastContact.adding(days: rules.contactFatigueDays))
            }
            var detail: Int?
            if let fact = rule.detail, case .number(let number)? = values[fact] {
                detail = Int(number.rounded())
            }
            suggestions.append(
                SuggestedAction(
                    kind: rule.action, ruleID: rule.id, due: due, priority: rule.priority,
                    channel: rule.channel,
                    detail: detail))
            kinds.insert(rule.action)
        }
        suggestions.sort { ($0.priority, $1.due) > ($1.priority, $0.due) }
        return plan(suggestions, spacing: rules.contactFatigueDays, limit: rules.suggestionsPerCustomer)
    }

    /// The suggestions as one plan: the first `limit` by priority, each moved to the earliest day
    /// on or after its own due day that is `spacing` days from every suggestion ranked above it
    /// (the weightiest keeps its day), then in the order they fall due, the weightier first on
    /// one day. The first is the customer's next action, which the list shows and the call
    /// list goes by: a follow-up agreed for next month must not hide a reactivation due now.
    static func plan(_ ranked: [SuggestedAction], spacing: Int, limit: Int) -> [SuggestedAction] {
        var planned = Array(ranked.prefix(max(limit, 1)))
        if spacing > 0 {
            for index in planned.indices.dropFirst() {
                var due = planned[index].due
                while let clash = planned[..<index].first(where: { abs($0.due.days(until: due)) < spacing }) {
                    due = clash.due.adding(days: spacing)
                }
                planned[index].due = due
            }
        }
        return planned.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }
            .map(\.element)
    }

    /// Contacts that answer the customer — resolving their complaint, a follow-up they agreed
    /// to, calling back after their own negative answer — are service, not advertising.
    static let serviceActions: Set<ActionKind> = [.resolveComplaint, .followUp, .callBackDetractor]

    /// Whether an advertising suggestion may reach this customer by its channel (see
    /// `ContactPermission`): a consumer is called only with phone consent and e-mailed only with
    /// e-mail consent; one without a channel needs at least one of them. No rules file can
    /// switch this off.
    static func mayContact(for action: ActionKind, by channel: Channel?, _ permission: ContactPermission)
        -> Bool
    {
        guard !permission.isBusiness, !serviceActions.contains(action) else { return true }
        switch channel {
        case .call?: return permission.phone
        case .email?: return permission.email
        case nil: return permission.phone || permission.email
        default: return true
        }
    }

    /// The DOMAIN.md rules no rules file can switch off.
    static func isAllowed(_ action: ActionKind, facts: CustomerFacts, asOf: CalendarDay, rules: ActionRuleSet)
        -> Bool
    {
        switch action {
        case .loyaltyBonusReminder:
            return facts.relationshipType == .transactional
        case .relationalSurvey:
            // Asked counts, not only answered: a survey sent without an answer still used one.
            let asked = facts.relationalSurveysAskedLastYear
            if asked >= rules.relationalSurveysPerYear { return false }
            let spacing = rules.relationalSurveyMinDays
            if let day = facts.feedback.latestRelationalNPS?.day, day.days(until: asOf) < spacing {
                return false
            }
            if let day = facts.touchpoints.lastSurveyAsked, day.days(until: asOf) < spacing { return false }
            return true
        default:
            return true
        }
    }
}

/// Fact values of one customer, computed on demand.
struct FactTable {
    let facts: CustomerFacts
    let asOf: CalendarDay
    let context: ScoredContext

    subscript(fact: ActionFact) -> FactValue? {
        let touch = facts.touchpoints
        let feedback = facts.feedback
        switch fact {
        case .relationshipType: return .word(facts.relationshipType.rawValue)
        case .segment: return .word(context.segment.rawValue)
        case .riskBand: return .word(context.band.rawValue)
        case .churnRisk: return .number(context.risk)
        case .valueTier: return context.tier.map { .word($0.rawValue) }
        case .openComplaints: return .number(Double(touch.openComplaints))
        case .oldestOpenComplaintDays: return touch.oldestOpenComplaint.map { days(since: $0) }
        case .latestNPS: return feedback.latestNPS.map { .number(Double($0.answer.score)) }
        case .latestNPSClass:
            return feedback.latestNPS.flatMap { NPSClass(score: $0.answer.score) }.map { .word($0.rawValue) }
        case .latestNPSDaysAgo: return feedback.latestNPS.map { days(since: $0.answer.day) }
        case .contactedSinceLatestNPS:
            guard let answer = feedback.latestNPS?.answer else { return nil }
            return .flag((touch.lastOutboundContact.map { $0 > answer.day }) ?? false)
        case .daysSinceDetractorNPS:
            guard let answer = feedback.latestNPS?.answer, NPSClass(score: answer.score) == .detractor else {
                return .number(Self.never)
            }
            return days(since: answer.day)
        case .daysSinceRelationalNPS:
            // Never asked counts as long ago, so "due" rules fire for customers never surveyed.
            return feedback.latestRelationalNPS.map { days(since: $0.day) } ?? .number(Self.never)
        case .relationalNPSLastYear: return .number(Double(feedback.relationalNPSLastYear))
        case .daysToNoticeDeadline:
            return nearestLiveContract(where: { $0.status == .active || $0.status == .pending })
                .flatMap(\.noticeDeadline).map { days(until: $0) }
        case .daysToContractEnd:
            // A contract that renews by itself past its notice deadline does not end at `endsOn`.
            return nearestLiveContract(where: { $0.status != .expired && !$0.isRenewing(on: asOf) })
                .flatMap(\.endsOn).map { days(until: $0) }
        case .contractCancelled:
            return .flag(
                facts.contracts.contains {
                    $0.status == .cancelled && ($0.endsOn.map { $0 >= asOf } ?? false)
                })
        case .daysToContractEndWithoutRenewal:
            let ending = nearestLiveContract(where: {
                $0.status == .cancelled || (($0.status == .active || $0.status == .pending) && !$0.autoRenews)
            })
            return ending.flatMap(\.endsOn).map { days(until: $0) } ?? .number(Self.never)
        case .daysSinceLastOrder: return facts.purchases.map { days(since: $0.lastDay) }
        case .orderOverdueRatio:
            guard let purchases = facts.purchases, let usual = purchases.usualGapDays, usual > 0 else {
                return nil
            }
            return .number(Double(purchases.lastDay.days(until: asOf)) / usual)
        case .purchaseDays: return .number(Double(facts.purchases?.purchaseDays ?? 0))
        case .daysSinceFirstPurchase: return facts.purchases.map { days(since: $0.firstDay) }
        case .customerDays: return days(since: facts.customerSince)
        case .hadOnboarding: return .flag(touch.hadOnboarding)
        case .daysToBirthday:
            return facts.birthday.map { .number(Double(Self.daysToBirthday($0, from: asOf))) }
        case .loyaltyMember: return .flag(facts.loyaltyMember)
        case .emotionalBinding: return .number(Double(context.bindings.strengths.emotional.rawValue))
        case .lockInOnly: return .flag(context.bindings.isLockInOnly)
        case .followUpDueInDays: return touch.nextFollowUp.map { days(until: $0) }
        case .daysSinceLastTouch: return touch.lastTouch.map { days(since: $0) }
        case .daysSinceLastContact: return touch.lastOutboundContact.map { days(since: $0) }
        }
    }

    /// The value of a "days since/until" fact that has no day: far enough for any rule's window.
    static let never = 100_000.0

    private func days(since day: CalendarDay) -> FactValue { .number(Double(day.days(until: asOf))) }
    private func days(until day: CalendarDay) -> FactValue { .number(Double(asOf.days(until: day))) }

    /// The contract that ends soonest from today on.
    private func nearestLiveContract(where include: (ContractFacts) -> Bool) -> ContractFacts? {
        facts.contracts.filter { include($0) && ($0.endsOn.map { $0 >= asOf } ?? false) }
            .min { ($0.endsOn ?? asOf) < ($1.endsOn ?? asOf) }
    }

    /// Days from `day` to the next birthday (0 on the day itself; 29 February counts on the 28th
    /// in common years).
    static func daysToBirthday(_ birthday: CalendarDay, from day: CalendarDay) -> Int {
        let (_, month, dayOfMonth) = birthday.components
        let year = day.components.year
        for candidateYear in [year, year + 1] {
            let lastDay = CalendarDay.daysIn(month: month, year: candidateYear)
            if let candidate = CalendarDay(year: candidateYear, month: month, day: min(dayOfMonth, lastDay)),
                candidate >= day
            {
                return day.days(until: candidate)
            }
        }
        return 366
    }
}
