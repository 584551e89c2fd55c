@preconcurrency import CNCursesW

/// What one `get_wch` call produced, before any meaning is given to it.
///
/// Kept apart from the call so ``KeyDecoder`` can be tested with plain values, no terminal.
public enum RawKey: Hashable, Sendable {
    /// `get_wch` returned `OK`: a Unicode code point or a control code (Enter is 10, Escape 27).
    case character(UInt32)
    /// `get_wch` returned `KEY_CODE_YES`: an ncurses key code such as `KEY_UP` or `KEY_RESIZE`.
    case keyCode(Int32)
    /// `get_wch` returned `ERR`: the timeout passed (or a signal interrupted the wait).
    case none

    /// Interprets `get_wch`'s status and the value it stored.
    public init(status: Int32, value: UInt32) {
        switch status {
        case OK: self = .character(value)
        case KEY_CODE_YES: self = .keyCode(Int32(bitPattern: value))
        default: self = .none
        }
    }
}
