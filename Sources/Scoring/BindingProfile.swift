/// Which of the five bindings hold a customer, and which is weakest (DOMAIN.md "Five kinds of binding").
///
/// Starts from what was recorded for the customer and adds what the data shows: an active
/// contract is contractual binding, a loyalty programme economic binding, a recent promoter
/// answer or a referral emotional binding; a recent detractor answer caps emotional binding at weak.
public struct BindingProfile: Sendable, Equatable, Codable {
    public var strengths: BindingSignals

    public init(strengths: BindingSignals) {
        self.strengths = strengths
    }

    public init(facts: CustomerFacts, asOf: CalendarDay, settings: ModelSettings = ModelSettings()) {
        var strengths = facts.declaredBindings
        for contract in facts.contracts {
            let fromContract: BindingStrength
            switch contract.status {
            case .active: fromContract = contract.autoRenews ? .strong : .medium
            case .pending, .cancelled: fromContract = .weak
            case .expired: fromContract = .none
            }
            strengths.contractual = max(strengths.contractual, fromContract)
        }
        if facts.loyaltyMember { strengths.economic = max(strengths.economic, .medium) }
        if facts.referralsMade > 0 { strengths.emotional = max(strengths.emotional, .medium) }
        if let (answer, _) = facts.feedback.latestNPS,
            answer.day.days(until: asOf) <= settings.feedbackMemoryDays
        {
            switch NPSClass(score: answer.score) {
            case .promoter: strengths.emotional = max(strengths.emotional, .medium)
            case .detractor: strengths.emotional = min(strengths.emotional, .weak)
            case .passive, nil: break
            }
        }
        self.strengths = strengths
    }

    /// Bindings of at least medium strength, strongest first.
    public var holding: [Binding] {
        Binding.allCases.filter { strengths[$0] >= .medium }.sorted { strengths[$0] > strengths[$1] }
    }

    /// The weakest binding; ties go to the one that matters most for retention (emotional first).
    public var weakest: Binding {
        let preference: [Binding] = [.emotional, .contractual, .economic, .technical, .situational]
        return preference.min { strengths[$0] < strengths[$1] } ?? .emotional
    }

    /// Held by lock-in (contract, money, technology) but not emotionally: such a customer
    /// feels the binding as a burden and leaves when the lock ends.
    public var isLockInOnly: Bool { lockInStrongest != nil && strengths.emotional == .none }

    /// The strongest lock-in binding of at least medium strength.
    public var lockInStrongest: Binding? {
        [Binding.contractual, .economic, .technical].filter { strengths[$0] >= .medium }
            .max { strengths[$0] < strengths[$1] }
    }
}
