import Dashboard
import Scoring
import Testing

/// Editing by grapheme and by display width: what the note field stands on.
@Suite("Text input")
struct TextInputTests {
    @Test("The cursor moves by grapheme: decomposed umlauts, flags and families are one step")
    func graphemes() {
        var input = TextInput("a\u{0308}🇩🇪👩‍👩‍👧x")
        #expect(input.cursor == 4)
        input.moveLeft()
        input.backspace()
        #expect(input.text == "a\u{0308}🇩🇪x")
        input.moveLeft()
        input.backspace()
        #expect(input.text == "🇩🇪x")
        input.moveRight()
        input.insert("ö")
        #expect(input.text == "🇩🇪öx")
        #expect(input.cursor == 2)
    }

    @Test("A combining mark typed on its own joins the letter before the cursor")
    func combiningMarkTyped() {
        var input = TextInput("Cafe")
        input.insert("\u{0301}")
        #expect(input.text == "Caf\u{E9}")
        #expect(input.text.count == 4)
        #expect(input.cursor == 4)
        input.moveLeft()
        input.insert("!")
        #expect(input.text == "Caf!\u{E9}")
    }

    @Test("Lines break after the last space that fits; a word longer than the line is cut")
    func wordWrap() {
        let input = TextInput("Grüße aus Köln und Donaudampfschifffahrt")
        #expect(
            input.layout(width: 12).map { input.shownText(of: $0) } == [
                "Grüße aus ", "Köln und ", "Donaudampfsc", "hifffahrt",
            ])
        #expect(input.layout(width: 12).allSatisfy { !$0.hardBreak })
    }

    @Test("Lines wrap by display width (CJK takes two columns); up and down keep the column")
    func layoutAndVertical() {
        var input = TextInput("東京東京東京\nab")
        let lines = input.layout(width: 5)
        // Two wide characters fit in five columns; the third goes to the next line.
        #expect(lines.map { input.shownText(of: $0) } == ["東京", "東京", "東京", "ab"])
        // From the end of "ab" (column 2) up: after the first wide character, twice.
        let upOnce = input.moveUp(width: 5)
        #expect(upOnce)
        #expect(input.cursor == 5)
        let upTwice = input.moveUp(width: 5)
        #expect(upTwice)
        #expect(input.cursor == 3)
        input.moveHome(width: 5)
        #expect(input.cursor == 2)
        let down = input.moveDown(width: 5)
        #expect(down)
        #expect(input.cursor == 4)
        input.moveEnd(width: 5)
        #expect(input.cursor == 6)
        var first = TextInput("x")
        let upFromFirst = first.moveUp(width: 5)
        let downFromLast = first.moveDown(width: 5)
        #expect(!upFromFirst && !downFromLast)
    }
}

/// The log form through `update`: keys in, state and effects out.
@Suite("Log form")
struct LogFormTests {
    /// The list with its rows, and the form opened on the first (Jürgen Müller) with `l`.
    private func opened(rows: Int = 24, language: Language = .en) -> AppState {
        var state = Fixtures.listState(columns: 80, rows: rows, language: language)
        _ = Dashboard.update(&state, .key(.character("l")))
        return state
    }

