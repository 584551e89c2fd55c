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

        let effects = Dashboard.update(&state, .storeChanged)
        let refresh = try #require(listRequests(effects).first)
        #expect(refresh.purpose == .refresh)
        #expect(refresh.position == .after(state.list.rows[top - 1].cursor))
        #expect(effects.contains(.countList(generation: state.list.generation, query: state.list.query)))
        // Old rows stay on screen until the page is there; no prefetch meanwhile.
        #expect(state.list.selectedRow?.id == selectedID)
        #expect(listRequests(Dashboard.update(&state, .key(.character("j")))).isEmpty)
        _ = Dashboard.update(&state, .key(.character("k")))

        _ = Dashboard.update(
            &state, .listPageLoaded(refresh, page(from: firstVisible, count: 25, hasMore: true, rename: 16)))
        #expect(state.list.selectedRow?.id == selectedID)
        #expect(state.list.selectedRow?.name == "Renamed")
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
        _ = Dashboard.update(&state, .listPageLoaded(refresh, page(from: 2, count: 24, hasMore: false)))
        #expect(state.list.selectedRow?.id == 2)
        #expect(state.list.position == 1)
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
