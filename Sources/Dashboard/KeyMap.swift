/// What a key asks for, independent of which key it was: `update` matches on these, never on
/// raw keys, so rebinding a key is a change to the key map alone.
public enum KeyAction: String, CaseIterable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case open, back, quit, help, search, command, nextPane, previousPane, redraw
    case nextSort, reverseSort, filter, clearFilter, showOverview, showList, suspend, interrupt
    case logInteraction, undo, nextField, previousField, save, externalEditor
    case showCalls, markDone, skip, snoozeDay, snoozeWeek, snoozeUntil, startSession, export
}

/// One binding: the keys, the action, the help line for `?` and an optional short hint for the
/// hint bar (Bubble Tea's `key.NewBinding(WithKeys, WithHelp)`).
public struct KeyBinding: Hashable, Sendable {
    public var keys: [KeyEvent]
    public var action: KeyAction
    public var help: UIText
    /// Shown in the hint bar when set, after ``hintKeys`` (or the first key's name).
    public var hint: UIText?
    /// How the hint bar writes the keys, when one name is not enough ("j/k").
    public var hintKeys: String?

    public init(
        _ keys: [KeyEvent], _ action: KeyAction, help: UIText, hint: UIText? = nil, hintKeys: String? = nil
    ) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
    }

    /// The keys as the help overlay lists them: "j, down".
    public var keyNames: String { keys.map(\.name).joined(separator: ", ") }
}

