import Scoring

/// A call session: the customer on screen, their detail (recent notes) once loaded.
public struct CallSession: Equatable, Sendable {
    public var customerID: Int64
    public var detail: CustomerDetail?
    /// Calls logged in this session.
    public var logged = 0
    /// A call is being saved: outcome keys wait, so one call is never logged twice.
    public var saving = false

    public init(customerID: Int64) {
        self.customerID = customerID
    }
}

/// One outcome key of the call session: what is logged and what follows.
public enum CallOutcome: String, CaseIterable, Sendable {
    case reached, voicemail, noAnswer, callBack, notInterested

    public var interactionOutcome: InteractionOutcome {
        switch self {
        case .reached: .reached
        case .voicemail: .voicemail
        case .noAnswer: .noAnswer
        case .callBack: .callBack
        case .notInterested: .notInterested
        }
    }

    /// The session key: r, v, n, b, i.
    public var key: Character {
        switch self {
        case .reached: "r"
        case .voicemail: "v"
        case .noAnswer: "n"
        case .callBack: "b"
        case .notInterested: "i"
        }
    }

    /// What follows: a callback tomorrow, a retry in two days; nothing after reaching the
    /// customer (the rescoring suggests what is next) or a refusal.
    public func followUp(today: CalendarDay) -> CalendarDay? {
        switch self {
        case .callBack: today.adding(days: 1)
        case .noAnswer, .voicemail: today.adding(days: 2)
        case .reached, .notInterested: nil
        }
    }
}

/// A call-session key other than the outcomes. ``all`` is the one table the session's key
/// handling, its hint line and its help are made from, so they cannot drift apart.
public struct SessionMove: Sendable {
    public enum Action: Sendable { case next, previous, form, undo, redraw, help, leave }

    public var action: Action
    public var keys: [KeyEvent]
    /// The hint line's word (nil: the move is in help only) and the key it names there.
    public var hint: UIText?
    public var hintKey: String?
    public var help: UIText

    public static let all: [SessionMove] = [
        SessionMove(
            action: .next, keys: [.character(" "), .right, .character("j"), .down], hint: .sessionNext,
            help: .helpSessionNext),
        SessionMove(
            action: .previous, keys: [.left, .character("k"), .up], hint: .sessionPrevious, hintKey: "←",
            help: .helpSessionPrevious),
        SessionMove(action: .form, keys: [.character("l")], hint: .sessionForm, help: .helpSessionForm),
        SessionMove(action: .undo, keys: [.character("u")], hint: .hintUndo, help: .helpUndo),
        SessionMove(action: .redraw, keys: [.control("l")], help: .helpRedraw),
        SessionMove(action: .help, keys: [.character("?")], help: .helpHelp),
        SessionMove(
            action: .leave, keys: [.escape, .character("q")], hint: .sessionLeave, help: .helpSessionLeave),
    ]

    init(
        action: Action, keys: [KeyEvent], hint: UIText? = nil, hintKey: String? = nil, help: UIText
    ) {
        self.action = action
        self.keys = keys
        self.hint = hint
        self.hintKey = hintKey
        self.help = help
    }
}

/// A call to log from the session: an outbound call with the outcome, and its follow-up.
public struct CallOutcomeRequest: Equatable, Sendable {
    public var customerID: Int64
    public var name: String
    public var outcome: InteractionOutcome
    public var kind: InteractionKind
    public var followUp: CalendarDay?
    /// The day the row is marked done for.
    public var today: CalendarDay

    public init(
        customerID: Int64, name: String, outcome: InteractionOutcome, kind: InteractionKind,
        followUp: CalendarDay?, today: CalendarDay
    ) {
        self.customerID = customerID
        self.name = name
        self.outcome = outcome
        self.kind = kind
        self.followUp = followUp
        self.today = today
    }
}

/// The call session: one customer at a time, one key per outcome, then the next.
extension CallListScreen {
    static func startSession(_ state: inout AppState) -> [Effect] {
        guard let entry = state.calls.selectedEntry else {
            state.status = StatusMessage(emptyMessage(state))
            return []
        }
        state.calls.session = CallSession(customerID: entry.customerID)
        return [.loadDetail(id: entry.customerID)]
    }

