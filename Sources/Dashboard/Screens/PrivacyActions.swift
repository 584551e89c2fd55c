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

    /// Enter on the export path: write there (an emptied path cancels).
    static func submitExport(customerID: Int64, typed: String, _ state: inout AppState) -> [Effect] {
        let path = typed.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            state.status = StatusMessage(state.catalog.privacyCancelled())
            return []
        }
        return [.exportPersonalData(customerID: customerID, path: path)]
    }

    /// Enter on the erase question: only the customer's own id erases.
    static func submitErase(customerID: Int64, typed: String, _ state: inout AppState) -> [Effect] {
        guard typed.trimmingCharacters(in: .whitespaces) == String(customerID) else {
            state.status = StatusMessage(state.catalog.eraseNotConfirmed(customerID), isError: true)
            return []
        }
        state.status = StatusMessage(state.catalog.erasing(customerID))
        return [.eraseCustomer(customerID: customerID)]
    }

    /// The export is written: say where.
    static func exported(customerID: Int64, path: String, _ state: inout AppState) {
        state.status = StatusMessage(
            state.catalog.exportedPersonalData(customerID, path: sanitizedForTerminal(path)))
    }

    /// The customer is erased: back to the call list when the detail was opened from it, else
    /// to the customer list (each reloaded without them), and say what was done.
    static func erased(customerID: Int64, _ outcome: ErasureOutcome, _ state: inout AppState) -> [Effect] {
        if state.detail.customerID == customerID {
            state.stack.removeAll { $0 == .detail }
            state.detail = DetailState()
        }
        state.status = StatusMessage(state.catalog.erased(customerID, outcome))
        if state.screen == .calls {
            // The list underneath must not keep showing the erased customer either.
            return CallListScreen.reload(&state) + (state.list.loaded ? Refresh.list(&state) : [])
        }
        if state.screen != .list { state.stack = [.overview, .list] }
        return state.list.loaded ? Refresh.list(&state) : ListScreen.ensureLoaded(&state)
    }
}