/// The key bindings of one screen: the screen's own first, then the global ones. Both the help
/// overlay and the hint bar are generated from it, so they never drift from what keys do.
public struct KeyMap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action `key` triggers, if any (the first binding that lists it wins).
    public func action(for key: KeyEvent) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The hint bar's entries: help and back first (they must never be cut off), then the
    /// rest in key map order: ("?", "help"), ("q", "back"), ("j/k", "move").
    public func hints(_ catalog: Catalog) -> [(keys: String, text: String)] {
        let first: [KeyAction] = [.help, .back]
        let ordered =
            bindings.filter { first.contains($0.action) }.sorted {
                (first.firstIndex(of: $0.action) ?? 0) < (first.firstIndex(of: $1.action) ?? 0)
            } + bindings.filter { !first.contains($0.action) }
        return ordered.compactMap { binding in
            binding.hint.map { (binding.hintKeys ?? binding.keys.first?.name ?? "", catalog.text($0)) }
        }
    }

    /// The key map of `screen`.
    public static func forScreen(_ screen: ScreenKind) -> KeyMap {
        switch screen {
        case .overview: KeyMap(bindings: overviewBindings + navigation + global)
        case .list: KeyMap(bindings: listBindings + navigation + global)
        case .detail: KeyMap(bindings: detailBindings + navigation + global)
        // Typing must reach the fields, so no single-letter keys here.
        case .logForm: KeyMap(bindings: logFormBindings)
        case .calls: KeyMap(bindings: callsBindings + navigation + global)
        }
    }

    static let navigation: [KeyBinding] = [
        KeyBinding(
            [.down, .character("j")], .moveDown, help: .helpMoveDown, hint: .hintMove, hintKeys: "j/k"),
        KeyBinding([.up, .character("k")], .moveUp, help: .helpMoveUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, help: .helpPageDown),
        KeyBinding([.pageUp], .pageUp, help: .helpPageUp),
        KeyBinding([.control("d")], .halfPageDown, help: .helpHalfPageDown),
        KeyBinding([.control("u")], .halfPageUp, help: .helpHalfPageUp),
        KeyBinding([.home, .character("g")], .top, help: .helpTop),
        KeyBinding([.end, .character("G")], .bottom, help: .helpBottom),
    ]

    static let global: [KeyBinding] = [
        KeyBinding([.escape, .character("q")], .back, help: .helpBack, hint: .hintBack, hintKeys: "q"),
        KeyBinding([.character("?")], .help, help: .helpHelp, hint: .hintHelp),
        KeyBinding([.character("/")], .search, help: .helpSearch, hint: .hintSearch),
        KeyBinding([.character(":")], .command, help: .helpCommand),
        KeyBinding([.character("1")], .showOverview, help: .helpShowOverview),
        KeyBinding([.character("2"), .character("c")], .showList, help: .helpShowList),
        KeyBinding([.character("3")], .showCalls, help: .helpShowCalls),
        KeyBinding([.control("l")], .redraw, help: .helpRedraw),
        KeyBinding([.control("z")], .suspend, help: .helpSuspend),
        KeyBinding([.control("c")], .interrupt, help: .helpInterrupt),
        KeyBinding([.character("Q")], .quit, help: .helpQuit),
        KeyBinding([.character("u")], .undo, help: .helpUndo),
    ]

    static let overviewBindings: [KeyBinding] = [
        KeyBinding([.enter], .open, help: .helpOpen, hint: .hintOpen),
        KeyBinding([.tab], .nextPane, help: .helpNextPane, hint: .hintPane),
        KeyBinding([.shiftTab], .previousPane, help: .helpPreviousPane),
        // The global keys again, here only for their hints; help lists each key once.
        KeyBinding(
            [.character("2"), .character("c")], .showList, help: .helpShowList, hint: .hintCustomers,
            hintKeys: "c"),
        KeyBinding([.character("3")], .showCalls, help: .helpShowCalls, hint: .hintCalls),
    ]

    static let listBindings: [KeyBinding] = [
        KeyBinding([.enter], .open, help: .helpOpen, hint: .hintOpen),
        KeyBinding([.character("s")], .nextSort, help: .helpNextSort, hint: .hintSort),
        KeyBinding([.character("r")], .reverseSort, help: .helpReverseSort, hint: .hintReverse),
        KeyBinding([.character("f")], .filter, help: .helpFilter, hint: .hintFilter),
        KeyBinding([.character("F")], .clearFilter, help: .helpClearFilter),
        KeyBinding([.character("l")], .logInteraction, help: .helpLog, hint: .hintLog),
    ]

    /// The call list.
    static let callsBindings: [KeyBinding] = [
        KeyBinding([.enter], .open, help: .helpOpen, hint: .hintOpen),
        KeyBinding([.character("l")], .logInteraction, help: .helpLog),
        KeyBinding([.character("s")], .startSession, help: .helpSession, hint: .hintSession),
        KeyBinding([.character("d")], .markDone, help: .helpMarkDone, hint: .hintDone),
        KeyBinding([.character("x")], .skip, help: .helpSkip, hint: .hintSkip),
        KeyBinding([.character("z")], .snoozeDay, help: .helpSnoozeDay, hint: .hintSnooze, hintKeys: "z/Z/t"),
        KeyBinding([.character("Z")], .snoozeWeek, help: .helpSnoozeWeek),
        KeyBinding([.character("t")], .snoozeUntil, help: .helpSnoozeUntil),
        KeyBinding([.character("e")], .export, help: .helpExport, hint: .hintExport),
        KeyBinding([.character("f")], .filter, help: .helpCallsFilter, hint: .hintFilter),
        KeyBinding([.character("F")], .clearFilter, help: .helpClearFilter),
    ]

    static let detailBindings: [KeyBinding] = [
        KeyBinding([.tab], .nextPane, help: .helpNextPane, hint: .hintPane),
        KeyBinding([.shiftTab], .previousPane, help: .helpPreviousPane),
        KeyBinding([.character("l")], .logInteraction, help: .helpLog, hint: .hintLog),
    ]

    static let logFormBindings: [KeyBinding] = [
        KeyBinding([.escape], .back, help: .helpCancelForm, hint: .hintCancel),
        KeyBinding([.function(1)], .help, help: .helpHelp, hint: .hintHelp),
        KeyBinding([.tab], .nextField, help: .helpNextField, hint: .hintField, hintKeys: "tab/shift-tab"),
        KeyBinding([.shiftTab], .previousField, help: .helpPreviousField),
        KeyBinding([.control("s")], .save, help: .helpSave, hint: .hintSave),
        KeyBinding([.control("e")], .externalEditor, help: .helpEditor, hint: .hintEditor),
        KeyBinding([.control("l")], .redraw, help: .helpRedraw),
        KeyBinding([.control("z")], .suspend, help: .helpSuspend),
        KeyBinding([.control("c")], .interrupt, help: .helpInterruptForm),
    ]
}
