import Scoring

/// The fields of the log form, in Tab order.
public enum LogField: String, CaseIterable, Sendable {
    case channel, direction, kind, outcome, complaint, note, nps, npsType, csat, ces, followUp

    /// Fields that take typed text; the others are choices.
    var isText: Bool { [.note, .nps, .csat, .ces, .followUp].contains(self) }
}

/// What the form holds; compared with how it started to know whether anything was typed.
public struct LogFormValues: Equatable, Sendable {
    public var channel: Channel = .call
    public var direction: Direction = .outbound
    public var kind: InteractionKind = .sales
    public var outcome: InteractionOutcome?
    public var complaint: ComplaintStatus = .open
    public var note = TextInput()
    public var nps = TextInput()
    public var npsType: NPSType = .transactional
    public var csat = TextInput()
    public var ces = TextInput()
    public var followUp = TextInput()

    public init() {}

    /// The same content (cursor positions aside).
    func sameContent(as other: LogFormValues) -> Bool {
        channel == other.channel && direction == other.direction && kind == other.kind
            && outcome == other.outcome && complaint == other.complaint && note.text == other.note.text
            && nps.text == other.nps.text && npsType == other.npsType && csat.text == other.csat.text
            && ces.text == other.ces.text && followUp.text == other.followUp.text
    }
}

/// The log form's state: whom it is for, the values, the focused field, the errors shown.
public struct LogFormState: Equatable, Sendable {
    public var customerID: Int64 = 0
    public var customerName = ""
    public var values = LogFormValues()
    public var focus: LogField = .channel
    /// Messages shown under their fields; set when a field is left or on save.
    public var errors: [LogField: UIText] = [:]
    /// Set while the runtime stores the interaction; keys wait for the answer.
    public var saving = false
    /// The direction follows the kind (inbound for complaints and feedback) until chosen by hand.
    public var directionChosen = false
    /// What the form opened with: a call session fills in the call.
    public var initial = LogFormValues()
    /// Opened from a call session (`l`): saving also marks the customer done for this day, and
    /// the session goes on with the next customer, as an outcome key does.
    public var callSessionDay: CalendarDay?

    public init() {}

    /// Whether anything differs from how the form opened (Esc asks before throwing it away).
    public var isDirty: Bool { !values.sameContent(as: initial) }

    /// The fields shown and reached by Tab: complaint state only for complaints, the NPS type
    /// only once an NPS is typed.
    public var activeFields: [LogField] {
        LogField.allCases.filter { field in
            switch field {
            case .complaint: values.kind == .complaint
            case .npsType: !values.nps.isEmpty
            default: true
            }
        }
    }
}

/// Logging an interaction by keyboard: opened with `l` on the list or the detail (and, through
/// ``open(_:customerID:name:)``, from any other screen), saved with Enter or Ctrl-S.
public enum LogFormScreen {
    /// Opens an empty form for one customer. The entry point for every screen that logs.
    public static func open(_ state: inout AppState, customerID: Int64, name: String) -> [Effect] {
        open(&state, customerID: customerID, name: name, values: LogFormValues(), callSessionDay: nil)
    }

    /// Opens a form filled in with `values`; `callSessionDay` when a call session opens it.
    static func open(
        _ state: inout AppState, customerID: Int64, name: String, values: LogFormValues,
        callSessionDay: CalendarDay?
    ) -> [Effect] {
        var form = LogFormState()
        form.customerID = customerID
        form.customerName = name
        form.values = values
        form.initial = values
        form.callSessionDay = callSessionDay
        // A session's call is one we made: outbound, whatever kind it turns out to be.
        form.directionChosen = callSessionDay != nil
        state.logForm = form
        if state.screen != .logForm { state.stack.append(.logForm) }
        return []
    }

    /// Closes the form without saving.
    static func close(_ state: inout AppState) {
        if state.screen == .logForm { state.stack.removeLast() }
        state.logForm = LogFormState()
    }

    // MARK: - Keys

