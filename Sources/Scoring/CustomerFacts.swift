/// Everything the model knows about one customer on the as-of day, gathered by the store.
///
/// Plain values only: the model never reads a database or a clock. Days are `CalendarDay`s;
/// money is integer minor units.
public struct CustomerFacts: Sendable, Equatable {
    public var customerID: Int64
    public var relationshipType: RelationshipType
    /// Bindings as recorded for the customer (the profile adds what the data shows).
    public var declaredBindings: BindingSignals
    /// Member of a loyalty or bonus programme (an economic binding the actions may use).
    public var loyaltyMember: Bool
    public var birthday: CalendarDay?
    /// When the customer was created in the source system.
    public var customerSince: CalendarDay
    public var purchases: PurchaseFacts?
    public var touchpoints: TouchpointFacts
    public var feedback: FeedbackFacts
    public var contracts: [ContractFacts]
    /// Customers this customer brought in (their value is partly credited to this customer).
    public var referredCustomers: [Int64]
    /// Whether the customer is a business and what they agreed to be contacted by.
    public var contact = ContactPermission()

    public init(
        customerID: Int64, relationshipType: RelationshipType,
        declaredBindings: BindingSignals = BindingSignals(),
        loyaltyMember: Bool = false, birthday: CalendarDay? = nil, customerSince: CalendarDay,
        purchases: PurchaseFacts? = nil, touchpoints: TouchpointFacts = TouchpointFacts(),
        feedback: FeedbackFacts = FeedbackFacts(), contracts: [ContractFacts] = [],
        referredCustomers: [Int64] = []
    ) {
        self.customerID = customerID
        self.relationshipType = relationshipType
        self.declaredBindings = declaredBindings
        self.loyaltyMember = loyaltyMember
        self.birthday = birthday
        self.customerSince = customerSince
        self.purchases = purchases
        self.touchpoints = touchpoints
        self.feedback = feedback
        self.contracts = contracts
        self.referredCustomers = referredCustomers
    }
}

extension CustomerFacts {
    public var referralsMade: Int { referredCustomers.count }

    /// Relational NPS asks of the last 365 days, answered or not: every outbound survey
    /// touchpoint, plus every relational answer that is not linked to one of them (an answer
    /// given on a form or imported without its touchpoint was still an ask).
    public var relationalSurveysAskedLastYear: Int {
        let unlinkedAnswers = max(0, feedback.relationalNPSLastYear - touchpoints.surveysAnsweredLastYear)
        return touchpoints.surveysAskedLastYear + unlinkedAnswers
    }
}

/// Purchase days up to the as-of day (orders on one calendar day are one purchase).
public struct PurchaseFacts: Sendable, Equatable {
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    /// Number of distinct purchase days (x + 1 in BG/NBD terms).
    public var purchaseDays: Int
    public var totalSpendMinor: Int64

    /// The facts of the model's purchase summary (same conventions: one purchase per day).
    public init(summary: PurchaseSummary) {
        self.init(
            firstDay: CalendarDay(daysSinceEpoch: summary.firstDay),
            lastDay: CalendarDay(daysSinceEpoch: summary.lastDay),
            purchaseDays: summary.frequency + 1, totalSpendMinor: summary.totalSpend)
    }

    public init(firstDay: CalendarDay, lastDay: CalendarDay, purchaseDays: Int, totalSpendMinor: Int64) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.purchaseDays = purchaseDays
        self.totalSpendMinor = totalSpendMinor
    }

    /// The customer's own mean gap between purchase days, when there are at least two gaps
    /// (one gap says little about a rhythm).
    public var usualGapDays: Double? {
        purchaseDays >= 3 ? Double(firstDay.days(until: lastDay)) / Double(purchaseDays - 1) : nil
    }
}

/// What the touchpoint timeline says, summarised.
public struct TouchpointFacts: Sendable, Equatable {
    /// The latest touchpoint of any kind.
    public var lastTouch: CalendarDay?
    /// The latest outbound contact (the company reaching out): what contact fatigue counts.
    public var lastOutboundContact: CalendarDay?
    /// Touchpoints in the last 365 days, and over the whole relationship.
    public var touchesLastYear: Int
    public var touchesTotal: Int
    public var firstTouch: CalendarDay?
    public var openComplaints: Int
    public var oldestOpenComplaint: CalendarDay?
    /// Touchpoints of the last 90 days, and how many of them were negative.
    public var recentTouches: Int
    public var recentNegative: Int
    /// Whether an onboarding touchpoint exists.
    public var hadOnboarding: Bool
    /// The earliest follow-up date that is still pending (on or after the last touch that set it).
    public var nextFollowUp: CalendarDay?
    /// The latest outbound survey touchpoint, and how many there were in the last 365 days: a
    /// survey asked counts towards the relational NPS cap whether or not it was answered (the
    /// touchpoint does not say which survey it was, so every one counts).
    public var lastSurveyAsked: CalendarDay?
    public var surveysAskedLastYear: Int
    /// Relational NPS answers of the last 365 days linked to one of those survey touchpoints:
    /// that ask is already counted once as the touchpoint, so the answer must not count again.
    public var surveysAnsweredLastYear: Int