    /// Keys while a session runs: one per outcome, space/→ and ←/backspace to step without
    /// logging, `u` to take the last call back, Esc or q to leave. Everything else is ignored,
    /// so a stray key logs nothing.
    static func sessionKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard var session = state.calls.session else { return [] }
        if let move = SessionMove.all.first(where: { $0.keys.contains(key) }) {
            switch move.action {
            case .leave:
                state.calls.session = nil
                return []
            case .undo:
                // The same undo as everywhere; while a call is saved it waits, so the call being
                // saved is the one it takes back, not the one before.
                guard !session.saving else {
                    state.status = StatusMessage(state.catalog.text(.statusSaving))
                    return []
                }
                return LogFormScreen.undo(&state)
            case .next: return step(&state, by: 1)
            case .previous: return step(&state, by: -1)
            case .redraw: return [.redraw]
            case .form: return openForm(session, &state)
            case .help:
                state.mode = .help(scroll: 0)
                return []
            }
        }
        switch key {
        case .character(let character):
            guard let outcome = CallOutcome.allCases.first(where: { $0.key == character }),
                let entry = state.calls.selectedEntry, entry.customerID == session.customerID
            else { return [] }
            guard !session.saving else {
                state.status = StatusMessage(state.catalog.text(.statusSaving))
                return []
            }
            session.saving = true
            state.calls.session = session
            let request = CallOutcomeRequest(
                customerID: entry.customerID, name: entry.name, outcome: outcome.interactionOutcome,
                kind: interactionKind(for: entry.action?.kind),
                followUp: outcome.followUp(today: state.today),
                today: state.today)
            return [.logCall(request)]
        default:
            return []
        }
    }

    /// `l`: the log form for the session's customer, filled in as the call an outcome key
    /// would log (outbound phone call of the action's kind), for what a key cannot say: a
    /// note, an NPS, a complaint resolved. Saving it marks the customer done like a key.
    static func openForm(_ session: CallSession, _ state: inout AppState) -> [Effect] {
        guard let entry = state.calls.selectedEntry, entry.customerID == session.customerID else { return [] }
        guard !session.saving else {
            state.status = StatusMessage(state.catalog.text(.statusSaving))
            return []
        }
        var values = LogFormValues()
        values.channel = .call
        values.direction = .outbound
        values.kind = interactionKind(for: entry.action?.kind)
        return LogFormScreen.open(
            &state, customerID: entry.customerID, name: entry.name, values: values,
            callSessionDay: state.today)
    }

    /// What kind of conversation the suggested action makes the call.
    static func interactionKind(for action: ActionKind?) -> InteractionKind {
        switch action {
        case .resolveComplaint, .callBackDetractor: .service
        case .prepareRenewal, .winBack: .renewal
        case .askForReferral: .referral
        case .onboardingCheckIn: .onboarding
        case .birthdayGreeting: .greeting
        case .relationalSurvey: .survey
        case .crossSell, .reactivate, .loyaltyBonusReminder, .positiveSurprise: .sales
        case .followUp, .strengthenRelationship, nil: .other
        }
    }

    /// Moves the session to another row without logging anything.
    static func step(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard state.calls.session?.saving != true else { return [] }
        let target = state.calls.selected + delta
        guard state.calls.entries.indices.contains(target) else { return [] }
        state.calls.selected = target
        keepSelectionVisible(&state)
        return follow(&state)
    }

    /// Points the session at the selected row and asks for its detail.
    static func follow(_ state: inout AppState) -> [Effect] {
        guard let entry = state.calls.selectedEntry, var session = state.calls.session else {
            state.calls.session = nil
            return []
        }
        guard session.customerID != entry.customerID || session.detail == nil else { return [] }
        session.customerID = entry.customerID
        session.detail = nil
        session.saving = false
        state.calls.session = session
        return [.loadDetail(id: entry.customerID)]
    }

    /// The session's call is saved: say so, drop the row, go on with the next customer.
    /// Saved: `u` can take the call back (and the done mark with it) like any logged call.
    static func logged(_ state: inout AppState, _ request: CallOutcomeRequest, _ logged: LoggedInteraction)
        -> [Effect]
    {
        state.undoStack.append(.interaction(logged))
        let catalog = state.catalog
        var text =
            sanitizedForTerminal(request.name) + ": " + catalog.outcome(request.outcome) + " "
            + catalog.text(.statusLogged)
        if let followUp = request.followUp {
            text += " · " + catalog.text(.statusNextCall) + " " + catalog.date(followUp)
        }
        state.status = StatusMessage(text)
        return sessionCallDone(&state, customerID: request.customerID)
    }

    /// A session's call is stored and the customer marked done (an outcome key, or the form
    /// opened with `l`): the row goes, the session counts it and goes on with the next
    /// customer, and says so in the status bar when the list is through.
    static func sessionCallDone(_ state: inout AppState, customerID: Int64) -> [Effect] {
        var effects = remove(&state, customerID: customerID)
        guard var session = state.calls.session else { return effects }
        session.logged += 1
        session.saving = false
        session.detail = session.customerID == customerID ? nil : session.detail
        state.calls.session = session
        if state.calls.entries.isEmpty {
            state.calls.session = nil
            if (state.calls.total ?? 0) == 0, var status = state.status {
                status.text += " · " + state.catalog.text(.callsFinished)
                state.status = status
            }
        } else {
            effects += follow(&state)
        }
        return effects
    }

    /// A call was taken back while the session runs: the customer is due again, so the session
    /// goes back to them when the reloaded list arrives (see ``receive``).
    static func undone(_ state: inout AppState, _ entry: LoggedInteraction) {
        guard var session = state.calls.session, entry.markedDoneOn != nil else { return }
        state.calls.selectOnLoad = entry.customerID
        session.logged = max(0, session.logged - 1)
        state.calls.session = session
    }

    static func receiveDetail(_ state: inout AppState, id: Int64, customer: CustomerDetail?) {
        guard var session = state.calls.session, session.customerID == id else { return }
        session.detail = customer
        state.calls.session = session
    }

    /// A failed save lets the session try again.
    static func failed(_ state: inout AppState) {
        state.calls.session?.saving = false
    }

    /// One customer at a time: who, the number to dial (boxed, so it stands out), why, what to
    /// do, the last touch and recent notes, and the outcome keys.
    static func renderSession(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let catalog = state.catalog
        guard let entry = state.calls.selectedEntry, let session = state.calls.session else { return }
        let total = max(state.calls.total ?? state.calls.entries.count, state.calls.entries.count)
        var lines: [StyledLine] = []
        lines.append([
            Span(
                " " + catalog.text(.sessionCall) + " \(state.calls.selected + 1) " + catalog.text(.sessionOf)
                    + " "
                    + catalog.number(total), .muted)
        ])
        lines.append([])
        lines.append([Span("  " + sanitizedForTerminal(entry.name), .title)])
        if let company = entry.company, !company.isEmpty {
            lines.append([Span("  " + sanitizedForTerminal(company), .muted)])
        }
        lines.append([])
        let phone = entry.phone.map { sanitizedForTerminal($0) } ?? "–"
        let boxWidth = DisplayWidth.width(of: phone) + 6
        lines.append([Span("  ┌" + String(repeating: "─", count: boxWidth - 2) + "┐", .border)])
        lines.append([Span("  │  ", .border), Span(phone, .title), Span("  │", .border)])
        lines.append([Span("  └" + String(repeating: "─", count: boxWidth - 2) + "┘", .border)])
        lines.append([])
        let width = max(10, area.width - 20)
        func labelled(_ label: UIText, _ text: String, role: StyleRole = .default) {
            for (index, part) in DetailScreen.wrap(text, width: width).enumerated() {
                lines.append([
                    Span("  " + Layout.fit(index == 0 ? catalog.text(label) : "", 16), .kpiLabel),
                    Span(part, role),
                ])
            }
        }
        labelled(.labelReason, entry.topReason.map(catalog.reason) ?? "–")
        if let action = entry.action {
            // A follow-up's lateness counted to today, as the lists and the detail say it.
            let inDays = ActionTiming.dueInDays(
                kind: action.kind, due: action.due, detail: action.detail, today: state.today)
            labelled(
                .labelAction,
                catalog.action(action.kind, detail: action.kind == .followUp ? inDays : action.detail),
                role: inDays < 0 ? .riskHigh : .default)
        }
        var touch = "–"
        if let last = entry.lastTouch {
            touch = catalog.age(days: last.days(until: state.today)) + " (" + catalog.date(last) + ")"
        }
        labelled(.labelLastTouch, touch)
        labelled(
            .labelChurnRisk,
            catalog.percent(entry.risk) + " " + catalog.band(entry.band) + " · "
                + catalog.text(.labelAtStake) + " " + catalog.amount(minor: entry.valueAtStakeMinor),
            role: ListScreen.riskRole(entry.band))
        lines.append([])
        lines.append([Span("  " + catalog.text(.recentNotes), .title)])
        if let detail = session.detail {
            let notes = detail.touchpoints.prefix(3)
            if notes.isEmpty { lines.append([Span("  " + catalog.text(.noTouchpoints), .muted)]) }
            for touch in notes {
                let day = Catalog.localDay(
                    unixSeconds: touch.occurredAt, utcOffsetSeconds: state.utcOffsetSeconds)
                var what = catalog.channel(touch.channel) + " · " + catalog.interactionKind(touch.kind)
                if let outcome = touch.outcome { what += " · " + catalog.outcome(outcome) }
                lines.append([Span("  " + Layout.fit(catalog.date(day), 11), .muted), Span(" " + what)])
                let note = sanitizedForTerminal(touch.note)
                if !note.isEmpty {
                    lines.append([
                        Span(String(repeating: " ", count: 14)),
                        Span(DisplayWidth.truncate(note, toColumns: max(4, area.width - 16)), .muted),
                    ])
                }
            }
        } else {
            lines.append([Span("  " + catalog.text(.loading), .muted)])
        }
        // The keys stay at the bottom whatever the notes take. A narrow terminal flows them onto
        // more lines rather than cutting off the last outcomes (at 50 columns "i not interested").
        let outcomes: [StyledLine] = CallOutcome.allCases.map { outcome in
            [Span(String(outcome.key), .title), Span(" " + catalog.outcome(outcome.interactionOutcome))]
        }
        let moves: [StyledLine] = SessionMove.all.compactMap { move in
            guard let hint = move.hint, let first = move.keys.first else { return nil }
            return [
                Span(move.hintKey ?? catalog.keyName(first), .title), Span(" " + catalog.text(hint), .muted),
            ]
        }
        let keyLines = flow(outcomes, width: area.width) + flow(moves, width: area.width)
        let keyRows = min(keyLines.count, max(0, area.height - 1))
        buffer.draw(
            lines: lines, in: Rect(x: area.x, y: area.y, width: area.width, height: area.height - keyRows),
            offset: 0)
        for (index, line) in keyLines.suffix(keyRows).enumerated() {
            buffer.draw(line, x: area.x, y: area.y + area.height - keyRows + index, maxWidth: area.width)
        }
    }

    /// Items joined by " · " on lines of at most `width` columns, each line starting with a
    /// space; an item wider than a line gets a line of its own (and is cut when drawn).
    static func flow(_ items: [StyledLine], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        for item in items {
            let itemWidth = item.reduce(0) { $0 + DisplayWidth.width(of: $1.text) }
            if !line.isEmpty, used + 3 + itemWidth > width {
                lines.append(line)
                line = []
            }
            if line.isEmpty {
                line = [Span(" ")] + item
                used = 1 + itemWidth
            } else {
                line += [Span(" · ", .muted)] + item
                used += 3 + itemWidth
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
