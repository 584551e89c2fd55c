import Foundation
import GRDB
import GRDBSQLite
import Scoring

/// Everything the model needs about the customer base, read in one consistent snapshot.
public struct ScoringInput: Sendable {
    public var facts: [CustomerFacts]
    /// `summaries[i]` belongs to `facts[i]`; nil for customers without a purchase.
    public var summaries: [PurchaseSummary?]
    /// The overview's retention figure as of the same day, counted in the same orders walk
    /// (the separate query probes the orders index twice per customer: 3 s on a million).
    public var retention: OverviewFigures.Retention
}

/// Tags that mark membership in a loyalty or bonus programme (compared in lower case, ASCII
/// letters only, as SQLite's `lower` does).
public let loyaltyProgrammeTags = ["bonusprogramm", "treueprogramm", "loyalty", "loyalty-programme"]

/// Checks a customer's stored tags (a JSON array of strings) for a loyalty programme. A million
/// customers are checked per scoring: SQLite's `json_each` took 0.6 s of CPU for them, half the
/// customers read; plain tags are compared as bytes, and only tags with escapes or nested values
/// are decoded.
enum LoyaltyTags {
    private static let wanted = loyaltyProgrammeTags.map { Array($0.utf8) }

    static func nameProgramme(_ json: UnsafeBufferPointer<UInt8>) -> Bool {
        guard json.count > 2 else { return false }
        let backslash = UInt8(ascii: "\\")
        let quote = UInt8(ascii: "\"")
        let brace = UInt8(ascii: "{")
        if json.contains(where: { $0 == backslash || $0 == brace }) { return decodedNameProgramme(json) }
        var index = 0
        while index < json.count {
            guard json[index] == quote else {
                index += 1
                continue
            }
            var end = index + 1
            while end < json.count && json[end] != quote { end += 1 }
            let tag = json[(index + 1)..<min(end, json.count)]
            if wanted.contains(where: { matches(tag, $0) }) { return true }
            index = end + 1
        }
        return false
    }

    /// Whether `tag` lower-cased (ASCII letters only) is `wanted`.
    private static func matches(_ tag: some Collection<UInt8>, _ wanted: [UInt8]) -> Bool {
        guard tag.count == wanted.count else { return false }
        return zip(tag, wanted).allSatisfy { byte, expected in
            (byte >= 65 && byte <= 90 ? byte + 32 : byte) == expected
        }
    }

    private static func decodedNameProgramme(_ json: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let values = try? JSONSerialization.jsonObject(with: Data(buffer: json)) as? [Any] else {
            return false
        }
        return values.contains { value in
            guard let tag = value as? String else { return false }
            return wanted.contains { matches(tag.utf8, $0) }
        }
    }
}

