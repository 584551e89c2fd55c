import Dashboard
import Scoring
import Testing

/// `update`: keys and effect results in, state and effects out — no terminal, no store.
@Suite("Dashboard update")
struct UpdateTests {
    /// A page of `count` synthetic rows starting at id `from`.
    private func page(from: Int64, count: Int, hasMore: Bool) -> CustomerListPage {
        CustomerListPage(
            rows: (0..<Int64(count)).map { Fixtures.row(from + $0, "Customer \(from + $0)") },
            hasMore: hasMore)
    }

    private func listRequests(_ effects: [Effect]) -> [ListPageRequest] {
        effects.compactMap { effect in
            if case .loadListPage(let request) = effect { return request }
            return nil
        }
    }

    @Test("A filter by an owner nobody has says so and names the owners, in both languages")
    func unknownOwner() {
        var state = Fixtures.state(columns: 120, rows: 20)
        _ = Dashboard.update(&state, .ownerNotFound(owner: "Nobody", owners: ["Anna Schröder", "Jan Weiß"]))
        #expect(state.status?.isError == true)
        #expect(
            state.status?.text
                == "no customer has the owner \"Nobody\" (owners match exactly): Anna Schröder, Jan Weiß")
        var german = Fixtures.state(columns: 120, rows: 20, language: .de)
        _ = Dashboard.update(&german, .ownerNotFound(owner: "Nobody", owners: []))
        #expect(german.status?.text == "kein Kunde hat den Betreuer „Nobody“ (kein Kunde hat einen Betreuer)")
    }

    @Test("Start loads the overview; the first frame does not wait for it")
    func start() {
        var state = Fixtures.state()
        #expect(Dashboard.start(&state) == [.loadOverview])
        #expect(DashboardView.render(state).trimmedLines.contains { $0.contains("…") })
        _ = Dashboard.update(
            &state,
            .overviewLoaded(
                .feedback(
                    Fixtures.figures.feedback
                        ?? .init(
                            promoters: 0, passives: 0, detractors: 0, csatSum: 0, csatCount: 0))))
        #expect(state.overview.figures.feedback != nil)
        #expect(state.overview.figures.headline == nil)
    }

    @Test("Opening the list asks for the first page and a count; pages join the window by keyset")
    func keysetWindow() {
        var state = Fixtures.state(rows: 12)
        let effects = Dashboard.update(&state, .key(.character("c")))
        #expect(state.screen == .list)
        let first = listRequests(effects)
        #expect(first.count == 1)
        #expect(first.first?.position == .first)
        #expect(effects.contains(.countList(generation: state.list.generation, query: state.list.query)))
        guard let request = first.first else { return }

        // The first page arrives; the selection is already within a page of its end, so the
        // next page is asked for at once, after the last row's cursor.
        let more = Dashboard.update(&state, .listPageLoaded(request, page(from: 1, count: 25, hasMore: true)))
        let next = listRequests(more)
        #expect(next.first?.position == .after(state.list.rows[24].cursor))
        #expect(next.first?.purpose == .append)
        // A second press does not ask again while the page is on its way.
        #expect(listRequests(Dashboard.update(&state, .key(.character("j")))).isEmpty)
        guard let append = next.first else { return }
        _ = Dashboard.update(&state, .listPageLoaded(append, page(from: 26, count: 25, hasMore: false)))
        #expect(state.list.rows.count == 50)
        #expect(state.list.hasMoreAfter == false)
        _ = Dashboard.update(&state, .key(.character("G")))
        #expect(state.list.selectedRow?.id == 50)
        #expect(state.list.position == 50)
        _ = Dashboard.update(&state, .key(.control("u")))
        #expect(state.list.position == 46, "half of the 9 visible rows")
        _ = Dashboard.update(&state, .key(.character("g")))
        #expect(state.list.position == 1)
    }

    @Test("End on a long list fetches the last page instead of walking there")
    func jumpToEnd() {
        var state = Fixtures.state(rows: 12)
        let request = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
        _ = Dashboard.update(&state, .listCounted(generation: state.list.generation, count: 1_000_000))
        _ = Dashboard.update(&state, .listPageLoaded(request, page(from: 1, count: 25, hasMore: true)))
        let effects = Dashboard.update(&state, .key(.end))
        let last = listRequests(effects).first { $0.purpose == .replace }
        #expect(last?.position == .last)
        guard let last else { return }
        let arrived = Dashboard.update(
            &state, .listPageLoaded(last, page(from: 999_976, count: 25, hasMore: true)))
        #expect(state.list.selectedRow?.id == 1_000_000)
        #expect(state.list.position == 1_000_000)
        // Within a page of the window's start: the page before it is asked for at once.
        let before = listRequests(arrived)
        #expect(before.first?.position == .before(state.list.rows[0].cursor))
        #expect(before.first?.purpose == .prepend)
    }

    @Test("Enter or l pressed while g's page is on its way acts on the first row, not the old window's")
    func actionWaitsForReplacedWindow() {
        for key in [KeyEvent.enter, .character("l")] {
            var state = Fixtures.state(rows: 12)
            let request = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
            _ = Dashboard.update(&state, .listCounted(generation: state.list.generation, count: 1_000))
            _ = Dashboard.update(&state, .listPageLoaded(request, page(from: 1, count: 25, hasMore: true)))
            guard let last = listRequests(Dashboard.update(&state, .key(.end))).first else { return }
            _ = Dashboard.update(&state, .listPageLoaded(last, page(from: 976, count: 25, hasMore: true)))
            #expect(state.list.selectedRow?.id == 1_000)
            // g asks for the first page; the key comes before that page does.
            guard let first = listRequests(Dashboard.update(&state, .key(.character("g")))).first else {
                Issue.record("g did not ask for the first page")
                return
            }
            #expect(Dashboard.update(&state, .key(key)).isEmpty, "nothing may be opened yet")
            #expect(state.screen == .list)
            let effects = Dashboard.update(
                &state, .listPageLoaded(first, page(from: 1, count: 25, hasMore: true)))
            #expect(state.list.selectedRow?.id == 1)
            if key == .enter {
                #expect(state.screen == .detail)
                #expect(state.detail.customerID == 1)
                #expect(effects.contains(.loadDetail(id: 1)))
            } else {
                #expect(state.screen == .logForm)
                #expect(state.logForm.customerID == 1)
            }
        }
    }

    @Test("Enter right after a search runs on its first match; another key in between drops it")
    func actionAfterSearch() {
        var state = Fixtures.listState()
        _ = Dashboard.update(&state, .key(.character("/")))
        var request: ListPageRequest?
        for character in "uwe" {
            request = listRequests(Dashboard.update(&state, .key(.character(character)))).first
        }
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .key(.enter))
        guard let request else { return }
        _ = Dashboard.update(&state, .listPageLoaded(request, page(from: 7, count: 3, hasMore: false)))
        #expect(state.screen == .detail)
        #expect(state.detail.customerID == 7)

        // Enter, then j before the page: the user went on, nothing opens by itself.
        var moved = Fixtures.listState()
        guard let again = listRequests(Dashboard.update(&moved, .key(.character("s")))).first else { return }
        _ = Dashboard.update(&moved, .key(.enter))
        _ = Dashboard.update(&moved, .key(.character("j")))
        _ = Dashboard.update(&moved, .listPageLoaded(again, page(from: 7, count: 3, hasMore: false)))
        #expect(moved.screen == .list)
    }

    @Test("The window stays bounded however far one scrolls")
    func windowIsBounded() {
        var state = Fixtures.state(rows: 40)
        var pending = listRequests(Dashboard.update(&state, .key(.character("c"))))
        var nextID: Int64 = 1
        for _ in 0..<100 {
            guard let request = pending.first(where: { $0.purpose != .prepend }) else { break }
            pending = listRequests(
                Dashboard.update(
                    &state, .listPageLoaded(request, page(from: nextID, count: 37, hasMore: true))))
            nextID += 37
            while pending.isEmpty, (state.list.selected + 1) < state.list.rows.count {
                pending = listRequests(Dashboard.update(&state, .key(.pageDown)))
            }
            pending += listRequests(Dashboard.update(&state, .key(.pageDown)))
        }
        #expect(state.list.rows.count <= ListState.maximumWindow)
        #expect(state.list.hasMoreBefore)
        #expect((state.list.position ?? 0) > 1_000)
    }

    @Test("Answers for an older query are dropped")
    func staleAnswers() {
        var state = Fixtures.state()
        let old = listRequests(Dashboard.update(&state, .key(.character("c"))))[0]
        _ = Dashboard.update(&state, .key(.character("s")))
        _ = Dashboard.update(&state, .listPageLoaded(old, page(from: 1, count: 5, hasMore: false)))
        #expect(state.list.rows.isEmpty)
        _ = Dashboard.update(&state, .listCounted(generation: old.generation, count: 9))
        #expect(state.list.total == nil)
    }

    @Test("Sort cycles columns, r reverses; every change reloads from the first page")
    func sorting() {
        var state = Fixtures.listState()
        #expect(state.list.query.sort == .risk && state.list.query.direction == .descending)
        let effects = Dashboard.update(&state, .key(.character("s")))
        #expect(state.list.query.sort == .value)
        #expect(listRequests(effects).first?.position == .first)
        _ = Dashboard.update(&state, .key(.character("r")))
        #expect(state.list.query.direction == .ascending)
    }

    @Test("Search as you type reloads per key; Esc restores the previous search, Enter keeps it")
    func search() {
        var state = Fixtures.state()
        _ = Dashboard.update(&state, .key(.character("/")))
        #expect(state.screen == .list)
        #expect(state.mode == .search(text: "", previous: ""))
        var requests: [ListPageRequest] = []
        for character in "mül" {
            requests += listRequests(Dashboard.update(&state, .key(.character(character))))
        }
        #expect(requests.map(\.query.search) == ["m", "mü", "mül"])
        _ = Dashboard.update(&state, .key(.backspace))
        #expect(state.list.query.search == "mü")
        _ = Dashboard.update(&state, .key(.escape))
        #expect(state.list.query.search == "")
        #expect(state.mode == .normal)
        _ = Dashboard.update(&state, .key(.character("/")))
        _ = Dashboard.update(&state, .key(.character("x")))
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.list.query.search == "x")
        #expect(state.mode == .normal)
    }

    @Test("The command line sorts, filters, switches theme and language, quits")
    func commands() {
        var state = Fixtures.state()
        func run(_ text: String) -> [Effect] {
            var effects = Dashboard.update(&state, .key(.character(":")))
            for character in text { effects += Dashboard.update(&state, .key(.character(character))) }
            return effects + Dashboard.update(&state, .key(.enter))
        }
        _ = run("sort name desc")
        #expect(state.screen == .list)
        #expect(state.list.query.sort == .name && state.list.query.direction == .descending)
        _ = run("filter segment at-risk")
        _ = run("filter band high")
        #expect(state.list.query.filter == ListFilter(segment: .atRisk, band: .high))
        _ = run("filter clear")
        #expect(state.list.query.filter.isEmpty)
        // A segment by the name the screen shows, in either language.
        for (typed, segment) in [
            ("gefährdet", Segment.atRisk), ("At risk", .atRisk), ("cant-lose", .cantLose),
            ("Can't lose", .cantLose), ("Nicht verlieren", .cantLose),
            ("potenziell treu", .potentialLoyalist),
        ] {
            _ = run("filter segment " + typed)
            #expect(state.list.query.filter.segment == segment, "\(typed)")
        }
        _ = run("filter segment nobody")
        #expect(state.status?.text.hasPrefix("no such segment; segments: champions, loyal") == true)
        _ = run("filter clear")
        #expect(run("theme light") == [.loadTheme(name: "light")])
        _ = run("lang de")
        #expect(state.catalog.language == .de)
        _ = run("bogus")
        #expect(state.status?.isError == true)
        // Not understood: its usage, the list of commands, in the language shown.
        #expect(
            state.status?.text
                == "unbekannter Befehl: bogus · Befehle: sort filter overview list calls theme lang q "
                + "import export-data erase · ? zeigt ihre Argumente")
        _ = run("lang en")
        _ = run("bogus")
        #expect(
            state.status?.text
                == "unknown command: bogus · commands: sort filter overview list calls theme lang q "
                + "import export-data erase · ? shows their arguments")
        _ = run("sort sideways")
        #expect(state.status?.text.contains("sort") == true)
        #expect(run("q") == [.quit(code: 0)])
        #expect(state.exitCode == 0)
    }

    @Test("Esc and q go back; q on the overview quits; Ctrl-C quits with 130 from anywhere")
    func backAndQuit() {
        var state = Fixtures.listState()
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.stack == [.overview, .list, .detail])
        #expect(Dashboard.update(&state, .key(.escape)).isEmpty)
        #expect(state.screen == .list)
        _ = Dashboard.update(&state, .key(.character("q")))
        #expect(state.screen == .overview)
        #expect(Dashboard.update(&state, .key(.escape)).isEmpty)
        #expect(state.exitCode == nil)
        #expect(Dashboard.update(&state, .key(.character("q"))) == [.quit(code: 0)])

        var searching = Fixtures.state()
        _ = Dashboard.update(&searching, .key(.character("/")))
        #expect(Dashboard.update(&searching, .key(.control("c"))) == [.quit(code: 130)])
    }

    @Test("Enter on a segment or band opens the list filtered to it; on an urgent customer, the detail")
    func overviewEnter() {
        var state = Fixtures.state()
        _ = Dashboard.start(&state)
        state.overview.figures = Fixtures.figures
        _ = Dashboard.update(&state, .key(.character("j")))
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.screen == .list)
        #expect(state.list.query.filter == ListFilter(segment: .loyal))
        _ = Dashboard.update(&state, .key(.escape))
        _ = Dashboard.update(&state, .key(.tab))
        _ = Dashboard.update(&state, .key(.enter))
        #expect(state.list.query.filter == ListFilter(band: .high))
        _ = Dashboard.update(&state, .key(.escape))
        _ = Dashboard.update(&state, .key(.tab))
        #expect(Dashboard.update(&state, .key(.enter)) == [.loadDetail(id: 1)])
        #expect(state.screen == .detail)
    }

    @Test("Resize redraws at the new size; too small shows its screen and only q works")
    func resize() {
        var state = Fixtures.listState()
        _ = Dashboard.update(&state, .resized(columns: 30, rows: 8))
        #expect(state.isTooSmall)
        #expect(DashboardView.render(state).trimmedLines.joined().contains("terminal too small"))
        #expect(Dashboard.update(&state, .key(.character("j"))).isEmpty)
        _ = Dashboard.update(&state, .resized(columns: 100, rows: 30))
        #expect(!state.isTooSmall)
        #expect(DashboardView.render(state).width == 100)
    }

    @Test("Theme results and failures reach the status bar")
    func statusMessages() {
        var state = Fixtures.state()
        _ = Dashboard.update(&state, .themeLoaded(name: "default", errors: ["x.toml:1: bad"]))
        #expect(state.status == StatusMessage("x.toml:1: bad", isError: true))
        let last = DashboardView.render(state).trimmedLines.last ?? ""
        #expect(last.contains("x.toml:1: bad"))
        _ = Dashboard.update(&state, .themeLoaded(name: "light", errors: []))
        #expect(state.themeName == "light")
        _ = Dashboard.update(&state, .failed("the store is busy"))
        #expect(state.status?.isError == true)
    }

    @Test("Every key binding has help in both languages; no key means two things on one screen")
    func keyMaps() {
        for screen in ScreenKind.allCases {
            let map = KeyMap.forScreen(screen)
            var actions: [KeyEvent: KeyAction] = [:]
            for binding in map.bindings {
                #expect(!Catalog(language: .de).text(binding.help).isEmpty)
                for key in binding.keys {
                    if let earlier = actions[key] {
                        #expect(earlier == binding.action, "\(screen): \(key.name)")
                    }
                    actions[key] = binding.action
                }
            }
            #expect(map.hints(Catalog(language: .en)).first?.text == "help")
        }
    }

    @Test("Help lists each key once on every screen, and every command the parser understands")
    func helpListsKeysOnceAndAllCommands() {
        for language in [Language.en, .de] {
            for screen in ScreenKind.allCases where screen != .logForm {
                var state = Fixtures.state(columns: 100, rows: 80, language: language)
                state.stack = screen == .overview ? [.overview] : [.overview, screen]
                _ = Dashboard.update(&state, .key(.character("?")))
                let text = DashboardView.render(state).lines
                for line in text where line.hasPrefix("   ") && !line.hasPrefix("   :") {
                    let keys = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
                        .components(separatedBy: ", ")
                    #expect(Set(keys).count == keys.count, "\(screen) \(language): \(line)")
                }
                for command in ["overview", "list", "calls", "sort", "import", "erase"] {
                    #expect(
                        text.contains { $0.hasPrefix("   :" + command + " ") },
                        "\(screen) \(language): \(command)")
                }
                if screen == .overview {
                    #expect(text.contains { $0.hasPrefix("   2, c ") }, "\(language)")
                    #expect(text.contains { $0.hasPrefix("   3 ") }, "\(language)")
                }
            }
        }
        // Every command the help lists is one the parser knows.
        for name in ColonCommand.names {
            if case .failure(.unknown) = ColonCommand.parse(name, current: ListFilter()) {
                Issue.record("listed but unknown: \(name)")
            }
        }
    }

    @Test("Detail panes scroll within their measured length, and the end shows the last lines")
    func detailScrolling() {
        var state = Fixtures.listState(columns: 60, rows: 14)
        _ = Dashboard.update(&state, .key(.enter))
        _ = Dashboard.update(&state, .detailLoaded(id: 1, Fixtures.detail))
        let lines = state.detail.lineCounts[.profile] ?? 0
        #expect(lines > 30)
        _ = Dashboard.update(&state, .key(.character("G")))
        #expect(state.detail.scroll[.profile] == lines - (state.bodyHeight - 2))
        let screen = DashboardView.render(state).trimmedLines
        #expect(screen.contains { $0.contains("prepare the renewal conversation") }, "\(screen)")
        for _ in 0..<100 { _ = Dashboard.update(&state, .key(.character("j"))) }
        #expect(state.detail.scroll[.profile] == lines - (state.bodyHeight - 2))
        _ = Dashboard.update(&state, .key(.character("g")))
        #expect(state.detail.scroll[.profile] == 0)
        _ = Dashboard.update(&state, .resized(columns: 120, rows: 40))
        #expect(state.detail.lineCounts[.profile] ?? 0 <= lines)
    }
}
