/// Makes text that comes from data (names, notes, imported CSV fields) safe to print on a terminal.
///
/// Data must never be able to steer the terminal: ncurses filters ESC and BEL but not `\r`, `\b`,
/// `\t` or bidi overrides, and nothing filters what the CLI prints. So the UI *and* every CLI output
/// pass data text through this one function.
///
/// What happens to what:
/// - Escape sequences are **removed whole**, payload and terminator included: CSI (`ESC [` … final),
///   OSC (`ESC ]` … BEL or ST), DCS (`ESC P`), SOS (`ESC X`), PM (`ESC ^`), APC (`ESC _`), their
///   8-bit C1 introducers (U+009B, U+009D, U+0090, U+0098, U+009E, U+009F), and two-character
///   sequences (`ESC 7`, `ESC ( B`, `ESC c` …). Removing beats a placeholder here: colour codes
///   pasted from a terminal become clean text (`ESC[1mBold ESC[0m` → `Bold`), and no payload such
///   as `]0;title` leaks. A string sequence (OSC/DCS/SOS/PM/APC) without terminator swallows the
///   rest of the text, as a terminal would; a CSI without final byte ends at the first byte that
///   cannot belong to it.
/// - Other C0 controls, DEL and C1 controls (a stray ESC, NUL, `\b`, BEL …) become the visible
///   ``placeholder`` U+FFFD, one per control, so broken data is noticed rather than hidden.
/// - `\t`, VT and FF become a space.
/// - Line breaks (`\n`, `\r\n`, a lone `\r`, NEL U+0085, U+2028, U+2029) become one `\n` in
///   ``LineBreaks/keep`` mode (notes), or a space / `⏎` in the single-line modes (table cells).
/// - Every format character (General Category Cf) is removed: bidi embeddings, overrides, isolates
///   and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width space and
///   non-joiner, word joiner and invisible operators (U+2060–U+2064), BOM U+FEFF, interlinear
///   annotation (U+FFF9–U+FFFB) and the soft hyphen U+00AD (terminals disagree about its width).
///   Two exceptions keep emoji intact: a ZWJ between two emoji, and tag characters after a
///   black flag (subdivision flags such as Scotland).
/// - Everything else stays: letters with umlauts and accents, CJK, emoji, combining marks,
///   variation selectors, private-use characters.
public enum TextSanitizer {
    /// What a line break in data turns into.
    public enum LineBreaks: Sendable, Equatable {
        /// A space: the default for table cells and one-line CLI output.
        case space
        /// A visible `⏎` (U+23CE), for one-line previews of multi-line notes.
        case symbol
        /// Kept as `\n` (all line-break forms normalised to it), for note display.
        case keep
    }

    /// Shown in place of a stray control character.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// The visible line-break marker of ``LineBreaks/symbol``.
    public static let lineBreakSymbol: Unicode.Scalar = "\u{23CE}"

    /// Returns `text` with everything that could steer a terminal neutralised (see the type's doc).
    public static func sanitize(_ text: String, lineBreaks: LineBreaks = .space) -> String {
        if isPlainPrintableASCII(text) || isPlainPrintable(text) { return text }
        var scanner = EscapeSequenceScanner(scalars: Array(text.unicodeScalars))
        var output = String.UnicodeScalarView()
        while let token = scanner.next() {
            switch token {
            case .sequence:
                continue
            case .lineBreak:
                output.append(contentsOf: lineBreakReplacement(lineBreaks))
            case .scalar(let scalar, let following):
                let previous = output.last
                if let replacement = replacement(for: scalar, previous: previous, following: following) {
                    output.append(contentsOf: replacement)
                }
            }
        }
        return String(output)
    }

    /// True when every scalar is printable ASCII: the common case needs no work at all.
    private static func isPlainPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// True when every scalar lies in ranges that hold no control, format character, line
    /// separator or escape introducer (checked exhaustively by a test), so text with umlauts,
    /// CJK, "·", "€" or "▲" also skips the scanner; the dashboard sanitises on every draw.
    static func isPlainPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x5FF, 0x2010...0x2027, 0x2030...0x205F, 0x2070...0xD7FF,
                0xE000...0xFEFE, 0xFF00...0xFFF8, 0x1F000...0x1FAFF, 0x20000...0x3FFFF:
                true
            default:
                false
            }
        }
    }

    private static func lineBreakReplacement(_ mode: LineBreaks) -> [Unicode.Scalar] {
        switch mode {
        case .space: return [" "]
        case .symbol: return [lineBreakSymbol]
        case .keep: return ["\n"]
        }
    }

    /// The replacement for one scalar outside any sequence; `nil` removes it.
    private static func replacement(
        for scalar: Unicode.Scalar, previous: Unicode.Scalar?, following: Unicode.Scalar?
    ) -> [Unicode.Scalar]? {
        let value = scalar.value
        switch value {
        case 0x09, 0x0B, 0x0C:
            return [" "]
        case 0x00...0x1F, 0x7F, 0x80...0x9F:
            return [placeholder]
        case 0x200D:
            return isEmojiJoint(previous: previous, following: following) ? [scalar] : nil
        case 0xE0020...0xE007F:
            return isInTagSequence(previous: previous) ? [scalar] : nil
        default:
            return scalar.properties.generalCategory == .format ? nil : [scalar]
        }
    }

    /// A ZWJ is kept only between two emoji (ZWJ sequences such as families, 🏳️‍🌈).
    private static func isEmojiJoint(previous: Unicode.Scalar?, following: Unicode.Scalar?) -> Bool {
        guard let previous, let following else { return false }
        let previousIsEmojiPart =
            isPictographic(previous) || previous.properties.isEmojiModifier || previous.value == 0xFE0F
        return previousIsEmojiPart && isPictographic(following)
    }

    /// Tag characters belong to an emoji tag sequence only after 🏴 or another tag character.
    private static func isInTagSequence(previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        return previous.value == 0x1F3F4 || (0xE0020...0xE007F).contains(previous.value)
    }

    /// Emoji other than the ASCII ones (`#`, `*`, digits are "emoji" only as keycap bases).
    private static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x7F && scalar.properties.isEmoji
    }
}

/// Sanitises data text for the terminal; the single entry point the UI and the CLI share.
///
/// See ``TextSanitizer`` for exactly what is removed or replaced.
public func sanitizedForTerminal(_ text: String, lineBreaks: TextSanitizer.LineBreaks = .space) -> String {
    TextSanitizer.sanitize(text, lineBreaks: lineBreaks)
}