    public init(
        lastTouch: CalendarDay? = nil, lastOutboundContact: CalendarDay? = nil, touchesLastYear: Int = 0,
        touchesTotal: Int = 0, firstTouch: CalendarDay? = nil, openComplaints: Int = 0,
        oldestOpenComplaint: CalendarDay? = nil, recentTouches: Int = 0, recentNegative: Int = 0,
        hadOnboarding: Bool = false, nextFollowUp: CalendarDay? = nil, lastSurveyAsked: CalendarDay? = nil,
        surveysAskedLastYear: Int = 0, surveysAnsweredLastYear: Int = 0
    ) {
        self.lastTouch = lastTouch
        self.lastOutboundContact = lastOutboundContact
        self.touchesLastYear = touchesLastYear
        self.touchesTotal = touchesTotal
        self.firstTouch = firstTouch
        self.openComplaints = openComplaints
        self.oldestOpenComplaint = oldestOpenComplaint
        self.recentTouches = recentTouches
        self.recentNegative = recentNegative
        self.hadOnboarding = hadOnboarding
        self.nextFollowUp = nextFollowUp
        self.lastSurveyAsked = lastSurveyAsked
        self.surveysAskedLastYear = surveysAskedLastYear
        self.surveysAnsweredLastYear = surveysAnsweredLastYear
    }

    /// Mean days between touchpoints over the relationship, when there are enough to say.
    public var usualContactGapDays: Double? {
        guard touchesTotal >= 3, let firstTouch, let lastTouch else { return nil }
        return Double(firstTouch.days(until: lastTouch)) / Double(touchesTotal - 1)
    }
}

/// One NPS, CSAT or CES answer with its day.
public struct ScoreAnswer: Sendable, Equatable {
    public var score: Int
    public var day: CalendarDay

    public init(score: Int, day: CalendarDay) {
        self.score = score
        self.day = day
    }
}

/// The latest answers of each kind.
public struct FeedbackFacts: Sendable, Equatable {
    public var latestTransactionalNPS: ScoreAnswer?
    public var latestRelationalNPS: ScoreAnswer?
    /// Relational NPS surveys answered in the 365 days before the as-of day (the survey cap).
    public var relationalNPSLastYear: Int
    public var latestCSAT: ScoreAnswer?
    public var latestCES: ScoreAnswer?

    public init(
        latestTransactionalNPS: ScoreAnswer? = nil, latestRelationalNPS: ScoreAnswer? = nil,
        relationalNPSLastYear: Int = 0, latestCSAT: ScoreAnswer? = nil, latestCES: ScoreAnswer? = nil
    ) {
        self.latestTransactionalNPS = latestTransactionalNPS
        self.latestRelationalNPS = latestRelationalNPS
        self.relationalNPSLastYear = relationalNPSLastYear
        self.latestCSAT = latestCSAT
        self.latestCES = latestCES
    }

    /// The most recent NPS answer of either type, with its type.
    public var latestNPS: (answer: ScoreAnswer, type: NPSType)? {
        switch (latestTransactionalNPS, latestRelationalNPS) {
        case (let t?, let r?): r.day >= t.day ? (r, .relational) : (t, .transactional)
        case (let t?, nil): (t, .transactional)
        case (nil, let r?): (r, .relational)
        case (nil, nil): nil
        }
    }
}

/// One contract as the model needs it.
public struct ContractFacts: Sendable, Equatable {
    public var status: ContractStatus
    public var endsOn: CalendarDay?
    public var noticeDays: Int
    public var autoRenews: Bool
    /// Recurring value per month in minor units (quarterly and yearly prices are spread).
    public var monthlyValueMinor: Int64

    public init(
        status: ContractStatus, endsOn: CalendarDay?, noticeDays: Int, autoRenews: Bool,
        monthlyValueMinor: Int64
    ) {
        self.status = status
        self.endsOn = endsOn
        self.noticeDays = noticeDays
        self.autoRenews = autoRenews
        self.monthlyValueMinor = monthlyValueMinor
    }

    /// The last day notice can be given before `endsOn`.
    public var noticeDeadline: CalendarDay? { endsOn?.adding(days: -noticeDays) }

    /// A contract the customer is in on `day`: active (or about to start) and not ended. While
    /// one runs the contract is the relationship, and its end, notice and cancellation are the
    /// churn signals, not a pause in one-off orders.
    public func isRunning(on day: CalendarDay) -> Bool {
        guard status == .active || status == .pending else { return false }
        return endsOn.map { $0 >= day } ?? true
    }

    /// A live contract that renews by itself and whose notice deadline has passed on `day`:
    /// the customer can no longer leave at `endsOn`, so that end is no risk and no occasion.
    public func isRenewing(on day: CalendarDay) -> Bool {
        guard autoRenews, status == .active || status == .pending, let deadline = noticeDeadline else {
            return false
        }
        return deadline < day
    }
}

/// Who may be contacted how. German law (UWG §7) lets a company call a consumer for advertising
/// only with their prior express consent, and e-mail advertising needs consent too; a business's
/// presumed consent and the existing-customer rule for e-mail cover business customers.
public struct ContactPermission: Sendable, Equatable {
    /// A business customer (kind company, or a contact with a company name); otherwise a consumer.
    public var isBusiness: Bool
    public var phone: Bool
    public var email: Bool

    /// Defaults: a consumer who agreed to both (what the model's own tests assume).
    public init(isBusiness: Bool = false, phone: Bool = true, email: Bool = true) {
        self.isBusiness = isBusiness
        self.phone = phone
        self.email = email
    }
}
