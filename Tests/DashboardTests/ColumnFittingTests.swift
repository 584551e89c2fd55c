import Dashboard
import Testing

@Suite("Truncating and padding")
struct ColumnFittingTests {
    @Test("text that fits is unchanged")
    func fits() {
        #expect(DisplayWidth.truncate("Müller", toColumns: 6) == "Müller")
        #expect(DisplayWidth.truncate("東京", toColumns: 4) == "東京")
        #expect(DisplayWidth.truncate("", toColumns: 3) == "")
    }

    @Test("truncation with and without ellipsis")
    func truncation() {
        #expect(DisplayWidth.truncate("Müller-Lüdenscheidt", toColumns: 8) == "Müller-…")
        #expect(DisplayWidth.truncate("Müller-Lüdenscheidt", toColumns: 8, ellipsis: false) == "Müller-L")
        #expect(DisplayWidth.truncate("abc", toColumns: 1) == "…")
        #expect(DisplayWidth.truncate("abc", toColumns: 0) == "")
        #expect(DisplayWidth.truncate("abc", toColumns: -3) == "")
    }

    @Test("a cut falls after a whole word when that loses little, and is always marked with …")
    func wordBoundaries() {
        let company = "Praxis Dr. Wolf · Müller Vertriebsgesellschaft für Industriebedarf mbH"
        // 50 columns ended in "für fü…", 69 in "Industriebedarf m…": whole words cost 3 and 2 columns.
        #expect(
            DisplayWidth.truncate(company, toColumns: 50)
                == "Praxis Dr. Wolf · Müller Vertriebsgesellschaft…")
        #expect(
            DisplayWidth.truncate(company, toColumns: 69)
                == "Praxis Dr. Wolf · Müller Vertriebsgesellschaft für Industriebedarf…")
        // A cut right after a separator drops it; after a plain space the space stays.
        #expect(DisplayWidth.truncate(company, toColumns: 19) == "Praxis Dr. Wolf…")
        #expect(DisplayWidth.truncate(company, toColumns: 26) == "Praxis Dr. Wolf · Müller …")
        // The separator before a dropped word goes with it: "Wolf…", not "Wolf ·…".
        #expect(DisplayWidth.truncate(company, toColumns: 20) == "Praxis Dr. Wolf…")
        // Going back to a space would lose most of the cell: cut inside the word, with the mark.
        #expect(
            DisplayWidth.truncate(company, toColumns: 40) == "Praxis Dr. Wolf · Müller Vertriebsgesel…")
        #expect(DisplayWidth.truncate("Nicht verlieren", toColumns: 14) == "Nicht verlier…")
        #expect(DisplayWidth.truncate("Vertriebsgesellschaft", toColumns: 18) == "Vertriebsgesellsc…")
        // Without an ellipsis the caller adds its own mark: no change there.
        #expect(DisplayWidth.truncate(company, toColumns: 68, ellipsis: false).hasSuffix("Industriebedarf m"))
        // Whatever the width, a shortened text ends in "…" right after what it keeps.
        for columns in 1..<DisplayWidth.width(of: company) {
            let cut = DisplayWidth.truncate(company, toColumns: columns)
            #expect(cut.hasSuffix("…") && DisplayWidth.width(of: cut) <= columns, "\(columns): \(cut)")
            #expect(company.hasPrefix(String(cut.dropLast())), "\(columns): \(cut)")
        }
    }

    @Test("a date is never cut partly: it fits whole, keeps day and month, or is left out")
    func dates() {
        let german = "nächster Anruf 24.11.2026"
        // 19 columns cut after "24.1": that read as 24 January.
        #expect(DisplayWidth.truncate(german, toColumns: 19, ellipsis: false) == "nächster Anruf ")
        #expect(DisplayWidth.truncate(german, toColumns: 20) == "nächster Anruf …")
        #expect(DisplayWidth.truncate(german, toColumns: 21, ellipsis: false) == "nächster Anruf 24.11.")
        #expect(DisplayWidth.truncate(german, toColumns: 23, ellipsis: false) == "nächster Anruf 24.11.")
        #expect(DisplayWidth.truncate(german, toColumns: 25, ellipsis: false) == german)
        #expect(DisplayWidth.truncate("(23.11.2026)", toColumns: 10) == "(23.11.…")
        #expect(DisplayWidth.truncate("next call 2026-11-24", toColumns: 18) == "next call …")
        #expect(
            DisplayWidth.truncate("ends 2026-11-24.", toColumns: 15, ellipsis: false) == "ends 2026-11-24")
        // Numbers that are not dates are cut as before.
        #expect(DisplayWidth.truncate("1.234.567 €", toColumns: 6, ellipsis: false) == "1.234.")
        #expect(DisplayWidth.truncate("v 1.2.3", toColumns: 6, ellipsis: false) == "v 1.2.")
    }

    @Test("the screen's edge does not cut a date either")
    func datesAtTheEdge() {
        var buffer = ScreenBuffer(width: 19, height: 2)
        buffer.write("nächster Anruf 24.11.2026", x: 0, y: 0, role: .default)
        buffer.write("Kontakt 23.11.2026", x: 0, y: 1, role: .default, maxWidth: 12)
        #expect(buffer.lines == ["nächster Anruf     ", "Kontakt            "])
        var wider = ScreenBuffer(width: 22, height: 1)
        wider.write("nächster Anruf 24.11.2026", x: 0, y: 0, role: .default)
        #expect(wider.lines == ["nächster Anruf 24.11. "])
    }

    @Test("truncation never splits a wide character")
    func wideCharacters() {
        #expect(DisplayWidth.truncate("東京都", toColumns: 5) == "東京…")
        #expect(DisplayWidth.truncate("東京都", toColumns: 4) == "東…")
        #expect(DisplayWidth.truncate("東京都", toColumns: 3, ellipsis: false) == "東")
        #expect(DisplayWidth.truncate("東京都", toColumns: 1, ellipsis: false) == "")
        #expect(DisplayWidth.truncate("a😀b", toColumns: 2, ellipsis: false) == "a")
    }

    @Test("truncation never splits a grapheme cluster")
    func graphemes() {
        let accented = "e\u{301}e\u{301}e\u{301}"
        let cut = DisplayWidth.truncate(accented, toColumns: 2, ellipsis: false)
        #expect(cut == "e\u{301}e\u{301}")
        #expect(cut.unicodeScalars.last == "\u{301}")
        #expect(DisplayWidth.truncate("👍🏽👍🏽👍🏽", toColumns: 5) == "👍🏽👍🏽…")
        let family = "👨‍👩‍👧‍👦"
        #expect(DisplayWidth.truncate(family + family, toColumns: 3) == family + "…")
        #expect(DisplayWidth.truncate("🇩🇪🇫🇷", toColumns: 3, ellipsis: false) == "🇩🇪")
    }

    @Test("every prefix cut stays within the budget and is made of whole graphemes")
    func propertyOverMixedText() {
        let text = "Zoë 東京 😀 👍🏽 e\u{301} 한국 🇩🇪 Straße"
        for columns in 0...(DisplayWidth.width(of: text) + 1) {
            for ellipsis in [true, false] {
                let cut = DisplayWidth.truncate(text, toColumns: columns, ellipsis: ellipsis)
                #expect(DisplayWidth.width(of: cut) <= columns)
                let body =
                    ellipsis && cut.hasSuffix("…") && !text.hasSuffix("…") ? String(cut.dropLast()) : cut
                #expect(text.hasPrefix(body))
                #expect(Array(text).starts(with: Array(body)))
                let padded = DisplayWidth.pad(text, toColumns: columns, ellipsis: ellipsis)
                #expect(DisplayWidth.width(of: padded) == columns)
            }
        }
    }

    @Test("padding left, right and centre to exactly N columns")
    func padding() {
        #expect(DisplayWidth.pad("Müller", toColumns: 8) == "Müller  ")
        #expect(DisplayWidth.pad("Müller", toColumns: 8, alignment: .right) == "  Müller")
        #expect(DisplayWidth.pad("ab", toColumns: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("東京", toColumns: 6) == "東京  ")
        #expect(DisplayWidth.pad("1.234,56 €", toColumns: 12, alignment: .right) == "  1.234,56 €")
        #expect(DisplayWidth.pad("x", toColumns: 0) == "")
    }

    @Test("a wide character that does not fit in the last column becomes a space")
    func padWideAtEdge() {
        #expect(DisplayWidth.pad("東京都", toColumns: 5, ellipsis: false) == "東京 ")
        #expect(DisplayWidth.pad("東京都", toColumns: 5, alignment: .right, ellipsis: false) == " 東京")
        #expect(DisplayWidth.pad("東京都", toColumns: 4) == "東… ")
        #expect(DisplayWidth.pad("😀😀", toColumns: 3, ellipsis: false) == "😀 ")
    }
}