    private func press(_ state: inout AppState, _ keys: KeyEvent...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += Dashboard.update(&state, .key(key)) }
        return effects
    }

    private func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = Dashboard.update(&state, .key(.character(character))) }
    }

    @Test("l on the list opens the form for the selected customer; l on the detail for its customer")
    func opens() {
        let state = opened()
        #expect(state.screen == .logForm)
        #expect(state.logForm.customerID == 1)
        #expect(state.logForm.customerName == "Jürgen Müller")
        #expect(state.logForm.focus == .channel)

        var detail = Fixtures.listState(rows: 24)
        _ = Dashboard.update(&detail, .key(.enter))
        _ = Dashboard.update(&detail, .detailLoaded(id: 1, Fixtures.detail))
        _ = Dashboard.update(&detail, .key(.character("l")))
        #expect(detail.screen == .logForm)
        #expect(detail.stack == [.overview, .list, .detail, .logForm])
        #expect(detail.logForm.customerID == 1)
    }

    @Test("A save still waiting after a second says what it waits for; a late notice changes nothing")
    func writeWaiting() {
        var state = opened()
        type(&state, "x")
        _ = press(&state, .control("s"))
        #expect(state.logForm.saving)
        _ = Dashboard.update(&state, .writeWaiting)
        #expect(
            state.status?.text == "saving… waiting for another program's write (a rescoring or an import)")
        _ = Dashboard.update(
            &state,
            .interactionLogged(
                LoggedInteraction(
                    id: 9, customerID: 1, customerName: "Jürgen Müller", channel: .call, createdAt: 1),
                rescore: .rescored))
        let logged = state.status
        _ = Dashboard.update(&state, .writeWaiting)
        #expect(state.status == logged, "the notice came after the answer: the answer stays")
        _ = press(&state, .character("u"))
        #expect(state.status?.text == "undoing…")
        _ = Dashboard.update(&state, .writeWaiting)
        #expect(
            state.status?.text == "undoing… waiting for another program's write (a rescoring or an import)")
    }

    @Test("The entry point opens the form from any screen (the call list will use it)")
    func entryPoint() {
        var state = Fixtures.state()
        #expect(LogFormScreen.open(&state, customerID: 42, name: "Anna Müller").isEmpty)
        #expect(state.stack == [.overview, .logForm])
        #expect(state.logForm.customerName == "Anna Müller")
    }

    @Test("Choices by first letter (cycling among matches) and by arrows; Tab and Shift-Tab move")
    func choices() {
        var state = opened()
        _ = press(&state, .character("m"))
        #expect(state.logForm.values.channel == .meeting)
        _ = press(&state, .right)
        #expect(state.logForm.values.channel == .visit)
        _ = press(&state, .left, .left)
        #expect(state.logForm.values.channel == .email)
        _ = press(&state, .tab, .tab)
        #expect(state.logForm.focus == .kind)
        // The direction follows the kind until chosen by hand.
        _ = press(&state, .character("c"))
        #expect(state.logForm.values.kind == .complaint)
        #expect(state.logForm.values.direction == .inbound)
        #expect(state.logForm.activeFields.contains(.complaint))
        _ = press(&state, .tab, .character("n"))
        #expect(state.logForm.values.outcome == InteractionOutcome.noAnswer)
        _ = press(&state, .character("n"))
        #expect(state.logForm.values.outcome == InteractionOutcome.notInterested)
        _ = press(&state, .tab)
        #expect(state.logForm.focus == .complaint)
        _ = press(&state, .character("r"))
        #expect(state.logForm.values.complaint == .resolved)
        _ = press(&state, .shiftTab, .shiftTab, .shiftTab)
        #expect(state.logForm.focus == .direction)
        _ = press(&state, .character("o"))
        #expect(state.logForm.values.direction == .outbound)
        _ = press(&state, .tab, .character("s"))
        // Chosen by hand now: the kind no longer changes it.
        #expect(state.logForm.values.kind == .survey)
        #expect(state.logForm.values.direction == .outbound)
        #expect(!state.logForm.activeFields.contains(.complaint))
    }

    @Test("Enter saves a valid form as one draft; the note keeps Enter as a new line")
    func saves() {
        var state = opened()
        _ = press(&state, .tab, .tab, .tab, .character("r"), .tab)
        #expect(state.logForm.focus == .note)
        type(&state, "Grüße aus Köln")
        _ = press(&state, .enter)
        type(&state, "— 東京")
        _ = press(&state, .tab)
        type(&state, "4")
        #expect(state.logForm.activeFields.contains(.npsType))
        _ = press(&state, .tab, .character("r"), .tab, .tab, .tab)
        #expect(state.logForm.focus == .followUp)
        type(&state, "next monday")
        let effects = press(&state, .enter)
        #expect(state.logForm.saving)
        #expect(
            effects == [
                .logInteraction(
                    InteractionDraft(
                        customerID: 1, customerName: "Jürgen Müller", channel: .call, direction: .outbound,
                        kind: .sales, outcome: .reached, note: "Grüße aus Köln\n— 東京",
                        followUp: Fixtures.day("2025-07-07"), nps: 4, npsType: .relational))
            ])
        // Keys wait while it is being saved.
        #expect(press(&state, .control("s")).isEmpty)
    }

    @Test("Invalid input is named at its field, focus goes there, and nothing is saved until valid")
    func validation() {
        var state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab, .tab)
        type(&state, "11")
        _ = press(&state, .tab, .tab)
        #expect(state.logForm.errors[.nps] == .errorNPS)
        type(&state, "0")
        _ = press(&state, .tab, .tab)
        type(&state, "14.13.2025")
        #expect(press(&state, .control("s")).isEmpty)
        #expect(state.logForm.errors == [.nps: .errorNPS, .csat: .errorCSAT, .followUp: .errorFollowUpDate])
        #expect(state.logForm.focus == .nps)
        #expect(state.status == StatusMessage("Not saved: correct the marked fields", isError: true))
        // Fixing a field clears its message at once.
        _ = press(&state, .backspace)
        #expect(state.logForm.errors[.nps] == nil)
        _ = press(&state, .tab, .tab)
        _ = press(&state, .backspace)
        type(&state, "5")
        _ = press(&state, .tab, .tab)
        for _ in 0..<10 { _ = press(&state, .backspace) }
        type(&state, "1.1.2020")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.logForm.errors == [.followUp: .errorFollowUpPast])
        for _ in 0..<8 { _ = press(&state, .backspace) }
        type(&state, "+3d")
        let effects = press(&state, .enter)
        guard case .logInteraction(let draft) = effects.first else {
            Issue.record("not saved: \(effects)")
            return
        }
        #expect(draft.nps == 1)
        #expect(draft.csat == 5)
        #expect(draft.followUp == Fixtures.day("2025-07-03"))
    }

    @Test("Ctrl-C on a typed form asks like Esc (n keeps the text, a second Ctrl-C quits); empty: quits")
    func interrupt() {
        var state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "Grüße")
        _ = press(&state, .control("c"))
        #expect(state.exitCode == nil)
        #expect(state.confirm == ConfirmPrompt(question: .confirmDiscardLog, action: .discardLogForm))
        _ = press(&state, .character("n"))
        #expect(state.logForm.values.note.text == "Grüße")
        // Asked and pressed again: the user means it.
        _ = press(&state, .control("c"), .control("c"))
        #expect(state.exitCode == 130)

        state = opened()
        let effects = press(&state, .control("c"))
        #expect(state.exitCode == 130)
        #expect(effects == [.quit(code: 130)])
    }

    @Test("Esc and a key typed at once (Alt-key to the terminal) act as both keys; Esc's question waits")
    func escapeThenKeyAtOnce() {
        // Untouched form: Esc closes it, and q goes back from the list to the overview.
        var state = opened()
        _ = press(&state, .alt("q"))
        #expect(state.screen == .overview)

        // Typed form: Esc asks; the y that came with it does not answer the question.
        state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "Rückruf")
        _ = press(&state, .alt("y"))
        #expect(state.confirm == ConfirmPrompt(question: .confirmDiscardLog, action: .discardLogForm))
        #expect(state.screen == .logForm)
        #expect(state.logForm.values.note.text == "Rückruf")
        _ = press(&state, .character("y"))
        #expect(state.screen == .list)
    }

    @Test("At the discard question j is yes (ja) in German only; in English it keeps the form")
    func jMeansYesInGermanOnly() {
        var state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "Rückruf")
        _ = press(&state, .escape, .character("j"))
        #expect(state.confirm == ConfirmPrompt(question: .confirmDiscardLog, action: .discardLogForm))
        #expect(state.screen == .logForm)
        #expect(state.logForm.values.note.text == "Rückruf")

        var german = opened(language: .de)
        _ = press(&german, .tab, .tab, .tab, .tab)
        type(&german, "Rückruf")
        _ = press(&german, .escape, .character("j"))
        #expect(german.confirm == nil)
        #expect(german.screen == .list)
    }

    @Test("Esc on an untouched form closes it; on a typed one it asks, n keeps, y discards")
    func cancel() {
        var state = opened()
        _ = press(&state, .escape)
        #expect(state.screen == .list)

        state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "Rückruf")
        _ = press(&state, .escape)
        #expect(state.confirm == ConfirmPrompt(question: .confirmDiscardLog, action: .discardLogForm))
        #expect(state.screen == .logForm)
        // Enter is "no": a stray Enter throws nothing away.
        _ = press(&state, .enter)
        #expect(state.confirm == nil)
        #expect(state.logForm.values.note.text == "Rückruf")
        _ = press(&state, .escape, .character("x"), .character("n"))
        #expect(state.confirm == nil)
        #expect(state.screen == .logForm)
        let effects = press(&state, .escape, .character("y"))
        #expect(effects.isEmpty)
        #expect(state.screen == .list)
        #expect(state.status == StatusMessage("Discarded; nothing was saved"))
    }

    @Test("Saved: the form closes, the status says so, detail and visible rows are read again")
    func savedAndUndone() {
        var state = Fixtures.listState(rows: 24)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        _ = press(&state, .character("l"), .control("s"))
        let logged = LoggedInteraction(
            id: 77, customerID: 1, customerName: "Jürgen Müller", channel: .call, createdAt: 1_750_000_000)
        let effects = Dashboard.update(&state, .interactionLogged(logged, rescore: .rescored))
        #expect(state.screen == .detail)
        #expect(state.status == StatusMessage("Logged call with Jürgen Müller — u to undo"))
        #expect(state.undoStack == [.interaction(logged)])
        #expect(effects.first == .loadDetail(id: 1))
        let refresh = effects.compactMap { effect -> ListPageRequest? in
            if case .loadListPage(let request) = effect { return request }
            return nil
        }
        #expect(refresh.map(\.purpose) == [.refresh])
        #expect(refresh.first?.position == .first)

        // The refreshed page replaces the rows; the selection stays on the same customer.
        var changed = Fixtures.rows
        changed.swapAt(0, 1)
        changed[1].churnRisk = 0.5
        if let request = refresh.first {
            _ = Dashboard.update(
                &state, .listPageLoaded(request, CustomerListPage(rows: changed, hasMore: false)))
        }
        #expect(state.list.rows == changed)
        #expect(state.list.selectedRow?.id == 1)

        let undo = press(&state, .character("u"))
        #expect(undo == [.undoInteraction(logged)])
        #expect(state.undoStack.isEmpty)
        _ = Dashboard.update(&state, .interactionUndone(logged, rescore: .rescored))
        #expect(state.status == StatusMessage("Undone: call with Jürgen Müller removed"))
        _ = press(&state, .character("u"))
        #expect(state.status == StatusMessage("Nothing to undo in this session"))
    }

    @Test("A refresh further down the list rereads from the first visible row; the window starts there")
    func refreshBelowTheTop() {
        var state = Fixtures.state(rows: 12, screen: .list)
        _ = Dashboard.update(&state, .key(.character("2")))
        let rows = (1...30).map { Fixtures.row(Int64($0), "Customer \($0)", risk: 1 - Double($0) / 100) }
        let page = ListPageRequest(
            generation: state.list.generation, query: state.list.query, position: .first, limit: 25,
            purpose: .replace)
        _ = Dashboard.update(&state, .listPageLoaded(page, CustomerListPage(rows: rows, hasMore: false)))
        for _ in 0..<10 { _ = Dashboard.update(&state, .key(.character("j"))) }
        #expect(state.list.scrollTop > 0)
        let top = state.list.scrollTop
        let effects =
            LogFormScreen.open(&state, customerID: 11, name: "Customer 11")
            + Dashboard.update(
                &state,
                .interactionLogged(
                    LoggedInteraction(
                        id: 1, customerID: 11, customerName: "Customer 11", channel: .call, createdAt: 0),
                    rescore: .rescored))
        guard case .loadListPage(let request) = effects.first else {
            Issue.record("no refresh: \(effects)")
            return
        }
        #expect(request.position == .after(rows[top - 1].cursor))
        // Customer 11 is riskier now and moved up out of the refreshed part; the rest follows.
        let reread = Array(rows[top...].filter { $0.id != 11 })
        _ = Dashboard.update(&state, .listPageLoaded(request, CustomerListPage(rows: reread, hasMore: false)))
        #expect(state.list.rows.map(\.id) == reread.map(\.id))
        // Customer 11 left the reread part: the selection stays at its place on the screen.
        #expect(state.list.scrollTop == 0)
        #expect(state.list.selected == 10 - top)
    }

    @Test("A saved resolution says how many open complaints it closed; undo says they are open again")
    func closedComplaintsInTheStatus() {
        var state = Fixtures.listState(rows: 24)
        let logged = LoggedInteraction(
            id: 9, customerID: 2, customerName: "Jürgen Müller", channel: .call, createdAt: 1,
            closedComplaintIDs: [4, 7])
        _ = Dashboard.update(&state, .interactionLogged(logged, rescore: .rescored))
        #expect(
            state.status
                == StatusMessage("Logged call with Jürgen Müller · closed 2 open complaints — u to undo"))
        // The ids travel with the undo entry, so the store reopens exactly those.
        #expect(press(&state, .character("u")) == [.undoInteraction(logged)])
        _ = Dashboard.update(&state, .interactionUndone(logged, rescore: .rescored))
        #expect(
            state.status == StatusMessage("Undone: call with Jürgen Müller removed · 2 complaints open again")
        )

        var one = logged
        one.closedComplaintIDs = [4]
        _ = Dashboard.update(&state, .interactionLogged(one, rescore: .rescored))
        #expect(
            state.status
                == StatusMessage("Logged call with Jürgen Müller · closed 1 open complaint — u to undo"))
        state.catalog = Catalog(language: .de)
        _ = Dashboard.update(&state, .interactionLogged(one, rescore: .rescored))
        #expect(state.status?.text.contains("1 offene Beschwerde geschlossen") == true)
    }

    @Test("Undo is safe: a row already gone is reported, a failed undo stays on the stack")
    func undoFailures() {
        var state = Fixtures.listState(rows: 24)
        let logged = LoggedInteraction(
            id: 5, customerID: 2, customerName: "山田太郎", channel: .email, createdAt: 1)
        state.undoStack = [.interaction(logged)]
        _ = press(&state, .character("u"))
        _ = Dashboard.update(&state, .undoFailed(logged, .alreadyGone))
        #expect(state.undoStack.isEmpty)
        #expect(
            state.status
                == StatusMessage("The email with 山田太郎 is already gone; nothing changed", isError: true))
        state.undoStack = [.interaction(logged)]
        _ = press(&state, .character("u"))
        _ = Dashboard.update(&state, .undoFailed(logged, .failed("database is locked")))
        #expect(state.undoStack == [.interaction(logged)])
        #expect(state.status?.isError == true)
    }

    @Test("A failed save keeps the form open with everything typed")
    func saveFails() {
        var state = opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "wichtig")
        _ = press(&state, .control("s"))
        _ = Dashboard.update(&state, .logFailed("database is locked"))
        #expect(state.screen == .logForm)
        #expect(!state.logForm.saving)
        #expect(state.logForm.values.note.text == "wichtig")
        #expect(state.status == StatusMessage("Not saved: database is locked", isError: true))
    }

    @Test("Ctrl-E in the note asks for the editor with the note; its text replaces the note")
    func editor() {
        var state = opened()
        _ = press(&state, .control("e"))
        #expect(state.status == StatusMessage("ctrl-e opens the editor from the note field"))
        _ = press(&state, .tab, .tab, .tab, .tab)
        type(&state, "kurz")
        #expect(press(&state, .control("e")) == [.editNote("kurz")])
        _ = Dashboard.update(&state, .noteEdited("lang\nund länger"))
        #expect(state.logForm.values.note.text == "lang\nund länger")
        _ = Dashboard.update(&state, .noteEditFailed(.exitStatus(command: "false", status: 1)))
        #expect(state.logForm.values.note.text == "lang\nund länger")
        #expect(state.status?.isError == true)
    }
}

