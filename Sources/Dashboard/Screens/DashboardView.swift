/// Draws the whole screen from the state: header line, the current screen (or the help overlay),
/// and the status bar. Depends only on the state, so every frame is testable as a buffer.
public enum DashboardView {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.columns, height: state.size.rows)
        if state.isTooSmall {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        renderHeader(state, into: &buffer)
        let body = Rect(x: 0, y: 1, width: state.size.columns, height: state.bodyHeight)
        if case .help(let scroll) = state.mode {
            HelpOverlay.render(state, scroll: scroll, into: &buffer, area: body)
        } else if let panel = state.importing.panel {
            ImportPanel.render(panel, state, into: &buffer, area: body)
        } else {
            renderScreen(state.screen, state, into: &buffer, area: body)
            if let prompt = state.confirm { ConfirmOverlay.render(prompt, state, into: &buffer) }
        }
        renderStatus(state, into: &buffer)
        return buffer
    }

    /// One screen of the stack; an overlay screen draws the one below it first.
    static func renderScreen(
        _ screen: ScreenKind, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect
    ) {
        switch screen {
        case .overview: OverviewScreen.render(state, into: &buffer, area: area)
        case .list: ListScreen.render(state, into: &buffer, area: area)
        case .detail: DetailScreen.render(state, into: &buffer, area: area)
        case .calls: CallListScreen.render(state, into: &buffer, area: area)
        case .logForm:
            let below = state.stack.dropLast().last ?? .overview
            if below != .logForm { renderScreen(below, state, into: &buffer, area: area) }
            LogFormScreen.render(state, into: &buffer)
        }
    }

    /// "terminal too small", what is needed and what there is, centred as far as it fits.
    static func renderTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let catalog = state.catalog
        let minimum = AppState.minimumSize
        let lines = [
            catalog.text(.tooSmall),
            "(" + catalog.text(.needSize) + " \(minimum.columns)×\(minimum.rows))",
            catalog.text(.haveSize) + " \(state.size.columns)×\(state.size.rows)",
            "q: " + catalog.text(.hintQuit),
        ]
        let top = max(0, (state.size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = DisplayWidth.width(of: line)
            let x = max(0, (state.size.columns - width) / 2)
            buffer.write(
                line, x: x, y: top + index, role: index == 0 ? .statusError : .default,
                maxWidth: state.size.columns - x)
        }
    }

    /// Where you are, left; the date of "today", right.
    static func renderHeader(_ state: AppState, into buffer: inout ScreenBuffer) {
        let catalog = state.catalog
        var place = [catalog.text(.appName)]
        for screen in state.stack {
            switch screen {
            case .overview: place.append(catalog.text(.overview))
            case .list: place.append(ListScreen.summary(state))
            case .detail:
                let name =
                    state.detail.customer.map { sanitizedForTerminal($0.name) } ?? catalog.text(.detail)
                place.append(name)
            case .logForm: place.append(catalog.text(.logTitle))
            case .calls: place.append(CallListScreen.summary(state))
            }
        }
        let area = Rect(x: 0, y: 0, width: state.size.columns, height: 1)
        buffer.bar(
            area, y: 0, left: [Span(" " + place.joined(separator: " › "), .header)],
            right: [Span(catalog.date(state.today) + " ", .header)], role: .header)
    }

    /// The prompt while typing, else a message or error, else the hints; the row counter right.
    static func renderStatus(_ state: AppState, into buffer: inout ScreenBuffer) {
        let catalog = state.catalog
        let y = state.size.rows - 1
        let area = Rect(x: 0, y: y, width: state.size.columns, height: 1)
        var right: StyledLine = state.screen == .list ? [Span(ListScreen.counter(state) + " ", .status)] : []
        if state.screen == .calls { right = [Span(CallListScreen.counter(state) + " ", .status)] }
        var left: StyledLine
        switch state.mode {
        case .search(let text, _):
            left = [
                Span(" " + catalog.text(.searchPrompt), .status),
                Span(sanitizedForTerminal(text) + "█", .status),
            ]
        case .command(let text):
            left = [Span(":" + sanitizedForTerminal(text) + "█", .status)]
        case .prompt(let prompt):
            left = PromptInput.statusLine(prompt, state)
        case .help:
            left = [Span(" " + catalog.text(.helpClose), .statusHint)]
        case .normal:
            if let prompt = state.confirm {
                left = [
                    Span(" " + catalog.text(prompt.question) + " " + catalog.text(.confirmAnswers), .status)
                ]
            } else if let status = state.status {
                let role: StyleRole = status.isError ? .statusError : .status
                let lines = statusLines(status.text, state, reserved: right.reduce(0) { $0 + $1.width })
                // A message wider than the bar continues upwards over the screen's last rows, so
                // a long summary (an erasure, the commands there are) is read whole.
                for (offset, line) in lines.dropLast().enumerated() {
                    let row = y - (lines.count - 1) + offset
                    buffer.bar(
                        Rect(x: 0, y: row, width: state.size.columns, height: 1), y: row,
                        left: [Span(" " + line, role)], role: role)
                }
                left = [Span(" " + (lines.last ?? ""), role)]
            } else if state.screen == .calls, state.calls.session != nil {
                // The session shows its own keys above the bar.
                left = [Span(" " + catalog.text(.helpSession), .statusHint)]
            } else {
                let used = right.reduce(0) { $0 + $1.width }
                left = hints(state, maxWidth: state.size.columns - used - 1)
            }
        }
        buffer.bar(area, y: y, left: left, right: right, role: .status)
        if case .normal = state.mode, state.confirm == nil, let status = state.status, status.isError {
            // An error owns the whole bar so it cannot be missed.
            let last =
                statusLines(status.text, state, reserved: right.reduce(0) { $0 + $1.width }).last ?? ""
            buffer.setRole(
                .statusError, in: Rect(x: 0, y: y, width: DisplayWidth.width(of: " " + last), height: 1))
        }
    }

    /// The status message in lines that fit beside the bar's counter: one line when it fits,
    /// else wrapped at spaces into at most a third of the screen's rows (the last cut with "…").
    static func statusLines(_ text: String, _ state: AppState, reserved: Int) -> [String] {
        let width = max(10, state.size.columns - reserved - 2)
        guard DisplayWidth.width(of: text) > width else { return [text] }
        var lines = DetailScreen.wrap(text, width: width)
        let most = max(1, state.size.rows / 3)
        if lines.count > most {
            lines = Array(lines.prefix(most))
            lines[most - 1] =
                DisplayWidth.truncate(lines[most - 1], toColumns: width - 2, ellipsis: false) + " …"
        }
        return lines
    }

    /// "j/k move · enter open · / search · ? help · q back", from the key map.
    /// Whole hints only: those that do not fit in `maxWidth` columns are left out.
    static func hints(_ state: AppState, maxWidth: Int) -> StyledLine {
        let catalog = state.catalog
        let onRoot = state.stack.count == 1
        let items: [(keys: String, text: String)] = KeyMap.forScreen(state.screen).hints(catalog).map {
            item in
            // On the top screen "back" quits, and the hint says so.
            onRoot && item.text == catalog.text(.hintBack)
                ? (keys: item.keys, text: catalog.text(.hintQuit)) : item
        }
        var line: StyledLine = [Span(" ", .statusHint)]
        var used = 1
        for (index, item) in items.enumerated() {
            let separator = index > 0 ? " · " : ""
            let width = DisplayWidth.width(of: separator + item.keys + " " + item.text)
            guard used + width <= maxWidth else { break }
            used += width
            if index > 0 { line.append(Span(separator, .statusHint)) }
            line.append(Span(item.keys, .status))
            line.append(Span(" " + item.text, .statusHint))
        }
        return line
    }
}
