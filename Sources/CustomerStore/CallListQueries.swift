import Foundation
import GRDB
import Scoring

extension CustomerStore {
    /// Today's call list: every scored customer whose next action is due by `today`, ranked by
    /// urgency — due follow-ups first, then open complaints — and then by value at stake.
    public func callList(today: CalendarDay, filter: CallListFilter = CallListFilter()) throws(StoreError)
        -> [CallListEntry]
    {
        var conditions = ["s.next_action IS NOT NULL", "s.next_action_due <= :today"]
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
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        let sql = """
            SELECT c.id, c.external_id, c.name, c.company, c.phone, c.email, c.owner, s.segment, s.churn_risk,
                s.risk_band, s.value_at_stake_minor, s.next_action, s.next_action_due, s.actions, s.reasons,
                s.last_touch_at
            FROM scores s JOIN customers c ON c.id = s.customer_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY CASE s.next_action WHEN 'follow-up' THEN 0 WHEN 'resolve-complaint' THEN 1 ELSE 2 END,
                s.value_at_stake_minor DESC, c.id\(limit)
            """
        return try read { db in
            let decoder = JSONDecoder()
            var entries: [CallListEntry] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let actions = (row["actions"] as String?).flatMap {
                    try? decoder.decode([SuggestedAction].self, from: Data($0.utf8))
                }
                let reasons = (row["reasons"] as String?).flatMap {
                    try? decoder.decode([WeightedReason].self, from: Data($0.utf8))
                }
                // The columns are the truth for what and when; the JSON adds the detail figure.
                var action = actions?.first
                if action == nil,
                    let kind = (row["next_action"] as String?).flatMap(ActionKind.init(rawValue:)),
                    let due = (row["next_action_due"] as String?).flatMap({ CalendarDay(iso: $0) })
                {
                    action = SuggestedAction(kind: kind, ruleID: "", due: due, priority: 0)
                }
                entries.append(
                    CallListEntry(
                        rank: entries.count + 1, customerID: row["id"], externalID: row["external_id"],
                        name: row["name"],
                        company: row["company"], phone: row["phone"], email: row["email"],
                        owner: row["owner"],
                        segment: (row["segment"] as String?).flatMap(Segment.init(rawValue:)),
                        risk: row["churn_risk"],
                        band: RiskBand(rawValue: row["risk_band"]) ?? .low,
                        valueAtStakeMinor: row["value_at_stake_minor"],
                        action: action, topReason: reasons?.first?.reason, due: action?.due,
                        lastTouch: (row["last_touch_at"] as Int64?).map(CalendarDay.init(unixSeconds:))))
            }
            return entries
        }
    }
}
