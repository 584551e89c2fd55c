import Dashboard
import Foundation
import Testing
import TmuxTesting

/// The backend driven for real: `termdemo` in a private tmux server, keys typed, the screen read.
@Suite("termdemo in tmux", .serialized)
struct TermdemoEndToEndTests {
    private let demo = TestBinary.path("termdemo")

    private func start(
        width: Int = 80, height: Int = 24, environment: [String: String] = [:]
    ) throws -> TmuxSession {
        let session = try TmuxSession(command: [demo], environment: environment, width: width, height: height)
        #expect(session.waitFor("keys: 0"), "termdemo did not draw:\n\(session.lastCapture)")
        return session
    }

    /// After the program ended: the normal screen is back and none of the UI is left on it.
    private func expectTerminalGivenBack(_ tmux: TmuxSession) throws {
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "0"), "still on the alternate screen")
        let screen = try tmux.capture()
        #expect(!screen.contains("termdemo"), "UI left on the normal screen:\n\(screen)")
        #expect(!screen.contains("last key"))
    }

    @Test("Wide characters are drawn whole and the columns after them line up")
    func wideCharacters() throws {
        let tmux = try start()
        let screen = try tmux.capture()
        let rows = screen.split(separator: "\n").map(String.init).filter { $0.contains("|end") }
        #expect(rows.count == 4, "\(screen)")
        for name in ["Müller", "東京", "😀 grin", "Zoë Ångström"] {
            #expect(rows.contains { $0.contains("|" + name) }, "\(name) missing:\n\(screen)")
        }
        let endColumns = rows.compactMap { row in
            row.range(of: "|end").map { DisplayWidth.width(of: String(row[..<$0.lowerBound])) }
        }
        #expect(endColumns == [17, 17, 17, 17], "\(screen)")
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("The theme's colours reach the terminal; NO_COLOR leaves only attributes")
    func colours() throws {
        let coloured = try start()
        let styled = try coloured.captureWithEscapes()
        #expect(styled.contains("48;5;24m"), "header background (colour 24) missing:\n\(styled)")
        #expect(styled.contains("38;5;240m"), "border colour (240) missing")
        try coloured.sendKeys("q")
        #expect(coloured.exitStatus() == 0)

        let plain = try start(environment: ["NO_COLOR": "1"])
        let mono = try plain.captureWithEscapes()
        #expect(!mono.contains("38;5;") && !mono.contains("48;5;"), "colour despite NO_COLOR:\n\(mono)")
        let statusBar = mono.split(separator: "\n").last { $0.contains("q quit") }
        #expect(statusBar?.contains("7m") == true, "status bar not in reverse video")
        try plain.sendKeys("q")
        #expect(plain.exitStatus() == 0)
    }

    @Test("Key names reach the program")
    func keyNames() throws {
        let tmux = try start()
        let keys: [(send: [String], literal: String?, name: String)] = [
            (["Down"], nil, "down"), (["NPage"], nil, "pgdown"), (["PPage"], nil, "pgup"),
            (["F5"], nil, "f5"), (["F12"], nil, "f12"), ([], "ü", "ü"), ([], "東", "東"), ([], "😀", "😀"),
            (["Escape"], nil, "esc"), (["Enter"], nil, "enter"), (["Tab"], nil, "tab"),
            (["BTab"], nil, "shift-tab"), (["BSpace"], nil, "backspace"), (["DC"], nil, "delete"),
            (["Home"], nil, "home"), (["End"], nil, "end"), (["C-d"], nil, "ctrl-d"),
            (["M-x"], nil, "alt-x"), (["C-l"], nil, "ctrl-l"), (["Up"], nil, "up"), (["Left"], nil, "left"),
            (["Right"], nil, "right"),
        ]
        for (index, key) in keys.enumerated() {
            if let literal = key.literal {
                try tmux.sendText(literal)
            } else {
                try tmux.sendKeys(key.send[0])
            }
            let expected = "last key: \(key.name)"
            let arrived = tmux.waitUntil { $0.contains(expected) && $0.contains("keys: \(index + 1)") }
            #expect(arrived, "\(key.name): \(tmux.lastCapture)")
        }
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("Resizing redraws at the new size, and a small terminal gets the too-small screen")
    func resize() throws {
        let tmux = try start()
        for (width, height) in [(60, 16), (200, 60)] {
            try tmux.resize(width: width, height: height)
            #expect(tmux.waitFor("size: \(width)x\(height)"), "\(tmux.lastCapture)")
            let lines = try tmux.capture().split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= height)
            #expect(lines[height - 1].contains("q quit"), "status bar not on the last row")
            #expect(lines[0].contains("termdemo"))
        }
        try tmux.resize(width: 30, height: 8)
        #expect(tmux.waitFor("need 60×16, have 30×8"), "\(tmux.lastCapture)")
        #expect(!(try tmux.capture().contains("last key")), "old frame left behind")
        try tmux.resize(width: 80, height: 24)
        #expect(tmux.waitFor("size: 80x24"), "\(tmux.lastCapture)")
        #expect(!(try tmux.capture().contains("too small")))
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("q exits 0 and gives the terminal back")
    func quit() throws {
        let tmux = try start()
        try tmux.sendKeys("q")
        #expect(tmux.exitStatus() == 0)
        try expectTerminalGivenBack(tmux)
    }

    @Test("Ctrl-C is a key in raw mode; the demo maps it to quitting with 130")
    func controlC() throws {
        let tmux = try start()
        try tmux.sendKeys("C-c")
        #expect(tmux.exitStatus() == 130)
        try expectTerminalGivenBack(tmux)
    }

    @Test(
        "Termination signals restore the terminal and exit with 128 + signal",
        arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130), (SIGQUIT, 131)] as [(Int32, Int32)])
    func terminationSignals(signal: Int32, status: Int32) throws {
        let tmux = try start()
        #expect(kill(try tmux.panePID(), signal) == 0)
        #expect(tmux.exitStatus() == status)
        try expectTerminalGivenBack(tmux)
    }

    @Test("A Swift trap restores the terminal before the process dies of it")
    func crash() throws {
        let tmux = try start(environment: ["TERMDEMO_CRASH": "1", "SWIFT_BACKTRACE": "enable=no"])
        try tmux.sendText("!")
        let status = tmux.exitStatus()
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "status \(String(describing: status))")
        try expectTerminalGivenBack(tmux)
    }

    @Test("Ctrl-Z suspends to the shell, fg resumes and repaints, and the tty is sane after quitting")
    func suspendAndResume() throws {
        let tmux = try TmuxSession(
            command: ["bash", "--norc", "--noprofile", "-i"], environment: ["PS1": "$ "], width: 80,
            height: 24)
        #expect(tmux.waitFor("$"), "no shell prompt: \(tmux.lastCapture)")
        try tmux.sendText(demo)
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("keys: 0"), "\(tmux.lastCapture)")
        try tmux.sendKeys("C-z")
        #expect(tmux.waitFor("Stopped"), "not suspended: \(tmux.lastCapture)")
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "0"))
        try tmux.sendText("fg")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("last key: ctrl-z"), "not resumed: \(tmux.lastCapture)")
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "1"))
        try tmux.sendKeys("Down")
        #expect(tmux.waitFor("last key: down"), "no keys after resume: \(tmux.lastCapture)")
        try tmux.sendKeys("q")
        // Any of these modes still switched off ("-echo") is printed; otherwise "tty-sane-2" (spelled
        // so that the typed command line itself does not match).
        let disabledModes = "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-(echo|icanon|isig|icrnl|opost)'"
        let check = "echo status=$?; \(disabledModes) || echo tty-sane-$((1 + 1))"
        try tmux.sendText(check)
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("tty-sane-2"), "terminal left broken: \(tmux.lastCapture)")
        #expect(tmux.lastCapture.contains("status=0"))
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "0"))
    }
}