@Suite("EmojiSimplifier")
struct EmojiSimplifierTests {
    @Test("sequences terminals disagree about are reduced to their base")
    func simplifies() {
        #expect(EmojiSimplifier.simplified("👍🏽") == "👍")
        #expect(EmojiSimplifier.simplified("👨‍👩‍👧‍👦") == "👨")
        #expect(EmojiSimplifier.simplified("👩🏽‍💻") == "👩")
        #expect(EmojiSimplifier.simplified("❤️") == "❤")
        #expect(EmojiSimplifier.simplified("🏳️‍🌈") == "🏳")
    }

    @Test("everything else is unchanged")
    func keeps() {
        for character: Character in ["a", "ü", "e\u{301}", "東", "😀", "🇩🇪", "1️⃣", "\u{1F3FD}"] {
            #expect(EmojiSimplifier.simplified(character) == character)
        }
        let scotland: Character = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(EmojiSimplifier.simplified(scotland) == scotland)
    }

    @Test("simplified graphemes have the same width the sequence was counted with, or narrower")
    func widths() {
        for character: Character in ["👍🏽", "👨‍👩‍👧‍👦", "👩🏽‍💻", "❤️"] {
            let simplified = EmojiSimplifier.simplified(character)
            #expect(DisplayWidth.width(of: simplified) <= DisplayWidth.width(of: character))
            #expect(simplified.unicodeScalars.allSatisfy { $0.value != 0x200D && $0.value != 0xFE0F })
        }
    }
}
