import Scoring

/// A valid interaction from the log form, ready to store: the runtime turns it into store
/// records, adding the time (the UI core has no clock).
public struct InteractionDraft: Equatable, Sendable {
    public var customerID: Int64
    /// The customer's name as the form showed it, for the status line after saving.
    public var customerName: String
    public var channel: Channel
    public var direction: Direction
    public var kind: InteractionKind
    public var outcome: InteractionOutcome?
    public var note: String
    public var followUp: CalendarDay?
    /// Set for complaints only.
    public var complaint: ComplaintStatus?
    public var nps: Int?
    public var npsType: NPSType
    public var csat: Int?
    public var ces: Int?
    /// Logged from a call session: the customer is also marked done on the call list for this
    /// day, as an outcome key does, so the session goes on with the next customer.
    public var markDoneOn: CalendarDay?

    public init(
        customerID: Int64, customerName: String, channel: Channel, direction: Direction,
        kind: InteractionKind, outcome: InteractionOutcome? = nil, note: String = "",
        followUp: CalendarDay? = nil, complaint: ComplaintStatus? = nil, nps: Int? = nil,
        npsType: NPSType = .transactional, csat: Int? = nil, ces: Int? = nil, markDoneOn: CalendarDay? = nil
    ) {
        self.customerID = customerID
        self.customerName = customerName
        self.channel = channel
        self.direction = direction
        self.kind = kind
        self.outcome = outcome
        self.note = note
        self.followUp = followUp
        self.complaint = complaint
        self.nps = nps
        self.npsType = npsType
        self.csat = csat
        self.ces = ces
        self.markDoneOn = markDoneOn
    }
}

/// An interaction this session stored: what undo needs to find exactly that row again.
public struct LoggedInteraction: Equatable, Sendable {
    public var id: Int64
    public var customerID: Int64
    public var customerName: String
    public var channel: Channel
    /// The row's `created_at`: with the id it names the row even if its id is reused later.
    public var createdAt: Int64
    /// A call-session call also marked the customer done for this day; undo lifts the mark, so
    /// the customer is back on the call list.
    public var markedDoneOn: CalendarDay?
    /// The open complaints this save closed (it was a resolved complaint); undo reopens exactly
    /// these, so it leaves the store as it was before the save.
    public var closedComplaintIDs: [Int64]

    public init(
        id: Int64, customerID: Int64, customerName: String, channel: Channel, createdAt: Int64,
        markedDoneOn: CalendarDay? = nil, closedComplaintIDs: [Int64] = []
    ) {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.channel = channel
        self.createdAt = createdAt
        self.markedDoneOn = markedDoneOn
        self.closedComplaintIDs = closedComplaintIDs
    }
}

/// A call-list mark this session made (done, skipped, snoozed) and the state it replaced, so
/// undo can put that back: a mistaken `Z` hid a customer for a week with no way back.
public struct MarkedEntry: Equatable, Sendable {
    public var made: CallListState
    public var previous: CallListState?
    /// The customer's name as the list showed it, for the status line (set by the UI).
    public var name: String

    public init(made: CallListState, previous: CallListState?, name: String = "") {
        self.made = made
        self.previous = previous
        self.name = name
    }
}

/// What `u` takes back, newest first: a logged interaction or a call-list mark.
public enum UndoEntry: Equatable, Sendable {
    case interaction(LoggedInteraction)
    case mark(MarkedEntry)
}

/// What happened to the customer's scores after a write.
public enum RescoreOutcome: Equatable, Sendable {
    case rescored
    /// The store has never been scored (no population model yet).
    case notScored
    case failed(String)
}

/// Why an undo changed nothing.
public enum UndoFailure: Equatable, Sendable {
    /// The row had already been removed (by another program, or an erasure).
    case alreadyGone
    case failed(String)
}

/// Why the external editor gave no note back; the note in the form stays as it was.
public enum EditorFailure: Error, Equatable, Sendable {
    /// The editor command ended with this exit status.
    case exitStatus(command: String, status: Int32)
    /// The file the editor left is not UTF-8 text.
    case notUTF8
    /// Creating, starting or reading failed.
    case failed(String)
}
