@preconcurrency import CNCursesW
import Dashboard
import Testing

@testable import Terminal

@Suite("Decoding what get_wch returns into keys")
struct KeyDecoderTests {
    @Test(
        "Code points become characters, whatever the script",
        arguments: [
            ("a", 0x61), ("Q", 0x51), ("ü", 0xFC), ("東", 0x6771), ("😀", 0x1F600), (" ", 0x20),
            ("~", 0x7E), ("é", 0xE9),
        ] as [(Character, UInt32)])
    func characters(expected: Character, code: UInt32) {
        #expect(KeyDecoder.decode(.character(code)) == .character(expected))
    }

    @Test(
        "Control codes",
        arguments: [
            (10, .enter), (13, .enter), (27, .escape), (9, .tab), (127, .backspace), (8, .backspace),
            (1, .control("a")), (3, .control("c")), (4, .control("d")), (12, .control("l")),
            (26, .control("z")), (0, .control(" ")), (28, .control("\\")), (31, .control("_")),
            (0x85, .unknown(0x85)),
        ] as [(UInt32, KeyEvent)])
    func controls(code: UInt32, expected: KeyEvent) {
        #expect(KeyDecoder.decode(.character(code)) == expected)
    }

    @Test("Every Ctrl-letter except Tab, Enter and Backspace is a control key")
    func allControlLetters() {
        for code in UInt32(1)...26 where ![8, 9, 10, 13].contains(code) {
            let letter = Character(Unicode.Scalar(UInt8(96 + code)))
            #expect(KeyDecoder.decode(.character(code)) == .control(letter))
        }
    }

    @Test(
        "ncurses key codes",
        arguments: [
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert),
            (KEY_BTAB, .shiftTab), (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left),
            (KEY_RIGHT, .right), (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp),
            (KEY_NPAGE, .pageDown), (KEY_RESIZE, .resize), (KEY_MOUSE, .unknown(Int(KEY_MOUSE))),
        ] as [(Int32, KeyEvent)])
    func keyCodes(code: Int32, expected: KeyEvent) {
        #expect(KeyDecoder.decode(.keyCode(code)) == expected)
    }

    @Test("F1 to F12 (and the shifted F13–F24 some terminals send)")
    func functionKeys() {
        for number in 1...24 {
            #expect(KeyDecoder.decode(.keyCode(clientele_key_f(Int32(number)))) == .function(number))
        }
        #expect(KeyDecoder.decode(.keyCode(clientele_key_f(0))) == .unknown(Int(clientele_key_f(0))))
    }

    @Test("A timeout is no key")
    func none() {
        #expect(KeyDecoder.decode(.none) == nil)
    }

    @Test("Escape then a printable character is Alt; anything else is not")
    func alt() {
        #expect(KeyDecoder.altCombination(following: .character(0x78)) == .alt("x"))
        #expect(KeyDecoder.altCombination(following: .character(0xFC)) == .alt("ü"))
        #expect(KeyDecoder.altCombination(following: .character(0x20)) == .alt(" "))
        #expect(KeyDecoder.altCombination(following: .none) == nil)
        #expect(KeyDecoder.altCombination(following: .character(27)) == nil)
        #expect(KeyDecoder.altCombination(following: .character(10)) == nil)
        #expect(KeyDecoder.altCombination(following: .keyCode(KEY_UP)) == nil)
    }

    @Test("Unknown sequences after Escape are recognised so their bytes do not become keys")
    func sequences() {
        #expect(KeyDecoder.startsEscapeSequence(.character(0x5B)))
        #expect(KeyDecoder.startsEscapeSequence(.character(0x4F)))
        #expect(!KeyDecoder.startsEscapeSequence(.character(0x78)))
        let csi = RawKey.character(0x5B)
        #expect(!KeyDecoder.endsEscapeSequence(.character(0x31), introducer: csi))
        #expect(!KeyDecoder.endsEscapeSequence(.character(0x3B), introducer: csi))
        #expect(KeyDecoder.endsEscapeSequence(.character(0x41), introducer: csi))
        #expect(KeyDecoder.endsEscapeSequence(.character(0x50), introducer: .character(0x4F)))
    }

    @Test("get_wch's status decides what the value means")
    func rawKeys() {
        #expect(RawKey(status: OK, value: 0x61) == .character(0x61))
        #expect(RawKey(status: KEY_CODE_YES, value: UInt32(KEY_UP)) == .keyCode(KEY_UP))
        #expect(RawKey(status: ERR, value: 0) == .none)
    }
}
