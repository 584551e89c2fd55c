import Scoring

/// The detail screen's state: one customer, and the scroll position of its two panes.
public struct DetailState: Equatable, Sendable {
    public enum Pane: Int, CaseIterable, Sendable {
        /// Profile, scores with reasons, bindings, purchases, contracts, next actions.
        case profile
        /// Touchpoints and feedback, newest first.
        case history
    }

    public var customerID: Int64?
    public var customer: CustomerDetail?
    public var loading = false
    public var missing = false
    public var focus: Pane = .profile
    public var scroll: [Pane: Int] = [:]
    /// Lines of each pane at the current width, measured when the customer or the layout
    /// changes, so scrolling never formats a long history just to know where it ends.
    public var lineCounts: [Pane: Int] = [:]

    public init() {}
}

/// One customer: everything an account manager needs before a call.
public enum DetailScreen {
    /// Width from which both panes are shown side by side; narrower, Tab switches between them.
    static let sideBySideWidth = 100

    static func open(_ state: inout AppState, id: Int64) -> [Effect] {
        var detail = DetailState()
        detail.customerID = id
        detail.loading = true
        state.detail = detail
        if state.screen != .detail { state.stack.append(.detail) }
        return [.loadDetail(id: id)]
    }

    static func receive(_ state: inout AppState, id: Int64, customer: CustomerDetail?) {
        guard state.detail.customerID == id else { return }
        state.detail.loading = false
        state.detail.customer = customer
        state.detail.missing = customer == nil
        measure(&state)
    }

    /// Counts each pane's lines for the current width and language.
    static func measure(_ state: inout AppState) {
        guard state.detail.customer != nil else { return }
        for pane in DetailState.Pane.allCases {
            state.detail.lineCounts[pane] = paneLines(pane, state, width: paneWidth(pane, state)).count
        }
    }

    static func handle(_ action: KeyAction, _ state: inout AppState) -> [Effect] {
        let pane = state.detail.focus
        let height = max(1, state.bodyHeight - 2)
        let lineCount = state.detail.lineCounts[pane] ?? 0
        let maximum = max(0, lineCount - height)
        let current = min(state.detail.scroll[pane] ?? 0, maximum)
        func scroll(_ value: Int) { state.detail.scroll[pane] = max(0, min(value, maximum)) }
        switch action {
        case .moveDown: scroll(current + 1)
        case .moveUp: scroll(current - 1)
        case .pageDown: scroll(current + height)
        case .pageUp: scroll(current - height)
        case .halfPageDown: scroll(current + height / 2)
        case .halfPageUp: scroll(current - height / 2)
        case .top: scroll(0)
        case .bottom: scroll(maximum)
        case .nextPane, .previousPane:
            state.detail.focus = pane == .profile ? .history : .profile
        case .logInteraction:
            guard let id = state.detail.customerID, let customer = state.detail.customer else { return [] }
            return LogFormScreen.open(&state, customerID: id, name: customer.name)
        default: break
        }
        return []
    }

    /// The width `render` gives `pane` (see its layout).
    static func paneWidth(_ pane: DetailState.Pane, _ state: AppState) -> Int {
        let columns = state.size.columns
        guard columns >= sideBySideWidth else { return columns - 1 }
        return pane == .profile ? columns / 2 - 2 : columns - columns / 2 - 2
    }

    // MARK: - Content

    static func heading(_ text: String) -> StyledLine { [Span(text, .title)] }

    static func field(_ label: String, _ value: String, role: StyleRole = .default, labelWidth: Int = 14)
        -> StyledLine
    {
        [Span(Layout.fit(label, labelWidth), .kpiLabel), Span(" "), Span(value, role)]
    }

    /// Lines of one pane, for `width` columns (long texts are cut, not wrapped, except reasons).
    static func paneLines(_ pane: DetailState.Pane, _ state: AppState, width: Int, limit: Int = .max)
        -> [StyledLine]
    {
        guard let customer = state.detail.customer else { return [] }
        switch pane {
        case .profile: return profileLines(customer, state, width: width)
        case .history: return historyLines(customer, state, width: width, limit: limit)
        }
    }