/// The form drawn: over the list, in both languages, with a message at a wrong field, and the
/// question before discarding.
@Suite("Log form snapshots")
struct LogFormSnapshotTests {
    private func form(language: Language = .en, rows: Int = 24) -> AppState {
        var state = Fixtures.listState(columns: 80, rows: rows, language: language)
        for key: KeyEvent in [.character("l"), .tab, .tab, .tab, .character("r"), .tab] {
            _ = Dashboard.update(&state, .key(key))
        }
        for character in "Grüße aus Köln — 東京" { _ = Dashboard.update(&state, .key(.character(character))) }
        _ = Dashboard.update(&state, .key(.enter))
        for character in "zweite Zeile" { _ = Dashboard.update(&state, .key(.character(character))) }
        _ = Dashboard.update(&state, .key(.tab))
        for character in "12" { _ = Dashboard.update(&state, .key(.character(character))) }
        _ = Dashboard.update(&state, .key(.tab))
        return state
    }

    @Test("English at 80×24: choices, the wrapped note, an NPS out of range named under its field")
    func english() {
        expectLines(
            DashboardView.render(form()),
            [
                " Clientele › Overview › Customers · sort Risk ▼ › Log interaction    2025-06-30",
                "N┌─ Log interaction · Jürgen Müller ──────────────────────────────────────────┐",
                "J│  Channel         call                                                      │d",
                " │  Direction       outbound (we contacted them)                              │d",
                "Z│  Kind            sales                                                     │",
                "E│  Outcome         reached                                                   │d",
                " │  Note                                                                      │",
                " │   Grüße aus Köln — 東京                                                    │",
                " │   zweite Zeile                                                             │",
                " │                                                                            │",
                " │                                                                            │",
                " │                                                                            │",
                " │                                                                            │",
                " │  NPS             12                                                        │",
                " │                  ⚠ NPS must be a whole number from 0 to 10                 │",
                " │▸ NPS type      ◂ transactional (about this contact) ▸  ←/→ or first letter │",
                " │  CSAT            1–5, empty: none                                          │",
                " │  CES             1–7 (7 = very easy), empty: none                          │",
                " │  Follow-up       e.g. +3d, tomorrow, next monday, 2025-07-07               │",
                " └────────────────────────────────────────────────────────────────────────────┘",
                "",
                "",
                "",
                " f1 help · esc cancel · tab/shift-tab field · ctrl-s save · ctrl-e editor",
            ])
    }

