@preconcurrency import CNCursesW
import Dashboard

/// Draws ``ScreenBuffer`` frames: only the cells that changed since the last frame, styled by a
/// ``Theme``, with one `doupdate` per frame and never a `clear()` per frame.
///
/// Colour pairs are allocated on first use (``ColorPairAllocator``), so a theme of 40 roles
/// costs at most 40 pairs whatever the terminal offers. After a resize, ``invalidate()``
/// (Ctrl-L) or a theme change, the next frame erases and repaints everything.
public final class TerminalRenderer {
    private let session: TerminalSession
    private var previous: ScreenBuffer?
    private var drawnGeneration: Int
    private var pairs: ColorPairAllocator
    private var styles: [StyleRole: (attributes: attr_t, pair: Int32)] = [:]

    /// The theme roles are resolved through; changing it repaints the next frame.
    public var theme: Theme {
        didSet {
            styles.removeAll()
            previous = nil
        }
    }

    public init(session: TerminalSession, theme: Theme) {
        self.session = session
        self.theme = theme
        self.pairs = ColorPairAllocator(limit: session.colors.pairLimit)
        self.drawnGeneration = session.screenGeneration
    }

    /// Forgets the last frame, so the next ``draw(_:)`` clears the terminal and redraws every
    /// cell (for Ctrl-L, or when something else wrote to the terminal).
    public func invalidate() {
        previous = nil
    }

    /// Writes what changed between the last frame and `buffer`, then updates the terminal once.
    public func draw(_ buffer: ScreenBuffer) {
        guard session.isActive else { return }
        if drawnGeneration != session.screenGeneration {
            drawnGeneration = session.screenGeneration
            previous = nil
        }
        let plan = FramePlan.make(previous: previous, next: buffer)
        if plan.fullRepaint {
            _ = werase(stdscr)
            _ = clearok(curscr, true)
        }
        let size = session.size
        for run in plan.runs {
            let look = style(for: run.role)
            _ = clientele_set_style(stdscr, look.attributes, look.pair)
            let segments = TextSegment.segments(
                of: run, columns: size.columns, rows: size.rows, terminalWidth: TerminalWidth.columns)
            for segment in segments {
                // ncurses' waddnwstr tests `*str` before the count, so it reads one element past
                // the last one it writes: without a terminating NUL that read leaves the array
                // (AddressSanitizer caught it as a crash in waddnwstr).
                let terminated = segment.characters + [0]
                terminated.withUnsafeBufferPointer { text in
                    // ERR in the bottom-right cell only means the cursor could not advance.
                    _ = mvaddnwstr(
                        Int32(segment.y), Int32(segment.x), text.baseAddress, Int32(text.count - 1))
                }
            }
        }
        _ = clientele_set_style(stdscr, clientele_attr_normal(), 0)
        _ = wnoutrefresh(stdscr)
        _ = doupdate()
        previous = buffer
    }

    /// The attributes and colour pair of `role`, allocating the pair on first use.
    private func style(for role: StyleRole) -> (attributes: attr_t, pair: Int32) {
        if let cached = styles[role] { return cached }
        let colors = session.colors
        let resolved = theme.style(for: role, depth: colors.depth)
        var pair: Int32 = 0
        if colors.depth != .none {
            let foreground = colors.colorNumber(resolved.foreground, isForeground: true)
            let background = colors.colorNumber(resolved.background, isForeground: false)
            switch pairs.pair(foreground: foreground, background: background) {
            case .existing(let number):
                pair = number
            case .new(let number):
                pair = init_extended_pair(number, foreground, background) == OK ? number : 0
            case .fallback:
                pair = 0
            }
        }
        let look = (attributes: StyleAttributes.attributes(of: resolved), pair: pair)
        styles[role] = look
        return look
    }
}
