/// Editable text with a cursor, counted in `Character`s (extended grapheme clusters), so the
/// cursor never lands inside an "ä" written as a + U+0308, a flag or a family emoji.
///
/// Multi-line text keeps "\n" between lines; ``layout(width:)`` breaks it into screen lines by
/// display width (wide CJK characters take two columns), and up/down move on those lines.
public struct TextInput: Equatable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor, 0...text.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the whole text (from the external editor); the cursor goes to the end.
    public mutating func replace(with text: String) {
        self.text = text
        cursor = text.count
    }

    /// Inserts at the cursor; the cursor ends after the insert. A combining mark joins the
    /// character before it, so the cursor is recounted rather than advanced.
    public mutating func insert(_ inserted: String) {
        let before = String(text.prefix(cursor)) + inserted
        text = before + String(text.dropFirst(cursor))
        cursor = min(text.count, before.count)
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        let start = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: start)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }

    /// Start of the current screen line (of `width` columns).
    public mutating func moveHome(width: Int) {
        let lines = layout(width: width)
        cursor = lines[Self.line(of: cursor, in: lines)].start
    }

    /// End of the current screen line.
    public mutating func moveEnd(width: Int) {
        let lines = layout(width: width)
        let line = lines[Self.line(of: cursor, in: lines)]
        cursor = line.end
    }

    /// One screen line up, at the same column as far as it goes; false on the first line.
    public mutating func moveUp(width: Int) -> Bool { moveVertically(by: -1, width: width) }

    /// One screen line down; false on the last line.
    public mutating func moveDown(width: Int) -> Bool { moveVertically(by: 1, width: width) }

    private mutating func moveVertically(by delta: Int, width: Int) -> Bool {
        let lines = layout(width: width)
        let current = Self.line(of: cursor, in: lines)
        let target = current + delta
        guard lines.indices.contains(target) else { return false }
        let column = columns(from: lines[current].start, to: cursor)
        var position = lines[target].start
        var used = 0
        let characters = Array(text)
        while position < lines[target].end {
            let width = Self.displayWidth(characters[position])
            if used + width > column { break }
            used += width
            position += 1
        }
        cursor = position
        return true
    }

    /// One screen line: characters `start..<end`; `hardBreak` when a "\n" ends it.
    public struct Line: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var hardBreak: Bool
    }

    /// Screen lines of at most `width` columns, broken after the last space that fits (a word
    /// longer than the line is cut; a character wider than the line gets a line of its own).
    /// Never empty: an empty text is one empty line.
    public func layout(width: Int) -> [Line] {
        let width = max(2, width)
        let widths = text.map { $0 == "\n" || $0 == "\r\n" ? 0 : Self.displayWidth($0) }
        var lines: [Line] = []
        var start = 0
        var used = 0
        var afterSpace: Int?
        for (index, character) in text.enumerated() {
            if character == "\n" || character == "\r\n" {
                lines.append(Line(start: start, end: index, hardBreak: true))
                start = index + 1
                used = 0
                afterSpace = nil
                continue
            }
            if used + widths[index] > width, index > start {
                // Break after the line's last space when there is one, else here.
                let end = afterSpace.map { $0 > start && $0 < index ? $0 : index } ?? index
                lines.append(Line(start: start, end: end, hardBreak: false))
                start = end
                used = widths[end..<index].reduce(0, +)
                afterSpace = nil
            }
            used += widths[index]
            if character == " " { afterSpace = index + 1 }
        }
        lines.append(Line(start: start, end: text.count, hardBreak: false))
        return lines
    }

    /// The screen line the cursor at `position` is on: at a soft break it belongs to the next
    /// line (where typing continues), at a hard break to the line the "\n" ends.
    public static func line(of position: Int, in lines: [Line]) -> Int {
        for (index, line) in lines.enumerated()
        where position >= line.start && (position < line.end || (position == line.end && line.hardBreak)) {
            return index
        }
        return max(0, lines.count - 1)
    }

    /// Display columns of the characters `from..<to`.
    public func columns(from: Int, to: Int) -> Int {
        guard to > from else { return 0 }
        return text.dropFirst(from).prefix(to - from).reduce(0) { $0 + Self.displayWidth($1) }
    }

    /// A character as the screen shows it: sanitised on its own, so the layout and the drawing
    /// agree on every character's width.
    public static func shown(_ character: Character) -> String {
        sanitizedForTerminal(String(character))
    }

    static func displayWidth(_ character: Character) -> Int {
        DisplayWidth.width(of: shown(character))
    }

    /// The characters `line` covers, as shown.
    public func shownText(of line: Line) -> String {
        text.dropFirst(line.start).prefix(line.end - line.start).map { Self.shown($0) }.joined()
    }
}