extension CustomerStore {
    /// Reads facts and purchase summaries of every customer as of the end of `asOf`
    /// (later orders, touchpoints and answers are ignored). Each table is walked once, in
    /// customer order, and the walks are merged; orders come straight from the covering index.
    /// Columns are read by position with the C API: a GRDB `Row` per fact row (ten million of
    /// them) cost more than SQLite's own work.
    ///
    /// The orders walk and the fact walks run at the same time on two reader connections. Both
    /// take their snapshot while this store holds the write lock, so no commit can fall between
    /// them: they read the same state of the store. `phase` hears how long each walk took.
    public func scoringInput(
        asOf: CalendarDay, unit: TimeUnit, progress: ((Int, Int) -> Void)? = nil,
        phase: ((String, Double) -> Void)? = nil
    ) throws(StoreError) -> ScoringInput {
        let window = FactWindow(asOf: asOf)
        let report = UncheckedBox(progress)
        // Every walk runs as two halves of the customers, split at the median id, each on a
        // thread of its own: four reads on two cores keep both busy to the end, where one
        // orders walk (as long as SQLite's whole aggregate) left a core idle at the end.
        let (total, split) = try customerCountAndMedianID()
        let halves: [CustomerSelection] = split.map { [.below($0), .from($0)] } ?? [.all]
        // The first half's array has room for every customer, so the second is appended in
        // place: a third array for both would have held a million facts twice at the peak.
        let parts = halves.count
        @Sendable func room(_ half: Int) -> Int { half == 0 ? total : total / parts + 1 }
        let ordersWalks = halves.enumerated().map { half, customers in
            SnapshotRead(pool) { db in
                var retention = RetentionCounter(asOf: asOf)
                let summaries = try Self.purchaseSummaries(
                    db, asOf: asOf, unit: unit, customers: customers, capacity: room(half),
                    retention: &retention)
                return (summaries, retention.figure)
            }
        }
        func factWalk(_ customers: CustomerSelection, half: Int) -> SnapshotRead<[CustomerFacts]> {
            SnapshotRead(pool) { db in
                let walks = try FactWalks(db, window: window, customers: customers)
                var facts: [CustomerFacts] = []
                facts.reserveCapacity(room(half))
                while walks.customers.hasRow {
                    facts.append(try walks.facts(customerID: walks.customers.int64(0), summary: nil))
                    try walks.customers.step()
                    // The first half reports for both: the halves are about equally fast.
                    if half == 0 && facts.count % 25_000 == 0 {
                        report.value?(facts.count * parts, total)
                    }
                }
                return facts
            }
        }
        let factWalks = halves.enumerated().map { factWalk($0.element, half: $0.offset) }
        let reads = ordersWalks.map { $0 as SnapshotReading } + factWalks.map { $0 as SnapshotReading }
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for read in reads { read.start() }
                    for read in reads { read.waitForSnapshot() }
                    return .commit
                }
            }
        } catch {
            // The walks may have started; let them end before reporting.
            for read in reads { read.waitForEnd() }
            throw StoreError.from(error, path: path)
        }
        var summaries: [(customer: Int64, summary: PurchaseSummary)] = []
        var retention = OverviewFigures.Retention(activeYearAgo: 0, stillActive: 0)
        var all: [CustomerFacts]
        do {
            for walk in ordersWalks {
                let (part, figure) = try walk.result()
                if summaries.isEmpty { summaries = part } else { summaries += part }
                retention.activeYearAgo += figure.activeYearAgo
                retention.stillActive += figure.stillActive
            }
            all = []
            for walk in factWalks {
                if all.isEmpty { all = try walk.result() } else { all += try walk.result() }
            }
        } catch {
            for read in reads { read.waitForEnd() }
            throw StoreError.from(error, path: path)
        }
        phase?("readOrdersSeconds", ordersWalks.map(\.seconds).max() ?? 0)
        phase?("readFactsSeconds", factWalks.map(\.seconds).max() ?? 0)

        var aligned: [PurchaseSummary?] = []
        aligned.reserveCapacity(all.count)
        var summaryIndex = 0
        for index in all.indices {
            let id = all[index].customerID
            while summaryIndex < summaries.count && summaries[summaryIndex].customer < id {
                summaryIndex += 1
            }
            let summary =
                summaryIndex < summaries.count && summaries[summaryIndex].customer == id
                ? summaries[summaryIndex].summary : nil
            all[index].purchases = summary.map(PurchaseFacts.init(summary:))
            aligned.append(summary)
        }
        return ScoringInput(facts: all, summaries: aligned, retention: retention)
    }

    /// Facts and summary of one customer, read the same way (for rescoring after a logged change).
    public func scoringInput(customerID: Int64, asOf: CalendarDay, unit: TimeUnit) throws(StoreError)
        -> (facts: CustomerFacts, summary: PurchaseSummary?)
    {
        try read { db in
            let walks = try FactWalks(db, window: FactWindow(asOf: asOf), customers: .one(customerID))
            guard walks.customers.hasRow else { throw StoreError.customerNotFound("id \(customerID)") }
            let summary = try Self.purchaseSummaries(db, asOf: asOf, unit: unit, customers: .one(customerID))
                .first?.summary
            return (try walks.facts(customerID: customerID, summary: summary), summary)
        }
    }

    /// How many customers there are (for the walks' arrays and the progress; read before the
    /// snapshot, so only an estimate) and the median customer id, where the walks split (nil
    /// below 10,000 customers, where one walk of each kind is quick and a split would only
    /// cost threads).
    private func customerCountAndMedianID() throws(StoreError) -> (count: Int, median: Int64?) {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0
            guard total >= 10_000 else { return (total, nil) }
            let median = try Int64.fetchOne(
                db, sql: "SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?", arguments: [total / 2])
            return (total, median)
        }
    }

    /// Streams the orders index in (customer, time) order into the model's summary builder.
    static func purchaseSummaries(
        _ db: Database, asOf: CalendarDay, unit: TimeUnit, customers: CustomerSelection, capacity: Int = 1
    ) throws -> [(customer: Int64, summary: PurchaseSummary)] {
        var retention = RetentionCounter(asOf: asOf)
        return try purchaseSummaries(
            db, asOf: asOf, unit: unit, customers: customers, capacity: capacity, retention: &retention)
    }

    /// As above, counting the overview's retention figure on the way.
    static func purchaseSummaries(
        _ db: Database, asOf: CalendarDay, unit: TimeUnit, customers: CustomerSelection, capacity: Int,
        retention: inout RetentionCounter
    ) throws -> [(customer: Int64, summary: PurchaseSummary)] {
        var builder = PurchaseSummaryBuilder<Int64>(asOfDay: asOf.daysSinceEpoch, unit: unit)
        builder.reserveCapacity(capacity)
        let end = asOf.adding(days: 1).startUnixSeconds
        let filter = customers.condition("customer_id")
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
            let customer = sqlite3_column_int64(handle, 0)
            let seconds = sqlite3_column_int64(handle, 1)
            retention.add(customer: customer, orderedAt: seconds)
            try builder.add(
                customer: customer, day: CalendarDay(unixSeconds: seconds).daysSinceEpoch,
                amount: sqlite3_column_int64(handle, 2))
        }
        return builder.finish()
    }
}

