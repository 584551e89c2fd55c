/// A semantic name for how something looks ("risk.high", "selection"), resolved by a ``Theme``.
///
/// Screens never name colours: they name roles, so one theme file restyles everything and
/// `NO_COLOR` can swap colours for attributes. Dotted names fall back to their parent:
/// "risk.high" → "risk" → "default". Composite roles work the same way, e.g.
/// "selection.risk.high" → "selection.risk" → "selection" → "default".
public struct StyleRole: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The role name, dot-separated from general to specific.
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { name }

    public static func < (lhs: StyleRole, rhs: StyleRole) -> Bool { lhs.name < rhs.name }

    /// The role one step more general, or `nil` for the root role ``default``.
    public var parent: StyleRole? {
        if self == .default { return nil }
        guard let dot = name.lastIndex(of: ".") else { return .default }
        return StyleRole(String(name[..<dot]))
    }

    /// This role followed by all its ancestors, ending with ``default``.
    public var fallbackChain: [StyleRole] {
        var chain = [self]
        var current = self
        while let next = current.parent {
            chain.append(next)
            current = next
        }
        return chain
    }
}

extension StyleRole {
    /// The root role: plain text, and the last fallback of every other role.
    public static let `default`: StyleRole = "default"
    public static let header: StyleRole = "header"
    public static let title: StyleRole = "title"
    public static let border: StyleRole = "border"
    public static let muted: StyleRole = "muted"
    public static let selection: StyleRole = "selection"
    public static let status: StyleRole = "status"
    public static let statusError: StyleRole = "status.error"
    public static let statusHint: StyleRole = "status.hint"
    public static let kpiValue: StyleRole = "kpi.value"
    public static let kpiLabel: StyleRole = "kpi.label"
    public static let bar: StyleRole = "bar"
    public static let riskLow: StyleRole = "risk.low"
    public static let riskMedium: StyleRole = "risk.medium"
    public static let riskHigh: StyleRole = "risk.high"
    public static let tierA: StyleRole = "tier.a"
    public static let tierB: StyleRole = "tier.b"
    public static let tierC: StyleRole = "tier.c"
    public static let trendUp: StyleRole = "trend.up"
    public static let trendDown: StyleRole = "trend.down"
    public static let searchMatch: StyleRole = "search.match"

    /// The role of an RFM segment, from its slug ("champions", "cant-lose", …).
    public static func segment(_ slug: String) -> StyleRole { StyleRole("segment." + slug) }

    /// Slugs of the RFM segments every shipped theme styles.
    public static let segmentSlugs = [
        "champions", "loyal", "potential-loyalist", "new", "promising", "need-attention",
        "about-to-sleep", "at-risk", "cant-lose", "hibernating", "lost",
    ]

    /// Every role the screens use; each shipped theme defines all of them.
    public static let standardRoles: [StyleRole] =
        [
            .default, .header, .title, .border, .muted, .selection, .status, .statusError, .statusHint,
            .kpiValue, .kpiLabel, .bar, .riskLow, .riskMedium, .riskHigh, .tierA, .tierB, .tierC,
        ] + segmentSlugs.map(segment) + [.trendUp, .trendDown, .searchMatch]
}
