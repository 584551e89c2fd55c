import Scoring

/// A command typed after `:` (k9s/vim style), parsed into a value before anything happens.
public enum ColonCommand: Equatable, Sendable {
    case sort(ListSortColumn, SortDirection?)
    case filter(ListFilter)
    case clearFilter
    case theme(String)
    case language(Language)
    case quit
    case overview
    case list
    /// Today's call list.
    case calls
    /// `:export-data [PATH]` on a customer's detail.
    case exportData(path: String?)
    /// `:erase` on a customer's detail (asks for the id first).
    case erase
    /// `:import KIND [--create-missing] FILE`.
    case importFile(kind: String, path: String, createMissing: Bool)

    /// The commands the help overlay lists, with their help texts.
    public static let documented: [(usage: String, help: UIText)] = [
        ("sort COLUMN [asc|desc]", .commandSortHelp),
        ("filter FIELD VALUE", .commandFilterHelp),
        ("filter clear", .commandFilterClearHelp),
        ("overview", .commandOverviewHelp),
        ("list", .commandListHelp),
        ("calls", .commandCallsHelp),
        ("theme NAME", .commandThemeHelp),
        ("lang en|de", .commandLangHelp),
        ("q", .commandQuitHelp),
        ("import KIND [--create-missing] FILE", .commandImportHelp),
        ("export-data [FILE]", .commandExportDataHelp),
        ("erase", .commandEraseHelp),
    ]

    /// The commands' names, in help order: "sort filter calls …" for the usage of a command
    /// that is not understood.
    public static var names: [String] {
        var names: [String] = []
        for command in documented {
            let name = String(command.usage.prefix { $0 != " " })
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A segment by its slug (`at-risk`) or its name in English or German (`At risk`,
    /// `gefährdet`), ignoring case, hyphens and apostrophes: people type what the screen shows.
    static func segment(named text: String) -> Segment? {
        value(text, in: Segment.allCases, raw: \.rawValue, shown: { $0.segment($1) })
    }

    /// What `:import` takes, as `clientele import` does.
    public static let importKinds = ["customers", "orders", "interactions", "feedback", "contracts"]

    /// Column names `:sort` accepts beyond the header's words, with a few short forms.
    static let columnNames: [String: ListSortColumn] = [
        "name": .name, "segment": .segment, "risk": .risk, "churn": .risk, "value": .value, "tier": .value,
        "clv": .value, "touch": .lastTouch, "last touch": .lastTouch, "last": .lastTouch, "next": .nextAction,
        "next action": .nextAction, "action": .nextAction, "risiko": .risk, "wert": .value,
        "kontakt": .lastTouch, "nächster": .nextAction, "naechster": .nextAction, "schritt": .nextAction,
    ]

    /// How typed words are compared: case, hyphens, underscores and apostrophes do not matter.
    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: "'", with: "").split(separator: " ").joined(separator: " ")
    }

    /// The first value whose raw spelling, English or German screen word, or one of `extra` matches.
    private static func value<T>(
        _ text: String, in values: [T], raw: (T) -> String, shown: (Catalog, T) -> String,
        extra: [String: T] = [:]
    ) -> T? {
        let wanted = fold(text)
        if let found = extra[wanted] { return found }
        let catalogs = [Catalog(language: .en), Catalog(language: .de)]
        return values.first { value in
            fold(raw(value)) == wanted || catalogs.contains { fold(shown($0, value)) == wanted }
        }
    }

    /// A band as the risk column shows it, in either language (`high`, `hoch`).
    static func band(named text: String) -> RiskBand? {
        value(text, in: RiskBand.allCases, raw: \.rawValue, shown: { $0.band($1) })
    }

    /// A relationship type as the detail shows it, in either language, or its short form.
    static func relationship(named text: String) -> RelationshipType? {
        value(
            text, in: RelationshipType.allCases, raw: \.rawValue, shown: { $0.relationship($1) },
            extra: [
                "beziehung": .relationship, "relational": .relationship,
                "transaktionsorientiert": .transactional,
            ])
    }

    /// A sort column as the header shows it, in either language (`risk`, `risiko`, `nächster schritt`).
    static func column(named text: String) -> ListSortColumn? {
        value(
            text, in: ListSortColumn.allCases, raw: \.rawValue, shown: { $0.sortColumn($1) },
            extra: columnNames)
    }

    /// Parses `text` (without the colon); the error is the usage line to show.
    public static func parse(_ text: String, current: ListFilter) -> Result<ColonCommand, CommandError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first?.lowercased() else { return .failure(.unknown("")) }
        let arguments = Array(words.dropFirst())
        switch verb {
        case "q", "quit", "q!", "wq":
            return .success(.quit)
        case "overview", "o":
            return .success(.overview)
        case "list", "customers", "c":
            return .success(.list)
        case "calls", "call", "calllist", "anrufe":
            return .success(.calls)
        case "sort", "s", "sortieren":
            return parseSort(arguments)
        case "filter", "f":
            return parseFilter(arguments, current: current)
        case "theme":
            guard arguments.count == 1 else { return .failure(.usage(.errorThemeUsage)) }
            return .success(.theme(arguments[0]))
        case "lang", "language":
            guard arguments.count == 1, let language = Language(rawValue: arguments[0].lowercased()) else {
                return .failure(.usage(.errorLangUsage))
            }
            return .success(.language(language))
        case "export-data", "export":
            // The path is the rest of the line as typed (it may contain spaces).
            let path = text.drop { $0 == " " }.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
            return .success(.exportData(path: path.isEmpty ? nil : path))
        case "erase":
            guard arguments.isEmpty else { return .failure(.usage(.errorEraseUsage)) }
            return .success(.erase)
        case "import":
            guard arguments.count >= 2, importKinds.contains(arguments[0].lowercased()) else {
                return .failure(.usage(.errorImportUsage))
            }
            // The path is the rest of the line (it may contain spaces); `--create-missing` may
            // come before it, as on the command line, so the importer's hint can be followed.
            var path = text.drop { $0 == " " }.drop { $0 != " " }.drop { $0 == " " }.drop { $0 != " " }
                .trimmingCharacters(in: .whitespaces)
            let flag = "--create-missing"
            let createMissing = path.hasPrefix(flag + " ")
            if createMissing { path = path.dropFirst(flag.count).trimmingCharacters(in: .whitespaces) }
            guard !path.isEmpty, path != flag else { return .failure(.usage(.errorImportUsage)) }
            return .success(
                .importFile(kind: arguments[0].lowercased(), path: path, createMissing: createMissing))
        default:
            return .failure(.unknown(verb))
        }
    }

