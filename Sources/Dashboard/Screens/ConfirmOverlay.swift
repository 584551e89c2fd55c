/// What a yes answer does. A new question is a new case here and a line in
/// ``ConfirmOverlay/perform(_:_:)``.
public enum ConfirmAction: Equatable, Sendable {
    /// Close the log form without saving what was typed.
    case discardLogForm
}

/// A yes/no question over the current screen (`AppState.confirm`): y (or j for "ja" in the
/// German UI only: in English j is the "down" key, and a reflex j must not answer yes); n, Esc and
/// Enter do not — the safe answer is the default, so a stray Enter throws nothing away.
public struct ConfirmPrompt: Equatable, Sendable {
    public var question: UIText
    public var action: ConfirmAction

    public init(question: UIText, action: ConfirmAction) {
        self.question = question
        self.action = action
    }
}

public enum ConfirmOverlay {
    /// Asks `question`; `action` runs on yes.
    public static func ask(_ state: inout AppState, _ question: UIText, then action: ConfirmAction) {
        state.confirm = ConfirmPrompt(question: question, action: action)
    }

    static func handle(_ key: KeyEvent, _ prompt: ConfirmPrompt, _ state: inout AppState) -> [Effect] {
        switch key {
        case .character("j") where state.catalog.language != .de,
            .character("J") where state.catalog.language != .de:
            return []
        case .character("y"), .character("Y"), .character("j"), .character("J"):
            state.confirm = nil
            return perform(prompt.action, &state)
        case .character("n"), .character("N"), .escape, .enter, .character("q"):
            state.confirm = nil
            return []
        case .control("l"):
            return [.redraw]
        default:
            return []
        }
    }

    static func perform(_ action: ConfirmAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .discardLogForm:
            LogFormScreen.close(&state)
            state.status = StatusMessage(state.catalog.text(.logDiscarded))
            return []
        }
    }

    /// A small box in the middle of the body: the question, then the answers.
    public static func render(_ prompt: ConfirmPrompt, _ state: AppState, into buffer: inout ScreenBuffer) {
        let catalog = state.catalog
        let question = catalog.text(prompt.question)
        let answers = catalog.text(.confirmAnswers)
        let width = min(
            state.size.columns - 2, max(DisplayWidth.width(of: question), DisplayWidth.width(of: answers)) + 6
        )
        let area = Rect(
            x: (state.size.columns - width) / 2, y: max(1, state.size.rows / 2 - 2), width: width, height: 4)
        buffer.fill(area, role: .default)
        LogFormScreen.drawFrame(area, title: "", into: &buffer)
        buffer.write(question, x: area.x + 3, y: area.y + 1, role: .title, maxWidth: width - 4)
        buffer.write(answers, x: area.x + 3, y: area.y + 2, role: .kpiValue, maxWidth: width - 4)
    }
}
