import Dashboard
import Foundation
import Scoring
import Testing

/// Whole screens rendered into buffers of fixed size with fixed data, compared line by line.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    @Test("An empty unfiltered list says to import and score; an empty search says nothing matches")
    func emptyList() {
        var state = Fixtures.state(columns: 100, rows: 12, screen: .list)
        _ = Dashboard.update(&state, .key(.character("2")))
        let request = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: .first, limit: 25,
            purpose: .replace)
        _ = Dashboard.update(&state, .listPageLoaded(request, CustomerListPage(rows: [], hasMore: false)))
        // An empty store: nothing to score yet either.
        _ = Dashboard.update(&state, .storeStatusLoaded(StoreStatus(customers: 0, scoredAsOf: nil)))
        let screen = DashboardView.render(state).trimmedLines.joined(separator: "\n")
        #expect(
            screen.contains(
                "No scored customers yet: import customers and orders, then run `clientele score`."),
            "\(screen)")
        state.list.query.search = "zzz"
        #expect(DashboardView.render(state).trimmedLines.contains { $0.contains("No customers match.") })
    }

    @Test(
        "The customer list at 80×12: risk number and band word, CJK and umlaut names aligned, data sanitised")
    func list80X12() {
        let state = Fixtures.listState()
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼                      2025-06-30",
                "Name                         Risk ▼             Value   Touch Next action",
                "Jürgen Müller · Bäckerei…      87% high      A €12.3k    10 d follow up · in 2 d",
                "山田太郎 · 東京精密            45% medium      B €980    10 d follow up · in 2 d",
                "Zoë Ångström                    5% low          C €42       –",
                "EvilRed                        99% high          C €0     2 y follow up · in 2 d",
                "",
                "",
                "",
                "",
                "",
                " ? help · q back · enter open · s sort · r reverse · f filter · l log  1/4 rows",
            ])
    }

    @Test("At 50 columns in German, low-priority columns make way and amounts are German")
    func list50X12De() {
        let state = Fixtures.listState(columns: 50, rows: 12, language: .de)
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Übersicht › Kunden · Sort 30.06.2025",
                "Name                      Risiko ▼            Wert",
                "Jürgen Müller · Bäckerei…  87 % hoch     A 12,3 T€",
                "山田太郎 · 東京精密        45 % mittel     B 980 €",
                "Zoë Ångström                5 % niedrig     C 42 €",
                "EvilRed                    99 % hoch         C 0 €",
                "",
                "",
                "",
                "",
                "",
                " ? Hilfe · q zurück · enter öffnen     1/4 Zeilen",
            ])
    }

    @Test("The overview draws at once with placeholders while its figures load")
    func overviewLoading() {
        var state = Fixtures.state(columns: 80, rows: 20)
        _ = Dashboard.start(&state)
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview                                                2025-06-30",
                " Customers          Active             Churn rate         Retention",
                " …                  …                  …                  …",
                " NPS 12 mo          CSAT avg           Avg CLV            Revenue at risk",
                " …                  …                  …                  …",
                "",
                "▸ Segments (1/3)",
                "  loading…",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? help · q quit · enter open · tab pane · c customers · 3 calls · j/k move",
            ])
    }

    @Test("The overview at 80×20: key figures and the focused pane")
    func overview80X20() {
        var state = Fixtures.state(columns: 80, rows: 20)
        _ = Dashboard.start(&state)
        state.overview.figures = Fixtures.figures
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview                                                2025-06-30",
                " Customers          Active             Churn rate         Retention",
                " 1,234              617 (50%)          25.0%              75.0%",
                " NPS 12 mo          CSAT avg           Avg CLV            Revenue at risk",
                " +33                4.1                €916               €150,740",
                "",
                "▸ Segments (1/3)",
                "  Champions ████████████████████████████████████████████████████████████████ 69",
                "  Loyal     ██████████████████████████████████████                           41",
                "  At risk   ██████████████████████████████████▍                              37",
                "  Lost      █████████████████████████                                        27",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? help · q quit · enter open · tab pane · c customers · 3 calls · j/k move",
            ])
    }

    @Test("The wide overview in German: three panes, bars with counts, urgent customers with reasons")
    func overview120X24De() {
        var state = Fixtures.state(columns: 120, rows: 24, language: .de)
        _ = Dashboard.start(&state)
        state.overview.figures = Fixtures.figures
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Übersicht                                                                                       30.06.2025",
                " Kunden             Aktiv              Abwanderung        Bindungsrate       NPS 12 Mon.        CSAT Ø",
                " 1.234              617 (50 %)         25,0 %             75,0 %             +33                4,1",
                " CLV Ø              Umsatz in Gefahr",
                " 916 €              150.740 €",
                "",
                "▸ Segmente (1/3)                          Abwanderungsrisiko (2/3)                Am dringendsten (3/3)",
                "  Champions ███████████████████████ 69    hoch     ███████████████████████ 153     87 % hoch    Jürgen Müller    16,0 T€",
                "  Treue     █████████████▋          41    mittel   ████▍                    29      seit 94 Tagen keine Bestellung…",
                "  Gefährdet ████████████▍           37    niedrig  █████████████████▊      118     62 % mittel  山田太郎         7.096 €",
                "  Verloren  █████████               27                                              Kritiker, NPS 4, vor 12 Tagen",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? Hilfe · q beenden · enter öffnen · tab Bereich · c Kunden · 3 Anrufe · j/k bewegen · / suchen",
            ])
    }

    @Test("A long company in the detail's title is cut with … (it ran off the edge mid-word)")
    func detailLongCompany() {
        var state = Fixtures.listState(columns: 60, rows: 30)
        _ = Dashboard.update(&state, .key(.enter))
        var detail = Fixtures.detail
        detail.company = "Müller Vertriebsgesellschaft für Industriebedarf mbH"
        _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
        func title() -> String {
            String(DashboardView.render(state).lines[1].reversed().drop { $0 == " " }.reversed())
        }
        #expect(title() == " Jürgen Müller · Müller Vertriebsgesellschaft für…")
        detail.name = String(repeating: "Vertriebsgesellschaft", count: 3)
        _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
        #expect(title() == " " + String(detail.name.prefix(58)) + "…")
    }

    @Test("The detail at 60 columns: profile, scores, reasons as sentences, bindings")
    func detail60X30() {
        var state = Fixtures.listState(columns: 60, rows: 30)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼  2025-06-30",
                " Jürgen Müller · Bäckerei Schäfer GmbH",
                "",
                " Profile",
                " Owner          Anna Schröder",
                " Relationship   relationship",
                " Email          j@example.de",
                " Phone          +49 221 1234",
                " City           Köln, DE",
                " External ID    K-1",
                "",
                " Scores",
                " Segment        At risk",
                " Churn risk     87% high",
                " P(active)      30%",
                " Value          A · €12,345.00",
                " CLV            €10,000.00",
                " At stake       €10,740.15",
                "",
                " Why at risk",
                " • no order for 94 days; usually orders every 30 days",
                " • contract ends in 41 days, notice deadline in 11 days,",
                "   no emotional binding signals",
                "",
                " Bindings",
                " contractual    ■■■ strong",
                " economic       ■■□ medium",
                " technical      □□□ none",
                " situational    □□□ none",
                " ? help · q back · tab pane · l log · j/k move · / search",
            ])
    }

    @Test("A complaint says open or resolved in words; a long note wraps whole, up to twelve lines")
    func complaintsAndLongNotes() {
        var state = Fixtures.listState(columns: 60, rows: 40)
        _ = Dashboard.update(&state, .key(.enter))
        var detail = Fixtures.detail
        let long = (1...40).map { "Wort\($0)" }.joined(separator: " ")
        detail.touchpoints = [
            TouchpointEntry(
                occurredAt: 1_750_000_000, channel: .chat, direction: .inbound, kind: .complaint,
                outcome: .completed, note: "Lieferung unvollständig", complaintOpen: true),
            TouchpointEntry(
                occurredAt: 1_740_000_000, channel: .email, direction: .inbound, kind: .complaint,
                outcome: nil, note: long, complaintOpen: false),
            TouchpointEntry(
                occurredAt: 1_730_000_000, channel: .note, direction: .outbound, kind: .other,
                outcome: nil, note: String(repeating: "sehr lange Notiz ", count: 100)),
        ]
        _ = Dashboard.update(&state, .detailLoaded(id: 1, detail))
        _ = Dashboard.update(&state, .key(.tab))
        let lines = DashboardView.render(state).trimmedLines
        #expect(lines.contains { $0.hasSuffix("chat · complaint · completed · open") }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("email · complaint · resolved") })
        // All forty words of the second note are there, over several lines.
        #expect(lines.contains { $0.contains("Wort40") })
        #expect(lines.filter { $0.contains("Wort") }.count > 1)
        // The third is cut after twelve lines, with an ellipsis.
        let notice = lines.filter { $0.contains("sehr lange Notiz") }
        #expect(notice.count == 12, "\(notice.count)")
        #expect(notice.last?.hasSuffix("…") == true)
    }

    @Test("Tab shows the history pane on a narrow screen: touchpoints newest first, notes sanitised")
    func detail60X30History() {
        var state = Fixtures.listState(columns: 60, rows: 30)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        _ = Dashboard.update(&state, .key(.tab))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼  2025-06-30",
                " Jürgen Müller · Bäckerei Schäfer GmbH",
                "",
                " Touchpoints",
                " 2025-06-20  call · sales · reached",
                "             Angebot besprochen",
                "             Rückruf",
                "",
                " Feedback",
                " 2025-06-18  tNPS 4 · zu teuer",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? help · q back · tab pane · l log · j/k move · / search",
            ])
    }

    @Test("The wide detail in German shows both panes side by side")
    func detail110X30De() {
        var state = Fixtures.listState(columns: 110, rows: 30, language: .de)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Übersicht › Kunden · Sortierung Risiko ▼ › Jürgen Müller                              30.06.2025",
                " Jürgen Müller · Bäckerei Schäfer GmbH",
                "",
                "▸Profil                                               │ Kontakte",
                " Betreuer       Anna Schröder                         │ 20.06.2025  Anruf · Verkauf · erreicht",
                " Beziehung      beziehungsorientiert                  │             Angebot besprochen",
                " E-Mail         j@example.de                          │             Rückruf",
                " Telefon        +49 221 1234                          │",
                " Ort            Köln, DE                              │ Feedback",
                " Externe ID     K-1                                   │ 18.06.2025  tNPS 4 · zu teuer",
                "                                                      │",
                " Bewertung                                            │",
                " Segment        Gefährdet                             │",
                " Risiko         87 % hoch                             │",
                " P(aktiv)       30 %                                  │",
                " Wert           A · 12.345,00 €                       │",
                " CLV            10.000,00 €                           │",
                " Wert im Risiko 10.740,15 €                           │",
                "                                                      │",
                " Warum gefährdet                                      │",
                " • seit 94 Tagen keine Bestellung; bestellt sonst     │",
                "   alle 30 Tage                                       │",
                " • Vertrag endet in 41 Tagen, Kündigungsfrist in 11   │",
                "   Tagen, keine Zeichen emotionaler Bindung           │",
                "                                                      │",
                " Bindungen                                            │",
                " vertraglich    ■■■ stark                             │",
                " wirtschaftlich ■■□ mittel                            │",
                " technisch      □□□ keine                             │",
                " ? Hilfe · q zurück · tab Bereich · l erfassen · j/k bewegen · / suchen",
            ])
    }

    @Test("? shows the key map of the screen, generated from the bindings")
    func help() {
        var state = Fixtures.listState(columns: 80, rows: 16)
        _ = Dashboard.update(&state, .key(.character("?")))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼                      2025-06-30",
                " Keys and commands",
                " Keys",
                "   enter          open the selected item",
                "   s              sort by the next column",
                "   r              reverse the sort order",
                "   f              filter (opens :filter)",
                "   F              clear filters and search",
                "   l              log an interaction with this customer",
                "   down, j        move down",
                "   up, k          move up",
                "   pgdown, space  page down",
                "   pgup           page up",
                "   ctrl-d         half a page down",
                "   ctrl-u         half a page up",
                " esc, q or ? closes this help                                          1/4 rows",
            ])
    }

    @Test("Below the minimum size a clear \"too small\" screen")
    func toosmall() {
        let state = Fixtures.state(columns: 30, rows: 8)
        expectLines(
            DashboardView.render(state),
            [
                "",
                "",
                "      terminal too small",
                "         (need 50×12)",
                "          have 30×8",
                "           q: quit",
                "",
                "",
            ])
    }
}

