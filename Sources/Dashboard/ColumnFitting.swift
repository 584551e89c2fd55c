/// Where text sits inside a fixed number of columns.
public enum TextAlignment: Sendable, Equatable {
    case left
    case right
    case center
}

/// Cutting and padding text to a number of terminal columns, for table cells and bars.
///
/// Text is only ever cut between grapheme clusters, so a base letter never loses its accent and a
/// wide character is never split; when a wide character does not fit, the column it would have
/// half-filled becomes a space.
extension DisplayWidth {
    /// The ellipsis appended by ``truncate(_:toColumns:ellipsis:)``; one column wide.
    public static let ellipsis = "\u{2026}"

    /// `text` cut to at most `columns` columns. With `ellipsis`, a cut text ends in "…" (which
    /// counts towards `columns`) and the cut prefers the end of a word (see ``wordSafeLength``).
    /// Text that fits is returned unchanged.
    public static func truncate(_ text: String, toColumns columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        let characters = Array(text)
        var count = 0
        var used = 0
        for character in characters {
            let characterWidth = width(of: character)
            if used + characterWidth > budget { break }
            count += 1
            used += characterWidth
        }
        let dateSafe = dateSafeLength(characters, cut: count)
        guard ellipsis else { return String(characters.prefix(dateSafe)) }
        let kept = dateSafe == count ? wordSafeLength(characters, cut: count, budget: budget) : dateSafe
        return String(characters.prefix(kept)) + Self.ellipsis
    }

    /// Where a cut marked with "…" after `cut` characters should fall: "Industriebedarf m…" reads
    /// as a word cut off, so a cut inside a word moves back to the end of the previous one when
    /// that gives up little (at most a quarter of `budget`, or 3 columns); a long word cut far
    /// from any space ("Vertriebsgesellsc…") stays cut, its mark says so. A separator left
    /// dangling before the mark ("Wolf ·…") goes too; a plain space stays ("in 12 …" says the
    /// number is whole, "in 12…" would not).
    static func wordSafeLength(_ characters: [Character], cut: Int, budget: Int) -> Int {
        guard cut > 0, cut < characters.count else { return cut }
        func isWordPart(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        var end = cut
        let insideWord = isWordPart(characters[cut - 1]) && isWordPart(characters[cut])
        if insideWord {
            var start = cut
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            guard start > 0 else { return cut }
            end = start
        }
        var trimmed = end
        while trimmed > 0,
            characters[trimmed - 1].isWhitespace || danglingSeparators.contains(characters[trimmed - 1])
        {
            trimmed -= 1
        }
        if insideWord || characters[trimmed..<end].contains(where: { danglingSeparators.contains($0) }) {
            end = trimmed
        }
        guard end > 0 else { return cut }
        let lost = characters[end..<cut].reduce(0) { $0 + width(of: $1) }
        return lost <= max(3, budget / 4) ? end : cut
    }

    /// Characters that join two parts of a text and mean nothing before a "…".
    private static let danglingSeparators: Set<Character> = [
        "·", ",", ";", ":", "–", "—", "&", "/", "+", "|",
    ]

    /// Where a cut after `cut` characters may fall so that no date is left partly on screen:
    /// "nächster Anruf 24.1" reads as 24 January when it was 24.11.2026. A cut inside a date
    /// moves to before it, or keeps its day and month ("24.11.") when the cut falls in the year.
    public static func dateSafeLength(_ characters: [Character], cut: Int) -> Int {
        guard cut > 0, cut < characters.count, isDatePart(characters[cut - 1]), isDatePart(characters[cut])
        else { return cut }
        var start = cut
        while start > 0, isDatePart(characters[start - 1]) { start -= 1 }
        var index = start
        while index < cut {
            guard let date = dateAt(characters, index) else {
                index += 1
                continue
            }
            if date.end <= cut {
                index = date.end
                continue
            }
            if let short = date.shortEnd, short <= cut { return short }
            return date.start
        }
        return cut
    }

    private static func isDatePart(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == "." || character == "-")
    }

    private static func digits(_ characters: [Character], from index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        return end - index
    }

    /// A date starting at `index`: "2026-11-24", "24.11.2026" or "24.11." (where its day and
    /// month end, for the short form), nil when none starts there.
    private static func dateAt(_ characters: [Character], _ index: Int) -> (
        start: Int, end: Int, shortEnd: Int?
    )? {
        if index > 0, characters[index - 1].isASCII, characters[index - 1].isNumber { return nil }
        func separator(_ at: Int, _ mark: Character) -> Bool {
            at < characters.count && characters[at] == mark
        }
        let first = digits(characters, from: index)
        if first == 4, separator(index + 4, "-"), digits(characters, from: index + 5) == 2,
            separator(index + 7, "-"), digits(characters, from: index + 8) == 2
        {
            return (index, index + 10, nil)
        }
        guard (1...2).contains(first), separator(index + first, ".") else { return nil }
        let monthStart = index + first + 1
        let month = digits(characters, from: monthStart)
        guard (1...2).contains(month), separator(monthStart + month, ".") else { return nil }
        let dayAndMonth = monthStart + month + 1
        let year = min(4, digits(characters, from: dayAndMonth))
        return (index, dayAndMonth + year, year > 0 ? dayAndMonth : nil)
    }

    /// `text` made exactly `columns` columns wide: truncated if too long (see
    /// ``truncate(_:toColumns:ellipsis:)``), then padded with spaces on the side `alignment` says.
    public static func pad(
        _ text: String, toColumns columns: Int, alignment: TextAlignment = .left, ellipsis: Bool = true
    ) -> String {
        guard columns > 0 else { return "" }
        let fitted = truncate(text, toColumns: columns, ellipsis: ellipsis)
        let gap = max(0, columns - width(of: fitted))
        switch alignment {
        case .left:
            return fitted + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + fitted
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + fitted
                + String(repeating: " ", count: gap - before)
        }
    }
}
