/// The themes available by name, resolving each one's `parent` chain.
///
/// Later themes replace earlier ones of the same name, so a user's theme folder can override a
/// shipped theme. A parent named "default" that no file provides is ``Theme/builtInDefault``.
public struct ThemeCatalog: Sendable {
    /// Parsed themes by name, parents not yet applied.
    public private(set) var themes: [String: Theme] = [:]

    public init(themes: [Theme]) {
        for theme in themes {
            self.themes[theme.name] = theme
        }
    }

    /// The theme names, sorted.
    public var names: [String] { themes.keys.sorted() }

    /// The theme called `name` with all its parents applied.
    public func resolved(named name: String) throws(ThemeError) -> Theme {
        guard let selected = lookup(name) else {
            throw ThemeError(fileName: nil, line: nil, problem: .unknownTheme(name))
        }
        var chain = [selected]
        var current = selected
        while let parentName = current.parentName {
            let location = (current.source?.fileName, current.source?.parentLine)
            if chain.contains(where: { $0.name == parentName }) {
                let names = chain.map(\.name) + [parentName]
                throw ThemeError(
                    fileName: location.0, line: location.1, subject: .key("parent"),
                    problem: .parentCycle(names))
            }
            guard let parent = lookup(parentName) else {
                throw ThemeError(
                    fileName: location.0, line: location.1, subject: .key("parent"),
                    problem: .unknownParent(parentName))
            }
            chain.append(parent)
            current = parent
        }
        var result = chain.removeLast()
        while let child = chain.popLast() {
            result = child.inheriting(from: result)
        }
        return result
    }

    private func lookup(_ name: String) -> Theme? {
        themes[name] ?? (name == Theme.builtInDefault.name ? Theme.builtInDefault : nil)
    }
}
