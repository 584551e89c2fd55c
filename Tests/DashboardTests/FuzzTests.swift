import Foundation
import Scoring
import Testing

@testable import Dashboard

/// Random and mutated input for every parser that reads what a person or a file typed: they
/// must answer (a value or an error) and never crash or hang. Iterations are bounded for CI;
/// `CLIENTELE_FUZZ_ITERATIONS` runs longer. Failing inputs are printed with the seed.
@Suite("Fuzzing the parsers")
struct FuzzTests {
    static let iterations =
        Int(ProcessInfo.processInfo.environment["CLIENTELE_FUZZ_ITERATIONS"] ?? "") ?? 3_000

    /// Deterministic per test run unless a seed is given, and reported so a failure replays.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = UInt64(ProcessInfo.processInfo.environment["CLIENTELE_FUZZ_SEED"] ?? "") ?? 20_261_122

    /// Text built from fragments the parsers care about, plus arbitrary scalars.
    static func text(_ random: inout Random, fragments: [String]) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            if Bool.random(using: &random), let fragment = fragments.randomElement(using: &random) {
                out += fragment
            } else if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &random)) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("The theme parser answers every input with a theme or a located error")
    func themes() throws {
        var random = Random(state: Self.seed)
        let shipped = try String(
            contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Themes/default.toml").path,
            encoding: .utf8)
        let fragments = [
            "[roles]", "\n", "name = ", "parent = ", "\"", "{", "}", "=", ",", "fg", "bg", "bold = true",
            "#ff00",
            "\"risk.high\"", "255", "256", "-1", "#", "red", "bright-", "\t", "\u{0}", "\\",
        ]
        for iteration in 0..<Self.iterations {
            var input = Self.text(&random, fragments: fragments)
            if iteration % 3 == 0 {
                // Mutate the real file: drop, duplicate or insert at a random place.
                var lines = shipped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let index = Int.random(in: 0..<lines.count, using: &random)
                lines.insert(input, at: index)
                if Bool.random(using: &random) {
                    lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
                }
                input = lines.joined(separator: "\n")
            }
            do {
                _ = try ThemeParser.parse(contents: input, fileName: "fuzz.toml")
            } catch {
                #expect(
                    !error.description.isEmpty, "empty error for seed \(Self.seed) iteration \(iteration)")
            }
        }
    }

    @Test("The ':' command line answers every input with a command or an error")
    func colonCommands() {
        var random = Random(state: Self.seed &+ 1)
        let fragments = [
            "sort", "filter", "theme", "q", " ", "risk", "name", "desc", "asc", "segment", "band", "tier",
            "owner",
            "at-risk", "high", "clear", "A", "\"", "ü", "東", "\u{1B}[2J",
        ]
        for _ in 0..<Self.iterations {
            let input = Self.text(&random, fragments: fragments)
            switch ColonCommand.parse(input, current: ListFilter()) {
            case .success, .failure: break
            }
        }
    }

    @Test("Typed dates answer every input")
    func dates() {
        var random = Random(state: Self.seed &+ 2)
        let fragments = [
            "+", "d", "w", "m", "next ", "monday", ".", "-", "2025", "12", "31", "heute", "9999999999999",
        ]
        let today = CalendarDay(year: 2025, month: 3, day: 12)!
        for _ in 0..<Self.iterations {
            _ = DateInput.parse(Self.text(&random, fragments: fragments), today: today)
        }
    }

    @Test("The sanitiser leaves nothing that steers a terminal, whatever it is given")
    func sanitiser() {
        var random = Random(state: Self.seed &+ 3)
        let fragments = [
            "\u{1B}[", "\u{1B}]", "\u{1B}P", "\u{9B}", "\u{07}", "\u{1B}\\", "\r", "\u{08}", "\u{202E}", "m",
        ]
        for iteration in 0..<Self.iterations {
            let input = Self.text(&random, fragments: fragments)
            let output = sanitizedForTerminal(input)
            let steering = output.unicodeScalars.filter {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }
            #expect(steering.isEmpty, "seed \(Self.seed) iteration \(iteration): \(steering)")
        }
    }
}
