import CustomerStore
import Dashboard
import Foundation
import Scoring
import Terminal

/// The screen the loop draws on and reads keys from: ncurses for real, or a script for
/// benchmarks and headless runs.
protocol DashboardScreen: AnyObject {
    var size: ScreenSize { get }
    func nextKey(timeoutMilliseconds: Int?) -> KeyEvent?
    func draw(_ buffer: ScreenBuffer)
    func invalidate()
    func apply(theme: Theme)
    func suspend()
    func restore()
    /// Runs `body` with the terminal handed over (full-screen mode left, put back after).
    func runOutside<T>(_ body: () -> T) -> T
}

/// The real terminal: the ncurses session and the diffing renderer.
final class CursesScreen: DashboardScreen {
    private let session: TerminalSession
    private let renderer: TerminalRenderer

    init(session: TerminalSession, theme: Theme) {
        self.session = session
        self.renderer = TerminalRenderer(session: session, theme: theme)
    }

    var size: ScreenSize { ScreenSize(columns: session.size.columns, rows: session.size.rows) }
    func nextKey(timeoutMilliseconds: Int?) -> KeyEvent? {
        session.nextKey(timeoutMilliseconds: timeoutMilliseconds)
    }
    func draw(_ buffer: ScreenBuffer) { renderer.draw(buffer) }
    func invalidate() { renderer.invalidate() }
    func apply(theme: Theme) { renderer.theme = theme }
    func suspend() { session.suspend() }
    func restore() { session.restore() }
    func runOutside<T>(_ body: () -> T) -> T { session.runOutside(body) }
}

/// Messages from the effect workers to the loop, behind a lock.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private var outstanding = 0

    /// Counts an effect that will post (at least) one message later.
    func expect() { lock.withLock { outstanding += 1 } }

    /// Posts messages while the effect goes on (progress of a long job).
    func post(_ posted: [Message]) { lock.withLock { messages += posted } }

    /// Posts the messages of one finished effect.
    func finish(_ posted: [Message]) {
        lock.withLock {
            messages += posted
            outstanding -= 1
        }
    }

    func drain() -> [Message] {
        lock.withLock {
            defer { messages.removeAll() }
            return messages
        }
    }

    /// Whether effects are still running or messages are waiting.
    var isBusy: Bool { lock.withLock { outstanding > 0 || !messages.isEmpty } }
}

/// Performs the store effects off the loop's thread: a fast lane for pages and details (index
/// lookups, milliseconds), a slow lane for the overview's scans and one for list counts, so a
/// slow count never holds up scrolling. Answers to outdated list queries are skipped.
final class StoreWorker: @unchecked Sendable {
    let store: CustomerStore
    let today: CalendarDay
    let inbox = Inbox()
    private let fast = DispatchQueue(label: "clientele.dashboard.fast")
    private let slow = DispatchQueue(label: "clientele.dashboard.slow")
    private let counts = DispatchQueue(label: "clientele.dashboard.counts")
    /// Every write of the dashboard (log, undo, call-list marks and session calls): one at a
    /// time, in the order asked, on the store's writer.
    private let writes = DispatchQueue(label: "clientele.dashboard.writes")
    /// The call list's query (a sort over every due customer) and its export, one at a time.
    private let calls = DispatchQueue(label: "clientele.dashboard.calls")
    private let lock = NSLock()
    private var latestGeneration = 0

    init(store: CustomerStore, today: CalendarDay) {
        self.store = store
        self.today = today
    }

    private func isCurrent(_ generation: Int) -> Bool { lock.withLock { generation >= latestGeneration } }

