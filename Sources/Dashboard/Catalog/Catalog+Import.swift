import Scoring

/// The importer's problems (`ImportProblem`, `ImportRefusal` in Scoring) in the user's language.
/// English is the shared rendering next to the vocabulary, the same words `clientele import`
/// prints; German is written here. Places (`FILE:LINE:COLUMN`), values from the file, column
/// names and the command line's flags stay as they are in both.
extension Catalog {
    /// The lines of a refused import: located problems first, then the summary lines.
    public func importRefusalLines(_ refusal: ImportRefusal) -> [String] {
        guard language == .de else { return refusal.englishLines }
        switch refusal {
        case .invalidRows(let issues, let total):
            var lines = issues.map(importIssueLine)
            if total > issues.count { lines.append(importMoreProblems(total - issues.count)) }
            lines.append(importRefusedSummary(problems: total))
            return lines
        case .missingColumn(let file, let column, let found):
            let named = Self.germanFields[column].map { "\($0.accusative) (\(column))" } ?? column
            return [
                "\(file): keine Spalte für \(named); die Datei hat: "
                    + found.map(LocatedImportProblem.neutralised).joined(separator: ", ")
                    + " (eine mit --map SPALTE=\(column) zuordnen)"
            ]
        case .emptyFile(let file):
            return ["\(file): die Datei hat keine Kopfzeile"]
        case .noRows(let file, let line):
            return ["\(file):\(line):1: die Datei hat eine Kopfzeile, aber keine Datenzeilen"]
        case .unknownField(let field, let known):
            return [
                "--map: kein Feld \(LocatedImportProblem.neutralised(field)); Felder: "
                    + known.joined(separator: ", ")
            ]
        case .unreadable(let file, let reason):
            return ["\(file) nicht lesbar: \(reason)"]
        case .rejectsUnwritable(let file, let reason):
            return [
                "Datei für abgelehnte Zeilen \(file) nicht schreibbar: \(reason). Nichts wurde importiert; "
                    + "einen anderen Pfad für --skip-bad-rows wählen"
            ]
        case .customerVanished(let file, let line, let customer):
            return [
                "\(file):\(line): der Kunde \(LocatedImportProblem.neutralised(customer)) wurde während des "
                    + "Imports gelöscht, deshalb hat der Import hier angehalten. Die Zeilen der Kunden davor "
                    + "(der Import schreibt Kunde für Kunde) sind gespeichert; die Datei erneut importieren, "
                    + "um den Rest zu übernehmen: schon importierte Zeilen werden erkannt und nicht doppelt "
                    + "angelegt"
            ]
        case .scratchFailed(let reason, let written):
            return [
                "die Zeilen lassen sich nicht in einer temporären Datei sortieren (in TMPDIR, oder "
                    + "SQLITE_TMPDIR, falls gesetzt): \(reason). "
                    + (written
                        ? "Einige Zeilen wurden importiert; dort Speicherplatz freigeben und den Import "
                            + "erneut starten, um ihn abzuschließen"
                        : "Nichts wurde importiert; dort Speicherplatz freigeben oder TMPDIR auf einen "
                            + "Ordner mit genug Platz setzen")
            ]
        case .notCSV(let file, let kind):
            return [Self.germanNotCSV(file, kind)]
        }
    }

