/// One line of today's call list: who to call, why, and what to do.
public struct CallListEntry: Sendable, Equatable {
    public var rank: Int
    public var customerID: Int64
    public var externalID: String?
    public var name: String
    public var company: String?
    public var phone: String?
    public var email: String?
    public var owner: String?
    public var segment: Segment?
    public var risk: Double
    public var band: RiskBand
    public var valueAtStakeMinor: Int64
    public var action: SuggestedAction?
    public var topReason: RiskReason?
    public var due: CalendarDay?
    public var lastTouch: CalendarDay?

    public init(
        rank: Int, customerID: Int64, externalID: String?, name: String, company: String?, phone: String?,
        email: String?, owner: String?, segment: Segment?, risk: Double, band: RiskBand,
        valueAtStakeMinor: Int64,
        action: SuggestedAction?, topReason: RiskReason?, due: CalendarDay?, lastTouch: CalendarDay?
    ) {
        self.rank = rank
        self.customerID = customerID
        self.externalID = externalID
        self.name = name
        self.company = company
        self.phone = phone
        self.email = email
        self.owner = owner
        self.segment = segment
        self.risk = risk
        self.band = band
        self.valueAtStakeMinor = valueAtStakeMinor
        self.action = action
        self.topReason = topReason
        self.due = due
        self.lastTouch = lastTouch
    }
}

/// Which customers a call list holds.
public struct CallListFilter: Sendable, Equatable {
    public var owner: String?
    public var segment: Segment?
    public var band: RiskBand?
    public var limit: Int?

    public init(owner: String? = nil, segment: Segment? = nil, band: RiskBand? = nil, limit: Int? = nil) {
        self.owner = owner
        self.segment = segment
        self.band = band
        self.limit = limit
    }
}

/// What the account manager did with a row of the call list. Each hides the customer from the
/// list for a while: done and skipped for the rest of the day, snoozed until a chosen day.
public enum CallListMark: String, Sendable, CaseIterable, Codable {
    case done, skipped, snoozed
}

/// A customer's call-list state as stored: marked on `markedOn`, hidden from the list on every
/// day from `markedOn` up to (not including) `hiddenUntil`.
public struct CallListState: Sendable, Equatable {
    public var customerID: Int64
    public var mark: CallListMark
    public var markedOn: CalendarDay
    public var hiddenUntil: CalendarDay

    public init(customerID: Int64, mark: CallListMark, markedOn: CalendarDay, hiddenUntil: CalendarDay) {
        self.customerID = customerID
        self.mark = mark
        self.markedOn = markedOn
        self.hiddenUntil = hiddenUntil
    }

    /// Whether the customer is left out of the list for `day`.
    public func hides(on day: CalendarDay) -> Bool { markedOn <= day && day < hiddenUntil }
}
