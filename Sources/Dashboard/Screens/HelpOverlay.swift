/// The `?` overlay: the current screen's key map and the `:` commands, generated from the same
/// data the keys and the hint bar use, so help never drifts from behaviour.
public enum HelpOverlay {
    static func lines(_ state: AppState) -> [StyledLine] {
        let catalog = state.catalog
        let map = KeyMap.forScreen(state.screen)
        let keyWidth = min(24, (map.bindings.map { DisplayWidth.width(of: $0.keyNames) }.max() ?? 8) + 2)
        var lines: [StyledLine] = [[Span(catalog.text(.helpKeys), .title)]]
        var seen = Set<KeyAction>()
        for binding in map.bindings where !seen.contains(binding.action) {
            seen.insert(binding.action)
            // A key bound twice (a screen repeats a global key for its hint) is listed once.
            var names: [String] = []
            for key in map.bindings.filter({ $0.action == binding.action }).flatMap(\.keys)
            where !names.contains(key.name) {
                names.append(key.name)
            }
            let keys = names.joined(separator: ", ")
            lines.append([
                Span("  " + Layout.fit(keys, keyWidth), .kpiValue), Span(catalog.text(binding.help)),
            ])
        }
        // The form has no command line: `:` is text there.
        guard state.screen != .logForm else { return lines }
        lines.append([])
        lines.append([Span(catalog.text(.helpCommands), .title)])
        let usageWidth = (ColonCommand.documented.map { DisplayWidth.width(of: $0.usage) }.max() ?? 8) + 3
        for command in ColonCommand.documented {
            lines.append([
                Span("  :" + Layout.fit(command.usage, usageWidth), .kpiValue),
                Span(catalog.text(command.help)),
            ])
        }
        return lines
    }

    public static func render(_ state: AppState, scroll: Int, into buffer: inout ScreenBuffer, area: Rect) {
        let catalog = state.catalog
        buffer.fill(area, role: .default)
        buffer.write(" " + catalog.text(.helpTitle), x: area.x, y: area.y, role: .title, maxWidth: area.width)
        let body = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: max(0, area.height - 1))
        let content = lines(state)
        let offset = min(scroll, max(0, content.count - body.height))
        buffer.draw(lines: content, in: body, offset: offset)
    }
}
