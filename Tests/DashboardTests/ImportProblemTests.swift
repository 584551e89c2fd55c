import Dashboard
import Scoring
import Testing

/// The import panel words the importer's problems (values from Scoring) in the UI's language:
/// the same place prefix and neutralised value as the command line, German sentences.
@Suite("Dashboard: import problems in English and German")
struct ImportProblemTests {
    private func command(_ text: String, _ state: inout AppState) {
        _ = Dashboard.update(&state, .key(.character(":")))
        for character in text { _ = Dashboard.update(&state, .key(.character(character))) }
        _ = Dashboard.update(&state, .key(.enter))
    }

    /// The panel's lines below its title, for a refused `:import orders bad.csv`.
    private func panel(_ refusal: ImportRefusal, _ language: Language) -> [String] {
        var state = Fixtures.listState(columns: 160, rows: 24, language: language)
        command("import orders bad.csv", &state)
        var result = ImportResult(file: "bad.csv", kind: "orders", succeeded: false)
        result.refusal = refusal
        result.problemCount = refusal.problemCount
        _ = Dashboard.update(&state, .importFinished(result))
        let lines = DashboardView.render(state).trimmedLines
        // Header, title, blank, then the body; the status line last.
        return Array(lines[3..<(lines.count - 1)].filter { !$0.isEmpty })
    }

    private static func at(_ line: Int, _ column: Int, _ problem: ImportProblem, _ value: String? = nil)
        -> LocatedImportProblem
    {
        LocatedImportProblem(file: "bad.csv", line: line, column: column, problem: problem, value: value)
    }

    private static let cellProblems = [
        at(2, 2, .notADateTime, "kaputt"),
        at(3, 3, .tooManyDecimals(style: .decimalComma), "1,234"),
        at(4, 3, .unknownValue(.channel, known: ["anruf", "besuch", "brief"]), "fax"),
        at(5, 1, .columnCount(expected: 3, found: 2)),
        at(6, 2, .quoteNeverClosed),
        at(7, 1, .empty(.customerID), ""),
        at(8, 3, .notAnAmount(.notAnAmount), "zwölf\u{1B}[2J"),
    ]

