import Dashboard
import Scoring
import Testing

/// Scores, reasons and actions are as of the last full scoring: the overview and the detail
/// say which day that was, and how old, when it is not today.
@Suite("The scoring day on screen")
struct ScoringDateTests {
    private func overview(today: String, scored: String?, language: Language = .en) -> ScreenBuffer {
        var state = AppState(
            size: ScreenSize(columns: 120, rows: 30), today: Fixtures.day(today), language: language)
        _ = Dashboard.start(&state)
        if let headline = Fixtures.figures.headline {
            _ = Dashboard.update(&state, .overviewLoaded(.headline(headline)))
        }
        _ = Dashboard.update(&state, .overviewLoaded(.scoring(asOf: scored.map(Fixtures.day))))
        return DashboardView.render(state)
    }

    /// The row holding `text`, and the role of its first character.
    private func find(_ text: String, in buffer: ScreenBuffer) -> StyleRole? {
        for (y, line) in buffer.trimmedLines.enumerated() {
            guard let range = line.range(of: text) else { continue }
            let x = line[..<range.lowerBound].count
            return buffer.cell(x: x, y: y)?.role
        }
        return nil
    }

    @Test("The overview: 28 days old in the warning role with what to do; today's muted; never scored")
    func overviewLine() {
        let stale = overview(today: "2025-07-28", scored: "2025-06-30")
        #expect(
            find("scores of 2025-06-30 · 28 days old — run clientele score", in: stale) == .riskMedium,
            "\(stale.trimmedLines)")
        let german = overview(today: "2025-07-28", scored: "2025-06-30", language: .de)
        #expect(
            find("Bewertung vom 30.06.2025 · 28 Tage alt — clientele score ausführen", in: german) != nil,
            "\(german.trimmedLines)")
        let current = overview(today: "2025-06-30", scored: "2025-06-30")
        #expect(find("scores of 2025-06-30", in: current) == .muted, "\(current.trimmedLines)")
        #expect(!current.trimmedLines.joined().contains("days old"))
        let never = overview(today: "2025-06-30", scored: nil)
        #expect(find("not scored yet — run clientele score", in: never) == .riskMedium)
    }

    private func detail(today: String, scored: String?) -> [String] {
        var detail = Fixtures.detail
        detail.scoredAsOf = scored.map(Fixtures.day)
        var state = AppState(
            size: ScreenSize(columns: 140, rows: 60), today: Fixtures.day(today), language: .en,
            startScreen: .list)
        state.stack = [.overview, .list, .detail]
        state.detail.customerID = 1
        _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
        return DashboardView.render(state).trimmedLines
    }

    @Test("The detail says the scoring day by the reasons when it is not today")
    func detailLine() {
        let stale = detail(today: "2025-07-28", scored: "2025-06-30")
        let why = stale.firstIndex { $0.contains("Why at risk") } ?? 0
        #expect(stale[why + 1].contains("scores of 2025-06-30 · 28 days old"), "\(stale)")
        let current = detail(today: "2025-06-30", scored: "2025-06-30")
        #expect(!current.joined().contains("scores of"), "\(current)")
    }
}