    func perform(_ effect: Effect) {
        switch effect {
        case .loadListPage(let request):
            lock.withLock { latestGeneration = max(latestGeneration, request.generation) }
            run(on: fast) { [self] in
                guard isCurrent(request.generation) else { return [] }
                let page =
                    if let anchor = request.anchor {
                        try store.customerListPage(
                            request.query, around: anchor.customerID, before: anchor.rowsBefore,
                            otherwise: request.position, limit: request.limit)
                    } else {
                        try store.customerListPage(
                            request.query, position: request.position, limit: request.limit)
                    }
                return [.listPageLoaded(request, page)]
                    + (page.rows.isEmpty ? try unknownOwner(request.query.filter.owner) : [])
            }
        case .countList(let generation, let query):
            run(on: counts) { [self] in
                guard isCurrent(generation) else { return [] }
                return [.listCounted(generation: generation, count: try store.customerListCount(query))]
            }
        case .rankInList(let generation, let query, let cursor):
            run(on: counts) { [self] in
                guard isCurrent(generation) else { return [] }
                let rank = try store.customerListRank(query, cursor: cursor)
                return [.listRanked(generation: generation, customerID: cursor.customerID, rank: rank)]
            }
        case .loadDetail(let id):
            run(on: fast) { [self] in [.detailLoaded(id: id, try store.customerDetail(id: id, today: today))]
            }
        case .loadStoreStatus:
            run(on: fast) { [self] in
                [
                    .storeStatusLoaded(
                        StoreStatus(
                            customers: try store.customerCount(), scoredAsOf: try store.latestScoringDay()))
                ]
            }
        case .loadOverview:
            // Cheapest parts first, each shown as soon as it is there.
            run(on: fast) { [self] in
                [
                    .overviewLoaded(.scoring(asOf: try store.latestScoringDay())),
                    .overviewLoaded(.urgent(try store.urgentCustomers(limit: OverviewScreen.urgentLimit))),
                ]
            }
            // Figures stored by `clientele score` for this day: one row, no scans.
            if let stored = try? store.overviewSnapshot(asOf: today), let headline = stored.headline,
                let retention = stored.retention, let feedback = stored.feedback
            {
                run(on: fast) {
                    [
                        .overviewLoaded(.headline(headline)),
                        .overviewLoaded(
                            .distribution(segments: stored.segments ?? [:], bands: stored.bands ?? [:])),
                        .overviewLoaded(.feedback(feedback)), .overviewLoaded(.retention(retention)),
                    ]
                }
                return
            }
            // The scans run side by side (the pool has several readers): the overview is complete
            // when the slowest part is, not after the sum of them.
            run(on: slow) { [self] in
                let distribution = try store.overviewDistribution()
                return [
                    .overviewLoaded(.distribution(segments: distribution.segments, bands: distribution.bands))
                ]
            }
            run(on: .global(qos: .userInitiated)) { [self] in
                [.overviewLoaded(.headline(try store.overviewHeadline(today: today)))]
            }
            run(on: .global(qos: .userInitiated)) { [self] in
                [.overviewLoaded(.feedback(try store.overviewFeedback(today: today)))]
            }
            run(on: .global(qos: .userInitiated)) { [self] in
                [.overviewLoaded(.retention(try store.overviewRetention(today: today)))]
            }
        case .logInteraction(let draft):
            inbox.expect()
            let notice = WaitNotice(inbox: inbox)
            writes.async { [self, inbox] in
                defer { notice.done() }
                do {
                    let logged = try LogWriter.save(draft, in: store, today: today, now: Int64(time(nil)))
                    inbox.finish([
                        .interactionLogged(
                            logged, rescore: LogWriter.rescore(logged.customerID, store, today))
                    ])
                } catch {
                    inbox.finish([.logFailed(String(describing: error))])
                }
            }
        case .undoInteraction(let entry):
            inbox.expect()
            let notice = WaitNotice(inbox: inbox)
            writes.async { [self, inbox] in
                defer { notice.done() }
                do {
                    guard try LogWriter.undo(entry, in: store) else {
                        inbox.finish([.undoFailed(entry, .alreadyGone)])
                        return
                    }
                    inbox.finish([
                        .interactionUndone(entry, rescore: LogWriter.rescore(entry.customerID, store, today))
                    ])
                } catch {
                    inbox.finish([.undoFailed(entry, .failed(String(describing: error)))])
                }
            }
        case .loadCallList(let generation, let filter):
            run(on: calls) { [self] in
                let entries = try store.callList(today: today, filter: filter)
                let total =
                    entries.count < (filter.limit ?? .max)
                    ? entries.count : try store.callListCount(today: today, filter: filter)
                return [.callListLoaded(generation: generation, entries: entries, total: total)]
                    + (entries.isEmpty ? try unknownOwner(filter.owner) : [])
            }
        case .markCallList(let customerID, let mark, let until):
            run(on: writes) { [self] in
                let (made, previous) = try store.markCallListEntry(
                    customerID: customerID, mark, today: today, until: until, at: Int64(time(nil)))
                return [.callListMarked(MarkedEntry(made: made, previous: previous))]
            }
        case .undoMark(let entry):
            run(on: writes) { [self] in
                let restored = try store.restoreCallListState(
                    replacing: entry.made, with: entry.previous, at: Int64(time(nil)))
                return [.markUndone(entry, restored: restored)]
            }
        case .logCall(let request):
            let notice = WaitNotice(inbox: inbox)
            run(on: writes) { [self] in
                defer { notice.done() }
                // Saved and marked means logged, even if the rescoring then fails (a broken
                // rules file): the session must move on, or a second key would log it twice.
                let (logged, problem) = try LogWriter.saveCall(request, in: store, now: Int64(time(nil)))
                if let problem { return [.callLogged(request, logged), .failed(problem)] }
                return [.callLogged(request, logged)]
            }
        case .exportCallList(let filter, let path, let language):
            run(on: calls) { [self] in
                let target = TypedPath.absolute(path)
                let entries = try store.callList(today: today, filter: filter)
                let bytes = CallListExport.csv(
                    entries, catalog: Catalog(language: language), excel: false, today: today)
                try PrivateFile.replace(target, with: bytes)
                return [.callListExported(path: target, rows: entries.count)]
            }
        case .exportPersonalData, .eraseCustomer, .importFile:
            performAction(effect)
        case .loadTheme, .redraw, .suspend, .quit, .editNote:
            break
        }
    }

