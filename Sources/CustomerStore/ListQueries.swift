import Foundation
import GRDB
import Scoring

/// The named queries of the dashboard: list pages, list counts, the overview's figures and one
/// customer's detail. Every list page is a keyset range scan over an index (never OFFSET), so
/// the millionth row costs what the first does; `explainCustomerListPage` shows the plan.
extension CustomerStore {
    /// One page of the customer list in `query`'s order, starting at `position`.
    ///
    /// Rows come back in list order even for `.last` and `.before` (which scan backwards).
    public func customerListPage(_ query: CustomerListQuery, position: PagePosition, limit: Int)
        throws(StoreError) -> CustomerListPage
    {
        let plan = ListSQL(query: query)
        return try read { db in try plan.page(db, position: position, limit: max(1, limit)) }
    }

    /// A page of `limit` rows around customer `customerID` as the list orders them now: up to
    /// `before` rows ahead of them, then the customer, then what follows. When the customer is
    /// no longer in the list (filtered out, erased), the page at `otherwise` instead, with
    /// `anchorIndex` nil. One read, so the customer's key and both sides come from one snapshot.
    public func customerListPage(
        _ query: CustomerListQuery, around customerID: Int64, before: Int, otherwise: PagePosition, limit: Int
    ) throws(StoreError) -> CustomerListPage {
        let plan = ListSQL(query: query)
        let limit = max(1, limit)
        return try read { db in
            guard
                let anchor = try Row.fetchOne(
                    db, sql: plan.rowSQL, arguments: StatementArguments(plan.filterArguments + [customerID]))
            else { return try plan.page(db, position: otherwise, limit: limit) }
            let row = plan.row(anchor)
            let ahead =
                before > 0
                ? try plan.page(db, position: .before(row.cursor), limit: min(before, limit - 1))
                : CustomerListPage(rows: [], hasMore: true)
            let hasMoreBefore =
                before > 0 ? ahead.hasMore : try plan.hasRows(db, position: .before(row.cursor))
            var rows = ahead.rows + [row]
            var hasMore = false
            if rows.count < limit {
                let behind = try plan.page(db, position: .after(row.cursor), limit: limit - rows.count)
                rows += behind.rows
                hasMore = behind.hasMore
            } else {
                hasMore = try plan.hasRows(db, position: .after(row.cursor))
            }
            return CustomerListPage(
                rows: rows, hasMore: hasMore, anchorIndex: ahead.rows.count, hasMoreBefore: hasMoreBefore)
        }
    }

    /// How many customers `query` matches (a scan: run it off the UI thread on large stores).
    public func customerListCount(_ query: CustomerListQuery) throws(StoreError) -> Int {
        let plan = ListSQL(query: query)
        return try read { db in
            try Int.fetchOne(db, sql: plan.countSQL, arguments: StatementArguments(plan.filterArguments)) ?? 0
        }
    }

    /// How many rows come before `cursor` in `query`'s order: the 0-based position of the
    /// cursor's customer. An index range count: 0.03-0.06 s for about half of 1M customers by
    /// risk or by name in the `sqlite3` shell (counting through the page query's join took
    /// 1.2-2.8 s); a filter on the other table's columns brings the join back, so run it off
    /// the UI thread.
    public func customerListRank(_ query: CustomerListQuery, cursor: ListCursor) throws(StoreError) -> Int {
        let plan = ListSQL(query: query)
        return try read { db in
            try plan.parts(for: .before(cursor)).reduce(0) { sum, part in
                sum
                    + (try Int.fetchOne(db, sql: part.countSQL, arguments: StatementArguments(part.arguments))
                        ?? 0)
            }
        }
    }

    /// SQLite's plan for each statement a page at `position` runs (the `detail` column of
    /// EXPLAIN QUERY PLAN), so tests can check that no sort over the whole table happens.
    public func explainCustomerListPage(_ query: CustomerListQuery, position: PagePosition)
        throws(StoreError) -> [[String]]
    {
        let plan = ListSQL(query: query)
        return try read { db in
            try plan.parts(for: position).map { part in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + part.sql + " LIMIT 51",
                    arguments: StatementArguments(part.arguments)
                ).map { $0["detail"] as String? ?? "" }
            }
        }
    }
}

