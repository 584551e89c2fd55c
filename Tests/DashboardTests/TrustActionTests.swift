import Dashboard
import Scoring
import Testing

/// `:export-data`, `:erase` and `:import`: parsing, prompts, effects, results, and how they look.
@Suite("Dashboard: GDPR actions and import")
struct TrustActionTests {
    /// The list with customer 1 (Jürgen Müller) open on the detail screen.
    private func onDetail(columns: Int = 80, rows: Int = 14, language: Language = .en) -> AppState {
        var state = Fixtures.listState(columns: columns, rows: rows, language: language)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        return state
    }

    private func command(_ text: String, _ state: inout AppState) -> [Effect] {
        _ = Dashboard.update(&state, .key(.character(":")))
        for character in text { _ = Dashboard.update(&state, .key(.character(character))) }
        return Dashboard.update(&state, .key(.enter))
    }

    @Test("The commands parse; bad forms give their usage")
    func parsing() {
        let filter = ListFilter()
        #expect(ColonCommand.parse("export-data", current: filter) == .success(.exportData(path: nil)))
        #expect(
            ColonCommand.parse("export-data /tmp/a b.json", current: filter)
                == .success(.exportData(path: "/tmp/a b.json")))
        #expect(ColonCommand.parse("erase", current: filter) == .success(.erase))
        #expect(ColonCommand.parse("erase 5", current: filter) == .failure(.usage(.errorEraseUsage)))
        #expect(
            ColonCommand.parse("import Orders /data/mein export.csv", current: filter)
                == .success(.importFile(kind: "orders", path: "/data/mein export.csv", createMissing: false)))
        #expect(
            ColonCommand.parse("import orders --create-missing /data/neu.csv", current: filter)
                == .success(.importFile(kind: "orders", path: "/data/neu.csv", createMissing: true)))
        #expect(
            ColonCommand.parse("import orders --create-missing", current: filter)
                == .failure(.usage(.errorImportUsage)))
        #expect(ColonCommand.parse("import orders", current: filter) == .failure(.usage(.errorImportUsage)))
        #expect(
            ColonCommand.parse("import stuff x.csv", current: filter) == .failure(.usage(.errorImportUsage)))
    }

    @Test("Export asks for a path with <id>-data.json filled in; Enter exports there, Esc cancels")
    func exportPrompt() {
        var state = onDetail()
        #expect(command("export-data", &state).isEmpty)
        #expect(
            state.mode == .prompt(Prompt(purpose: .exportPath(customerID: 1), text: "1-data.json")))
        let screen = DashboardView.render(state).trimmedLines
        #expect(screen.last?.contains("1-data.json█") == true, "\(screen)")
        #expect(
            Dashboard.update(&state, .key(.enter)) == [
                .exportPersonalData(customerID: 1, path: "1-data.json")
            ])
        _ = Dashboard.update(&state, .personalDataExported(customerID: 1, path: "/home/a/1-data.json"))
        #expect(
            state.status?.text
                == "exported everything about customer 1 to /home/a/1-data.json (private, 0600)")

        _ = Dashboard.update(
            &state, .personalDataExported(customerID: 1, path: "/tmp/a\u{1B}]0;x\u{7}b.json"))
        #expect(state.status?.text.contains("\u{1B}") == false, "a path is data: sanitised")

        #expect(command("export-data", &state).isEmpty)
        _ = Dashboard.update(&state, .key(.escape))
        #expect(state.mode == .normal)
        #expect(state.status?.text == "cancelled; nothing was changed")
        #expect(
            command("export-data /tmp/x.json", &state) == [
                .exportPersonalData(customerID: 1, path: "/tmp/x.json")
            ])
    }

    @Test("The erase question names the person even when the bar is too narrow for the long one")
    func erasePromptNamesThePerson() throws {
        var state = onDetail()
        let name = try #require(state.detail.customer?.name)
        #expect(command("erase", &state).isEmpty)
        let bar = DashboardView.render(state).lines[state.size.rows - 1]
        // 80 columns: too narrow for the long question, so this is the short one.
        #expect(bar.contains("ERASE \(name) (id 1) for good?"), "\(bar)")
    }

    @Test("Erase needs the customer's id typed; anything else changes nothing; then back to the list")
    func eraseConfirmation() {
        var state = onDetail()
        #expect(command("erase", &state).isEmpty)
        for character in "yes" { _ = Dashboard.update(&state, .key(.character(character))) }
        #expect(Dashboard.update(&state, .key(.enter)).isEmpty)
        #expect(
            state.status
                == StatusMessage("not erased: the confirmation was not 1; nothing was changed", isError: true)
        )
        #expect(state.screen == .detail)

        #expect(command("erase", &state).isEmpty)
        _ = Dashboard.update(&state, .key(.character("1")))
        #expect(Dashboard.update(&state, .key(.enter)) == [.eraseCustomer(customerID: 1)])
        let effects = Dashboard.update(
            &state,
            .customerErased(
                customerID: 1,
                ErasureOutcome(touchpointsDeleted: 3, feedbackDeleted: 1, ordersKept: 12, contractsKept: 1)))
        #expect(state.screen == .list)
        #expect(state.detail.customerID == nil)
        #expect(
            state.status?.text.hasPrefix("erased customer 1: 3 touchpoints and 1 feedback answers deleted")
                == true)
        #expect(
            effects.contains {
                if case .loadListPage(let request) = $0 { request.purpose == .refresh } else { false }
            })
    }

    @Test("Erasing a customer opened from the call list goes back to the call list, read again")
    func eraseFromCallList() {
        var state = Fixtures.callsState()
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 11, Fixtures.detail))
        #expect(state.screen == .detail)
        let effects = Dashboard.update(
            &state,
            .customerErased(
                customerID: 11,
                ErasureOutcome(touchpointsDeleted: 3, feedbackDeleted: 1, ordersKept: 12, contractsKept: 1)))
        #expect(state.screen == .calls)
        #expect(state.stack == [.overview, .calls])
        #expect(state.status?.text.hasPrefix("erased customer 11") == true)
        #expect(
            effects.contains {
                if case .loadCallList = $0 { true } else { false }
            }, "\(effects)")
    }

    @Test("Export and erase need an open customer")
    func needsCustomer() {
        var state = Fixtures.listState()
        #expect(command("erase", &state).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.status?.isError == true)
        #expect(command("export-data", &state).isEmpty)
        #expect(state.status?.text == "open a customer first (Enter on the list)")
    }

    @Test("The erase prompt, in both languages")
    func erasePromptSnapshot() {
        var state = onDetail(columns: 160)
        _ = command("erase", &state)
        _ = Dashboard.update(&state, .key(.character("1")))
        #expect(
            DashboardView.render(state).trimmedLines.last
                == " ERASE all personal data of Jürgen Müller (id 1)? This cannot be undone. Type 1 and Enter to erase, Esc to cancel: 1█"
        )
        var german = onDetail(columns: 160, language: .de)
        _ = command("erase", &german)
        #expect(
            DashboardView.render(german).trimmedLines.last
                == " ALLE personenbezogenen Daten von Jürgen Müller (Nr. 1) LÖSCHEN? Nicht umkehrbar. 1 eingeben und Enter zum Löschen, Esc bricht ab: █"
        )
    }

    @Test(":import runs one at a time with progress, then a panel: the summary, or the problems")
    func importFlow() {
        var state = Fixtures.listState(columns: 80, rows: 16)
        #expect(
            command("import orders /data/orders.csv", &state) == [
                .importFile(kind: "orders", path: "/data/orders.csv", createMissing: false)
            ])
        #expect(command("import orders /data/other.csv", &state).isEmpty)
        #expect(state.status?.text == "an import is already running; wait for it to finish")
        _ = Dashboard.update(&state, .importProgress(done: 45, total: 100))
        #expect(state.status?.text == "importing /data/orders.csv… 45 %")

        var result = ImportResult(file: "orders.csv", kind: "orders", succeeded: true)
        result.rowsRead = 3
        result.inserted = 2
        result.duplicates = 1
        result.seconds = 0.25
        let effects = Dashboard.update(&state, .importFinished(result))
        #expect(effects.contains { if case .loadListPage = $0 { true } else { false } }, "the list reloads")
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼                      2025-06-30",
                " Import of orders.csv  (Esc)",
                "",
                "   kind                    orders",
                "   rows read               3",
                "   inserted                2",
                "   updated                 0",
                "   already present         1",
                "   rejected                0",
                "   new customers           0",
                "   time                    0.25 s",
                "   rescored                no",
                "",
                "",
                "",
                " imported orders.csv: 2 new, 0 updated, 1 already present, 0 rejected  1/4 rows",
            ])
        _ = Dashboard.update(&state, .key(.escape))
        #expect(state.importing.panel == nil)

        _ = command("import orders /data/bad.csv", &state)
        var refused = ImportResult(file: "bad.csv", kind: "orders", succeeded: false)
        refused.problems = (1...30).map { "bad.csv:\($0 + 1):2: not a date (\"x\u{1B}[2J\")" }
        refused.problems += ["… and 2 more problems", "Nothing was imported: 32 problems in the file."]
        refused.problemCount = 32
        #expect(
            Dashboard.update(&state, .importFinished(refused)).isEmpty, "nothing changed, nothing reloads")
        // The problems counted, not the lines (the last two are summaries).
        #expect(state.status?.text == "nothing imported from bad.csv: 32 problems (see the panel)")
        // The escape sequence in the echoed value is removed whole by the sanitiser.
        var lines = DashboardView.render(state).trimmedLines
        #expect(lines[3] == " Nothing was imported. Fix these problems in the file and import it again:")
        #expect(lines[5] == "   bad.csv:2:2: not a date (\"x\")")
        #expect(!lines.contains("   bad.csv:31:2: not a date (\"x\")"))
        _ = Dashboard.update(&state, .key(.character("G")))
        lines = DashboardView.render(state).trimmedLines
        #expect(lines[lines.count - 2] == "   Nothing was imported: 32 problems in the file.", "\(lines)")
        _ = Dashboard.update(&state, .key(.character("q")))
        #expect(state.importing.panel == nil)
        #expect(state.screen == .list, "q closed the panel, it did not go back")

        // One problem (a missing file, one bad row): singular, in both languages.
        var missing = ImportResult(file: "gone.csv", kind: "orders", succeeded: false)
        missing.problems = ["cannot read gone.csv: no such file"]
        missing.problemCount = 1
        _ = command("import orders gone.csv", &state)
        _ = Dashboard.update(&state, .importFinished(missing))
        #expect(state.status?.text == "nothing imported from gone.csv: 1 problem (see the panel)")
        _ = Dashboard.update(&state, .key(.escape))
        _ = command("lang de", &state)
        _ = command("import orders gone.csv", &state)
        _ = Dashboard.update(&state, .importFinished(missing))
        #expect(state.status?.text == "nichts aus gone.csv importiert: 1 Problem (siehe Importbericht)")
        _ = Dashboard.update(&state, .key(.escape))
        _ = command("import orders bad.csv", &state)
        _ = Dashboard.update(&state, .importFinished(refused))
        #expect(state.status?.text == "nichts aus bad.csv importiert: 32 Probleme (siehe Importbericht)")
    }
}
