/// The languages of the user interface.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en
    case de

    /// German when the locale says so: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX
    /// precedence) starting with "de" ("de_DE.UTF-8", "de_CH"); English otherwise.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }
}
