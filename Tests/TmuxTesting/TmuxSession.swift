import Foundation

/// A program running in a private, detached tmux server: type keys, read the screen, resize,
/// signal, and read the exit status — the end-to-end harness for full-screen programs.
///
/// Each instance has its own server (`tmux -L <unique socket> -f /dev/null`), killed in
/// `deinit`, so tests never see each other's windows or the user's tmux. The pane keeps its
/// content after the program exits (`remain-on-exit on`), so the last screen and the exit status
/// can still be read. Waiting always polls with a deadline; nothing sleeps a fixed time.
public final class TmuxSession {
    /// The private server's socket name.
    public let socket: String
    /// The session (and pane) every command targets.
    public let target = "e2e"
    private let environment: [String: String]

    private nonisolated(unsafe) static var counter = 0
    private static let counterLock = NSLock()

    /// Starts `command` (program and arguments, run directly, no shell) in a detached
    /// `width` × `height` session, with `environment` added to a minimal UTF-8 one.
    ///
    /// tmux sets TERM inside the pane itself (to `tmux-256color` here, so 256 colours are used).
    public init(
        command: [String], environment extra: [String: String] = [:], width: Int = 80, height: Int = 24
    ) throws {
        socket = Self.uniqueSocketName()
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
            "HOME": NSTemporaryDirectory(),
        ]
        for (key, value) in extra { environment[key] = value }
        self.environment = environment
        var arguments = [
            "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "default-terminal", "tmux-256color", ";",
            "set-option", "-g", "status", "off", ";",
            "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
        ]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += ["--"] + command
        let result = try tmux(arguments)
        guard result.status == 0 else {
            throw SpawnError(description: "tmux new-session failed (\(result.status)): \(result.errors)")
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs one tmux command against this server.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> SpawnResult {
        try Spawn.run(["tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
    }

    /// Presses keys by tmux name: "Down", "Enter", "Escape", "BSpace", "F5", "NPage", "C-c", "M-x".
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (UTF-8 as is, no key-name lookup).
    public func sendText(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// The visible screen as plain text, one line per row (trailing blanks trimmed by tmux).
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target]).output
    }

    /// The visible screen with its SGR escape sequences (colours, bold, reverse…).
    public func captureWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", target]).output
    }

    /// A tmux format evaluated for the pane, e.g. "#{pane_pid}" or "#{alternate_on}".
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window, which sends the program SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The process id of the program the pane runs.
    public func panePID() throws -> pid_t {
        guard let pid = pid_t(try display("#{pane_pid}")) else {
            throw SpawnError(description: "no pane pid")
        }
        return pid
    }

    /// Polls the screen every ~20 ms until `predicate` holds or `timeout` passes; returns
    /// whether it held. Read ``lastCapture`` to explain a failure.
    @discardableResult
    public func waitUntil(timeout: Duration = .seconds(5), _ predicate: (String) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let screen = try? capture() {
                lastCapture = screen
                if predicate(screen) { return true }
            }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return false
    }

    /// Polls a tmux format (e.g. "#{alternate_on}") until it reads `expected`; returns whether it
    /// did before `timeout`. The pane's last output may still be in flight when tmux already
    /// reports the program dead, so checks of the final state poll too.
    @discardableResult
    public func waitForFormat(_ format: String, toBe expected: String, timeout: Duration = .seconds(5))
        -> Bool
    {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if (try? display(format)) == expected { return true }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return false
    }

    /// Waits until `text` is on screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(5)) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// The screen as last read by a wait, for failure messages.
    public private(set) var lastCapture = ""

    /// Waits for the program to exit and returns its exit status (`nil` if it is still running
    /// at the deadline). A death by signal is reported as 128 + signal.
    ///
    /// Debian's tmux uses libutempter, which swaps in its own SIGCHLD handler while it removes
    /// the pane's utmp record — right when the pane's program exits — so the server sometimes
    /// misses the SIGCHLD and leaves the program a zombie with no status (tmux issues #311,
    /// #4559). When the pane is dead without a status, the server is sent SIGCHLD to reap it.
    public func exitStatus(timeout: Duration = .seconds(5)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var serverPID: pid_t?
        repeat {
            if let state = try? display("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}") {
                let fields = state.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if fields.first == "1" {
                    if fields.count > 1, let status = Int32(fields[1]) { return status }
                    if fields.count > 2, let signal = Int32(fields[2]) { return 128 + signal }
                    if serverPID == nil { serverPID = (try? display("#{pid}")).flatMap { pid_t($0) } }
                    if let serverPID { kill(serverPID, SIGCHLD) }
                }
            }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    private static func uniqueSocketName() -> String {
        counterLock.lock()
        counter += 1
        let number = counter
        counterLock.unlock()
        return "clientele-e2e-\(getpid())-\(number)-\(UInt32.random(in: 0...UInt32.max))"
    }
}
