import Dashboard

/// What one frame must write: the changed runs, and whether the screen is redrawn from scratch.
///
/// Pure, so the diffing decisions are tested without a terminal. A full repaint happens for the
/// first frame, after a size change, and whenever the renderer was told the screen is no longer
/// what it last drew (resize, Ctrl-L, resume after Ctrl-Z).
public struct FramePlan: Hashable, Sendable {
    /// Whether to erase the screen and redraw every cell.
    public var fullRepaint: Bool
    /// Runs of cells to write, row by row.
    public var runs: [CellRun]

    public init(fullRepaint: Bool, runs: [CellRun]) {
        self.fullRepaint = fullRepaint
        self.runs = runs
    }

    /// The plan for drawing `next` over `previous` (`nil`: nothing trustworthy is on screen).
    public static func make(previous: ScreenBuffer?, next: ScreenBuffer) -> FramePlan {
        if let previous, previous.width == next.width, previous.height == next.height {
            return FramePlan(fullRepaint: false, runs: next.changedRuns(from: previous))
        }
        // A zero-size buffer differs in size from every frame, so every cell is listed.
        let nothing = ScreenBuffer(width: 0, height: 0)
        return FramePlan(fullRepaint: true, runs: next.changedRuns(from: nothing))
    }
}
