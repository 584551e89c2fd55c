// Read models: plain values the store returns and the dashboard shows. They live here, in the
// module both depend on, so CustomerStore and Dashboard never depend on each other. No I/O.

/// A column the customer list can be sorted by. Each one is backed by an index in the store, so
/// a page is a short index range scan whatever the sort (see `CustomerStore.customerListPage`).
public enum ListSortColumn: String, CaseIterable, Sendable, Codable {
    /// Case- and accent-folded name (`customers_by_sort_name`).
    case name
    /// Segment in business order (Champions … Lost, then prospects), then churn risk
    /// (`scores_by_segment`, one range per segment).
    case segment
    /// Churn risk (`scores_by_risk`).
    case risk
    /// Customer value, which also orders the value tier (`scores_by_value`).
    case value
    /// Last touchpoint (`scores_by_last_touch`).
    case lastTouch = "last-touch"
    /// Due date of the next suggested action (`scores_by_next_action_due`).
    case nextAction = "next-action"

    /// The direction a person usually wants first: riskiest, most valuable, due soonest on top.
    public var naturalDirection: SortDirection {
        switch self {
        case .name, .segment, .nextAction, .lastTouch: .ascending
        case .risk, .value: .descending
        }
    }
}

/// Ascending or descending.
public enum SortDirection: String, Sendable, Codable, CaseIterable {
    case ascending = "asc"
    case descending = "desc"

    public var reversed: SortDirection { self == .ascending ? .descending : .ascending }
}

/// Which customers the list shows; `nil` fields do not filter. All filters combine with AND.
public struct ListFilter: Hashable, Sendable, Codable {
    public var segment: Segment?
    public var band: RiskBand?
    public var tier: ValueTier?
    public var owner: String?
    public var relationship: RelationshipType?

    public init(
        segment: Segment? = nil, band: RiskBand? = nil, tier: ValueTier? = nil, owner: String? = nil,
        relationship: RelationshipType? = nil
    ) {
        self.segment = segment
        self.band = band
        self.tier = tier
        self.owner = owner
        self.relationship = relationship
    }

    /// Whether no filter is set.
    public var isEmpty: Bool { self == ListFilter() }
}

/// Everything that decides which rows the list shows and in what order.
public struct CustomerListQuery: Hashable, Sendable, Codable {
    public var sort: ListSortColumn
    public var direction: SortDirection
    public var filter: ListFilter
    /// Words typed after `/`; matched as prefixes, accent- and case-insensitively. Empty: no search.
    public var search: String

    public init(
        sort: ListSortColumn = .risk, direction: SortDirection? = nil, filter: ListFilter = ListFilter(),
        search: String = ""
    ) {
        self.sort = sort
        self.direction = direction ?? sort.naturalDirection
        self.filter = filter
        self.search = search
    }
}

/// A value of a sort column, as stored (so a keyset comparison matches the index exactly).
public enum SortValue: Hashable, Sendable, Codable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// Where a page starts or ends in the list's order: the sort values and the customer id of one
/// row. Keyset paging (`WHERE (key, id) > (?, ?)`) makes row 900,000 as cheap as row 1.
public struct ListCursor: Hashable, Sendable, Codable {
    /// Sort values, most significant first (one, or two for the segment sort).
    public var values: [SortValue]
    public var customerID: Int64

    public init(values: [SortValue], customerID: Int64) {
        self.values = values
        self.customerID = customerID
    }
}

/// Which page to fetch: the first, the last, or the one just after or before a row.
public enum PagePosition: Hashable, Sendable {
    case first
    case last
    case after(ListCursor)
    case before(ListCursor)
}

/// One row of the customer list.
public struct CustomerListRow: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var owner: String?
    public var relationship: RelationshipType?
    /// Nil when the customer has not been scored yet.
    public var segment: Segment?
    public var churnRisk: Double?
    public var band: RiskBand?
    public var tier: ValueTier?
    public var valueMinor: Int64?
    public var clvMinor: Int64?
    public var lastTouch: CalendarDay?
    public var nextAction: ActionKind?
    public var nextActionDue: CalendarDay?
    /// For a follow-up, its ``SuggestedAction/detail`` as scored: the days until the promised
    /// day, negative when it was already late on the scoring day. Nil for other actions.
    public var nextActionDetail: Int?
    /// This row's position in the list's order, for fetching the next or previous page.
    public var cursor: ListCursor

    public init(
        id: Int64, name: String, company: String? = nil, owner: String? = nil,
        relationship: RelationshipType? = nil, segment: Segment? = nil, churnRisk: Double? = nil,
        band: RiskBand? = nil, tier: ValueTier? = nil, valueMinor: Int64? = nil, clvMinor: Int64? = nil,
        lastTouch: CalendarDay? = nil, nextAction: ActionKind? = nil, nextActionDue: CalendarDay? = nil,
        nextActionDetail: Int? = nil, cursor: ListCursor? = nil
    ) {
        self.id = id
        self.name = name
        self.company = company
        self.owner = owner
        self.relationship = relationship
        self.segment = segment
        self.churnRisk = churnRisk
        self.band = band
        self.tier = tier
        self.valueMinor = valueMinor
        self.clvMinor = clvMinor
        self.lastTouch = lastTouch
        self.nextAction = nextAction
        self.nextActionDue = nextActionDue
        self.nextActionDetail = nextActionDetail
        self.cursor = cursor ?? ListCursor(values: [], customerID: id)
    }
}

