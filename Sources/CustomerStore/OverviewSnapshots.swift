import Foundation
import GRDB
import Scoring

/// The overview's figures, computed once after a full scoring and stored, so the start screen
/// is complete at once instead of after seconds of scans. The figures are those of the scoring's
/// as-of day; a touchpoint logged later changes them only at the next `clientele score`.
extension CustomerStore {
    /// Runs the overview queries as of `asOf` and stores their results.
    /// `retention`, when the caller has it already (a whole-base scoring counts it in its orders
    /// walk), saves the slowest of the queries.
    public func saveOverviewSnapshot(
        asOf: CalendarDay, computedAt: Int64, retention: OverviewFigures.Retention? = nil
    ) throws(StoreError) {
        let distribution = try overviewDistribution()
        let counted: OverviewFigures.Retention
        if let retention { counted = retention } else { counted = try overviewRetention(today: asOf) }
        let snapshot = OverviewSnapshot(
            headline: try overviewHeadline(today: asOf),
            segments: Dictionary(
                uniqueKeysWithValues: distribution.segments.map { ($0.key.rawValue, $0.value) }),
            bands: Dictionary(uniqueKeysWithValues: distribution.bands.map { ($0.key.rawValue, $0.value) }),
            retention: counted,
            feedback: try overviewFeedback(today: asOf))
        let json: String
        do {
            json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        } catch {
            throw StoreError.failed(path: path, reason: "cannot encode the overview figures: \(error)")
        }
        try write { db in
            try db.execute(
                sql: "INSERT INTO overview_snapshots (as_of, computed_at, figures) VALUES (?, ?, ?)",
                arguments: [asOf.iso, computedAt, json])
            // Only the newest few are worth keeping.
            try db.execute(
                sql:
                    "DELETE FROM overview_snapshots WHERE id NOT IN (SELECT id FROM overview_snapshots ORDER BY id DESC LIMIT 5)"
            )
        }
    }

    /// The as-of day of the latest whole-base scoring (`clientele score`), or nil before the
    /// first: what the overview's scores, reasons and actions are as of.
    public func latestScoringDay() throws(StoreError) -> CalendarDay? {
        let iso = try read { db in
            try String.fetchOne(db, sql: "SELECT as_of FROM model_fits ORDER BY id DESC LIMIT 1")
        }
        return iso.flatMap { CalendarDay(iso: $0) }
    }

    /// The stored figures for `asOf`, if the latest snapshot is for that day; nil otherwise.
    public func overviewSnapshot(asOf: CalendarDay) throws(StoreError) -> OverviewFigures? {
        let json = try read { db in
            try String.fetchOne(
                db, sql: "SELECT figures FROM overview_snapshots WHERE as_of = ? ORDER BY id DESC LIMIT 1",
                arguments: [asOf.iso])
        }
        guard let json, let snapshot = try? JSONDecoder().decode(OverviewSnapshot.self, from: Data(json.utf8))
        else {
            return nil
        }
        return OverviewFigures(
            headline: snapshot.headline, retention: snapshot.retention, feedback: snapshot.feedback,
            segments: Dictionary(
                uniqueKeysWithValues: snapshot.segments.compactMap { key, value in
                    Segment(rawValue: key).map { ($0, value) }
                }),
            bands: Dictionary(
                uniqueKeysWithValues: snapshot.bands.compactMap { key, value in
                    RiskBand(rawValue: key).map { ($0, value) }
                }))
    }
}

/// What a snapshot row holds (dictionary keys as the stored spellings).
struct OverviewSnapshot: Codable {
    var headline: OverviewFigures.Headline
    var segments: [String: Int]
    var bands: [String: Int]
    var retention: OverviewFigures.Retention
    var feedback: OverviewFigures.Feedback
}