    @Test("German at 80×24: labels, choices and the message in German")
    func german() {
        expectLines(
            DashboardView.render(form(language: .de)),
            [
                " Clientele › Übersicht › Kunden · Sortierung Risiko ▼ › Kontakt erfa 30.06.2025",
                "N┌─ Kontakt erfassen · Jürgen Müller ─────────────────────────────────────────┐",
                "J│  Kanal           Anruf                                                     │…",
                " │  Richtung        ausgehend (wir meldeten uns)                              │…",
                "Z│  Anlass          Verkauf                                                   │",
                "E│  Ergebnis        Rückruf                                                   │…",
                " │  Notiz                                                                     │",
                " │   Grüße aus Köln — 東京                                                    │",
                " │   zweite Zeile                                                             │",
                " │                                                                            │",
                " │                                                                            │",
                " │                                                                            │",
                " │                                                                            │",
                " │  NPS             12                                                        │",
                " │                  ⚠ NPS muss eine ganze Zahl von 0 bis 10 sein              │",
                " │▸ NPS-Art       ◂ transaktional (zu diesem Kontakt) ▸  ←/→ oder Anfangsbuchs│",
                " │  CSAT            1–5, leer: keine Angabe                                   │",
                " │  CES             1–7 (7 = sehr leicht), leer: keine Angabe                 │",
                " │  Wiedervorlage   z. B. +3T, morgen, Montag, 07.07.2025                     │",
                " └────────────────────────────────────────────────────────────────────────────┘",
                "",
                "",
                "",
                " f1 Hilfe · esc abbrechen · tab/shift-tab Feld · ctrl-s speichern",
            ])
    }

