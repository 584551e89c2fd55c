import Testing

@testable import Dashboard

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(
        "string widths",
        arguments: [
            ("", 0), ("Müller", 6), ("東京", 4), ("😀", 2), ("e\u{301}", 1), ("Zoë", 3),
            ("Straße", 6), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4), ("한국어", 6), ("👍🏽", 2), ("👨‍👩‍👧‍👦", 2),
            ("🇩🇪", 2), ("❤️", 1), ("a\u{200B}b", 2), ("\u{3000}", 2), ("…", 1), ("Ω", 1),
            ("ａ", 2), ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2),
            ("\u{1100}\u{1161}\u{11A8}", 2), ("1️⃣", 1), ("a\u{20DD}", 1), ("\u{301}", 0),
        ])
    func stringWidths(text: String, expected: Int) {
        #expect(DisplayWidth.width(of: text) == expected, "\(text.unicodeScalars.map(\.value))")
        #expect(text.displayWidth == expected)
    }

    @Test("scalar widths")
    func scalarWidths() {
        #expect(scalarWidth(0x61) == 1)
        #expect(scalarWidth(0x00) == 0)
        #expect(scalarWidth(0x1B) == 0)
        #expect(scalarWidth(0x85) == 0)
        #expect(scalarWidth(0x301) == 0, "combining acute (Mn)")
        #expect(scalarWidth(0x20DD) == 0, "enclosing circle (Me)")
        #expect(scalarWidth(0x200D) == 0, "ZWJ (Cf)")
        #expect(scalarWidth(0xFE0F) == 0, "VS16")
        #expect(scalarWidth(0x1160) == 0, "Hangul medial vowel")
        #expect(scalarWidth(0x4E2D) == 2, "中")
        #expect(scalarWidth(0xAC00) == 2, "가")
        #expect(scalarWidth(0xFF01) == 2, "fullwidth !")
        #expect(scalarWidth(0x1F600) == 2, "😀")
        #expect(scalarWidth(0x1F3FD) == 2, "skin tone alone")
        #expect(scalarWidth(0x2764) == 1, "❤ is text by default")
        #expect(scalarWidth(0x20000) == 2, "CJK extension B")
        #expect(scalarWidth(0xFFFD) == 1, "replacement character")
        #expect(scalarWidth(0x23CE) == 1, "⏎")
    }

    private func scalarWidth(_ value: UInt32) -> Int {
        guard let scalar = Unicode.Scalar(value) else { return -1 }
        return DisplayWidth.width(of: scalar)
    }

    @Test("every scalar has width 0, 1 or 2, and the wide table is sorted and disjoint")
    func widthDomain() {
        for value in stride(from: UInt32(0), through: 0x3FFFF, by: 7) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect((0...2).contains(DisplayWidth.width(of: scalar)))
        }
        let ranges = WideCharacterRanges.ranges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.upperBound < next.lowerBound, "\(previous) \(next)")
        }
        for range in ranges {
            #expect(WideCharacterRanges.contains(range.lowerBound))
            #expect(WideCharacterRanges.contains(range.upperBound))
            #expect(
                !WideCharacterRanges.contains(range.lowerBound - 1)
                    || ranges.contains { $0.contains(range.lowerBound - 1) })
        }
    }

    @Test("grapheme widths follow the base; emoji sequences count 2")
    func graphemeWidths() {
        #expect(DisplayWidth.width(of: Character("e\u{301}")) == 1)
        #expect(DisplayWidth.width(of: Character("東")) == 2)
        #expect(DisplayWidth.width(of: Character("👍🏽")) == 2)
        #expect(DisplayWidth.width(of: Character("👩‍💻")) == 2)
        #expect(DisplayWidth.width(of: Character("🏳️‍🌈")) == 2)
        #expect(DisplayWidth.width(of: Character("🇯🇵")) == 2)
        #expect(DisplayWidth.width(of: Character("\r\n")) == 0)
    }

    @Test("mixed strings line up when padded to one column width")
    func mixedLineUp() {
        let names = ["Müller", "東京商事", "Zoë 😀", "Jürgen👍🏽", "Café\u{301}", "한국"]
        let padded = names.map { DisplayWidth.pad($0, toColumns: 10) + "|" }
        for line in padded {
            #expect(DisplayWidth.width(of: line) == 11, "\(line)")
            #expect(line.hasSuffix("|"))
        }
    }
}