    @Test("German: cell, row and shape problems, then how many more and that nothing was imported")
    func germanPanel() {
        let refusal = ImportRefusal.invalidRows(issues: Self.cellProblems, total: 58)
        #expect(
            panel(refusal, .de) == [
                " Nichts wurde importiert. Diese Fehler in der Datei beheben und erneut importieren:",
                "   bad.csv:2:2: kein Datum (möglich: 14.03.2025, 14.03.25 10:22, 2025-03-14 oder "
                    + "2025-03-14T10:22:00Z) (\"kaputt\")",
                "   bad.csv:3:3: mehr als zwei Nachkommastellen im Zahlenformat dieser Datei (Dezimalkomma) "
                    + "(\"1,234\")",
                "   bad.csv:4:3: unbekannter Kanal (möglich: anruf, besuch, brief) (\"fax\")",
                "   bad.csv:5:1: 3 Spalten erwartet, 2 gefunden",
                "   bad.csv:6:2: ein Anführungszeichen am Feldanfang wird nie geschlossen",
                "   bad.csv:7:1: die Kundennummer ist leer (\"\")",
                "   bad.csv:8:3: kein Betrag (möglich: 1234,56 oder 1.234,56 oder 1,234.56; höchstens zwei "
                    + "Nachkommastellen) (\"zwölf?[2J\")",
                "   … und 51 weitere Probleme",
                "   Nichts wurde importiert: 58 Probleme in der Datei.",
            ])
    }

    @Test("English: the command line's exact wording, through the same panel")
    func englishPanel() {
        let refusal = ImportRefusal.invalidRows(issues: Array(Self.cellProblems.prefix(4)), total: 5)
        #expect(
            panel(refusal, .en) == [
                " Nothing was imported. Fix these problems in the file and import it again:",
                "   bad.csv:2:2: not a date (use 2025-03-14, 2025-03-14T10:22:00Z, 14.03.2025 or 14.03.25 "
                    + "10:22) (\"kaputt\")",
                "   bad.csv:3:3: more than two decimals in this file's number style (decimal comma) (\"1,234\")",
                "   bad.csv:4:3: not a known channel (one of: anruf, besuch, brief) (\"fax\")",
                "   bad.csv:5:1: expected 3 columns, found 2",
                "   … and 1 more problems",
                "   Nothing was imported: 5 problems in the file.",
            ])
    }

    @Test("German singulars: one more problem, one problem in the file, one column")
    func germanSingulars() {
        let german = Catalog(language: .de)
        #expect(
            german.importRefusalLines(
                .invalidRows(issues: [Self.at(2, 1, .columnCount(expected: 1, found: 2))], total: 2))
                == [
                    "bad.csv:2:1: 1 Spalte erwartet, 2 gefunden",
                    "… und 1 weiteres Problem",
                    "Nichts wurde importiert: 2 Probleme in der Datei.",
                ])
        #expect(
            german.importRefusalLines(
                .invalidRows(issues: [Self.at(9, 4, .notYesOrNo, "vielleicht")], total: 1))
                == [
                    "bad.csv:9:4: weder ja noch nein (möglich: ja/nein, yes/no, 1/0) (\"vielleicht\")",
                    "Nichts wurde importiert: 1 Problem in der Datei.",
                ])
        #expect(
            german.importRefusalLines(.invalidRows(issues: [], total: 12_345)).last
                == "Nichts wurde importiert: 12.345 Probleme in der Datei.")
    }

    @Test("German refusals of the whole file: a missing column names the field in German and the headers")
    func germanFileRefusals() {
        let german = Catalog(language: .de)
        #expect(
            german.importRefusalLines(
                .missingColumn(file: "kunden.csv", column: "customer_id", found: ["Name", "E-Mail\u{7}"]))
                == [
                    "kunden.csv: keine Spalte für die Kundennummer (customer_id); die Datei hat: Name, E-Mail? "
                        + "(eine mit --map SPALTE=customer_id zuordnen)"
                ])
        #expect(
            german.importRefusalLines(.missingColumn(file: "k.csv", column: "Umsatz", found: ["a"]))
                == [
                    "k.csv: keine Spalte für Umsatz; die Datei hat: a (eine mit --map SPALTE=Umsatz zuordnen)"
                ])
        #expect(
            german.importRefusalLines(.emptyFile(file: "leer.csv")) == [
                "leer.csv: die Datei hat keine Kopfzeile"
            ])
        #expect(
            german.importRefusalLines(.noRows(file: "kopf.csv", line: 2))
                == ["kopf.csv:2:1: die Datei hat eine Kopfzeile, aber keine Datenzeilen"])
        // The system's reason (strerror) stays as the system gave it.
        #expect(
            german.importRefusalLines(.unreadable(file: "weg.csv", reason: "No such file or directory"))
                == ["weg.csv nicht lesbar: No such file or directory"])
    }

    @Test("A file that is not CSV is named for what it is, in German, through the same panel")
    func notCSV() {
        #expect(
            panel(.notCSV(file: "exports", kind: .folder), .de) == [
                " Nichts wurde importiert. Diese Fehler in der Datei beheben und erneut importieren:",
                "   exports ist ein Ordner, keine CSV-Datei. Nichts wurde importiert; den Pfad einer CSV-Datei "
                    + "darin angeben.",
            ])
        #expect(
            panel(.notCSV(file: "kunden.xlsx", kind: .excelWorkbook), .en) == [
                " Nothing was imported. Fix these problems in the file and import it again:",
                "   kunden.xlsx is a binary file (an Excel workbook), not CSV. Nothing was imported; save the "
                    + "sheet as CSV UTF-8 in Excel first.",
            ])
        // Every kind has its own German sentence, naming the file and saying nothing was imported.
        let german = Catalog(language: .de)
        var sentences = Set<String>()
        for kind in ImportFileKind.allCases {
            let lines = german.importRefusalLines(.notCSV(file: "x.csv", kind: kind))
            #expect(
                lines.count == 1 && lines[0].hasPrefix("x.csv ")
                    && lines[0].contains("Nichts wurde importiert"))
            #expect(lines != ImportRefusal.notCSV(file: "x.csv", kind: kind).englishLines)
            sentences.formUnion(lines)
        }
        #expect(sentences.count == ImportFileKind.allCases.count)
    }

    @Test("On 80 columns a long sentence is wrapped, so what to do at its end stays on the screen")
    func wrapsOnNarrowScreens() {
        var state = Fixtures.listState(columns: 80, rows: 24, language: .de)
        command("import orders kunden.xlsx", &state)
        var result = ImportResult(file: "kunden.xlsx", kind: "orders", succeeded: false)
        result.refusal = .notCSV(file: "kunden.xlsx", kind: .excelWorkbook)
        result.problemCount = 1
        _ = Dashboard.update(&state, .importFinished(result))
        let lines = DashboardView.render(state).trimmedLines
        #expect(
            Array(lines[3...9]) == [
                " Nichts wurde importiert. Diese Fehler in der Datei beheben und erneut",
                "   importieren:",
                "",
                "   kunden.xlsx ist eine Binärdatei (eine Excel-Arbeitsmappe), kein CSV.",
                "     Nichts wurde importiert; das Blatt zuerst in Excel als „CSV UTF-8“",
                "     speichern.",
                "",
            ], "\(lines)")
    }

    @Test("Conflicts with stored orders: a figure, a heading and one line each, in both languages")
    func conflictsInThePanel() {
        let day = CalendarDay(year: 2026, month: 1, day: 5)!
        let conflicts = [
            ImportConflict(
                line: 14, reference: "A-1001", stored: .order(amountMinor: 5000, currency: "EUR", day: day),
                file: .order(amountMinor: 5500, currency: "EUR", day: day)),
            ImportConflict(
                line: 15, reference: "A-1002\u{1B}[2J",
                stored: .order(amountMinor: 2000, currency: "EUR", day: day),
                file: .order(amountMinor: 2000, currency: "EUR", day: day.adding(days: 1))),
        ]
        func shown(_ language: Language) -> (lines: [String], status: String?) {
            var state = Fixtures.listState(columns: 120, rows: 30, language: language)
            command("import orders neu.csv", &state)
            var result = ImportResult(file: "neu.csv", kind: "orders", succeeded: true)
            result.rowsRead = 15
            result.inserted = 1
            result.duplicates = 11
            result.conflictCount = 3
            result.conflicts = conflicts
            _ = Dashboard.update(&state, .importFinished(result))
            return (DashboardView.render(state).trimmedLines, state.status?.text)
        }
        let english = shown(.en)
        for line in [
            "   other values, kept      3",
            " 3 order numbers already present with a different amount or date; kept the stored orders:",
            "   line 14, A-1001: stored €50.00 on 2026-01-05, file €55.00 on 2026-01-05",
            "   line 15, A-1002?[2J: stored €20.00 on 2026-01-05, file €20.00 on 2026-01-06",
            "   … and 1 more",
        ] {
            #expect(english.lines.contains(line), "\(line)\n\(english.lines.joined(separator: "\n"))")
        }
        #expect(
            english.status
                == "imported neu.csv: 1 new, 0 updated, 11 already present, 3 kept with other values, "
                + "0 rejected")
        let german = shown(.de)
        for line in [
            "   abweichend, behalten    3",
            " 3 Bestellnummern schon mit anderem Betrag oder Datum vorhanden; die gespeicherten Bestellungen "
                + "wurden behalten:",
            "   Zeile 14, A-1001: gespeichert 50,00 € am 05.01.2026, Datei 55,00 € am 05.01.2026",
            "   … und 1 weitere",
        ] {
            #expect(german.lines.contains(line), "\(line)\n\(german.lines.joined(separator: "\n"))")
        }
    }

    @Test("Conflicts of interactions and feedback name what differs, in both languages")
    func otherConflicts() {
        let day = CalendarDay(year: 2026, month: 1, day: 5)!
        let touch = ImportConflict(
            line: 7, reference: "T-55", stored: .interaction(channel: .call, kind: .service, day: day),
            file: .interaction(channel: .email, kind: .complaint, day: day.adding(days: 1)))
        #expect(
            Catalog(language: .en).importConflictLines([touch], total: 1) == [
                "1 reference already present with a different date, channel or kind; kept the stored interaction:",
                "line 7, T-55: stored call, service on 2026-01-05, file email, complaint on 2026-01-06",
            ])
        #expect(
            Catalog(language: .de).importConflictLines([touch], total: 1) == [
                "1 Referenz schon mit anderem Datum, Kanal oder Art vorhanden; der gespeicherte Kontakt wurde "
                    + "behalten:",
                "Zeile 7, T-55: gespeichert Anruf, Service am 05.01.2026, Datei E-Mail, Beschwerde am 06.01.2026",
            ])
        let answer = ImportConflict(
            line: 3, reference: "NPS", stored: .feedback(metric: .nps, score: 9, day: day),
            file: .feedback(metric: .nps, score: 6, day: day))
        #expect(
            Catalog(language: .de).importConflictLines([answer], total: 2) == [
                "2 Feedback-Antworten schon mit anderem Wert vorhanden; die gespeicherten Antworten wurden "
                    + "behalten:",
                "Zeile 3, NPS: gespeichert 9 am 05.01.2026, Datei 6 am 05.01.2026",
                "… und 1 weitere",
            ])
        #expect(Catalog(language: .en).importConflictLines([], total: 0) == [])
    }

    @Test("German subjects take their article and adjective ending")
    func germanGrammar() {
        let german = Catalog(language: .de)
        #expect(german.importProblem(.empty(.date)) == "das Datum ist leer")
        #expect(german.importProblem(.empty(.amount)) == "der Betrag ist leer")
        #expect(
            german.importProblem(.unknownValue(.country, known: ["at", "de"]))
                == "unbekanntes Land (möglich: at, de)")
        #expect(
            german.importProblem(.unknownValue(.complaintStatus, known: ["offen"]))
                == "unbekannter Beschwerdestatus (möglich: offen)")
        #expect(
            german.importProblem(.notAWholeNumber(.noticePeriod, range: 0...3650))
                == "die Kündigungsfrist muss eine ganze Zahl von 0 bis 3650 sein")
        #expect(
            german.importProblem(.scoreOutOfRange(.nps)) == "ein NPS-Wert ist eine ganze Zahl von 0 bis 10")
        // Text from outside the vocabulary is shown as it is.
        #expect(german.importProblem(.text("as given")) == "as given")
    }

    @Test("A plain failure line (not the importer's) is shown after the refusal's, unchanged")
    func plainLinesStay() {
        var state = Fixtures.listState(columns: 120, rows: 20, language: .de)
        command("import orders weg.csv", &state)
        var result = ImportResult(file: "weg.csv", kind: "orders", succeeded: false)
        result.problems = ["the store is read-only"]
        result.problemCount = 1
        _ = Dashboard.update(&state, .importFinished(result))
        let lines = DashboardView.render(state).trimmedLines
        #expect(lines.contains("   the store is read-only"), "\(lines)")
        #expect(state.status?.text == "nichts aus weg.csv importiert: 1 Problem (siehe Importbericht)")
    }
}
