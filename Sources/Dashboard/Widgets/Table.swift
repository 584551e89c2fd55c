/// A column of a ``Table``: title, width range, alignment, and when it is dropped.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Columns the column needs at least.
    public var minWidth: Int
    /// Share of the spare width it takes (0: fixed at `minWidth`).
    public var grow: Int
    public var alignment: TextAlignment
    /// Lower numbers stay longest when the table is too narrow for every column.
    public var priority: Int

    public init(
        _ title: String, minWidth: Int, grow: Int = 0, alignment: TextAlignment = .left, priority: Int
    ) {
        self.title = title
        self.minWidth = minWidth
        self.grow = grow
        self.alignment = alignment
        self.priority = priority
    }
}

/// A table with a header row, a selection bar and a scroll offset; cells are single spans laid
/// out by display columns, so wide and accented names line up.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[Span]]
    public var selected: Int?
    /// The first row shown.
    public var offset: Int
    public var gap = 1

    public init(columns: [TableColumn], rows: [[Span]], selected: Int?, offset: Int) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
    }

    /// Widths for each column in `width` columns; 0 for a column that does not fit. Columns are
    /// dropped by priority (highest number first) until the rest fits, then spare space grows
    /// the growing columns.
    public static func widths(of columns: [TableColumn], in width: Int, gap: Int = 1) -> [Int] {
        var shown = Set(columns.indices)
        func needed() -> Int {
            shown.reduce(0) { $0 + columns[$1].minWidth } + max(0, shown.count - 1) * gap
        }
        while needed() > width, shown.count > 1 {
            guard let drop = shown.max(by: { columns[$0].priority < columns[$1].priority }) else { break }
            shown.remove(drop)
        }
        var widths = columns.indices.map { shown.contains($0) ? columns[$0].minWidth : 0 }
        var spare = max(0, width - needed())
        let growth = shown.reduce(0) { $0 + columns[$1].grow }
        if growth > 0 {
            let share = spare / growth
            for index in shown.sorted() where columns[index].grow > 0 {
                widths[index] += share * columns[index].grow
            }
            spare -= share * growth
            if let first = shown.sorted().first(where: { columns[$0].grow > 0 }) { widths[first] += spare }
        } else if shown.count == 1, let only = shown.first {
            widths[only] = min(width, widths[only] + spare)
        }
        if shown.count == 1, let only = shown.first { widths[only] = min(widths[only], width) }
        return widths
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let widths = Self.widths(of: columns, in: area.width, gap: gap)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header)
        var x = area.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            Self.put(
                column.title, in: &buffer, x: x, y: area.y, width: widths[index], column.alignment, .header)
            x += widths[index] + gap
        }
        let visible = max(0, area.height - 1)
        for line in 0..<visible {
            let rowIndex = offset + line
            guard rowIndex < rows.count else { break }
            let y = area.y + 1 + line
            let isSelected = rowIndex == selected
            if isSelected {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection)
            }
            x = area.x
            for (index, column) in columns.enumerated() where widths[index] > 0 {
                let cell = index < rows[rowIndex].count ? rows[rowIndex][index] : Span("")
                let role = isSelected ? Layout.selected(cell.role) : cell.role
                Self.put(cell.text, in: &buffer, x: x, y: y, width: widths[index], column.alignment, role)
                x += widths[index] + gap
            }
        }
    }

    /// Writes `text` cut to `width` columns and aligned, without writing the padding: the row
    /// is already blank (or filled by the selection bar), and every extra character written
    /// costs time on each frame.
    static func put(
        _ text: String, in buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, _ alignment: TextAlignment,
        _ role: StyleRole
    ) {
        let fitted = DisplayWidth.truncate(text, toColumns: width)
        let gap = max(0, width - DisplayWidth.width(of: fitted))
        let offset =
            switch alignment {
            case .left: 0
            case .right: gap
            case .center: gap / 2
            }
        buffer.write(fitted, x: x + offset, y: y, role: role, maxWidth: width - offset)
    }
}
