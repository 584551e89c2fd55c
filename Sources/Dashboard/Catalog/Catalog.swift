import Scoring

/// The one source of user-facing words: fixed texts, vocabulary labels, the model's reasons and
/// actions as sentences, and numbers, dates and money formatted for the language.
///
/// A value, passed in (never global), so the CLI can reuse it and tests can pin the language.
public struct Catalog: Hashable, Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// Picks the words of the user's language.
    func pick(_ english: String, _ german: String) -> String {
        language == .de ? german : english
    }

    /// A fixed text.
    public func text(_ key: UIText) -> String {
        let (en, de) = Self.words(key)
        return pick(en, de)
    }

    /// The exhaustive table: English, then German.
    private static func words(_ key: UIText) -> (String, String) {
        switch key {
        case .appName: ("Clientele", "Clientele")
        case .overview: ("Overview", "Übersicht")
        case .customers: ("Customers", "Kunden")
        case .detail: ("Customer", "Kunde")
        case .help: ("Help", "Hilfe")
        case .segments: ("Segments", "Segmente")
        case .riskBands: ("Churn risk", "Abwanderungsrisiko")
        case .urgentCustomers: ("Most urgent", "Am dringendsten")
        case .profile: ("Profile", "Profil")
        case .scores: ("Scores", "Bewertung")
        case .why: ("Why at risk", "Warum gefährdet")
        case .bindings: ("Bindings", "Bindungen")
        case .purchases: ("Orders per month, 24 months", "Bestellungen pro Monat, 24 Monate")
        case .timeline: ("Touchpoints", "Kontakte")
        case .contracts: ("Contracts", "Verträge")
        case .feedback: ("Feedback", "Feedback")
        case .nextActions: ("Next actions", "Nächste Schritte")
        case .kpiCustomers: ("Customers", "Kunden")
        case .kpiActive: ("Active", "Aktiv")
        case .kpiChurnRate: ("Churn rate", "Abwanderung")
        case .kpiRetention: ("Retention", "Bindungsrate")
        case .kpiNPS: ("NPS 12 mo", "NPS 12 Mon.")
        case .kpiCSAT: ("CSAT avg", "CSAT Ø")
        case .kpiAverageCLV: ("Avg CLV", "CLV Ø")
        case .kpiRevenueAtRisk: ("Revenue at risk", "Umsatz in Gefahr")
        case .columnName: ("Name", "Name")
        case .columnSegment: ("Segment", "Segment")
        case .columnRisk: ("Risk", "Risiko")
        case .columnValue: ("Value", "Wert")
        case .columnLastTouch: ("Touch", "Kontakt")
        case .columnNextAction: ("Next action", "Nächster Schritt")
        case .labelOwner: ("Owner", "Betreuer")
        case .labelRelationship: ("Relationship", "Beziehung")
        case .labelEmail: ("Email", "E-Mail")
        case .labelPhone: ("Phone", "Telefon")
        case .labelCity: ("City", "Ort")
        case .labelExternalID: ("External ID", "Externe ID")
        case .labelSegment: ("Segment", "Segment")
        case .labelChurnRisk: ("Churn risk", "Risiko")
        case .labelAlive: ("P(active)", "P(aktiv)")
        case .labelValue: ("Value", "Wert")
        case .labelCLV: ("CLV", "CLV")
        case .labelAtStake: ("At stake", "Gefährdet")
        case .labelWeakest: ("weakest", "am schwächsten")
        case .labelOrders24: ("orders", "Bestellungen")
        case .labelNotice: ("notice", "Frist")
        case .labelRenews: ("renews", "verlängert sich")
        case .labelEnds: ("ends", "endet")
        case .labelAutoRenews: ("auto-renews", "verlängert sich automatisch")
        case .loading: ("loading…", "lädt…")
        case .noData: ("no data", "keine Daten")
        case .noCustomers: ("No customers match.", "Keine passenden Kunden.")
        case .notScored:
            ("not scored yet — run `clientele score`", "noch nicht bewertet — `clientele score` ausführen")
        case .noReasons: ("no risk signals", "keine Risikosignale")
        case .noTouchpoints: ("no touchpoints", "keine Kontakte")
        case .noContracts: ("no contracts", "keine Verträge")
        case .noFeedback: ("no feedback", "kein Feedback")
        case .noActions: ("nothing suggested", "nichts vorgeschlagen")
        case .unknownCustomer: ("This customer no longer exists.", "Diesen Kunden gibt es nicht mehr.")
        case .rows: ("rows", "Zeilen")
        case .searchPrompt: ("Search: ", "Suche: ")
        case .commandPrompt: (":", ":")
        case .sortedBy: ("sort", "Sortierung")
        case .filteredBy: ("filter", "Filter")
        case .ascending: ("ascending", "aufsteigend")
        case .descending: ("descending", "absteigend")
        case .tooSmall: ("terminal too small", "Terminal zu klein")
        case .needSize: ("need", "mindestens")
        case .haveSize: ("have", "jetzt")
        case .helpTitle: ("Keys and commands", "Tasten und Befehle")
        case .helpKeys: ("Keys", "Tasten")
        case .helpCommands: ("Commands (after :)", "Befehle (nach :)")
        case .helpClose: ("esc, q or ? closes this help", "Esc, q oder ? schließt die Hilfe")
        case .pressQToQuit: ("press q to quit", "q beendet das Programm")
        case .helpMoveDown: ("move down", "nach unten")
        case .helpMoveUp: ("move up", "nach oben")
        case .helpPageDown: ("page down", "Seite nach unten")
        case .helpPageUp: ("page up", "Seite nach oben")
        case .helpHalfPageDown: ("half a page down", "halbe Seite nach unten")
        case .helpHalfPageUp: ("half a page up", "halbe Seite nach oben")
        case .helpTop: ("first row", "erste Zeile")
        case .helpBottom: ("last row", "letzte Zeile")
        case .helpOpen: ("open the selected item", "Auswahl öffnen")
        case .helpBack: ("back (quits on the overview)", "zurück (beendet auf der Übersicht)")
        case .helpQuit: ("quit", "beenden")
        case .helpHelp: ("show this help", "diese Hilfe zeigen")
        case .helpSearch:
            (
                "search as you type (name, company, email, city)",
                "Suche beim Tippen (Name, Firma, E-Mail, Ort)"
            )
        case .helpCommand:
            ("command line (:sort, :filter, :theme, :q)", "Befehlszeile (:sort, :filter, :theme, :q)")
        case .helpNextPane: ("next pane", "nächster Bereich")
        case .helpPreviousPane: ("previous pane", "vorheriger Bereich")
        case .helpRedraw: ("redraw the screen", "Bildschirm neu zeichnen")
        case .helpNextSort: ("sort by the next column", "nach der nächsten Spalte sortieren")
        case .helpReverseSort: ("reverse the sort order", "Sortierung umkehren")
        case .helpFilter: ("filter (opens :filter)", "filtern (öffnet :filter)")
        case .helpClearFilter: ("clear filters and search", "Filter und Suche löschen")
        case .helpShowOverview: ("go to the overview", "zur Übersicht")
        case .helpShowList: ("go to the customer list", "zur Kundenliste")
        case .helpSuspend: ("suspend to the shell (fg returns)", "in die Shell wechseln (fg kehrt zurück)")
        case .helpInterrupt: ("quit at once (exit code 130)", "sofort beenden (Exit-Code 130)")
        case .hintMove: ("move", "bewegen")
        case .hintOpen: ("open", "öffnen")
        case .hintBack: ("back", "zurück")
        case .hintQuit: ("quit", "beenden")
        case .hintHelp: ("help", "Hilfe")
        case .hintSearch: ("search", "suchen")
        case .hintSort: ("sort", "sortieren")
        case .hintReverse: ("reverse", "umkehren")
        case .hintPane: ("pane", "Bereich")
        case .hintFilter: ("filter", "Filter")
        case .hintCustomers: ("customers", "Kunden")
        case .hintCommand: ("command", "Befehl")
        case .commandSortHelp:
            (
                "sort by a column: name segment risk value touch next; asc or desc",
                "nach Spalte sortieren: name segment risk value touch next; asc oder desc"
            )
        case .commandFilterHelp:
            (
                "filter by segment SLUG, band low|medium|high, tier A|B|C, owner NAME, type TYPE",
                "filtern nach segment SLUG, band low|medium|high, tier A|B|C, owner NAME, type TYP"
            )
        case .commandFilterClearHelp:
            ("clear all filters and the search", "alle Filter und die Suche löschen")
        case .commandThemeHelp: ("switch the colour theme", "Farbschema wechseln")
        case .commandLangHelp: ("switch the language: en or de", "Sprache wechseln: en oder de")
        case .commandQuitHelp: ("quit", "beenden")
        case .errorUnknownCommand: ("unknown command", "unbekannter Befehl")
        case .errorSortUsage:
            (
                "usage: sort name|segment|risk|value|touch|next [asc|desc]",
                "Aufruf: sort name|segment|risk|value|touch|next [asc|desc]"
            )
        case .errorFilterUsage:
            (
                "usage: filter segment|band|tier|owner|type VALUE, or filter clear",
                "Aufruf: filter segment|band|tier|owner|type WERT, oder filter clear"
            )
        case .errorThemeUsage: ("usage: theme NAME", "Aufruf: theme NAME")
        case .errorLangUsage: ("usage: lang en|de", "Aufruf: lang en|de")
        case .commandImportHelp:
            (
                "import a CSV file: customers|orders|interactions|feedback|contracts, all or nothing",
                "CSV-Datei importieren: customers|orders|interactions|feedback|contracts, alles oder nichts"
            )
        case .commandExportDataHelp:
            (
                "on a customer: export everything stored about them (GDPR), private file",
                "beim Kunden: alle gespeicherten Daten exportieren (DSGVO), private Datei"
            )
        case .commandEraseHelp:
            (
                "on a customer: erase their personal data (GDPR); asks for the id",
                "beim Kunden: personenbezogene Daten löschen (DSGVO); fragt nach der Nummer"
            )
        case .errorImportUsage:
            (
                "usage: import customers|orders|interactions|feedback|contracts FILE",
                "Aufruf: import customers|orders|interactions|feedback|contracts DATEI"
            )
        case .errorEraseUsage:
            ("usage: erase (then type the customer's id)", "Aufruf: erase (dann die Kundennummer eingeben)")
        case .themeApplied: ("theme", "Farbschema")
        case .languageApplied: ("English", "Deutsch")
        case .filterCleared: ("filters cleared", "Filter gelöscht")
        case .today: ("today", "heute")
        case .yes: ("yes", "ja")
        case .no: ("no", "nein")
        case .none: ("none", "keine")
        }
    }
}
