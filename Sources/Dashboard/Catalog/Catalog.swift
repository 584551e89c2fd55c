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
        // Not "Gefährdet": that is the At-risk segment's German name.
        case .labelAtStake: ("At stake", "Wert im Risiko")
        case .labelWeakest: ("weakest", "am schwächsten")
        case .labelOrders24: ("orders", "Bestellungen")
        case .labelRevenue: ("Revenue", "Umsatz")
        case .labelRenews: ("renews", "verlängert sich")
        case .labelEnds: ("ends", "endet")
        case .labelAutoRenews: ("auto-renews", "verlängert sich automatisch")
        case .loading: ("loading…", "lädt…")
        case .noData: ("no data", "keine Daten")
        case .noCustomers: ("No customers match.", "Keine passenden Kunden.")
        case .listNotScored:
            (
                "No scored customers yet: import customers and orders, then run `clientele score`.",
                "Noch keine bewerteten Kunden: Kunden und Bestellungen importieren, dann `clientele score` ausführen."
            )
        case .notScored:
            ("not scored yet — run `clientele score`", "noch nicht bewertet — `clientele score` ausführen")
        case .noReasons: ("no risk signals", "keine Risikosignale")
        case .neverScored:
            ("not scored yet — run clientele score", "noch nicht bewertet — clientele score ausführen")
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
                "search as you type (name, company, email, city, customer number, phone)",
                "Suche beim Tippen (Name, Firma, E-Mail, Ort, Kundennummer, Telefon)"
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
        case .commandsAre: ("commands", "Befehle")
        case .commandsInHelp: ("? shows their arguments", "? zeigt ihre Argumente")
        case .errorSortUsage:
            (
                "usage: sort name|segment|risk|value|touch|next [asc|desc]",
                "Aufruf: sort name|segment|risiko|wert|kontakt|nächster [auf|ab]"
            )
        case .errorSegmentUsage:
            (
                "no such segment; segments: " + Segment.allCases.map(\.rawValue).joined(separator: ", "),
                "kein solches Segment; Segmente: "
                    + Segment.allCases.map { Catalog(language: .de).segment($0).lowercased() }.joined(
                        separator: ", ")
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
                "usage: import customers|orders|interactions|feedback|contracts [--create-missing] FILE",
                "Aufruf: import customers|orders|interactions|feedback|contracts [--create-missing] DATEI"
            )
        case .errorEraseUsage:
            ("usage: erase (then type the customer's id)", "Aufruf: erase (dann die Kundennummer eingeben)")
        case .themeApplied: ("theme", "Farbschema")
        case .languageApplied: ("English", "Deutsch")
        case .filterCleared: ("filters cleared", "Filter gelöscht")
        case .logTitle: ("Log interaction", "Kontakt erfassen")
        case .fieldChannel: ("Channel", "Kanal")
        case .fieldDirection: ("Direction", "Richtung")
        case .fieldKind: ("Kind", "Anlass")
        case .fieldOutcome: ("Outcome", "Ergebnis")
        case .fieldComplaint: ("Complaint", "Beschwerde")
        case .fieldNote: ("Note", "Notiz")
        case .fieldNPS: ("NPS", "NPS")
        case .fieldNPSType: ("NPS type", "NPS-Art")
        case .fieldCSAT: ("CSAT", "CSAT")
        case .fieldCES: ("CES", "CES")
        case .fieldFollowUp: ("Follow-up", "Wiedervorlage")
        case .noChoice: ("—", "—")
        case .choiceHint: ("←/→ or first letter", "←/→ oder Anfangsbuchstabe")
        case .noteHint: ("enter: new line · ctrl-e: editor", "Enter: neue Zeile · Strg-E: Editor")
        case .moreLines: ("lines", "Zeilen")
        case .placeholderNPS: ("0–10, empty: none", "0–10, leer: keine Angabe")
        case .placeholderCSAT: ("1–5, empty: none", "1–5, leer: keine Angabe")
        case .placeholderCES:
            ("1–7 (7 = very easy), empty: none", "1–7 (7 = sehr leicht), leer: keine Angabe")
        case .errorNPS:
            ("NPS must be a whole number from 0 to 10", "NPS muss eine ganze Zahl von 0 bis 10 sein")
        case .errorCSAT:
            ("CSAT must be a whole number from 1 to 5", "CSAT muss eine ganze Zahl von 1 bis 5 sein")
        case .errorCES:
            ("CES must be a whole number from 1 to 7", "CES muss eine ganze Zahl von 1 bis 7 sein")
        case .errorFollowUpDate:
            (
                "not a date: try +3d, tomorrow, monday or a date",
                "kein Datum: z. B. +3T, morgen, Montag oder ein Datum"
            )
        case .errorFollowUpPast:
            ("the follow-up date is in the past", "das Datum der Wiedervorlage liegt in der Vergangenheit")
        case .errorNoteNUL:
            (
                "the note contains a NUL character; remove it",
                "die Notiz enthält ein NUL-Zeichen; bitte entfernen"
            )
        case .formInvalid:
            ("Not saved: correct the marked fields", "Nicht gespeichert: markierte Felder korrigieren")
        case .saving: ("saving…", "speichert…")
        case .saveFailed: ("Not saved", "Nicht gespeichert")
        case .rescoreFailed: ("rescoring failed", "Neubewertung fehlgeschlagen")
        case .notScoredShort:
            ("not scored yet: run `clientele score`", "noch nicht bewertet: `clientele score` ausführen")
        case .logDiscarded: ("Discarded; nothing was saved", "Verworfen; nichts gespeichert")
        case .confirmDiscardLog:
            ("Discard what you typed? Nothing is saved.", "Eingaben verwerfen? Nichts wird gespeichert.")
        case .confirmAnswers:
            ("y: yes, discard · n: no, keep editing", "j: ja, verwerfen · n: nein, weiter bearbeiten")
        case .nothingToUndo:
            ("Nothing to undo in this session", "In dieser Sitzung gibt es nichts rückgängig zu machen")
        case .undoing: ("undoing…", "wird rückgängig gemacht…")
        case .saveWaiting:
            (
                "saving… waiting for another program's write (a rescoring or an import)",
                "speichert… wartet, bis ein anderes Programm fertig geschrieben hat (Neubewertung oder Import)"
            )
        case .undoWaiting:
            (
                "undoing… waiting for another program's write (a rescoring or an import)",
                "wird rückgängig gemacht… wartet auf ein anderes Programm (Neubewertung oder Import)"
            )
        case .undoFailed: ("Undo failed; nothing changed", "Rückgängig fehlgeschlagen; nichts geändert")
        case .noteFromEditor: ("note taken from the editor", "Notiz aus dem Editor übernommen")
        case .editorOnlyInNote:
            ("ctrl-e opens the editor from the note field", "Strg-E öffnet den Editor im Notizfeld")
        case .helpLog: ("log an interaction with this customer", "Kontakt mit diesem Kunden erfassen")
        case .helpUndo:
            (
                "undo the last interaction logged, or done, skip or snooze mark, in this session",
                "zuletzt erfassten Kontakt oder Erledigt-, Übersprungen- oder Später-Vermerk dieser Sitzung "
                    + "rückgängig machen"
            )
        case .helpCancelForm:
            (
                "cancel (asks first when something was typed)",
                "abbrechen (fragt nach, wenn etwas eingegeben wurde)"
            )
        case .helpInterruptForm:
            (
                "quit (exit code 130); asks first when something was typed, quits when pressed again",
                "beenden (Exit-Code 130); fragt nach, wenn etwas eingegeben wurde; zweimal: beenden"
            )
        case .helpNextField: ("next field", "nächstes Feld")
        case .helpPreviousField: ("previous field", "vorheriges Feld")
        case .helpSave:
            ("save (enter also saves outside the note)", "speichern (Enter speichert außerhalb der Notiz)")
        case .helpEditor: ("edit the note in $VISUAL or $EDITOR", "Notiz in $VISUAL oder $EDITOR bearbeiten")
        case .hintLog: ("log", "erfassen")
        case .hintUndo: ("undo", "rückgängig")
        case .hintCancel: ("cancel", "abbrechen")
        case .hintField: ("field", "Feld")
        case .hintSave: ("save", "speichern")
        case .hintEditor: ("editor", "Editor")
        case .calls: ("Calls", "Anrufe")
        case .columnRank: ("#", "#")
        case .columnReason: ("Why", "Warum")
        case .columnPhone: ("Phone", "Telefon")
        case .columnAction: ("Suggested action", "Vorgeschlagener Schritt")
        case .noCalls: ("Nobody to call today.", "Heute ist niemand anzurufen.")
        case .callsNotScored:
            (
                "No call list yet: the store is not scored. Run `clientele score`.",
                "Noch keine Anrufliste: der Bestand ist nicht bewertet. `clientele score` ausführen."
            )
        case .callsFinished: ("The call list is done for today.", "Die Anrufliste ist für heute erledigt.")
        case .helpShowCalls: ("go to today's call list", "zur heutigen Anrufliste")
        case .helpSession:
            ("call session: one customer at a time", "Anrufsitzung: ein Kunde nach dem anderen")
        case .helpMarkDone: ("done for today", "für heute erledigt")
        case .helpSkip: ("skip for today", "für heute überspringen")
        case .helpSnoozeDay: ("snooze until tomorrow", "bis morgen zurückstellen")
        case .helpSnoozeWeek: ("snooze for a week", "eine Woche zurückstellen")
        case .helpSnoozeUntil:
            ("snooze until a date you type", "bis zu einem eingegebenen Datum zurückstellen")
        case .helpExport: ("export the list (CSV)", "die Liste exportieren (CSV)")
        case .helpCallsFilter:
            (
                "filter by owner, segment or band (opens :filter)",
                "nach Betreuer, Segment oder Risikostufe filtern (:filter)"
            )
        case .hintCalls: ("calls", "Anrufe")
        case .hintSession: ("session", "Sitzung")
        case .hintDone: ("done", "erledigt")
        case .hintSkip: ("skip", "überspringen")
        case .hintSnooze: ("snooze", "zurückstellen")
        case .hintExport: ("export", "exportieren")
        case .promptSnooze: ("Snooze until: ", "Zurückstellen bis: ")
        case .promptExport: ("Export to: ", "Exportieren nach: ")
        case .statusDone: ("done for today", "für heute erledigt")
        case .statusSkipped: ("skipped for today", "für heute übersprungen")
        case .statusSnoozed: ("snoozed until", "zurückgestellt bis")
        case .markUndoHint: ("u to undo", "u macht rückgängig")
        case .statusExported: ("rows exported to", "Zeilen exportiert nach")
        case .statusLogged: ("logged", "protokolliert")
        case .statusNextCall: ("next call", "nächster Anruf")
        case .statusSaving: ("saving…", "speichert…")
        case .errorNotADate:
            (
                "not a date; try 2026-12-01, 1.12.2026, +3d or next monday",
                "kein Datum; z. B. 1.12.2026, 2026-12-01, +3d oder nächsten Montag"
            )
        case .errorSnoozeNotAfterToday:
            (
                "a snooze must end after today; the date typed was",
                "Zurückstellen geht nur bis nach heute; eingegeben war"
            )
        case .errorCallsFilter:
            (
                "usage: filter owner NAME, filter segment SLUG, filter band low|medium|high, or filter clear",
                "Aufruf: filter owner NAME, filter segment SLUG, filter band low|medium|high, oder filter clear"
            )
        case .sessionCall: ("Call", "Anruf")
        case .sessionOf: ("of", "von")
        case .labelReason: ("Why", "Warum")
        case .labelAction: ("Action", "Schritt")
        case .labelLastTouch: ("Last touch", "Letzter Kontakt")
        case .labelDue: ("Due", "Fällig")
        case .recentNotes: ("Recent notes", "Letzte Notizen")
        case .sessionNext: ("next", "weiter")
        case .sessionPrevious: ("back", "zurück")
        case .sessionLeave: ("leave", "verlassen")
        case .sessionForm: ("form", "Formular")
        case .helpSessionOutcome: ("log the call:", "Anruf speichern:")
        case .helpSessionNext: ("next customer, logging nothing", "nächster Kunde, ohne zu speichern")
        case .helpSessionPrevious: ("previous customer", "vorheriger Kunde")
        case .helpSessionForm:
            (
                "log form for this call: a note, an NPS, a complaint resolved",
                "Formular für diesen Anruf: Notiz, NPS, Beschwerde gelöst"
            )
        case .helpSessionLeave: ("leave the session", "Sitzung verlassen")
        case .commandCallsHelp: ("today's call list", "die heutige Anrufliste")
        case .commandOverviewHelp: ("the overview", "die Übersicht")
        case .commandListHelp: ("the customer list", "die Kundenliste")
        case .today: ("today", "heute")
        case .yes: ("yes", "ja")
        case .no: ("no", "nein")
        case .none: ("none", "keine")
        }
    }
}
