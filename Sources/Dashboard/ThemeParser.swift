/// Parses theme files. The format (also in `docs/THEMES.md`):
///
/// A theme is a small subset of TOML, so any TOML-aware editor highlights it:
///
/// ```toml
/// # Comments start with "#".
/// name = "dusk"                 # optional; defaults to the file name without ".toml"
/// parent = "default"            # optional; roles not defined here come from this theme
/// description = "Warm, dark"    # optional
///
/// [roles]
/// default = { fg = "default", bg = "default" }
/// header = { fg = "bright-white", bg = 24, bold = true }
/// "risk.high" = { fg = "#ff5f5f", bold = true, underline = true }
/// ```
///
/// - Top-level keys: `name`, `parent`, `description` (strings). The only table is `[roles]`.
/// - Each role is one line: a role name, `=`, and a one-line inline table. Role names are
///   lowercase letters, digits, `-` and `.`; names with a dot must be quoted (in TOML a bare
///   dotted key means nested tables). `base` is accepted as another name for `default`.
/// - Attributes: `fg`, `bg` (colours), `bold`, `dim`, `italic`, `underline`, `reverse`
///   (`true`/`false`). Unset attributes fall back to the parent role: `"risk.high"` → `"risk"` →
///   `default`.
/// - Colours: `"default"` (the terminal's own), a name — `black red green yellow blue magenta cyan
///   white`, each also as `bright-…` (`grey`/`gray` = `bright-black`) — an xterm-256 index
///   `0`–`255` (number or string), or `"#rrggbb"`. They are mapped down to what the terminal
///   supports when drawn.
/// - Strings: `"basic"` (escapes `\"`, `\\`, `\t`, `\n`, `\uXXXX`) or `'literal'`.
///
/// Any error names the file, line and key, e.g.
/// `themes/x.toml:7: role "risk.high": unknown colour "redd"`.
public enum ThemeParser {
    /// The attributes a role entry may set.
    public static let attributeNames = ["fg", "bg", "bold", "dim", "italic", "underline", "reverse"]

    /// Parses one theme file's `contents`; `fileName` is only used in error messages and as the
    /// default theme name.
    public static func parse(contents: String, fileName: String) throws(ThemeError) -> Theme {
        var state = ParseState(fileName: fileName)
        var lineNumber = 0
        // "\r\n" is a single Character in Swift, so both line ends are separators.
        let lines = contents.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for rawLine in lines {
            lineNumber += 1
            var line = rawLine
            if line.last == "\r" { line.removeLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line.removeFirst() }
            try state.read(line: line, number: lineNumber)
        }
        return state.theme()
    }
}

extension Theme {
    /// Parses a theme file (see ``ThemeParser`` for the format).
    public static func parse(contents: String, fileName: String) throws(ThemeError) -> Theme {
        try ThemeParser.parse(contents: contents, fileName: fileName)
    }
}

/// What has been read so far from one theme file.
private struct ParseState {
    let fileName: String
    var inRoles = false
    var sawRolesTable = false
    var name: String?
    var parentName: String?
    var parentLine: Int?
    var description: String?
    var roles: [StyleRole: RoleStyle] = [:]

    init(fileName: String) {
        self.fileName = fileName
    }

    func theme() -> Theme {
        Theme(
            name: name ?? Self.stem(of: fileName), parentName: parentName, roles: roles,
            source: ThemeSource(fileName: fileName, parentLine: parentLine))
    }

    /// "themes/dusk.toml" → "dusk".
    static func stem(of fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    }

    private func error(_ line: Int, _ subject: ThemeError.Subject, _ problem: ThemeError.Problem)
        -> ThemeError
    {
        ThemeError(fileName: fileName, line: line, subject: subject, problem: problem)
    }

    private func error(_ line: Int, _ problem: ThemeError.Problem) -> ThemeError {
        error(line, .none, problem)
    }

    mutating func read(line: Substring, number: Int) throws(ThemeError) {
        var scanner = ThemeLineScanner(line)
        if scanner.isAtEnd() { return }
        if scanner.peek() == "[" {
            try readTableHeader(&scanner, number: number)
            return
        }
        let key: (name: String, quoted: Bool)
        do {
            key = try scanner.key()
        } catch {
            throw self.error(number, .syntax(error.message))
        }
        let subject: ThemeError.Subject = inRoles ? .role(key.name) : .key(key.name)
        let value: ThemeValue
        do throws(ThemeSyntaxError) {
            try scanner.expect("=", "expected \"=\" after the key")
            value = try scanner.value()
            if !scanner.isAtEnd() { throw ThemeSyntaxError(message: "unexpected text after the value") }
        } catch {
            throw self.error(number, subject, .syntax(error.message))
        }
        if inRoles {
            try readRole(key: key, value: value, number: number)
        } else {
            try readTopLevel(key: key.name, value: value, number: number)
        }
    }

