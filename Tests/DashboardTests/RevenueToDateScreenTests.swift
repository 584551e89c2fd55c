import Dashboard
import Scoring
import Testing

/// The detail shows what a customer has bought so far next to the 12-month value, so a lapsed
/// big buyer valued €0 is visibly a big past customer (audit 6, finding 5).
@Suite("Revenue to date on the detail screen")
struct RevenueToDateScreenTests {
    private func screen(_ language: Language) -> String {
        var state = Fixtures.state(columns: 120, rows: 50, language: language, screen: .list)
        var detail = Fixtures.detail
        detail.segment = .cantLose
        detail.valueMinor = 0
        detail.ordersToDate = 85
        detail.revenueToDateMinor = 1_338_582
        _ = Dashboard.update(&state, .key(.character("2")))
        state.stack.append(.detail)
        state.detail.customerID = 1
        _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
        return DashboardView.render(state).trimmedLines.joined(separator: "\n")
    }

    @Test("English and German: the amount in euros and the number of orders")
    func shown() {
        let english = screen(.en)
        #expect(english.contains("Revenue        €13,385.82 from 85 orders to date"), "\(english)")
        let german = screen(.de)
        #expect(german.contains("Umsatz         13.385,82 € aus 85 Bestellungen bis heute"), "\(german)")
    }
}