@Suite("Status bar")
struct StatusBarTests {
    static let erasure =
        "erased customer 42: 12 touchpoints and 3 feedback answers deleted, contact data removed; "
        + "7 orders and 1 contracts kept pseudonymised"

    @Test("A message wider than the bar continues upwards and is read whole")
    func longMessageWraps() {
        var state = Fixtures.state(columns: 60, rows: 20)
        state.status = StatusMessage(Self.erasure)
        let lines = DashboardView.render(state).lines
        let bottom = lines.suffix(3).joined(separator: " ")
        for word in Self.erasure.split(separator: " ") {
            #expect(
                bottom.contains(word), "\(word) missing from:\n\(lines.suffix(3).joined(separator: "\n"))")
        }
        // A short one stays on the bar alone.
        state.status = StatusMessage("saved")
        let short = DashboardView.render(state).lines
        #expect(short[19].hasPrefix(" saved"))
        #expect(!short[18].contains("saved"))
    }

    @Test("On a small screen a long message takes at most a third of the rows and says it goes on")
    func longMessageIsBounded() {
        // The smallest screen the dashboard draws (50×12): four rows at most.
        var state = Fixtures.state(columns: 50, rows: 12)
        state.status = StatusMessage(Self.erasure + "; " + Self.erasure, isError: true)
        let lines = DashboardView.render(state).lines
        #expect(lines[11].trimmingCharacters(in: .whitespaces).hasSuffix(" …"), "\(lines[11])")
        #expect(lines[8].hasPrefix(" erased customer 42"), "\(lines.suffix(5).joined(separator: "\n"))")
        #expect(!lines[7].contains("erased"))
    }
}
