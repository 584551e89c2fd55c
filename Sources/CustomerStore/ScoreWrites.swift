import Foundation
import GRDB
import Scoring

extension CustomerStore {
    /// Replaces every score with these, and records the population model (see below).
    public func replaceAllScores(
        _ scores: [CustomerScore], model: PopulationModel, scoredAt: Int64,
        phase: ((String, Double) -> Void)? = nil
    ) throws(StoreError) {
        try replaceAllScores(count: scores.count, model: model, scoredAt: scoredAt, phase: phase) {
            Array(scores[$0])
        }
    }

    /// Judges every customer of a prepared whole-base scoring and replaces every score with the
    /// result (see below); the scores are never all in memory at once.
    public func replaceAllScores(
        judging judgement: BaseJudgement, scoredAt: Int64, phase: ((String, Double) -> Void)? = nil
    ) throws(StoreError) {
        try replaceAllScores(count: judgement.count, model: judgement.model, scoredAt: scoredAt, phase: phase)
        {
            $0.map(judgement.score)
        }
    }

    /// Replaces every score with the `count` scores `make` returns range by range, and records
    /// the population model, in one `IMMEDIATE` transaction: readers see either the old scores
    /// or the new ones, never a mix.
    ///
    /// The scores are made and their JSON encoded on a second thread, which starts while this
    /// one clears the old scores and stays a few batches ahead of the insert (judging and
    /// encoding together cost about what SQLite's insert does), so the write costs little more
    /// than SQLite's own work. `phase` hears how long each step took.
    public func replaceAllScores(
        count: Int, model: PopulationModel, scoredAt: Int64, phase: ((String, Double) -> Void)? = nil,
        make: @escaping @Sendable (Range<Int>) -> [CustomerScore]
    ) throws(StoreError) {
        do {
            try replaceAllScoresInOneTransaction(
                count: count, model: model, scoredAt: scoredAt, phase: phase, make: make)
        } catch .constraint(let detail) where detail.contains("FOREIGN KEY") {
            // The scores were computed from a snapshot; a colleague erased or deleted a
            // customer before the write. The transaction rolled back, so the old scores stand.
            throw .failed(
                path: path,
                reason: "a customer was deleted while the scores were being computed, so no score "
                    + "was changed; run the scoring again")
        }
    }

    private func replaceAllScoresInOneTransaction(
        count: Int, model: PopulationModel, scoredAt: Int64, phase: ((String, Double) -> Void)?,
        make: @escaping @Sendable (Range<Int>) -> [CustomerScore]
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
            func clear() throws {
                try db.execute(sql: "PRAGMA secure_delete = OFF")
                defer { try? db.execute(sql: "PRAGMA secure_delete = ON") }
                for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
                lap("writeDropIndexesSeconds")
                try db.execute(sql: "DELETE FROM scores")
                lap("writeClearSeconds")
            }
            // Many rows per statement: each execution of an INSERT opens its cursors and checks
            // afresh, which for one row at a time cost about as much as the insert itself.
            let rowsPerStatement = 50
            let many = try db.makeStatement(sql: ScoreSQL.insertIntoEmpty(rows: rowsPerStatement))
            let one = try db.makeStatement(sql: ScoreSQL.insertIntoEmpty(rows: 1))
            let constants = ScoreSQL.Constants(model: model, scoredAt: scoredAt)
            let waited = try ScoreSQL.Encoded.pipelined(count: count, make: make, first: clear) {
                batch, encoded in
                var done = 0
                while done < encoded.count {
                    let rows = encoded.count - done >= rowsPerStatement ? rowsPerStatement : 1
                    try RawBinder.execute(rows == 1 ? one : many, in: db) { binder in
                        for row in 0..<rows {
                            ScoreSQL.bind(
                                batch[done + row], encoded[done + row], constants,
                                to: binder,
                                row: row)
                        }
                    }
                    done += rows
                }
            }
            lap("writeInsertSeconds")
            // Time the insert spent waiting for the judging thread (0: the insert set the pace).
            phase?("writeWaitForJudgingSeconds", waited)
            // SQLite sorts each index's keys in runs on helper threads when allowed: the six
            // builds took 4.4 s instead of 6.5 s on two cores (docs/BENCHMARKS.md).
            let sorters = min(8, ProcessInfo.processInfo.activeProcessorCount)
            try db.execute(sql: "PRAGMA threads = \(sorters)")
            defer { try? db.execute(sql: "PRAGMA threads = 0") }
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
    static let columns = """
        customer_id, model_version, scored_at, as_of, recency, frequency, monetary, segment, repeat_purchases,
        p_alive, expected_purchases, expected_spend_minor, clv_minor, value_minor, churn_risk, risk_band,
        value_tier, value_at_stake_minor, last_order_at, last_touch_at, next_action, next_action_due, reasons,
        actions, bindings
        """
    static let columnCount = 25

    /// One customer's score, replacing the one stored.
    static let insert = "INSERT OR REPLACE INTO scores (\(columns)) VALUES \(placeholders(rows: 1))"

    /// `rows` scores at once into the emptied table of a whole rescoring (no conflict check).
    static func insertIntoEmpty(rows: Int) -> String {
        "INSERT INTO scores (\(columns)) VALUES \(placeholders(rows: rows))"
    }

    /// `(?1, ..., ?25), (?26, ...)`: row r's columns are parameters 25r + 1 ... 25r + 25.
    private static func placeholders(rows: Int) -> String {
        (0..<rows).map { row in
            "(" + (1...columnCount).map { "?\(row * columnCount + $0)" }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }

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
    /// insert so another thread can do it.
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
        /// action) to these parameters.
        func bind(to binder: RawBinder, reasons: Int32, actions: Int32, bindings: Int32, due: Int32) {
            buffer.withUnsafeBufferPointer { all in
                binder.bindText(reasons, all, 0..<reasonsEnd)
                binder.bindText(actions, all, reasonsEnd..<actionsEnd)
                binder.bindText(bindings, all, actionsEnd..<bindingsEnd)
                if bindingsEnd < all.count {
                    binder.bindText(due, all, bindingsEnd..<all.count)
                } else {
                    binder.bind(due, nil as String?)
                }
            }
        }

        /// Calls `body` for every batch of scores in order with their encoded columns. A helper
        /// thread makes and encodes the batches up to `ahead` batches in front of `body`, starting
        /// while `first` runs on this thread: the old scores are cleared meanwhile (a second of
        /// SQLite's work on one core), and judging, the slower half of the pipeline, gets that
        /// second. At most `ahead` batches wait (about 100 MB at the defaults). Returns the
        /// seconds `body` spent waiting for the helper.
        static func pipelined(
            count: Int, batch: Int = 4_000, ahead: Int = 24,
            make: @escaping @Sendable (Range<Int>) -> [CustomerScore],
            first: () throws -> Void = {},
            _ body: ([CustomerScore], [Encoded]) throws -> Void
        ) throws -> Double {
            let queue = BatchQueue(capacity: max(1, ahead))
            let finished = DispatchSemaphore(value: 0)
            let producer = Thread {
                for start in stride(from: 0, to: count, by: batch) {
                    let scores = make(start..<min(count, start + batch))
                    guard queue.put((scores, scores.map(Encoded.init))) else { break }
                }
                queue.finish()
                finished.signal()
            }
            producer.stackSize = 8 << 20
            producer.start()
            // The helper never outlives this call, also when `first` or an insert fails.
            defer {
                queue.cancel()
                finished.wait()
            }
            try first()
            var waited: UInt64 = 0
            while let next = queue.take(waited: &waited) {
                try body(next.0, next.1)
            }
            return Double(waited) / 1e9
        }
    }

    /// The batches between the judging thread and the inserting one: a bounded queue.
    private final class BatchQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [([CustomerScore], [Encoded])] = []
        private var head = 0
        private let capacity: Int
        private var done = false
        private var cancelled = false

        init(capacity: Int) { self.capacity = capacity }

        /// Adds a batch, waiting while the queue is full; false once the consumer gave up.
        func put(_ batch: ([CustomerScore], [Encoded])) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while items.count - head >= capacity && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            items.append(batch)
            condition.broadcast()
            return true
        }

