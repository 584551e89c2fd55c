import Dashboard

/// What the terminal can do with colour, decided once at start from what ncurses reports.
///
/// Pure, so the decision is tested without a terminal. `COLORTERM=truecolor` alone is not enough
/// for 24-bit colour here: ncurses can only send RGB values when the terminfo entry is a
/// direct-colour one (`COLORS` of 2^24, e.g. `xterm-direct`); otherwise themes are mapped to 256.
public struct ColorCapability: Hashable, Sendable {
    /// The depth themes are downsampled to.
    public let depth: ColorDepth
    /// Colour pairs usable besides pair 0 (the terminal's default colours).
    public let pairLimit: Int
    /// Whether -1 means "the terminal's own colour" (`use_default_colors` succeeded).
    public let defaultColorsAvailable: Bool

    public init(depth: ColorDepth, pairLimit: Int, defaultColorsAvailable: Bool) {
        self.depth = depth
        self.pairLimit = max(0, pairLimit)
        self.defaultColorsAvailable = defaultColorsAvailable
    }

    /// No colour: `NO_COLOR`, or a terminal without colour.
    public static let monochrome = ColorCapability(depth: .none, pairLimit: 0, defaultColorsAvailable: true)

    /// The capability from ncurses' `COLORS` and `COLOR_PAIRS` and the environment.
    public static func detect(
        colors: Int, colorPairs: Int, defaultColorsAvailable: Bool, environment: [String: String]
    ) -> ColorCapability {
        if NoColor.isRequested(environment: environment) || colors < 8 || colorPairs < 2 {
            return .monochrome
        }
        var depth = ColorDepth.detect(terminalColors: colors, environment: environment)
        if depth == .trueColor && colors < directColorCount { depth = .indexed256 }
        if colors >= directColorCount { depth = .trueColor }
        return ColorCapability(
            depth: depth, pairLimit: colorPairs - 1, defaultColorsAvailable: defaultColorsAvailable)
    }

    /// `COLORS` of a direct-colour terminfo entry, where a colour number is 0xRRGGBB.
    static let directColorCount = 1 << 24

    /// The ncurses colour number for `color` (already downsampled to ``depth``); -1 is the
    /// terminal's default, or white/black when default colours are unavailable.
    public func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int32 {
        switch color.downsampled(to: depth) {
        case .default:
            if defaultColorsAvailable { return -1 }
            return isForeground ? Int32(ANSIColor.white.rawValue) : Int32(ANSIColor.black.rawValue)
        case .ansi(let ansi):
            return Int32(depth == .ansi8 ? ansi.rawValue % 8 : ansi.rawValue)
        case .indexed(let index):
            return Int32(index)
        case .rgb(let red, let green, let blue):
            return Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
        }
    }
}
