import Dashboard
import Scoring
import Testing

/// An overdue follow-up is scored as due on the scoring day, with how late it already was as
/// its detail: every screen says that lateness (plus the days since), never "today".
@Suite("Overdue follow-ups say how late they are")
struct ActionTimingTests {
    /// The customer list with one customer whose follow-up was 4 days late when scored today.
    private func list(today: CalendarDay, language: Language = .en) -> [String] {
        var state = AppState(
            size: ScreenSize(columns: 120, rows: 14), today: today, language: language, startScreen: .list)
        let request = ListPageRequest(
            generation: 0, query: state.list.query, position: .first, limit: 25, purpose: .replace)
        _ = Dashboard.start(&state)
        var row = Fixtures.row(1, "Uwe Schulz", due: "2025-06-30")
        row.nextActionDetail = -4
        var promised = Fixtures.row(2, "Eva Roth", due: "2025-07-02")
        promised.nextActionDetail = 2
        var generation = request
        generation.generation = state.list.generation
        _ = Dashboard.update(
            &state, .listPageLoaded(generation, CustomerListPage(rows: [row, promised], hasMore: false)))
        return DashboardView.render(state).trimmedLines
    }

    @Test("The list: 4 d late on the scoring day, 7 d late three days later; a promise ahead counts down")
    func listColumn() {
        let scored = list(today: Fixtures.day("2025-06-30"))
        #expect(
            scored.contains { $0.contains("Uwe Schulz") && $0.hasSuffix("follow up · 4 d late") }, "\(scored)"
        )
        #expect(
            scored.contains { $0.contains("Eva Roth") && $0.hasSuffix("follow up · in 2 d") }, "\(scored)")
        let later = list(today: Fixtures.day("2025-07-03"))
        #expect(
            later.contains { $0.contains("Uwe Schulz") && $0.hasSuffix("follow up · 7 d late") }, "\(later)")
        #expect(
            later.contains { $0.contains("Eva Roth") && $0.hasSuffix("follow up · 1 d late") }, "\(later)")
        let german = list(today: Fixtures.day("2025-06-30"), language: .de)
        #expect(german.contains { $0.contains("Uwe Schulz") && $0.contains("4 T überfällig") }, "\(german)")
        #expect(!scored.joined().contains("today"))
    }

    @Test("The detail's next actions count the lateness to today too")
    func detailNextActions() {
        var detail = Fixtures.detail
        detail.actions = [
            SuggestedAction(
                kind: .followUp, ruleID: "r", due: Fixtures.day("2025-06-30"), priority: 95, detail: -4)
        ]
        for (today, expected) in [("2025-06-30", "4 days overdue"), ("2025-07-03", "7 days overdue")] {
            var state = AppState(
                size: ScreenSize(columns: 140, rows: 60), today: Fixtures.day(today), startScreen: .list)
            _ = Dashboard.update(&state, .key(.character("2")))
            state.stack = [.overview, .list, .detail]
            state.detail.customerID = 1
            _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
            let text = DashboardView.render(state).trimmedLines.joined(separator: "\n")
            #expect(text.contains("follow up as agreed (\(expected))"), "\(text)")
        }
    }
}
