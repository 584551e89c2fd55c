/// The default dark theme compiled in, so the UI has a theme even when no theme file can be read
/// or parsed. `Themes/default.toml` holds the same values (a test keeps them equal).
extension Theme {
    /// The built-in default (dark) theme.
    public static let builtInDefault = Theme(
        name: "default",
        roles: [
            .default: RoleStyle(foreground: .default, background: .default),
            .header: RoleStyle(foreground: .ansi(.brightWhite), background: .indexed(24), bold: true),
            .title: RoleStyle(foreground: .ansi(.brightCyan), bold: true),
            .border: RoleStyle(foreground: .indexed(240)),
            .muted: RoleStyle(foreground: .indexed(245)),
            .selection: RoleStyle(foreground: .ansi(.black), background: .ansi(.cyan)),
            .status: RoleStyle(foreground: .indexed(252), background: .indexed(236)),
            .statusError: RoleStyle(foreground: .ansi(.brightWhite), background: .ansi(.red), bold: true),
            .statusHint: RoleStyle(foreground: .indexed(244)),
            .kpiValue: RoleStyle(foreground: .ansi(.brightWhite), bold: true),
            .kpiLabel: RoleStyle(foreground: .indexed(245)),
            .bar: RoleStyle(foreground: .ansi(.cyan)),
            .riskLow: RoleStyle(foreground: .ansi(.green)),
            .riskMedium: RoleStyle(foreground: .ansi(.yellow), bold: true),
            .riskHigh: RoleStyle(foreground: .ansi(.brightRed), bold: true, underline: true),
            .tierA: RoleStyle(foreground: .ansi(.brightYellow), bold: true),
            .tierB: RoleStyle(foreground: .ansi(.white)),
            .tierC: RoleStyle(foreground: .indexed(245)),
            .segment("champions"): RoleStyle(foreground: hex(0x5FD75F), bold: true),
            .segment("loyal"): RoleStyle(foreground: hex(0x87D787)),
            .segment("potential-loyalist"): RoleStyle(foreground: hex(0x87D7D7)),
            .segment("new"): RoleStyle(foreground: hex(0x5FAFFF)),
            .segment("promising"): RoleStyle(foreground: hex(0x87AFFF)),
            .segment("need-attention"): RoleStyle(foreground: hex(0xFFD75F)),
            .segment("about-to-sleep"): RoleStyle(foreground: hex(0xD7AF5F)),
            .segment("at-risk"): RoleStyle(foreground: hex(0xFF875F), bold: true),
            .segment("cant-lose"): RoleStyle(foreground: hex(0xFF5F5F), bold: true),
            .segment("hibernating"): RoleStyle(foreground: hex(0x8787AF)),
            .segment("lost"): RoleStyle(foreground: hex(0x6C6C6C)),
            .trendUp: RoleStyle(foreground: .ansi(.green)),
            .trendDown: RoleStyle(foreground: .ansi(.red)),
            .searchMatch: RoleStyle(foreground: .ansi(.black), background: .ansi(.yellow), bold: true),
        ])

    private static func hex(_ value: UInt32) -> TerminalColor {
        .rgb(red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }
}
