/// How a cell looks on screen: colours and attributes, fully resolved.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
        dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's default look: default colours, no attributes.
    public static let plain = Style()

    /// The same style with its colours mapped to what a terminal with `depth` can show.
    public func downsampled(to depth: ColorDepth) -> Style {
        var copy = self
        copy.foreground = foreground.downsampled(to: depth)
        copy.background = background.downsampled(to: depth)
        return copy
    }
}

/// What one theme entry says about a role; unset fields fall back to the parent role.
///
/// Kept partial so `"status.hint" = { fg = 250 }` inherits the status bar's background.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool?
    public var dim: Bool?
    public var italic: Bool?
    public var underline: Bool?
    public var reverse: Bool?

    public init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool? = nil,
        dim: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// This entry with the fields it leaves unset taken from `fallback`.
    public func filling(from fallback: RoleStyle) -> RoleStyle {
        RoleStyle(
            foreground: foreground ?? fallback.foreground, background: background ?? fallback.background,
            bold: bold ?? fallback.bold, dim: dim ?? fallback.dim, italic: italic ?? fallback.italic,
            underline: underline ?? fallback.underline, reverse: reverse ?? fallback.reverse)
    }

    /// The complete style, with anything still unset taken from ``Style/plain``.
    public var resolved: Style {
        Style(
            foreground: foreground ?? .default, background: background ?? .default, bold: bold ?? false,
            dim: dim ?? false, italic: italic ?? false, underline: underline ?? false,
            reverse: reverse ?? false)
    }
}
