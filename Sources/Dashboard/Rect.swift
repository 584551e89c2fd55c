/// A rectangle of cells, used to place widgets and to fill or restyle parts of a buffer.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The column just right of the rectangle.
    public var right: Int { x + width }
    /// The row just below the rectangle.
    public var bottom: Int { y + height }
    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part both rectangles cover (empty, with zero size, if they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let newRight = min(right, other.right)
        let newBottom = min(bottom, other.bottom)
        return Rect(x: left, y: top, width: max(0, newRight - left), height: max(0, newBottom - top))
    }

    /// Whether the cell at (`x`, `y`) lies inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < right && row >= y && row < bottom
    }
}
