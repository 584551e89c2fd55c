import Foundation
import GRDB
import GRDBSQLite
import Scoring

extension CustomerStore {
    /// Today's call list: every scored customer whose next action is due by `today` and who is
    /// not done, skipped or snoozed for `today` (``CallListState``), ranked by urgency — due
    /// follow-ups first, then open complaints — and then by value at stake.
    ///
    /// The one source of the ranking for the dashboard's call list and `clientele calllist`.
    /// A hundred thousand rows are read in a fraction of a second: the statement is stepped with
    /// the C API by column index, and only the first stored action and reason are decoded, by a
    /// scanner for the JSON the store itself writes (``ScoreJSON``), not by `JSONDecoder`.
    public func callList(today: CalendarDay, filter: CallListFilter = CallListFilter()) throws(StoreError)
        -> [CallListEntry]
    {
        let (conditions, arguments) = Self.callListConditions(today: today, filter: filter)
        // A small LIMIT lets SQLite keep only the top rows; a large one makes it keep them in an
        // ephemeral b-tree, which took twice as long as sorting everything for 96,502 rows. Large
        // limits are applied while stepping instead.
        let maximum = filter.limit.map { max(0, $0) } ?? .max
        let limit = maximum <= Self.sqlLimitUpTo ? " LIMIT \(maximum)" : ""
        let sql = """
            SELECT c.id, c.external_id, c.name, c.company, c.phone, c.email, c.owner, s.segment, s.churn_risk,
                s.risk_band, s.value_at_stake_minor, s.next_action, s.next_action_due, s.actions, s.reasons,
                s.last_touch_at
            FROM scores s JOIN customers c ON c.id = s.customer_id
            WHERE \(conditions)
            ORDER BY CASE s.next_action WHEN 'follow-up' THEN 0 WHEN 'resolve-complaint' THEN 1 ELSE 2 END,
                s.value_at_stake_minor DESC, c.id\(limit)
            """
        return try read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var entries: [CallListEntry] = []
            func text(_ column: Int32) -> String? {
                guard let bytes = sqlite3_column_text(handle, column) else { return nil }
                let count = Int(sqlite3_column_bytes(handle, column))
                return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
            }
            func bytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
                let start = sqlite3_column_text(handle, column)
                let count = start == nil ? 0 : Int(sqlite3_column_bytes(handle, column))
                return body(UnsafeBufferPointer(start: start, count: count))
            }
            while entries.count < maximum {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                // The columns are the truth for what and when; the JSON adds the detail figure.
                var action = bytes(13) { StoredJSON.firstAction($0) }
                if action == nil, let kind = text(11).flatMap(ActionKind.init(rawValue:)),
                    let due = text(12).flatMap({ CalendarDay(iso: $0) })
                {
                    action = SuggestedAction(kind: kind, ruleID: "", due: due, priority: 0)
                }
                let lastTouch =
                    sqlite3_column_type(handle, 15) == SQLITE_NULL
                    ? nil : CalendarDay(unixSeconds: sqlite3_column_int64(handle, 15))
                entries.append(
                    CallListEntry(
                        rank: entries.count + 1, customerID: sqlite3_column_int64(handle, 0),
                        externalID: text(1), name: text(2) ?? "", company: text(3), phone: text(4),
                        email: text(5), owner: text(6), segment: text(7).flatMap(Segment.init(rawValue:)),
                        risk: sqlite3_column_double(handle, 8),
                        band: text(9).flatMap(RiskBand.init(rawValue:)) ?? .low,
                        valueAtStakeMinor: sqlite3_column_int64(handle, 10),
                        action: action, topReason: bytes(14) { StoredJSON.firstReason($0) }, due: action?.due,
                        lastTouch: lastTouch))
            }
            return entries
        }
    }

    /// The largest limit given to SQLite as `LIMIT` (see ``callList(today:filter:)``).
    static let sqlLimitUpTo = 10_000

    /// How many customers today's call list holds with `filter` (its limit ignored).
    public func callListCount(today: CalendarDay, filter: CallListFilter = CallListFilter())
        throws(StoreError) -> Int
    {
        let (conditions, arguments) = Self.callListConditions(today: today, filter: filter)
        return try read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM scores s JOIN customers c ON c.id = s.customer_id WHERE \(conditions)",
                arguments: arguments) ?? 0
        }
    }

    /// The WHERE clause shared by the list and its count, so the two cannot disagree.
    static func callListConditions(today: CalendarDay, filter: CallListFilter) -> (
        String, StatementArguments
    ) {
        var conditions = [
            "s.next_action IS NOT NULL", "s.next_action_due <= :today",
            """
            NOT EXISTS (SELECT 1 FROM call_list_state m WHERE m.customer_id = s.customer_id
                AND m.marked_on <= :today AND m.hidden_until > :today)
            """,
        ]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today.iso]
        if let owner = filter.owner {
            conditions.append("c.owner = :owner")
            arguments["owner"] = owner
        }
        if let segment = filter.segment {
            conditions.append("s.segment = :segment")
            arguments["segment"] = segment.rawValue
        }
        if let band = filter.band {
            conditions.append("s.risk_band = :band")
            arguments["band"] = band.rawValue
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}

extension CustomerStore {
    /// The benchmark's baseline: the call list's rows and columns as the `sqlite3` shell can export
    /// them on its own (same WHERE, order and limit; risk, money and dates formatted by SQL; the
    /// stored action and reason as their JSON, since sentences need the catalogue).
    public static func callListBaselineSQL(today: CalendarDay, limit: Int) -> String {
        let (conditions, _) = callListConditions(today: today, filter: CallListFilter())
        let order = """
            CASE s.next_action WHEN 'follow-up' THEN 0 WHEN 'resolve-complaint' THEN 1 ELSE 2 END,
                s.value_at_stake_minor DESC, c.id
            """
        return """
            SELECT row_number() OVER (ORDER BY \(order)) AS rank, c.id AS customer_id, c.external_id, c.name,
                c.company, c.phone, c.email, c.owner, s.segment, printf('%.3f', s.churn_risk) AS risk,
                s.risk_band AS band, printf('%.2f', s.value_at_stake_minor / 100.0) AS value_at_stake,
                json_extract(s.actions, '$[0]') AS action, json_extract(s.reasons, '$[0].reason') AS reason,
                s.next_action_due AS due, date(s.last_touch_at, 'unixepoch') AS last_touch
            FROM scores s JOIN customers c ON c.id = s.customer_id
            WHERE \(conditions.replacingOccurrences(of: ":today", with: "'\(today.iso)'"))
            ORDER BY \(order) LIMIT \(max(0, limit))
            """
    }
}

extension CustomerStore {
    /// Whether any customer has exactly this owner (the call list's `--owner` filter), and
    /// otherwise the owners there are, sorted (at most `limit`), so a typo can be named.
    public func ownerCheck(_ owner: String, limit: Int = 20) throws(StoreError) -> (
        known: Bool, owners: [String]
    ) {
        try read { db in
            let known =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM customers WHERE owner = ?)", arguments: [owner])
                ?? false
            if known { return (true, []) }
            let owners = try String.fetchAll(
                db,
                sql: "SELECT DISTINCT owner FROM customers WHERE owner IS NOT NULL ORDER BY owner LIMIT ?",
                arguments: [limit])
            return (false, owners)
        }
    }
}
