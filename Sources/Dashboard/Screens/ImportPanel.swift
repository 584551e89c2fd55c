import Scoring

/// What an `:import` did, for the panel: the counts of a finished import, or the problems
/// that stopped it (then nothing was imported: all or nothing, as on the command line).
public struct ImportResult: Hashable, Sendable {
    public var file: String
    public var kind: String
    public var succeeded: Bool
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var duplicates = 0
    public var rejected = 0
    public var customersCreated = 0
    /// Rows whose order number or reference is stored with other values (the stored records
    /// were kept): the count, and the first by line.
    public var conflictCount = 0
    public var conflicts: [ImportConflict] = []
    public var seconds = 0.0
    public var rescored = false
    /// Why the importer refused the file, as values the catalogue words in the user's language
    /// (`FILE:LINE:COLUMN: ...` lines and the summary lines).
    public var refusal: ImportRefusal?
    /// Plain lines shown after the refusal's, as they are: a failure from outside the importer's
    /// vocabulary (the store, the file system), in the words that reported it.
    public var problems: [String] = []
    /// How many problems a refused file has: the lines above may show only the first ones and
    /// end with a summary line, so they are not counted.
    public var problemCount = 0

    public init(file: String, kind: String, succeeded: Bool) {
        self.file = file
        self.kind = kind
        self.succeeded = succeeded
    }
}

/// The running import (one at a time) and the result panel.
public struct ImportState: Hashable, Sendable {
    public var runningFile: String?
    public var fraction: Double?
    public var panel: Panel?

    public struct Panel: Hashable, Sendable {
        public var result: ImportResult
        public var scroll = 0
    }

    public init() {}
}

/// `:import KIND FILE`: started here, run by the runtime on a worker, progress in the status
/// bar, then a panel with the summary or the first problems (scrollable; Esc closes it).
public enum ImportPanel {
    static func start(kind: String, path: String, createMissing: Bool, _ state: inout AppState) -> [Effect] {
        guard state.importing.runningFile == nil else {
            state.status = StatusMessage(state.catalog.importAlreadyRunning(), isError: true)
            return []
        }
        state.importing.runningFile = path
        state.importing.fraction = 0
        state.status = StatusMessage(state.catalog.importing(sanitizedForTerminal(path), percent: 0))
        return [.importFile(kind: kind, path: path, createMissing: createMissing)]
    }

    static func progress(done: Int, total: Int, _ state: inout AppState) {
        guard let file = state.importing.runningFile, total > 0 else { return }
        let fraction = min(1, Double(done) / Double(total))
        state.importing.fraction = fraction
        if case .normal = state.mode {
            state.status = StatusMessage(
                state.catalog.importing(sanitizedForTerminal(file), percent: Int(fraction * 100)))
        }
    }

    static func finished(_ result: ImportResult, _ state: inout AppState) -> [Effect] {
        state.importing.runningFile = nil
        state.importing.fraction = nil
        state.importing.panel = ImportState.Panel(result: result)
        var shown = result
        shown.file = sanitizedForTerminal(result.file)
        state.status = StatusMessage(
            result.succeeded ? state.catalog.importDone(shown) : state.catalog.importRefused(shown),
            isError: !result.succeeded)
        guard result.succeeded, result.inserted + result.updated + result.customersCreated > 0 else {
            return []
        }
        return Refresh.afterStoreChange(&state)
    }

    static func key(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard var panel = state.importing.panel else { return [] }
        let height = max(1, state.bodyHeight - 2)
        let maximum = max(0, lines(panel.result, state.catalog, width: state.size.columns - 2).count - height)
        switch key {
        case .escape, .enter, .character("q"):
            state.importing.panel = nil
            return []
        case .down, .character("j"): panel.scroll += 1
        case .up, .character("k"): panel.scroll -= 1
        case .pageDown, .character(" "): panel.scroll += height
        case .pageUp: panel.scroll -= height
        case .home, .character("g"): panel.scroll = 0
        case .end, .character("G"): panel.scroll = maximum
        case .control("l"): return [.redraw]
        default: return []
        }
        panel.scroll = max(0, min(panel.scroll, maximum))
        state.importing.panel = panel
        return []
    }

    /// The panel's lines for a body `width` columns wide: a refusal's or a conflict's sentence
    /// longer than that is wrapped (continued four columns in), so what to do at its end is
    /// still on the screen of an 80-column terminal.
    static func lines(_ result: ImportResult, _ catalog: Catalog, width: Int) -> [StyledLine] {
        func wrapped(_ text: String, _ role: StyleRole = .default, indent: String = "  ") -> [StyledLine] {
            let clean = sanitizedForTerminal(text)
            guard DisplayWidth.width(of: indent + clean) > width else {
                return [[Span(indent + clean, role)]]
            }
            return DetailScreen.wrap(clean, width: max(20, width - indent.count - 2)).enumerated().map {
                [Span(indent + ($0.offset == 0 ? "" : "  ") + $0.element, role)]
            }
        }
        var lines: [StyledLine] = []
        if result.succeeded {
            for (label, value) in catalog.importFigures(result) {
                lines.append([Span("  " + Layout.fit(label, 24), .muted), Span(value, .kpiValue)])
            }
            let conflicts = catalog.importConflictLines(result.conflicts, total: result.conflictCount)
            if let heading = conflicts.first {
                lines.append([])
                lines += wrapped(heading, .title, indent: "")
                for line in conflicts.dropFirst() { lines += wrapped(line) }
            }
            if !result.problems.isEmpty {
                lines.append([])
                lines.append([Span(catalog.importSkippedTitle(), .title)])
            }
        } else {
            lines += wrapped(catalog.importNothingImported(), .statusError, indent: "")
            lines.append([])
        }
        let refused = result.refusal.map(catalog.importRefusalLines) ?? []
        for problem in refused + result.problems { lines += wrapped(problem) }
        return lines
    }

    static func render(
        _ panel: ImportState.Panel, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect
    ) {
        let catalog = state.catalog
        buffer.fill(area, role: .default)
        let title = " " + catalog.importTitle(sanitizedForTerminal(panel.result.file)) + "  (Esc)"
        buffer.write(title, x: area.x, y: area.y, role: .title, maxWidth: area.width)
        let body = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: max(0, area.height - 2))
        let content = lines(panel.result, catalog, width: body.width)
        buffer.draw(lines: content, in: body, offset: min(panel.scroll, max(0, content.count - body.height)))
    }
}
