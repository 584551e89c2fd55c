import Scoring

/// The screens of the dashboard; the app keeps a stack of them (hledger-ui style).
public enum ScreenKind: String, Hashable, Sendable, CaseIterable {
    case overview
    case list
    case detail
    /// The form for logging an interaction, drawn over the screen it was opened from.
    case logForm
    /// Today's call list (and its call session).
    case calls
}

/// The overview's figures arrive in parts, each as soon as its query is done.
public enum OverviewPart: Equatable, Sendable {
    case headline(OverviewFigures.Headline)
    case retention(OverviewFigures.Retention)
    case feedback(OverviewFigures.Feedback)
    case distribution(segments: [Segment: Int], bands: [RiskBand: Int])
    case urgent([UrgentCustomer])
    /// The day of the last whole-base scoring; nil when the store was never scored.
    case scoring(asOf: CalendarDay?)
}

/// How many customers the store holds and the day it was last scored (nil: never), read when a
/// list comes back empty so the screen can say what is missing instead of "nobody".
public struct StoreStatus: Equatable, Sendable {
    public var customers: Int
    public var scoredAsOf: CalendarDay?

    public init(customers: Int, scoredAsOf: CalendarDay?) {
        self.customers = customers
        self.scoredAsOf = scoredAsOf
    }
}

/// A request for one page of the list; comes back with its result so stale answers (for an
/// older query, or a window that has moved on) can be recognised and dropped.
public struct ListPageRequest: Hashable, Sendable {
    /// How the rows join the list's window.
    public enum Purpose: Hashable, Sendable {
        /// Replace the window (new query, jump to start or end).
        case replace
        case append
        case prepend
        /// Reload the visible window in place after the store changed (selection kept).
        case refresh
    }

    /// The list query generation the request belongs to.
    public var generation: Int
    public var query: CustomerListQuery
    public var position: PagePosition
    public var limit: Int
    public var purpose: Purpose
    /// For a refresh: the selected customer, whose page (wherever they are now in the list) is
    /// fetched instead of `position`; `position` is only the fallback for when they left the list.
    public var anchor: ListAnchor?

    public init(
        generation: Int, query: CustomerListQuery, position: PagePosition, limit: Int, purpose: Purpose,
        anchor: ListAnchor? = nil
    ) {
        self.generation = generation
        self.query = query
        self.position = position
        self.limit = limit
        self.purpose = purpose
        self.anchor = anchor
    }
}

/// The customer a refreshed page is fetched around, and how many rows to show above them (the
/// row they were on, on screen), so the selection follows the customer, not the row.
public struct ListAnchor: Hashable, Sendable {
    public var customerID: Int64
    public var rowsBefore: Int

    public init(customerID: Int64, rowsBefore: Int) {
        self.customerID = customerID
        self.rowsBefore = rowsBefore
    }
}

