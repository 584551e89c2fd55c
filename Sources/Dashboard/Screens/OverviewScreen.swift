import Scoring

/// The overview's state: its figures as they arrive, and which pane has the focus.
public struct OverviewState: Equatable, Sendable {
    public enum Pane: Int, CaseIterable, Sendable {
        case segments, bands, urgent
    }

    public var figures = OverviewFigures()
    public var requested = false
    public var focus: Pane = .segments
    /// The selected row of each pane.
    public var selection: [Pane: Int] = [:]
    /// Whether the last scoring's day has arrived, and that day (nil: never scored).
    public var scoringKnown = false
    public var scoredAsOf: CalendarDay?

    public init() {}

    /// Segments in the RFM grid's order (best first) with their counts.
    public var segmentRows: [(segment: Segment, count: Int)] {
        guard let segments = figures.segments else { return [] }
        return Segment.allCases.compactMap { segment in segments[segment].map { (segment, $0) } }
    }

    /// Bands, high first, with their counts.
    public var bandRows: [(band: RiskBand, count: Int)] {
        guard let bands = figures.bands else { return [] }
        return RiskBand.allCases.reversed().map { ($0, bands[$0] ?? 0) }
    }

    public func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .segments: segmentRows.count
        case .bands: bandRows.count
        case .urgent: figures.urgent?.count ?? 0
        }
    }

    public func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }
}

