import Dashboard
import Testing

@Suite("Colours")
struct ColorTests {
    @Test("parsing names, indices and hex")
    func parsing() {
        #expect(TerminalColor(parsing: "red") == .ansi(.red))
        #expect(TerminalColor(parsing: "RED") == .ansi(.red))
        #expect(TerminalColor(parsing: "bright-red") == .ansi(.brightRed))
        #expect(TerminalColor(parsing: "bright_red") == .ansi(.brightRed))
        #expect(TerminalColor(parsing: "brightred") == .ansi(.brightRed))
        #expect(TerminalColor(parsing: "grey") == .ansi(.brightBlack))
        #expect(TerminalColor(parsing: "default") == .default)
        #expect(TerminalColor(parsing: "0") == .indexed(0))
        #expect(TerminalColor(parsing: "255") == .indexed(255))
        #expect(TerminalColor(parsing: "#ff8000") == .rgb(red: 255, green: 128, blue: 0))
        #expect(TerminalColor(parsing: "#FF8000") == .rgb(red: 255, green: 128, blue: 0))
        for bad in ["redd", "256", "-1", "#ff80", "#gg0000", "ff0000", "", "bright-", "#ff00001"] {
            #expect(TerminalColor(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("all 16 names round-trip")
    func names() {
        for color in ANSIColor.allCases {
            #expect(ANSIColor(name: color.name) == color)
        }
        #expect(ANSIColor.brightMagenta.name == "bright-magenta")
    }

    @Test(
        "RGB maps to the nearest xterm-256 index",
        arguments: [
            (0xFF0000, 196), (0x00FF00, 46), (0x0000FF, 21), (0xFFFFFF, 231), (0x000000, 16),
            (0x808080, 244), (0x5F87AF, 67), (0x121212, 233), (0xEEEEEE, 255), (0xFF8700, 208),
            (0x5FD75F, 77), (0x767676, 243),
        ])
    func toIndexed(hex: Int, index: Int) {
        let color = TerminalColor.rgb(
            red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
        #expect(color.downsampled(to: .indexed256) == .indexed(UInt8(index)))
    }

    @Test("256 colours and RGB map to the nearest of 16 and 8")
    func toANSI() {
        #expect(TerminalColor.indexed(196).downsampled(to: .ansi16) == .ansi(.brightRed))
        #expect(TerminalColor.indexed(196).downsampled(to: .ansi8) == .ansi(.red))
        #expect(TerminalColor.indexed(9).downsampled(to: .ansi16) == .ansi(.brightRed))
        #expect(TerminalColor.indexed(9).downsampled(to: .ansi8) == .ansi(.red))
        #expect(TerminalColor.indexed(21).downsampled(to: .ansi16) == .ansi(.blue))
        #expect(TerminalColor.indexed(46).downsampled(to: .ansi16) == .ansi(.brightGreen))
        #expect(TerminalColor.indexed(236).downsampled(to: .ansi16) == .ansi(.black))
        #expect(TerminalColor.indexed(252).downsampled(to: .ansi16) == .ansi(.white))
        #expect(TerminalColor.indexed(244).downsampled(to: .ansi16) == .ansi(.brightBlack))
        #expect(TerminalColor.rgb(red: 255, green: 0, blue: 0).downsampled(to: .ansi16) == .ansi(.brightRed))
        #expect(TerminalColor.rgb(red: 255, green: 0, blue: 0).downsampled(to: .ansi8) == .ansi(.red))
        #expect(TerminalColor.rgb(red: 10, green: 10, blue: 10).downsampled(to: .ansi8) == .ansi(.black))
        #expect(TerminalColor.rgb(red: 250, green: 250, blue: 250).downsampled(to: .ansi8) == .ansi(.white))
    }

    @Test("named colours stay named; bright ones lose brightness at depth 8; none means default")
    func named() {
        #expect(TerminalColor.ansi(.brightRed).downsampled(to: .indexed256) == .ansi(.brightRed))
        #expect(TerminalColor.ansi(.brightRed).downsampled(to: .ansi16) == .ansi(.brightRed))
        #expect(TerminalColor.ansi(.brightRed).downsampled(to: .ansi8) == .ansi(.red))
        #expect(TerminalColor.ansi(.brightRed).downsampled(to: .none) == .default)
        #expect(
            TerminalColor.rgb(red: 1, green: 2, blue: 3).downsampled(to: .trueColor)
                == .rgb(red: 1, green: 2, blue: 3))
        #expect(TerminalColor.indexed(100).downsampled(to: .none) == .default)
        #expect(TerminalColor.default.downsampled(to: .ansi8) == .default)
    }

    @Test("every colour maps into the target depth's range")
    func downsamplingClosed() {
        var colors: [TerminalColor] = [.default] + ANSIColor.allCases.map { .ansi($0) }
        colors += (0...255).map { .indexed(UInt8($0)) }
        colors += stride(from: 0, to: 256, by: 17).map {
            .rgb(red: UInt8($0), green: UInt8(255 - $0), blue: 128)
        }
        for color in colors {
            if case .rgb = color.downsampled(to: .indexed256) { Issue.record("rgb survived 256: \(color)") }
            switch color.downsampled(to: .ansi16) {
            case .default, .ansi: break
            default: Issue.record("not 16-colour: \(color)")
            }
            switch color.downsampled(to: .ansi8) {
            case .default: break
            case .ansi(let named): #expect(named.rawValue < 8)
            default: Issue.record("not 8-colour: \(color)")
            }
            #expect(color.downsampled(to: .none) == .default)
        }
    }

    @Test("colour depth from the terminal's colour count and COLORTERM")
    func depthDetection() {
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["COLORTERM": "24bit"]) == .trueColor)
        #expect(ColorDepth.detect(terminalColors: 256, environment: [:]) == .indexed256)
        #expect(ColorDepth.detect(terminalColors: 16, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(terminalColors: 8, environment: [:]) == .ansi8)
        #expect(ColorDepth.detect(terminalColors: 0, environment: ["COLORTERM": "truecolor"]) == .none)
        #expect(ColorDepth.detect(terminalColors: -1, environment: [:]) == .none)
    }

    @Test("NO_COLOR counts only when present and not empty")
    func noColorVariable() {
        #expect(NoColor.isRequested(environment: ["NO_COLOR": "1"]))
        #expect(!NoColor.isRequested(environment: ["NO_COLOR": ""]))
        #expect(!NoColor.isRequested(environment: [:]))
    }
}
