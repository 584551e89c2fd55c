import Dashboard
import Foundation
import Testing

@testable import Terminal

@Suite("Splitting runs into ncurses writes")
struct TextSegmentTests {
    /// A terminal that agrees with DisplayWidth about everything.
    private let agreeing: (Character) -> Int = { DisplayWidth.width(of: $0) }

    private func text(_ segment: TextSegment) -> String {
        String(String.UnicodeScalarView(segment.characters.compactMap { Unicode.Scalar(UInt32($0)) }))
    }

    @Test("A run the terminal agrees with is one write")
    func oneWrite() {
        let run = CellRun(x: 2, y: 3, text: "Müller 東京😀", width: 13, role: .default)
        let segments = TextSegment.segments(of: run, columns: 80, rows: 24, terminalWidth: agreeing)
        #expect(segments.count == 1)
        #expect(segments.first?.x == 2)
        #expect(segments.first?.y == 3)
        #expect(segments.first.map(text) == "Müller 東京😀")
    }

    @Test("Wide characters become their scalars as wchar_t")
    func scalars() {
        let run = CellRun(x: 0, y: 0, text: "ü東😀", width: 5, role: .default)
        let segments = TextSegment.segments(of: run, columns: 80, rows: 24, terminalWidth: agreeing)
        #expect(segments.first?.characters == [0xFC, 0x6771, 0x1F600])
    }

    @Test("Runs are clipped to the screen, never wrapped")
    func clipped() {
        let run = CellRun(x: 6, y: 0, text: "abc東", width: 5, role: .default)
        let segments = TextSegment.segments(of: run, columns: 10, rows: 24, terminalWidth: agreeing)
        #expect(segments.map(text) == ["abc"])
        let below = CellRun(x: 0, y: 24, text: "x", width: 1, role: .default)
        #expect(TextSegment.segments(of: below, columns: 80, rows: 24, terminalWidth: agreeing).isEmpty)
    }

    @Test("Where the terminal disagrees, the character is placed alone and the row stays aligned")
    func disagreement() {
        // This terminal thinks the emoji is one column wide and cannot print "\u{E000}".
        let narrowEmoji: (Character) -> Int = { character in
            if character == "😀" { return 1 }
            if character == "\u{E000}" { return -1 }
            return DisplayWidth.width(of: character)
        }
        let run = CellRun(x: 0, y: 1, text: "a😀b\u{E000}c", width: 6, role: .default)
        let segments = TextSegment.segments(of: run, columns: 80, rows: 24, terminalWidth: narrowEmoji)
        #expect(segments.map(\.x) == [0, 1, 3, 4, 5])
        #expect(segments.map(text) == ["a", "😀 ", "b", "?", "c"])
    }
}