    /// "DATEI ist ein Ordner, keine CSV-Datei", with what to do instead (English: Scoring).
    static func germanNotCSV(_ file: String, _ kind: ImportFileKind) -> String {
        let binary: String? =
            switch kind {
            case .executable: "ein ausführbares Programm"
            case .excelWorkbook: "eine Excel-Arbeitsmappe"
            case .zipArchive: "ein ZIP-Archiv"
            case .gzip: "gzip-komprimiert"
            case .pdf: "ein PDF-Dokument"
            case .folder, .sqliteDatabase, .json, .binary, .utf16: nil
            }
        let what =
            switch kind {
            case .folder: "\(file) ist ein Ordner, keine CSV-Datei"
            case .sqliteDatabase:
                "\(file) ist eine SQLite-Datenbank (vielleicht ein Clientele-Bestand?), keine CSV-Datei"
            case .json: "\(file) sieht nach JSON aus, nicht nach CSV"
            case .binary: "\(file) ist eine Binärdatei, kein CSV"
            case .utf16: "\(file) sieht nach UTF-16-Text aus"
            case .executable, .excelWorkbook, .zipArchive, .gzip, .pdf:
                "\(file) ist eine Binärdatei (\(binary ?? "")), kein CSV"
            }
        let todo =
            switch kind {
            case .folder: "den Pfad einer CSV-Datei darin angeben"
            case .sqliteDatabase:
                "die Datensätze zuerst als CSV exportieren (ein Bestand wird mit --db geöffnet)"
            case .json, .pdf, .binary: "die Datensätze zuerst als CSV exportieren"
            case .executable: "den Pfad prüfen und die CSV-Datei angeben"
            case .excelWorkbook: "das Blatt zuerst in Excel als „CSV UTF-8“ speichern"
            case .zipArchive:
                "zuerst entpacken und die CSV-Datei darin importieren (eine Excel-Arbeitsmappe: als CSV speichern)"
            case .gzip: "zuerst entpacken (gunzip) und die CSV-Datei importieren"
            case .utf16: "als UTF-8-CSV speichern (oder mit --encoding utf-16 importieren)"
            }
        return what + ". Nichts wurde importiert; " + todo + "."
    }

    /// The rows an import kept out because their order number or reference is stored with other
    /// values: a heading with the count, the first conflicts by line (stored, then the file's
    /// values), and how many more. Empty without conflicts. The command line prints the English.
    public func importConflictLines(_ conflicts: [ImportConflict], total: Int) -> [String] {
        guard let first = conflicts.first else { return [] }
        var lines: [String] = []
        let count = number(total)
        let one = total == 1
        switch first.stored {
        case .order:
            let kept = one ? "die gespeicherte Bestellung wurde" : "die gespeicherten Bestellungen wurden"
            lines.append(
                pick(
                    "\(count) order number\(one ? "" : "s") already present with a different amount or date; "
                        + "kept the stored \(one ? "order" : "orders"):",
                    "\(count) \(one ? "Bestellnummer" : "Bestellnummern") schon mit anderem Betrag oder Datum "
                        + "vorhanden; \(kept) behalten:"))
        case .interaction:
            let kept = one ? "der gespeicherte Kontakt wurde" : "die gespeicherten Kontakte wurden"
            lines.append(
                pick(
                    "\(count) reference\(one ? "" : "s") already present with a different date, channel or "
                        + "kind; kept the stored \(one ? "interaction" : "interactions"):",
                    "\(count) \(one ? "Referenz" : "Referenzen") schon mit anderem Datum, Kanal oder Art "
                        + "vorhanden; \(kept) behalten:"))
        case .feedback:
            let kept = one ? "die gespeicherte Antwort wurde" : "die gespeicherten Antworten wurden"
            lines.append(
                pick(
                    "\(count) feedback answer\(one ? "" : "s") already present with a different score; kept the "
                        + "stored \(one ? "answer" : "answers"):",
                    "\(count) \(one ? "Feedback-Antwort" : "Feedback-Antworten") schon mit anderem Wert "
                        + "vorhanden; \(kept) behalten:"))
        }
        for conflict in conflicts {
            let reference = LocatedImportProblem.neutralised(conflict.reference)
            lines.append(
                pick("line", "Zeile") + " \(conflict.line), \(reference): " + pick("stored ", "gespeichert ")
                    + importConflictValues(conflict.stored) + pick(", file ", ", Datei ")
                    + importConflictValues(conflict.file))
        }
        if total > conflicts.count {
            let more = total - conflicts.count
            lines.append(pick("… and \(number(more)) more", "… und \(number(more)) weitere"))
        }
        return lines
    }

    /// "€50.00 on 2026-01-05" / "50,00 € am 05.01.2026"; "call, service on …".
    private func importConflictValues(_ values: ImportConflict.Values) -> String {
        switch values {
        case .order(let amountMinor, let currency, let day):
            amount(minor: amountMinor, currency: currency) + pick(" on ", " am ") + date(day)
        case .interaction(let channel, let kind, let day):
            self.channel(channel) + ", " + interactionKind(kind) + pick(" on ", " am ") + date(day)
        case .feedback(_, let score, let day):
            "\(score)" + pick(" on ", " am ") + date(day)
        }
    }

