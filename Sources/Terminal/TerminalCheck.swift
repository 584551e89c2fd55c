@preconcurrency import CNCursesW
import Foundation

/// Whether the full-screen UI can run here, decided before ncurses is started: `initscr`
/// exits the process on an unknown TERM and writes escape codes into redirected output,
/// so the program asks first and refuses politely.
public enum TerminalCheck {
    public enum Verdict: Equatable, Sendable {
        case usable
        /// Standard input or output is not a terminal (a pipe, a file, a CI job).
        case notATerminal
        /// TERM is unset, empty or `dumb`.
        case dumbTerminal
        /// TERM names a terminal this machine has no terminfo entry for.
        case unknownTerminal(String)
    }

    /// Checks the terminal type in `environment` and whether `input` and `output` are terminals.
    public static func verdict(
        environment: [String: String], input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO
    ) -> Verdict {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .dumbTerminal }
        guard hasTerminfoEntry(term) else { return .unknownTerminal(term) }
        guard isatty(input) == 1, isatty(output) == 1 else { return .notATerminal }
        return .usable
    }

    /// Serialises `setupterm`: it loads into the process-global `cur_term`, so two lookups at
    /// once (parallel tests) can free each other's entry.
    private static let lookupLock = NSLock()

    /// Looks TERM up in the terminfo database without touching any terminal.
    static func hasTerminfoEntry(_ term: String) -> Bool {
        lookupLock.lock()
        defer { lookupLock.unlock() }
        let devNull = open("/dev/null", O_WRONLY)
        defer { if devNull >= 0 { close(devNull) } }
        var status: Int32 = 0
        let result = setupterm(term, devNull, &status)
        if result == OK, let loaded = cur_term {
            _ = del_curterm(loaded)
        }
        return result == OK && status == 1
    }
}
