import Dashboard
import Testing

@testable import Terminal

@Suite("Colour capability and colour pairs")
struct ColorTests {
    @Test("The depth follows COLORS, NO_COLOR and direct-colour entries")
    func depth() {
        let plain: [String: String] = [:]
        #expect(
            ColorCapability.detect(
                colors: 256, colorPairs: 65536, defaultColorsAvailable: true, environment: plain
            ).depth == .indexed256)
        #expect(
            ColorCapability.detect(
                colors: 8, colorPairs: 64, defaultColorsAvailable: true, environment: plain
            ).depth == .ansi8)
        #expect(
            ColorCapability.detect(
                colors: 0, colorPairs: 0, defaultColorsAvailable: false, environment: plain) == .monochrome)
        let noColor = ColorCapability.detect(
            colors: 256, colorPairs: 65536, defaultColorsAvailable: true, environment: ["NO_COLOR": "1"])
        #expect(noColor == .monochrome)
        // COLORTERM=truecolor cannot make ncurses send RGB through a 256-colour entry.
        let claimed = ColorCapability.detect(
            colors: 256, colorPairs: 65536, defaultColorsAvailable: true,
            environment: ["COLORTERM": "truecolor"])
        #expect(claimed.depth == .indexed256)
        let direct = ColorCapability.detect(
            colors: 1 << 24, colorPairs: 65536, defaultColorsAvailable: true, environment: plain)
        #expect(direct.depth == .trueColor)
    }

    @Test("Colour numbers as ncurses takes them")
    func colorNumbers() {
        let capability = ColorCapability(depth: .indexed256, pairLimit: 255, defaultColorsAvailable: true)
        #expect(capability.colorNumber(.default, isForeground: true) == -1)
        #expect(capability.colorNumber(.ansi(.brightRed), isForeground: true) == 9)
        #expect(capability.colorNumber(.indexed(240), isForeground: true) == 240)
        #expect(capability.colorNumber(.rgb(red: 255, green: 0, blue: 0), isForeground: true) == 196)
        let eight = ColorCapability(depth: .ansi8, pairLimit: 63, defaultColorsAvailable: false)
        #expect(eight.colorNumber(.ansi(.brightRed), isForeground: true) == 1)
        #expect(eight.colorNumber(.default, isForeground: true) == 7)
        #expect(eight.colorNumber(.default, isForeground: false) == 0)
        let direct = ColorCapability(depth: .trueColor, pairLimit: 255, defaultColorsAvailable: true)
        #expect(direct.colorNumber(.rgb(red: 1, green: 2, blue: 3), isForeground: true) == 0x010203)
    }

    @Test("Pairs are handed out once per combination, pair 0 for the defaults")
    func allocation() {
        var pairs = ColorPairAllocator(limit: 10)
        #expect(pairs.pair(foreground: -1, background: -1) == .fallback)
        #expect(pairs.pair(foreground: 1, background: -1) == .new(1))
        #expect(pairs.pair(foreground: 2, background: 4) == .new(2))
        #expect(pairs.pair(foreground: 1, background: -1) == .existing(1))
        #expect(pairs.count == 2)
        pairs.reset()
        #expect(pairs.pair(foreground: 2, background: 4) == .new(1))
    }

    @Test("When COLOR_PAIRS runs out, further combinations fall back to pair 0")
    func exhaustion() {
        var pairs = ColorPairAllocator(limit: 2)
        #expect(pairs.pair(foreground: 1, background: 0) == .new(1))
        #expect(pairs.pair(foreground: 2, background: 0) == .new(2))
        #expect(pairs.pair(foreground: 3, background: 0) == .fallback)
        #expect(pairs.pair(foreground: 1, background: 0) == .existing(1))
        var none = ColorPairAllocator(limit: 0)
        #expect(none.pair(foreground: 1, background: 0) == .fallback)
    }

    @Test("Style attributes map to ncurses bits")
    func attributes() {
        let plain = StyleAttributes.attributes(of: .plain)
        let bold = StyleAttributes.attributes(of: Style(bold: true))
        let all = StyleAttributes.attributes(
            of: Style(bold: true, dim: true, italic: true, underline: true, reverse: true))
        #expect(plain == 0)
        #expect(bold != 0)
        #expect(all & bold == bold)
        #expect(all.nonzeroBitCount == 5)
    }
}
