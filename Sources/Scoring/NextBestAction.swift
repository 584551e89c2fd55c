/// What an account manager could do next for a customer (DOMAIN.md "What this means for the product").
public enum ActionKind: String, CaseIterable, Sendable, Codable {
    /// A follow-up date set on an earlier touchpoint has come.
    case followUp = "follow-up"
    /// Resolve an open complaint first: nothing else lands while it is open.
    case resolveComplaint = "resolve-complaint"
    /// Close the loop with a detractor: call back, listen, fix.
    case callBackDetractor = "call-back-detractor"
    /// Prepare the renewal conversation before the notice deadline.
    case prepareRenewal = "prepare-renewal"
    /// The contract was cancelled: a win-back conversation before it ends.
    case winBack = "win-back"
    /// A promoter: ask for a referral or a review.
    case askForReferral = "ask-for-referral"
    /// A relationship customer: a positive surprise, not points.
    case positiveSurprise = "positive-surprise"
    /// A transactional customer in a loyalty programme: remind them of their bonus.
    case loyaltyBonusReminder = "loyalty-bonus-reminder"
    /// A new customer: check in on how things are going.
    case onboardingCheckIn = "onboarding-check-in"
    case birthdayGreeting = "birthday-greeting"
    /// A complementary product after a purchase.
    case crossSell = "cross-sell"
    /// Ask the relational NPS question (at most twice a year).
    case relationalSurvey = "relational-nps"
    /// A lapsing customer: a reason to come back.
    case reactivate
    /// Held only by lock-in: build a personal bond before the lock ends.
    case strengthenRelationship = "strengthen-relationship"
}

/// One suggestion with its due date, priority and the number that explains it.
public struct SuggestedAction: Sendable, Equatable, Codable {
    public var kind: ActionKind
    /// The rule that produced it (rules live in a file the user can change).
    public var ruleID: String
    public var due: CalendarDay
    /// Higher first; the call list adds value at stake on top.
    public var priority: Int
    public var channel: Channel?
    /// The figure the sentence needs: an NPS score, days to a deadline, days overdue, ...
    public var detail: Int?

    public init(
        kind: ActionKind, ruleID: String, due: CalendarDay, priority: Int, channel: Channel? = nil,
        detail: Int? = nil
    ) {
        self.kind = kind
        self.ruleID = ruleID
        self.due = due
        self.priority = priority
        self.channel = channel
        self.detail = detail
    }
}

/// The per-customer values rules can test. Names are the spellings used in the rules file.
public enum ActionFact: String, CaseIterable, Sendable, Codable {
    case relationshipType
    case segment
    case riskBand
    case churnRisk
    case valueTier
    case openComplaints
    case oldestOpenComplaintDays
    case latestNPS
    case latestNPSClass
    case latestNPSDaysAgo
    /// Whether the company reached out after the latest NPS answer.
    case contactedSinceLatestNPS
    /// Days since the latest NPS answer when it was a detractor's (0–6); 100,000 when there is
    /// none or the latest answer was not a detractor's, so a rule can wait after a detractor
    /// without excluding customers never asked.
    case daysSinceDetractorNPS
    case daysSinceRelationalNPS
    case relationalNPSLastYear
    case daysToNoticeDeadline
    case daysToContractEnd
    case contractCancelled
    /// Days until the nearest live contract that will not renew by itself (cancelled, or not
    /// renewing automatically) ends; 100,000 when there is none, so a rule can ask for "no such
    /// end soon" without excluding customers without contracts.
    case daysToContractEndWithoutRenewal
    case daysSinceLastOrder
    /// Days since the last order divided by the customer's usual gap.
    case orderOverdueRatio
    case purchaseDays
    case daysSinceFirstPurchase
    case customerDays
    case hadOnboarding
    case daysToBirthday
    case loyaltyMember
    case emotionalBinding
    case lockInOnly
    /// Days until the pending follow-up (negative when overdue).
    case followUpDueInDays
    case daysSinceLastTouch
    case daysSinceLastContact
}

/// A value of a fact: a number, a flag or a word.
public enum FactValue: Sendable, Equatable, Codable {
    case number(Double)
    case flag(Bool)
    case word(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .word(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .word(let value): try container.encode(value)
        }
    }
}
