import Foundation
import Testing

@testable import Terminal

@Suite("Deciding whether the full-screen UI can run")
struct TerminalCheckTests {
    @Test("No TERM, an empty TERM or TERM=dumb is refused")
    func dumb() {
        #expect(TerminalCheck.verdict(environment: [:]) == .dumbTerminal)
        #expect(TerminalCheck.verdict(environment: ["TERM": ""]) == .dumbTerminal)
        #expect(TerminalCheck.verdict(environment: ["TERM": "dumb"]) == .dumbTerminal)
    }

    @Test("A TERM without a terminfo entry is refused without exiting the process")
    func unknown() {
        #expect(
            TerminalCheck.verdict(environment: ["TERM": "no-such-terminal-42"])
                == .unknownTerminal("no-such-terminal-42"))
    }

    @Test("A known TERM on pipes is not a terminal")
    func pipes() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        #expect(TerminalCheck.hasTerminfoEntry("xterm-256color"))
        #expect(
            TerminalCheck.verdict(environment: ["TERM": "xterm-256color"], input: fds[0], output: fds[1])
                == .notATerminal)
    }
}
