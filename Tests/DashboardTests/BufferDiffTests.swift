import Dashboard
import Testing

@Suite("Buffer diff")
struct BufferDiffTests {
    @Test("identical buffers have no changes")
    func identical() {
        let buffer = ScreenBuffer(lines: ["Müller 東京", "abc"])
        #expect(buffer.changes(from: buffer).isEmpty)
        #expect(buffer.changedRuns(from: buffer).isEmpty)
    }

    @Test("only changed cells are listed, left to right, row by row")
    func changedCells() {
        let old = ScreenBuffer(lines: ["abcd", "efgh"])
        var new = old
        new.write("X", x: 1, y: 0, role: .default)
        new.write("Y", x: 3, y: 1, role: .selection)
        #expect(
            new.changes(from: old) == [
                CellChange(x: 1, y: 0, cell: Cell(symbol: "X", width: 1, role: .default)),
                CellChange(x: 3, y: 1, cell: Cell(symbol: "Y", width: 1, role: .selection)),
            ])
    }

    @Test("a role change alone is a change")
    func roleOnly() {
        let old = ScreenBuffer(lines: ["abc"])
        var new = old
        new.setRole(.selection, in: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(new.changes(from: old).count == 3)
        #expect(new.changedRuns(from: old) == [CellRun(x: 0, y: 0, text: "abc", width: 3, role: .selection)])
    }

    @Test("wide characters are listed once, by their head, never their continuation")
    func wide() {
        let old = ScreenBuffer(lines: ["abcd"])
        var new = old
        new.write("東", x: 1, y: 0, role: .default)
        #expect(
            new.changes(from: old) == [
                CellChange(x: 1, y: 0, cell: Cell(symbol: "東", width: 2, role: .default))
            ])
        var back = new
        back.write("x", x: 1, y: 0, role: .default)
        #expect(
            back.changes(from: new) == [
                CellChange(x: 1, y: 0, cell: Cell(symbol: "x", width: 1, role: .default)),
                CellChange(x: 2, y: 0, cell: .blank()),
            ])
    }

    @Test("a wide character replaced by another one in the same place is one change")
    func wideReplacement() {
        let old = ScreenBuffer(lines: ["東京"])
        var new = old
        new.write("中", x: 0, y: 0, role: .default)
        #expect(
            new.changes(from: old) == [
                CellChange(x: 0, y: 0, cell: Cell(symbol: "中", width: 2, role: .default))
            ])
    }

    @Test("after a resize every cell is listed")
    func resize() {
        let old = ScreenBuffer(width: 3, height: 1)
        let new = ScreenBuffer(lines: ["東a", "bcd"])
        let changes = new.changes(from: old)
        #expect(changes.count == 5)
        #expect(changes.first == CellChange(x: 0, y: 0, cell: Cell(symbol: "東", width: 2, role: .default)))
    }

    @Test("runs merge adjacent changes of one role and split on role, gap and row")
    func runs() {
        let old = ScreenBuffer(width: 10, height: 2)
        var new = old
        new.write("ab東c", x: 0, y: 0, role: .default)
        new.write("x", x: 6, y: 0, role: .default)
        new.write("Y", x: 7, y: 0, role: .header)
        new.write("z", x: 0, y: 1, role: .default)
        #expect(
            new.changedRuns(from: old) == [
                CellRun(x: 0, y: 0, text: "ab東c", width: 5, role: .default),
                CellRun(x: 6, y: 0, text: "x", width: 1, role: .default),
                CellRun(x: 7, y: 0, text: "Y", width: 1, role: .header),
                CellRun(x: 0, y: 1, text: "z", width: 1, role: .default),
            ])
    }

    @Test("applying the changes to the old frame reproduces the new frame")
    func replay() {
        let old = ScreenBuffer(lines: ["Müller 東京 😀 ok", "second line here"])
        var new = old
        new.write("Zoë 한국", x: 3, y: 0, role: .selection)
        new.write("東", x: 5, y: 1, role: .riskHigh)
        var replayed = old
        for change in new.changes(from: old) {
            replayed.write(change.cell.symbol, x: change.x, y: change.y, role: change.cell.role)
        }
        #expect(replayed == new)
    }
}
