/// Why the full-screen UI could not start; each case says what the user can do about it.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// TERM is unset, empty or `dumb`.
    case dumbTerminal
    /// TERM names a terminal without a terminfo entry on this machine.
    case unknownTerminal(String)
    /// ncurses refused to start (`newterm` returned NULL) for TERM.
    case startFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal: standard input and output must not be redirected"
        case .dumbTerminal:
            return "TERM is unset or 'dumb': set TERM to your terminal's type (e.g. xterm-256color)"
        case .unknownTerminal(let term):
            return "no terminfo entry for TERM='\(term)': install it or set TERM to xterm-256color"
        case .startFailed(let term):
            return "ncurses could not start on this terminal (TERM='\(term)')"
        }
    }
}
