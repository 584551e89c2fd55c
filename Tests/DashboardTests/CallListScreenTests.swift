import Dashboard
import Scoring
import Testing

extension Fixtures {
    static func entry(
        _ id: Int64, _ name: String, company: String? = nil, phone: String? = "+49 221 1234",
        action: ActionKind = .followUp, detail: Int? = -2, due: String = "2025-06-28",
        reason: RiskReason? = .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30),
        touch: String? = "2025-06-18",
        risk: Double = 0.5, band: RiskBand = .medium
    ) -> CallListEntry {
        CallListEntry(
            rank: Int(id), customerID: id, externalID: "K-\(id)", name: name, company: company, phone: phone,
            email: nil, owner: "Anna Schröder", segment: .atRisk, risk: risk, band: band,
            valueAtStakeMinor: 125_000,
            action: SuggestedAction(kind: action, ruleID: "r", due: day(due), priority: 1, detail: detail),
            topReason: reason, due: day(due), lastTouch: touch.map(day))
    }

    static let entries: [CallListEntry] = [
        // As the engine writes an overdue follow-up: suggested for the scoring day (today),
        // its detail the days the promise is late.
        entry(
            11, "Jürgen Müller", company: "Bäckerei Schäfer GmbH", due: "2025-06-30",
            reason: .detractor(score: 4, daysAgo: 12, type: .transactional)),
        entry(
            12, "山田太郎", company: "東京精密", phone: "+81 3 1234", action: .resolveComplaint, detail: 3,
            due: "2025-06-30", reason: .openComplaints(count: 1, oldestDays: 3), risk: 0.7, band: .high),
        entry(
            13, "Evil\u{1B}[31mRed", phone: "0221\u{1B}]0;x\u{7} 98765", action: .crossSell, detail: nil,
            due: "2025-06-30", reason: nil, touch: nil, risk: 0.1, band: .low),
    ]

    /// The call list open with ``entries`` loaded.
    static func callsState(columns: Int = 100, rows: Int = 12, language: Language = .en) -> AppState {
        var state = state(columns: columns, rows: rows, language: language)
        _ = Dashboard.update(&state, .key(.character("3")))
        _ = Dashboard.update(
            &state,
            .callListLoaded(generation: state.calls.generation, entries: entries, total: entries.count))
        return state
    }
}

/// The call list screen and its call session: keys in, effects out, and the frames they draw.
@Suite("Call list screen")
struct CallListScreenTests {
    private func press(_ state: inout AppState, _ keys: String) -> [Effect] {
        keys.flatMap { Dashboard.update(&state, .key(.character($0))) }
    }

