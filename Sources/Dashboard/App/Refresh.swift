import Scoring

/// What the dashboard does when the store changed under it (another process logged a call,
/// an import finished): the visible screen reloads without losing the user's place — the
/// overview's figures are replaced as they arrive, the list reloads its visible window from the
/// selected customer (wherever a change moved them in the order) and keeps them selected, the
/// detail keeps its scroll.
enum Refresh {
    static func afterStoreChange(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        OverviewScreen.markStale(&state)
        switch state.screen {
        case .overview:
            if state.overview.requested { effects.append(.loadOverview) }
        case .list:
            effects += list(&state)
        case .detail, .logForm:
            // Under the log form too: the form stays, what it covers is read again.
            if state.stack.contains(.detail), let id = state.detail.customerID {
                effects.append(.loadDetail(id: id))
            }
            // The list underneath shows the change too when the user goes back.
            effects += list(&state)
        case .calls:
            // Not during a call session: the customer on screen must not change under the user.
            // The selection follows the customer by id in the reloaded rows (the first
            // thousand); one who left the list is named in the status bar.
            if state.calls.session == nil {
                effects += CallListScreen.reload(&state)
                state.calls.refreshGeneration = state.calls.generation
            }
        }
        return effects
    }

    /// A new generation whose first page starts at the first visible row (or at the list's
    /// start), and a new count; the old rows stay on screen until the page arrives.
    static func list(_ state: inout AppState) -> [Effect] {
        guard state.list.loaded, !state.list.rows.isEmpty else { return [] }
        let top = min(state.list.scrollTop, state.list.rows.count - 1)
        let position: PagePosition
        if top > 0 {
            position = .after(state.list.rows[top - 1].cursor)
        } else if state.list.hasMoreBefore {
            // The first visible row is the window's first: keep it and reload what follows it.
            position = .after(state.list.rows[0].cursor)
        } else {
            position = .first
        }
        state.list.generation += 1
        state.list.pending = [.refresh]
        let limit = ListState.pageSize(visible: ListScreen.visibleRows(state))
        // The selected customer may have moved anywhere (a logged call changes their risk):
        // the page is fetched around them, at the row on screen where they were.
        let anchor = state.list.selectedRow.map { row in
            ListAnchor(
                customerID: row.id,
                rowsBefore: max(0, min(state.list.selected - state.list.scrollTop, limit - 1)))
        }
        let request = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: position, limit: limit,
            purpose: .refresh, anchor: anchor)
        return [
            .loadListPage(request), .countList(generation: state.list.generation, query: state.list.query),
        ]
    }

    /// The refreshed page replaces the window; the selected customer stays selected wherever
    /// they are now (the page was fetched around them), or the selection stays at the same
    /// place on screen when that customer left the list.
    static func receive(_ list: inout ListState, request: ListPageRequest, page: CustomerListPage) {
        if request.anchor != nil, let index = page.anchorIndex, page.rows.indices.contains(index) {
            list.rows = page.rows
            list.loaded = true
            list.hasMoreBefore = page.hasMoreBefore
            list.hasMoreAfter = page.hasMore
            list.rowsAfterWindow = page.hasMore ? nil : 0
            list.selected = index
            list.scrollTop = 0
            // Otherwise where the window starts is unknown until the customer's rank (or the
            // count, at the list's end) arrives; the old position could name another row.
            list.firstIndex = page.hasMoreBefore ? nil : 0
            return
        }
        let selectedID = list.selectedRow?.id
        let offsetOnScreen = max(0, list.selected - list.scrollTop)
        var rows = page.rows
        var firstIndex: Int?
        if request.position == .first {
            firstIndex = 0
        } else if case .after(let cursor) = request.position,
            let anchor = list.rows.firstIndex(where: { $0.cursor == cursor })
        {
            if anchor == list.scrollTop {
                rows.insert(list.rows[anchor], at: 0)
                firstIndex = list.firstIndex.map { $0 + anchor }
            } else {
                firstIndex = list.firstIndex.map { $0 + anchor + 1 }
            }
        }
        list.rows = rows
        list.loaded = true
        list.firstIndex = firstIndex
        list.hasMoreBefore = request.position != .first
        list.hasMoreAfter = page.hasMore
        list.rowsAfterWindow = page.hasMore ? nil : 0
        list.scrollTop = 0
        let kept = selectedID.flatMap { id in rows.firstIndex { $0.id == id } }
        list.selected = max(0, min(kept ?? offsetOnScreen, rows.count - 1))
    }
}
