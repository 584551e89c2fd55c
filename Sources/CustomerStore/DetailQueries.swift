import Foundation
import GRDB
import Scoring

/// One customer's detail for the dashboard, read in one snapshot: a handful of index lookups
/// (well under a millisecond for a customer with a hundred orders and touchpoints).
extension CustomerStore {
    /// How many touchpoints and feedback answers the detail screen gets, newest first.
    public static let detailHistoryLimit = 200

    /// The customer `id` as the detail screen shows it, or nil if there is no such customer.
    /// `today` ends the 24-month purchase history.
    public func customerDetail(id: Int64, today: CalendarDay) throws(StoreError) -> CustomerDetail? {
        try read { db in
            guard
                let customer = try Row.fetchOne(
                    db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [id])
            else { return nil }
            var detail = CustomerDetail(
                id: id, externalID: customer["external_id"], name: customer["name"],
                company: customer["company"],
                kind: CustomerKind(rawValue: customer["kind"]) ?? .person, email: customer["email"],
                phone: customer["phone"], city: customer["city"], country: customer["country"],
                owner: customer["owner"],
                relationship: RelationshipType(rawValue: customer["relationship_type"]) ?? .transactional)
            var declared = BindingSignals()
            for binding in Binding.allCases {
                let raw: Int = customer["binding_" + binding.rawValue] ?? 0
                declared[binding] = BindingStrength(rawValue: raw) ?? .none
            }
            detail.bindings = declared
            if let score = try Row.fetchOne(
                db, sql: "SELECT * FROM scores WHERE customer_id = ?", arguments: [id])
            {
                Self.apply(score: score, to: &detail)
            }
            detail.ordersPerMonth = try Self.ordersPerMonth(db, id: id, today: today)
            // Revenue in euros only: an order left in another currency (stores from before
            // session 5) has no rate to convert it with; it still counts as an order.
            if let totals = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS orders,
                        coalesce(sum(CASE WHEN currency = 'EUR' THEN amount_minor END), 0) AS revenue
                    FROM orders WHERE customer_id = ? AND ordered_at < ?
                    """, arguments: [id, today.adding(days: 1).startUnixSeconds])
            {
                detail.ordersToDate = totals["orders"] ?? 0
                detail.revenueToDateMinor = totals["revenue"] ?? 0
            }
            detail.touchpoints = try Row.fetchAll(
                db,
                sql: """
                    SELECT occurred_at, channel, direction, kind, outcome, note, complaint_status
                    FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?
                    """, arguments: [id, Self.detailHistoryLimit]
            ).compactMap(Self.touchpoint)
            detail.contracts = try Row.fetchAll(
                db,
                sql: """
                    SELECT product, status, ends_on, notice_days, auto_renews, recurring_minor, currency,
                        billing_period
                    FROM contracts WHERE customer_id = ? ORDER BY coalesce(ends_on, '9999-12-31'), id
                    """, arguments: [id]
            ).compactMap(Self.contract)
            detail.feedback = try Row.fetchAll(
                db,
                sql: """
                    SELECT given_at, metric, nps_type, score, comment FROM feedback
                    WHERE customer_id = ? ORDER BY given_at DESC, id DESC LIMIT ?
                    """, arguments: [id, Self.detailHistoryLimit]
            ).compactMap { row in
                FeedbackMetric(rawValue: row["metric"]).map { metric in
                    FeedbackEntry(
                        givenAt: row["given_at"], metric: metric,
                        npsType: (row["nps_type"] as String?).flatMap(NPSType.init(rawValue:)),
                        score: row["score"],
                        comment: row["comment"])
                }
            }
            return detail
        }
    }

    private static func apply(score: Row, to detail: inout CustomerDetail) {
        let decoder = JSONDecoder()
        detail.segment = (score["segment"] as String?).flatMap(Segment.init(rawValue:))
        detail.churnRisk = score["churn_risk"]
        detail.band = (score["risk_band"] as String?).flatMap(RiskBand.init(rawValue:))
        detail.tier = (score["value_tier"] as String?).flatMap(ValueTier.init(rawValue:))
        detail.probabilityAlive = score["p_alive"]
        detail.valueMinor = score["value_minor"]
        detail.clvMinor = score["clv_minor"]
        detail.valueAtStakeMinor = score["value_at_stake_minor"]
        detail.scoredAsOf = (score["as_of"] as String?).flatMap { CalendarDay(iso: $0) }
        let reasons = (score["reasons"] as String?).flatMap {
            try? decoder.decode([WeightedReason].self, from: Data($0.utf8))
        }
        detail.reasons = (reasons ?? []).sorted { $0.weight > $1.weight }.map(\.reason)
        detail.actions =
            (score["actions"] as String?).flatMap {
                try? decoder.decode([SuggestedAction].self, from: Data($0.utf8))
            } ?? []
        if let bindings = (score["bindings"] as String?).flatMap({
            try? decoder.decode(BindingSignals.self, from: Data($0.utf8))
        }) {
            detail.bindings = bindings
        }
    }

    /// Orders per calendar month (UTC) for the 24 months ending with the month of `today`.
    private static func ordersPerMonth(_ db: Database, id: Int64, today: CalendarDay) throws -> [Int] {
        let (year, month, _) = today.components
        let firstMonthIndex = year * 12 + (month - 1) - 23
        guard let start = CalendarDay(year: firstMonthIndex / 12, month: firstMonthIndex % 12 + 1, day: 1)
        else {
            return Array(repeating: 0, count: 24)
        }
        var counts = Array(repeating: 0, count: 24)
        let times = try Int64.fetchAll(
            db,
            sql: "SELECT ordered_at FROM orders WHERE customer_id = ? AND ordered_at >= ? AND ordered_at < ?",
            arguments: [id, start.startUnixSeconds, today.adding(days: 1).startUnixSeconds])
        for time in times {
            let (orderYear, orderMonth, _) = CalendarDay(unixSeconds: time).components
            let index = orderYear * 12 + (orderMonth - 1) - firstMonthIndex
            if counts.indices.contains(index) { counts[index] += 1 }
        }
        return counts
    }

    private static func touchpoint(_ row: Row) -> TouchpointEntry? {
        guard let channel = Channel(rawValue: row["channel"]),
            let direction = Direction(rawValue: row["direction"]),
            let kind = InteractionKind(rawValue: row["kind"])
        else { return nil }
        return TouchpointEntry(
            occurredAt: row["occurred_at"], channel: channel, direction: direction, kind: kind,
            outcome: (row["outcome"] as String?).flatMap(InteractionOutcome.init(rawValue:)),
            note: row["note"],
            complaintOpen: (row["complaint_status"] as String?) == "open")
    }

    private static func contract(_ row: Row) -> ContractEntry? {
        guard let status = ContractStatus(rawValue: row["status"]),
            let period = BillingPeriod(rawValue: row["billing_period"])
        else { return nil }
        return ContractEntry(
            product: row["product"], status: status,
            endsOn: (row["ends_on"] as String?).flatMap { CalendarDay(iso: $0) },
            noticeDays: row["notice_days"], autoRenews: row["auto_renews"],
            recurringMinor: row["recurring_minor"],
            currency: row["currency"], billingPeriod: period)
    }
}
