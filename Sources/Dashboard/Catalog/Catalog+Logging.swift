import Scoring

/// Words of the log form and of logging's status lines, where a sentence takes values.
extension Catalog {
    public func direction(_ direction: Direction) -> String {
        switch direction {
        case .inbound: pick("inbound (they contacted us)", "eingehend (Kunde meldete sich)")
        case .outbound: pick("outbound (we contacted them)", "ausgehend (wir meldeten uns)")
        }
    }

    public func complaintStatus(_ status: ComplaintStatus) -> String {
        switch status {
        case .open: pick("open", "offen")
        case .resolved: pick("resolved", "gelöst")
        }
    }

    public func npsType(_ type: NPSType) -> String {
        switch type {
        case .transactional: pick("transactional (about this contact)", "transaktional (zu diesem Kontakt)")
        case .relational: pick("relational (about the relationship)", "relational (zur Beziehung)")
        }
    }

    /// "Mon 07.07.2025" / "Mo. 07.07.2025": a follow-up date with its weekday, to check "next monday".
    public func weekdayDate(_ day: CalendarDay) -> String {
        let names =
            language == .de
            ? ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
            : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let index = min(max(day.isoWeekday - 1, 0), names.count - 1)
        return names[index] + " " + date(day)
    }

    /// "Logged call with Anna Müller — u to undo"; a resolved complaint that closed open ones
    /// says how many: "Logged call with Anna Müller · closed 1 open complaint — u to undo".
    public func loggedMessage(channel: Channel, name: String, closedComplaints: Int = 0) -> String {
        let closed = closedComplaints > 0 ? " · " + closedComplaintsMessage(closedComplaints) : ""
        return pick(
            "Logged \(self.channel(channel)) with \(name)\(closed) — u to undo",
            "\(self.channel(channel)) mit \(name) erfasst\(closed) — u macht es rückgängig")
    }

    /// "closed 1 open complaint" / "2 offene Beschwerden geschlossen".
    public func closedComplaintsMessage(_ count: Int) -> String {
        count == 1
            ? pick("closed 1 open complaint", "1 offene Beschwerde geschlossen")
            : pick("closed \(count) open complaints", "\(count) offene Beschwerden geschlossen")
    }

    /// "Undone: call with Anna Müller removed", and, when its save had closed complaints,
    /// " · 1 complaint open again".
    public func undoneMessage(channel: Channel, name: String, reopenedComplaints: Int = 0) -> String {
        let reopened =
            reopenedComplaints == 0
            ? ""
            : reopenedComplaints == 1
                ? pick(" · 1 complaint open again", " · 1 Beschwerde wieder offen")
                : pick(
                    " · \(reopenedComplaints) complaints open again",
                    " · \(reopenedComplaints) Beschwerden wieder offen")
        return pick(
            "Undone: \(self.channel(channel)) with \(name) removed\(reopened)",
            "Rückgängig: \(self.channel(channel)) mit \(name) entfernt\(reopened)")
    }

    public func undoGoneMessage(channel: Channel, name: String) -> String {
        pick(
            "The \(self.channel(channel)) with \(name) is already gone; nothing changed",
            "\(self.channel(channel)) mit \(name) gibt es schon nicht mehr; nichts geändert")
    }

    public func editorFailure(_ failure: EditorFailure) -> String {
        switch failure {
        case .exitStatus(let command, let status):
            pick(
                "The editor (\(command)) ended with status \(status); the note is unchanged",
                "Der Editor (\(command)) endete mit Status \(status); die Notiz ist unverändert")
        case .notUTF8:
            pick(
                "The edited note is not UTF-8 text; the note is unchanged",
                "Die bearbeitete Notiz ist kein UTF-8-Text; die Notiz ist unverändert")
        case .failed(let reason):
            pick(
                "The editor could not be used (\(reason)); the note is unchanged",
                "Der Editor ließ sich nicht verwenden (\(reason)); die Notiz ist unverändert")
        }
    }

    /// "Undone: Anna Müller is back on the call list (was: done for today)".
    func markUndone(name: String, mark: CallListMark) -> String {
        let was: String
        switch mark {
        case .done: was = pick("done", "erledigt")
        case .skipped: was = pick("skipped", "übersprungen")
        case .snoozed: was = pick("snoozed", "zurückgestellt")
        }
        return pick(
            "Undone: \(name) is back on the call list (was \(was))",
            "Rückgängig: \(name) ist wieder auf der Anrufliste (war \(was))")
    }

    /// The mark changed since (marked again, or by a colleague): nothing was undone.
    func markUndoGone(name: String) -> String {
        pick(
            "Not undone: \(name)'s call-list mark has changed since; nothing was changed",
            "Nicht rückgängig gemacht: die Markierung von \(name) hat sich inzwischen geändert; nichts geändert"
        )
    }

    /// The follow-up field's examples: relative forms and a date a week from `today`.
    func followUpExamples(today: CalendarDay) -> String {
        let day = date(today.adding(days: 7))
        return pick("e.g. +3d, tomorrow, next monday, \(day)", "z. B. +3T, morgen, Montag, \(day)")
    }
}