    private mutating func readTableHeader(_ scanner: inout ThemeLineScanner, number: Int) throws(ThemeError) {
        let table: String
        do throws(ThemeSyntaxError) {
            try scanner.expect("[", "expected \"[\"")
            if scanner.peek() == "[" { throw ThemeSyntaxError(message: "arrays of tables are not supported") }
            table = try scanner.key().name
            try scanner.expect("]", "expected \"]\" after the table name")
            if !scanner.isAtEnd() { throw ThemeSyntaxError(message: "unexpected text after \"]\"") }
        } catch {
            throw self.error(number, .syntax(error.message))
        }
        guard table == "roles" else { throw error(number, .unknownTable(table)) }
        if sawRolesTable { throw error(number, .syntax("table [roles] defined twice")) }
        sawRolesTable = true
        inRoles = true
    }

    private mutating func readTopLevel(key: String, value: ThemeValue, number: Int) throws(ThemeError) {
        let subject = ThemeError.Subject.key(key)
        guard case .string(let text) = value else {
            throw error(number, subject, .invalidValue(attribute: key, expected: "a string"))
        }
        switch key {
        case "name":
            if name != nil { throw error(number, subject, .duplicateKey) }
            name = text
        case "parent":
            if parentName != nil { throw error(number, subject, .duplicateKey) }
            parentName = text
            parentLine = number
        case "description":
            if description != nil { throw error(number, subject, .duplicateKey) }
            description = text
        default:
            throw error(number, subject, .unknownKey)
        }
    }

    private mutating func readRole(key: (name: String, quoted: Bool), value: ThemeValue, number: Int)
        throws(ThemeError)
    {
        let subject = ThemeError.Subject.role(key.name)
        guard Self.isValidRoleName(key.name), key.quoted || !key.name.contains(".") else {
            throw error(number, subject, .invalidRoleName)
        }
        let role = StyleRole(key.name == "base" ? "default" : key.name)
        guard roles[role] == nil else { throw error(number, subject, .duplicateRole) }
        guard case .inlineTable(let pairs) = value else {
            let expected = "an inline table like { fg = \"red\", bold = true }"
            throw error(number, subject, .invalidValue(attribute: key.name, expected: expected))
        }
        var entry = RoleStyle()
        var seen: Set<String> = []
        for pair in pairs {
            guard seen.insert(pair.key).inserted else {
                throw error(number, subject, .duplicateAttribute(pair.key))
            }
            switch pair.key {
            case "fg": entry.foreground = try color(pair, number: number, subject: subject)
            case "bg": entry.background = try color(pair, number: number, subject: subject)
            case "bold": entry.bold = try flag(pair, number: number, subject: subject)
            case "dim": entry.dim = try flag(pair, number: number, subject: subject)
            case "italic": entry.italic = try flag(pair, number: number, subject: subject)
            case "underline": entry.underline = try flag(pair, number: number, subject: subject)
            case "reverse": entry.reverse = try flag(pair, number: number, subject: subject)
            default: throw error(number, subject, .unknownAttribute(pair.key))
            }
        }
        roles[role] = entry
    }

    private func color(_ pair: ThemeKeyValue, number: Int, subject: ThemeError.Subject)
        throws(ThemeError) -> TerminalColor
    {
        switch pair.value {
        case .integer(let index):
            guard let byte = UInt8(exactly: index) else {
                throw error(number, subject, .colorIndexOutOfRange(index))
            }
            return .indexed(byte)
        case .string(let text):
            if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(text),
                UInt8(exactly: index) == nil
            {
                throw error(number, subject, .colorIndexOutOfRange(index))
            }
            guard let color = TerminalColor(parsing: text) else {
                throw error(number, subject, .unknownColor(text))
            }
            return color
        default:
            let expected = "a colour name, 0–255 or \"#rrggbb\", not \(pair.value.kindDescription)"
            throw error(number, subject, .invalidValue(attribute: pair.key, expected: expected))
        }
    }

    private func flag(_ pair: ThemeKeyValue, number: Int, subject: ThemeError.Subject) throws(ThemeError)
        -> Bool
    {
        guard case .boolean(let value) = pair.value else {
            let expected = "true or false, not \(pair.value.kindDescription)"
            throw error(number, subject, .invalidValue(attribute: pair.key, expected: expected))
        }
        return value
    }

    static func isValidRoleName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else {
            return false
        }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }
    }
}