    @Test("Esc on a typed form: the question over the form, answers in the status bar")
    func confirm() {
        var state = form(rows: 16)
        _ = Dashboard.update(&state, .key(.escape))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Customers · sort Risk ▼ › Log interaction    2025-06-30",
                "N┌─ Log interaction · Jürgen Müller ──────────────────────────────────────────┐",
                "J│  Channel         call                                                      │d",
                " │  Direction       outbound (we contacted them)                              │d",
                "Z│  Kind            sales                                                     │",
                "E│  Outcome         reached                                                   │d",
                " │  Note        ┌─────────────────────────────────────────────┐               │",
                " │   Grüße aus K│  Discard what you typed? Nothing is saved.  │               │",
                " │   zweite Zeil│  y: yes, discard · n: no, keep editing      │               │",
                " │  NPS         └─────────────────────────────────────────────┘               │",
                " │                  ⚠ NPS must be a whole number from 0 to 10                 │",
                " │▸ NPS type      ◂ transactional (about this contact) ▸  ←/→ or first letter │",
                " │  CSAT            1–5, empty: none                                          │",
                " │  CES             1–7 (7 = very easy), empty: none                          │",
                " └────────────────────────────────────────────────────────────────────────────┘",
                " Discard what you typed? Nothing is saved. y: yes, discard · n: no, keep editing",
            ])
    }
}