    /// After an empty list or call list: when it was filtered by an owner no customer has, the
    /// message that says so (an empty list would read as a free day).
    func unknownOwner(_ owner: String?) throws -> [Message] {
        guard let owner else { return [] }
        let check = try store.ownerCheck(owner)
        return check.known ? [] : [.ownerNotFound(owner: owner, owners: check.owners)]
    }

    func run(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> [Message]) {
        inbox.expect()
        queue.async { [inbox] in
            do {
                inbox.finish(try body())
            } catch {
                inbox.finish([.failed(String(describing: error))])
            }
        }
    }
}

/// Theme files: the shipped `Themes/` folder (found near the executable) and the user's
/// `$XDG_CONFIG_HOME/clientele/themes/`, read here and handed to the pure ``ThemeLoader``.
enum ThemeFiles {
    static func userFolder(environment: [String: String]) -> String {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("clientele/themes")
    }

    /// Where shipped themes may be: beside the binary, in an installed share folder, or in the
    /// source tree the binary was built in (`.build/<triple>/<config>/clientele`).
    static func shippedFolders() -> [String] {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let folder = (executable as NSString).deletingLastPathComponent
        return [
            "Themes", "../share/clientele/Themes", "../../Themes", "../../../Themes",
        ].map { ((folder as NSString).appendingPathComponent($0) as NSString).standardizingPath }
    }

    static func read(environment: [String: String]) -> [ThemeFile] {
        let shipped = shippedFolders().first { folderHasThemes($0) }
        return (shipped.map { files(in: $0) } ?? []) + files(in: userFolder(environment: environment))
    }

    private static func folderHasThemes(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains {
            $0.hasSuffix(".toml")
        }
    }

    private static func files(in folder: String) -> [ThemeFile] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
        return names.compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return ThemeFile(fileName: displayPath(path), contents: String(decoding: data, as: UTF8.self))
        }
    }

    /// The path as error messages show it: the home folder as "~", to keep the status bar short.
    private static func displayPath(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        guard home.count > 1, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    static func load(named name: String, environment: [String: String]) -> LoadedTheme {
        ThemeLoader.load(
            named: name, from: read(environment: environment),
            noColor: NoColor.isRequested(environment: environment))
    }
}

