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
    /// counts towards `columns`). Text that fits is returned unchanged.
    public static func truncate(_ text: String, toColumns columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = width(of: character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        return ellipsis ? result + Self.ellipsis : result
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
