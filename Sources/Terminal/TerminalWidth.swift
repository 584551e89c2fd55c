@preconcurrency import CNCursesW

/// How many columns ncurses advances for a character: the C library's `wcwidth` summed over its
/// scalars, -1 if any scalar is unprintable in the current locale or the first has no width.
enum TerminalWidth {
    static func columns(of character: Character) -> Int {
        var total = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            let width = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            if width < 0 || (index == 0 && width == 0) { return -1 }
            total += width
        }
        return total
    }
}
