/// One cell a backend must redraw: the new content at (`x`, `y`).
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// Adjacent changed cells of one row with one role, so a backend can write them in one call.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// The run's graphemes, concatenated.
    public var text: String
    /// Columns the run covers.
    public var width: Int
    public var role: StyleRole

    public init(x: Int, y: Int, text: String, width: Int, role: StyleRole) {
        self.x = x
        self.y = y
        self.text = text
        self.width = width
        self.role = role
    }
}

/// Diffing frames: the terminal backend redraws only what changed, never clears each frame.
extension ScreenBuffer {
    /// The cells that differ from `old`, row by row, left to right. Continuation cells are never
    /// listed: writing a wide grapheme covers them. If the sizes differ (a resize), every cell
    /// is listed.
    public func changes(from old: ScreenBuffer) -> [CellChange] {
        let sameSize = old.width == width && old.height == height
        var result: [CellChange] = []
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                let cell = cells[index]
                if sameSize && cell == old.cells[index] { continue }
                if cell.isContinuation {
                    // The wide grapheme on the left is what must be redrawn.
                    let headX = column - 1
                    if headX >= 0, result.last.map({ $0.x != headX || $0.y != row }) ?? true {
                        result.append(CellChange(x: headX, y: row, cell: cells[index - 1]))
                    }
                    continue
                }
                result.append(CellChange(x: column, y: row, cell: cell))
            }
        }
        return result
    }

    /// ``changes(from:)`` merged into runs of adjacent cells of one row and one role.
    public func changedRuns(from old: ScreenBuffer) -> [CellRun] {
        var runs: [CellRun] = []
        for change in changes(from: old) {
            if var last = runs.last, last.y == change.y, last.role == change.cell.role,
                last.x + last.width == change.x
            {
                last.text += change.cell.symbol
                last.width += change.cell.width
                runs[runs.count - 1] = last
            } else {
                runs.append(
                    CellRun(
                        x: change.x, y: change.y, text: change.cell.symbol, width: change.cell.width,
                        role: change.cell.role))
            }
        }
        return runs
    }
}
