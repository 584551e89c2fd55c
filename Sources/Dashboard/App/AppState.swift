import Scoring

/// The screen size in cells.
public struct ScreenSize: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// How keys are read at the moment: as commands, into the search field, into the command line,
/// or by the help overlay.
public enum InputMode: Hashable, Sendable {
    case normal
    /// The help overlay, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// Typing a search; `previous` comes back on Esc.
    case search(text: String, previous: String)
    case command(text: String)
    /// A one-line question in the status bar that takes typed text (`App/Prompt.swift`).
    case prompt(Prompt)
}

/// A line for the status bar: information, or an error.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The whole state of the dashboard: a value, changed only by ``Dashboard/update(_:_:)``.
public struct AppState: Equatable, Sendable {
    public var size: ScreenSize
    /// "Today", passed in by the runtime (the core has no clock).
    public var today: CalendarDay
    /// The user's time zone as seconds east of UTC, for showing stored UTC times as local days.
    public var utcOffsetSeconds: Int
    public var catalog: Catalog
    public var themeName: String
    /// The screens, the root (overview) first; never empty.
    public var stack: [ScreenKind]
    public var mode: InputMode
    public var status: StatusMessage?
    public var overview: OverviewState
    public var list: ListState
    public var detail: DetailState
    /// The log form's content while `.logForm` is on the stack.
    public var logForm = LogFormState()
    /// A yes/no question over the screen; while set, only its answers count.
    public var confirm: ConfirmPrompt?
    /// Interactions logged in this session, newest last: what `u` undoes, until the program quits.
    public var undoStack: [UndoEntry] = []
    public var calls: CallsState
    /// Customers in the store and whether it was scored; read when a list comes back empty.
    public var storeStatus: StoreStatus?
    /// `:import`: the running import and the result panel (`Screens/ImportPanel.swift`).
    public var importing = ImportState()
    /// The list's and the call list's filters before an owner filter was typed: put back when the
    /// store says no customer has that owner, so a mistyped name changes nothing.
    public var listFilterBeforeOwner: ListFilter?
    public var callsFilterBeforeOwner: CallListFilter?
    /// Set when the program should end, with its exit code.
    public var exitCode: Int32?

    public init(
        size: ScreenSize, today: CalendarDay, utcOffsetSeconds: Int = 0, language: Language = .en,
        themeName: String = "default", startScreen: ScreenKind = .overview
    ) {
        self.size = size
        self.today = today
        self.utcOffsetSeconds = utcOffsetSeconds
        self.catalog = Catalog(language: language)
        self.themeName = themeName
        self.stack = startScreen == .overview ? [.overview] : [.overview, startScreen]
        self.mode = .normal
        self.overview = OverviewState()
        self.list = ListState()
        self.detail = DetailState()
        self.calls = CallsState()
    }

    /// The screen on top of the stack.
    public var screen: ScreenKind { stack.last ?? .overview }

    /// The smallest terminal the dashboard lays out for; below it a "too small" screen.
    public static let minimumSize = ScreenSize(columns: 50, rows: 12)

    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }

    /// Rows between the header line and the status bar.
    public var bodyHeight: Int { max(0, size.rows - 2) }
}
