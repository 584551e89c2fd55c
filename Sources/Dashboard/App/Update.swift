import Scoring

/// The dashboard's one update function and its start: pure, no I/O, no clock. The runtime
/// feeds it messages (keys, resizes, effect results) and performs the effects it returns.
public enum Dashboard {
    /// The effects to perform before the first frame: the start screen's data.
    public static func start(_ state: inout AppState) -> [Effect] {
        var effects = OverviewScreen.ensureLoaded(&state)
        if state.screen == .list { effects += ListScreen.ensureLoaded(&state) }
        return effects
    }

    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .key(.resize):
            return []
        case .key(let key):
            return handleKey(key, &state)
        case .resized(let columns, let rows):
            state.size = ScreenSize(columns: columns, rows: rows)
            DetailScreen.measure(&state)
            ListScreen.keepSelectionVisible(&state)
            return ListScreen.prefetch(&state)
        case .overviewLoaded(let part):
            OverviewScreen.receive(&state, part)
            return []
        case .listPageLoaded(let request, let page):
            return ListScreen.receive(&state, request: request, page: page)
        case .listCounted(let generation, let count):
            ListScreen.counted(&state, generation: generation, count: count)
            return []
        case .listRanked(let generation, let customerID, let rank):
            ListScreen.ranked(&state, generation: generation, customerID: customerID, rank: rank)
            return []
        case .detailLoaded(let id, let customer):
            DetailScreen.receive(&state, id: id, customer: customer)
            CallListScreen.receiveDetail(&state, id: id, customer: customer)
            return []
        case .storeStatusLoaded(let status):
            state.storeStatus = status
            return []
        case .callListLoaded(let generation, let entries, let total):
            return CallListScreen.receive(&state, generation: generation, entries: entries, total: total)
        case .callListMarked(let entry):
            return CallListScreen.marked(&state, entry)
        case .markUndone(let entry, let restored):
            return CallListScreen.markUndone(&state, entry, restored: restored)
        case .callLogged(let request, let logged):
            return CallListScreen.logged(&state, request, logged)
        case .callListExported(let path, let rows):
            state.status = StatusMessage(
                state.catalog.number(rows) + " " + state.catalog.text(.statusExported) + " "
                    + sanitizedForTerminal(path))
            return []
        case .themeLoaded(let name, let errors):
            state.themeName = name
            if let error = errors.first {
                state.status = StatusMessage(error, isError: true)
            } else {
                state.status = StatusMessage(state.catalog.text(.themeApplied) + " " + name)
            }
            return []
        case .storeChanged:
            return Refresh.afterStoreChange(&state)
        case .personalDataExported(let id, let path):
            PrivacyActions.exported(customerID: id, path: path, &state)
            return []
        case .customerErased(let id, let outcome):
            return PrivacyActions.erased(customerID: id, outcome, &state)
        case .importProgress(let done, let total):
            ImportPanel.progress(done: done, total: total, &state)
            return []
        case .importFinished(let result):
            return ImportPanel.finished(result, &state)
        case .ownerNotFound(let owner, let owners):
            state.status = StatusMessage(
                state.catalog.ownerNotFound(
                    sanitizedForTerminal(owner), owners: owners.map { sanitizedForTerminal($0) }),
                isError: true)
            return restoreFilterBefore(owner: owner, &state)
        case .failed(let text):
            state.status = StatusMessage(text, isError: true)
            state.list.pending.removeAll()
            state.list.queuedAction = nil
            state.detail.loading = false
            CallListScreen.failed(&state)
            return []
        case .interactionLogged(let logged, let rescore):
            return LogFormScreen.logged(&state, logged, rescore: rescore)
        case .logFailed(let reason):
            LogFormScreen.logFailed(&state, reason)
            return []
        case .interactionUndone(let entry, let rescore):
            return LogFormScreen.undone(&state, entry, rescore: rescore)
        case .undoFailed(let entry, let failure):
            LogFormScreen.undoFailed(&state, entry, failure)
            return []
        case .writeWaiting:
            LogFormScreen.writeWaiting(&state)
            return []
        case .noteEdited(let text):
            LogFormScreen.noteEdited(&state, text)
            return []
        case .noteEditFailed(let failure):
            LogFormScreen.noteEditFailed(&state, failure)
            return []
        }
    }

    // MARK: - Keys

    static func handleKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        // A terminal sends Alt-x as Escape then x, so Esc and a key typed quickly after it (Esc q
        // to leave a prompt and quit) arrive as Alt-x. Nothing is bound to Alt: read it as the two
        // keys, except that a question the Escape raised waits for its own answer.
        if case .alt(let character) = key {
            let questionBefore = state.confirm != nil
            let effects = handleKey(.escape, &state)
            if state.confirm != nil && !questionBefore { return effects }
            return effects + handleKey(.character(character), &state)
        }
        if key == .control("c") {
            // A typed log form asks first, as Esc does, so a reflex Ctrl-C loses nothing;
            // pressed again at the question, it quits.
            if state.screen == .logForm, state.mode == .normal, state.confirm == nil, state.logForm.isDirty {
                return LogFormScreen.cancel(&state)
            }
            return quit(&state, code: 130)
        }
        switch state.mode {
        case .help(let scroll): return helpKey(key, scroll: scroll, &state)
        case .search(let text, let previous): return searchKey(key, text: text, previous: previous, &state)
        case .command(let text): return commandKey(key, text: text, &state)
        case .prompt(let prompt): return PromptInput.key(key, prompt: prompt, &state)
        case .normal: break
        }
        if let prompt = state.confirm { return ConfirmOverlay.handle(key, prompt, &state) }
        if state.importing.panel != nil { return ImportPanel.key(key, &state) }
        if state.isTooSmall {
            state.status = nil
            // Only leaving works on the "too small" screen; nothing else can be seen.
            if key == .character("q") || key == .character("Q") { return quit(&state, code: 0) }
            return key == .control("l") ? [.redraw] : []
        }
        // The form keeps its status ("saving…", "not saved") until a key changes something.
        if state.screen == .logForm {
            if !state.logForm.saving { state.status = nil }
            return LogFormScreen.handleKey(key, &state)
        }
        state.status = nil
        if state.screen == .calls, state.calls.session != nil {
            return CallListScreen.sessionKey(key, &state)
        }
        guard let action = KeyMap.forScreen(state.screen).action(for: key) else { return [] }
        // Any other key after a queued Enter or `l` means the user went on: it is dropped.
        if state.screen == .list, action != .open, action != .logInteraction { state.list.queuedAction = nil }
        switch action {
        case .quit: return quit(&state, code: 0)
        case .interrupt: return quit(&state, code: 130)
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .help:
            state.mode = .help(scroll: 0)
            return []
        case .command:
            state.mode = .command(text: "")
            return []
        case .search:
            var effects = showList(&state)
            state.mode = .search(text: state.list.query.search, previous: state.list.query.search)
            effects += []
            return effects
        case .showOverview:
            state.stack = [.overview]
            return OverviewScreen.ensureLoaded(&state)
        case .showList:
            return showList(&state)
        case .showCalls:
            return CallListScreen.show(&state)
        case .back:
            return back(&state, key: key)
        case .undo:
            return LogFormScreen.undo(&state)
        default:
            switch state.screen {
            case .overview: return OverviewScreen.handle(action, &state)
            case .list: return ListScreen.handle(action, &state)
            case .detail: return DetailScreen.handle(action, &state)
            case .logForm: return []
            case .calls: return CallListScreen.handle(action, &state)
            }
        }
    }

    static func quit(_ state: inout AppState, code: Int32) -> [Effect] {
        state.exitCode = code
        return [.quit(code: code)]
    }

    /// Esc and q go back one screen; q on the overview quits, Esc there only says how to quit.
    static func back(_ state: inout AppState, key: KeyEvent) -> [Effect] {
        if state.stack.count > 1 {
            state.stack.removeLast()
            // Back on the overview after a change elsewhere: its figures are read again.
            return state.screen == .overview ? OverviewScreen.ensureLoaded(&state) : []
        }
        if key == .escape {
            state.status = StatusMessage(state.catalog.text(.pressQToQuit))
            return []
        }
        return quit(&state, code: 0)
    }

    /// An owner nobody has was filtered by: the filter from before it comes back (the message
    /// says why), rather than an empty list that reads as "nothing to do".
    static func restoreFilterBefore(owner: String, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if state.list.query.filter.owner == owner {
            var query = state.list.query
            query.filter = state.listFilterBeforeOwner ?? ListFilter()
            query.filter.owner = query.filter.owner == owner ? nil : query.filter.owner
            state.listFilterBeforeOwner = nil
            effects += ListScreen.reload(&state, query: query)
        }
        if state.calls.filter.owner == owner {
            var filter = state.callsFilterBeforeOwner ?? CallListFilter()
            filter.owner = filter.owner == owner ? nil : filter.owner
            state.calls.filter = filter
            state.callsFilterBeforeOwner = nil
            effects += CallListScreen.reload(&state)
        }
        return effects
    }

    static func showList(_ state: inout AppState) -> [Effect] {
        if state.screen != .list { state.stack = [.overview, .list] }
        return ListScreen.ensureLoaded(&state)
    }

    static func helpKey(_ key: KeyEvent, scroll: Int, _ state: inout AppState) -> [Effect] {
        let maximum = max(0, HelpOverlay.lines(state).count - max(1, state.bodyHeight - 1))
        switch key {
        case .escape, .character("q"), .character("?"), .enter: state.mode = .normal
        case .down, .character("j"): state.mode = .help(scroll: min(maximum, scroll + 1))
        case .up, .character("k"): state.mode = .help(scroll: max(0, scroll - 1))
        case .pageDown, .character(" "): state.mode = .help(scroll: min(maximum, scroll + state.bodyHeight))
        case .pageUp: state.mode = .help(scroll: max(0, scroll - state.bodyHeight))
        case .home, .character("g"): state.mode = .help(scroll: 0)
        case .end, .character("G"): state.mode = .help(scroll: maximum)
        case .control("l"): return [.redraw]
        default: break
        }
        return []
    }

    /// Search as you type: every change reloads the list's first page (the store answers from
    /// its full-text index in milliseconds; stale answers are dropped by generation).
    static func searchKey(_ key: KeyEvent, text: String, previous: String, _ state: inout AppState)
        -> [Effect]
    {
        var text = text
        switch key {
        case .enter:
            state.mode = .normal
            return []
        case .escape:
            state.mode = .normal
            return applySearch(previous, &state)
        case .backspace:
            guard !text.isEmpty else { return [] }
            text.removeLast()
        case .control("u"):
            text = ""
        case .character(let character):
            text.append(character)
        case .down, .up, .pageDown, .pageUp:
            let action = KeyMap.forScreen(.list).action(for: key) ?? .moveDown
            return ListScreen.handle(action, &state)
        default:
            return []
        }
        state.mode = .search(text: text, previous: previous)
        return applySearch(text, &state)
    }

    static func applySearch(_ text: String, _ state: inout AppState) -> [Effect] {
        guard text != state.list.query.search else { return [] }
        var query = state.list.query
        query.search = text
        return ListScreen.reload(&state, query: query)
    }

    static func commandKey(_ key: KeyEvent, text: String, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.mode = .normal
        case .enter:
            state.mode = .normal
            return run(text, &state)
        case .backspace:
            if text.isEmpty {
                state.mode = .normal
            } else {
                state.mode = .command(text: String(text.dropLast()))
            }
        case .control("u"):
            state.mode = .command(text: "")
        case .character(let character):
            state.mode = .command(text: text + String(character))
        default:
            break
        }
        return []
    }

    /// Runs a `:` command line. On the call list, `filter` sets the call list's filter.
    static func run(_ text: String, _ state: inout AppState) -> [Effect] {
        let onCalls = state.screen == .calls
        let current =
            onCalls
            ? ListFilter(
                segment: state.calls.filter.segment, band: state.calls.filter.band,
                owner: state.calls.filter.owner)
            : state.list.query.filter
        let command: ColonCommand
        switch ColonCommand.parse(text, current: current) {
        case .success(let parsed): command = parsed
        case .failure(let error):
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                state.status = StatusMessage(error.message(state.catalog), isError: true)
            }
            return []
        }
        switch command {
        case .quit:
            return quit(&state, code: 0)
        case .overview:
            state.stack = [.overview]
            return OverviewScreen.ensureLoaded(&state)
        case .list:
            return showList(&state)
        case .calls:
            return CallListScreen.show(&state)
        case .filter(let filter) where onCalls:
            guard filter.tier == nil, filter.relationship == nil else {
                state.status = StatusMessage(state.catalog.text(.errorCallsFilter), isError: true)
                return []
            }
            if filter.owner != nil, filter.owner != state.calls.filter.owner {
                state.callsFilterBeforeOwner = state.calls.filter
            }
            state.calls.filter = CallListFilter(
                owner: filter.owner, segment: filter.segment, band: filter.band)
            return CallListScreen.reload(&state)
        case .clearFilter where onCalls:
            state.calls.filter = CallListFilter()
            state.status = StatusMessage(state.catalog.text(.filterCleared))
            return CallListScreen.reload(&state)
        case .sort(let column, let direction):
            var query = state.list.query
            query.sort = column
            query.direction = direction ?? column.naturalDirection
            if state.screen != .list { state.stack = [.overview, .list] }
            return ListScreen.reload(&state, query: query)
        case .filter(let filter):
            var query = state.list.query
            if filter.owner != nil, filter.owner != query.filter.owner {
                state.listFilterBeforeOwner = query.filter
            }
            query.filter = filter
            if state.screen != .list { state.stack = [.overview, .list] }
            return ListScreen.reload(&state, query: query)
        case .clearFilter:
            var query = state.list.query
            query.filter = ListFilter()
            query.search = ""
            state.status = StatusMessage(state.catalog.text(.filterCleared))
            if state.screen != .list { state.stack = [.overview, .list] }
            return ListScreen.reload(&state, query: query)
        case .theme(let name):
            return [.loadTheme(name: name)]
        case .language(let language):
            state.catalog = Catalog(language: language)
            DetailScreen.measure(&state)
            state.status = StatusMessage(state.catalog.text(.languageApplied))
            return []
        case .exportData(let path):
            return PrivacyActions.export(path: path, &state)
        case .erase:
            return PrivacyActions.erase(&state)
        case .importFile(let kind, let path, let createMissing):
            return ImportPanel.start(kind: kind, path: path, createMissing: createMissing, &state)
        }
    }
}