/// Everything that can happen to the dashboard: keys, resizes, and results of effects.
public enum Message: Equatable, Sendable {
    case key(KeyEvent)
    case resized(columns: Int, rows: Int)
    case overviewLoaded(OverviewPart)
    case listPageLoaded(ListPageRequest, CustomerListPage)
    case listCounted(generation: Int, count: Int)
    /// `rank` rows come before customer `customerID` in the list of `generation`.
    case listRanked(generation: Int, customerID: Int64, rank: Int)
    case detailLoaded(id: Int64, CustomerDetail?)
    case storeStatusLoaded(StoreStatus)
    /// A theme was loaded (by name); `errors` are the theme files' problems, for the status bar.
    case themeLoaded(name: String, errors: [String])
    /// Today's call list for `generation`: the first rows and how many there are in all.
    case callListLoaded(generation: Int, entries: [CallListEntry], total: Int)
    /// A call-list row was marked in the store (and is hidden until `until`).
    case callListMarked(MarkedEntry)
    /// A mark was taken back (`restored`), or it had changed since and nothing was undone.
    case markUndone(MarkedEntry, restored: Bool)
    /// A call from the session was saved, the customer rescored and marked done for today.
    case callLogged(CallOutcomeRequest, LoggedInteraction)
    /// The call list was written to `path` (absolute) with `rows` rows.
    case callListExported(path: String, rows: Int)
    /// An effect failed; the text is one sentence for the status bar.
    case failed(String)
    /// A list or call list filtered by an owner no customer has (a typo, most likely): the
    /// owners there are (the first few, sorted), so the status bar can name them.
    case ownerNotFound(owner: String, owners: [String])
    /// The log form's interaction is stored (and the customer rescored, as `rescore` says).
    case interactionLogged(LoggedInteraction, rescore: RescoreOutcome)
    /// Storing the log form's interaction failed; nothing was saved, the form stays open.
    case logFailed(String)
    /// An undo removed the interaction (and rescored the customer, as `rescore` says).
    case interactionUndone(LoggedInteraction, rescore: RescoreOutcome)
    case undoFailed(LoggedInteraction, UndoFailure)
    /// A save or undo has waited over a second, most likely for another program's write.
    case writeWaiting
    /// The external editor wrote this note.
    case noteEdited(String)
    case noteEditFailed(EditorFailure)
    /// Another process (or a write of ours) committed to the store: reload what is shown.
    case storeChanged
    /// A GDPR export was written to `path` (absolute).
    case personalDataExported(customerID: Int64, path: String)
    case customerErased(customerID: Int64, ErasureOutcome)
    /// `:import` progress: bytes done of total (both passes).
    case importProgress(done: Int, total: Int)
    case importFinished(ImportResult)
}

/// What the runtime must do for `update`: I/O against the store, the terminal or the files.
/// `update` itself never does I/O.
public enum Effect: Equatable, Sendable {
    /// Load every part of the overview (each part comes back as its own message).
    case loadOverview
    case loadListPage(ListPageRequest)
    case countList(generation: Int, query: CustomerListQuery)
    /// Count the rows ahead of `cursor`'s customer (their position, after a refresh moved them).
    case rankInList(generation: Int, query: CustomerListQuery, cursor: ListCursor)
    case loadDetail(id: Int64)
    /// Count the customers and read the last scoring day (an empty list says why it is empty).
    case loadStoreStatus
    /// Today's call list with `filter` (its first ``CallsState/loadLimit`` rows and the count).
    case loadCallList(generation: Int, filter: CallListFilter)
    /// Store a call-list mark: done and skipped for today, snoozed until `until`.
    case markCallList(customerID: Int64, mark: CallListMark, until: CalendarDay?)
    /// Log a session call (one `IMMEDIATE` transaction), rescore the customer, mark them done.
    case logCall(CallOutcomeRequest)
    /// Write the call list with `filter` (all rows) as CSV to `path`, private, whole or not at all.
    case exportCallList(filter: CallListFilter, path: String, language: Language)
    /// Read theme files and switch to the theme called `name`.
    case loadTheme(name: String)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Stop the process as Ctrl-Z does in a shell.
    case suspend
    /// End the program with this exit code.
    case quit(code: Int32)
    /// Store an interaction and its answers in one transaction, then rescore the customer.
    case logInteraction(InteractionDraft)
    /// Remove a logged interaction (if it is still there) and rescore the customer.
    case undoInteraction(LoggedInteraction)
    /// Put back the call-list state a mark replaced, if the mark is still the stored one.
    case undoMark(MarkedEntry)
    /// Open `$VISUAL`/`$EDITOR` on this note, the terminal given to it meanwhile.
    case editNote(String)
    /// Write everything about the customer to `path` (JSON, 0600).
    case exportPersonalData(customerID: Int64, path: String)
    /// Erase the customer's personal data (as `clientele privacy erase`).
    case eraseCustomer(customerID: Int64)
    /// Import a CSV file of `kind` (customers, orders, ...) on a worker, all or nothing;
    /// `createMissing` creates customers the rows name but the store lacks.
    case importFile(kind: String, path: String, createMissing: Bool)
}
