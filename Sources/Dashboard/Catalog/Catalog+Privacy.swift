/// Sentences of the GDPR actions and the in-dashboard import, in both languages.
extension Catalog {
    func privacyNeedsCustomer() -> String {
        pick("open a customer first (Enter on the list)", "zuerst einen Kunden öffnen (Enter in der Liste)")
    }

    func privacyCancelled() -> String {
        pick("cancelled; nothing was changed", "abgebrochen; nichts geändert")
    }

    func exportPathPrompt() -> String {
        pick(
            "Export all data of this customer to (private file, 0600):",
            "Alle Daten des Kunden exportieren nach (private Datei, 0600):")
    }

    func exportedPersonalData(_ id: Int64, path: String) -> String {
        pick(
            "exported everything about customer \(id) to \(path) (private, 0600)",
            "alle Daten von Kunde \(id) exportiert nach \(path) (privat, 0600)")
    }

    func erasePrompt(_ id: Int64, name: String) -> String {
        pick(
            "ERASE all personal data of \(name) (id \(id))? This cannot be undone. Type \(id) and Enter to erase, Esc to cancel:",
            "ALLE personenbezogenen Daten von \(name) (Nr. \(id)) LÖSCHEN? Nicht umkehrbar. \(id) eingeben und Enter zum Löschen, Esc bricht ab:"
        )
    }

    /// The erase question for a narrower bar: still names the person, so nobody erases the
    /// wrong customer by their id alone.
    func erasePromptShort(_ id: Int64, name: String) -> String {
        pick(
            "ERASE \(name) (id \(id)) for good? Type \(id) (Esc cancels):",
            "\(name) (Nr. \(id)) endgültig LÖSCHEN? \(id) eingeben (Esc bricht ab):")
    }

    func exportPathPromptShort() -> String { pick("Export to (0600):", "Exportieren nach (0600):") }

    func eraseNotConfirmed(_ id: Int64) -> String {
        pick(
            "not erased: the confirmation was not \(id); nothing was changed",
            "nicht gelöscht: die Bestätigung war nicht \(id); nichts geändert")
    }

    func erasing(_ id: Int64) -> String { pick("erasing customer \(id)…", "lösche Kunde \(id) …") }

    func erased(_ id: Int64, _ outcome: ErasureOutcome) -> String {
        pick(
            "erased customer \(id): \(outcome.touchpointsDeleted) touchpoints and \(outcome.feedbackDeleted) "
                + "feedback answers deleted, contact data removed; \(outcome.ordersKept) orders and "
                + "\(outcome.contractsKept) contracts kept pseudonymised",
            "Kunde \(id) gelöscht: \(outcome.touchpointsDeleted) Kontakte und \(outcome.feedbackDeleted) "
                + "Feedback-Antworten gelöscht, Kontaktdaten entfernt; \(outcome.ordersKept) Bestellungen und "
                + "\(outcome.contractsKept) Verträge pseudonymisiert behalten")
    }
}

extension Catalog {
    func importAlreadyRunning() -> String {
        pick("an import is already running; wait for it to finish", "ein Import läuft schon; bitte warten")
    }

    func importing(_ file: String, percent: Int) -> String {
        pick("importing \(file)… \(percent) %", "importiere \(file) … \(percent) %")
    }

    func importTitle(_ file: String) -> String { pick("Import of \(file)", "Import von \(file)") }

    func importNothingImported() -> String {
        pick(
            "Nothing was imported. Fix these problems in the file and import it again:",
            "Nichts wurde importiert. Diese Fehler in der Datei beheben und erneut importieren:")
    }

    func importSkippedTitle() -> String { pick("Rows left out", "Ausgelassene Zeilen") }

    func importDone(_ result: ImportResult) -> String {
        let conflicts = result.conflictCount > 0 ? ", " + importConflictCount(result.conflictCount) : ""
        return pick(
            "imported \(result.file): \(result.inserted) new, \(result.updated) updated, "
                + "\(result.duplicates) already present\(conflicts), \(result.rejected) rejected",
            "\(result.file) importiert: \(result.inserted) neu, \(result.updated) geändert, "
                + "\(result.duplicates) schon vorhanden\(conflicts), \(result.rejected) abgelehnt")
    }

    func importRefused(_ result: ImportResult) -> String {
        let count = number(result.problemCount)
        return pick(
            "nothing imported from \(result.file): \(count) problem\(result.problemCount == 1 ? "" : "s") "
                + "(see the panel)",
            "nichts aus \(result.file) importiert: \(count) \(result.problemCount == 1 ? "Problem" : "Probleme") "
                + "(siehe Importbericht)")
    }

    /// The import kind as the command names it (`orders`), in German its German name.
    public func importKindName(_ kind: String) -> String {
        let german = [
            "customers": "Kunden", "orders": "Bestellungen", "interactions": "Kontakte",
            "feedback": "Feedback", "contracts": "Verträge",
        ]
        return pick(kind, german[kind] ?? kind)
    }

    /// Label and value of each figure of a finished import.
    func importFigures(_ result: ImportResult) -> [(String, String)] {
        [
            (pick("kind", "Art"), importKindName(result.kind)),
            (pick("rows read", "Zeilen gelesen"), number(result.rowsRead)),
            (pick("inserted", "neu angelegt"), number(result.inserted)),
            (pick("updated", "geändert"), number(result.updated)),
            (pick("already present", "schon vorhanden"), number(result.duplicates)),
        ]
            + (result.conflictCount > 0
                ? [(pick("other values, kept", "abweichend, behalten"), number(result.conflictCount))] : [])
            + [
                (pick("rejected", "abgelehnt"), number(result.rejected)),
                (pick("new customers", "neue Kunden"), number(result.customersCreated)),
                (pick("time", "Dauer"), decimal(result.seconds, digits: 2) + " s"),
                (pick("rescored", "neu bewertet"), result.rescored ? text(.yes) : text(.no)),
            ]
    }
}