/// The SQL of one list query: which table drives the scan, which columns form the keyset, and
/// the filters. A nullable sort column splits the order into a NULL part and a non-NULL part,
/// each an index range of its own, because `(key, id) > (?, ?)` never matches a NULL key.
struct ListSQL {
    /// One statement of a page, without its LIMIT.
    struct Part {
        var sql: String
        /// How many rows the part holds (`arguments` fit it too): the same conditions over
        /// `countFrom`, no columns, no order.
        var countSQL: String
        var arguments: [(any DatabaseValueConvertible)?]
    }

    let query: CustomerListQuery
    /// Sort key expressions, most significant first.
    let keys: [String]
    /// Whether the (single) sort key can be NULL.
    let nullable: Bool
    /// Whether NULL keys come after the others in ascending order. Next action: a customer
    /// without one goes after the soonest due (and first in descending order, its reverse).
    /// Last touch keeps SQLite's NULLs first: never touched is the longest untouched.
    let nullsLast: Bool
    let idColumn: String
    let from: String
    let filters: [String]
    let filterArguments: [(any DatabaseValueConvertible)?]

    init(query: CustomerListQuery) {
        self.query = query
        switch query.sort {
        case .name:
            keys = ["c.sort_name"]
            nullable = false
            idColumn = "c.id"
            from = "customers c LEFT JOIN scores s ON s.customer_id = c.id"
        case .segment:
            // In business order, one range per segment (`segmentParts`), then by risk.
            keys = ["s.segment", "s.churn_risk"]
            nullable = false
            idColumn = "s.customer_id"
            from = "scores s JOIN customers c ON c.id = s.customer_id"
        case .risk, .value, .lastTouch, .nextAction:
            let column =
                switch query.sort {
                case .risk: "s.churn_risk"
                case .value: "s.value_minor"
                case .lastTouch: "s.last_touch_at"
                default: "s.next_action_due"
                }
            keys = [column]
            nullable = query.sort == .lastTouch || query.sort == .nextAction
            idColumn = "s.customer_id"
            from = "scores s JOIN customers c ON c.id = s.customer_id"
        }
        nullsLast = query.sort == .nextAction
        var filters: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if query.sort == .segment { filters.append("s.segment IS NOT NULL") }
        let filter = query.filter
        if let segment = filter.segment {
            filters.append("s.segment = ?")
            arguments.append(segment.rawValue)
        }
        if let band = filter.band {
            filters.append("s.risk_band = ?")
            arguments.append(band.rawValue)
        }
        if let tier = filter.tier {
            filters.append("s.value_tier = ?")
            arguments.append(tier.rawValue)
        }
        if let owner = filter.owner {
            filters.append("c.owner = ?")
            arguments.append(owner)
        }
        if let relationship = filter.relationship {
            filters.append("c.relationship_type = ?")
            arguments.append(relationship.rawValue)
        }
        if let search = Self.searchFilter(query.search) {
            filters.append(search.sql)
            arguments += search.arguments
        }
        self.filters = filters
        self.filterArguments = arguments
    }

    /// The search as one condition: names, companies, emails and cities by full text, and
    /// customer and phone numbers by ``NumberSearch``, one set of ids each part adds to.
    static func searchFilter(_ text: String) -> (sql: String, arguments: [(any DatabaseValueConvertible)?])? {
        var parts: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let match = CustomerStore.ftsQuery(text) {
            parts.append("SELECT rowid FROM customer_search WHERE customer_search MATCH ?")
            arguments.append(match)
        }
        for part in NumberSearch.parts(text) {
            parts.append(part.sql)
            arguments += part.arguments.map { $0 }
        }
        guard !parts.isEmpty else { return nil }
        return ("c.id IN (" + parts.joined(separator: " UNION ALL ") + ")", arguments)
    }

    static let columns = """
        c.id, c.name, c.company, c.owner, c.relationship_type, s.segment, s.churn_risk, s.risk_band,
        s.value_tier, s.value_minor, s.clv_minor, s.last_touch_at, s.next_action, s.next_action_due,
        CASE WHEN s.next_action = 'follow-up' THEN json_extract(s.actions, '$[0].detail') END
            AS next_action_detail
        """

