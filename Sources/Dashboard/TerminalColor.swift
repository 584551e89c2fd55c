/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours, an
/// xterm-256 index, or 24-bit RGB. ``downsampled(to:)`` maps it to what a terminal can show.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// One of the 16 palette colours the user's terminal defines.
    case ansi(ANSIColor)
    /// An xterm-256 palette index.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// Parses a theme's colour text: a name ("red", "bright-red", "default"), an index
    /// ("0"–"255") or "#rrggbb". Case-insensitive; `nil` if it is none of these.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if lowered == "default" || lowered == "none" {
            self = .default
        } else if let named = ANSIColor(name: lowered) {
            self = .ansi(named)
        } else if !lowered.isEmpty, lowered.allSatisfy(\.isASCIIDigit), lowered.count <= 3,
            let index = UInt8(lowered)
        {
            self = .indexed(index)
        } else if let rgb = Self.parseHex(lowered) {
            self = rgb
        } else {
            return nil
        }
    }

    private static func parseHex(_ text: String) -> TerminalColor? {
        guard text.count == 7, text.first == "#" else { return nil }
        let digits = text.dropFirst()
        guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(
            red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }
}

/// The 16 ANSI colours, numbered as terminals number them (0–7 normal, 8–15 bright).
public enum ANSIColor: Int, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan
    case brightWhite

    /// The name theme files use: "red", "bright-red", …
    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return rawValue < 8 ? base : "bright-" + base
    }

    /// Looks up a name; "bright-red", "bright_red" and "brightred" all work, "grey"/"gray" is
    /// bright black.
    public init?(name: String) {
        let compact = name.lowercased().filter { $0 != "-" && $0 != "_" }
        if compact == "grey" || compact == "gray" {
            self = .brightBlack
            return
        }
        guard let match = Self.allCases.first(where: { $0.name.filter { $0 != "-" } == compact }) else {
            return nil
        }
        self = match
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
