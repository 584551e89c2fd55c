import GRDB
import Scoring

extension CustomerStore {
    /// Finds customers by external id or id, or (failing both) a search over names and notes.
    /// One hit means the customer is clear; several mean the caller must ask which.
    ///
    /// A number can be both: one customer's external id ("1" from a source system) and another
    /// one's store id. Then both are returned, so nothing irreversible (an erasure) happens to
    /// the wrong one; `id:N` names the store id alone.
    public func resolveCustomer(_ text: String, limit: Int = 10) throws(StoreError) -> [CustomerHit] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let sql = "SELECT id, name, company, city, external_id FROM customers WHERE "
        func hit(_ row: Row) -> CustomerHit {
            CustomerHit(
                id: row["id"], name: row["name"], company: row["company"], city: row["city"],
                externalID: row["external_id"])
        }
        if trimmed.lowercased().hasPrefix("id:") {
            guard let id = Int64(trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)) else { return [] }
            return try read { db in try Row.fetchOne(db, sql: sql + "id = ?", arguments: [id]).map(hit) }
                .map { [$0] } ?? []
        }
        let exact = try read { db -> [CustomerHit] in
            var hits = try Row.fetchAll(db, sql: sql + "external_id = ?", arguments: [trimmed]).map(hit)
            if let id = Int64(trimmed), let byID = try Row.fetchOne(db, sql: sql + "id = ?", arguments: [id]),
                !hits.contains(where: { $0.id == id })
            {
                hits.append(hit(byID))
            }
            return hits
        }
        if !exact.isEmpty { return exact }
        return try searchCustomers(trimmed, limit: limit)
    }

    /// Logs a touchpoint and its feedback answers in one `IMMEDIATE` transaction; the feedback
    /// rows point at the new interaction. Returns the interaction's id. A resolved complaint
    /// also closes the customer's open complaints (see `logTouchpoint`).
    @discardableResult
    public func logInteraction(_ interaction: InteractionRecord, feedback: [FeedbackRecord])
        throws(StoreError) -> Int64
    {
        try logTouchpoint(interaction, feedback: feedback).id
    }

    /// Logs a touchpoint and its feedback answers in one `IMMEDIATE` transaction; the feedback
    /// rows point at the new interaction.
    ///
    /// A complaint touchpoint with status resolved closes the loop: in the same transaction the
    /// customer's open complaints made up to its time become resolved, with its `resolved_at`.
    /// Without this an open complaint could never be closed by logging, and its "resolve the
    /// open complaint" action came back after every call. The closed ids are returned so undo
    /// can reopen exactly those.
    ///
    /// `markingDoneOn`: a call-session call also marks the customer done on the call list for
    /// that day, in the same transaction, so a call is never stored without its mark (the
    /// session would offer the customer again, and a second key would log the call twice).
    public func logTouchpoint(
        _ interaction: InteractionRecord, feedback: [FeedbackRecord], markingDoneOn day: CalendarDay? = nil
    ) throws(StoreError) -> LoggedTouchpoint {
        try write { db in
            // An erased person's touchpoints were deleted; logging one would start a new record
            // of them.
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM erasures WHERE customer_id = ?", arguments: [interaction.customerID])
                ?? false
            {
                throw StoreError.failed(
                    path: path,
                    reason:
                        "customer \(interaction.customerID) was erased (GDPR); nothing more is recorded about them"
                )
            }
            var closed: [Int64] = []
            if interaction.kind == .complaint, interaction.complaintStatus == .resolved {
                let resolvedAt = interaction.resolvedAt ?? interaction.occurredAt
                let open = "customer_id = ? AND complaint_status = 'open' AND occurred_at <= ?"
                let arguments: StatementArguments = [interaction.customerID, interaction.occurredAt]
                closed = try Int64.fetchAll(
                    db, sql: "SELECT id FROM interactions WHERE \(open) ORDER BY id", arguments: arguments)
                try db.execute(
                    sql:
                        "UPDATE interactions SET complaint_status = 'resolved', resolved_at = ? WHERE \(open)",
                    arguments: [resolvedAt] + arguments)
            }
            let insert = try db.makeStatement(sql: RecordSQL.insertInteraction)
            try RawBinder.execute(insert, in: db) { RecordSQL.bind(interaction, to: $0) }
            let interactionID = db.lastInsertedRowID
            let insertFeedback = try db.makeStatement(sql: RecordSQL.insertFeedback)
            for var answer in feedback {
                answer.interactionID = interactionID
                try RawBinder.execute(insertFeedback, in: db) { RecordSQL.bind(answer, to: $0) }
            }
            if let day {
                try Self.storeMark(
                    db, customerID: interaction.customerID, .done, today: day,
                    hiddenUntil: day.adding(days: 1),
                    at: interaction.createdAt)
            }
            return LoggedTouchpoint(id: interactionID, closedComplaintIDs: closed)
        }
    }

    /// Removes a logged touchpoint and its feedback (undo), in one transaction. Returns whether
    /// it was there; when it was not, nothing is changed.
    ///
    /// `customerID` and `createdAt`, when given, must match too: rowids of deleted rows can be
    /// handed out again, so an undo names the row it means by more than its id and never
    /// removes a newer touchpoint that happens to have the same id.
    ///
    /// `reopening` are the complaints the save closed (`LoggedTouchpoint.closedComplaintIDs`):
    /// they become open again in the same transaction, so undo leaves the store as it was. Only
    /// those of the same customer still resolved at the removed row's `resolved_at` are
    /// reopened, so a complaint resolved again since then stays resolved.
    @discardableResult
    public func deleteInteraction(
        id: Int64, customerID: Int64? = nil, createdAt: Int64? = nil, reopening: [Int64] = []
    ) throws(StoreError) -> Bool {
        try write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT customer_id, resolved_at FROM interactions WHERE id = :id
                        AND (:customer IS NULL OR customer_id = :customer)
                        AND (:created IS NULL OR created_at = :created)
                    """, arguments: ["id": id, "customer": customerID, "created": createdAt])
            guard let row else { return false }
            try db.execute(sql: "DELETE FROM feedback WHERE interaction_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM interactions WHERE id = ?", arguments: [id])
            if !reopening.isEmpty, let resolvedAt = row["resolved_at"] as Int64? {
                let owner: Int64 = row["customer_id"]
                let reopen = try db.makeStatement(
                    sql: """
                        UPDATE interactions SET complaint_status = 'open', resolved_at = NULL
                        WHERE id = ? AND customer_id = ? AND complaint_status = 'resolved' AND resolved_at = ?
                        """)
                for complaint in reopening {
                    try reopen.execute(arguments: [complaint, owner, resolvedAt])
                }
            }
            return true
        }
    }

    /// Stored CLVs of the customers a customer referred (for the referral credit of a rescoring).
    public func referredCLVs(of customerID: Int64) throws(StoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT coalesce(scores.clv_minor, 0) FROM referrals
                    LEFT JOIN scores ON scores.customer_id = referrals.referred_id
                    WHERE referrals.referrer_id = ?
                    """, arguments: [customerID])
        }
    }
}

/// A stored touchpoint: its id and the open complaints it closed (a resolved complaint closes
/// the customer's open ones), which undo reopens.
public struct LoggedTouchpoint: Sendable, Equatable {
    public var id: Int64
    public var closedComplaintIDs: [Int64]

    public init(id: Int64, closedComplaintIDs: [Int64] = []) {
        self.id = id
        self.closedComplaintIDs = closedComplaintIDs
    }
}
