import Dashboard
import Scoring
import Testing

/// `.storeChanged` (another process committed): the visible screen reloads in place.
@Suite("Dashboard refresh after outside changes")
struct RefreshTests {
    private func page(from: Int64, count: Int, hasMore: Bool, rename: Int64? = nil) -> CustomerListPage {
        CustomerListPage(
            rows: (0..<Int64(count)).map {
                Fixtures.row(from + $0, from + $0 == rename ? "Renamed" : "Customer \(from + $0)")
            },
            hasMore: hasMore)
    }

    private func listRequests(_ effects: [Effect]) -> [ListPageRequest] {
        effects.compactMap { effect in
            if case .loadListPage(let request) = effect { return request }
            return nil
        }
    }

    @Test("The list reloads from the first visible row and keeps the selected customer selected")
    func listKeepsItsPlace() throws {
        var state = Fixtures.state(rows: 12)
        let first = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
        _ = Dashboard.update(&state, .listCounted(generation: state.list.generation, count: 100))
        var pending = listRequests(
            Dashboard.update(&state, .listPageLoaded(first, page(from: 1, count: 25, hasMore: true))))
        for _ in 0..<15 { pending += listRequests(Dashboard.update(&state, .key(.character("j")))) }
        if let append = pending.first(where: { $0.purpose == .append }) {
            _ = Dashboard.update(&state, .listPageLoaded(append, page(from: 26, count: 25, hasMore: true)))
        }
        let selectedID = try #require(state.list.selectedRow?.id)
        let top = state.list.scrollTop
        let firstVisible = state.list.rows[top].id
        #expect(selectedID == 16)

        let rowsBefore = state.list.selected - top
        let effects = Dashboard.update(&state, .storeChanged)
        let refresh = try #require(listRequests(effects).first)
        #expect(refresh.purpose == .refresh)
        #expect(refresh.anchor == ListAnchor(customerID: selectedID, rowsBefore: rowsBefore))
        #expect(refresh.position == .after(state.list.rows[top - 1].cursor))
        #expect(effects.contains(.countList(generation: state.list.generation, query: state.list.query)))
        // Old rows stay on screen until the page is there; no prefetch meanwhile.
        #expect(state.list.selectedRow?.id == selectedID)
        #expect(listRequests(Dashboard.update(&state, .key(.character("j")))).isEmpty)
        _ = Dashboard.update(&state, .key(.character("k")))

        var around = page(from: firstVisible, count: 25, hasMore: true, rename: 16)
        around.anchorIndex = rowsBefore
        around.hasMoreBefore = true
        let afterPage = Dashboard.update(&state, .listPageLoaded(refresh, around))
        #expect(state.list.selectedRow?.id == selectedID)
        #expect(state.list.selectedRow?.name == "Renamed")
        #expect(state.status == nil)
        // Where the window starts is counted, not assumed.
        let cursor = try #require(state.list.selectedRow?.cursor)
        #expect(
            afterPage.contains(
                .rankInList(generation: state.list.generation, query: state.list.query, cursor: cursor)))
        #expect(state.list.position == nil)
        _ = Dashboard.update(
            &state,
            .listRanked(generation: state.list.generation, customerID: selectedID, rank: Int(selectedID) - 1))
        #expect(state.list.position == Int(selectedID))
        let screen = DashboardView.render(state).trimmedLines.joined(separator: "\n")
        #expect(screen.contains("Renamed"))
    }

    @Test(
        "At the top of the list the refresh starts from the first row; answers of the old query are dropped")
    func listAtTop() throws {
        var state = Fixtures.state(rows: 12)
        let first = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
        _ = Dashboard.update(&state, .listPageLoaded(first, page(from: 1, count: 25, hasMore: false)))
        _ = Dashboard.update(&state, .key(.character("j")))
        let refresh = try #require(listRequests(Dashboard.update(&state, .storeChanged)).first)
        #expect(refresh.position == .first)
        // A page for the older generation arriving late changes nothing.
        _ = Dashboard.update(&state, .listPageLoaded(first, page(from: 500, count: 3, hasMore: false)))
        #expect(state.list.rows.first?.id == 1)
        // Customer 1 was erased elsewhere: customer 2 stays selected, now first.
        #expect(refresh.anchor == ListAnchor(customerID: 2, rowsBefore: 1))
        var around = page(from: 2, count: 24, hasMore: false)
        around.anchorIndex = 0
        _ = Dashboard.update(&state, .listPageLoaded(refresh, around))
        #expect(state.list.selectedRow?.id == 2)
        #expect(state.list.position == 1)
    }

    /// Loads rows 1–25 of 10,000 and selects row 6 (customer 6), as in the audit.
    private func listOnRowSix() throws -> AppState {
        var state = Fixtures.state(rows: 12)
        let first = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
        _ = Dashboard.update(&state, .listCounted(generation: state.list.generation, count: 10_000))
        _ = Dashboard.update(&state, .listPageLoaded(first, page(from: 1, count: 25, hasMore: true)))
        for _ in 0..<5 { _ = Dashboard.update(&state, .key(.character("j"))) }
        #expect(state.list.selectedRow?.id == 6)
        return state
    }

    @Test("A change that re-sorts the selected customer far away: the list follows them there")
    func selectionFollowsTheCustomer() throws {
        var state = try listOnRowSix()
        let refresh = try #require(listRequests(Dashboard.update(&state, .storeChanged)).first)
        #expect(refresh.anchor == ListAnchor(customerID: 6, rowsBefore: 5))
        // Their new risk puts customer 6 at row 501: the store answers with the page around them.
        var rows = page(from: 496, count: 25, hasMore: true).rows
        rows[5] = Fixtures.row(6, "Customer 6")
        let effects = Dashboard.update(
            &state,
            .listPageLoaded(
                refresh, CustomerListPage(rows: rows, hasMore: true, anchorIndex: 5, hasMoreBefore: true)))
        #expect(state.list.selectedRow?.id == 6)
        #expect(state.list.selected - state.list.scrollTop == 5, "on the same row of the screen")
        #expect(
            DashboardView.render(state).trimmedLines.contains { $0.hasSuffix("?/10,000 rows") },
            "not the old row number")
        let rank = try #require(
            effects.compactMap { effect -> ListCursor? in
                if case .rankInList(_, _, let cursor) = effect { return cursor }
                return nil
            }.first)
        #expect(rank.customerID == 6)
        _ = Dashboard.update(&state, .listRanked(generation: state.list.generation, customerID: 6, rank: 500))
        #expect(DashboardView.render(state).trimmedLines.contains { $0.hasSuffix("501/10,000 rows") })
        let screen = DashboardView.render(state).trimmedLines.joined(separator: "\n")
        #expect(screen.contains("Customer 6") && screen.contains("Customer 500"))
        // An older generation's rank changes nothing.
        _ = Dashboard.update(
            &state, .listRanked(generation: state.list.generation - 1, customerID: 6, rank: 3))
        #expect(state.list.position == 501)
        // Logging now logs for customer 6.
        _ = Dashboard.update(&state, .key(.character("l")))
        #expect(state.screen == .logForm)
        #expect(state.logForm.customerID == 6)
    }

    @Test("A selected customer who left the list: the selection stays on the row, and the status says so")
    func selectedCustomerLeftTheList() throws {
        var state = try listOnRowSix()
        let refresh = try #require(listRequests(Dashboard.update(&state, .storeChanged)).first)
        // Customer 6 was erased: the store answers with the page at the fallback position.
        #expect(refresh.position == .first)
        var rows = page(from: 1, count: 26, hasMore: true).rows
        rows.remove(at: 5)
        let effects = Dashboard.update(
            &state, .listPageLoaded(refresh, CustomerListPage(rows: rows, hasMore: true)))
        #expect(state.list.selectedRow?.id == 7)
        #expect(state.list.position == 6)
        #expect(state.status == StatusMessage("Customer 6 is no longer in the list"))
        #expect(!effects.contains { if case .rankInList = $0 { true } else { false } })
        // After our own change (here an erasure's summary) the bar keeps that result.
        var erased = try listOnRowSix()
        let afterErasure = try #require(listRequests(Dashboard.update(&erased, .storeChanged)).first)
        erased.status = StatusMessage("erased customer 6: 3 touchpoints deleted")
        _ = Dashboard.update(
            &erased, .listPageLoaded(afterErasure, CustomerListPage(rows: rows, hasMore: true)))
        #expect(erased.status?.text == "erased customer 6: 3 touchpoints deleted")
        var german = try listOnRowSix()
        german.catalog = Catalog(language: .de)
        let again = try #require(listRequests(Dashboard.update(&german, .storeChanged)).first)
        _ = Dashboard.update(&german, .listPageLoaded(again, CustomerListPage(rows: rows, hasMore: true)))
        #expect(german.status?.text == "Customer 6 ist nicht mehr in der Liste")
    }

    @Test("The call list follows the selected customer; one who left it is named, the row kept")
    func callListFollowsTheCustomer() throws {
        var state = Fixtures.callsState()
        _ = Dashboard.update(&state, .key(.character("j")))
        #expect(state.calls.selectedEntry?.customerID == 12)
        let reload = Dashboard.update(&state, .storeChanged)
        let generation = state.calls.generation
        #expect(reload.contains { if case .loadCallList(generation, _) = $0 { true } else { false } })
        // Re-ranked: customer 12 is now first, and stays selected.
        let entries = Fixtures.entries
        _ = Dashboard.update(
            &state,
            .callListLoaded(
                generation: state.calls.generation, entries: [entries[1], entries[0], entries[2]], total: 3))
        #expect(state.calls.selectedEntry?.customerID == 12)
        #expect(state.status == nil)
        // Customer 12 was called from elsewhere and left today's list.
        _ = Dashboard.update(&state, .storeChanged)
        _ = Dashboard.update(
            &state,
            .callListLoaded(generation: state.calls.generation, entries: [entries[0], entries[2]], total: 2))
        #expect(state.calls.selected == 0)
        #expect(state.status?.text == "山田太郎 is no longer in the list")
    }

    @Test("A change seen on another screen rereads the overview when the user goes back to it")
    func overviewAfterGoingBack() {
        var state = Fixtures.state()
        _ = Dashboard.start(&state)
        _ = Dashboard.update(&state, .key(.character("c")))
        #expect(!Dashboard.update(&state, .key(.escape)).contains(.loadOverview), "nothing changed yet")
        _ = Dashboard.update(&state, .key(.character("c")))
        _ = Dashboard.update(&state, .storeChanged)
        #expect(Dashboard.update(&state, .key(.escape)).contains(.loadOverview))
        #expect(state.screen == .overview)
    }

    @Test("The detail reloads its customer and keeps its scroll; the overview reloads its figures")
    func detailAndOverview() {
        var state = Fixtures.state()
        #expect(Dashboard.update(&state, .storeChanged).isEmpty, "nothing shown yet, nothing to reload")
        _ = Dashboard.start(&state)
        #expect(Dashboard.update(&state, .storeChanged) == [.loadOverview])
        _ = Dashboard.update(&state, .key(.character("c")))
        state.stack.append(.detail)
        state.detail.customerID = 1
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        state.detail.scroll[.profile] = 3
        let effects = Dashboard.update(&state, .storeChanged)
        #expect(effects.contains(.loadDetail(id: 1)))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        #expect(state.detail.scroll[.profile] == 3)
    }
}
