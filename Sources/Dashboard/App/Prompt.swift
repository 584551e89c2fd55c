import Scoring

/// A question in the status bar that takes typed text: a GDPR export path (with a default), the
/// confirmation of an erasure (the customer's id must be typed: a y/n is not enough for
/// something that cannot be undone), a snooze date or a call-list export path.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// Where to write everything the store holds about the customer.
        case exportPath(customerID: Int64)
        /// Erase the customer's personal data; `name` is shown (sanitised) so it is clear who.
        case erase(customerID: Int64, name: String)
        /// The day a snooze of `customerID` on the call list ends.
        case snoozeUntil(customerID: Int64)
        /// Where to export the call list.
        case callListExport
    }

    public var purpose: Purpose
    public var text: String

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        self.text = text
    }
}

/// Typing into a prompt: one editor for every question; Enter hands the text to whoever asked.
enum PromptInput {
    static func key(_ key: KeyEvent, prompt: Prompt, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            state.mode = .normal
            if isPrivacy(prompt.purpose) { state.status = StatusMessage(state.catalog.privacyCancelled()) }
            return []
        case .enter:
            state.mode = .normal
            return submit(prompt, &state)
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
            prompt.text = ""
        case .character(let character):
            prompt.text.append(character)
        default:
            return []
        }
        state.mode = .prompt(prompt)
        return []
    }

    static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        switch prompt.purpose {
        case .exportPath(let customerID):
            return PrivacyActions.submitExport(customerID: customerID, typed: prompt.text, &state)
        case .erase(let customerID, _):
            return PrivacyActions.submitErase(customerID: customerID, typed: prompt.text, &state)
        case .snoozeUntil(let customerID):
            return CallListScreen.snooze(&state, customerID: customerID, text: prompt.text)
        case .callListExport: return CallListScreen.export(&state, text: prompt.text)
        }
    }

    /// The status bar while the prompt is open: the question, then the text with a cursor. A
    /// shorter question when the long one would push the typed text off a narrow screen.
    static func statusLine(_ prompt: Prompt, _ state: AppState) -> StyledLine {
        let catalog = state.catalog
        let typed = sanitizedForTerminal(prompt.text) + "█"
        let room = state.size.columns - DisplayWidth.width(of: typed) - 2
        func asking(_ long: String, short: String? = nil, _ role: StyleRole = .status) -> StyledLine {
            let question = DisplayWidth.width(of: long) <= room ? long : (short ?? long)
            return [Span(" " + question + " ", role), Span(typed, .status)]
        }
        switch prompt.purpose {
        case .exportPath:
            return asking(catalog.exportPathPrompt(), short: catalog.exportPathPromptShort())
        case .erase(let id, let name):
            return asking(
                catalog.erasePrompt(id, name: sanitizedForTerminal(name)),
                short: catalog.erasePromptShort(id, name: sanitizedForTerminal(name)),
                .statusError)
        case .snoozeUntil:
            return asking(catalog.text(.promptSnooze).trimmingCharacters(in: .whitespaces))
        case .callListExport:
            return asking(catalog.text(.promptExport).trimmingCharacters(in: .whitespaces))
        }
    }

    private static func isPrivacy(_ purpose: Prompt.Purpose) -> Bool {
        switch purpose {
        case .exportPath, .erase: true
        case .snoozeUntil, .callListExport: false
        }
    }
}
