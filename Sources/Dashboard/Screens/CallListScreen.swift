import Scoring

/// The call list's state: today's ranked list (as the store ranks it for `clientele calllist`),
/// the selection, the filter, and the call session when one runs.
public struct CallsState: Equatable, Sendable {
    public var filter = CallListFilter()
    /// Changes with every reload; answers for older generations are dropped.
    public var generation = 0
    /// The first ``loadLimit`` rows of the list, in rank order, minus rows marked since.
    public var entries: [CallListEntry] = []
    /// How many rows the list has in all (it may be more than are loaded).
    public var total: Int?
    public var loaded = false
    public var selected = 0
    public var scrollTop = 0
    /// The call session, when one runs: it works through `entries` from the selection on.
    public var session: CallSession?
    /// The generation of a reload after an outside change: if its answer no longer holds the
    /// selected customer, the status bar says so (the selection stays on the row).
    public var refreshGeneration: Int?
    /// A customer to select when the next list arrives: the one an undo brought back (a mark,
    /// or a session's call; a running session then goes back to them).
    public var selectOnLoad: Int64?

    public init() {}

    /// Rows loaded at a time: a day's calls with room to spare; the whole list (a hundred
    /// thousand rows on a million customers) is for the export, not the screen.
    public static let loadLimit = 1_000

    public var selectedEntry: CallListEntry? {
        entries.indices.contains(selected) ? entries[selected] : nil
    }
}

