/// The `?` overlay: the current screen's key map and the `:` commands, generated from the same
/// data the keys and the hint bar use, so help never drifts from behaviour.
public enum HelpOverlay {
    static func lines(_ state: AppState) -> [StyledLine] {
        let catalog = state.catalog
        if state.screen == .calls, state.calls.session != nil { return sessionLines(catalog) }
        let map = KeyMap.forScreen(state.screen)
        var entries: [(keys: String, help: String)] = []
        var seen = Set<KeyAction>()
        for binding in map.bindings where !seen.contains(binding.action) {
            seen.insert(binding.action)
            // A key bound twice (a screen repeats a global key for its hint) is listed once.
            var names: [String] = []
            for key in map.bindings.filter({ $0.action == binding.action }).flatMap(\.keys)
            where !names.contains(catalog.keyName(key)) {
                names.append(catalog.keyName(key))
            }
            entries.append((names.joined(separator: ", "), catalog.text(binding.help)))
        }
        var lines = keyLines(entries, catalog)
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

    /// "Keys" and one line per entry, the keys in a column as wide as the widest (at most 24).
    static func keyLines(_ entries: [(keys: String, help: String)], _ catalog: Catalog) -> [StyledLine] {
        let keyWidth = min(24, (entries.map { DisplayWidth.width(of: $0.keys) }.max() ?? 8) + 2)
        return [[Span(catalog.text(.helpKeys), .title)]]
            + entries.map { [Span("  " + Layout.fit($0.keys, keyWidth), .kpiValue), Span($0.help)] }
    }

    /// A call session has its own keys (see ``CallListScreen/sessionKey(_:_:)``), not the call
    /// list's: the outcomes, stepping, the form, undo and leaving. No `:` commands run there.
    static func sessionLines(_ catalog: Catalog) -> [StyledLine] {
        let names = { (keys: [KeyEvent]) in keys.map(catalog.keyName).joined(separator: ", ") }
        var entries = CallOutcome.allCases.map {
            (
                keys: String($0.key),
                help: catalog.text(.helpSessionOutcome) + " " + catalog.outcome($0.interactionOutcome)
            )
        }
        entries += SessionMove.all.map { (names($0.keys), catalog.text($0.help)) }
        return keyLines(entries, catalog)
    }

    /// Lines wider than the overlay continue on the next line under their help column, so no
    /// help is cut off mid-word; a single word too long for the width is cut with "…".
    static func flowed(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        var result: [StyledLine] = []
        for line in lines {
            guard let last = line.last, line.count > 1, line.reduce(0, { $0 + $1.width }) > width else {
                result.append(line)
                continue
            }
            let indent = line.dropLast().reduce(0) { $0 + $1.width }
            let room = max(8, width - indent)
            let pieces = DetailScreen.wrap(last.text, width: room).map {
                DisplayWidth.width(of: $0) > room ? DisplayWidth.truncate($0, toColumns: room) : $0
            }
            for (index, piece) in pieces.enumerated() {
                let lead = index == 0 ? Array(line.dropLast()) : [Span(String(repeating: " ", count: indent))]
                result.append(lead + [Span(piece, last.role)])
            }
        }
        return result
    }

    public static func render(_ state: AppState, scroll: Int, into buffer: inout ScreenBuffer, area: Rect) {
        let catalog = state.catalog
        buffer.fill(area, role: .default)
        buffer.write(" " + catalog.text(.helpTitle), x: area.x, y: area.y, role: .title, maxWidth: area.width)
        let body = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: max(0, area.height - 1))
        let content = flowed(lines(state), width: body.width)
        let offset = min(scroll, max(0, content.count - body.height))
        buffer.draw(lines: content, in: body, offset: offset)
    }
}
