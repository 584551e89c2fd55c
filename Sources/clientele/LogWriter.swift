import CustomerStore
import Dashboard
import Foundation
import Scoring

/// The dashboard's writes for logging: the form's draft into store records (one `IMMEDIATE`
/// transaction through `logTouchpoint`, which also closes open complaints for a resolved one), the rescoring after it, and undo. Used by the
/// runtime and by `clientele bench log`, so the benchmark times exactly what the UI does.
enum LogWriter {
    /// When the interaction happened: now — or, when the dashboard runs as of an earlier day
    /// (`--as-of`), the last second of that day (UTC, as the model's days are), so the new
    /// touch counts for the day the scores are for.
    static func occurredAt(now: Int64, today: CalendarDay) -> Int64 {
        min(now, today.adding(days: 1).startUnixSeconds - 1)
    }

    /// Stores the draft and its answers; returns what undo needs.
    static func save(_ draft: InteractionDraft, in store: CustomerStore, today: CalendarDay, now: Int64)
        throws -> LoggedInteraction
    {
        let at = occurredAt(now: now, today: today)
        let interaction = InteractionRecord(
            id: 0, customerID: draft.customerID, occurredAt: at, channel: draft.channel,
            direction: draft.direction, kind: draft.kind, outcome: draft.outcome, note: draft.note,
            author: CurrentUser.name, followUpOn: draft.followUp,
            complaintStatus: draft.kind == .complaint ? (draft.complaint ?? .open) : nil,
            resolvedAt: draft.kind == .complaint && draft.complaint == .resolved ? at : nil, createdAt: now)
        var answers: [FeedbackRecord] = []
        if let nps = draft.nps {
            answers.append(
                FeedbackRecord(
                    id: 0, customerID: draft.customerID, givenAt: at, metric: .nps, npsType: draft.npsType,
                    score: nps))
        }
        if let csat = draft.csat {
            answers.append(
                FeedbackRecord(id: 0, customerID: draft.customerID, givenAt: at, metric: .csat, score: csat))
        }
        if let ces = draft.ces {
            answers.append(
                FeedbackRecord(id: 0, customerID: draft.customerID, givenAt: at, metric: .ces, score: ces))
        }
        let stored = try store.logTouchpoint(interaction, feedback: answers, markingDoneOn: draft.markDoneOn)
        return LoggedInteraction(
            id: stored.id, customerID: draft.customerID, customerName: draft.customerName,
            channel: draft.channel, createdAt: now, markedDoneOn: draft.markDoneOn,
            closedComplaintIDs: stored.closedComplaintIDs)
    }

    /// Rescores one customer with the stored population model, as `clientele log` does. A
    /// failure here does not undo the save: the row is stored, the scores catch up at the next
    /// `clientele score`.
    static func rescore(_ customerID: Int64, _ store: CustomerStore, _ today: CalendarDay) -> RescoreOutcome {
        do {
            return try Rescoring.one(store, customerID: customerID, today: today) == nil
                ? .notScored : .rescored
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// Removes exactly the row this session logged and reopens the complaints it closed; false
    /// when it is already gone.
    static func undo(_ entry: LoggedInteraction, in store: CustomerStore) throws -> Bool {
        guard
            try store.deleteInteraction(
                id: entry.id, customerID: entry.customerID, createdAt: entry.createdAt,
                reopening: entry.closedComplaintIDs)
        else { return false }
        if let day = entry.markedDoneOn {
            try store.unmarkCallListEntry(customerID: entry.customerID, markedOn: day)
        }
        return true
    }

    /// A call-session outcome key: the call through `save` (the same transaction and dating as
    /// the log form), marked done for the day in that transaction, then the rescoring. Returns the logged
    /// row (undo lifts the mark too) and, when the call is saved but the rescoring failed, why.
    static func saveCall(_ request: CallOutcomeRequest, in store: CustomerStore, now: Int64) throws
        -> (LoggedInteraction, String?)
    {
        let draft = InteractionDraft(
            customerID: request.customerID, customerName: request.name, channel: .call,
            direction: .outbound, kind: request.kind, outcome: request.outcome, followUp: request.followUp,
            markDoneOn: request.today)
        let logged = try save(draft, in: store, today: request.today, now: now)
        if case .failed(let reason) = rescore(request.customerID, store, request.today) {
            return (logged, "the call is saved, but the customer could not be rescored: \(reason)")
        }
        return (logged, nil)
    }
}

/// Who is logging: `$USER`, else `$LOGNAME`, else the account's name. A touchpoint says who
/// made it; under tmux, cron or a container `USER` is often unset, and dashboard logs were
/// stored without an author.
enum CurrentUser {
    static var name: String? {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