        /// The next batch in order, nil after the last; adds the time spent waiting to `waited`.
        func take(waited: inout UInt64) -> ([CustomerScore], [Encoded])? {
            condition.lock()
            defer { condition.unlock() }
            let started = DispatchTime.now().uptimeNanoseconds
            while head == items.count && !done { condition.wait() }
            waited += DispatchTime.now().uptimeNanoseconds - started
            guard head < items.count else { return nil }
            let batch = items[head]
            items[head] = ([], [])
            head += 1
            if head > 64 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return batch
        }

        func finish() {
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }

    static func execute(
        _ statement: Statement, _ score: CustomerScore, _ encoded: Encoded, _ constants: Constants,
        in db: Database
    ) throws {
        try RawBinder.execute(statement, in: db) { bind(score, encoded, constants, to: $0, row: 0) }
    }

    /// Binds one score to the parameters of row `row` of an insert (see `placeholders`).
    static func bind(
        _ score: CustomerScore, _ encoded: Encoded, _ constants: Constants, to b: RawBinder, row: Int
    ) {
        let base = Int32(row * columnCount)
        b.bind(base + 1, score.customerID)
        b.bind(base + 2, constants.version)
        b.bind(base + 3, constants.scoredAt)
        b.bind(base + 4, constants.asOf)
        b.bind(base + 5, score.rfm?.recency)
        b.bind(base + 6, score.rfm?.frequency)
        b.bind(base + 7, score.rfm?.monetary)
        b.bind(base + 8, score.segment.rawValue)
        b.bind(base + 9, score.repeatPurchases)
        b.bind(base + 10, score.probabilityAlive.map { min(1, max(0, $0)) })
        b.bind(base + 11, score.expectedPurchases.map { max(0, $0) })
        b.bind(base + 12, score.expectedSpendMinor)
        b.bind(base + 13, score.clvMinor)
        b.bind(base + 14, score.valueMinor)
        b.bind(base + 15, score.risk)
        b.bind(base + 16, score.band.rawValue)
        b.bind(base + 17, score.tier.rawValue)
        b.bind(base + 18, score.valueAtStakeMinor)
        b.bind(base + 19, score.lastOrder?.startUnixSeconds)
        b.bind(base + 20, score.lastTouch?.startUnixSeconds)
        b.bind(base + 21, score.actions.first?.kind.rawValue)
        encoded.bind(to: b, reasons: base + 23, actions: base + 24, bindings: base + 25, due: base + 22)
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
