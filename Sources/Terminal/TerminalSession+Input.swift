@preconcurrency import CNCursesW
import Dashboard

/// Reading keys: one `get_wch` with a timeout, decoded by ``KeyDecoder``, plus the follow-up read
/// that turns Escape + x into Alt-x.
extension TerminalSession {
    /// Waits up to `timeoutMilliseconds` (forever if `nil`) for a key; `nil` if none came.
    ///
    /// Escape followed at once by a printable character is ``KeyEvent/alt(_:)``; a resize
    /// updates ``size`` before ``KeyEvent/resize`` is returned.
    public func nextKey(timeoutMilliseconds: Int?) -> KeyEvent? {
        guard isActive else { return nil }
        wtimeout(stdscr, timeoutMilliseconds.map { Int32(clamping: max(0, $0)) } ?? -1)
        let raw = readRaw()
        guard var event = KeyDecoder.decode(raw) else { return nil }
        if raw == .character(KeyDecoder.escapeCode) {
            event = followEscape()
        }
        if event == .resize {
            size = Self.currentSize()
            screenGeneration &+= 1
        }
        return event
    }

    private func readRaw() -> RawKey {
        var value: wint_t = 0
        let status = wget_wch(stdscr, &value)
        return RawKey(status: status, value: UInt32(value))
    }

    /// After Escape: Alt-x if a printable character is already waiting; an unknown escape
    /// sequence ncurses did not recognise (ESC [ … or ESC O …) is swallowed whole; anything else
    /// is given back to the queue and Escape stands alone.
    private func followEscape() -> KeyEvent {
        wtimeout(stdscr, 0)
        let next = readRaw()
        if KeyDecoder.startsEscapeSequence(next), swallowSequenceTail(afterIntroducer: next) {
            return .unknown(Int(KeyDecoder.escapeCode))
        }
        if let alt = KeyDecoder.altCombination(following: next) { return alt }
        giveBack(next)
        return .escape
    }

    /// Reads what is already queued of the sequence; `false` if nothing was (a lone Alt-[).
    private func swallowSequenceTail(afterIntroducer introducer: RawKey) -> Bool {
        for readCount in 0..<32 {
            let raw = readRaw()
            if raw == .none { return readCount > 0 }
            if KeyDecoder.endsEscapeSequence(raw, introducer: introducer) { return true }
        }
        return true
    }

    private func giveBack(_ raw: RawKey) {
        switch raw {
        case .character(let code): _ = unget_wch(wchar_t(bitPattern: code))
        case .keyCode(let code): _ = ungetch(code)
        case .none: break
        }
    }
}
