/// A piece of text in one role; a line of the screen is a list of them.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, _ role: StyleRole = .default) {
        self.text = text
        self.role = role
    }

    /// Text that comes from data (names, notes, imported fields): sanitised here, once, so
    /// truncation and padding measure what will really be on screen.
    public static func data(_ text: String, _ role: StyleRole = .default) -> Span {
        Span(sanitizedForTerminal(text), role)
    }

    public var width: Int { DisplayWidth.width(of: text) }
}

/// One line of spans.
public typealias StyledLine = [Span]

extension ScreenBuffer {
    /// Writes `line` from (`x`, `y`), clipped to `maxWidth` columns; returns the column after it.
    @discardableResult
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, maxWidth: Int) -> Int {
        var column = x
        let limit = x + max(0, maxWidth)
        for span in line where column < limit {
            column = write(span.text, x: column, y: y, role: span.role, maxWidth: limit - column)
        }
        return min(column, limit)
    }

    /// Fills row `y` of `area` with spaces in `role`, then writes `left` at the left edge and
    /// `right` flush with the right edge (the right part wins when both do not fit).
    public mutating func bar(_ area: Rect, y: Int, left: StyledLine, right: StyledLine = [], role: StyleRole)
    {
        fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
        let rightWidth = min(area.width, right.reduce(0) { $0 + $1.width })
        draw(left, x: area.x, y: y, maxWidth: max(0, area.width - rightWidth - (rightWidth > 0 ? 1 : 0)))
        if rightWidth > 0 {
            draw(right, x: area.right - rightWidth, y: y, maxWidth: rightWidth)
        }
    }

    /// Draws `lines` into `area` from line `offset` on, one per row.
    public mutating func draw(lines: [StyledLine], in area: Rect, offset: Int = 0) {
        for row in 0..<max(0, area.height) {
            let index = offset + row
            guard index >= 0, index < lines.count else { break }
            draw(lines[index], x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }
}

/// Column arithmetic for views.
enum Layout {
    /// `text` cut or padded to exactly `width` columns.
    static func fit(_ text: String, _ width: Int, _ alignment: TextAlignment = .left) -> String {
        DisplayWidth.pad(text, toColumns: width, alignment: alignment)
    }

    /// The role a cell takes inside the selection bar: "selection.risk.high" falls back to
    /// "selection" in themes that do not style it, so the bar stays one colour, and the risk
    /// word is still there.
    static func selected(_ role: StyleRole) -> StyleRole {
        role == .default ? .selection : StyleRole("selection." + role.name)
    }
}
