import Dashboard
import Scoring
import Testing

/// A store with customers and orders but no scores yet (audit 6, finding 14): the screens say
/// that scoring is the missing step, and show "–" rather than zeros for figures that need it.
@Suite("An unscored store on screen")
struct UnscoredStoreTests {
    private func emptyList(_ language: Language, status: StoreStatus?) -> (String, [Effect]) {
        var state = Fixtures.state(columns: 110, rows: 12, language: language, screen: .list)
        _ = Dashboard.update(&state, .key(.character("2")))
        let request = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: .first, limit: 25,
            purpose: .replace)
        let effects = Dashboard.update(
            &state, .listPageLoaded(request, CustomerListPage(rows: [], hasMore: false)))
        if let status { _ = Dashboard.update(&state, .storeStatusLoaded(status)) }
        return (DashboardView.render(state).trimmedLines.joined(separator: "\n"), effects)
    }

    @Test("The empty list asks for the store's status and then names the customers waiting to be scored")
    func listSaysHowManyWait() {
        let (waiting, effects) = emptyList(.en, status: nil)
        #expect(effects.contains(.loadStoreStatus))
        #expect(waiting.contains("loading…"), "\(waiting)")
        let (english, _) = emptyList(.en, status: StoreStatus(customers: 2_000, scoredAsOf: nil))
        #expect(english.contains("2,000 customers, not scored yet: run `clientele score`."), "\(english)")
        #expect(!english.contains("import customers"))
        let (german, _) = emptyList(.de, status: StoreStatus(customers: 2_000, scoredAsOf: nil))
        #expect(
            german.contains("2.000 Kunden, noch nicht bewertet: `clientele score` ausführen."), "\(german)")
        let (empty, _) = emptyList(.en, status: StoreStatus(customers: 0, scoredAsOf: nil))
        #expect(
            empty.contains(
                "No scored customers yet: import customers and orders, then run `clientele score`."))
    }

    private func emptyCalls(_ language: Language, status: StoreStatus) -> (String, [Effect]) {
        var state = Fixtures.state(columns: 110, rows: 12, language: language)
        _ = Dashboard.update(&state, .key(.character("3")))
        let effects = Dashboard.update(
            &state, .callListLoaded(generation: state.calls.generation, entries: [], total: 0))
        _ = Dashboard.update(&state, .storeStatusLoaded(status))
        return (DashboardView.render(state).trimmedLines.joined(separator: "\n"), effects)
    }

    @Test("An empty call list says the store is not scored, when it is not; else that nobody is due")
    func callsSayNotScored() {
        let (english, effects) = emptyCalls(.en, status: StoreStatus(customers: 2_000, scoredAsOf: nil))
        #expect(effects.contains(.loadStoreStatus))
        #expect(
            english.contains("No call list yet: the store is not scored. Run `clientele score`."),
            "\(english)")
        #expect(!english.contains("Nobody to call today."))
        let (german, _) = emptyCalls(.de, status: StoreStatus(customers: 2_000, scoredAsOf: nil))
        #expect(german.contains("Noch keine Anrufliste: der Bestand ist nicht bewertet."), "\(german)")
        let (scored, _) = emptyCalls(.en, status: StoreStatus(customers: 2_000, scoredAsOf: Fixtures.today))
        #expect(scored.contains("Nobody to call today."), "\(scored)")
    }

    @Test("Revenue at risk is – until something is scored, not €0")
    func revenueAtRiskDash() {
        for (language, label) in [(Language.en, "Revenue at risk"), (.de, "Umsatz in Gefahr")] {
            var state = Fixtures.state(columns: 120, rows: 30, language: language)
            _ = Dashboard.start(&state)
            let headline = OverviewFigures.Headline(
                customers: 2_000, activeCustomers: 412, averageCLVMinor: nil, revenueAtRiskMinor: nil)
            _ = Dashboard.update(&state, .overviewLoaded(.headline(headline)))
            let lines = DashboardView.render(state).trimmedLines
            let row = try? #require(lines.firstIndex { $0.contains(label) })
            guard let row, let column = lines[row].range(of: label)?.lowerBound else { continue }
            let offset = lines[row].distance(from: lines[row].startIndex, to: column)
            let below = Array(lines[row + 1])
            let value = String(below[min(offset, below.count)...]).prefix(3)
            #expect(value.hasPrefix("–"), "\(language): \(lines[row + 1])")
            #expect(!lines[row + 1].contains("€0") && !lines[row + 1].contains("0 €"))
        }
    }
}
