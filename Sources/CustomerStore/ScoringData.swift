import Foundation
import GRDB
import GRDBSQLite
import Scoring

/// Everything the model needs about the customer base, read in one consistent snapshot.
public struct ScoringInput: Sendable {
    public var facts: [CustomerFacts]
    /// `summaries[i]` belongs to `facts[i]`; nil for customers without a purchase.
    public var summaries: [PurchaseSummary?]
}

/// Tags that mark membership in a loyalty or bonus programme (compared in lower case). SQLite
/// checks them (`FactSQL.customers`), so no tag list is decoded per customer.
public let loyaltyProgrammeTags = ["bonusprogramm", "treueprogramm", "loyalty", "loyalty-programme"]

extension CustomerStore {
    /// Reads facts and purchase summaries of every customer as of the end of `asOf`
    /// (later orders, touchpoints and answers are ignored). Each table is walked once, in
    /// customer order, and the walks are merged; orders come straight from the covering index.
    public func scoringInput(asOf: CalendarDay, unit: TimeUnit, progress: ((Int, Int) -> Void)? = nil)
        throws(StoreError) -> ScoringInput
    {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0
            let summaries = try Self.purchaseSummaries(db, asOf: asOf, unit: unit, customerID: nil)
            let window = FactWindow(asOf: asOf)
            let customers = try Row.fetchCursor(db, sql: FactSQL.customers + " ORDER BY id")
            let touches = try MergeCursor(db, FactSQL.touchpoints, window.arguments)
            let followUps = try MergeCursor(db, FactSQL.followUps, window.arguments)
            let feedback = try MergeCursor(db, FactSQL.feedback, window.arguments)
            let contracts = try MergeCursor(db, FactSQL.contracts, [])
            let referrals = try MergeCursor(db, FactSQL.referrals, [])

            var facts: [CustomerFacts] = []
            var aligned: [PurchaseSummary?] = []
            facts.reserveCapacity(total)
            aligned.reserveCapacity(total)
            var summaryIndex = 0
            while let row = try customers.next() {
                let id: Int64 = row[0]
                while summaryIndex < summaries.count && summaries[summaryIndex].customer < id {
                    summaryIndex += 1
                }
                let summary =
                    summaryIndex < summaries.count && summaries[summaryIndex].customer == id
                    ? summaries[summaryIndex].summary : nil
                facts.append(
                    try Self.facts(
                        customer: row, summary: summary, touches: touches.rows(for: id),
                        followUps: followUps.rows(for: id), feedback: feedback.rows(for: id),
                        contracts: contracts.rows(for: id), referrals: referrals.rows(for: id), window: window
                    ))
                aligned.append(summary)
                if facts.count % 50_000 == 0 { progress?(facts.count, total) }
            }
            return ScoringInput(facts: facts, summaries: aligned)
        }
    }

    /// Facts and summary of one customer, read the same way (for rescoring after a logged change).
    public func scoringInput(customerID: Int64, asOf: CalendarDay, unit: TimeUnit) throws(StoreError)
        -> (facts: CustomerFacts, summary: PurchaseSummary?)
    {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: FactSQL.customers + " WHERE id = ?", arguments: [customerID])
            else { throw StoreError.customerNotFound("id \(customerID)") }
            let window = FactWindow(asOf: asOf)
            func rows(_ sql: String, _ arguments: StatementArguments) throws -> [Row] {
                try Row.fetchAll(db, sql: Self.restrict(sql, to: customerID), arguments: arguments)
            }
            let summary = try Self.purchaseSummaries(db, asOf: asOf, unit: unit, customerID: customerID)
                .first?.summary
            let facts = try Self.facts(
                customer: row, summary: summary, touches: rows(FactSQL.touchpoints, window.arguments),
                followUps: rows(FactSQL.followUps, window.arguments),
                feedback: rows(FactSQL.feedback, window.arguments),
                contracts: rows(FactSQL.contracts, []), referrals: rows(FactSQL.referrals, []), window: window
            )
            return (facts, summary)
        }
    }

    /// Streams the orders index in (customer, time) order into the model's summary builder.
    static func purchaseSummaries(_ db: Database, asOf: CalendarDay, unit: TimeUnit, customerID: Int64?)
        throws
        -> [(customer: Int64, summary: PurchaseSummary)]
    {
        var builder = PurchaseSummaryBuilder<Int64>(asOfDay: asOf.daysSinceEpoch, unit: unit)
        let end = asOf.adding(days: 1).startUnixSeconds
        let filter = customerID.map { "customer_id = \($0) AND " } ?? ""
        let statement = try db.makeStatement(
            sql: """
                SELECT customer_id, ordered_at, amount_minor FROM orders INDEXED BY orders_by_customer_time
                WHERE \(filter)ordered_at < ? ORDER BY customer_id, ordered_at
                """)
        // Twenty million rows: step the statement with the C API (a GRDB Row per order would
        // cost more than SQLite's own work).
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, end)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let seconds = sqlite3_column_int64(handle, 1)
            try builder.add(
                customer: sqlite3_column_int64(handle, 0),
                day: CalendarDay(unixSeconds: seconds).daysSinceEpoch,
                amount: sqlite3_column_int64(handle, 2))
        }
        return builder.finish()
    }

    /// Narrows one of the grouped fact queries to a single customer.
    private static func restrict(_ sql: String, to customerID: Int64) -> String {
        sql.replacingOccurrences(of: "/*customer*/", with: "customer_id = \(customerID) AND ")
            .replacingOccurrences(of: "/*referrer*/", with: "WHERE referrer_id = \(customerID)")
    }

    private static func facts(
        customer row: Row, summary: PurchaseSummary?, touches: [Row], followUps: [Row], feedback: [Row],
        contracts: [Row], referrals: [Row], window: FactWindow
    ) throws -> CustomerFacts {
        var facts = CustomerFacts(
            customerID: row["id"],
            relationshipType: RelationshipType(rawValue: row["relationship_type"]) ?? .transactional,
            declaredBindings: BindingSignals(
                contractual: BindingStrength(rawValue: row["binding_contractual"]) ?? .none,
                economic: BindingStrength(rawValue: row["binding_economic"]) ?? .none,
                technical: BindingStrength(rawValue: row["binding_technical"]) ?? .none,
                situational: BindingStrength(rawValue: row["binding_situational"]) ?? .none,
                emotional: BindingStrength(rawValue: row["binding_emotional"]) ?? .none),
            loyaltyMember: row["loyalty_member"],
            birthday: (row["birthday"] as String?).flatMap { CalendarDay(iso: $0) },
            customerSince: CalendarDay(unixSeconds: row["created_at"]),
            purchases: summary.map(PurchaseFacts.init(summary:)))

        if let touch = touches.first {
            let day = { (column: String) -> CalendarDay? in
                (touch[column] as Int64?).map(CalendarDay.init(unixSeconds:))
            }
            facts.touchpoints = TouchpointFacts(
                lastTouch: day("last_touch"), lastOutboundContact: day("last_contact"),
                touchesLastYear: touch["touches_year"], touchesTotal: touch["touches"],
                firstTouch: day("first_touch"),
                openComplaints: touch["open_complaints"], oldestOpenComplaint: day("oldest_open"),
                recentTouches: touch["recent"], recentNegative: touch["recent_negative"],
                hadOnboarding: touch["onboarding"])
            if let followUp = followUps.first, let setAt = followUp["set_at"] as Int64? {
                let lastContact = touch["last_contact"] as Int64?
                if lastContact.map({ $0 <= setAt }) ?? true {
                    facts.touchpoints.nextFollowUp = (followUp["follow_up_on"] as String?).flatMap {
                        CalendarDay(iso: $0)
                    }
                }
            }
        }
        for answer in feedback {
            let score = ScoreAnswer(score: answer["score"], day: CalendarDay(unixSeconds: answer["given_at"]))
            switch (answer["metric"] as String, answer["nps_type"] as String?) {
            case ("nps", "transactional"?): facts.feedback.latestTransactionalNPS = score
            case ("nps", "relational"?):
                facts.feedback.latestRelationalNPS = score
                facts.feedback.relationalNPSLastYear = answer["in_last_year"]
            case ("csat", _): facts.feedback.latestCSAT = score
            case ("ces", _): facts.feedback.latestCES = score
            default: break
            }
        }
        facts.contracts = contracts.map { contract in
            let recurring: Int64 = contract["recurring_minor"]
            let months: Int64 =
                switch contract["billing_period"] as String {
                case "quarterly": 3
                case "yearly": 12
                default: 1
                }
            return ContractFacts(
                status: ContractStatus(rawValue: contract["status"]) ?? .active,
                endsOn: (contract["ends_on"] as String?).flatMap { CalendarDay(iso: $0) },
                noticeDays: contract["notice_days"], autoRenews: contract["auto_renews"],
                monthlyValueMinor: recurring / months)
        }
        facts.referredCustomers = referrals.map { $0["referred_id"] }
        return facts
    }
}

