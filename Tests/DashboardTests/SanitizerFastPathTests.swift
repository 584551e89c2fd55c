import Testing

@testable import Dashboard

/// The sanitiser's fast path may only skip text the full scan would leave unchanged.
@Suite("Sanitiser fast path")
struct SanitizerFastPathTests {
    @Test("Every scalar the fast path accepts comes out of the full scan unchanged")
    func fastPathIsExact() {
        var checked = 0
        for value in UInt32(0)...UInt32(0x3FFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard TextSanitizer.isPlainPrintable(text) else { continue }
            // Between two letters, so nothing is treated as the start or end of a sequence.
            let framed = "a" + text + "b"
            #expect(
                TextSanitizer.sanitize(framed + "\u{1}") == framed + "\u{FFFD}",
                "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 150_000)
    }

    @Test("Text needing work still gets it")
    func slowPathStillRuns() {
        #expect(!TextSanitizer.isPlainPrintable("Müller\u{202E}"))
        #expect(!TextSanitizer.isPlainPrintable("a\u{AD}b"))
        #expect(!TextSanitizer.isPlainPrintable("a\u{1B}[31m"))
        #expect(TextSanitizer.isPlainPrintable("Jürgen Müller · 東京 ▲ €12.3k"))
        #expect(sanitizedForTerminal("Jürgen Müller · 東京 ▲") == "Jürgen Müller · 東京 ▲")
    }
}
