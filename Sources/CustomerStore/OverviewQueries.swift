import Foundation
import GRDB
import Scoring

/// The overview's figures, one named query per part so the dashboard can show each part as it
/// arrives: some are full scans (200 ms cold on a million customers) and must not hold up the
/// first frame. Definitions are in docs/UI.md.
extension CustomerStore {
    /// Customers, active customers (P(alive) ≥ 0.5 or an order in the 90 days up to `today`),
    /// average CLV and revenue at risk (sum of value at stake; nil while nothing is scored).
    /// Customers without scores (a store not scored yet, or customers imported since) count as
    /// active by their orders alone: that part needs no model. It is only read when there are
    /// such customers, so a scored store pays nothing for it.
    public func overviewHeadline(today: CalendarDay) throws(StoreError) -> OverviewFigures.Headline {
        let recent = today.adding(days: -89).startUnixSeconds
        let end = today.adding(days: 1).startUnixSeconds
        return try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM customers) AS customers,
                        (SELECT count(*) FROM erasures) AS erased, count(*) AS scored,
                        count(*) FILTER (WHERE p_alive >= 0.5 OR last_order_at >= ?) AS active,
                        avg(clv_minor) AS clv, sum(value_at_stake_minor) AS stake
                    FROM scores
                    """, arguments: [recent])
            let customers: Int = row?["customers"] ?? 0
            let scored: Int = row?["scored"] ?? 0
            let erased: Int = row?["erased"] ?? 0
            var active: Int = row?["active"] ?? 0
            if scored + erased < customers {
                active +=
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM customers c
                            WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.customer_id = c.id)
                                AND c.id NOT IN (SELECT customer_id FROM erasures)
                                AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id
                                    AND o.ordered_at >= ? AND o.ordered_at < ?)
                            """, arguments: [recent, end]) ?? 0
            }
            let clv: Double? = row?["clv"]
            let stake: Double? = row?["stake"]
            return OverviewFigures.Headline(
                customers: customers, activeCustomers: active,
                averageCLVMinor: clv.map { Int64($0.rounded()) },
                revenueAtRiskMinor: stake.map { Int64($0.rounded()) })
        }
    }

    /// Customers per segment and per risk band (scored customers only).
    public func overviewDistribution() throws(StoreError) -> (
        segments: [Segment: Int], bands: [RiskBand: Int]
    ) {
        try read { db in
            var segments: [Segment: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT segment, count(*) FROM scores GROUP BY segment") {
                if let segment = (row[0] as String?).flatMap(Segment.init(rawValue:)) {
                    segments[segment] = row[1]
                }
            }
            var bands: [RiskBand: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT risk_band, count(*) FROM scores GROUP BY risk_band")
            {
                if let band = (row[0] as String?).flatMap(RiskBand.init(rawValue:)) { bands[band] = row[1] }
            }
            return (segments, bands)
        }
    }

    /// Customers with an order in the year before the last 365 days, and how many of them also
    /// ordered in the last 365 days (up to the end of `today`). Two index probes per customer.
    public func overviewRetention(today: CalendarDay) throws(StoreError) -> OverviewFigures.Retention {
        let end = today.adding(days: 1).startUnixSeconds
        let cut = today.adding(days: -364).startUnixSeconds
        let start = today.adding(days: -729).startUnixSeconds
        return try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS before,
                        total(EXISTS (SELECT 1 FROM orders o2 WHERE o2.customer_id = c.id
                            AND o2.ordered_at >= ?2 AND o2.ordered_at < ?3)) AS still
                    FROM customers c
                    WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id
                        AND o.ordered_at >= ?1 AND o.ordered_at < ?2)
                    """, arguments: [start, cut, end])
            let still: Double = row?["still"] ?? 0
            return OverviewFigures.Retention(activeYearAgo: row?["before"] ?? 0, stillActive: Int(still))
        }
    }

    /// NPS classes and CSAT over the 365 days up to the end of `today`. Transactional and
    /// relational NPS answers count alike (weights 1:1).
    public func overviewFeedback(today: CalendarDay) throws(StoreError) -> OverviewFigures.Feedback {
        let start = today.adding(days: -364).startUnixSeconds
        let end = today.adding(days: 1).startUnixSeconds
        return try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT total(metric = 'nps' AND score >= 9) AS promoters,
                        total(metric = 'nps' AND score BETWEEN 7 AND 8) AS passives,
                        total(metric = 'nps' AND score <= 6) AS detractors,
                        total(CASE WHEN metric = 'csat' THEN score END) AS csat_sum,
                        total(metric = 'csat') AS csat_count
                    FROM feedback WHERE given_at >= ? AND given_at < ?
                    """, arguments: [start, end])
            func count(_ name: String) -> Int { Int((row?[name] as Double?) ?? 0) }
            return OverviewFigures.Feedback(
                promoters: count("promoters"), passives: count("passives"), detractors: count("detractors"),
                csatSum: count("csat_sum"), csatCount: count("csat_count"))
        }
    }

    /// The customers with the most value at stake, with the reason that weighs most.
    public func urgentCustomers(limit: Int) throws(StoreError) -> [UrgentCustomer] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.customer_id, c.name, s.churn_risk, s.risk_band, s.value_at_stake_minor, s.reasons
                    FROM scores s JOIN customers c ON c.id = s.customer_id
                    ORDER BY s.value_at_stake_minor DESC, s.customer_id DESC
                    LIMIT ?
                    """, arguments: [max(0, limit)])
            let decoder = JSONDecoder()
            return rows.map { row in
                let reasons =
                    (try? decoder.decode([WeightedReason].self, from: Data((row["reasons"] as String).utf8)))
                return UrgentCustomer(
                    id: row["customer_id"], name: row["name"], churnRisk: row["churn_risk"],
                    band: RiskBand(rawValue: row["risk_band"]) ?? .high,
                    valueAtStakeMinor: row["value_at_stake_minor"],
                    topReason: reasons?.max { $0.weight < $1.weight }?.reason)
            }
        }
    }
}
