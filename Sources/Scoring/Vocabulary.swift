// The retention vocabulary shared by model, store and UI (see ../docs/DOMAIN.md).
// Raw values are the stable spellings used in the store and in files; labels for
// people come from the UI's catalogue, never from these strings.

/// How the customer sees the relationship (DOMAIN.md "Two kinds of relationship").
/// The customer defines it, and suggestions must respect it.
public enum RelationshipType: String, CaseIterable, Sendable, Codable {
    /// Each purchase stands alone; incentives and loyalty programmes suit them.
    case transactional
    /// Mutual dependence; the relationship matters more than the product.
    case relationship
}

/// Whether the customer is a person or an organisation.
public enum CustomerKind: String, CaseIterable, Sendable, Codable {
    case person
    case company
}

/// The five kinds of binding (DOMAIN.md "Five kinds of binding").
public enum Binding: String, CaseIterable, Sendable, Codable {
    case contractual
    case economic
    case technical
    case situational
    case emotional

    /// Lock-in bindings hold a customer whether or not they want to stay;
    /// only emotional binding is voluntary.
    public var isLockIn: Bool { self != .emotional && self != .situational }
}

/// How strongly one binding holds a customer, as recorded by the account manager
/// or derived from data. Stored as 0...3.
public enum BindingStrength: Int, CaseIterable, Sendable, Codable, Comparable {
    case none = 0
    case weak = 1
    case medium = 2
    case strong = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Strengths of all five bindings for one customer.
public struct BindingSignals: Sendable, Equatable, Codable {
    public var contractual: BindingStrength
    public var economic: BindingStrength
    public var technical: BindingStrength
    public var situational: BindingStrength
    public var emotional: BindingStrength

    public init(
        contractual: BindingStrength = .none, economic: BindingStrength = .none,
        technical: BindingStrength = .none, situational: BindingStrength = .none,
        emotional: BindingStrength = .none
    ) {
        self.contractual = contractual
        self.economic = economic
        self.technical = technical
        self.situational = situational
        self.emotional = emotional
    }

    public subscript(binding: Binding) -> BindingStrength {
        get {
            switch binding {
            case .contractual: contractual
            case .economic: economic
            case .technical: technical
            case .situational: situational
            case .emotional: emotional
            }
        }
        set {
            switch binding {
            case .contractual: contractual = newValue
            case .economic: economic = newValue
            case .technical: technical = newValue
            case .situational: situational = newValue
            case .emotional: emotional = newValue
            }
        }
    }
}

/// The channel of a touchpoint.
public enum Channel: String, CaseIterable, Sendable, Codable {
    case call, email, meeting, visit, chat, letter, note
}

/// Who started a touchpoint.
public enum Direction: String, CaseIterable, Sendable, Codable {
    case inbound, outbound
}

/// What a touchpoint was about.
public enum InteractionKind: String, CaseIterable, Sendable, Codable {
    case sales, service, complaint, feedback, greeting, survey, onboarding, renewal, referral, other

    /// The direction a touchpoint of this kind has when nobody says: complaints and feedback
    /// come from the customer, the rest is the company reaching out. It matters: an outbound
    /// touchpoint is a contact that contact fatigue counts.
    public var usualDirection: Direction {
        self == .complaint || self == .feedback ? .inbound : .outbound
    }
}

/// How a touchpoint ended.
public enum InteractionOutcome: String, CaseIterable, Sendable, Codable {
    /// Spoke with the customer.
    case reached
    case voicemail
    case noAnswer = "no_answer"
    /// The customer asked to be called back.
    case callBack = "call_back"
    case notInterested = "not_interested"
    /// A written or one-way touchpoint that went out or came in.
    case sent
    case received
    /// The matter was settled (an order placed, a question answered, a complaint fixed).
    case completed
}

/// Tone of a touchpoint as judged by the person who logged it.
public enum Sentiment: Int, CaseIterable, Sendable, Codable {
    case negative = -1
    case neutral = 0
    case positive = 1
}

/// State of a complaint touchpoint.
public enum ComplaintStatus: String, CaseIterable, Sendable, Codable {
    case open, resolved
}

/// The feedback metrics of DOMAIN.md "Measuring".
public enum FeedbackMetric: String, CaseIterable, Sendable, Codable {
    /// Net Promoter question, 0...10.
    case nps
    /// Customer satisfaction, 1...5.
    case csat
    /// Customer effort, 1...7.
    case ces

    /// The scores this metric allows.
    public var range: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }
}

/// Transactional NPS follows an interaction; relational NPS asks about the whole
/// relationship and is asked at most twice a year.
public enum NPSType: String, CaseIterable, Sendable, Codable {
    case transactional, relational
}

/// NPS class of one answer: 0–6 detractor, 7–8 passive, 9–10 promoter.
public enum NPSClass: String, Sendable, Codable {
    case detractor, passive, promoter

    public init?(score: Int) {
        switch score {
        case 0...6: self = .detractor
        case 7...8: self = .passive
        case 9...10: self = .promoter
        default: return nil
        }
    }
}

/// Status of a contract.
public enum ContractStatus: String, CaseIterable, Sendable, Codable {
    case active, cancelled, expired, pending
}

/// How often a contract's recurring value is charged.
public enum BillingPeriod: String, CaseIterable, Sendable, Codable {
    case monthly, quarterly, yearly
}
