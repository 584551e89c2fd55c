import Dashboard
import Testing

@Suite("TextSanitizer")
struct TextSanitizerTests {
    let fffd = "\u{FFFD}"

    @Test("plain text, umlauts, accents, CJK, emoji and combining marks are kept")
    func keepsNormalText() {
        let samples = [
            "Müller GmbH", "Ærøskøbing", "Żółć", "東京都 渋谷区", "서울", "😀 👍🏽 👨‍👩‍👧‍👦 🇩🇪",
            "e\u{301}", "Zoë", "ﬁ ligature", "नमस्ते", "مرحبا", "שלום", "❤️", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "",
        ]
        for sample in samples {
            #expect(sanitizedForTerminal(sample) == sample, "\(sample.unicodeScalars.map(\.value))")
        }
    }

    @Test("every C0 control except line breaks and tab-like spaces becomes U+FFFD")
    func c0Controls() {
        for value in UInt32(0x00)...0x1F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let input = "a" + String(Character(scalar)) + "b"
            let output = sanitizedForTerminal(input)
            switch value {
            case 0x09, 0x0B, 0x0C: #expect(output == "a b", "U+\(value)")
            case 0x0A, 0x0D: #expect(output == "a b", "U+\(value)")
            case 0x1B: #expect(output == "a", "ESC b is a two-character sequence")
            default: #expect(output == "a" + fffd + "b", "U+\(value)")
            }
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 }, "U+\(value)")
        }
    }

    @Test("ESC followed by a byte that starts no sequence is a placeholder")
    func loneEscape() {
        #expect(sanitizedForTerminal("a\u{1B}") == "a" + fffd)
        #expect(sanitizedForTerminal("a\u{1B}ü") == "a" + fffd + "ü")
        #expect(sanitizedForTerminal("a\u{1B}\u{1B}[31mb") == "a" + fffd + "b")
    }

    @Test("DEL and every C1 control are neutralised")
    func delAndC1() {
        #expect(sanitizedForTerminal("a\u{7F}b") == "a" + fffd + "b")
        for value in UInt32(0x80)...0x9F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let output = sanitizedForTerminal("a" + String(Character(scalar)) + "b")
            #expect(!output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "U+\(value)")
            switch value {
            case 0x85: #expect(output == "a b", "NEL is a line break")
            case 0x9B: #expect(output == "a", "8-bit CSI swallows its final byte b")
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: #expect(output == "a", "8-bit string introducer")
            default: #expect(output == "a" + fffd + "b", "U+\(value)")
            }
        }
    }

    @Test("CSI sequences are removed whole")
    func csi() {
        #expect(sanitizedForTerminal("\u{1B}[1mBold\u{1B}[0m") == "Bold")
        #expect(sanitizedForTerminal("x\u{1B}[38;2;255;0;0mred") == "xred")
        #expect(sanitizedForTerminal("\u{1B}[2J\u{1B}[H") == "")
        #expect(sanitizedForTerminal("a\u{1B}[?1049hb") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}[ qb") == "ab", "intermediate byte")
        #expect(sanitizedForTerminal("a\u{9B}31mb") == "ab", "8-bit CSI")
    }

    @Test("an unterminated or broken CSI does not eat the following text")
    func unterminatedCSI() {
        #expect(sanitizedForTerminal("a\u{1B}[31") == "a")
        #expect(sanitizedForTerminal("a\u{1B}[") == "a")
        #expect(sanitizedForTerminal("a\u{1B}[12Müller") == "aüller", "M is the final byte")
        #expect(sanitizedForTerminal("a\u{1B}[12ü") == "aü")
        #expect(sanitizedForTerminal("a\u{1B}[1\nb") == "a b")
        #expect(sanitizedForTerminal("a\u{1B}[1\u{7}b") == "a" + fffd + "b")
    }

    @Test("OSC sequences are removed whole, terminated by BEL or ST")
    func osc() {
        #expect(sanitizedForTerminal("a\u{1B}]0;evil title\u{7}b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}]0;evil title\u{1B}\\b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}]0;evil\u{9C}b") == "ab")
        #expect(sanitizedForTerminal("a\u{9D}0;evil\u{7}b") == "ab", "8-bit OSC")
        let link = "\u{1B}]8;;https://evil.example\u{1B}\\Click\u{1B}]8;;\u{1B}\\"
        #expect(sanitizedForTerminal(link) == "Click")
        #expect(sanitizedForTerminal("\u{1B}]52;c;ZXZpbA==\u{7}ok") == "ok", "clipboard write")
    }

    @Test("an unterminated string sequence swallows the rest, leaking no payload")
    func unterminatedStrings() {
        #expect(sanitizedForTerminal("Name\u{1B}]0;title") == "Name")
        #expect(sanitizedForTerminal("Name\u{1B}P1$r") == "Name")
        #expect(sanitizedForTerminal("Name\u{1B}_payload") == "Name")
        #expect(sanitizedForTerminal("Name\u{1B}]") == "Name")
    }

    @Test("CAN and SUB cancel a string sequence; another ESC ends it and starts a new one")
    func cancelledStrings() {
        #expect(sanitizedForTerminal("a\u{1B}]0;x\u{18}b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}]0;x\u{1A}b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}]0;x\u{1B}[31mb") == "ab")
    }

    @Test("DCS, SOS, PM and APC are removed whole")
    func otherStrings() {
        #expect(sanitizedForTerminal("a\u{1B}P+q544e\u{1B}\\b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}Xsos\u{1B}\\b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}^pm\u{1B}\\b") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}_Gf=100;AAAA\u{1B}\\b") == "ab", "kitty graphics APC")
        #expect(sanitizedForTerminal("a\u{90}dcs\u{9C}b") == "ab")
        #expect(sanitizedForTerminal("a\u{98}sos\u{9C}b") == "ab")
        #expect(sanitizedForTerminal("a\u{9E}pm\u{9C}b") == "ab")
        #expect(sanitizedForTerminal("a\u{9F}apc\u{9C}b") == "ab")
    }

    @Test("two-character escape sequences are removed whole")
    func twoCharacter() {
        #expect(sanitizedForTerminal("a\u{1B}cb") == "ab", "RIS full reset")
        #expect(sanitizedForTerminal("a\u{1B}7b\u{1B}8") == "ab")
        #expect(sanitizedForTerminal("a\u{1B}(0b") == "ab", "charset designation")
        #expect(sanitizedForTerminal("a\u{1B}#8b") == "ab", "DECALN")
        #expect(sanitizedForTerminal("a\u{1B}Mb") == "ab", "reverse index")
        #expect(sanitizedForTerminal("a\u{1B}OPb") == "ab", "SS3 with its character")
        #expect(sanitizedForTerminal("a\u{1B}(") == "a" + fffd + "(", "intermediate without final")
    }

    @Test("line breaks: space, symbol, or kept and normalised")
    func lineBreaks() {
        let text = "one\ntwo\r\nthree\rfour\u{85}five\u{2028}six\u{2029}seven"
        #expect(sanitizedForTerminal(text) == "one two three four five six seven")
        #expect(
            sanitizedForTerminal(text, lineBreaks: .symbol)
                == "one⏎two⏎three⏎four⏎five⏎six⏎seven")
        #expect(
            sanitizedForTerminal(text, lineBreaks: .keep)
                == "one\ntwo\nthree\nfour\nfive\nsix\nseven")
        #expect(sanitizedForTerminal("a\r\n\r\nb", lineBreaks: .keep) == "a\n\nb")
    }

    @Test("tab, backspace and carriage-return tricks cannot overwrite text")
    func overwriteTricks() {
        #expect(sanitizedForTerminal("a\tb") == "a b")
        #expect(sanitizedForTerminal("safe\rEVIL") == "safe EVIL")
        #expect(
            sanitizedForTerminal("paid\u{8}\u{8}\u{8}\u{8}OPEN") == "paid" + String(repeating: fffd, count: 4)
                + "OPEN")
        #expect(sanitizedForTerminal("a\tb", lineBreaks: .keep) == "a b")
    }

    @Test("bidi embeddings, overrides, isolates and marks are removed")
    func bidi() {
        let controls: [UInt32] = [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
        ]
        for value in controls {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(sanitizedForTerminal("a" + String(Character(scalar)) + "b") == "ab", "U+\(value)")
        }
        #expect(sanitizedForTerminal("invoice\u{202E}fdp.exe") == "invoicefdp.exe")
    }

    @Test("invisible formatting characters are removed")
    func invisibles() {
        let invisible: [UInt32] = [
            0x200B, 0x200C, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0xFFF9, 0xFFFA, 0xFFFB,
            0x180E, 0xE0041,
        ]
        for value in invisible {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(sanitizedForTerminal("a" + String(Character(scalar)) + "b") == "ab", "U+\(value)")
        }
        #expect(sanitizedForTerminal("\u{FEFF}Kunde") == "Kunde", "BOM from an import")
    }

    @Test("ZWJ survives only inside emoji sequences")
    func zeroWidthJoiner() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(sanitizedForTerminal(family) == family)
        let rainbow = "🏳\u{FE0F}\u{200D}🌈"
        #expect(sanitizedForTerminal(rainbow) == rainbow)
        let toneJoined = "👩🏽\u{200D}💻"
        #expect(sanitizedForTerminal(toneJoined) == toneJoined)
        #expect(sanitizedForTerminal("a\u{200D}b") == "ab")
        #expect(sanitizedForTerminal("😀\u{200D}") == "😀")
        #expect(sanitizedForTerminal("\u{200D}😀") == "😀")
    }

    @Test("tag characters survive only in a flag tag sequence")
    func tags() {
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(sanitizedForTerminal(scotland) == scotland)
        let smuggled = "hi\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}"
        #expect(sanitizedForTerminal(smuggled) == "hi")
    }

    @Test("output never contains a control, format character or ESC, whatever the input")
    func exhaustiveLowPlane() {
        var all = ""
        for value in UInt32(0)...0x3000 {
            if let scalar = Unicode.Scalar(value) { all.unicodeScalars.append(scalar) }
        }
        for mode in [TextSanitizer.LineBreaks.space, .symbol] {
            let output = sanitizedForTerminal(all, lineBreaks: mode)
            for scalar in output.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(scalar.properties.generalCategory != .format || scalar.value == 0x200D)
                #expect(scalar.properties.generalCategory != .lineSeparator)
                #expect(scalar.properties.generalCategory != .paragraphSeparator)
            }
        }
    }

    @Test("the namespaced and free functions agree; plain ASCII is returned as is")
    func entryPoints() {
        let text = "Kunde \u{1B}[31mRot\u{1B}[0m\nzwei"
        #expect(TextSanitizer.sanitize(text) == sanitizedForTerminal(text))
        #expect(TextSanitizer.sanitize(text, lineBreaks: .keep) == "Kunde Rot\nzwei")
        #expect(sanitizedForTerminal("plain ascii ~!@") == "plain ascii ~!@")
    }
}
