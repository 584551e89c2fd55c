import GRDB
import Scoring

extension CustomerStore {
    /// Marks a customer's call-list row: done or skipped hides it for the rest of `today`,
    /// snoozed hides it until `until` (it is back on that day). One `IMMEDIATE` transaction; the
    /// customer's earlier mark is replaced. A snooze that does not end after `today`, or an
    /// unknown customer, is refused and nothing changes.
    /// Returns the state stored and the one it replaced (for undo).
    @discardableResult
    public func markCallListEntry(
        customerID: Int64, _ mark: CallListMark, today: CalendarDay, until: CalendarDay? = nil, at now: Int64
    ) throws(StoreError) -> (made: CallListState, previous: CallListState?) {
        let hiddenUntil: CalendarDay
        switch mark {
        case .done, .skipped:
            hiddenUntil = today.adding(days: 1)
        case .snoozed:
            guard let until else { throw StoreError.constraint("a snooze needs the day it ends") }
            guard until > today else {
                throw StoreError.constraint(
                    "a snooze must end after \(today.iso) (got \(until.iso)); use done or skip for today")
            }
            hiddenUntil = until
        }
        return try write { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID])
                    ?? false
            else { throw StoreError.customerNotFound("id \(customerID)") }
            let previous = try Self.storedState(db, customerID: customerID)
            try Self.storeMark(
                db, customerID: customerID, mark, today: today, hiddenUntil: hiddenUntil, at: now)
            return (
                CallListState(customerID: customerID, mark: mark, markedOn: today, hiddenUntil: hiddenUntil),
                previous
            )
        }
    }

    /// Undo of a mark: puts `previous` back (or no state at all) in one transaction, but only
    /// while `made` is still the stored state; a mark made since (again, or by a colleague)
    /// stays, and the answer is false.
    public func restoreCallListState(
        replacing made: CallListState, with previous: CallListState?, at now: Int64
    )
        throws(StoreError) -> Bool
    {
        try write { db in
            guard try Self.storedState(db, customerID: made.customerID) == made else { return false }
            if let previous {
                try Self.storeMark(
                    db, customerID: previous.customerID, previous.mark, today: previous.markedOn,
                    hiddenUntil: previous.hiddenUntil, at: now)
            } else {
                try db.execute(
                    sql: "DELETE FROM call_list_state WHERE customer_id = ?", arguments: [made.customerID])
            }
            return true
        }
    }

    /// Replaces the customer's call-list mark, inside the caller's transaction.
    static func storeMark(
        _ db: Database, customerID: Int64, _ mark: CallListMark, today: CalendarDay, hiddenUntil: CalendarDay,
        at now: Int64
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO call_list_state (customer_id, mark, marked_on, hidden_until, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET mark = excluded.mark,
                    marked_on = excluded.marked_on, hidden_until = excluded.hidden_until,
                    updated_at = excluded.updated_at
                """,
            arguments: [customerID, mark.rawValue, today.iso, hiddenUntil.iso, now])
    }

    /// Lifts a "done" mark made on `markedOn` (undoing a call-session call); a later or other
    /// mark stays. One `IMMEDIATE` transaction.
    public func unmarkCallListEntry(customerID: Int64, markedOn: CalendarDay) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM call_list_state WHERE customer_id = ? AND mark = 'done' AND marked_on = ?",
                arguments: [customerID, markedOn.iso])
        }
    }

    /// The customer's latest call-list mark, if any.
    public func callListState(customerID: Int64) throws(StoreError) -> CallListState? {
        try read { db in try Self.storedState(db, customerID: customerID) }
    }

    static func storedState(_ db: Database, customerID: Int64) throws -> CallListState? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT mark, marked_on, hidden_until FROM call_list_state WHERE customer_id = ?",
                arguments: [customerID]),
            let mark = CallListMark(rawValue: row["mark"] as String),
            let markedOn = CalendarDay(iso: row["marked_on"] as String),
            let hiddenUntil = CalendarDay(iso: row["hidden_until"] as String)
        else { return nil }
        return CallListState(customerID: customerID, mark: mark, markedOn: markedOn, hiddenUntil: hiddenUntil)
    }
}
