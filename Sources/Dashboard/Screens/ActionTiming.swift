import Scoring

/// When a suggested action is due as seen today, the same on every screen.
///
/// An overdue follow-up is suggested for the scoring day (or later, after a recent contact);
/// its detail holds how many days late the promise already was then. Counting from its due
/// day alone would say "today" for a promise weeks late; the user sees that lateness plus
/// the days since.
enum ActionTiming {
    /// Days until due (negative: days late), as `Catalog.due(inDays:)` takes them.
    static func dueInDays(kind: ActionKind, due: CalendarDay, detail: Int?, today: CalendarDay) -> Int {
        let lateAtScoring = kind == .followUp ? max(0, -(detail ?? 0)) : 0
        return lateAtScoring > 0
            ? -(lateAtScoring + max(0, due.days(until: today)))
            : today.days(until: due)
    }
}
