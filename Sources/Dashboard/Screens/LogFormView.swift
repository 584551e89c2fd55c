import Scoring

/// The log form drawn over the screen it was opened from: fields, messages at the fields, the
/// note wrapped by display width.
extension LogFormScreen {
    /// Where the form's box goes: centred over the body, at most 78 columns wide, as high as
    /// its rows (scrolling inside when the body is lower).
    static func box(_ state: AppState, rows: Int? = nil) -> Rect {
        let width = min(state.size.columns, 78)
        let height = rows.map { min(state.bodyHeight, $0 + 2) } ?? state.bodyHeight
        return Rect(x: (state.size.columns - width) / 2, y: 1, width: width, height: height)
    }

    /// Columns before a value: the focus mark, the label, and room for a choice's "◂ ".
    static var valueColumn: Int { 2 + labelWidth + 2 }

    static let labelWidth = 14

    /// Columns of the note's text: the box less its borders, the indent, and one column so the
    /// cursor still shows after a full line.
    static func noteWidth(_ state: AppState) -> Int { max(10, box(state).width - 6) }

    /// Screen lines the note shows at once.
    static func noteHeight(_ state: AppState) -> Int { max(2, min(8, state.bodyHeight - 16)) }

    /// One line of the form, with the field it belongs to and where its cursor is.
    struct Row {
        var line: StyledLine
        var field: LogField?
        /// Column of the cursor within the line, when the focused field's cursor is on it.
        var cursor: Int?
    }

    static func rows(_ state: AppState) -> [Row] {
        let form = state.logForm
        let catalog = state.catalog
        var rows: [Row] = []
        for field in form.activeFields {
            let focused = form.focus == field
            let label = Span(
                (focused ? "▸ " : "  ") + Layout.fit(label(field, catalog), labelWidth),
                focused ? .title : .kpiLabel)
            switch field {
            case .note:
                rows.append(
                    Row(line: [label, Span(focused ? catalog.text(.noteHint) : "", .muted)], field: field))
                rows += noteRows(state, focused: focused)
            case _ where field.isText:
                let input = textInput(field, form.values)
                var line: StyledLine = [label, Span("  ")]
                var cursor: Int?
                if input.isEmpty && !focused {
                    line.append(Span(placeholder(field, catalog, today: state.today), .muted))
                } else {
                    let lines = input.layout(width: Int.max / 4)
                    line.append(Span(input.shownText(of: lines[0])))
                    if focused { cursor = valueColumn + input.columns(from: 0, to: input.cursor) }
                }
                if field == .followUp, let day = DateInput.parse(input.text, today: state.today),
                    form.errors[field] == nil
                {
                    line.append(Span("  → " + catalog.weekdayDate(day), .muted))
                }
                rows.append(Row(line: line, field: field, cursor: cursor))
            default:
                let labels = options(field, catalog)
                let value = labels[chosen(field, form.values)]
                var line: StyledLine = [
                    label, Span(focused ? "◂ " : "  ", .muted), Span(value, focused ? .selection : .default),
                ]
                line.append(Span(focused ? " ▸  " + catalog.text(.choiceHint) : "", .muted))
                rows.append(Row(line: line, field: field))
            }
            if let error = form.errors[field] {
                rows.append(
                    Row(
                        line: [
                            Span(
                                String(repeating: " ", count: valueColumn) + "⚠ " + catalog.text(error),
                                .riskHigh)
                        ], field: field))
            }
        }
        return rows
    }

    /// The note's visible screen lines, scrolled so the cursor shows when it is focused.
    static func noteRows(_ state: AppState, focused: Bool) -> [Row] {
        let note = state.logForm.values.note
        let lines = note.layout(width: noteWidth(state))
        let height = noteHeight(state)
        let cursorLine = TextInput.line(of: note.cursor, in: lines)
        let top = focused ? max(0, min(cursorLine - height + 1, lines.count - height)) : 0
        var rows: [Row] = []
        for index in top..<(top + height) {
            guard lines.indices.contains(index) else {
                rows.append(Row(line: [Span("   ")], field: .note))
                continue
            }
            let line = lines[index]
            var cursor: Int?
            if focused, index == cursorLine { cursor = 3 + note.columns(from: line.start, to: note.cursor) }
            rows.append(
                Row(line: [Span("   "), Span(note.shownText(of: line))], field: .note, cursor: cursor))
        }
        if lines.count > height {
            let more =
                state.catalog.text(.moreLines)
                + " \(top + 1)–\(min(lines.count, top + height))/\(lines.count)"
            rows.append(Row(line: [Span("   " + more, .muted)], field: .note))
        }
        return rows
    }