/// What the scoring read does with each of its reads, whatever they return.
private protocol SnapshotReading {
    func start()
    func waitForSnapshot()
    /// Waits for the read to end and drops its result (after a failure elsewhere).
    func waitForEnd()
}

/// Counts, from orders in (customer, time) order up to the end of the as-of day, what
/// `overviewRetention(today:)` counts with SQL: customers with an order in the year before the
/// last 365 days, and how many of them ordered in the last 365 days too.
struct RetentionCounter {
    private let start: Int64
    private let cut: Int64
    private var customer: Int64?
    private var before = false
    private var still = false
    private var activeYearAgo = 0
    private var stillActive = 0

    init(asOf: CalendarDay) {
        start = asOf.adding(days: -729).startUnixSeconds
        cut = asOf.adding(days: -364).startUnixSeconds
    }

    mutating func add(customer id: Int64, orderedAt: Int64) {
        if id != customer {
            tally()
            customer = id
        }
        if orderedAt >= cut {
            still = true
        } else if orderedAt >= start {
            before = true
        }
    }

    private mutating func tally() {
        if before {
            activeYearAgo += 1
            if still { stillActive += 1 }
        }
        before = false
        still = false
    }

    /// The counts, once every order has been added.
    var figure: OverviewFigures.Retention {
        var last = self
        last.tally()
        return OverviewFigures.Retention(activeYearAgo: last.activeYearAgo, stillActive: last.stillActive)
    }
}

/// One read transaction on a helper thread that tells when its snapshot is fixed (after its
/// first statement) and hands over its result at the end.
private final class SnapshotRead<T: Sendable>: SnapshotReading, @unchecked Sendable {
    private let pool: DatabasePool
    private let body: @Sendable (Database) throws -> T
    private let snapshot = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private var snapshotSignalled = false
    private var outcome: Result<T, any Error>?
    private var started = false
    /// How long the read took, once `result()` has returned.
    private(set) var seconds = 0.0

    init(_ pool: DatabasePool, _ body: @escaping @Sendable (Database) throws -> T) {
        self.pool = pool
        self.body = body
    }

    /// Starts the read on a thread of its own: the dispatch pool runs only as many blocking
    /// tasks as there are cores, so a third read waited for a first to end, and the writer that
    /// fixes the snapshots held its lock all that time.
    func start() {
        started = true
        finished.enter()
        Thread { [self] in
            defer { finished.leave() }
            let begin = DispatchTime.now()
            outcome = Result {
                try pool.read { db in
                    // A read transaction's snapshot is fixed by its first read.
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    signalSnapshot()
                    return try body(db)
                }
            }
            signalSnapshot()
            seconds = Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e9
        }.start()
    }

    /// Only the helper thread calls this; the first call releases `waitForSnapshot`.
    private func signalSnapshot() {
        guard !snapshotSignalled else { return }
        snapshotSignalled = true
        snapshot.signal()
    }

    func waitForSnapshot() {
        if started { snapshot.wait() }
    }

    func waitForEnd() { _ = try? result() }

    /// Waits for the read and hands its result over (once: the read keeps no copy, so the
    /// caller can change a million facts in place without copying the array).
    func result() throws -> T {
        guard started else { throw StoreError.constraint("a snapshot read was never started") }
        finished.wait()
        guard let taken = outcome else { throw StoreError.constraint("a snapshot read returned nothing") }
        outcome = nil
        return try taken.get()
    }
}

