/// One terminal column of a ``ScreenBuffer``: a grapheme, how many columns it takes, its role.
///
/// A wide grapheme (2 columns) sits in its cell and marks the next cell as its continuation
/// (empty symbol, width 0), so every column of the screen has exactly one cell.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown; empty for a continuation cell.
    public var symbol: String
    /// Columns the symbol takes: 1 or 2, or 0 for a continuation cell.
    public var width: Int
    /// How the cell looks, resolved by the theme.
    public var role: StyleRole

    public init(symbol: String, width: Int, role: StyleRole) {
        self.symbol = symbol
        self.width = width
        self.role = role
    }

    /// An empty (space) cell.
    public static func blank(role: StyleRole = .default) -> Cell {
        Cell(symbol: " ", width: 1, role: role)
    }

    /// The right half of a wide grapheme that starts in the cell to the left.
    public static func continuation(role: StyleRole) -> Cell {
        Cell(symbol: "", width: 0, role: role)
    }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
