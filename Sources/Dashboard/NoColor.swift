/// `NO_COLOR` (https://no-color.org): a monochrome look in which nothing depends on colour.
///
/// Selection and the status bar use reverse video; risk uses bold (medium) and bold underline
/// (high) — and the UI always writes the band word too, so risk is never shown by colour alone.
public enum NoColor {
    /// Whether the environment asks for no colour: `NO_COLOR` present and not empty.
    public static func isRequested(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// The attributes every monochrome theme forces, whatever the colour theme said.
    public static let attributes: [StyleRole: RoleStyle] = [
        .header: RoleStyle(bold: true),
        .title: RoleStyle(bold: true, underline: true),
        .muted: RoleStyle(dim: true),
        .selection: RoleStyle(reverse: true),
        .status: RoleStyle(reverse: true),
        .statusError: RoleStyle(bold: true, reverse: true),
        .kpiValue: RoleStyle(bold: true),
        .riskLow: RoleStyle(bold: false, underline: false),
        .riskMedium: RoleStyle(bold: true, underline: false),
        .riskHigh: RoleStyle(bold: true, underline: true),
        .tierA: RoleStyle(bold: true),
        .searchMatch: RoleStyle(bold: true, underline: true),
    ]
}

extension Theme {
    /// This theme without any colour, with the ``NoColor/attributes`` forced on top.
    public func monochrome() -> Theme {
        var stripped: [StyleRole: RoleStyle] = [:]
        for (role, entry) in roles {
            var copy = entry
            copy.foreground = .default
            copy.background = .default
            stripped[role] = copy
        }
        for (role, forced) in NoColor.attributes {
            stripped[role] = forced.filling(from: stripped[role] ?? RoleStyle())
        }
        return Theme(name: name, parentName: parentName, roles: stripped, source: source)
    }
}
