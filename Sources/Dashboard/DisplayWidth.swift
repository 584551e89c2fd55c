/// Terminal column widths of text, computed in pure Swift so layout is the same in every locale
/// (the C `wcwidth` answers -1 for all non-ASCII text unless a UTF-8 locale is set).
///
/// Policy:
/// - A scalar is 0 columns wide if it is a control, a nonspacing or enclosing mark (Mn, Me), a
///   format character (Cf, e.g. ZWJ) or a Hangul medial vowel / final consonant; 2 if it is East
///   Asian Wide or Fullwidth or has emoji presentation; 1 otherwise (ambiguous-width characters
///   count as narrow, as in non-CJK locales).
/// - A grapheme cluster is as wide as its base (its first scalar of non-zero width), so
///   `e\u{301}` is 1 and a Hangul L+V+T sequence is 2. Emoji ZWJ sequences, emoji with a
///   skin-tone modifier and flags (two regional indicators) count as 2. A text-default symbol
///   with VS16 (`❤️`) keeps its base width 1, as glibc `wcwidth` does.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar on its own.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if WideCharacterRanges.contains(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster (see the type's policy).
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return width(of: first) }
        var baseWidth: Int?
        var regionalIndicators = 0
        var hasModifier = false
        var hasJoiner = false
        var hasPictograph = false
        for scalar in scalars {
            let properties = scalar.properties
            if baseWidth == nil {
                let scalarWidth = width(of: scalar)
                if scalarWidth > 0 { baseWidth = scalarWidth }
            }
            if scalar.value == 0x200D { hasJoiner = true }
            if properties.isEmojiModifier { hasModifier = true }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
            if scalar.value > 0x7F && properties.isEmoji { hasPictograph = true }
        }
        if hasModifier || (hasJoiner && hasPictograph) || regionalIndicators >= 2 { return 2 }
        return baseWidth ?? 0
    }

    /// Columns taken by a whole string: the sum over its grapheme clusters.
    public static func width(of text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }
}

extension String {
    /// Terminal columns this string takes (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.width(of: self) }
}