/// Today's call list: ranked rows, done/skip/snooze, filters, export, and the call session.
public enum CallListScreen {
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - 1) }

    /// Opens the call list over the overview (a reload when it was opened before).
    static func show(_ state: inout AppState) -> [Effect] {
        if state.screen != .calls { state.stack = [.overview, .calls] }
        return reload(&state)
    }

    static func reload(_ state: inout AppState) -> [Effect] {
        state.calls.generation += 1
        var filter = state.calls.filter
        filter.limit = CallsState.loadLimit
        return [.loadCallList(generation: state.calls.generation, filter: filter)]
    }

    static func receive(_ state: inout AppState, generation: Int, entries: [CallListEntry], total: Int)
        -> [Effect]
    {
        guard generation == state.calls.generation else { return [] }
        let previous = state.calls.selectedEntry?.customerID
        if generation == state.calls.refreshGeneration, let entry = state.calls.selectedEntry,
            state.calls.session == nil, state.status == nil,
            !entries.contains(where: { $0.customerID == entry.customerID })
        {
            state.status = StatusMessage(state.catalog.leftList(name: sanitizedForTerminal(entry.name)))
        }
        state.calls.refreshGeneration = nil
        state.calls.entries = entries
        state.calls.total = total
        state.calls.loaded = true
        // A session goes back to a customer whose call was taken back, else stays on its own.
        let returnTo = state.calls.selectOnLoad
        state.calls.selectOnLoad = nil
        state.calls.selected =
            returnTo.flatMap { id in entries.firstIndex { $0.customerID == id } }
            ?? previous.flatMap { id in entries.firstIndex { $0.customerID == id } }
            ?? min(state.calls.selected, max(0, entries.count - 1))
        keepSelectionVisible(&state)
        // An empty list may mean an unscored store, which the screen then says.
        let status: [Effect] = entries.isEmpty ? [.loadStoreStatus] : []
        guard let session = state.calls.session, state.calls.selectedEntry?.customerID != session.customerID
        else { return status }
        return status + follow(&state)
    }

    static func handle(_ action: KeyAction, _ state: inout AppState) -> [Effect] {
        let visible = visibleRows(state)
        switch action {
        case .moveDown: move(&state, by: 1)
        case .moveUp: move(&state, by: -1)
        case .pageDown: move(&state, by: visible)
        case .pageUp: move(&state, by: -visible)
        case .halfPageDown: move(&state, by: max(1, visible / 2))
        case .halfPageUp: move(&state, by: -max(1, visible / 2))
        case .top: move(&state, by: -state.calls.entries.count)
        case .bottom: move(&state, by: state.calls.entries.count)
        case .open:
            guard let entry = state.calls.selectedEntry else { return [] }
            return DetailScreen.open(&state, id: entry.customerID)
        case .markDone: return mark(&state, .done, until: nil)
        case .skip: return mark(&state, .skipped, until: nil)
        case .snoozeDay: return mark(&state, .snoozed, until: state.today.adding(days: 1))
        case .snoozeWeek: return mark(&state, .snoozed, until: state.today.adding(days: 7))
        case .snoozeUntil:
            guard let entry = state.calls.selectedEntry else { return [] }
            state.mode = .prompt(Prompt(purpose: .snoozeUntil(customerID: entry.customerID), text: ""))
        case .startSession:
            return startSession(&state)
        case .logInteraction:
            guard let entry = state.calls.selectedEntry else { return [] }
            return LogFormScreen.open(&state, customerID: entry.customerID, name: entry.name)
        case .export:
            state.mode = .prompt(Prompt(purpose: .callListExport, text: defaultExportName(state.today)))
        case .filter:
            state.mode = .command(text: "filter ")
        case .clearFilter:
            state.calls.filter = CallListFilter()
            state.status = StatusMessage(state.catalog.text(.filterCleared))
            return reload(&state)
        default:
            break
        }
        return []
    }

    /// `calllist-2026-11-22.csv`, in the folder the program was started in.
    public static func defaultExportName(_ today: CalendarDay) -> String { "calllist-\(today.iso).csv" }

    static func move(_ state: inout AppState, by delta: Int) {
        guard !state.calls.entries.isEmpty else { return }
        state.calls.selected = min(max(0, state.calls.selected + delta), state.calls.entries.count - 1)
        keepSelectionVisible(&state)
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let visible = visibleRows(state)
        var calls = state.calls
        if calls.selected < calls.scrollTop { calls.scrollTop = calls.selected }
        if calls.selected >= calls.scrollTop + visible { calls.scrollTop = calls.selected - visible + 1 }
        calls.scrollTop = max(0, min(calls.scrollTop, max(0, calls.entries.count - visible)))
        state.calls = calls
    }

    /// Asks the store to mark the selected row; the row goes once the store has it.
    static func mark(_ state: inout AppState, _ mark: CallListMark, until: CalendarDay?) -> [Effect] {
        guard let entry = state.calls.selectedEntry else { return [] }
        return [.markCallList(customerID: entry.customerID, mark: mark, until: until)]
    }

    /// A typed snooze date: parsed, checked, then stored; bad input changes nothing.
    static func snooze(_ state: inout AppState, customerID: Int64, text: String) -> [Effect] {
        guard let day = DateInput.parse(text, today: state.today) else {
            state.status = StatusMessage(
                state.catalog.text(.errorNotADate) + ": \"" + sanitizedForTerminal(text) + "\"", isError: true
            )
            return []
        }
        guard day > state.today else {
            state.status = StatusMessage(
                state.catalog.text(.errorSnoozeNotAfterToday) + " " + state.catalog.date(day),
                isError: true)
            return []
        }
        return [.markCallList(customerID: customerID, mark: .snoozed, until: day)]
    }

    static func export(_ state: inout AppState, text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let path = trimmed.isEmpty ? defaultExportName(state.today) : trimmed
        var filter = state.calls.filter
        filter.limit = nil
        return [.exportCallList(filter: filter, path: path, language: state.catalog.language)]
    }

    /// The store has the mark: the row leaves the list, the status says what happened.
    static func marked(_ state: inout AppState, _ entry: MarkedEntry) -> [Effect] {
        let catalog = state.catalog
        let customerID = entry.made.customerID
        let name = state.calls.entries.first { $0.customerID == customerID }.map {
            sanitizedForTerminal($0.name)
        }
        let what: String
        switch entry.made.mark {
        case .done: what = catalog.text(.statusDone)
        case .skipped: what = catalog.text(.statusSkipped)
        case .snoozed: what = catalog.text(.statusSnoozed) + " " + catalog.date(entry.made.hiddenUntil)
        }
        var undoable = entry
        undoable.name = name ?? ""
        state.undoStack.append(.mark(undoable))
        state.status = StatusMessage(
            [name, what].compactMap { $0 }.joined(separator: ": ") + " — " + catalog.text(.markUndoHint))
        return remove(&state, customerID: customerID)
    }

    /// `u` took a mark back: the customer is due again (the list is read again), or the mark
    /// had changed since (another mark, a colleague) and nothing was undone.
    static func markUndone(_ state: inout AppState, _ entry: MarkedEntry, restored: Bool) -> [Effect] {
        let catalog = state.catalog
        let name = sanitizedForTerminal(entry.name)
        guard restored else {
            state.status = StatusMessage(catalog.markUndoGone(name: name), isError: true)
            return []
        }
        state.status = StatusMessage(catalog.markUndone(name: name, mark: entry.made.mark))
        guard state.calls.session == nil else { return [] }
        state.calls.selectOnLoad = entry.made.customerID
        return reload(&state)
    }

    /// Takes a customer's row out of the loaded list; reloads when the loaded rows run out
    /// but the list has more.
    static func remove(_ state: inout AppState, customerID: Int64) -> [Effect] {
        guard let index = state.calls.entries.firstIndex(where: { $0.customerID == customerID }) else {
            return []
        }
        state.calls.entries.remove(at: index)
        state.calls.total = state.calls.total.map { max(0, $0 - 1) }
        if index < state.calls.selected { state.calls.selected -= 1 }
        state.calls.selected = min(state.calls.selected, max(0, state.calls.entries.count - 1))
        keepSelectionVisible(&state)
        if state.calls.entries.isEmpty, (state.calls.total ?? 0) > 0 { return reload(&state) }
        return []
    }

    // MARK: - View

    static func columns(_ catalog: Catalog) -> [TableColumn] {
        [
            TableColumn(catalog.text(.columnRank), minWidth: 4, alignment: .right, priority: 6),
            TableColumn(catalog.text(.columnName), minWidth: 18, grow: 3, priority: 0),
            TableColumn(catalog.text(.columnReason), minWidth: 16, grow: 3, priority: 2),
            TableColumn(catalog.text(.columnPhone), minWidth: 15, priority: 1),
            TableColumn(catalog.text(.columnLastTouch), minWidth: 7, alignment: .right, priority: 4),
            TableColumn(catalog.text(.columnAction), minWidth: 16, grow: 2, priority: 3),
        ]
    }

    static func cells(_ entry: CallListEntry, position: Int, catalog: Catalog, today: CalendarDay) -> [Span] {
        var name = sanitizedForTerminal(entry.name)
        if let company = entry.company, !company.isEmpty { name += " · " + sanitizedForTerminal(company) }
        let reason = entry.topReason.map { Span(catalog.reason($0)) } ?? Span("–", .muted)
        let phone = entry.phone.map { Span(sanitizedForTerminal($0)) } ?? Span("–", .muted)
        let touch =
            entry.lastTouch.map { Span(catalog.age(days: $0.days(until: today))) } ?? Span("–", .muted)
        // The short label and when it is due; the session shows the whole sentence.
        var action = Span("–", .muted)
        if let suggested = entry.action {
            // An overdue follow-up says how late it is, not "today" (see ActionTiming).
            let inDays = ActionTiming.dueInDays(
                kind: suggested.kind, due: suggested.due, detail: suggested.detail, today: today)
            action = Span(
                catalog.actionLabel(suggested.kind) + " · " + catalog.due(inDays: inDays),
                inDays < 0 || suggested.kind == .resolveComplaint ? .riskHigh : .default)
        }
        return [Span("\(position)", .muted), Span(name), reason, phone, touch, action]
    }

    /// Why the call list is empty: nobody due, or no scores to take suggestions from.
    static func emptyMessage(_ state: AppState) -> String {
        if let status = state.storeStatus, status.scoredAsOf == nil, status.customers > 0 {
            return state.catalog.text(.callsNotScored)
        }
        return state.catalog.text(.noCalls)
    }

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        if state.calls.session != nil {
            renderSession(state, into: &buffer, area: area)
            return
        }
        let calls = state.calls
        let catalog = state.catalog
        if calls.entries.isEmpty {
            Table(columns: columns(catalog), rows: [], selected: nil, offset: 0).render(
                into: &buffer, area: area)
            let message = calls.loaded ? emptyMessage(state) : catalog.text(.loading)
            buffer.write(message, x: area.x + 1, y: area.y + 2, role: .muted, maxWidth: area.width - 2)
            return
        }
        let visible = max(0, area.height - 1)
        let end = min(calls.entries.count, calls.scrollTop + visible)
        let rows = (calls.scrollTop..<max(calls.scrollTop, end)).map {
            cells(calls.entries[$0], position: $0 + 1, catalog: catalog, today: state.today)
        }
        Table(columns: columns(catalog), rows: rows, selected: calls.selected - calls.scrollTop, offset: 0)
            .render(into: &buffer, area: area)
    }

    /// "Calls · filter Anna Schröder, at risk" for the header line.
    static func summary(_ state: AppState) -> String {
        let catalog = state.catalog
        let filter = state.calls.filter
        var filters: [String] = []
        if let owner = filter.owner { filters.append(sanitizedForTerminal(owner)) }
        if let segment = filter.segment { filters.append(catalog.segment(segment)) }
        if let band = filter.band { filters.append(catalog.text(.columnRisk) + " " + catalog.band(band)) }
        var text = catalog.text(.calls)
        if !filters.isEmpty {
            text += " · " + catalog.text(.filteredBy) + " " + filters.joined(separator: ", ")
        }
        return text
    }

    /// "3/42 rows" for the status bar.
    static func counter(_ state: AppState) -> String {
        let catalog = state.catalog
        guard state.calls.loaded else { return "…" }
        let total = catalog.number(max(state.calls.total ?? 0, state.calls.entries.count))
        let position = state.calls.entries.isEmpty ? "0" : catalog.number(state.calls.selected + 1)
        return "\(position)/\(total) " + catalog.text(.rows)
    }
}
