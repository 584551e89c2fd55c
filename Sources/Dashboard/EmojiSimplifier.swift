/// Reduces emoji sequences whose width terminals disagree about to a form they all agree on.
///
/// `wcwidth`-based terminals (and ncurses' own cursor bookkeeping) advance 4 columns for 👍🏽,
/// 6 or more for a ZWJ family, and 1 or 2 for ❤️ depending on the terminal; ``DisplayWidth``
/// counts 2, 2 and 1. A cell that holds such a sequence would shift the rest of its row on some
/// terminals, so ``ScreenBuffer`` stores the simplified grapheme instead: the first emoji of a ZWJ
/// sequence, the emoji without its skin-tone modifier, the symbol without VS16. Flags and
/// tag sequences already agree (2 columns) and are kept.
public enum EmojiSimplifier {
    /// The terminal-safe form of one grapheme cluster; most clusters are returned unchanged.
    public static func simplified(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, scalars.contains(where: { $0.value > 0x7F && $0.properties.isEmoji })
        else { return character }
        var kept = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D { break }
            if scalar.value == 0xFE0F || scalar.properties.isEmojiModifier { continue }
            kept.append(scalar)
        }
        // Removing scalars could in theory leave nothing or split the cluster: keep it as it was.
        let result = String(kept)
        guard result.count == 1, let simplified = result.first else { return character }
        return simplified
    }
}
