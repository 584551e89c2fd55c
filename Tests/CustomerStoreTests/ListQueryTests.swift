import GRDB
import Scoring
import Testing

@testable import CustomerStore

/// The dashboard's list pages: keyset paging returns exactly what one big ORDER BY would, in
/// both directions and for every sort column, and every page is an index range scan.
@Suite("Customer list queries")
struct ListQueryTests {
    let folder: TemporaryFolder
    let store: CustomerStore

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("list.sqlite"))
        let names = [
            "Müller", "Mueller", "Özdemir", "Zoë", "Ångström", "山田", "Becker", "becker", "Weiß", "Adams",
        ]
        let segments = ["champions", "loyal", "at-risk", "lost", "new"]
        let owners = ["Anna", "Ben"]
        for index in 1...63 {
            try store.insert(
                CustomerRecord(
                    id: Int64(index), name: "\(names[index % names.count]) \(index / 7)",
                    city: index % 3 == 0 ? "Köln" : "Bern", owner: owners[index % 2],
                    relationshipType: index % 4 == 0 ? .relationship : .transactional, createdAt: 0))
        }
        // Customer 63 stays unscored; ties in every key, NULLs in the nullable ones.
        try store.write { db in
            for id in 1...62 {
                let risk = Double(id % 9) / 10
                try db.execute(
                    sql: """
                        INSERT INTO scores (customer_id, model_version, scored_at, as_of, segment, churn_risk,
                            risk_band, value_tier, value_minor, clv_minor, last_touch_at, next_action,
                            next_action_due)
                        VALUES (?, 'test', 0, '2025-06-30', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, segments[id % segments.count], risk,
                        risk > 0.6 ? "high" : risk > 0.3 ? "medium" : "low",
                        ["A", "B", "C"][id % 3], (id % 5) * 1000, id * 100,
                        id % 4 == 0 ? nil : Int64(1_700_000_000 + (id % 6) * 86_400),
                        id % 5 == 0 ? nil : "follow-up", id % 5 == 0 ? nil : "2025-07-0\(id % 7 + 1)",
                    ])
            }
        }
    }

    /// The same rows in one ORDER BY, the reference keyset paging must match.
    private func referenceOrder(_ query: CustomerListQuery) throws -> [Int64] {
        let plan = ListSQL(query: query)
        let direction = query.direction == .ascending ? "ASC" : "DESC"
        // NULL keys: SQLite's own place (first when ascending) unless the plan puts them last.
        let nulls = plan.nullsLast ? ["\(plan.keys[0]) IS NULL"] : []
        // Segments in the business order (Segment.allCases), written out here as one CASE.
        let businessOrder =
            "CASE s.segment "
            + Segment.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
            .joined(separator: " ") + " END"
        let keys = plan.keys.map { $0 == "s.segment" ? businessOrder : $0 }
        let order = (nulls + keys + [plan.idColumn]).map { "\($0) \(direction)" }.joined(separator: ", ")
        let filters = plan.filters.isEmpty ? "" : " WHERE " + plan.filters.joined(separator: " AND ")
        return try store.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT c.id FROM \(plan.from)\(filters) ORDER BY \(order)",
                arguments: StatementArguments(plan.filterArguments))
        }
    }

    private func forwardPages(_ query: CustomerListQuery, size: Int) throws -> [Int64] {
        var ids: [Int64] = []
        var page = try store.customerListPage(query, position: .first, limit: size)
        ids += page.rows.map(\.id)
        while page.hasMore, let last = page.rows.last {
            page = try store.customerListPage(query, position: .after(last.cursor), limit: size)
            ids += page.rows.map(\.id)
        }
        return ids
    }

    private func backwardPages(_ query: CustomerListQuery, size: Int) throws -> [Int64] {
        var ids: [Int64] = []
        var page = try store.customerListPage(query, position: .last, limit: size)
        ids = page.rows.map(\.id)
        while page.hasMore, let first = page.rows.first {
            page = try store.customerListPage(query, position: .before(first.cursor), limit: size)
            ids = page.rows.map(\.id) + ids
        }
        return ids
    }

    private static var allQueries: [CustomerListQuery] {
        ListSortColumn.allCases.flatMap { column in
            SortDirection.allCases.map { CustomerListQuery(sort: column, direction: $0) }
        }
    }

    @Test("Keyset pages forwards and backwards equal one ORDER BY, for every column and direction")
    func pagingMatchesReference() throws {
        for query in Self.allQueries {
            let reference = try referenceOrder(query)
            #expect(reference.count == (query.sort == .name ? 63 : 62), "\(query.sort)")
            for size in [1, 5, 7, 100] {
                #expect(
                    try forwardPages(query, size: size) == reference,
                    "\(query.sort) \(query.direction) \(size)")
                #expect(
                    try backwardPages(query, size: size) == reference,
                    "\(query.sort) \(query.direction) \(size)")
            }
        }
    }

    @Test("By segment: the business order (Champions, Loyal, New, At risk, Lost), not the slugs' alphabet")
    func segmentBusinessOrder() throws {
        let rows = try store.customerListPage(
            CustomerListQuery(sort: .segment, direction: .ascending), position: .first, limit: 100
        ).rows
        var seen: [Segment] = []
        for segment in rows.compactMap(\.segment) where seen.last != segment { seen.append(segment) }
        #expect(seen == [.champions, .loyal, .new, .atRisk, .lost])
        // Within a segment the lowest risk first; descending is the exact reverse.
        let champions = rows.filter { $0.segment == .champions }.compactMap(\.churnRisk)
        #expect(champions == champions.sorted())
        let descending = try forwardPages(CustomerListQuery(sort: .segment, direction: .descending), size: 4)
        #expect(descending == rows.map(\.id).reversed())
        // A segment filter on the segment sort pages only that segment.
        var filtered = CustomerListQuery(sort: .segment)
        filtered.filter.segment = .atRisk
        #expect(try forwardPages(filtered, size: 3) == rows.filter { $0.segment == .atRisk }.map(\.id))
        #expect(try backwardPages(filtered, size: 3) == rows.filter { $0.segment == .atRisk }.map(\.id))
    }

    @Test("A page around a customer is the reference order's slice there, and their rank their index")
    func pageAroundCustomer() throws {
        for sort in ListSortColumn.allCases {
            for direction in [SortDirection.ascending, .descending] {
                let query = CustomerListQuery(sort: sort, direction: direction)
                let reference = try referenceOrder(query)
                for index in [0, 1, 5, reference.count / 2, reference.count - 2, reference.count - 1] {
                    let id = reference[index]
                    let page = try store.customerListPage(
                        query, around: id, before: 3, otherwise: .first, limit: 8)
                    let start = max(0, index - 3)
                    let end = min(reference.count, start + 8)
                    #expect(
                        page.rows.map(\.id) == Array(reference[start..<end]), "\(sort) \(direction) #\(index)"
                    )
                    #expect(page.anchorIndex == index - start)
                    #expect(page.hasMoreBefore == (start > 0))
                    #expect(page.hasMore == (end < reference.count))
                    let cursor = try #require(page.rows.first { $0.id == id }?.cursor)
                    #expect(try store.customerListRank(query, cursor: cursor) == index)
                }
            }
        }
        // Customer 63 has no score, so the risk list does not hold them: the fallback page.
        let gone = try store.customerListPage(
            CustomerListQuery(sort: .risk), around: 63, before: 3, otherwise: .first, limit: 8)
        #expect(gone.anchorIndex == nil)
        #expect(gone.rows.map(\.id) == Array(try referenceOrder(CustomerListQuery(sort: .risk)).prefix(8)))
        // A filter that excludes the customer counts as leaving the list too.
        var filtered = CustomerListQuery(sort: .name)
        filtered.filter.owner = "Anna"
        let excluded = try store.customerListPage(filtered, around: 1, before: 3, otherwise: .first, limit: 8)
        #expect(excluded.anchorIndex == nil)
        #expect(
            try store.customerListPage(filtered, around: 2, before: 3, otherwise: .first, limit: 8)
                .anchorIndex != nil)
    }

    @Test("Next action: soonest due first, no action last; descending is the exact reverse")
    func nextActionOrder() throws {
        let query = CustomerListQuery(sort: .nextAction, direction: .ascending)
        let rows = try store.customerListPage(query, position: .first, limit: 100).rows
        #expect(rows.count == 62)
        let dues = rows.map(\.nextActionDue)
        let firstNone = try #require(dues.firstIndex(where: { $0 == nil }))
        #expect(dues[firstNone...].allSatisfy { $0 == nil }, "customers without an action come last")
        let days = dues[..<firstNone].compactMap { $0 }
        #expect(days.count == firstNone && days == days.sorted(), "soonest action first")
        #expect(days.first == CalendarDay(iso: "2025-07-01"))
        // Pages of 7 cross the boundary between due and no action in both directions.
        #expect(try forwardPages(query, size: 7) == rows.map(\.id))
        #expect(try backwardPages(query, size: 7) == rows.map(\.id))
        let descending = CustomerListQuery(sort: .nextAction, direction: .descending)
        #expect(try forwardPages(descending, size: 7) == rows.map(\.id).reversed())
        #expect(try backwardPages(descending, size: 7) == rows.map(\.id).reversed())
        // Last touch keeps never-touched customers first when ascending.
        let touch = try store.customerListPage(
            CustomerListQuery(sort: .lastTouch, direction: .ascending), position: .first, limit: 1)
        #expect(touch.rows.first?.lastTouch == nil)
    }

    @Test("Filters and search combine with paging")
    func filtersAndSearch() throws {
        var query = CustomerListQuery(sort: .risk)
        query.filter = ListFilter(segment: .atRisk, owner: "Ben")
        let reference = try referenceOrder(query)
        #expect(!reference.isEmpty)
        #expect(try forwardPages(query, size: 3) == reference)
        #expect(try store.customerListCount(query) == reference.count)

        query = CustomerListQuery(sort: .name, search: "muller")
        let found = try forwardPages(query, size: 2)
        #expect(!found.isEmpty)
        let page = try store.customerListPage(query, position: .first, limit: 50)
        #expect(page.rows.allSatisfy { $0.name.hasPrefix("Müller") }, "\(page.rows.map(\.name))")

        query = CustomerListQuery(
            sort: .value, filter: ListFilter(band: .high, tier: .a, relationship: .transactional))
        #expect(try forwardPages(query, size: 4) == referenceOrder(query))
    }

    @Test("Every sort column pages through an index, never a sort of the whole table")
    func queryPlansUseIndexes() throws {
        let expectedIndex: [ListSortColumn: String] = [
            .name: "customers_by_sort_name", .segment: "scores_by_segment", .risk: "scores_by_risk",
            .value: "scores_by_value", .lastTouch: "scores_by_last_touch",
            .nextAction: "scores_by_next_action_due",
        ]
        for query in Self.allQueries {
            let middle = try store.customerListPage(query, position: .first, limit: 30).rows.last
            let positions: [PagePosition] =
                [.first, .last] + (middle.map { [.after($0.cursor), .before($0.cursor)] } ?? [])
            for position in positions {
                let plans = try store.explainCustomerListPage(query, position: position)
                for plan in plans {
                    let text = plan.joined(separator: " | ")
                    #expect(!text.contains("TEMP B-TREE"), "\(query.sort) \(query.direction): \(text)")
                    #expect(text.contains(expectedIndex[query.sort] ?? "?"), "\(query.sort): \(text)")
                }
            }
        }
    }

    @Test("Detail and overview queries read what was stored")
    func detailAndOverview() throws {
        let today = CalendarDay(iso: "2025-06-30") ?? CalendarDay(daysSinceEpoch: 0)
        let detail = try #require(try store.customerDetail(id: 2, today: today))
        #expect(detail.name == "Özdemir 0")
        #expect(detail.segment == .atRisk)
        #expect(detail.ordersPerMonth.count == 24)
        #expect(try store.customerDetail(id: 999, today: today) == nil)
        let headline = try store.overviewHeadline(today: today)
        #expect(headline.customers == 63)
        let distribution = try store.overviewDistribution()
        #expect(distribution.segments.values.reduce(0, +) == 62)
        #expect(try store.urgentCustomers(limit: 5).count == 5)
    }
}
