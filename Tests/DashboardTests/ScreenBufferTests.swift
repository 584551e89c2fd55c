import Dashboard
import Testing

@Suite("ScreenBuffer")
struct ScreenBufferTests {
    @Test("a new buffer is blank")
    func blank() {
        let buffer = ScreenBuffer(width: 4, height: 2)
        #expect(buffer.lines == ["    ", "    "])
        #expect(buffer.trimmedLines == ["", ""])
        #expect(buffer.cell(x: 0, y: 0) == .blank())
        #expect(buffer.cell(x: 4, y: 0) == nil)
        #expect(buffer.cell(x: -1, y: 0) == nil)
        #expect(ScreenBuffer(width: -3, height: 2).lines == ["", ""])
    }

    @Test("writing text into a 20×3 buffer")
    func writeLines() {
        var buffer = ScreenBuffer(width: 20, height: 3)
        buffer.write("Kunden", x: 0, y: 0, role: .header)
        buffer.write("Müller 東京 😀", x: 2, y: 1, role: .default)
        let end = buffer.write("Zoë", x: 17, y: 2, role: .muted)
        #expect(
            buffer.lines == [
                "Kunden              ",
                "  Müller 東京 😀    ",
                "                 Zoë",
            ])
        #expect(buffer.trimmedLines == ["Kunden", "  Müller 東京 😀", "                 Zoë"])
        #expect(end == 20)
        #expect(buffer.cell(x: 0, y: 0)?.role == .header)
        #expect(buffer.cell(x: 17, y: 2)?.role == .muted)
        #expect(buffer.cell(x: 9, y: 1) == Cell(symbol: "東", width: 2, role: .default))
        #expect(buffer.cell(x: 10, y: 1)?.isContinuation == true)
    }

    @Test("text is clipped at the buffer's right edge and at maxWidth")
    func clipping() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.write("Müller-Lüdenscheidt", x: 4, y: 0, role: .default)
        let end = buffer.write("abcdef", x: 0, y: 1, role: .default, maxWidth: 3)
        #expect(buffer.lines == ["    Müller", "abc       "])
        #expect(end == 3)
    }

    @Test("a wide character straddling the edge becomes a space, never half a character")
    func wideAtEdge() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.fill(buffer.area, with: ".", role: .default)
        buffer.write("東京都", x: 0, y: 0, role: .default)
        buffer.write("ab東", x: 0, y: 1, role: .default, maxWidth: 3)
        buffer.write("😀😀", x: 2, y: 2, role: .default)
        #expect(buffer.lines == ["東京 ", "ab ..", "..😀 "])
        for row in 0..<3 {
            #expect(buffer.cell(x: 4, y: row)?.width != 2)
        }
    }

    @Test("writing over half of a wide character clears its other half")
    func overwriteHalves() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.write("東京都", x: 0, y: 0, role: .default)
        buffer.write("x", x: 1, y: 0, role: .default)
        #expect(buffer.lines[0] == " x京都  ")
        buffer.write("y", x: 2, y: 0, role: .default)
        #expect(buffer.lines[0] == " xy 都  ")
        buffer.write("東京", x: 0, y: 1, role: .default)
        buffer.write("中", x: 1, y: 1, role: .default)
        #expect(buffer.lines[1] == " 中     ")
        #expect(buffer.cell(x: 3, y: 1) == .blank())
        for row in 0..<2 { expectConsistent(buffer, row: row) }
    }

    @Test("text starting left of the buffer is clipped there")
    func leftClip() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.write("abcdef", x: -2, y: 0, role: .default)
        buffer.write("東京", x: -1, y: 1, role: .default)
        #expect(buffer.lines == ["cdef  ", " 京   "])
        expectConsistent(buffer, row: 1)
    }

    @Test("writes outside the rows or with extreme widths are safe")
    func outsideRows() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("abc", x: 0, y: 1, role: .default)
        buffer.write("abc", x: 0, y: -1, role: .default)
        buffer.write("abc", x: 5, y: 0, role: .default)
        buffer.write("abc", x: 1, y: 0, role: .default, maxWidth: Int.max)
        buffer.write("xyz", x: 0, y: 0, role: .default, maxWidth: -1)
        #expect(buffer.lines == [" ab"])
    }

    @Test("controls in data are sanitised; zero-width clusters take no cell")
    func sanitisesOnWrite() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.write("a\u{1B}[31mb\tc\nd\u{202E}e", x: 0, y: 0, role: .default)
        #expect(buffer.lines == ["ab c de   "])
        var accents = ScreenBuffer(width: 4, height: 1)
        accents.write("\u{301}e\u{301}", x: 0, y: 0, role: .default)
        #expect(accents.lines == ["e\u{301}   "])
    }

    @Test("emoji sequences are stored simplified, two columns wide")
    func emojiCells() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.write("👍🏽👨‍👩‍👧x", x: 0, y: 0, role: .default)
        #expect(buffer.lines == ["👍👨x   "])
        #expect(buffer.cell(x: 0, y: 0)?.width == 2)
        #expect(buffer.cell(x: 4, y: 0)?.symbol == "x")
    }

    @Test("fill and setRole")
    func fillAndRole() {
        var buffer = ScreenBuffer(width: 6, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 4, height: 5), with: "#", role: .border)
        #expect(buffer.lines == ["      ", " #### ", " #### "])
        #expect(buffer.cell(x: 1, y: 1)?.role == .border)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 1), with: "東", role: .bar)
        #expect(buffer.lines[0] == "東東  ")
        buffer.write("東京", x: 0, y: 2, role: .default)
        buffer.setRole(.selection, in: Rect(x: 1, y: 2, width: 2, height: 1))
        #expect(buffer.cell(x: 0, y: 2)?.role == .selection, "head of a wide char cut by the rect")
        #expect(buffer.cell(x: 3, y: 2)?.role == .selection, "continuation outside the rect")
        #expect(buffer.cell(x: 4, y: 2)?.role == .border)
        #expect(buffer.lines[2] == "東京# ")
    }

    @Test("a buffer built from lines equals one written cell by cell")
    func fromLines() {
        var written = ScreenBuffer(width: 6, height: 2)
        written.write("Zoë", x: 0, y: 0, role: .default)
        written.write("東京 x", x: 0, y: 1, role: .default)
        #expect(ScreenBuffer(lines: ["Zoë   ", "東京 x"]) == written)
    }

    /// Every wide head is followed by a continuation with its role, and no continuation is orphaned.
    private func expectConsistent(_ buffer: ScreenBuffer, row: Int) {
        for column in 0..<buffer.width {
            guard let cell = buffer.cell(x: column, y: row) else { continue }
            if cell.width == 2 {
                #expect(buffer.cell(x: column + 1, y: row)?.isContinuation == true)
            }
            if cell.isContinuation {
                #expect(buffer.cell(x: column - 1, y: row)?.width == 2)
            }
        }
    }
}