    /// The count in the import's one-line summary: "2 kept with other values".
    public func importConflictCount(_ total: Int) -> String {
        pick("\(number(total)) kept with other values", "\(number(total)) mit anderen Werten behalten")
    }

    /// `FILE:LINE:COLUMN: what is wrong ("value")`, the value neutralised as on the command line.
    public func importIssueLine(_ issue: LocatedImportProblem) -> String {
        issue.place + importProblem(issue.problem) + issue.shownValue
    }

    /// "… and 3 more problems" / "… und 3 weitere Probleme".
    func importMoreProblems(_ count: Int) -> String {
        pick(
            ImportRefusal.englishMore(count),
            count == 1 ? "… und 1 weiteres Problem" : "… und \(number(count)) weitere Probleme")
    }

    /// "Nothing was imported: 3 problems in the file." in the user's language.
    func importRefusedSummary(problems total: Int) -> String {
        pick(
            ImportRefusal.englishNothingImported(total),
            total == 1
                ? "Nichts wurde importiert: 1 Problem in der Datei."
                : "Nichts wurde importiert: \(number(total)) Probleme in der Datei.")
    }

    /// One problem as a sentence (without place and value).
    public func importProblem(_ problem: ImportProblem) -> String {
        guard language == .de else { return problem.english }
        switch problem {
        case .tooLong(let limit): return "länger als \(limit) Zeichen"
        case .containsNUL: return "enthält ein NUL-Byte"
        case .notTextInEncoding:
            return "enthält Bytes, die in der Kodierung dieser Datei kein Text sind (--encoding versuchen)"
        case .controlCharacters: return "enthält Steuerzeichen"
        case .empty(let subject):
            return "\(Self.german(subject).nominative) ist leer"
        case .notADateTime:
            return "kein Datum (möglich: 14.03.2025, 14.03.25 10:22, 2025-03-14 oder 2025-03-14T10:22:00Z)"
        case .notADay: return "kein Datum (möglich: 14.03.2025 oder 2025-03-14)"
        case .amountTooLarge: return "der Betrag ist zu groß"
        case .notAnAmount(let fault):
            let what =
                switch fault {
                case .notAnAmount: "kein Betrag"
                case .moreThanTwoDecimals: "mehr als zwei Nachkommastellen"
                }
            return what + " (möglich: 1234,56 oder 1.234,56 oder 1,234.56; höchstens zwei Nachkommastellen)"
        case .ambiguousAmount:
            return "mehrdeutiger Betrag: Tausender oder Nachkommastellen? 1234 oder 1.234,00 (oder 1234.00) "
                + "schreiben"
        case .tooManyDecimals(let style):
            let name =
                switch style {
                case .decimalComma?: "Dezimalkomma"
                case .decimalPoint?: "Dezimalpunkt"
                case nil: "nicht festgelegt"
                }
            return "mehr als zwei Nachkommastellen im Zahlenformat dieser Datei (\(name))"
        case .unknownValue(let subject, let known):
            return "\(Self.german(subject).unknown) (möglich: \(known.joined(separator: ", ")))"
        case .notAWholeNumber(let subject, let range):
            return "\(Self.german(subject).nominative) muss eine ganze Zahl von \(range.lowerBound) bis "
                + "\(range.upperBound) sein"
        case .notYesOrNo: return "weder ja noch nein (möglich: ja/nein, yes/no, 1/0)"
        case .notACurrency: return "kein Währungscode aus drei Buchstaben"
        case .foreignCurrency(let code):
            return
                "ein Betrag in \(code): Clientele führt alle Beträge in EUR; bitte die Beträge vorher in EUR umrechnen"
        case .statusOnlyForComplaints: return "nur Beschwerden haben einen Beschwerdestatus"
        case .whichMetric: return "welche Kennzahl? (eine Spalte Kennzahl mit nps, csat oder ces ergänzen)"
        case .scoreOutOfRange(let metric):
            return
                "ein \(metric.rawValue.uppercased())-Wert ist eine ganze Zahl von \(metric.range.lowerBound) "
                + "bis \(metric.range.upperBound)"
        case .negativeRecurringAmount: return "ein wiederkehrender Betrag kann nicht negativ sein"
        case .endsBeforeStart: return "der Vertrag endet vor seinem Beginn"
        case .columnCount(let expected, let found):
            return "\(expected) \(expected == 1 ? "Spalte" : "Spalten") erwartet, \(found) gefunden"
        case .unknownCustomer: return "kein Kunde mit dieser Kundennummer (--create-missing legt fehlende an)"
        case .quoteInUnquotedField:
            return "ein Anführungszeichen mitten im Feld; das ganze Feld in Anführungszeichen setzen und "
                + "das Anführungszeichen verdoppeln"
        case .textAfterClosingQuote: return "Text nach dem schließenden Anführungszeichen eines Feldes"
        case .quoteNeverClosed: return "ein Anführungszeichen am Feldanfang wird nie geschlossen"
        case .recordTooLong: return "ein Datensatz über 8 MB ohne Zeilenende"
        case .text(let text): return text
        }
    }

