import Dashboard
import Testing

@testable import Terminal

@Suite("Fuzzing the key decoder")
struct KeyDecoderFuzzTests {
    @Test("Every status and code ncurses could return decodes to a key or nothing, never a crash")
    func everyCode() {
        var random = SystemRandomNumberGenerator()
        let statuses: [Int32] = [0, 0o400, -1, 1, 42]
        for _ in 0..<20_000 {
            let status = statuses.randomElement(using: &random) ?? 0
            let value =
                Bool.random(using: &random)
                ? UInt32.random(in: 0...0x11_0000, using: &random)
                : UInt32.random(in: 0...600, using: &random)
            let raw = RawKey(status: status, value: value)
            if let key = KeyDecoder.decode(raw) {
                #expect(!key.name.isEmpty)
                #expect(KeyEvent(name: key.name) != nil || key.name.hasPrefix("unknown"), "\(key.name)")
            }
            _ = KeyDecoder.altCombination(following: raw)
        }
    }
}
