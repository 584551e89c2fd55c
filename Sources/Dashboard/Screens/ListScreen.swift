import Scoring

/// The customer list's state: the query, and a window of loaded rows around the selection.
///
/// The window never holds the whole list: pages of about a screen's height are fetched by
/// keyset (after the last row, before the first) as the selection comes near an edge, and
/// rows far from the selection are dropped again, so memory stays flat on a million customers.
public struct ListState: Equatable, Sendable {
    public var query = CustomerListQuery()
    /// Changes with every new query; answers for older generations are dropped.
    public var generation = 0
    public var rows: [CustomerListRow] = []
    /// Absolute position of `rows[0]` in the list, when known.
    public var firstIndex: Int? = 0
    /// Rows after the window, when known (0 after jumping to the end).
    public var rowsAfterWindow: Int?
    public var hasMoreBefore = false
    public var hasMoreAfter = false
    /// Index into `rows`.
    public var selected = 0
    /// Index into `rows` of the first visible row.
    public var scrollTop = 0
    /// How many rows the query matches, once counted.
    public var total: Int?
    /// Page fetches under way.
    public var pending: Set<ListPageRequest.Purpose> = []
    /// Whether the list has been loaded at least once for this generation.
    public var loaded = false
    /// Enter or `l` pressed while the window was being replaced (`g`, `G`, a new search):
    /// run when the new page arrives, on the row the user then sees selected, never on a row
    /// of the old window. At most one; a later one replaces it.
    public var queuedAction: KeyAction?

    public init() {}

    /// The most rows the window keeps.
    public static let maximumWindow = 600

    /// Rows per fetch for a list showing `visible` rows: about a screen, never tiny.
    public static func pageSize(visible: Int) -> Int { max(25, visible) }

    /// The selected row.
    public var selectedRow: CustomerListRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The selected row's position (1-based) in the whole list, when known.
    public var position: Int? {
        if let firstIndex { return firstIndex + selected + 1 }
        return nil
    }
}