/// The loop: keys and effect results in, `update`, effects out, the frame drawn by diff.
final class DashboardRuntime {
    private var state: AppState
    private let screen: DashboardScreen
    private let worker: StoreWorker
    private let environment: [String: String]
    /// Notices other processes' commits (`DashboardRuntime+Refresh.swift`).
    private let changes: StoreChangePoller
    /// Called after every handled key with how long handling and drawing took (for `bench ui`).
    var onKeyHandled: ((KeyEvent, Double) -> Void)?
    /// Called once when the first frame (placeholders and all) has been drawn.
    var onFirstFrame: (() -> Void)?
    /// Called once when the first frame with every start-screen part loaded has been drawn.
    var onFirstCompleteFrame: (() -> Void)?

    init(state: AppState, screen: DashboardScreen, store: CustomerStore, environment: [String: String]) {
        self.state = state
        self.screen = screen
        self.worker = StoreWorker(store: store, today: state.today)
        self.environment = environment
        self.changes = StoreChangePoller(path: store.path)
    }

    /// Runs until a quit; returns the exit code. `themeErrors` go to the status bar at once.
    func run(themeErrors: [String] = []) -> Int32 {
        if let error = themeErrors.first { state.status = StatusMessage(error, isError: true) }
        state.size = screen.size
        perform(Dashboard.start(&state))
        screen.draw(DashboardView.render(state))
        onFirstFrame?()
        var reportedComplete = false
        while state.exitCode == nil {
            if changes.storeChanged(busy: worker.inbox.isBusy) { send(.storeChanged) }
            let busy = worker.inbox.isBusy
            if let key = screen.nextKey(timeoutMilliseconds: busy ? 10 : 1000) {
                let started = Clock.monotonicSeconds()
                if key == .resize {
                    let size = screen.size
                    send(.resized(columns: size.columns, rows: size.rows))
                } else {
                    send(.key(key))
                }
                for message in worker.inbox.drain() { send(message) }
                if state.exitCode != nil { break }
                screen.draw(DashboardView.render(state))
                onKeyHandled?(key, Clock.monotonicSeconds() - started)
            } else {
                let messages = worker.inbox.drain()
                guard !messages.isEmpty else { continue }
                for message in messages { send(message) }
                screen.draw(DashboardView.render(state))
            }
            if !reportedComplete, isStartScreenComplete {
                reportedComplete = true
                onFirstCompleteFrame?()
            }
        }
        screen.restore()
        return state.exitCode ?? 0
    }

    /// Whether the visible screen has everything it asked for.
    private var isStartScreenComplete: Bool {
        switch state.screen {
        case .overview:
            let figures = state.overview.figures
            return figures.headline != nil && figures.segments != nil && figures.urgent != nil
                && figures.retention != nil && figures.feedback != nil
        case .list: return state.list.loaded
        case .detail: return state.detail.customer != nil || state.detail.missing
        case .logForm: return true
        case .calls: return state.calls.loaded
        }
    }

    private func send(_ message: Message) {
        perform(Dashboard.update(&state, message))
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .loadTheme(let name):
                let loaded = ThemeFiles.load(named: name, environment: environment)
                screen.apply(theme: loaded.theme)
                // Problems of other theme files were shown at start; here only a failed switch
                // counts, and the error about the requested theme comes first.
                let all = loaded.errors.map(\.description)
                let errors =
                    loaded.theme.name == name
                    ? [] : all.filter { $0.contains(name) } + all.filter { !$0.contains(name) }
                send(.themeLoaded(name: loaded.theme.name, errors: errors))
            case .redraw:
                screen.invalidate()
            case .suspend:
                screen.suspend()
                let size = screen.size
                send(.resized(columns: size.columns, rows: size.rows))
                screen.invalidate()
            case .editNote(let note):
                // Like Ctrl-Z: the terminal is handed over and the whole screen redrawn after.
                let result = NoteEditor.edit(note, environment: environment) { screen.runOutside($0) }
                let size = screen.size
                send(.resized(columns: size.columns, rows: size.rows))
                screen.invalidate()
                switch result {
                case .success(let text): send(.noteEdited(text))
                case .failure(let failure): send(.noteEditFailed(failure))
                }
            case .quit:
                break
            default:
                worker.perform(effect)
            }
        }
    }
}

/// Paths typed in the dashboard (exports, `:import`).
enum TypedPath {
    /// A path typed in the dashboard: `~/` is the home folder, a relative path is taken from
    /// the folder the program was started in.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            return home + path.dropFirst()
        }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
