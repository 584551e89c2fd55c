/// One key press, as the UI sees it: no ncurses types, so key maps and `update` functions can
/// match on it and tests can build it by hand.
///
/// The terminal backend decodes ncurses input into it; the UI core never sees ncurses.
/// ``name`` is the stable spelling key maps and help texts use ("ctrl-d", "pgdown", "alt-x");
/// ``init(name:)`` reads it back.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// Printable text: letters in any script, digits, punctuation, space, emoji.
    case character(Character)
    case enter
    case escape
    case tab
    case shiftTab
    case backspace
    case delete
    case insert
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1 is `function(1)`; terminals that report F13–F24 (often shifted F1–F12) give 13–24.
    case function(Int)
    /// Ctrl with a lowercase letter ("a"–"z") or with " ", "\\", "]", "^", "_".
    case control(Character)
    /// Alt (Meta) with a printable character: Escape followed at once by that character.
    case alt(Character)
    /// The terminal changed size; read the new size from the session.
    case resize
    /// A code the decoder does not know (kept so it can be logged or bound by number).
    case unknown(Int)

    /// The stable name used in key maps: "q", "Q", "ü", "space", "enter", "esc", "tab",
    /// "shift-tab", "backspace", "delete", "insert", "up", "down", "left", "right", "home", "end",
    /// "pgup", "pgdown", "f5", "ctrl-d", "alt-x", "resize", "unknown-1234".
    public var name: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .shiftTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdown"
        case .function(let number): return "f\(number)"
        case .control(" "): return "ctrl-space"
        case .control(let character): return "ctrl-" + String(character)
        case .alt(" "): return "alt-space"
        case .alt(let character): return "alt-" + String(character)
        case .resize: return "resize"
        case .unknown(let code): return "unknown-\(code)"
        }
    }

    public var description: String { name }

    /// Reads a key map name back (the inverse of ``name``); `nil` if it names no key.
    ///
    /// Names are matched exactly, except that the modifier prefixes and the named keys also
    /// accept upper case ("Ctrl-D", "PgDown", "F5") — a single character stays case-sensitive,
    /// because "q" and "Q" are different keys.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let named = Self.namedKeys[lowered] {
            self = named
            return
        }
        if let modified = Self.modified(name: name, lowered: lowered) {
            self = modified
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            self = .function(number)
            return
        }
        if lowered.hasPrefix("unknown-"), let code = Int(lowered.dropFirst("unknown-".count)) {
            self = .unknown(code)
            return
        }
        return nil
    }

    /// "ctrl-x" and "alt-x": the prefix in any case, the character as written (ctrl lowercased).
    private static func modified(name: String, lowered: String) -> KeyEvent? {
        for (prefix, isControl) in [("ctrl-", true), ("alt-", false)] where lowered.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            let character: Character?
            if rest.lowercased() == "space" {
                character = " "
            } else if rest.count == 1 {
                character = rest.first
            } else {
                character = nil
            }
            guard let character else { return nil }
            if isControl {
                let lower = Character(character.lowercased())
                return controlCharacters.contains(lower) ? .control(lower) : nil
            }
            return .alt(character)
        }
        return nil
    }

    /// The characters ``control(_:)`` can carry.
    static let controlCharacters: Set<Character> = Set("abcdefghijklmnopqrstuvwxyz \\]^_")

    private static let namedKeys: [String: KeyEvent] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .shiftTab, "backtab": .shiftTab, "backspace": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "up": .up, "down": .down, "left": .left,
        "right": .right, "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp,
        "pgdown": .pageDown, "pagedown": .pageDown, "resize": .resize,
    ]
}
