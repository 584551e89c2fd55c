import Foundation
import GRDB
import Scoring

extension CustomerStore {
    /// Replaces every score and records the population model, in one `IMMEDIATE` transaction:
    /// readers see either the old scores or the new ones, never a mix.
    ///
    /// The JSON columns of the next batch of scores are encoded on a second thread while this one
    /// inserts the current batch (encoding was about as costly as SQLite's insert), so the write
    /// costs little more than SQLite's own work. `phase` hears how long each step took.
    public func replaceAllScores(
        _ scores: [CustomerScore], model: PopulationModel, scoredAt: Int64,
        phase: ((String, Double) -> Void)? = nil
    ) throws(StoreError) {
        try write { db in
            var started = DispatchTime.now()
            func lap(_ name: String) {
                let now = DispatchTime.now()
                phase?(name, Double(now.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
                started = now
            }
            // A million inserts into six secondary indexes in random order thrash the page cache
            // (measured: 117 s for 1M customers); dropping them and building them again from
            // sorted data afterwards is one sort per index. Their SQL is read back from the
            // schema, so the migrations stay the only place that defines them. Readers keep
            // seeing the old scores until the commit.
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'index' AND tbl_name = 'scores' AND sql IS NOT NULL
                    """
            ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            // The old scores are freed without zeroing each page: under `secure_delete` every
            // page was written once more, as zeros the insert then overwrote (2-5 s and a larger
            // WAL). The insert reuses most of those pages; an erasure zeroes whatever is still
            // free before it reports the customer gone (`wipeFreePages`, Privacy.swift).
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            do {
                for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
                try db.execute(sql: "DELETE FROM scores")
            } catch {
                try? db.execute(sql: "PRAGMA secure_delete = ON")
                throw error
            }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            lap("writeClearSeconds")
            let statement = try db.makeStatement(sql: ScoreSQL.insertIntoEmpty)
            let constants = ScoreSQL.Constants(model: model, scoredAt: scoredAt)
            try ScoreSQL.Encoded.pipelined(scores) { score, encoded in
                try ScoreSQL.execute(statement, score, encoded, constants, in: db)
            }
            lap("writeInsertSeconds")
            for index in indexes { try db.execute(sql: index.sql) }
            try ScoreSQL.insertModel(model, fittedAt: scoredAt, in: db)
            lap("writeIndexSeconds")
        }
    }

    /// Saves one customer's fresh score (after a logged interaction or order).
    public func saveScore(_ score: CustomerScore, model: PopulationModel, scoredAt: Int64) throws(StoreError)
    {
        try write { db in
            let statement = try db.makeStatement(sql: ScoreSQL.insert)
            try ScoreSQL.execute(
                statement, score, ScoreSQL.Encoded(score),
                ScoreSQL.Constants(model: model, scoredAt: scoredAt), in: db)
        }
    }

    /// The population model of the latest whole-base scoring, or nil before the first.
    public func latestPopulationModel() throws(StoreError) -> PopulationModel? {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT parameters FROM model_fits ORDER BY id DESC LIMIT 1")
        }
        guard let json else { return nil }
        do {
            return try JSONDecoder().decode(PopulationModel.self, from: Data(json.utf8))
        } catch {
            throw StoreError.failed(
                path: path, reason: "the stored model cannot be read (\(error)); run `clientele score`")
        }
    }

    /// Counts of scored customers per segment and per risk band.
    public func scoreDistribution() throws(StoreError) -> (segments: [String: Int], bands: [String: Int]) {
        try read { db in
            var segments: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT segment, count(*) FROM scores GROUP BY segment") {
                segments[row[0] as String? ?? "prospect"] = row[1]
            }
            var bands: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT risk_band, count(*) FROM scores GROUP BY risk_band")
            {
                bands[row[0]] = row[1]
            }
            return (segments, bands)
        }
    }
}

enum ScoreSQL {
    static let insert = """
        INSERT OR REPLACE INTO scores (customer_id, model_version, scored_at, as_of, recency, frequency, monetary,
            segment, repeat_purchases, p_alive, expected_purchases, expected_spend_minor, clv_minor, value_minor,
            churn_risk, risk_band, value_tier, value_at_stake_minor, last_order_at, last_touch_at, next_action,
            next_action_due, reasons, actions, bindings)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
            ?22, ?23, ?24, ?25)
        """

    /// For the emptied table of a whole rescoring: a plain insert (no conflict check per row).
    static let insertIntoEmpty = insert.replacingOccurrences(of: "INSERT OR REPLACE", with: "INSERT")

    /// What every row of one scoring shares, formatted once.
    struct Constants {
        var version: String
        var scoredAt: Int64
        var asOf: String

        init(model: PopulationModel, scoredAt: Int64) {
            version = model.version
            self.scoredAt = scoredAt
            asOf = model.asOf.iso
        }
    }

    /// A score's JSON columns and due date as UTF-8 bytes in one buffer, encoded apart from the
    /// insert so another thread can do it, and bound straight from the buffer.
    struct Encoded: Sendable {
        private var buffer: [UInt8]
        private var reasonsEnd: Int
        private var actionsEnd: Int
        private var bindingsEnd: Int

        init(_ score: CustomerScore) {
            var out = JSONBytes(capacity: 512)
            ScoreJSON.appendReasons(score.reasons, to: &out)
            reasonsEnd = out.count
            ScoreJSON.appendActions(score.actions, to: &out)
            actionsEnd = out.count
            ScoreJSON.appendBindings(score.bindings.strengths, to: &out)
            bindingsEnd = out.count
            if let next = score.actions.first { out.isoDay(next.due) }
            buffer = out.bytes
        }

        /// Binds the reasons, actions, bindings and next-action due date (NULL without an
        /// action) to these parameters, runs `body` while the bytes are bound, then unbinds.
        func withBound<T>(
            _ binder: RawBinder, reasons: Int32, actions: Int32, bindings: Int32, due: Int32,
            _ body: () throws -> T
        ) rethrows -> T {
            try buffer.withUnsafeBufferPointer { all in
                binder.bindText(reasons, all, 0..<reasonsEnd)
                binder.bindText(actions, all, reasonsEnd..<actionsEnd)
                binder.bindText(bindings, all, actionsEnd..<bindingsEnd)
                if bindingsEnd < all.count {
                    binder.bindText(due, all, bindingsEnd..<all.count)
                } else {
                    binder.bind(due, nil as String?)
                }
                return try body()
            }
        }

        /// Calls `body` for every score in order with its encoded columns; batch k + 1 is encoded
        /// on another thread while `body` runs over batch k. At most two batches are held.
        static func pipelined(
            _ scores: [CustomerScore], batch: Int = 4_096,
            _ body: (CustomerScore, Encoded) throws -> Void
        ) throws {
            @Sendable func encode(_ range: Range<Int>) -> [Encoded] { scores[range].map(Encoded.init) }
            func range(from start: Int) -> Range<Int> { start..<min(scores.count, start + batch) }
            var current = encode(range(from: 0))
            var start = 0
            while start < scores.count {
                let nextStart = start + batch
                let next = EncodedBatch()
                let group = DispatchGroup()
                if nextStart < scores.count {
                    let nextRange = range(from: nextStart)
                    DispatchQueue.global().async(group: group) { next.rows = encode(nextRange) }
                }
                // Wait for the helper even when an insert fails, so it never outlives `scores`.
                defer { group.wait() }
                for (offset, encoded) in current.enumerated() {
                    try body(scores[start + offset], encoded)
                }
                group.wait()
                current = next.rows
                start = nextStart
            }
        }
    }

    /// The hand-over between the encoding thread and the inserting one (`DispatchGroup.wait`
    /// orders the accesses).
    private final class EncodedBatch: @unchecked Sendable {
        var rows: [Encoded] = []
    }

    static func execute(
        _ statement: Statement, _ score: CustomerScore, _ encoded: Encoded, _ constants: Constants,
        in db: Database
    ) throws {
        let next = score.actions.first
        try RawBinder.execute(statement, in: db) { b in
            b.bind(1, score.customerID)
            b.bind(2, constants.version)
            b.bind(3, constants.scoredAt)
            b.bind(4, constants.asOf)
            b.bind(5, score.rfm?.recency)
            b.bind(6, score.rfm?.frequency)
            b.bind(7, score.rfm?.monetary)
            b.bind(8, score.segment.rawValue)
            b.bind(9, score.repeatPurchases)
            b.bind(10, score.probabilityAlive.map { min(1, max(0, $0)) })
            b.bind(11, score.expectedPurchases.map { max(0, $0) })
            b.bind(12, score.expectedSpendMinor)
            b.bind(13, score.clvMinor)
            b.bind(14, score.valueMinor)
            b.bind(15, score.risk)
            b.bind(16, score.band.rawValue)
            b.bind(17, score.tier.rawValue)
            b.bind(18, score.valueAtStakeMinor)
            b.bind(19, score.lastOrder?.startUnixSeconds)
            b.bind(20, score.lastTouch?.startUnixSeconds)
            b.bind(21, next?.kind.rawValue)
        } step: { b, step in
            try encoded.withBound(b, reasons: 23, actions: 24, bindings: 25, due: 22, step)
        }
    }

    static func insertModel(_ model: PopulationModel, fittedAt: Int64, in db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(model), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO model_fits (fitted_at, model_version, as_of, time_unit, customers, parameters)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                fittedAt, model.version, model.asOf.iso, model.timeUnit.rawValue, model.customers, json,
            ])
    }
}
