import Dashboard
import Foundation

/// A piece of a ``CellRun`` that can go to the terminal in one `mvaddnwstr` call, at a position
/// ncurses agrees with.
///
/// ncurses advances the cursor by the C library's `wcwidth`, the buffer lays out by
/// ``DisplayWidth``. Where the two agree (nearly always) a whole run is one segment; where they
/// disagree the character gets a segment of its own at its planned column, padded or replaced so
/// it fills exactly its cells, and the rest of the row stays aligned.
public struct TextSegment: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// The text as `wchar_t` values (Unicode scalars on Linux and macOS).
    public var characters: [wchar_t]

    public init(x: Int, y: Int, characters: [wchar_t]) {
        self.x = x
        self.y = y
        self.characters = characters
    }

    /// Splits `run` into segments, clipped to a screen of `columns` × `rows`.
    ///
    /// `terminalWidth` is how many columns ncurses will advance for a character (-1 if it cannot
    /// print it); the session passes `wcwidth`-based widths, tests pass fakes.
    public static func segments(
        of run: CellRun, columns: Int, rows: Int, terminalWidth: (Character) -> Int
    ) -> [TextSegment] {
        guard run.y >= 0, run.y < rows, run.x >= 0 else { return [] }
        var result: [TextSegment] = []
        var current = TextSegment(x: run.x, y: run.y, characters: [])
        var column = run.x
        for character in run.text {
            let planned = DisplayWidth.width(of: character)
            if planned == 0 { continue }
            if column + planned > columns { break }
            let actual = terminalWidth(character)
            if actual == planned {
                current.characters += wideCharacters(character)
            } else {
                if !current.characters.isEmpty { result.append(current) }
                result.append(
                    TextSegment(x: column, y: run.y, characters: substitute(character, planned, actual)))
                current = TextSegment(x: column + planned, y: run.y, characters: [])
            }
            column += planned
        }
        if !current.characters.isEmpty { result.append(current) }
        return result
    }

    /// What fills `planned` columns when the terminal thinks `character` is `actual` wide: the
    /// character padded with spaces if it is narrower, else `?` (never wider than planned).
    private static func substitute(_ character: Character, _ planned: Int, _ actual: Int) -> [wchar_t] {
        let space = wchar_t(0x20)
        if actual >= 1 && actual < planned {
            return wideCharacters(character) + Array(repeating: space, count: planned - actual)
        }
        return [wchar_t(0x3F)] + Array(repeating: space, count: planned - 1)
    }

    /// The character's Unicode scalars as `wchar_t` values.
    static func wideCharacters(_ character: Character) -> [wchar_t] {
        character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    }
}
