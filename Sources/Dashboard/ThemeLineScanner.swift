/// A value on the right of `=` in a theme file (the TOML subset themes use).
enum ThemeValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    /// `{ key = value, … }` with the pairs in file order (values are never tables themselves).
    case inlineTable([ThemeKeyValue])

    /// How the value is described in error messages.
    var kindDescription: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .integer(let number): return String(number)
        case .boolean(let flag): return String(flag)
        case .inlineTable: return "a table"
        }
    }
}

/// One `key = value` pair of an inline table.
struct ThemeKeyValue: Hashable, Sendable {
    var key: String
    var value: ThemeValue
}

/// A syntax problem found while scanning one line.
struct ThemeSyntaxError: Error, Hashable {
    var message: String
}

/// Reads the pieces of one line of a theme file: keys, `=`, values, table headers, comments.
///
/// Only the TOML the theme format needs: bare and quoted keys, basic and literal strings,
/// decimal integers, booleans, one-line inline tables. Anything else is a clear syntax error.
struct ThemeLineScanner {
    private let characters: [Character]
    private var position = 0

    init(_ line: Substring) {
        characters = Array(line)
    }

    /// The next character after skipping blanks, without consuming it.
    mutating func peek() -> Character? {
        skipBlanks()
        return position < characters.count ? characters[position] : nil
    }

    /// Whether only blanks and a comment remain.
    mutating func isAtEnd() -> Bool {
        guard let next = peek() else { return true }
        return next == "#"
    }

    /// Consumes `expected` (after blanks) or reports `message`.
    mutating func expect(_ expected: Character, _ message: String) throws(ThemeSyntaxError) {
        guard peek() == expected else { throw ThemeSyntaxError(message: message) }
        position += 1
    }

    /// Consumes `expected` if it comes next.
    mutating func consume(_ expected: Character) -> Bool {
        guard peek() == expected else { return false }
        position += 1
        return true
    }

    /// A bare key (letters, digits, `_`, `-`, and `.` so the caller can reject dotted keys
    /// clearly) or a quoted key. Returns the key and whether it was quoted.
    mutating func key() throws(ThemeSyntaxError) -> (name: String, quoted: Bool) {
        guard let first = peek() else { throw ThemeSyntaxError(message: "expected a key") }
        if first == "\"" || first == "'" {
            guard case .string(let text) = try value() else {
                throw ThemeSyntaxError(message: "expected a key")
            }
            return (text, true)
        }
        var name = ""
        while position < characters.count, Self.isBareKeyCharacter(characters[position]) {
            name.append(characters[position])
            position += 1
        }
        guard !name.isEmpty else { throw ThemeSyntaxError(message: "expected a key, found \"\(first)\"") }
        return (name, false)
    }

    /// A string, integer, boolean or inline table.
    mutating func value() throws(ThemeSyntaxError) -> ThemeValue {
        guard let first = peek() else { throw ThemeSyntaxError(message: "expected a value after \"=\"") }
        switch first {
        case "\"":
            position += 1
            return .string(try basicString())
        case "'":
            position += 1
            return .string(try literalString())
        case "{":
            position += 1
            return .inlineTable(try inlineTable())
        case "+", "-", "0"..."9":
            return .integer(try integer())
        default:
            var word = ""
            while position < characters.count, Self.isBareKeyCharacter(characters[position]) {
                word.append(characters[position])
                position += 1
            }
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            let shown = word.isEmpty ? String(first) : word
            throw ThemeSyntaxError(
                message: "expected a value, found \(shown) (text needs quotes: \"\(shown)\")")
        }
    }

    private static func isBareKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_-.".contains(character))
    }

    private mutating func skipBlanks() {
        while position < characters.count, characters[position] == " " || characters[position] == "\t" {
            position += 1
        }
    }

    private mutating func basicString() throws(ThemeSyntaxError) -> String {
        var text = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            switch character {
            case "\"":
                return text
            case "\\":
                text.append(try escape())
            default:
                text.append(character)
            }
        }
        throw ThemeSyntaxError(message: "unterminated string (missing closing \")")
    }

    private mutating func escape() throws(ThemeSyntaxError) -> Character {
        guard position < characters.count else {
            throw ThemeSyntaxError(message: "unterminated string (missing closing \")")
        }
        let code = characters[position]
        position += 1
        switch code {
        case "\"": return "\""
        case "\\": return "\\"
        case "t": return "\t"
        case "n": return "\n"
        case "u":
            let digits = String(characters[position..<min(characters.count, position + 4)])
            guard digits.count == 4, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
            else { throw ThemeSyntaxError(message: "\\u needs four hex digits") }
            position += 4
            return Character(scalar)
        default:
            throw ThemeSyntaxError(message: "unsupported escape \"\\\(code)\" in string")
        }
    }

    private mutating func literalString() throws(ThemeSyntaxError) -> String {
        var text = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == "'" { return text }
            text.append(character)
        }
        throw ThemeSyntaxError(message: "unterminated string (missing closing ')")
    }

    private mutating func integer() throws(ThemeSyntaxError) -> Int {
        var text = ""
        while position < characters.count, "+-0123456789_".contains(characters[position]) {
            if characters[position] != "_" { text.append(characters[position]) }
            position += 1
        }
        guard let number = Int(text) else { throw ThemeSyntaxError(message: "invalid number \"\(text)\"") }
        return number
    }

    private mutating func inlineTable() throws(ThemeSyntaxError) -> [ThemeKeyValue] {
        var pairs: [ThemeKeyValue] = []
        while true {
            if consume("}") { return pairs }
            if isAtEnd() {
                throw ThemeSyntaxError(message: "unterminated inline table (missing \"}\" on this line)")
            }
            let key = try key().name
            try expect("=", "expected \"=\" after \"\(key)\"")
            let value = try value()
            if case .inlineTable = value {
                throw ThemeSyntaxError(message: "nested tables are not supported (\"\(key)\")")
            }
            pairs.append(ThemeKeyValue(key: key, value: value))
            if consume("}") { return pairs }
            if isAtEnd() {
                throw ThemeSyntaxError(message: "unterminated inline table (missing \"}\" on this line)")
            }
            try expect(",", "expected \",\" or \"}\" after the value of \"\(key)\"")
        }
    }
}
