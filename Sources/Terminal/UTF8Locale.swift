import Foundation

/// Puts the process in a UTF-8 locale before ncurses starts: without one, ncursesw reads and
/// writes bytes, `wcwidth` answers -1 for every non-ASCII character, and ü or 東 break.
enum UTF8Locale {
    /// The user's locale if it is UTF-8, else C.UTF-8; returns whether a UTF-8 locale is active.
    @discardableResult
    static func activate() -> Bool {
        if setlocale(LC_ALL, "") != nil, isUTF8 { return true }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8 { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8
    }

    private static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
