@preconcurrency import CNCursesW
import Dashboard
import Foundation

/// The terminal while the full-screen UI runs: starts ncurses safely, reads keys, and always
/// gives the terminal back (``restore()``, and signal handlers for the paths that skip it).
///
/// One per process, used from one thread (ncurses is not thread-safe).
public final class TerminalSession {
    /// The screen size in cells.
    public struct Size: Hashable, Sendable {
        public var columns: Int
        public var rows: Int

        public init(columns: Int, rows: Int) {
            self.columns = columns
            self.rows = rows
        }
    }

    /// The current screen size; updated when ``nextKey(timeoutMilliseconds:)`` returns
    /// ``KeyEvent/resize``.
    public internal(set) var size: Size
    /// What the terminal can do with colour (`NO_COLOR` gives ``ColorCapability/monochrome``).
    public let colors: ColorCapability
    /// Whether ncurses is running (false after ``restore()``).
    public private(set) var isActive = true

    /// Changes whenever what is on screen can no longer be trusted (resize): renderers compare
    /// it with the value of their last frame and repaint everything when it moved.
    var screenGeneration = 0

    private let screen: OpaquePointer

    /// Starts the full-screen UI on standard input and output.
    ///
    /// Checks the terminal first (``TerminalCheck``), because `initscr` would exit the process
    /// on an unknown TERM; then uses `newterm`, which fails politely. Puts the terminal in raw
    /// mode: Ctrl-C and Ctrl-Z arrive as keys (``KeyEvent/control(_:)``), and the app decides
    /// (quit with 130, ``suspend()``).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        switch TerminalCheck.verdict(environment: environment) {
        case .usable: break
        case .notATerminal: throw .notATerminal
        case .dumbTerminal: throw .dumbTerminal
        case .unknownTerminal(let term): throw .unknownTerminal(term)
        }
        let term = environment["TERM"] ?? ""
        UTF8Locale.activate()
        SignalGuard.install(terminal: STDOUT_FILENO)
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let started = newterm(term, output, input)
        else {
            SignalGuard.disarmAndUninstall()
            throw .startFailed(term)
        }
        screen = started
        _ = set_term(started)
        raw()
        noecho()
        _ = keypad(stdscr, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        _ = leaveok(stdscr, true)
        colors = Self.startColors(environment: environment)
        SignalGuard.arm()
        size = Self.currentSize()
        _ = wnoutrefresh(stdscr)
        _ = doupdate()
    }

    deinit {
        restore()
    }

    /// Suspends the program as Ctrl-Z does in a shell (raw mode turns Ctrl-Z into a key, so the
    /// app calls this): leaves full-screen mode, stops the process group, and on `fg` puts the
    /// screen back as it was. Returns `false` without stopping when there is no job control.
    @discardableResult
    public func suspend() -> Bool {
        guard isActive else { return false }
        _ = endwin()
        let stopped = SignalGuard.stopForJobControl()
        // Resumed (or never stopped): back to full-screen mode and redraw everything ncurses holds.
        _ = clearok(curscr, true)
        _ = wrefresh(stdscr)
        size = Self.currentSize()
        return stopped
    }

    /// Hands the terminal to another program for the length of `body` (an external editor):
    /// leaves full-screen mode as ``suspend()`` does, ignores Ctrl-C and Ctrl-\\ meanwhile (as
    /// `system(3)` does: they are meant for the program in front), then puts the screen back
    /// and re-reads its size. The caller redraws.
    public func runOutside<T>(_ body: () throws -> T) rethrows -> T {
        guard isActive else { return try body() }
        _ = endwin()
        defer {
            _ = clearok(curscr, true)
            _ = wrefresh(stdscr)
            size = Self.currentSize()
        }
        return try SignalGuard.ignoringInterrupts(body)
    }

    /// Gives the terminal back: cursor shown, normal screen, echo and line mode restored.
    /// Safe to call more than once; after it the session does nothing.
    public func restore() {
        guard isActive else { return }
        isActive = false
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        SignalGuard.disarmAndUninstall()
    }

    private static func startColors(environment: [String: String]) -> ColorCapability {
        guard !NoColor.isRequested(environment: environment), has_colors() else { return .monochrome }
        guard start_color() == OK else { return .monochrome }
        let defaults = use_default_colors() == OK
        return ColorCapability.detect(
            colors: Int(COLORS), colorPairs: Int(COLOR_PAIRS), defaultColorsAvailable: defaults,
            environment: environment)
    }

    static func currentSize() -> Size {
        Size(columns: Int(clientele_max_x(stdscr)), rows: Int(clientele_max_y(stdscr)))
    }
}
