/// The contents of one theme file; callers read files, ``ThemeLoader`` only sees text.
public struct ThemeFile: Hashable, Sendable {
    /// The path as it should appear in error messages, e.g. "Themes/dusk.toml".
    public var fileName: String
    public var contents: String

    public init(fileName: String, contents: String) {
        self.fileName = fileName
        self.contents = contents
    }
}

/// The theme to use and the problems met on the way (for the status bar).
public struct LoadedTheme: Hashable, Sendable {
    public var theme: Theme
    public var errors: [ThemeError]
}

/// Picks the theme the user asked for, never failing: broken files are reported and skipped,
/// and a theme that cannot be resolved falls back to "default", then to the built-in default.
public enum ThemeLoader {
    /// Parses `files`, resolves `name`, and applies `noColor` (see ``NoColor``).
    public static func load(named name: String, from files: [ThemeFile], noColor: Bool = false) -> LoadedTheme
    {
        var errors: [ThemeError] = []
        var themes: [Theme] = []
        for file in files {
            do {
                themes.append(try Theme.parse(contents: file.contents, fileName: file.fileName))
            } catch {
                errors.append(error)
            }
        }
        let catalog = ThemeCatalog(themes: themes)
        var theme: Theme
        do {
            theme = try catalog.resolved(named: name)
        } catch {
            // The status bar shows the first error, so it must be about the theme asked for: a
            // broken file of that name if there is one, else why the name did not resolve,
            // and only then other files' problems.
            let own = errors.firstIndex { $0.fileName.map { Self.stem($0) == name } ?? false }
            if let own {
                errors.insert(errors.remove(at: own), at: 0)
                errors.insert(error, at: 1)
            } else {
                errors.insert(error, at: 0)
            }
            theme = (try? catalog.resolved(named: Theme.builtInDefault.name)) ?? .builtInDefault
        }
        return LoadedTheme(theme: noColor ? theme.monochrome() : theme, errors: errors)
    }

    /// "dusk" for "…/themes/dusk.toml".
    static func stem(_ fileName: String) -> String {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
}