    static func textInput(_ field: LogField, _ values: LogFormValues) -> TextInput {
        switch field {
        case .note: values.note
        case .nps: values.nps
        case .csat: values.csat
        case .ces: values.ces
        case .followUp: values.followUp
        default: TextInput()
        }
    }

    static func label(_ field: LogField, _ catalog: Catalog) -> String {
        switch field {
        case .channel: catalog.text(.fieldChannel)
        case .direction: catalog.text(.fieldDirection)
        case .kind: catalog.text(.fieldKind)
        case .outcome: catalog.text(.fieldOutcome)
        case .complaint: catalog.text(.fieldComplaint)
        case .note: catalog.text(.fieldNote)
        case .nps: catalog.text(.fieldNPS)
        case .npsType: catalog.text(.fieldNPSType)
        case .csat: catalog.text(.fieldCSAT)
        case .ces: catalog.text(.fieldCES)
        case .followUp: catalog.text(.fieldFollowUp)
        }
    }

    /// The follow-up's examples count from `today`, so the dated one is never a past date
    /// (which the form would refuse).
    static func placeholder(_ field: LogField, _ catalog: Catalog, today: CalendarDay) -> String {
        switch field {
        case .nps: catalog.text(.placeholderNPS)
        case .csat: catalog.text(.placeholderCSAT)
        case .ces: catalog.text(.placeholderCES)
        case .followUp: catalog.followUpExamples(today: today)
        default: ""
        }
    }

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let all = rows(state)
        let area = box(state, rows: all.count)
        guard area.width >= 20, area.height >= 4 else { return }
        buffer.fill(area, role: .default)
        drawFrame(
            area,
            title: state.catalog.text(.logTitle) + " · " + sanitizedForTerminal(state.logForm.customerName),
            into: &buffer)
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 2)
        let focusRows = all.indices.filter { all[$0].field == state.logForm.focus }
        let cursorRow = all.indices.first { all[$0].cursor != nil } ?? focusRows.last ?? 0
        let lastFocus = max(cursorRow, focusRows.last ?? 0)
        let offset = max(0, min(lastFocus - inner.height + 1, all.count - inner.height))
        for (index, row) in all.enumerated() where index >= offset && index - offset < inner.height {
            let y = inner.y + index - offset
            buffer.draw(row.line, x: inner.x, y: y, maxWidth: inner.width)
            if let cursor = row.cursor, cursor < inner.width {
                let under = buffer.cell(x: inner.x + cursor, y: y)
                let width = under.map { max(1, $0.width) } ?? 1
                buffer.setRole(.selection, in: Rect(x: inner.x + cursor, y: y, width: width, height: 1))
            }
        }
        if state.logForm.saving {
            buffer.write(
                " " + state.catalog.text(.saving) + " ", x: area.x + 2, y: area.y + area.height - 1,
                role: .title,
                maxWidth: area.width - 4)
        }
    }

    /// A box with a title in its top edge.
    static func drawFrame(_ area: Rect, title: String, into buffer: inout ScreenBuffer) {
        let right = area.x + area.width - 1
        let bottom = area.y + area.height - 1
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: "─", role: .border)
        buffer.fill(Rect(x: area.x, y: bottom, width: area.width, height: 1), with: "─", role: .border)
        buffer.fill(Rect(x: area.x, y: area.y, width: 1, height: area.height), with: "│", role: .border)
        buffer.fill(Rect(x: right, y: area.y, width: 1, height: area.height), with: "│", role: .border)
        buffer.write("┌", x: area.x, y: area.y, role: .border)
        buffer.write("┐", x: right, y: area.y, role: .border)
        buffer.write("└", x: area.x, y: bottom, role: .border)
        buffer.write("┘", x: right, y: bottom, role: .border)
        if !title.isEmpty {
            // The customer's name may be long: cut with "…" inside the frame, not by its edge.
            let fitted = DisplayWidth.truncate(title, toColumns: area.width - 6)
            buffer.write(" " + fitted + " ", x: area.x + 2, y: area.y, role: .title, maxWidth: area.width - 4)
        }
    }
}