    @Test("3 and :calls open today's list; it asks the store for the first rows with the filter")
    func opens() {
        var state = Fixtures.state()
        let effects = Dashboard.update(&state, .key(.character("3")))
        #expect(state.screen == .calls)
        #expect(
            effects == [.loadCallList(generation: 1, filter: CallListFilter(limit: CallsState.loadLimit))])
        var other = Fixtures.state()
        _ = Dashboard.update(&other, .key(.character(":")))
        _ = press(&other, "calls")
        #expect(Dashboard.update(&other, .key(.enter)).count == 1)
        #expect(other.stack == [.overview, .calls])
        // An answer for an older query is dropped.
        _ = Dashboard.update(&state, .key(.character("F")))
        _ = Dashboard.update(&state, .callListLoaded(generation: 1, entries: Fixtures.entries, total: 3))
        #expect(state.calls.entries.isEmpty)
        #expect(!state.calls.loaded)
    }

    @Test("d, x, z, Z ask the store; the row goes only when the store has the mark")
    func marks() {
        var state = Fixtures.callsState()
        #expect(press(&state, "d") == [.markCallList(customerID: 11, mark: .done, until: nil)])
        #expect(state.calls.entries.count == 3)
        let done = CallListState(
            customerID: 11, mark: .done, markedOn: Fixtures.today, hiddenUntil: Fixtures.day("2025-07-01"))
        _ = Dashboard.update(&state, .callListMarked(MarkedEntry(made: done, previous: nil)))
        #expect(state.calls.entries.map(\.customerID) == [12, 13])
        #expect(state.calls.total == 2)
        #expect(state.status?.text == "Jürgen Müller: done for today — u to undo")
        #expect(press(&state, "x") == [.markCallList(customerID: 12, mark: .skipped, until: nil)])
        #expect(
            press(&state, "z") == [
                .markCallList(customerID: 12, mark: .snoozed, until: Fixtures.day("2025-07-01"))
            ])
        #expect(
            press(&state, "Z") == [
                .markCallList(customerID: 12, mark: .snoozed, until: Fixtures.day("2025-07-07"))
            ])
        // A failed write leaves the list as it was and says why.
        _ = Dashboard.update(&state, .failed("the store is busy"))
        #expect(state.calls.entries.count == 2)
        #expect(state.status?.isError == true)
        // l stays free for the log form.
        #expect(press(&state, "l").isEmpty)
    }

    @Test("u takes a mark back: the store puts the earlier state back and the list is read again")
    func undoMark() {
        var state = Fixtures.callsState()
        _ = press(&state, "Z")
        let snoozed = CallListState(
            customerID: 11, mark: .snoozed, markedOn: Fixtures.today, hiddenUntil: Fixtures.day("2025-07-07"))
        _ = Dashboard.update(&state, .callListMarked(MarkedEntry(made: snoozed, previous: nil)))
        let entry = MarkedEntry(made: snoozed, previous: nil, name: "Jürgen Müller")
        #expect(state.undoStack == [.mark(entry)])
        #expect(press(&state, "u") == [.undoMark(entry)])
        #expect(state.undoStack.isEmpty)
        let effects = Dashboard.update(&state, .markUndone(entry, restored: true))
        #expect(state.status?.text == "Undone: Jürgen Müller is back on the call list (was snoozed)")
        #expect(effects.contains { if case .loadCallList = $0 { true } else { false } })
        #expect(state.calls.selectOnLoad == 11, "the customer brought back is selected when the list arrives")
        // Changed since (marked again elsewhere): nothing undone, and it says so.
        _ = Dashboard.update(&state, .markUndone(entry, restored: false))
        #expect(state.status?.isError == true)
        #expect(
            state.status?.text.hasPrefix("Not undone: Jürgen Müller's call-list mark has changed since")
                == true)
    }

    @Test("t asks for a date: a bad or past date is refused in words, a good one snoozes until it")
    func typedSnooze() {
        var state = Fixtures.callsState()
        _ = press(&state, "jt")
        #expect(state.mode == .prompt(Prompt(purpose: .snoozeUntil(customerID: 12), text: "")))
        _ = press(&state, "bogus")
        #expect(Dashboard.update(&state, .key(.enter)).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.hasPrefix("not a date") == true)
        _ = press(&state, "t")
        _ = press(&state, "today")
        #expect(Dashboard.update(&state, .key(.enter)).isEmpty)
        // The date in the message is the one typed, named as such (not mistaken for today's).
        #expect(state.status?.text.hasPrefix("a snooze must end after today; the date typed was ") == true)
        _ = press(&state, "t")
        _ = press(&state, "14.07.")
        #expect(
            Dashboard.update(&state, .key(.enter))
                == [.markCallList(customerID: 12, mark: .snoozed, until: Fixtures.day("2025-07-14"))])
        // Esc cancels without a word.
        _ = press(&state, "t+3d")
        #expect(Dashboard.update(&state, .key(.escape)).isEmpty)
        #expect(state.mode == .normal)
    }

    @Test("e offers calllist-DAY.csv; Enter exports the whole filtered list in the screen's language")
    func export() {
        var state = Fixtures.callsState(language: .de)
        _ = Dashboard.update(&state, .key(.character(":")))
        _ = press(&state, "filter band high")
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.calls.filter == CallListFilter(band: .high))
        _ = press(&state, "e")
        #expect(state.mode == .prompt(Prompt(purpose: .callListExport, text: "calllist-2025-06-30.csv")))
        #expect(
            Dashboard.update(&state, .key(.enter))
                == [
                    .exportCallList(
                        filter: CallListFilter(band: .high), path: "calllist-2025-06-30.csv", language: .de)
                ])
        _ = Dashboard.update(&state, .callListExported(path: "/tmp/x.csv", rows: 1_234))
        #expect(state.status?.text == "1.234 Zeilen exportiert nach /tmp/x.csv")
    }

    @Test("Filters by owner, segment and band; other list filters are refused in words")
    func filters() {
        var state = Fixtures.callsState()
        _ = Dashboard.update(&state, .key(.character("f")))
        _ = press(&state, "owner Anna Schröder")
        let effects = Dashboard.update(&state, .key(.enter))
        #expect(
            effects == [
                .loadCallList(
                    generation: state.calls.generation,
                    filter: CallListFilter(owner: "Anna Schröder", limit: CallsState.loadLimit))
            ])
        _ = Dashboard.update(&state, .key(.character(":")))
        _ = press(&state, "filter segment lost")
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.calls.filter == CallListFilter(owner: "Anna Schröder", segment: .lost))
        _ = Dashboard.update(&state, .key(.character(":")))
        _ = press(&state, "filter tier A")
        #expect(Dashboard.update(&state, .key(.enter)).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.calls.filter.owner == "Anna Schröder")
        // The customer list's filter is untouched.
        #expect(state.list.query.filter == ListFilter())
    }

    @Test("An owner nobody has is not kept as the call list's filter: the one from before comes back")
    func unknownOwnerRestores() {
        var state = Fixtures.callsState()
        _ = Dashboard.update(&state, .key(.character(":")))
        _ = press(&state, "filter segment lost")
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .key(.character(":")))
        _ = press(&state, "filter owner Nobody")
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.calls.filter == CallListFilter(owner: "Nobody", segment: .lost))
        let effects = Dashboard.update(&state, .ownerNotFound(owner: "Nobody", owners: ["Anna Schröder"]))
        #expect(state.calls.filter == CallListFilter(segment: .lost))
        #expect(
            effects == [
                .loadCallList(
                    generation: state.calls.generation,
                    filter: CallListFilter(segment: .lost, limit: CallsState.loadLimit))
            ])
        #expect(state.status?.text.hasPrefix("no customer has the owner \"Nobody\"") == true)
    }

    @Test("Session: an outcome key logs once, the row goes, the next customer follows; Esc leaves")
    func session() {
        var state = Fixtures.callsState()
        #expect(press(&state, "s") == [.loadDetail(id: 11)])
        #expect(state.calls.session?.customerID == 11)
        _ = Dashboard.update(&state, .detailLoaded(id: 99, Fixtures.detail))
        #expect(state.calls.session?.detail == nil, "a detail of another customer is not this one's")
        _ = Dashboard.update(&state, .detailLoaded(id: 11, Fixtures.detail))
        #expect(state.calls.session?.detail != nil)
        let effects = press(&state, "n")
        let request = CallOutcomeRequest(
            customerID: 11, name: "Jürgen Müller", outcome: .noAnswer, kind: .other,
            followUp: Fixtures.day("2025-07-02"), today: Fixtures.today)
        #expect(effects == [.logCall(request)])
        #expect(press(&state, "n").isEmpty, "no second call while the first is saved")
        #expect(press(&state, "d").isEmpty, "list keys do nothing in a session")
        let logged = LoggedInteraction(
            id: 501, customerID: 11, customerName: "Jürgen Müller", channel: .call, createdAt: 1,
            markedDoneOn: Fixtures.today)
        #expect(Dashboard.update(&state, .callLogged(request, logged)) == [.loadDetail(id: 12)])
        #expect(state.undoStack == [.interaction(logged)], "u takes a session call back like any logged call")
        #expect(state.calls.entries.map(\.customerID) == [12, 13])
        #expect(state.calls.session?.customerID == 12)
        #expect(state.calls.session?.logged == 1)
        #expect(state.status?.text == "Jürgen Müller: no answer logged · next call 2025-07-02")
        let complaint = press(&state, "b")
        #expect(
            complaint == [
                .logCall(
                    CallOutcomeRequest(
                        customerID: 12, name: "山田太郎", outcome: .callBack, kind: .service,
                        followUp: Fixtures.day("2025-07-01"), today: Fixtures.today))
            ])
        _ = Dashboard.update(&state, .failed("disk full"))
        #expect(state.calls.session?.saving == false, "a failed save can be tried again")
        #expect(Dashboard.update(&state, .key(.character(" "))) == [.loadDetail(id: 13)])
        #expect(Dashboard.update(&state, .key(.escape)).isEmpty)
        #expect(state.calls.session == nil)
        #expect(state.screen == .calls)
    }

    @Test("Session: u takes the last call back; the customer is due again and the session returns to them")
    func sessionUndo() {
        var state = Fixtures.callsState()
        _ = press(&state, "s")
        _ = Dashboard.update(&state, .detailLoaded(id: 11, Fixtures.detail))
        let request = CallOutcomeRequest(
            customerID: 11, name: "Jürgen Müller", outcome: .noAnswer, kind: .other,
            followUp: Fixtures.day("2025-07-02"), today: Fixtures.today)
        #expect(press(&state, "n") == [.logCall(request)])
        #expect(press(&state, "u").isEmpty, "u waits while the call is saved")
        #expect(state.calls.session != nil)
        let logged = LoggedInteraction(
            id: 501, customerID: 11, customerName: "Jürgen Müller", channel: .call, createdAt: 1,
            markedDoneOn: Fixtures.today)
        _ = Dashboard.update(&state, .callLogged(request, logged))
        #expect(state.calls.session?.customerID == 12)
        // u in the session: the same undo as on the call list, the session stays.
        #expect(press(&state, "u") == [.undoInteraction(logged)])
        #expect(state.undoStack.isEmpty)
        #expect(state.status?.text == "undoing…")
        #expect(state.calls.session?.customerID == 12)
        let effects = Dashboard.update(&state, .interactionUndone(logged, rescore: .rescored))
        #expect(state.status?.text == "Undone: call with Jürgen Müller removed")
        let generation = state.calls.generation
        #expect(effects.contains(.loadCallList(generation: generation, filter: CallListFilter(limit: 1_000))))
        #expect(state.calls.session?.logged == 0)
        // The reloaded list has the customer again: the session goes back to them.
        #expect(
            Dashboard.update(
                &state, .callListLoaded(generation: generation, entries: Fixtures.entries, total: 3))
                == [.loadDetail(id: 11)])
        #expect(state.calls.selectedEntry?.customerID == 11)
        #expect(state.calls.session?.customerID == 11)
        #expect(state.calls.selectOnLoad == nil)
        // Nothing left to undo: it says so, and the session goes on.
        _ = press(&state, "u")
        #expect(state.status?.text == "Nothing to undo in this session")
        #expect(state.calls.session != nil)
    }

    @Test("Session: l opens the form filled in as the call; saving it marks done and the session goes on")
    func sessionForm() {
        var state = Fixtures.callsState()
        _ = press(&state, "s")
        _ = press(&state, " ")
        #expect(state.calls.session?.customerID == 12)
        // 山田太郎's action is "resolve the open complaint": a service call, as the outcome keys log it.
        #expect(press(&state, "l").isEmpty)
        #expect(state.screen == .logForm)
        #expect(state.logForm.customerID == 12)
        #expect(state.logForm.values.channel == .call)
        #expect(state.logForm.values.direction == .outbound)
        #expect(state.logForm.values.kind == .service)
        #expect(!state.logForm.isDirty, "the filled-in call is where the form starts: Esc asks nothing")
        _ = Dashboard.update(&state, .key(.escape))
        #expect(state.screen == .calls)
        #expect(state.confirm == nil)
        #expect(state.calls.session?.customerID == 12, "Esc goes back to the session, nothing logged")

        _ = press(&state, "l")
        // To the kind, pick complaint, then its status: resolved.
        _ = Dashboard.update(&state, .key(.tab))
        _ = Dashboard.update(&state, .key(.tab))
        #expect(state.logForm.focus == .kind)
        while state.logForm.values.kind != .complaint { _ = Dashboard.update(&state, .key(.right)) }
        _ = Dashboard.update(&state, .key(.tab))
        _ = Dashboard.update(&state, .key(.tab))
        #expect(state.logForm.focus == .complaint)
        _ = Dashboard.update(&state, .key(.right))
        #expect(state.logForm.values.complaint == .resolved)
        #expect(state.logForm.values.direction == .outbound, "a session's call stays outbound as a complaint")
        let effects = Dashboard.update(&state, .key(.control("s")))
        guard case .logInteraction(let draft) = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(draft.customerID == 12)
        #expect(draft.kind == .complaint)
        #expect(draft.complaint == .resolved)
        #expect(draft.markDoneOn == Fixtures.today, "a session call is marked done, as an outcome key does")

        let logged = LoggedInteraction(
            id: 502, customerID: 12, customerName: "山田太郎", channel: .call, createdAt: 1,
            markedDoneOn: Fixtures.today, closedComplaintIDs: [7])
        let after = Dashboard.update(&state, .interactionLogged(logged, rescore: .rescored))
        #expect(state.screen == .calls)
        #expect(state.calls.entries.map(\.customerID) == [11, 13])
        #expect(state.calls.session?.customerID == 13, "the session goes on with the next customer")
        #expect(state.calls.session?.logged == 1)
        #expect(after.contains(.loadDetail(id: 13)))
        #expect(state.undoStack == [.interaction(logged)])
        #expect(
            state.status?.text.contains("closed 1 open complaint") == true,
            "\(String(describing: state.status))")
    }

    @Test("The form opened from the call list (not a session) marks nothing done")
    func listFormMarksNothing() {
        var state = Fixtures.callsState()
        _ = press(&state, "l")
        #expect(state.screen == .logForm)
        #expect(state.logForm.callSessionDay == nil)
        let effects = Dashboard.update(&state, .key(.control("s")))
        guard case .logInteraction(let draft) = effects.first else {
            Issue.record("the form did not save: \(effects)")
            return
        }
        #expect(draft.customerID == 11)
        #expect(draft.markDoneOn == nil)
    }

    @Test("Help in a session lists the session's keys, not the call list's; German names German keys")
    func sessionHelp() {
        var state = Fixtures.callsState(columns: 100, rows: 24)
        _ = press(&state, "s")
        _ = press(&state, "?")
        let screen = DashboardView.render(state).trimmedLines.joined(separator: "\n")
        #expect(screen.contains("  r                      log the call: reached"), "\(screen)")
        #expect(
            screen.contains(
                "  l                      log form for this call: a note, an NPS, a complaint resolved"))
        #expect(screen.contains("  esc, q                 leave the session"))
        #expect(
            !screen.contains("snooze until") && !screen.contains("snooze for"),
            "call list keys do nothing in a session:\n\(screen)")

        var german = Fixtures.callsState(columns: 100, rows: 24, language: .de)
        _ = press(&german, "s")
        _ = press(&german, "?")
        let deScreen = DashboardView.render(german).trimmedLines.joined(separator: "\n")
        #expect(deScreen.contains("Leertaste, →, j, ↓"), "\(deScreen)")
        #expect(deScreen.contains("Esc, q"))
        #expect(!deScreen.contains("space"))
        var list = Fixtures.state(columns: 100, rows: 40, language: .de)
        _ = Dashboard.update(&list, .key(.character("2")))
        _ = Dashboard.update(&list, .key(.character("?")))
        let listHelp = DashboardView.render(list).trimmedLines.joined(separator: "\n")
        #expect(listHelp.contains("Bild↓"), "\(listHelp)")
        #expect(!listHelp.contains("pgdown"))
    }

    @Test("Not interested and reached schedule nothing; voicemail retries in two days")
    func outcomes() {
        #expect(CallOutcome.notInterested.followUp(today: Fixtures.today) == nil)
        #expect(CallOutcome.reached.followUp(today: Fixtures.today) == nil)
        #expect(CallOutcome.voicemail.followUp(today: Fixtures.today) == Fixtures.day("2025-07-02"))
        #expect(CallOutcome.callBack.followUp(today: Fixtures.today) == Fixtures.day("2025-07-01"))
        #expect(Set(CallOutcome.allCases.map(\.key)).count == 5)
    }

    @Test("An overdue follow-up shows how late the promise is, counting the days since the scoring")
    func overdueFollowUps() {
        var state = Fixtures.state(columns: 100, rows: 12)
        _ = Dashboard.update(&state, .key(.character("3")))
        // Scored today, promised 2 days ago; scored two days ago (2025-06-28), promised 2 days
        // before that; a complaint due today is not late.
        let entries = [
            Fixtures.entry(21, "Heute", due: "2025-06-30"),
            Fixtures.entry(22, "Vorgestern", due: "2025-06-28"),
            Fixtures.entry(23, "Beschwerde", action: .resolveComplaint, detail: 3, due: "2025-06-30"),
        ]
        _ = Dashboard.update(
            &state, .callListLoaded(generation: state.calls.generation, entries: entries, total: 3))
        let lines = DashboardView.render(state).lines
        #expect(lines.contains { $0.contains("Heute") && $0.hasSuffix("follow up · 2 d late") })
        #expect(lines.contains { $0.contains("Vorgestern") && $0.hasSuffix("follow up · 4 d late") })
        #expect(
            lines.contains {
                $0.contains("Beschwerde") && $0.contains("resolve complaint") && !$0.contains("late")
            })
    }

    @Test("The call list at 100×12: rank, name, reason, phone, last touch, action; data sanitised")
    func list100X12() {
        expectLines(
            DashboardView.render(Fixtures.callsState()),
            [
                " Clientele › Overview › Calls                                                            2025-06-30",
                "   # Name                        Why                    Phone             Touch Suggested action",
                "   1 Jürgen Müller · Bäckerei…   detractor, NPS 4, 12 … +49 221 1234       12 d follow up · 2 d late",
                "   2 山田太郎 · 東京精密         an open complaint, 3 … +81 3 1234         12 d resolve complaint…",
                "   3 EvilRed                     –                      0221 98765            – cross-sell · today",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? help · q back · enter open · s session · d done · x skip · z/Z/t snooze · e export      1/3 rows",
            ])
    }

    @Test("The call list at 80×12 in German")
    func list80X12De() {
        expectLines(
            DashboardView.render(Fixtures.callsState(columns: 80, language: .de)),
            [
                " Clientele › Übersicht › Anrufe                                      30.06.2025",
                "Name                   Warum            Telefon         Kontakt Vorgeschlagener…",
                "Jürgen Müller · Bäcke… Kritiker, NPS 4… +49 221 1234       12 T nachfassen · 2 …",
                "山田太郎 · 東京精密    eine offene Bes… +81 3 1234         12 T Beschwerde löse…",
                "EvilRed                –                0221 98765            – Zusatzangebot…",
                "",
                "",
                "",
                "",
                "",
                "",
                " ? Hilfe · q zurück · enter öffnen · s Sitzung · d erledigt          1/3 Zeilen",
            ])
    }

    @Test("The session at 80×24: the number boxed, why, what, last touch, recent notes, outcome keys")
    func session80X24() {
        var state = Fixtures.callsState(columns: 80, rows: 24)
        _ = press(&state, "s")
        var detail = Fixtures.detail
        detail.id = 11
        _ = Dashboard.update(&state, .detailLoaded(id: 11, detail))
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Calls                                        2025-06-30",
                " Call 1 of 3",
                "",
                "  Jürgen Müller",
                "  Bäckerei Schäfer GmbH",
                "",
                "  ┌────────────────┐",
                "  │  +49 221 1234  │",
                "  └────────────────┘",
                "",
                "  Why             detractor, NPS 4, 12 days ago",
                "  Action          follow up as agreed (2 days overdue)",
                "  Last touch      12 d (2025-06-18)",
                "  Churn risk      50% medium · At stake €1,250.00",
                "",
                "  Recent notes",
                "  2025-06-20  call · sales · reached",
                "              Angebot besprochen Rückruf",
                "",
                "",
                "",
                " r reached · v voicemail · n no answer · b call back · i not interested",
                " space next · ← back · l form · u undo · esc leave",
                " call session: one customer at a time                                  1/3 rows",
            ])
    }

    @Test("The session at 50×12: the keys flow onto more lines instead of losing the last outcomes")
    func session50X12() {
        var state = Fixtures.callsState(columns: 50, rows: 12)
        _ = press(&state, "s")
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Overview › Calls          2025-06-30",
                " Call 1 of 3",
                "",
                "  Jürgen Müller",
                "  Bäckerei Schäfer GmbH",
                "",
                "  ┌────────────────┐",
                "  │  +49 221 1234  │",
                " r reached · v voicemail · n no answer",
                " b call back · i not interested",
                " space next · ← back · l form · u undo · esc leave",
                " call session: one customer at a time    1/3 rows",
            ])
    }

    @Test("The session counts a follow-up's lateness to today, as the lists do")
    func sessionLatenessToday() {
        var state = Fixtures.callsState(columns: 80, rows: 24)
        // Scored on 2025-06-30 with the promise 2 days late; opened three days later.
        state.today = Fixtures.day("2025-07-03")
        _ = press(&state, "s")
        let screen = DashboardView.render(state).trimmedLines
        #expect(screen.contains("  Action          follow up as agreed (5 days overdue)"), "\(screen)")
    }

    @Test("The session at 80×24 in German")
    func session80X24De() {
        var state = Fixtures.callsState(columns: 80, rows: 24, language: .de)
        _ = press(&state, "s")
        expectLines(
            DashboardView.render(state),
            [
                " Clientele › Übersicht › Anrufe                                      30.06.2025",
                " Anruf 1 von 3",
                "",
                "  Jürgen Müller",
                "  Bäckerei Schäfer GmbH",
                "",
                "  ┌────────────────┐",
                "  │  +49 221 1234  │",
                "  └────────────────┘",
                "",
                "  Warum           Kritiker, NPS 4, vor 12 Tagen",
                "  Schritt         wie vereinbart nachfassen (seit 2 Tagen überfällig)",
                "  Letzter Kontakt 12 T (18.06.2025)",
                "  Risiko          50 % mittel · Wert im Risiko 1.250,00 €",
                "",
                "  Letzte Notizen",
                "  lädt…",
                "",
                "",
                "",
                "",
                " r erreicht · v Mailbox · n nicht erreicht · b Rückruf · i kein Interesse",
                " Leertaste weiter · ← zurück · l Formular · u rückgängig · Esc verlassen",
                " Anrufsitzung: ein Kunde nach dem anderen                            1/3 Zeilen",
            ])
    }
}
