import Dashboard
import Foundation
import Terminal

// A tiny full-screen program for trying the ncurses backend by hand and from the tmux tests.
// Keys: q quits (0), Ctrl-C quits (130), Ctrl-Z suspends, Ctrl-L repaints. With
// TERMDEMO_CRASH=1 in the environment, "!" traps (to test that a crash gives the terminal back).

/// The smallest screen the demo lays out for; below it, a "too small" screen.
let minimumSize = TerminalSession.Size(columns: 60, rows: 16)

func frame(size: TerminalSession.Size, lastKey: String, keyCount: Int) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: size.columns, height: size.rows)
    guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
        buffer.write("terminal too small", x: 0, y: 0, role: .statusError)
        buffer.write("need 60×16, have \(size.columns)×\(size.rows)", x: 0, y: 1, role: .default)
        return buffer
    }
    buffer.fill(Rect(x: 0, y: 0, width: size.columns, height: 1), role: .header)
    buffer.write(" termdemo — Clientele terminal backend", x: 0, y: 0, role: .header)
    buffer.write("size: \(size.columns)x\(size.rows)", x: 2, y: 2, role: .title)
    let names: [(String, StyleRole)] = [
        ("Müller", .riskLow), ("東京", .riskMedium), ("😀 grin", .riskHigh), ("Zoë Ångström", .tierA),
    ]
    for (row, entry) in names.enumerated() {
        buffer.write("|", x: 2, y: 4 + row, role: .border)
        buffer.write(entry.0, x: 3, y: 4 + row, role: entry.1, maxWidth: 14)
        buffer.write("|end", x: 17, y: 4 + row, role: .border)
    }
    buffer.write("last key: \(lastKey)", x: 2, y: 9, role: .kpiValue)
    buffer.write("keys: \(keyCount)", x: 2, y: 10, role: .muted)
    buffer.fill(Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1), role: .status)
    buffer.write(
        " q quit · ctrl-c 130 · ctrl-z suspend · ctrl-l repaint", x: 0, y: size.rows - 1, role: .status)
    return buffer
}

func run() -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let session: TerminalSession
    do {
        session = try TerminalSession(environment: environment)
    } catch {
        FileHandle.standardError.write(Data("termdemo: \(error)\n".utf8))
        return 1
    }
    let theme =
        NoColor.isRequested(environment: environment) ? Theme.builtInDefault.monochrome() : .builtInDefault
    let renderer = TerminalRenderer(session: session, theme: theme)
    let crashAllowed = environment["TERMDEMO_CRASH"] == "1"
    var lastKey = "none"
    var keyCount = 0
    while true {
        renderer.draw(frame(size: session.size, lastKey: lastKey, keyCount: keyCount))
        guard let key = session.nextKey(timeoutMilliseconds: 1000) else { continue }
        keyCount += 1
        lastKey = key.name
        switch key {
        case .character("q"):
            session.restore()
            return 0
        case .control("c"):
            session.restore()
            return 130
        case .control("z"):
            session.suspend()
        case .control("l"):
            renderer.invalidate()
        case .character("!") where crashAllowed:
            let empty: [Int] = []
            lastKey = "\(empty[keyCount])"
        default:
            break
        }
    }
}

exit(run())
