@preconcurrency import CNCursesW
import Dashboard

/// Turns what `get_wch` returned into a ``KeyEvent``. Pure: it reads no input and calls no
/// ncurses function, so the whole key table is tested without a terminal.
///
/// Alt-x arrives as Escape followed at once by "x"; the session reads the follow-up without
/// waiting and asks ``altCombination(following:)`` whether the two make one key.
public enum KeyDecoder {
    /// The event for one raw read; `nil` for ``RawKey/none`` (no key arrived).
    public static func decode(_ raw: RawKey) -> KeyEvent? {
        switch raw {
        case .none: return nil
        case .character(let code): return decodeCharacter(code)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    /// The Alt key for Escape followed by `next`, or `nil` when `next` is not a printable
    /// character (then it is a key of its own and must be given back to the input queue).
    public static func altCombination(following next: RawKey) -> KeyEvent? {
        guard case .character(let code) = next, case .character(let character)? = decodeCharacter(code)
        else { return nil }
        return .alt(character)
    }

    /// The code point Escape has; the session checks for it to try an Alt combination.
    public static let escapeCode: UInt32 = 27

    /// Whether `next`, right after Escape, opens a terminal sequence ncurses did not know
    /// ("[" or "O", e.g. Ctrl-Up as ESC [ 1 ; 5 A): the rest must not become separate keys.
    public static func startsEscapeSequence(_ next: RawKey) -> Bool {
        next == .character(0x5B) || next == .character(0x4F)
    }

    /// Whether `raw` is the last character of a sequence opened by `introducer`: after "O" the
    /// one character that follows; after "[" a final byte "@"–"~".
    public static func endsEscapeSequence(_ raw: RawKey, introducer: RawKey) -> Bool {
        guard case .character(let code) = raw else { return true }
        if introducer == .character(0x4F) { return true }
        return (0x40...0x7E).contains(code)
    }

    private static func decodeCharacter(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0x80...0x9F: return .unknown(Int(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> KeyEvent? {
        if let named = namedKeyCodes[code] { return named }
        let first = clientele_key_f(1)
        if code >= first && code <= clientele_key_f(63) { return .function(Int(code - first) + 1) }
        return .unknown(Int(code))
    }

    private static let namedKeyCodes: [Int32: KeyEvent] = [
        KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_IC: .insert,
        KEY_BTAB: .shiftTab, KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_RESIZE: .resize,
        // Keypad and "select/find" codes some terminals send for Home/End.
        KEY_A1: .home, KEY_C1: .end, KEY_A3: .pageUp, KEY_C3: .pageDown, KEY_FIND: .home,
        KEY_SELECT: .end,
    ]
}
