/// How many colours a terminal can show; themes are mapped down to it.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable {
    /// No colour at all (`NO_COLOR`, or a terminal without colour).
    case none = 0
    case ansi8 = 8
    case ansi16 = 16
    case indexed256 = 256
    case trueColor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth to use, from the colour count the terminal reports (ncurses `COLORS`) and the
    /// environment (`COLORTERM=truecolor` or `24bit` means 24-bit colour). Pure: the caller
    /// passes the environment in.
    public static func detect(terminalColors: Int, environment: [String: String]) -> ColorDepth {
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if terminalColors >= 8 && (colorTerm == "truecolor" || colorTerm == "24bit") { return .trueColor }
        if terminalColors >= 256 { return .indexed256 }
        if terminalColors >= 16 { return .ansi16 }
        if terminalColors >= 8 { return .ansi8 }
        return .none
    }
}