/// The time limits of the fact queries, all derived from the as-of day.
struct FactWindow {
    let asOf: CalendarDay
    var end: Int64 { asOf.adding(days: 1).startUnixSeconds }
    var yearAgo: Int64 { asOf.adding(days: -364).startUnixSeconds }
    var recent: Int64 { asOf.adding(days: -89).startUnixSeconds }
    var arguments: StatementArguments { ["end": end, "yearAgo": yearAgo, "recent": recent] }
}

/// The grouped fact queries, each ordered by customer so they can be merged in one walk.
/// `/*customer*/` and `/*referrer*/` mark where a single-customer filter goes.
enum FactSQL {
    static let customers = """
        SELECT id, relationship_type, binding_contractual, binding_economic, binding_technical,
            binding_situational, binding_emotional, birthday, created_at,
            EXISTS (SELECT 1 FROM json_each(customers.tags)
                WHERE lower(json_each.value) IN (\(loyaltyProgrammeTags.map { "'\($0)'" }.joined(separator: ", "))))
                AS loyalty_member
        FROM customers
        """

    static let touchpoints = """
        SELECT customer_id,
            max(occurred_at) AS last_touch,
            max(CASE WHEN direction = 'outbound' AND channel <> 'note' THEN occurred_at END) AS last_contact,
            sum(occurred_at >= :yearAgo) AS touches_year,
            count(*) AS touches,
            min(occurred_at) AS first_touch,
            sum(complaint_status IS 'open') AS open_complaints,
            min(CASE WHEN complaint_status = 'open' THEN occurred_at END) AS oldest_open,
            sum(occurred_at >= :recent) AS recent,
            sum(occurred_at >= :recent AND sentiment IS -1) AS recent_negative,
            max(kind = 'onboarding') AS onboarding
        FROM interactions WHERE /*customer*/occurred_at < :end
        GROUP BY customer_id ORDER BY customer_id
        """

