import Dashboard
import Testing

@testable import Terminal

@Suite("Key names for key maps")
struct KeyEventNameTests {
    @Test(
        "Stable names",
        arguments: [
            (.control("d"), "ctrl-d"), (.pageDown, "pgdown"), (.pageUp, "pgup"), (.shiftTab, "shift-tab"),
            (.function(5), "f5"), (.alt("x"), "alt-x"), (.enter, "enter"), (.escape, "esc"),
            (.character("q"), "q"), (.character("Q"), "Q"), (.character("ü"), "ü"), (.character("東"), "東"),
            (.character(" "), "space"), (.tab, "tab"), (.backspace, "backspace"), (.delete, "delete"),
            (.up, "up"), (.down, "down"), (.left, "left"), (.right, "right"), (.home, "home"),
            (.end, "end"), (.insert, "insert"), (.resize, "resize"), (.unknown(999), "unknown-999"),
            (.control(" "), "ctrl-space"), (.alt(" "), "alt-space"),
        ] as [(KeyEvent, String)])
    func names(key: KeyEvent, name: String) {
        #expect(key.name == name)
        #expect(key.description == name)
        #expect(KeyEvent(name: name) == key)
    }

    @Test("Named keys and modifiers ignore case, single characters do not")
    func caseRules() {
        #expect(KeyEvent(name: "Ctrl-D") == .control("d"))
        #expect(KeyEvent(name: "PgDown") == .pageDown)
        #expect(KeyEvent(name: "F12") == .function(12))
        #expect(KeyEvent(name: "ESC") == .escape)
        #expect(KeyEvent(name: "Alt-X") == .alt("X"))
        #expect(KeyEvent(name: "x") != KeyEvent(name: "X"))
    }

    @Test(
        "Names that are no key", arguments: ["", "ctrl-", "ctrl-1", "ctrl-ab", "f0", "f64", "hyper-x", "pg"])
    func rejected(name: String) {
        #expect(KeyEvent(name: name) == nil)
    }
}
