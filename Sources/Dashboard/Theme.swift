/// A set of semantic role styles, loaded once and passed to views as a value (never global).
///
/// Lookup is field by field along the role's fallback chain: for "risk.high" each of colour and
/// attributes comes from "risk.high" if set there, else "risk", else "default", else
/// ``Style/plain``. So a theme only spells out what differs from the parent role.
public struct Theme: Hashable, Sendable {
    /// The theme's name, which `parent` keys and the `--theme` choice refer to.
    public var name: String
    /// The theme this one builds on, if any (resolved by ``ThemeCatalog``).
    public var parentName: String?
    /// The entries the theme defines.
    public var roles: [StyleRole: RoleStyle]
    /// Where the theme was read from, for error messages about it.
    public var source: ThemeSource?

    public init(
        name: String, parentName: String? = nil, roles: [StyleRole: RoleStyle], source: ThemeSource? = nil
    ) {
        self.name = name
        self.parentName = parentName
        self.roles = roles
        self.source = source
    }

    /// The resolved style of `role` (see the type's doc for the fallback).
    public func style(for role: StyleRole) -> Style {
        var entry = RoleStyle()
        for candidate in role.fallbackChain {
            if let defined = roles[candidate] { entry = entry.filling(from: defined) }
        }
        return entry.resolved
    }

    /// The style of `role` with colours mapped to what a terminal with `depth` can show.
    public func style(for role: StyleRole, depth: ColorDepth) -> Style {
        style(for: role).downsampled(to: depth)
    }

    /// This theme on top of `parent`: roles this theme defines override the parent's field by
    /// field; roles it leaves out come from the parent.
    public func inheriting(from parent: Theme) -> Theme {
        var merged = parent.roles
        for (role, entry) in roles {
            merged[role] = entry.filling(from: parent.roles[role] ?? RoleStyle())
        }
        return Theme(name: name, parentName: parentName, roles: merged, source: source)
    }
}

/// Where a theme came from: its file, and the line of its `parent` key if it has one.
public struct ThemeSource: Hashable, Sendable {
    public var fileName: String
    public var parentLine: Int?

    public init(fileName: String, parentLine: Int? = nil) {
        self.fileName = fileName
        self.parentLine = parentLine
    }
}