/// A page of rows in list order, and whether more rows lie beyond it in the fetch direction.
public struct CustomerListPage: Hashable, Sendable {
    public var rows: [CustomerListRow]
    /// More rows follow in the direction the page was fetched (after for `.first`/`.after`,
    /// before for `.last`/`.before`).
    public var hasMore: Bool
    /// For a page fetched around one customer: where that customer is in `rows` (nil when they
    /// are no longer in the list and the page was fetched at the fallback position instead).
    public var anchorIndex: Int?
    /// For a page fetched around one customer: whether rows come before the page's first.
    public var hasMoreBefore: Bool

    public init(rows: [CustomerListRow], hasMore: Bool, anchorIndex: Int? = nil, hasMoreBefore: Bool = false)
    {
        self.rows = rows
        self.hasMore = hasMore
        self.anchorIndex = anchorIndex
        self.hasMoreBefore = hasMoreBefore
    }
}

/// A customer on the overview's "most urgent" list, with the reason that weighs most.
public struct UrgentCustomer: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var churnRisk: Double
    public var band: RiskBand
    public var valueAtStakeMinor: Int64
    public var topReason: RiskReason?

    public init(
        id: Int64, name: String, churnRisk: Double, band: RiskBand, valueAtStakeMinor: Int64,
        topReason: RiskReason?
    ) {
        self.id = id
        self.name = name
        self.churnRisk = churnRisk
        self.band = band
        self.valueAtStakeMinor = valueAtStakeMinor
        self.topReason = topReason
    }
}

/// The overview's key figures. Each part loads on its own (some need a full scan on a large
/// store), so every figure is optional until it has arrived.
public struct OverviewFigures: Equatable, Sendable {
    /// Counts and money figures over the scores table.
    public struct Headline: Hashable, Sendable, Codable {
        public var customers: Int
        /// P(alive) ≥ 0.5 or an order in the last 90 days.
        public var activeCustomers: Int
        public var averageCLVMinor: Int64?
        /// Sum of value at stake (value × churn risk); nil while no customer is scored.
        public var revenueAtRiskMinor: Int64?

        public init(customers: Int, activeCustomers: Int, averageCLVMinor: Int64?, revenueAtRiskMinor: Int64?)
        {
            self.customers = customers
            self.activeCustomers = activeCustomers
            self.averageCLVMinor = averageCLVMinor
            self.revenueAtRiskMinor = revenueAtRiskMinor
        }
    }

    /// Retention over the last year, from orders.
    public struct Retention: Hashable, Sendable, Codable {
        /// Customers with an order in the year before the last one.
        public var activeYearAgo: Int
        /// Of those, customers with an order in the last year too.
        public var stillActive: Int

        public init(activeYearAgo: Int, stillActive: Int) {
            self.activeYearAgo = activeYearAgo
            self.stillActive = stillActive
        }

        /// Share still active, 0–1; nil when nobody was active a year ago.
        public var retentionRate: Double? {
            activeYearAgo > 0 ? Double(stillActive) / Double(activeYearAgo) : nil
        }

        /// 1 − retention rate.
        public var churnRate: Double? { retentionRate.map { 1 - $0 } }
    }

    /// NPS and CSAT over the last 12 months.
    public struct Feedback: Hashable, Sendable, Codable {
        public var promoters: Int
        public var passives: Int
        public var detractors: Int
        public var csatSum: Int
        public var csatCount: Int

        public init(promoters: Int, passives: Int, detractors: Int, csatSum: Int, csatCount: Int) {
            self.promoters = promoters
            self.passives = passives
            self.detractors = detractors
            self.csatSum = csatSum
            self.csatCount = csatCount
        }

        /// %promoters − %detractors, rounded; nil without answers.
        public var nps: Int? {
            let answers = promoters + passives + detractors
            guard answers > 0 else { return nil }
            return Int((Double(promoters - detractors) * 100 / Double(answers)).rounded())
        }

        public var csatAverage: Double? { csatCount > 0 ? Double(csatSum) / Double(csatCount) : nil }
    }

    public var headline: Headline?
    public var retention: Retention?
    public var feedback: Feedback?
    /// Customers per segment (unscored customers are not counted).
    public var segments: [Segment: Int]?
    public var bands: [RiskBand: Int]?
    public var urgent: [UrgentCustomer]?

    public init(
        headline: Headline? = nil, retention: Retention? = nil, feedback: Feedback? = nil,
        segments: [Segment: Int]? = nil, bands: [RiskBand: Int]? = nil, urgent: [UrgentCustomer]? = nil
    ) {
        self.headline = headline
        self.retention = retention
        self.feedback = feedback
        self.segments = segments
        self.bands = bands
        self.urgent = urgent
    }
}