    /// A German noun with its gender, for the article and the adjective's ending.
    struct GermanNoun {
        enum Gender { case masculine, feminine, neuter }
        var word: String
        var gender: Gender

        /// "der Betrag", "die Kundennummer", "das Datum".
        var nominative: String {
            switch gender {
            case .masculine: "der \(word)"
            case .feminine: "die \(word)"
            case .neuter: "das \(word)"
            }
        }

        /// "den Betrag", "die Kundennummer", "das Datum".
        var accusative: String {
            switch gender {
            case .masculine: "den \(word)"
            case .feminine: "die \(word)"
            case .neuter: "das \(word)"
            }
        }

        /// "unbekannter Kanal", "unbekannte Kundenart", "unbekanntes Land".
        var unknown: String {
            switch gender {
            case .masculine: "unbekannter \(word)"
            case .feminine: "unbekannte \(word)"
            case .neuter: "unbekanntes \(word)"
            }
        }
    }

    static func german(_ subject: ImportSubject) -> GermanNoun {
        switch subject {
        case .customerID: GermanNoun(word: "Kundennummer", gender: .feminine)
        case .name: GermanNoun(word: "Name", gender: .masculine)
        case .product: GermanNoun(word: "Produkt", gender: .neuter)
        case .date: GermanNoun(word: "Datum", gender: .neuter)
        case .amount: GermanNoun(word: "Betrag", gender: .masculine)
        case .startDate: GermanNoun(word: "Vertragsbeginn", gender: .masculine)
        case .noticePeriod: GermanNoun(word: "Kündigungsfrist", gender: .feminine)
        case .customerKind: GermanNoun(word: "Kundenart", gender: .feminine)
        case .country: GermanNoun(word: "Land", gender: .neuter)
        case .relationshipType: GermanNoun(word: "Beziehungsart", gender: .feminine)
        case .channel: GermanNoun(word: "Kanal", gender: .masculine)
        case .interactionKind: GermanNoun(word: "Art", gender: .feminine)
        case .direction: GermanNoun(word: "Richtung", gender: .feminine)
        case .outcome: GermanNoun(word: "Ergebnis", gender: .neuter)
        case .sentiment: GermanNoun(word: "Stimmung", gender: .feminine)
        case .complaintStatus: GermanNoun(word: "Beschwerdestatus", gender: .masculine)
        case .metric: GermanNoun(word: "Kennzahl", gender: .feminine)
        case .npsType: GermanNoun(word: "NPS-Art", gender: .feminine)
        case .billingPeriod: GermanNoun(word: "Abrechnungszeitraum", gender: .masculine)
        case .contractStatus: GermanNoun(word: "Status", gender: .masculine)
        }
    }

    /// The importer's required fields (the ones a missing column names) as German words; the
    /// field name itself stays beside it, since `--map` and the docs use it.
    static let germanFields: [String: GermanNoun] = [
        "customer_id": german(.customerID), "date": german(.date), "amount": german(.amount),
        "channel": german(.channel), "kind": german(.interactionKind), "product": german(.product),
        "starts_on": german(.startDate), "score": GermanNoun(word: "Wert", gender: .masculine),
    ]
}