    static func profileLines(_ customer: CustomerDetail, _ state: AppState, width: Int) -> [StyledLine] {
        let catalog = state.catalog
        var lines: [StyledLine] = [heading(catalog.text(.profile))]
        if let owner = customer.owner {
            lines.append(field(catalog.text(.labelOwner), sanitizedForTerminal(owner)))
        }
        lines.append(field(catalog.text(.labelRelationship), catalog.relationship(customer.relationship)))
        if let email = customer.email {
            lines.append(field(catalog.text(.labelEmail), sanitizedForTerminal(email)))
        }
        if let phone = customer.phone {
            lines.append(field(catalog.text(.labelPhone), sanitizedForTerminal(phone)))
        }
        let place = [customer.city, customer.country].compactMap { $0 }.map { sanitizedForTerminal($0) }
        if !place.isEmpty { lines.append(field(catalog.text(.labelCity), place.joined(separator: ", "))) }
        if let external = customer.externalID {
            lines.append(field(catalog.text(.labelExternalID), sanitizedForTerminal(external)))
        }
        lines.append([])
        lines.append(heading(catalog.text(.scores)))
        if let band = customer.band, let risk = customer.churnRisk {
            if let segment = customer.segment {
                lines.append(
                    field(
                        catalog.text(.labelSegment), catalog.segment(segment),
                        role: .segment(segment.rawValue)))
            }
            lines.append(
                field(
                    catalog.text(.labelChurnRisk), catalog.percent(risk) + " " + catalog.band(band),
                    role: ListScreen.riskRole(band)))
            if let alive = customer.probabilityAlive {
                lines.append(field(catalog.text(.labelAlive), catalog.percent(alive)))
            }
            if let value = customer.valueMinor {
                let tier = customer.tier.map { "\($0.rawValue) · " } ?? ""
                lines.append(
                    field(
                        catalog.text(.labelValue), tier + catalog.amount(minor: value),
                        role: customer.tier.map(ListScreen.tierRole) ?? .default))
            }
            if let clv = customer.clvMinor {
                lines.append(field(catalog.text(.labelCLV), catalog.amount(minor: clv)))
            }
            if let stake = customer.valueAtStakeMinor {
                lines.append(field(catalog.text(.labelAtStake), catalog.amount(minor: stake)))
            }
            lines.append([])
            lines.append(heading(catalog.text(.why)))
            // The reasons and actions are as of their scoring, not of today: say which day.
            if let asOf = customer.scoredAsOf, asOf != state.today {
                let age = asOf.days(until: state.today)
                lines.append([
                    Span(
                        "  " + catalog.scoresOf(asOf, daysOld: age, advice: false),
                        age > 0 ? .riskMedium : .muted)
                ])
            }
            if customer.reasons.isEmpty { lines.append([Span("  " + catalog.text(.noReasons), .muted)]) }
            for reason in customer.reasons {
                for (index, part) in wrap(catalog.reason(reason), width: max(10, width - 4)).enumerated() {
                    lines.append([Span(index == 0 ? "• " : "  ", .muted), Span(part)])
                }
            }
        } else {
            lines.append([Span(catalog.text(.notScored), .muted)])
        }
        lines.append([])
        lines.append(heading(catalog.text(.bindings)))
        let profile = BindingProfile(strengths: customer.bindings)
        for binding in Binding.allCases {
            let strength = customer.bindings[binding]
            let meter =
                String(repeating: "■", count: strength.rawValue)
                + String(repeating: "□", count: 3 - strength.rawValue)
            var line = field(catalog.binding(binding), meter + " " + catalog.strength(strength), role: .bar)
            if binding == profile.weakest {
                line.append(Span(" ← " + catalog.text(.labelWeakest), .riskMedium))
            }
            lines.append(line)
        }
        lines.append([])
        lines.append(heading(catalog.text(.purchases)))
        let total = customer.ordersPerMonth.reduce(0, +)
        lines.append([
            Span(Sparkline.text(customer.ordersPerMonth), .bar),
            Span("  \(catalog.number(total)) " + catalog.text(.labelOrders24), .muted),
        ])
        // Past revenue beside the forward-looking value: a lapsed big buyer is worth €0 for the
        // next 12 months but is visibly a big past customer.
        lines.append(
            field(
                catalog.text(.labelRevenue),
                catalog.revenueToDate(minor: customer.revenueToDateMinor, orders: customer.ordersToDate)))
        lines.append([])
        lines.append(heading(catalog.text(.contracts)))
        if customer.contracts.isEmpty { lines.append([Span(catalog.text(.noContracts), .muted)]) }
        for contract in customer.contracts {
            var text =
                sanitizedForTerminal(contract.product) + " · " + catalog.contractStatus(contract.status)
            if let end = contract.endsOn {
                let word =
                    contract.autoRenews && contract.status == .active
                    ? catalog.text(.labelRenews) : catalog.text(.labelEnds)
                text += " · " + word + " " + catalog.date(end)
                if contract.noticeDays > 0 {
                    text += " (" + catalog.noticePeriod(days: contract.noticeDays) + ")"
                }
            }
            lines.append([Span(text)])
        }
        lines.append([])
        lines.append(heading(catalog.text(.nextActions)))
        if customer.actions.isEmpty { lines.append([Span(catalog.text(.noActions), .muted)]) }
        for action in customer.actions {
            let due = catalog.date(action.due)
            let inDays = ActionTiming.dueInDays(
                kind: action.kind, due: action.due, detail: action.detail, today: state.today)
            let overdue = inDays < 0
            // A follow-up's number is its timing: counted to today, as the lists say it.
            let sentence = catalog.action(action, today: state.today)
            for (index, part) in wrap(sentence, width: max(10, width - 12)).enumerated() {
                lines.append([
                    Span(
                        index == 0 ? Layout.fit(due, 11) : String(repeating: " ", count: 11),
                        overdue ? .riskHigh : .muted),
                    Span(" " + part),
                ])
            }
        }
        return lines
    }

    /// How many lines of one note the history shows (`clientele show` prints every note whole).
    static let noteLineLimit = 12