/// One touchpoint on a customer's timeline.
public struct TouchpointEntry: Hashable, Sendable {
    public var occurredAt: Int64
    public var channel: Channel
    public var direction: Direction
    public var kind: InteractionKind
    public var outcome: InteractionOutcome?
    public var note: String
    public var complaintOpen: Bool

    public init(
        occurredAt: Int64, channel: Channel, direction: Direction, kind: InteractionKind,
        outcome: InteractionOutcome?, note: String, complaintOpen: Bool = false
    ) {
        self.occurredAt = occurredAt
        self.channel = channel
        self.direction = direction
        self.kind = kind
        self.outcome = outcome
        self.note = note
        self.complaintOpen = complaintOpen
    }
}

/// One contract, as the detail screen lists it.
public struct ContractEntry: Hashable, Sendable {
    public var product: String
    public var status: ContractStatus
    public var endsOn: CalendarDay?
    public var noticeDays: Int
    public var autoRenews: Bool
    public var recurringMinor: Int64
    public var currency: String
    public var billingPeriod: BillingPeriod

    public init(
        product: String, status: ContractStatus, endsOn: CalendarDay?, noticeDays: Int, autoRenews: Bool,
        recurringMinor: Int64, currency: String, billingPeriod: BillingPeriod
    ) {
        self.product = product
        self.status = status
        self.endsOn = endsOn
        self.noticeDays = noticeDays
        self.autoRenews = autoRenews
        self.recurringMinor = recurringMinor
        self.currency = currency
        self.billingPeriod = billingPeriod
    }
}

/// One feedback answer.
public struct FeedbackEntry: Hashable, Sendable {
    public var givenAt: Int64
    public var metric: FeedbackMetric
    public var npsType: NPSType?
    public var score: Int
    public var comment: String?

    public init(givenAt: Int64, metric: FeedbackMetric, npsType: NPSType?, score: Int, comment: String?) {
        self.givenAt = givenAt
        self.metric = metric
        self.npsType = npsType
        self.score = score
        self.comment = comment
    }
}

/// Everything the detail screen shows about one customer.
public struct CustomerDetail: Equatable, Sendable {
    public var id: Int64
    public var externalID: String?
    public var name: String
    public var company: String?
    public var kind: CustomerKind
    public var email: String?
    public var phone: String?
    public var city: String?
    public var country: String?
    public var owner: String?
    public var relationship: RelationshipType
    /// The model's output; nil before the customer was scored.
    public var segment: Segment?
    public var churnRisk: Double?
    public var band: RiskBand?
    public var tier: ValueTier?
    public var probabilityAlive: Double?
    public var valueMinor: Int64?
    public var clvMinor: Int64?
    public var valueAtStakeMinor: Int64?
    public var reasons: [RiskReason]
    public var actions: [SuggestedAction]
    /// The binding profile the model used (declared plus derived), or the declared one if unscored.
    public var bindings: BindingSignals
    /// Orders per calendar month, oldest first, ending with the month of "today".
    public var ordersPerMonth: [Int]
    /// All orders up to "today", and their sum in euro cents: what the customer has bought so
    /// far, shown beside the forward-looking value (a lapsed big buyer has a 12-month CLV of 0).
    public var ordersToDate: Int = 0
    public var revenueToDateMinor: Int64 = 0
    /// Newest first.
    public var touchpoints: [TouchpointEntry]
    public var contracts: [ContractEntry]
    /// Newest first.
    public var feedback: [FeedbackEntry]
    /// The day the scores (reasons, actions, figures) were computed as of; nil if unscored.
    public var scoredAsOf: CalendarDay?

    public init(
        id: Int64, externalID: String? = nil, name: String, company: String? = nil,
        kind: CustomerKind = .person, email: String? = nil, phone: String? = nil, city: String? = nil,
        country: String? = nil, owner: String? = nil, relationship: RelationshipType = .transactional,
        segment: Segment? = nil, churnRisk: Double? = nil, band: RiskBand? = nil, tier: ValueTier? = nil,
        probabilityAlive: Double? = nil, valueMinor: Int64? = nil, clvMinor: Int64? = nil,
        valueAtStakeMinor: Int64? = nil, reasons: [RiskReason] = [], actions: [SuggestedAction] = [],
        bindings: BindingSignals = BindingSignals(), ordersPerMonth: [Int] = [],
        touchpoints: [TouchpointEntry] = [], contracts: [ContractEntry] = [], feedback: [FeedbackEntry] = [],
        scoredAsOf: CalendarDay? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.company = company
        self.kind = kind
        self.email = email
        self.phone = phone
        self.city = city
        self.country = country
        self.owner = owner
        self.relationship = relationship
        self.segment = segment
        self.churnRisk = churnRisk
        self.band = band
        self.tier = tier
        self.probabilityAlive = probabilityAlive
        self.valueMinor = valueMinor
        self.clvMinor = clvMinor
        self.valueAtStakeMinor = valueAtStakeMinor
        self.reasons = reasons
        self.actions = actions
        self.bindings = bindings
        self.ordersPerMonth = ordersPerMonth
        self.touchpoints = touchpoints
        self.contracts = contracts
        self.feedback = feedback
        self.scoredAsOf = scoredAsOf
    }
}