/// Hands a value that only one thread at a time uses to a helper thread (the progress report
/// of the fact walk, called by that walk alone).
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
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
            binding_situational, binding_emotional, birthday, created_at, tags,
            kind = 'company' OR ifnull(company, '') <> '' AS is_business, consent_phone, consent_email
        FROM customers
        """

    /// An erased customer keeps only bookkeeping (orders, contracts): no score, no suggestion
    /// to contact them, no place in the list (DECISIONS.md). The erasure log is small; SQLite
    /// reads it once into an index for the whole walk.
    static let notErased = "id NOT IN (SELECT customer_id FROM erasures)"

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
            max(kind = 'onboarding') AS onboarding,
            max(CASE WHEN kind = 'survey' AND direction = 'outbound' THEN occurred_at END) AS last_survey,
            sum(kind = 'survey' AND direction = 'outbound' AND occurred_at >= :yearAgo) AS surveys_year,
            sum(CASE WHEN kind = 'survey' AND direction = 'outbound' AND occurred_at >= :yearAgo THEN
                (SELECT count(*) FROM feedback f WHERE f.interaction_id = interactions.id
                    AND f.metric = 'nps' AND f.nps_type = 'relational'
                    AND f.given_at >= :yearAgo AND f.given_at < :end)
                ELSE 0 END) AS surveys_answered_year
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
        GROUP BY customer_id, metric, nps_type ORDER BY customer_id, metric, nps_type
        """

    static let contracts = """
        SELECT customer_id, status, ends_on, notice_days, auto_renews, recurring_minor, billing_period
        FROM contracts WHERE /*customer*/1 ORDER BY customer_id, id
        """

    static let referrals = """
        SELECT referrer_id AS customer_id, referred_id FROM referrals /*referrer*/ ORDER BY referrer_id, id
        """
}

/// Which customers the fact walks read: all, one (rescoring after a logged change), or the
/// ids below or from a split point (the two halves of a whole-base read).
enum CustomerSelection {
    case all
    case one(Int64)
    case below(Int64)
    case from(Int64)

    /// `column <op> id AND `, to prefix an existing condition.
    func condition(_ column: String) -> String {
        switch self {
        case .all: ""
        case .one(let id): "\(column) = \(id) AND "
        case .below(let id): "\(column) < \(id) AND "
        case .from(let id): "\(column) >= \(id) AND "
        }
    }

    /// `WHERE column <op> id`, for a query without a condition of its own.
    func clause(_ column: String) -> String {
        let condition = condition(column)
        return condition.isEmpty ? "" : "WHERE " + condition.dropLast(5)
    }
}

/// The fact queries of one read, stepped together in customer order: the customers, and the
/// grouped touchpoints, follow-ups, feedback, contracts and referrals, each sorted by customer.
/// `customers` narrows every query to one customer or a range of ids.
final class FactWalks {
    let customers: RawWalk
    private let touches: RawWalk
    private let followUps: RawWalk
    private let feedback: RawWalk
    private let contracts: RawWalk
    private let referrals: RawWalk
    private let window: FactWindow

    init(_ db: Database, window: FactWindow, customers selection: CustomerSelection) throws {
        func walk(_ sql: String) throws -> RawWalk {
            let narrowed = sql.replacingOccurrences(
                of: "/*customer*/", with: selection.condition("customer_id")
            )
            .replacingOccurrences(of: "/*referrer*/", with: selection.clause("referrer_id"))
            .replacingOccurrences(of: "/*customer-id*/", with: selection.condition("id"))
            return try RawWalk(db, sql: narrowed, window: window)
        }
        self.window = window
        customers = try walk(
            FactSQL.customers + " WHERE /*customer-id*/" + FactSQL.notErased + " ORDER BY id")
        touches = try walk(FactSQL.touchpoints)
        followUps = try walk(FactSQL.followUps)
        feedback = try walk(FactSQL.feedback)
        contracts = try walk(FactSQL.contracts)
        referrals = try walk(FactSQL.referrals)
    }