    /// What a count reads: the join only when a filter looks at the other table's columns.
    /// Each customer has at most one score, so the join never changes a count, only its cost:
    /// a sort counts its own index alone (see `customerListRank`).
    var countFrom: String {
        if query.sort == .name {
            let filter = query.filter
            return filter.segment != nil || filter.band != nil || filter.tier != nil ? from : "customers c"
        }
        let needsCustomers =
            query.filter.owner != nil || query.filter.relationship != nil
            || Self.searchFilter(query.search) != nil
        return needsCustomers ? from : "scores s"
    }

    var countSQL: String {
        "SELECT count(*) FROM \(countFrom)"
            + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "))
    }

    /// One page at `position`, in list order.
    func page(_ db: Database, position: PagePosition, limit: Int) throws -> CustomerListPage {
        var rows: [CustomerListRow] = []
        var hasMore = false
        for part in parts(for: position) {
            let wanted = limit + 1 - rows.count
            let fetched = try Row.fetchAll(
                db, sql: part.sql + " LIMIT \(wanted)", arguments: StatementArguments(part.arguments))
            rows += fetched.map(row)
            if rows.count > limit {
                hasMore = true
                rows.removeLast(rows.count - limit)
                break
            }
        }
        if isBackward(position) { rows.reverse() }
        return CustomerListPage(rows: rows, hasMore: hasMore)
    }

    /// Whether any row lies at `position` (one row fetched at most).
    func hasRows(_ db: Database, position: PagePosition) throws -> Bool {
        try !page(db, position: position, limit: 1).rows.isEmpty
    }

    /// One customer's row if the query's filters keep them; its only argument after the
    /// filters' is the customer id.
    var rowSQL: String {
        let keyColumns = keys.enumerated().map { "\($0.element) AS key\($0.offset)" }.joined(separator: ", ")
        let conditions = filters + ["\(idColumn) = ?"]
        return "SELECT \(Self.columns), \(keyColumns) FROM \(from) WHERE "
            + conditions.joined(separator: " AND ")
    }

    /// Whether a page at `position` is fetched against the list's order.
    func isBackward(_ position: PagePosition) -> Bool {
        switch position {
        case .first, .after: false
        case .last, .before: true
        }
    }

    /// The statements that fetch a page, in scan order: one, or two when a nullable key's NULL
    /// part and non-NULL part are both ahead of the cursor.
    func parts(for position: PagePosition) -> [Part] {
        let backward = isBackward(position)
        let ascending = (query.direction == .ascending) != backward
        let cursor: ListCursor? =
            switch position {
            case .first, .last: nil
            case .after(let cursor), .before(let cursor): cursor
            }
        if query.sort == .segment { return segmentParts(ascending: ascending, cursor: cursor) }
        guard nullable else { return [rangePart(ascending: ascending, cursor: cursor, nullKey: nil)] }
        // The scan meets the NULL part first when it runs towards the NULLs' end of the order:
        // ascending with NULLs first, or descending with NULLs last. A cursor in the part met
        // first leads into the other part; a cursor in the part met second stays in it.
        let nullPartFirst = ascending != nullsLast
        let cursorInNullPart = cursor.map { $0.values.first == .null } ?? false
        let nullPart = rangePart(ascending: ascending, cursor: cursorInNullPart ? cursor : nil, nullKey: true)
        if nullPartFirst {
            let rest = rangePart(
                ascending: ascending, cursor: cursorInNullPart ? nil : cursor, nullKey: false)
            return cursor == nil || cursorInNullPart ? [nullPart, rest] : [rest]
        }
        if cursorInNullPart { return [nullPart] }
        return [rangePart(ascending: ascending, cursor: cursor, nullKey: false), nullPart]
    }

    /// The segments in the order the business reads them (and the overview shows them):
    /// Champions first, Lost last, then prospects without a purchase.
    static let segmentOrder = Segment.allCases