    static func handleKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard !state.logForm.saving else { return [] }
        let field = state.logForm.focus
        // Printable keys are text in text fields; in choices they pick by first letter.
        if case .character(let character) = key {
            if field.isText {
                edit(&state) { $0.insert(String(character)) }
            } else if character == " " {
                cycle(&state, by: 1)
            } else {
                pick(&state, letter: character)
            }
            return []
        }
        if field == .note, key == .enter {
            edit(&state) { $0.insert("\n") }
            return []
        }
        if let action = KeyMap.forScreen(.logForm).action(for: key) {
            switch action {
            case .nextField:
                moveFocus(&state, by: 1)
                return []
            case .previousField:
                moveFocus(&state, by: -1)
                return []
            case .save: return save(&state)
            case .back: return cancel(&state)
            case .externalEditor:
                guard field == .note else {
                    state.status = StatusMessage(state.catalog.text(.editorOnlyInNote))
                    return []
                }
                return [.editNote(state.logForm.values.note.text)]
            case .help:
                state.mode = .help(scroll: 0)
                return []
            case .redraw: return [.redraw]
            case .suspend: return [.suspend]
            default: break
            }
        }
        return field.isText ? textKey(key, &state) : choiceKey(key, &state)
    }

    static func choiceKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .right: cycle(&state, by: 1)
        case .left: cycle(&state, by: -1)
        case .down: moveFocus(&state, by: 1)
        case .up: moveFocus(&state, by: -1)
        case .enter: return save(&state)
        default: break
        }
        return []
    }

    static func textKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        let field = state.logForm.focus
        let width = field == .note ? noteWidth(state) : Int.max / 4
        switch key {
        case .backspace: edit(&state) { $0.backspace() }
        case .delete: edit(&state) { $0.deleteForward() }
        case .left: move(&state) { $0.moveLeft() }
        case .right: move(&state) { $0.moveRight() }
        case .home: move(&state) { $0.moveHome(width: width) }
        case .end: move(&state) { $0.moveEnd(width: width) }
        case .up:
            var moved = false
            if field == .note { move(&state) { moved = $0.moveUp(width: width) } }
            if !moved { moveFocus(&state, by: -1) }
        case .down:
            var moved = false
            if field == .note { move(&state) { moved = $0.moveDown(width: width) } }
            if !moved { moveFocus(&state, by: 1) }
        case .enter: return save(&state)
        default: break
        }
        return []
    }

    /// Changes the focused text field; its error goes until the field is checked again.
    static func edit(_ state: inout AppState, _ change: (inout TextInput) -> Void) {
        move(&state, change)
        state.logForm.errors[state.logForm.focus] = nil
    }

    static func move(_ state: inout AppState, _ change: (inout TextInput) -> Void) {
        var values = state.logForm.values
        switch state.logForm.focus {
        case .note: change(&values.note)
        case .nps: change(&values.nps)
        case .csat: change(&values.csat)
        case .ces: change(&values.ces)
        case .followUp: change(&values.followUp)
        default: return
        }
        state.logForm.values = values
    }

    /// Tab and Shift-Tab (and up/down off the edge of a field): the field left is checked, so
    /// a mistake shows at once, in words, next to it.
    static func moveFocus(_ state: inout AppState, by delta: Int) {
        let fields = state.logForm.activeFields
        let left = state.logForm.focus
        let index = fields.firstIndex(of: left) ?? 0
        state.logForm.focus = fields[(index + delta + fields.count) % fields.count]
        let checked = validate(state.logForm.values, today: state.today)
        state.logForm.errors[left] = checked.errors[left]
    }

    // MARK: - Choices

    /// The options of a choice field, as labels in the user's language.
    static func options(_ field: LogField, _ catalog: Catalog) -> [String] {
        switch field {
        case .channel: Channel.allCases.map(catalog.channel)
        case .direction: Direction.allCases.map(catalog.direction)
        case .kind: InteractionKind.allCases.map(catalog.interactionKind)
        case .outcome: [catalog.text(.noChoice)] + InteractionOutcome.allCases.map(catalog.outcome)
        case .complaint: ComplaintStatus.allCases.map(catalog.complaintStatus)
        case .npsType: NPSType.allCases.map(catalog.npsType)
        default: []
        }
    }

    /// The index of the chosen option of `field`.
    static func chosen(_ field: LogField, _ values: LogFormValues) -> Int {
        switch field {
        case .channel: Channel.allCases.firstIndex(of: values.channel) ?? 0
        case .direction: Direction.allCases.firstIndex(of: values.direction) ?? 0
        case .kind: InteractionKind.allCases.firstIndex(of: values.kind) ?? 0
        case .outcome:
            values.outcome.flatMap { InteractionOutcome.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        case .complaint: ComplaintStatus.allCases.firstIndex(of: values.complaint) ?? 0
        case .npsType: NPSType.allCases.firstIndex(of: values.npsType) ?? 0
        default: 0
        }
    }

    static func choose(_ index: Int, _ state: inout AppState) {
        var form = state.logForm
        func item<T>(_ all: [T]) -> T { all[(index % all.count + all.count) % all.count] }
        switch form.focus {
        case .channel: form.values.channel = item(Channel.allCases)
        case .direction:
            form.values.direction = item(Direction.allCases)
            form.directionChosen = true
        case .kind:
            form.values.kind = item(InteractionKind.allCases)
            if !form.directionChosen {
                form.values.direction =
                    form.values.kind.usualDirection
            }
        case .outcome:
            let all: [InteractionOutcome?] = [nil] + InteractionOutcome.allCases.map { $0 }
            form.values.outcome = item(all)
        case .complaint: form.values.complaint = item(ComplaintStatus.allCases)
        case .npsType: form.values.npsType = item(NPSType.allCases)
        default: return
        }
        state.logForm = form
    }

    static func cycle(_ state: inout AppState, by delta: Int) {
        let field = state.logForm.focus
        let count = options(field, state.catalog).count
        guard count > 0 else { return }
        choose((chosen(field, state.logForm.values) + delta + count) % count, &state)
    }

    /// The next option (after the current one, wrapping) whose label starts with `letter`.
    static func pick(_ state: inout AppState, letter: Character) {
        let field = state.logForm.focus
        let labels = options(field, state.catalog)
        let current = chosen(field, state.logForm.values)
        let wanted = String(letter).lowercased()
        for step in 1...max(1, labels.count) {
            let index = (current + step) % max(1, labels.count)
            if labels.indices.contains(index), labels[index].lowercased().hasPrefix(wanted) {
                choose(index, &state)
                return
            }
        }
    }

    // MARK: - Checking and saving

    /// The form checked: an error per wrong field, and the draft when there are none.
    struct Checked {
        var errors: [LogField: UIText] = [:]
        var nps: Int?
        var csat: Int?
        var ces: Int?
        var followUp: CalendarDay?
    }

    static func validate(_ values: LogFormValues, today: CalendarDay) -> Checked {
        var checked = Checked()
        func score(_ input: TextInput, _ metric: FeedbackMetric, _ field: LogField, _ error: UIText) -> Int? {
            let text = input.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), metric.range.contains(value) else {
                checked.errors[field] = error
                return nil
            }
            return value
        }
        checked.nps = score(values.nps, .nps, .nps, .errorNPS)
        checked.csat = score(values.csat, .csat, .csat, .errorCSAT)
        checked.ces = score(values.ces, .ces, .ces, .errorCES)
        let followUp = values.followUp.text.trimmingCharacters(in: .whitespaces)
        if !followUp.isEmpty {
            if let day = DateInput.parse(followUp, today: today) {
                if day < today {
                    checked.errors[.followUp] = .errorFollowUpPast
                } else {
                    checked.followUp = day
                }
            } else {
                checked.errors[.followUp] = .errorFollowUpDate
            }
        }
        if values.note.text.unicodeScalars.contains(where: { $0.value == 0 }) {
            checked.errors[.note] = .errorNoteNUL
        }
        return checked
    }

    /// Enter or Ctrl-S: saves when every field is valid; otherwise shows what is wrong, goes to
    /// the first wrong field, and saves nothing.
    static func save(_ state: inout AppState) -> [Effect] {
        let values = state.logForm.values
        let checked = validate(values, today: state.today)
        state.logForm.errors = checked.errors
        if !checked.errors.isEmpty {
            if let first = state.logForm.activeFields.first(where: { checked.errors[$0] != nil }) {
                state.logForm.focus = first
            }
            state.status = StatusMessage(state.catalog.text(.formInvalid), isError: true)
            return []
        }
        let form = state.logForm
        let draft = InteractionDraft(
            customerID: form.customerID, customerName: form.customerName, channel: values.channel,
            direction: values.direction, kind: values.kind, outcome: values.outcome,
            note: values.note.text, followUp: checked.followUp,
            complaint: values.kind == .complaint ? values.complaint : nil, nps: checked.nps,
            npsType: values.npsType, csat: checked.csat, ces: checked.ces, markDoneOn: form.callSessionDay)
        state.logForm.saving = true
        state.status = StatusMessage(state.catalog.text(.saving))
        return [.logInteraction(draft)]
    }

    /// Esc: closes at once when nothing was typed, else asks first.
    static func cancel(_ state: inout AppState) -> [Effect] {
        if state.logForm.isDirty {
            state.confirm = ConfirmPrompt(question: .confirmDiscardLog, action: .discardLogForm)
        } else {
            close(&state)
        }
        return []
    }

    // MARK: - Results

    /// Stored: the form closes, the undo stack grows, and the customer's detail and the visible
    /// list rows are read again so the new touch, risk, reasons and actions show.
    static func logged(_ state: inout AppState, _ logged: LoggedInteraction, rescore: RescoreOutcome)
        -> [Effect]
    {
        if state.logForm.saving, state.logForm.customerID == logged.customerID { close(&state) }
        state.undoStack.append(.interaction(logged))
        var effects: [Effect] = []
        if logged.markedDoneOn != nil {
            // A call session's form: its customer is done, the session goes on.
            effects = CallListScreen.sessionCallDone(&state, customerID: logged.customerID)
        }
        var text = state.catalog.loggedMessage(
            channel: logged.channel, name: sanitizedForTerminal(logged.customerName),
            closedComplaints: logged.closedComplaintIDs.count)
        var isError = false
        switch rescore {
        case .rescored: break
        case .notScored: text += " · " + state.catalog.text(.notScoredShort)
        case .failed(let reason):
            text += " · " + state.catalog.text(.rescoreFailed) + ": " + reason
            isError = true
        }
        state.status = StatusMessage(text, isError: isError)
        return effects + refresh(&state, customerID: logged.customerID)
    }

    /// A save or undo still runs after a second: say what it waits for, if it still waits (the
    /// form or a session call saving, or the bar still saying "undoing…").
    static func writeWaiting(_ state: inout AppState) {
        let catalog = state.catalog
        let undoing = state.status?.text == catalog.text(.undoing)
        guard state.logForm.saving || state.calls.session?.saving == true || undoing else { return }
        state.status = StatusMessage(catalog.text(undoing ? .undoWaiting : .saveWaiting))
    }

    /// Not stored: the form stays open with everything typed, and says why.
    static func logFailed(_ state: inout AppState, _ reason: String) {
        state.logForm.saving = false
        state.status = StatusMessage(state.catalog.text(.saveFailed) + ": " + reason, isError: true)
    }

    /// `u`: undoes the newest interaction logged in this session.
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let last = state.undoStack.popLast() else {
            state.status = StatusMessage(state.catalog.text(.nothingToUndo))
            return []
        }
        state.status = StatusMessage(state.catalog.text(.undoing))
        switch last {
        case .interaction(let logged): return [.undoInteraction(logged)]
        case .mark(let marked): return [.undoMark(marked)]
        }
    }

    static func undone(_ state: inout AppState, _ entry: LoggedInteraction, rescore: RescoreOutcome)
        -> [Effect]
    {
        var text = state.catalog.undoneMessage(
            channel: entry.channel, name: sanitizedForTerminal(entry.customerName),
            reopenedComplaints: entry.closedComplaintIDs.count)
        if case .failed(let reason) = rescore {
            text += " · " + state.catalog.text(.rescoreFailed) + ": " + reason
        }
        state.status = StatusMessage(text, isError: rescore != .rescored && rescore != .notScored)
        CallListScreen.undone(&state, entry)
        return refresh(&state, customerID: entry.customerID)
    }

    static func undoFailed(_ state: inout AppState, _ entry: LoggedInteraction, _ failure: UndoFailure) {
        switch failure {
        case .alreadyGone:
            state.status = StatusMessage(
                state.catalog.undoGoneMessage(
                    channel: entry.channel, name: sanitizedForTerminal(entry.customerName)), isError: true)
        case .failed(let reason):
            // Still there: it can be undone again later.
            state.undoStack.append(.interaction(entry))
            state.status = StatusMessage(state.catalog.text(.undoFailed) + ": " + reason, isError: true)
        }
    }

    /// Reads again what a write to `customerID` changed: its detail, if open, the visible
    /// list rows, and the call list, if open (the customer's rank and action may have moved).
    static func refresh(_ state: inout AppState, customerID: Int64) -> [Effect] {
        var effects: [Effect] = []
        if state.stack.contains(.detail), state.detail.customerID == customerID {
            effects.append(.loadDetail(id: customerID))
        }
        effects += Refresh.list(&state)
        OverviewScreen.markStale(&state)
        if state.stack.contains(.calls) { effects += CallListScreen.reload(&state) }
        return effects
    }

    static func noteEdited(_ state: inout AppState, _ text: String) {
        guard state.screen == .logForm else { return }
        state.logForm.values.note.replace(with: text)
        state.logForm.errors[.note] = validate(state.logForm.values, today: state.today).errors[.note]
        state.status = StatusMessage(state.catalog.text(.noteFromEditor))
    }

    static func noteEditFailed(_ state: inout AppState, _ failure: EditorFailure) {
        state.status = StatusMessage(state.catalog.editorFailure(failure), isError: true)
    }
}
