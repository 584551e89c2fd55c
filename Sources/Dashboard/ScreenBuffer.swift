/// A grid of cells that screens draw into and tests compare, like ratatui's `Buffer`.
///
/// Drawing never touches the terminal: a view fills a buffer, the backend diffs it against the
/// previous frame (``changes(from:)``) and writes only what changed. Invariants kept by every
/// mutation: each wide grapheme is followed by its continuation cell inside the same row; no cell
/// holds half a wide grapheme; no cell holds a control character (text is sanitised on write).
public struct ScreenBuffer: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank buffer; negative sizes count as zero.
    public init(width: Int, height: Int, role: StyleRole = .default) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(role: role), count: self.width * self.height)
    }

    /// A buffer holding `lines`, as wide as the widest line: handy as the expected value in tests.
    public init(lines: [String], role: StyleRole = .default) {
        let widest = lines.map { DisplayWidth.width(of: sanitizedForTerminal($0)) }.max() ?? 0
        self.init(width: widest, height: lines.count, role: role)
        for (row, line) in lines.enumerated() {
            write(line, x: 0, y: row, role: role)
        }
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`), or `nil` outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Writes `text` on row `y` from column `x`, clipped to `maxWidth` columns and to the
    /// buffer's edges, and returns the column just after the written text.
    ///
    /// The text is sanitised (single line) first, so data can never put a control into a cell.
    /// Emoji sequences are simplified (``EmojiSimplifier``); zero-width clusters are dropped. A
    /// wide grapheme that would straddle the clip edge is replaced by a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        var limit = width
        if let maxWidth {
            let (end, overflow) = x.addingReportingOverflow(max(0, maxWidth))
            if !overflow { limit = min(width, end) }
        }
        let sanitized = sanitizedForTerminal(text)
        var column = x
        for (index, character) in sanitized.enumerated() {
            let symbol = EmojiSimplifier.simplified(character)
            let symbolWidth = DisplayWidth.width(of: symbol)
            if symbolWidth == 0 { continue }
            if column >= limit || column + symbolWidth > limit {
                // The edge cuts here. A date it would cut is taken back whole (or to "24.11."),
                // so "24.11.2026" never shows as "24.1"; only then are the characters needed.
                if x >= 0 {
                    let characters = Array(sanitized)
                    let safe = DisplayWidth.dateSafeLength(characters, cut: index)
                    if safe < index {
                        let taken = characters[safe..<index].reduce(0) {
                            $0 + DisplayWidth.width(of: EmojiSimplifier.simplified($1))
                        }
                        for blank in (column - taken)..<column { put(.blank(role: role), x: blank, y: y) }
                        return column - taken
                    }
                }
                if column < limit {
                    // A wide grapheme that would straddle the edge leaves a space.
                    if column >= 0 { put(.blank(role: role), x: column, y: y) }
                    column += 1
                }
                break
            }
            if column < 0 {
                // Clipped at the left edge; a wide grapheme cut there leaves a space in column 0.
                if column + symbolWidth > 0 { put(.blank(role: role), x: 0, y: y) }
            } else {
                put(Cell(symbol: String(symbol), width: symbolWidth, role: role), x: column, y: y)
            }
            column += symbolWidth
        }
        return column
    }

    /// Fills `rect` (clipped to the buffer) with `symbol` in `role`. A wide symbol that does not
    /// fit at the right edge of the rectangle leaves a space.
    public mutating func fill(_ rect: Rect, with symbol: Character = " ", role: StyleRole) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let symbolWidth = max(1, DisplayWidth.width(of: symbol))
        let line = String(repeating: symbol, count: clipped.width / symbolWidth + 1)
        for row in clipped.y..<clipped.bottom {
            write(line, x: clipped.x, y: row, role: role, maxWidth: clipped.width)
        }
    }

    /// Gives every cell in `rect` the role `role` without changing text (e.g. a selection bar).
    /// Both halves of a wide grapheme cut by the rectangle's edge take the new role.
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.bottom {
            let lower = max(0, clipped.x - 1)
            let upper = min(width, clipped.right + 1)
            for column in lower..<upper {
                let inside = column >= clipped.x && column < clipped.right
                let index = row * width + column
                let cell = cells[index]
                let pairedInside =
                    (cell.width == 2 && column + 1 == clipped.x)
                    || (cell.isContinuation && column - 1 == clipped.right - 1)
                if inside || pairedInside { cells[index].role = role }
            }
        }
    }

    /// The rows as strings, trailing spaces kept (every row has `width` columns).
    public var lines: [String] {
        (0..<height).map { row in
            cells[(row * width)..<((row + 1) * width)].map(\.symbol).joined()
        }
    }

    /// The rows as strings without trailing spaces.
    public var trimmedLines: [String] {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }
    }

    /// Stores `cell` at (`x`, `y`) (plus its continuation if wide), first blanking the other half
    /// of any wide grapheme it partly overwrites.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let span = max(1, cell.width)
        for column in x..<(x + span) {
            let existing = cells[y * width + column]
            if existing.isContinuation, column - 1 >= 0, column - 1 < x {
                cells[y * width + column - 1] = .blank(role: cells[y * width + column - 1].role)
            }
            if existing.width == 2, column + 1 < width, column + 1 >= x + span {
                cells[y * width + column + 1] = .blank(role: cells[y * width + column + 1].role)
            }
        }
        cells[y * width + x] = cell
        if cell.width == 2 {
            cells[y * width + x + 1] = .continuation(role: cell.role)
        }
    }
}