    /// The segment sort: one index range of `scores_by_segment` per segment, in business order
    /// (reversed for descending or a backward page), from the cursor's segment on. Sorting by
    /// a CASE over the slugs would sort the whole table for every page; twelve short ranges,
    /// each `segment = ?` ordered by risk and id, read only the rows shown.
    private func segmentParts(ascending: Bool, cursor: ListCursor?) -> [Part] {
        var segments = query.filter.segment.map { [$0] } ?? Self.segmentOrder
        if !ascending { segments.reverse() }
        var cursorSegment: Segment?
        if let cursor {
            guard case .text(let slug)? = cursor.values.first, let segment = Segment(rawValue: slug),
                let index = segments.firstIndex(of: segment)
            else { return [] }
            segments.removeFirst(index)
            cursorSegment = segment
        }
        let order = ascending ? "ASC" : "DESC"
        let comparison = ascending ? ">" : "<"
        return segments.map { segment in
            var conditions = filters + ["s.segment = ?"]
            var arguments = filterArguments + [segment.rawValue]
            if segment == cursorSegment, let cursor, cursor.values.count == 2 {
                conditions.append("(s.churn_risk, \(idColumn)) \(comparison) (?, ?)")
                arguments += [Self.databaseValue(cursor.values[1]), cursor.customerID]
            }
            let keyColumns = keys.enumerated().map { "\($0.element) AS key\($0.offset)" }
                .joined(separator: ", ")
            let condition = " WHERE " + conditions.joined(separator: " AND ")
            return Part(
                sql: "SELECT \(Self.columns), \(keyColumns) FROM \(from)\(condition) ORDER BY "
                    + "s.churn_risk \(order), \(idColumn) \(order)",
                countSQL: "SELECT count(*) FROM \(countFrom)\(condition)", arguments: arguments)
        }
    }

    /// One index range: keys (or only the id inside the NULL part) compared with the cursor.
    private func rangePart(ascending: Bool, cursor: ListCursor?, nullKey: Bool?) -> Part {
        var conditions = filters
        var arguments = filterArguments
        let order = ascending ? "ASC" : "DESC"
        let comparison = ascending ? ">" : "<"
        var orderBy: [String]
        switch nullKey {
        case true?:
            conditions.append("\(keys[0]) IS NULL")
            orderBy = []
            if let cursor {
                conditions.append("\(idColumn) \(comparison) ?")
                arguments.append(cursor.customerID)
            }
        case false?, nil:
            if nullKey == false { conditions.append("\(keys[0]) IS NOT NULL") }
            orderBy = keys.map { "\($0) \(order)" }
            if let cursor, cursor.values.count == keys.count {
                let tuple = (keys + [idColumn]).joined(separator: ", ")
                let marks = Array(repeating: "?", count: keys.count + 1).joined(separator: ", ")
                conditions.append("(\(tuple)) \(comparison) (\(marks))")
                arguments += cursor.values.map(Self.databaseValue) + [cursor.customerID]
            }
        }
        orderBy.append("\(idColumn) \(order)")
        let keyColumns = keys.enumerated().map { "\($0.element) AS key\($0.offset)" }.joined(separator: ", ")
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return Part(
            sql: "SELECT \(Self.columns), \(keyColumns) FROM \(from)\(condition) ORDER BY "
                + orderBy.joined(separator: ", "),
            countSQL: "SELECT count(*) FROM \(countFrom)\(condition)", arguments: arguments)
    }

    private static func databaseValue(_ value: SortValue) -> (any DatabaseValueConvertible)? {
        switch value {
        case .null: nil
        case .integer(let number): number
        case .real(let number): number
        case .text(let text): text
        }
    }

    private static func sortValue(_ value: DatabaseValue) -> SortValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob: .null
        }
    }

    func row(_ row: Row) -> CustomerListRow {
        let id: Int64 = row["id"]
        let values = keys.indices.map { Self.sortValue(row["key\($0)"] ?? .null) }
        let lastTouch: Int64? = row["last_touch_at"]
        let due: String? = row["next_action_due"]
        return CustomerListRow(
            id: id, name: row["name"], company: row["company"], owner: row["owner"],
            relationship: (row["relationship_type"] as String?).flatMap(RelationshipType.init(rawValue:)),
            segment: (row["segment"] as String?).flatMap(Segment.init(rawValue:)),
            churnRisk: row["churn_risk"],
            band: (row["risk_band"] as String?).flatMap(RiskBand.init(rawValue:)),
            tier: (row["value_tier"] as String?).flatMap(ValueTier.init(rawValue:)),
            valueMinor: row["value_minor"], clvMinor: row["clv_minor"],
            lastTouch: lastTouch.map { CalendarDay(unixSeconds: $0) },
            nextAction: (row["next_action"] as String?).flatMap(ActionKind.init(rawValue:)),
            nextActionDue: due.flatMap { CalendarDay(iso: $0) },
            nextActionDetail: (row["next_action_detail"] as Int64?).map { Int(clamping: $0) },
            cursor: ListCursor(values: values, customerID: id))
    }
}
