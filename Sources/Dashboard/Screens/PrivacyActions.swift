import Scoring

/// What an erasure did, for the status bar (the store's report, without depending on it).
public struct ErasureOutcome: Hashable, Sendable {
    public var touchpointsDeleted: Int
    public var feedbackDeleted: Int
    public var ordersKept: Int
    public var contractsKept: Int

    public init(touchpointsDeleted: Int, feedbackDeleted: Int, ordersKept: Int, contractsKept: Int) {
        self.touchpointsDeleted = touchpointsDeleted
        self.feedbackDeleted = feedbackDeleted
        self.ordersKept = ordersKept
        self.contractsKept = contractsKept
    }
}

/// `:export-data` and `:erase` on the detail screen: prompts, keys, results.
public enum PrivacyActions {
    /// The default file name of an export, in the folder the dashboard was started from.
    public static func defaultExportPath(_ customerID: Int64) -> String { "\(customerID)-data.json" }

    /// `:export-data [PATH]`: with a path, export at once; without, ask with the default filled in.
    static func export(path: String?, _ state: inout AppState) -> [Effect] {
        guard let id = openCustomer(&state) else { return [] }
        if let path, !path.isEmpty { return [.exportPersonalData(customerID: id, path: path)] }
        state.mode = .prompt(Prompt(purpose: .exportPath(customerID: id), text: defaultExportPath(id)))
        return []
    }

    /// `:erase`: asks for the customer's id before anything happens.
    static func erase(_ state: inout AppState) -> [Effect] {
        guard let id = openCustomer(&state) else { return [] }
        let name = state.detail.customer?.name ?? ""
        state.mode = .prompt(Prompt(purpose: .erase(customerID: id, name: name), text: ""))
        return []
    }

    /// The customer on the detail screen, or an error in the status bar.
    private static func openCustomer(_ state: inout AppState) -> Int64? {
        guard state.screen == .detail, state.detail.customer != nil, let id = state.detail.customerID
        else {
            state.status = StatusMessage(state.catalog.privacyNeedsCustomer(), isError: true)
            return nil
        }
        return id
    }

    /// Enter on an export path or an erase confirmation.
    static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        let typed = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .exportPath(let id):
            guard !typed.isEmpty else {
                state.status = StatusMessage(state.catalog.privacyCancelled())
                return []
            }
            return [.exportPersonalData(customerID: id, path: typed)]
        case .erase(let id, _):
            guard typed == String(id) else {
                state.status = StatusMessage(state.catalog.eraseNotConfirmed(id), isError: true)
                return []
            }
            state.status = StatusMessage(state.catalog.erasing(id))
            return [.eraseCustomer(customerID: id)]
        case .snoozeUntil, .callListExport:
            return []
        }
    }

    /// The export is written: say where.
    static func exported(customerID: Int64, path: String, _ state: inout AppState) {
        state.status = StatusMessage(
            state.catalog.exportedPersonalData(customerID, path: sanitizedForTerminal(path)))
    }

    /// The customer is erased: back to the list (reloaded), and say what was done.
    static func erased(customerID: Int64, _ outcome: ErasureOutcome, _ state: inout AppState) -> [Effect] {
        if state.detail.customerID == customerID {
            state.stack.removeAll { $0 == .detail }
            state.detail = DetailState()
        }
        state.status = StatusMessage(state.catalog.erased(customerID, outcome))
        if state.screen != .list { state.stack = [.overview, .list] }
        return state.list.loaded ? Refresh.list(&state) : ListScreen.ensureLoaded(&state)
    }

    /// The status bar while a prompt is open; a shorter question when the long one would
    /// push the typed text off a narrow screen.
    static func statusLine(_ prompt: Prompt, _ state: AppState) -> StyledLine {
        let catalog = state.catalog
        let typed = sanitizedForTerminal(prompt.text) + "█"
        let room = state.size.columns - DisplayWidth.width(of: typed) - 2
        func fitting(_ long: String, _ short: String) -> String {
            DisplayWidth.width(of: long) <= room ? long : short
        }
        switch prompt.purpose {
        case .exportPath:
            let question = fitting(catalog.exportPathPrompt(), catalog.exportPathPromptShort())
            return [Span(" " + question + " ", .status), Span(typed, .status)]
        case .erase(let id, let name):
            let question = fitting(
                catalog.erasePrompt(id, name: sanitizedForTerminal(name)), catalog.erasePromptShort(id))
            return [Span(" " + question + " ", .statusError), Span(typed, .status)]
        case .snoozeUntil, .callListExport:
            return [Span(typed, .status)]
        }
    }
}