/// The customer list: behaviour on keys and page arrivals, and its view.
public enum ListScreen {
    /// Rows of the table on screen (the body minus the table header).
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - 1) }

    /// Starts over with `query`: a new generation, the first page and a count.
    static func reload(_ state: inout AppState, query: CustomerListQuery) -> [Effect] {
        var list = ListState()
        list.query = query
        list.generation = state.list.generation + 1
        list.pending = [.replace]
        state.list = list
        let limit = ListState.pageSize(visible: visibleRows(state))
        let request = ListPageRequest(
            generation: list.generation, query: query, position: .first, limit: limit, purpose: .replace)
        return [.loadListPage(request), .countList(generation: list.generation, query: query)]
    }

    /// Loads the list if it has never been loaded.
    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        state.list.loaded || state.list.pending.contains(.replace)
            ? [] : reload(&state, query: state.list.query)
    }

    static func handle(_ action: KeyAction, _ state: inout AppState) -> [Effect] {
        let visible = visibleRows(state)
        switch action {
        case .moveDown: return move(&state, by: 1)
        case .moveUp: return move(&state, by: -1)
        case .pageDown: return move(&state, by: visible)
        case .pageUp: return move(&state, by: -visible)
        case .halfPageDown: return move(&state, by: max(1, visible / 2))
        case .halfPageUp: return move(&state, by: -max(1, visible / 2))
        case .top: return jumpToStart(&state)
        case .bottom: return jumpToEnd(&state)
        case .open, .logInteraction:
            // The rows on screen are about to be replaced: acting now would pick a customer
            // the user will not see selected.
            if state.list.pending.contains(.replace) {
                state.list.queuedAction = action
                return []
            }
            return act(action, &state)
        case .nextSort:
            let columns = ListSortColumn.allCases
            let index = columns.firstIndex(of: state.list.query.sort) ?? 0
            var query = state.list.query
            query.sort = columns[(index + 1) % columns.count]
            query.direction = query.sort.naturalDirection
            return reload(&state, query: query)
        case .reverseSort:
            var query = state.list.query
            query.direction = query.direction.reversed
            return reload(&state, query: query)
        case .filter:
            state.mode = .command(text: "filter ")
            return []
        case .clearFilter:
            var query = state.list.query
            query.filter = ListFilter()
            query.search = ""
            state.status = StatusMessage(state.catalog.text(.filterCleared))
            return reload(&state, query: query)
        default:
            return []
        }
    }

    /// Opens the detail or the log form for the selected row.
    private static func act(_ action: KeyAction, _ state: inout AppState) -> [Effect] {
        guard let row = state.list.selectedRow else { return [] }
        switch action {
        case .open: return DetailScreen.open(&state, id: row.id)
        case .logInteraction: return LogFormScreen.open(&state, customerID: row.id, name: row.name)
        default: return []
        }
    }

    /// Runs the action queued while the window was replaced, if the list is still what the
    /// user is looking at; otherwise it is dropped (it was meant for this list).
    private static func runQueuedAction(_ state: inout AppState) -> [Effect] {
        guard let action = state.list.queuedAction, !state.list.pending.contains(.replace) else { return [] }
        state.list.queuedAction = nil
        guard state.screen == .list, state.mode == .normal, state.confirm == nil,
            state.importing.panel == nil
        else { return [] }
        return act(action, &state)
    }

    /// Moves the selection by `delta` rows within what is loaded, and fetches ahead.
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard !state.list.rows.isEmpty else { return [] }
        state.list.selected = min(max(0, state.list.selected + delta), state.list.rows.count - 1)
        keepSelectionVisible(&state)
        return prefetch(&state)
    }

    static func jumpToStart(_ state: inout AppState) -> [Effect] {
        if !state.list.hasMoreBefore { return move(&state, by: -state.list.selected) }
        return replaceWindow(&state, position: .first)
    }

    static func jumpToEnd(_ state: inout AppState) -> [Effect] {
        if !state.list.hasMoreAfter { return move(&state, by: state.list.rows.count) }
        return replaceWindow(&state, position: .last)
    }

    private static func replaceWindow(_ state: inout AppState, position: PagePosition) -> [Effect] {
        state.list.pending.insert(.replace)
        let request = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: position,
            limit: ListState.pageSize(visible: visibleRows(state)), purpose: .replace)
        return [.loadListPage(request)]
    }

    /// Keeps the selected row on screen, scrolling as little as possible.
    static func keepSelectionVisible(_ state: inout AppState) {
        let visible = visibleRows(state)
        var list = state.list
        if list.selected < list.scrollTop { list.scrollTop = list.selected }
        if list.selected >= list.scrollTop + visible { list.scrollTop = list.selected - visible + 1 }
        list.scrollTop = max(0, min(list.scrollTop, max(0, list.rows.count - visible)))
        state.list = list
    }

    /// Asks for the next or previous page when the selection is within a page of the window's
    /// edge, so scrolling rarely waits.
    static func prefetch(_ state: inout AppState) -> [Effect] {
        let list = state.list
        guard list.loaded, !list.pending.contains(.replace), !list.pending.contains(.refresh) else {
            return []
        }
        let page = ListState.pageSize(visible: visibleRows(state))
        var effects: [Effect] = []
        if list.hasMoreAfter, !list.pending.contains(.append), list.rows.count - 1 - list.selected < page,
            let last = list.rows.last
        {
            state.list.pending.insert(.append)
            effects.append(
                .loadListPage(
                    ListPageRequest(
                        generation: list.generation, query: list.query, position: .after(last.cursor),
                        limit: page,
                        purpose: .append)))
        }
        if list.hasMoreBefore, !list.pending.contains(.prepend), list.selected < page,
            let first = list.rows.first
        {
            state.list.pending.insert(.prepend)
            effects.append(
                .loadListPage(
                    ListPageRequest(
                        generation: list.generation, query: list.query, position: .before(first.cursor),
                        limit: page,
                        purpose: .prepend)))
        }
        return effects
    }

    /// A page arrived: put it into the window if it still fits there.
    static func receive(_ state: inout AppState, request: ListPageRequest, page: CustomerListPage) -> [Effect]
    {
        guard request.generation == state.list.generation else { return [] }
        var list = state.list
        var effects: [Effect] = []
        list.pending.remove(request.purpose)
        switch request.purpose {
        case .replace:
            list.rows = page.rows
            list.loaded = true
            if request.position == .last {
                list.hasMoreBefore = page.hasMore
                list.hasMoreAfter = false
                list.rowsAfterWindow = 0
                list.firstIndex = page.hasMore ? list.total.map { $0 - page.rows.count } : 0
                list.selected = max(0, page.rows.count - 1)
                list.scrollTop = list.selected
            } else {
                list.hasMoreBefore = false
                list.hasMoreAfter = page.hasMore
                list.firstIndex = 0
                list.rowsAfterWindow = page.hasMore ? nil : 0
                list.selected = 0
                list.scrollTop = 0
            }
        case .append:
            guard let last = list.rows.last, request.position == .after(last.cursor) else {
                state.list = list
                return []
            }
            list.rows += page.rows
            list.hasMoreAfter = page.hasMore
            list.rowsAfterWindow =
                page.hasMore ? list.rowsAfterWindow.map { max(0, $0 - page.rows.count) } : 0
        case .refresh:
            let before = list.selectedRow
            Refresh.receive(&list, request: request, page: page)
            // Said only on a quiet bar: after our own change (an erasure, a save) its result is
            // the news, and the customer leaving the list follows from it.
            if request.anchor != nil, page.anchorIndex == nil, let before, state.status == nil {
                state.status = StatusMessage(state.catalog.leftList(name: sanitizedForTerminal(before.name)))
            }
            if request.anchor != nil, page.anchorIndex != nil, list.firstIndex == nil,
                let row = list.selectedRow
            {
                effects.append(
                    .rankInList(generation: list.generation, query: list.query, cursor: row.cursor))
            }
        case .prepend:
            guard let first = list.rows.first, request.position == .before(first.cursor) else {
                state.list = list
                return []
            }
            list.rows = page.rows + list.rows
            list.selected += page.rows.count
            list.scrollTop += page.rows.count
            list.hasMoreBefore = page.hasMore
            list.firstIndex = page.hasMore ? list.firstIndex.map { $0 - page.rows.count } : 0
        }
        trim(&list)
        state.list = list
        if list.rows.isEmpty && isUnfiltered(list.query) { effects.append(.loadStoreStatus) }
        keepSelectionVisible(&state)
        effects += prefetch(&state)
        return effects + runQueuedAction(&state)
    }

    /// The selected customer's position arrived (after a refresh moved them): the window's
    /// place in the list follows from where that customer is in it.
    static func ranked(_ state: inout AppState, generation: Int, customerID: Int64, rank: Int) {
        guard generation == state.list.generation, state.list.firstIndex == nil,
            let index = state.list.rows.firstIndex(where: { $0.id == customerID })
        else { return }
        state.list.firstIndex = max(0, rank - index)
    }

    static func counted(_ state: inout AppState, generation: Int, count: Int) {
        guard generation == state.list.generation else { return }
        state.list.total = count
        if state.list.firstIndex == nil, let after = state.list.rowsAfterWindow {
            state.list.firstIndex = max(0, count - after - state.list.rows.count)
        }
    }

    /// Drops rows far from the selection once the window is larger than ``ListState/maximumWindow``.
    static func trim(_ list: inout ListState) {
        let limit = ListState.maximumWindow
        guard list.rows.count > limit else { return }
        let front = max(0, min(list.scrollTop, list.selected - limit / 2))
        if front > 0 {
            list.rows.removeFirst(front)
            list.selected -= front
            list.scrollTop -= front
            list.firstIndex = list.firstIndex.map { $0 + front }
            list.hasMoreBefore = true
        }
        if list.rows.count > limit {
            let back = list.rows.count - limit
            list.rows.removeLast(back)
            list.rowsAfterWindow = list.rowsAfterWindow.map { $0 + back }
            list.hasMoreAfter = true
            list.selected = min(list.selected, list.rows.count - 1)
        }
    }

    // MARK: - View

    static func columns(_ catalog: Catalog, sort: CustomerListQuery) -> [TableColumn] {
        func title(_ key: UIText, _ column: ListSortColumn) -> String {
            let text = catalog.text(key)
            guard sort.sort == column else { return text }
            return text + (sort.direction == .ascending ? " ▲" : " ▼")
        }
        return [
            TableColumn(title(.columnName, .name), minWidth: 22, grow: 3, priority: 0),
            TableColumn(title(.columnSegment, .segment), minWidth: 14, priority: 5),
            TableColumn(title(.columnRisk, .risk), minWidth: 13, priority: 1),
            TableColumn(title(.columnValue, .value), minWidth: 10, alignment: .right, priority: 2),
            TableColumn(title(.columnLastTouch, .lastTouch), minWidth: 7, alignment: .right, priority: 3),
            TableColumn(title(.columnNextAction, .nextAction), minWidth: 14, grow: 2, priority: 4),
        ]
    }

    /// The cells of one row, in the order of ``columns(_:sort:)``.
    static func cells(_ row: CustomerListRow, catalog: Catalog, today: CalendarDay) -> [Span] {
        var name = sanitizedForTerminal(row.name)
        if let company = row.company, !company.isEmpty { name += " · " + sanitizedForTerminal(company) }
        let segment =
            row.segment.map { Span(catalog.segment($0), .segment($0.rawValue)) } ?? Span("–", .muted)
        let risk: Span
        if let value = row.churnRisk, let band = row.band {
            risk = Span(
                DisplayWidth.pad(catalog.percent(value), toColumns: 5, alignment: .right) + " "
                    + catalog.band(band), riskRole(band))
        } else {
            risk = Span("–", .muted)
        }
        var value = Span("–", .muted)
        if let minor = row.valueMinor {
            let tier = row.tier?.rawValue ?? " "
            value = Span(tier + " " + catalog.compactAmount(minor: minor), row.tier.map(tierRole) ?? .default)
        }
        let touch = row.lastTouch.map { Span(catalog.age(days: $0.days(until: today))) } ?? Span("–", .muted)
        var next = Span("", .muted)
        if let kind = row.nextAction {
            var text = catalog.actionLabel(kind)
            var late = false
            if let due = row.nextActionDue {
                // As the call list says it: an overdue follow-up reads "4 d late", not "today".
                let inDays = ActionTiming.dueInDays(
                    kind: kind, due: due, detail: row.nextActionDetail, today: today)
                text += " · " + catalog.due(inDays: inDays)
                late = inDays < 0
            }
            next = Span(text, late ? .riskHigh : .default)
        }
        return [Span(name), segment, risk, value, touch, next]
    }

    static func riskRole(_ band: RiskBand) -> StyleRole {
        switch band {
        case .low: .riskLow
        case .medium: .riskMedium
        case .high: .riskHigh
        }
    }

    static func tierRole(_ tier: ValueTier) -> StyleRole {
        switch tier {
        case .a: .tierA
        case .b: .tierB
        case .c: .tierC
        }
    }

    /// No filter and no search: an empty list then means no customer is scored.
    static func isUnfiltered(_ query: CustomerListQuery) -> Bool {
        query.filter == ListFilter() && query.search.isEmpty
    }

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let list = state.list
        let catalog = state.catalog
        if list.rows.isEmpty {
            let table = Table(columns: columns(catalog, sort: list.query), rows: [], selected: nil, offset: 0)
            table.render(into: &buffer, area: area)
            // Unfiltered and empty: the list ranks scored customers, so a new store (or one
            // not yet scored) says what to do instead of "no match".
            let message: String
            if !list.loaded {
                message = catalog.text(.loading)
            } else if !isUnfiltered(list.query) {
                message = catalog.text(.noCustomers)
            } else if let status = state.storeStatus {
                message =
                    status.customers > 0
                    ? catalog.listNotScored(customers: status.customers) : catalog.text(.listNotScored)
            } else {
                message = catalog.text(.loading)
            }
            buffer.write(message, x: area.x + 1, y: area.y + 2, role: .muted, maxWidth: area.width - 2)
            return
        }
        let visible = max(0, area.height - 1)
        let end = min(list.rows.count, list.scrollTop + visible)
        let shown = list.scrollTop < end ? Array(list.rows[list.scrollTop..<end]) : []
        let rows = shown.map { cells($0, catalog: catalog, today: state.today) }
        let table = Table(
            columns: columns(catalog, sort: list.query), rows: rows, selected: list.selected - list.scrollTop,
            offset: 0)
        table.render(into: &buffer, area: area)
    }

    /// "Customers · sort risk ▼ · segment=at-risk · /muller" for the header line.
    static func summary(_ state: AppState) -> String {
        let catalog = state.catalog
        let query = state.list.query
        var parts = [catalog.text(.customers)]
        parts.append(
            catalog.text(.sortedBy) + " " + catalog.sortColumn(query.sort)
                + (query.direction == .ascending ? " ▲" : " ▼"))
        let filter = query.filter
        var filters: [String] = []
        if let segment = filter.segment { filters.append(catalog.segment(segment)) }
        if let band = filter.band { filters.append(catalog.text(.columnRisk) + " " + catalog.band(band)) }
        if let tier = filter.tier { filters.append(catalog.text(.columnValue) + " " + tier.rawValue) }
        if let owner = filter.owner { filters.append(sanitizedForTerminal(owner)) }
        if let type = filter.relationship { filters.append(catalog.relationship(type)) }
        if !query.search.isEmpty { filters.append("/" + sanitizedForTerminal(query.search)) }
        if !filters.isEmpty {
            parts.append(catalog.text(.filteredBy) + " " + filters.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// "12 / 1,234" for the status bar.
    static func counter(_ state: AppState) -> String {
        let catalog = state.catalog
        let total = state.list.total.map { catalog.number($0) } ?? "…"
        let position = state.list.rows.isEmpty ? "0" : state.list.position.map { catalog.number($0) } ?? "?"
        return "\(position)/\(total) " + catalog.text(.rows)
    }
}
