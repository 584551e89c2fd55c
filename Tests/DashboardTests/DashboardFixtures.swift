import Dashboard
import Scoring

/// Deterministic data for screen tests: names with umlauts, CJK and accents, fixed dates.
enum Fixtures {
    static let today = CalendarDay(year: 2025, month: 6, day: 30) ?? CalendarDay(daysSinceEpoch: 0)

    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso) ?? today }

    static func state(
        columns: Int = 80, rows: Int = 20, language: Language = .en, screen: ScreenKind = .overview
    ) -> AppState {
        AppState(
            size: ScreenSize(columns: columns, rows: rows), today: today, language: language,
            startScreen: screen)
    }

    static func row(
        _ id: Int64, _ name: String, company: String? = nil, segment: Segment = .champions,
        risk: Double = 0.12,
        band: RiskBand = .low, tier: ValueTier = .a, value: Int64 = 1_234_500, touch: String? = "2025-06-20",
        next: ActionKind? = .followUp, due: String? = "2025-07-02"
    ) -> CustomerListRow {
        CustomerListRow(
            id: id, name: name, company: company, segment: segment, churnRisk: risk, band: band, tier: tier,
            valueMinor: value, lastTouch: touch.map(day), nextAction: next, nextActionDue: due.map(day),
            cursor: ListCursor(values: [.real(risk)], customerID: id))
    }

    static let rows: [CustomerListRow] = [
        row(1, "Jürgen Müller", company: "Bäckerei Schäfer GmbH", segment: .atRisk, risk: 0.87, band: .high),
        row(2, "山田太郎", company: "東京精密", segment: .loyal, risk: 0.45, band: .medium, tier: .b, value: 98_000),
        row(
            3, "Zoë Ångström", segment: .new, risk: 0.05, tier: .c, value: 4_200, touch: nil, next: nil,
            due: nil),
        row(
            4, "Evil\u{1B}[31mRed", segment: .lost, risk: 0.99, band: .high, tier: .c, value: 0,
            touch: "2023-01-01"),
    ]

    static let figures = OverviewFigures(
        headline: OverviewFigures.Headline(
            customers: 1_234, activeCustomers: 617, averageCLVMinor: 91_550, revenueAtRiskMinor: 15_074_000),
        retention: OverviewFigures.Retention(activeYearAgo: 800, stillActive: 600),
        feedback: OverviewFigures.Feedback(
            promoters: 30, passives: 20, detractors: 10, csatSum: 41, csatCount: 10),
        segments: [.champions: 69, .loyal: 41, .atRisk: 37, .lost: 27],
        bands: [.low: 118, .medium: 29, .high: 153],
        urgent: [
            UrgentCustomer(
                id: 1, name: "Jürgen Müller", churnRisk: 0.87, band: .high, valueAtStakeMinor: 1_600_000,
                topReason: .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30)),
            UrgentCustomer(
                id: 2, name: "山田太郎", churnRisk: 0.62, band: .medium, valueAtStakeMinor: 709_600,
                topReason: .detractor(score: 4, daysAgo: 12, type: .transactional)),
        ])

    static let detail = CustomerDetail(
        id: 1, externalID: "K-1", name: "Jürgen Müller", company: "Bäckerei Schäfer GmbH",
        email: "j@example.de",
        phone: "+49 221 1234", city: "Köln", country: "DE", owner: "Anna Schröder",
        relationship: .relationship,
        segment: .atRisk, churnRisk: 0.87, band: .high, tier: .a, probabilityAlive: 0.3,
        valueMinor: 1_234_500,
        clvMinor: 1_000_000, valueAtStakeMinor: 1_074_015,
        reasons: [
            .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30),
            .contractEnding(daysToEnd: 41, daysToNoticeDeadline: 11, emotionalBinding: .none),
        ],
        actions: [
            SuggestedAction(
                kind: .prepareRenewal, ruleID: "r", due: day("2025-07-01"), priority: 80, detail: 11)
        ],
        bindings: BindingSignals(contractual: .strong, economic: .medium),
        ordersPerMonth: [0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        touchpoints: [
            TouchpointEntry(
                occurredAt: day("2025-06-20").startUnixSeconds + 3600, channel: .call, direction: .outbound,
                kind: .sales, outcome: .reached, note: "Angebot\u{1B}[2J besprochen\r\nRückruf")
        ],
        contracts: [
            ContractEntry(
                product: "Kaffee-Flatrate", status: .active, endsOn: day("2025-08-10"), noticeDays: 30,
                autoRenews: true, recurringMinor: 4_900, currency: "EUR", billingPeriod: .monthly)
        ],
        feedback: [
            FeedbackEntry(
                givenAt: day("2025-06-18").startUnixSeconds, metric: .nps, npsType: .transactional, score: 4,
                comment: "zu teuer")
        ])

    /// A list state with `rows` loaded as the first and only page.
    static func listState(columns: Int = 80, rows: Int = 12, language: Language = .en) -> AppState {
        var state = state(columns: columns, rows: rows, language: language, screen: .list)
        _ = Dashboard.update(&state, .key(.character("2")))
        let request = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: .first, limit: 25,
            purpose: .replace)
        _ = Dashboard.update(
            &state, .listPageLoaded(request, CustomerListPage(rows: Self.rows, hasMore: false)))
        _ = Dashboard.update(&state, .listCounted(generation: state.list.generation, count: Self.rows.count))
        return state
    }
}