    private static func parseDirection(_ word: String) -> SortDirection? {
        switch word.lowercased() {
        case "asc", "ascending", "up", "auf", "aufsteigend": .ascending
        case "desc", "descending", "down", "ab", "absteigend": .descending
        default: nil
        }
    }

    /// `sort COLUMN [DIRECTION]`; the column may be the header's words (`nächster schritt`).
    private static func parseSort(_ arguments: [String]) -> Result<ColonCommand, CommandError> {
        guard let last = arguments.last else { return .failure(.usage(.errorSortUsage)) }
        if let column = column(named: arguments.joined(separator: " ")) {
            return .success(.sort(column, nil))
        }
        let leading = arguments.dropLast().joined(separator: " ")
        if arguments.count >= 2, let column = column(named: leading) {
            guard let direction = parseDirection(last) else { return .failure(.badValue(.direction, last)) }
            return .success(.sort(column, direction))
        }
        let typed =
            arguments.count >= 2 && parseDirection(last) != nil ? leading : arguments.joined(separator: " ")
        return .failure(.badValue(.column, typed))
    }

    private static func parseFilter(_ arguments: [String], current: ListFilter) -> Result<
        ColonCommand, CommandError
    > {
        guard let field = arguments.first?.lowercased() else { return .failure(.usage(.errorFilterUsage)) }
        if field == "clear" || field == "none" || field == "off" {
            return arguments.count == 1 ? .success(.clearFilter) : .failure(.usage(.errorFilterUsage))
        }
        let value = arguments.dropFirst().joined(separator: " ")
        guard !value.isEmpty else { return .failure(.usage(.errorFilterUsage)) }
        var filter = current
        switch field {
        case "segment", "seg":
            guard let segment = segment(named: value) else { return .failure(.usage(.errorSegmentUsage)) }
            filter.segment = segment
        case "band", "risk", "risiko":
            guard let band = band(named: value) else { return .failure(.badValue(.band, value)) }
            filter.band = band
        case "tier", "value", "wert":
            guard let tier = ValueTier(rawValue: value.uppercased()) else {
                return .failure(.badValue(.tier, value))
            }
            filter.tier = tier
        case "owner", "betreuer":
            filter.owner = value
        case "type", "relationship", "typ", "beziehung":
            guard let type = relationship(named: value) else { return .failure(.badValue(.type, value)) }
            filter.relationship = type
        default:
            return .failure(.usage(.errorFilterUsage))
        }
        return .success(.filter(filter))
    }
}

/// Which argument of a command had a value it does not take.
public enum CommandField: Equatable, Sendable {
    case band, tier, type, column, direction
}

/// Why a command line was not understood.
public enum CommandError: Error, Equatable, Sendable {
    case unknown(String)
    case usage(UIText)
    /// A value the command does not take: said with the words it takes instead.
    case badValue(CommandField, String)

    /// The sentence for the status bar.
    public func message(_ catalog: Catalog) -> String {
        switch self {
        // Not understood at all: the usage is the list of commands (`?` shows their arguments).
        case .unknown(let verb):
            catalog.text(.errorUnknownCommand) + ": " + sanitizedForTerminal(verb) + " · "
                + catalog.text(.commandsAre) + ": " + ColonCommand.names.joined(separator: " ") + " · "
                + catalog.text(.commandsInHelp)
        case .usage(let text): catalog.text(text)
        case .badValue(let field, let value):
            catalog.badValue(field, sanitizedForTerminal(value), accepted: Self.words(field, catalog))
                + Self.otherWords(field, catalog)
        }
    }

    /// The words the screen shows for `field`, in the catalogue's language.
    static func words(_ field: CommandField, _ catalog: Catalog) -> [String] {
        switch field {
        case .band: RiskBand.allCases.map { catalog.band($0) }
        case .tier: ValueTier.allCases.map(\.rawValue)
        case .type: RelationshipType.allCases.map { catalog.relationship($0) }
        case .column:
            ListSortColumn.allCases.map {
                String(catalog.sortColumn($0).lowercased().prefix { $0 != " " })
            }
        case .direction: catalog.language == .de ? ["auf", "ab"] : ["asc", "desc"]
        }
    }

    /// " (or …)": the other language's words, which are taken too.
    private static func otherWords(_ field: CommandField, _ catalog: Catalog) -> String {
        let other = Catalog(language: catalog.language == .de ? .en : .de)
        let shown = words(field, catalog)
        let more = words(field, other).filter { !shown.contains($0) }
        return more.isEmpty ? "" : " " + catalog.orAlso(more)
    }
}
