/// Why a theme could not be loaded, with the file, line and key a person needs to fix it.
///
/// The description reads like a compiler message:
/// `themes/x.toml:7: role "risk.high": unknown colour "redd"`.
/// The UI shows it in the status bar and falls back to the default theme.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the error is about.
    public enum Subject: Hashable, Sendable {
        case none
        /// A top-level key such as `name` or `parent`.
        case key(String)
        /// An entry of the `[roles]` table.
        case role(String)
    }

    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        /// The line is not valid in the theme format; the text says what was expected.
        case syntax(String)
        case unknownColor(String)
        case colorIndexOutOfRange(Int)
        /// An attribute other than fg, bg, bold, dim, italic, underline, reverse.
        case unknownAttribute(String)
        /// An attribute or key with a value of the wrong kind.
        case invalidValue(attribute: String, expected: String)
        case duplicateAttribute(String)
        case duplicateKey
        case duplicateRole
        /// A top-level key other than `name`, `parent`, `description`.
        case unknownKey
        /// A table other than `[roles]`.
        case unknownTable(String)
        case invalidRoleName
        case unknownParent(String)
        /// Themes whose `parent` keys form a loop, in order.
        case parentCycle([String])
        /// The theme asked for does not exist.
        case unknownTheme(String)
    }

    /// The theme file, as the caller named it (`nil` when no file is concerned).
    public var fileName: String?
    /// The 1-based line in that file.
    public var line: Int?
    public var subject: Subject
    public var problem: Problem

    public init(fileName: String?, line: Int?, subject: Subject = .none, problem: Problem) {
        self.fileName = fileName
        self.line = line
        self.subject = subject
        self.problem = problem
    }

    public var description: String {
        var location = ""
        if let fileName {
            location = fileName + (line.map { ":\($0)" } ?? "") + ": "
        }
        let about: String
        switch subject {
        case .none: about = ""
        case .key(let key): about = "key \"\(key)\": "
        case .role(let role): about = "role \"\(role)\": "
        }
        return location + about + message
    }

    private var message: String {
        switch problem {
        case .syntax(let text):
            return text
        case .unknownColor(let text):
            return "unknown colour \"\(text)\""
        case .colorIndexOutOfRange(let index):
            return "colour index \(index) is outside 0–255"
        case .unknownAttribute(let name):
            return
                "unknown attribute \"\(name)\" (known: \(ThemeParser.attributeNames.joined(separator: ", ")))"
        case .invalidValue(let attribute, let expected):
            return "\"\(attribute)\" must be \(expected)"
        case .duplicateAttribute(let name):
            return "attribute \"\(name)\" given twice"
        case .duplicateKey:
            return "given twice"
        case .duplicateRole:
            return "defined twice"
        case .unknownKey:
            return "unknown key (known: name, parent, description, and the [roles] table)"
        case .unknownTable(let name):
            return "unknown table [\(name)] (the only table is [roles])"
        case .invalidRoleName:
            return "role names are lowercase letters, digits, \"-\" and \".\""
                + " (quote dotted names: \"risk.high\")"
        case .unknownParent(let name):
            return "unknown parent theme \"\(name)\""
        case .parentCycle(let names):
            return "parent themes form a loop: " + names.joined(separator: " → ")
        case .unknownTheme(let name):
            return "no theme named \"\(name)\""
        }
    }
}
