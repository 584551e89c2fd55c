import Scoring

/// One customer as stored. Times are unix seconds (UTC); dates are calendar days.
public struct CustomerRecord: Sendable, Equatable {
    public var id: Int64
    public var externalID: String?
    public var name: String
    public var company: String?
    public var kind: CustomerKind
    public var email: String?
    public var phone: String?
    public var street: String?
    public var postalCode: String?
    public var city: String?
    /// ISO 3166 alpha-2, for example "DE".
    public var country: String?
    /// The account manager who looks after this customer.
    public var owner: String?
    public var relationshipType: RelationshipType
    public var bindings: BindingSignals
    public var birthday: CalendarDay?
    public var tags: [String]
    public var consentEmail: Bool
    public var consentPhone: Bool
    public var consentPost: Bool
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, externalID: String? = nil, name: String, company: String? = nil,
        kind: CustomerKind = .person, email: String? = nil, phone: String? = nil, street: String? = nil,
        postalCode: String? = nil, city: String? = nil, country: String? = nil, owner: String? = nil,
        relationshipType: RelationshipType = .transactional, bindings: BindingSignals = BindingSignals(),
        birthday: CalendarDay? = nil, tags: [String] = [], consentEmail: Bool = false,
        consentPhone: Bool = false, consentPost: Bool = false, createdAt: Int64, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.company = company
        self.kind = kind
        self.email = email
        self.phone = phone
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.owner = owner
        self.relationshipType = relationshipType
        self.bindings = bindings
        self.birthday = birthday
        self.tags = tags
        self.consentEmail = consentEmail
        self.consentPhone = consentPhone
        self.consentPost = consentPost
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One order: money in integer minor units (cents) with its currency.
public struct OrderRecord: Sendable, Equatable {
    public var id: Int64
    public var customerID: Int64
    public var orderedAt: Int64
    public var amountMinor: Int64
    public var currency: String
    public var category: String?
    /// The source system's order number; with the customer, the natural key for re-imports.
    public var externalRef: String?

    public init(
        id: Int64, customerID: Int64, orderedAt: Int64, amountMinor: Int64, currency: String = "EUR",
        category: String? = nil, externalRef: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.orderedAt = orderedAt
        self.amountMinor = amountMinor
        self.currency = currency
        self.category = category
        self.externalRef = externalRef
    }
}

/// A contract or subscription with a term: the source of contractual binding.
public struct ContractRecord: Sendable, Equatable {
    public var id: Int64
    public var customerID: Int64
    public var product: String
    public var startsOn: CalendarDay
    /// End of the current term (the renewal date when it renews automatically).
    public var endsOn: CalendarDay?
    public var autoRenews: Bool
    /// Days before `endsOn` by which notice must be given.
    public var noticeDays: Int
    public var recurringMinor: Int64
    public var currency: String
    public var billingPeriod: BillingPeriod
    public var status: ContractStatus
    public var externalRef: String?

    public init(
        id: Int64, customerID: Int64, product: String, startsOn: CalendarDay, endsOn: CalendarDay?,
        autoRenews: Bool = true, noticeDays: Int = 0, recurringMinor: Int64 = 0, currency: String = "EUR",
        billingPeriod: BillingPeriod = .monthly, status: ContractStatus = .active, externalRef: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.product = product
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.autoRenews = autoRenews
        self.noticeDays = noticeDays
        self.recurringMinor = recurringMinor
        self.currency = currency
        self.billingPeriod = billingPeriod
        self.status = status
        self.externalRef = externalRef
    }
}

/// One touchpoint with a customer.
public struct InteractionRecord: Sendable, Equatable {
    public var id: Int64
    public var customerID: Int64
    public var occurredAt: Int64
    public var channel: Channel
    public var direction: Direction
    public var kind: InteractionKind
    public var outcome: InteractionOutcome?
    public var sentiment: Sentiment?
    public var note: String
    public var author: String?
    public var followUpOn: CalendarDay?
    /// Set for complaints only.
    public var complaintStatus: ComplaintStatus?
    public var resolvedAt: Int64?
    public var externalRef: String?
    public var createdAt: Int64

    public init(
        id: Int64, customerID: Int64, occurredAt: Int64, channel: Channel, direction: Direction,
        kind: InteractionKind, outcome: InteractionOutcome? = nil, sentiment: Sentiment? = nil,
        note: String = "", author: String? = nil, followUpOn: CalendarDay? = nil,
        complaintStatus: ComplaintStatus? = nil, resolvedAt: Int64? = nil, externalRef: String? = nil,
        createdAt: Int64? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.occurredAt = occurredAt
        self.channel = channel
        self.direction = direction
        self.kind = kind
        self.outcome = outcome
        self.sentiment = sentiment
        self.note = note
        self.author = author
        self.followUpOn = followUpOn
        self.complaintStatus = complaintStatus
        self.resolvedAt = resolvedAt
        self.externalRef = externalRef
        self.createdAt = createdAt ?? occurredAt
    }
}

/// One answer to an NPS, CSAT or CES question.
public struct FeedbackRecord: Sendable, Equatable {
    public var id: Int64
    public var customerID: Int64
    public var interactionID: Int64?
    public var givenAt: Int64
    public var metric: FeedbackMetric
    /// Set for NPS only.
    public var npsType: NPSType?
    public var score: Int
    public var comment: String?

    public init(
        id: Int64, customerID: Int64, interactionID: Int64? = nil, givenAt: Int64, metric: FeedbackMetric,
        npsType: NPSType? = nil, score: Int, comment: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.interactionID = interactionID
        self.givenAt = givenAt
        self.metric = metric
        self.npsType = npsType
        self.score = score
        self.comment = comment
    }
}

/// Who brought whom: the indirect part of customer value.
public struct ReferralRecord: Sendable, Equatable {
    public var id: Int64
    public var referrerID: Int64
    public var referredID: Int64
    public var referredAt: Int64

    public init(id: Int64, referrerID: Int64, referredID: Int64, referredAt: Int64) {
        self.id = id
        self.referrerID = referrerID
        self.referredID = referredID
        self.referredAt = referredAt
    }
}