    /// The history pane's lines; stops after `limit` lines (drawing needs only what shows).
    static func historyLines(_ customer: CustomerDetail, _ state: AppState, width: Int, limit: Int = .max)
        -> [StyledLine]
    {
        let catalog = state.catalog
        var lines: [StyledLine] = [heading(catalog.text(.timeline))]
        if customer.touchpoints.isEmpty { lines.append([Span(catalog.text(.noTouchpoints), .muted)]) }
        for touch in customer.touchpoints where lines.count < limit {
            let day = Catalog.localDay(
                unixSeconds: touch.occurredAt, utcOffsetSeconds: state.utcOffsetSeconds)
            var what = catalog.channel(touch.channel) + " · " + catalog.interactionKind(touch.kind)
            if let outcome = touch.outcome { what += " · " + catalog.outcome(outcome) }
            // A complaint says whether it is still open in words, not only by colour (NO_COLOR).
            if touch.kind == .complaint {
                what += " · " + catalog.complaintStatus(touch.complaintOpen ? .open : .resolved)
            }
            lines.append([
                Span(Layout.fit(catalog.date(day), 11), .muted),
                Span(" " + what, touch.complaintOpen ? .riskHigh : .default),
            ])
            // The whole note, wrapped (the pane scrolls), up to a dozen lines.
            let note = sanitizedForTerminal(touch.note, lineBreaks: .keep)
            var noteLines = note.split(separator: "\n", omittingEmptySubsequences: true).flatMap {
                wrap(String($0), width: max(4, width - 12))
            }.filter { !$0.isEmpty }
            if noteLines.count > noteLineLimit {
                noteLines = Array(noteLines.prefix(noteLineLimit))
                noteLines[noteLineLimit - 1] = DisplayWidth.truncate(
                    noteLines[noteLineLimit - 1] + " …", toColumns: max(4, width - 12))
            }
            for line in noteLines {
                lines.append([Span(String(repeating: " ", count: 12)), Span(line, .muted)])
            }
        }
        lines.append([])
        lines.append(heading(catalog.text(.feedback)))
        if customer.feedback.isEmpty { lines.append([Span(catalog.text(.noFeedback), .muted)]) }
        for answer in customer.feedback where lines.count < limit {
            let day = Catalog.localDay(unixSeconds: answer.givenAt, utcOffsetSeconds: state.utcOffsetSeconds)
            var text = catalog.metric(answer.metric, npsType: answer.npsType) + " \(answer.score)"
            if let comment = answer.comment, !comment.isEmpty {
                text += " · " + sanitizedForTerminal(comment)
            }
            lines.append([Span(Layout.fit(catalog.date(day), 11), .muted), Span(" " + text)])
        }
        return lines
    }

    /// Breaks `text` into lines of at most `width` columns at spaces (a long word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.width(of: candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayWidth.truncate(word, toColumns: width)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    // MARK: - View

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let catalog = state.catalog
        let detail = state.detail
        guard let customer = detail.customer else {
            let text = detail.missing ? catalog.text(.unknownCustomer) : catalog.text(.loading)
            buffer.write(text, x: area.x + 1, y: area.y + 1, role: .muted, maxWidth: area.width - 2)
            return
        }
        // Name first; the company gets what is left. Either is cut with "…", never at the edge.
        let name = DisplayWidth.truncate(" " + sanitizedForTerminal(customer.name), toColumns: area.width)
        var title: StyledLine = [Span(name, .title)]
        let room = area.width - DisplayWidth.width(of: name)
        if let company = customer.company, !company.isEmpty, room > 0 {
            title.append(
                Span(DisplayWidth.truncate(" · " + sanitizedForTerminal(company), toColumns: room), .muted))
        }
        buffer.draw(title, x: area.x, y: area.y, maxWidth: area.width)
        let body = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 1, height: area.height - 2)
        if area.width >= sideBySideWidth {
            let half = area.width / 2
            let left = Rect(x: body.x, y: body.y, width: half - 2, height: body.height)
            let right = Rect(
                x: area.x + half + 1, y: body.y, width: area.width - half - 2, height: body.height)
            renderPane(.profile, state, into: &buffer, area: left)
            buffer.fill(
                Rect(x: area.x + half - 1, y: body.y, width: 1, height: body.height), with: "│", role: .border
            )
            renderPane(.history, state, into: &buffer, area: right)
        } else {
            renderPane(detail.focus, state, into: &buffer, area: body)
        }
    }

    static func renderPane(
        _ pane: DetailState.Pane, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect
    ) {
        let wanted = (state.detail.scroll[pane] ?? 0) + area.height
        let lines = paneLines(pane, state, width: area.width, limit: wanted)
        let maximum = max(0, (state.detail.lineCounts[pane] ?? lines.count) - area.height)
        let offset = min(state.detail.scroll[pane] ?? 0, maximum, max(0, lines.count - area.height))
        buffer.draw(lines: lines, in: area, offset: offset)
        if state.detail.focus == pane, state.size.columns >= sideBySideWidth, area.height > 0 {
            // The focused pane's first heading is underlined by its title role; mark it too.
            buffer.write("▸", x: area.x - 1, y: area.y, role: .title)
        }
    }
}