    /// The facts of the customer the customer walk stands on; the other walks move past that
    /// customer's rows (rows of smaller ids, customers that no longer exist, are skipped).
    func facts(customerID id: Int64, summary: PurchaseSummary?) throws -> CustomerFacts {
        let row = customers
        func strength(_ column: Int32) -> BindingStrength {
            BindingStrength(rawValue: Int(row.int64(column))) ?? .none
        }
        var facts = CustomerFacts(
            customerID: id,
            relationshipType: row.text(1).flatMap { RelationshipType(rawValue: $0) } ?? .transactional,
            declaredBindings: BindingSignals(
                contractual: strength(2), economic: strength(3), technical: strength(4),
                situational: strength(5), emotional: strength(6)),
            loyaltyMember: row.withBytes(9) { LoyaltyTags.nameProgramme($0) },
            birthday: row.day(7),
            customerSince: CalendarDay(unixSeconds: row.int64(8)),
            purchases: summary.map(PurchaseFacts.init(summary:)))
        facts.contact = ContactPermission(
            isBusiness: row.int64(10) != 0, phone: row.int64(11) != 0, email: row.int64(12) != 0)

        if try touches.seek(id) {
            let touch = touches
            let day = { (column: Int32) -> CalendarDay? in touch.optionalInt64(column).map(CalendarDay.init) }
            facts.touchpoints = TouchpointFacts(
                lastTouch: day(1), lastOutboundContact: day(2), touchesLastYear: touch.int(3),
                touchesTotal: touch.int(4), firstTouch: day(5), openComplaints: touch.int(6),
                oldestOpenComplaint: day(7), recentTouches: touch.int(8), recentNegative: touch.int(9),
                hadOnboarding: touch.int64(10) != 0, lastSurveyAsked: day(11),
                surveysAskedLastYear: touch.int(12), surveysAnsweredLastYear: touch.int(13))
            if try followUps.seek(id), let setAt = followUps.optionalInt64(1) {
                let lastContact = touch.optionalInt64(2)
                if lastContact.map({ $0 <= setAt }) ?? true {
                    facts.touchpoints.nextFollowUp = followUps.day(2)
                }
            }
            try touches.step()
        }
        while try followUps.seek(id) { try followUps.step() }
        // Columns: customer_id, metric, nps_type, given_at, score, in_last_year.
        while try feedback.seek(id) {
            let answer = ScoreAnswer(
                score: feedback.int(4), day: CalendarDay(unixSeconds: feedback.int64(3)))
            switch (feedback.text(1), feedback.text(2)) {
            case ("nps"?, "transactional"?): facts.feedback.latestTransactionalNPS = answer
            case ("nps"?, "relational"?):
                facts.feedback.latestRelationalNPS = answer
                facts.feedback.relationalNPSLastYear = feedback.int(5)
            case ("csat"?, _): facts.feedback.latestCSAT = answer
            case ("ces"?, _): facts.feedback.latestCES = answer
            default: break
            }
            try feedback.step()
        }
        // Columns: customer_id, status, ends_on, notice_days, auto_renews, recurring_minor,
        // billing_period.
        while try contracts.seek(id) {
            let months: Int64 =
                switch contracts.text(6) {
                case "quarterly": 3
                case "yearly": 12
                default: 1
                }
            facts.contracts.append(
                ContractFacts(
                    status: contracts.text(1).flatMap { ContractStatus(rawValue: $0) } ?? .active,
                    endsOn: contracts.day(2),
                    noticeDays: contracts.int(3), autoRenews: contracts.int64(4) != 0,
                    monthlyValueMinor: contracts.int64(5) / months))
            try contracts.step()
        }
        while try referrals.seek(id) {
            facts.referredCustomers.append(referrals.int64(1))
            try referrals.step()
        }
        return facts
    }
}

/// One prepared statement stepped with the C API, its first column a customer id in ascending
/// order. Columns are read by position from the current row; the statement lives as long as
/// the walk, inside the caller's read.
final class RawWalk {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    /// Whether the statement stands on a row.
    private(set) var hasRow = false

    init(_ db: Database, sql: String, window: FactWindow) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(handle)
        for (name, value) in [(":end", window.end), (":yearAgo", window.yearAgo), (":recent", window.recent)]
        {
            let index = sqlite3_bind_parameter_index(handle, name)
            if index > 0 { sqlite3_bind_int64(handle, index, value) }
        }
        try step()
    }

    deinit { sqlite3_reset(handle) }

    /// Moves to the next row.
    func step() throws {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW {
            hasRow = true
        } else if code == SQLITE_DONE {
            hasRow = false
        } else {
            hasRow = false
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                sql: statement.sql)
        }
    }

    /// Skips rows of customers below `id`; true when the current row belongs to `id`.
    func seek(_ id: Int64) throws -> Bool {
        while hasRow {
            let current = int64(0)
            if current >= id { return current == id }
            try step()
        }
        return false
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    /// A `YYYY-MM-DD` column as a day. Plain ten-byte dates are read from the bytes (the generic
    /// string parser was most of the fact decoding); anything else goes through
    /// `CalendarDay(iso:)`, so both accept exactly the same texts.
    func day(_ column: Int32) -> CalendarDay? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        let text = UnsafeBufferPointer(start: bytes, count: count)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = text[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        if count == 10, text[4] == 0x2D, text[7] == 0x2D, let year = digits(0..<4), let month = digits(5..<7),
            let day = digits(8..<10)
        {
            return CalendarDay(year: year, month: month, day: day)
        }
        return CalendarDay(iso: String(decoding: text, as: UTF8.self))
    }

    /// The column's text as bytes (empty for NULL), without making a String.
    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: count))
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