/// The start screen: key figures, segment and risk bars, the most urgent customers.
public enum OverviewScreen {
    /// How many urgent customers the overview asks for.
    public static let urgentLimit = 12

    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        guard !state.overview.requested else { return [] }
        state.overview.requested = true
        return [.loadOverview]
    }

    /// The store changed while another screen was on top: the overview is read again when it
    /// comes back (its old figures stay on screen until the new ones arrive).
    static func markStale(_ state: inout AppState) {
        if state.screen != .overview { state.overview.requested = false }
    }

    static func receive(_ state: inout AppState, _ part: OverviewPart) {
        switch part {
        case .headline(let headline): state.overview.figures.headline = headline
        case .retention(let retention): state.overview.figures.retention = retention
        case .feedback(let feedback): state.overview.figures.feedback = feedback
        case .distribution(let segments, let bands):
            state.overview.figures.segments = segments
            state.overview.figures.bands = bands
        case .urgent(let urgent): state.overview.figures.urgent = urgent
        case .scoring(let asOf):
            state.overview.scoringKnown = true
            state.overview.scoredAsOf = asOf
        }
    }

    static func handle(_ action: KeyAction, _ state: inout AppState) -> [Effect] {
        let pane = state.overview.focus
        let count = state.overview.rowCount(pane)
        func select(_ index: Int) {
            state.overview.selection[pane] = max(0, min(index, count - 1))
        }
        let current = state.overview.selected(pane)
        switch action {
        case .moveDown: select(current + 1)
        case .moveUp: select(current - 1)
        case .pageDown, .halfPageDown: select(current + 5)
        case .pageUp, .halfPageUp: select(current - 5)
        case .top: select(0)
        case .bottom: select(count - 1)
        case .nextPane, .previousPane:
            let panes = OverviewState.Pane.allCases
            let step = action == .nextPane ? 1 : panes.count - 1
            state.overview.focus = panes[(pane.rawValue + step) % panes.count]
        case .open:
            return open(&state)
        default:
            break
        }
        return []
    }

    /// Enter: a segment or band opens the list filtered to it; an urgent customer its detail.
    static func open(_ state: inout AppState) -> [Effect] {
        let overview = state.overview
        let index = overview.selected(overview.focus)
        var query = CustomerListQuery(sort: .risk)
        switch overview.focus {
        case .segments:
            guard overview.segmentRows.indices.contains(index) else { return [] }
            query.filter.segment = overview.segmentRows[index].segment
        case .bands:
            guard overview.bandRows.indices.contains(index) else { return [] }
            query.filter.band = overview.bandRows[index].band
        case .urgent:
            guard let urgent = overview.figures.urgent, urgent.indices.contains(index) else { return [] }
            return DetailScreen.open(&state, id: urgent[index].id)
        }
        state.stack = [.overview, .list]
        return ListScreen.reload(&state, query: query)
    }

    // MARK: - View

    /// The key figures as (label, value) pairs; "…" until their part has arrived.
    static func tiles(_ state: AppState) -> [(label: String, value: String)] {
        let catalog = state.catalog
        let figures = state.overview.figures
        let waiting = "…"
        let headline = figures.headline
        let active = headline.map { headline -> String in
            let share =
                headline.customers > 0 ? Double(headline.activeCustomers) / Double(headline.customers) : 0
            return catalog.number(headline.activeCustomers) + " (" + catalog.percent(share) + ")"
        }
        let nps = figures.feedback.map { feedback in feedback.nps.map { ($0 > 0 ? "+" : "") + "\($0)" } ?? "–"
        }
        let csat = figures.feedback.map { feedback in
            feedback.csatAverage.map { catalog.decimal($0, digits: 1) } ?? "–"
        }
        return [
            (catalog.text(.kpiCustomers), headline.map { catalog.number($0.customers) } ?? waiting),
            (catalog.text(.kpiActive), active ?? waiting),
            (
                catalog.text(.kpiChurnRate),
                figures.retention.map { $0.churnRate.map { catalog.percent($0, digits: 1) } ?? "–" }
                    ?? waiting
            ),
            (
                catalog.text(.kpiRetention),
                figures.retention.map { $0.retentionRate.map { catalog.percent($0, digits: 1) } ?? "–" }
                    ?? waiting
            ),
            (catalog.text(.kpiNPS), nps ?? waiting),
            (catalog.text(.kpiCSAT), csat ?? waiting),
            (
                catalog.text(.kpiAverageCLV),
                headline.map { $0.averageCLVMinor.map { catalog.amount(minor: $0, cents: false) } ?? "–" }
                    ?? waiting
            ),
            (
                catalog.text(.kpiRevenueAtRisk),
                headline.map { $0.revenueAtRiskMinor.map { catalog.amount(minor: $0, cents: false) } ?? "–" }
                    ?? waiting
            ),
        ]
    }

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let tiles = tiles(state)
        let tileWidth = 19
        let perRow = max(1, min(tiles.count, area.width / tileWidth))
        let tileRows = (tiles.count + perRow - 1) / perRow
        for (index, tile) in tiles.enumerated() {
            let x = area.x + (index % perRow) * tileWidth + 1
            let y = area.y + (index / perRow) * 2
            guard y + 1 < area.bottom else { break }
            buffer.write(tile.label, x: x, y: y, role: .kpiLabel, maxWidth: tileWidth - 2)
            buffer.write(tile.value, x: x, y: y + 1, role: .kpiValue, maxWidth: tileWidth - 2)
        }
        let top = area.y + tileRows * 2 + 1
        // In the blank line under the figures: what day the scores are of.
        if let line = scoringLine(state), top - 1 < area.bottom {
            buffer.write(line.text, x: area.x + 1, y: top - 1, role: line.role, maxWidth: area.width - 2)
        }
        let panesArea = Rect(x: area.x, y: top, width: area.width, height: area.bottom - top)
        guard !panesArea.isEmpty else { return }
        if area.width >= 100 {
            let third = area.width / 3
            let left = Rect(x: area.x, y: top, width: third - 1, height: panesArea.height)
            let middle = Rect(x: area.x + third, y: top, width: third - 1, height: panesArea.height)
            let right = Rect(
                x: area.x + 2 * third, y: top, width: area.width - 2 * third, height: panesArea.height)
            renderPane(.segments, state, into: &buffer, area: left)
            renderPane(.bands, state, into: &buffer, area: middle)
            renderPane(.urgent, state, into: &buffer, area: right)
        } else {
            renderPane(state.overview.focus, state, into: &buffer, area: panesArea)
        }
    }

    /// "scores of 2026-11-22 · 28 days old — run clientele score": the figures, reasons and
    /// actions are as of the last full scoring, which may be long ago. Muted when it is today's,
    /// in the medium-risk role when older (or never scored).
    static func scoringLine(_ state: AppState) -> (text: String, role: StyleRole)? {
        let overview = state.overview
        guard overview.scoringKnown else { return nil }
        let catalog = state.catalog
        guard let asOf = overview.scoredAsOf else { return (catalog.text(.neverScored), .riskMedium) }
        let age = asOf.days(until: state.today)
        return (catalog.scoresOf(asOf, daysOld: age, advice: true), age > 0 ? .riskMedium : .muted)
    }

    static func paneTitle(_ pane: OverviewState.Pane, _ catalog: Catalog) -> String {
        switch pane {
        case .segments: catalog.text(.segments)
        case .bands: catalog.text(.riskBands)
        case .urgent: catalog.text(.urgentCustomers)
        }
    }

    static func renderPane(
        _ pane: OverviewState.Pane, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect
    ) {
        guard area.height > 0 else { return }
        let catalog = state.catalog
        let focused = state.overview.focus == pane
        let marker = focused ? "▸ " : "  "
        let panes = OverviewState.Pane.allCases.count
        buffer.write(
            marker + paneTitle(pane, catalog) + " (\(pane.rawValue + 1)/\(panes))", x: area.x, y: area.y,
            role: focused ? .title : .muted, maxWidth: area.width)
        let body = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 2), height: area.height - 1)
        let selected = focused ? state.overview.selected(pane) : nil
        let overview = state.overview
        switch pane {
        case .segments:
            guard overview.figures.segments != nil else { return placeholder(catalog, &buffer, body) }
            let rows = overview.segmentRows
            let offset = scrollOffset(selected: selected ?? 0, count: rows.count, height: body.height)
            let bars = rows.dropFirst(offset).map { row in
                BarChart.Bar(
                    label: catalog.segment(row.segment), value: row.count,
                    valueText: catalog.number(row.count),
                    role: .segment(row.segment.rawValue))
            }
            BarChart(bars: Array(bars), selected: selected.map { $0 - offset }).render(
                into: &buffer, area: body)
        case .bands:
            guard overview.figures.bands != nil else { return placeholder(catalog, &buffer, body) }
            let bars = overview.bandRows.map { row in
                BarChart.Bar(
                    label: catalog.band(row.band), value: row.count, valueText: catalog.number(row.count),
                    role: ListScreen.riskRole(row.band))
            }
            BarChart(bars: bars, selected: selected).render(into: &buffer, area: body)
        case .urgent:
            guard let urgent = overview.figures.urgent else { return placeholder(catalog, &buffer, body) }
            renderUrgent(urgent, selected: selected, catalog: catalog, into: &buffer, area: body)
        }
    }

    private static func placeholder(_ catalog: Catalog, _ buffer: inout ScreenBuffer, _ area: Rect) {
        buffer.write(catalog.text(.loading), x: area.x, y: area.y, role: .muted, maxWidth: area.width)
    }

    static func scrollOffset(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return max(0, min(selected - height + 1, count - height))
    }

    /// Each urgent customer on one line: risk, name, value at stake; the top reason below it
    /// when there is room for two lines each.
    static func renderUrgent(
        _ urgent: [UrgentCustomer], selected: Int?, catalog: Catalog, into buffer: inout ScreenBuffer,
        area: Rect
    ) {
        let twoLines = area.height >= urgent.count * 2 || area.height >= 8
        let perItem = twoLines ? 2 : 1
        let capacity = max(1, area.height / perItem)
        let offset = scrollOffset(selected: selected ?? 0, count: urgent.count, height: capacity)
        for (line, index) in (offset..<urgent.count).enumerated() where line < capacity {
            let customer = urgent[index]
            let y = area.y + line * perItem
            let isSelected = index == selected
            if isSelected {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection)
            }
            let risk =
                DisplayWidth.pad(catalog.percent(customer.churnRisk), toColumns: 5, alignment: .right) + " "
                + catalog.band(customer.band)
            let stake = catalog.compactAmount(minor: customer.valueAtStakeMinor)
            let riskRole = ListScreen.riskRole(customer.band)
            let line: StyledLine = [
                Span(Layout.fit(risk, 13), isSelected ? Layout.selected(riskRole) : riskRole),
                Span(" ", isSelected ? .selection : .default),
                Span(
                    Layout.fit(
                        sanitizedForTerminal(customer.name), max(1, area.width - 14 - stake.count - 1)),
                    isSelected ? .selection : .default),
                Span(" " + stake, isSelected ? .selection : .kpiValue),
            ]
            buffer.draw(line, x: area.x, y: y, maxWidth: area.width)
            if twoLines, let reason = customer.topReason, y + 1 < area.bottom {
                // Cut with "…": "endet in 104 Tage" cut from "Tagen" read as complete.
                let text = DisplayWidth.truncate("  " + catalog.reason(reason), toColumns: area.width)
                buffer.write(text, x: area.x, y: y + 1, role: .muted, maxWidth: area.width)
            }
        }
    }
}