    /// The latest touchpoint that set a follow-up date (SQLite returns the row of the max).
    static let followUps = """
        SELECT customer_id, max(occurred_at) AS set_at, follow_up_on
        FROM interactions WHERE /*customer*/follow_up_on IS NOT NULL AND occurred_at < :end
        GROUP BY customer_id ORDER BY customer_id
        """

    /// The latest answer per metric and NPS type, and how many of that kind came in the last year.
    static let feedback = """
        SELECT customer_id, metric, nps_type, max(given_at) AS given_at, score,
            sum(given_at >= :yearAgo) AS in_last_year
        FROM feedback WHERE /*customer*/given_at < :end
        GROUP BY customer_id, metric, nps_type ORDER BY customer_id
        """

    static let contracts = """
        SELECT customer_id, status, ends_on, notice_days, auto_renews, recurring_minor, billing_period
        FROM contracts WHERE /*customer*/1 ORDER BY customer_id, id
        """

    static let referrals = """
        SELECT referrer_id AS customer_id, referred_id FROM referrals /*referrer*/ ORDER BY referrer_id, id
        """
}

/// A cursor over rows sorted by `customer_id` that hands out each customer's rows as the
/// customer walk reaches them.
final class MergeCursor {
    private let cursor: RowCursor
    private var pending: Row?
    private var exhausted = false

    init(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        let cleaned = sql.replacingOccurrences(of: "/*customer*/", with: "")
            .replacingOccurrences(of: "/*referrer*/", with: "")
        cursor = try Row.fetchCursor(db, sql: cleaned, arguments: arguments)
    }

    /// The rows of `customerID`; rows of smaller ids (customers that no longer exist) are skipped.
    func rows(for customerID: Int64) throws -> [Row] {
        var found: [Row] = []
        while true {
            if pending == nil && !exhausted {
                if let next = try cursor.next() { pending = next.copy() } else { exhausted = true }
            }
            guard let row = pending else { return found }
            let id: Int64 = row["customer_id"]
            if id < customerID {
                pending = nil
            } else if id == customerID {
                found.append(row)
                pending = nil
            } else {
                return found
            }
        }
    }
}
