import GRDB
import Scoring

extension CustomerStore {
    /// Finds customers by id, external id, or (failing both) a search over names and notes.
    /// One hit means the customer is clear; several mean the caller must ask which.
    public func resolveCustomer(_ text: String, limit: Int = 10) throws(StoreError) -> [CustomerHit] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let exact = try read { db -> CustomerHit? in
            let sql = "SELECT id, name, company, city FROM customers WHERE "
            let row =
                try Row.fetchOne(db, sql: sql + "external_id = ?", arguments: [trimmed])
                ?? (Int64(trimmed).map { id in try? Row.fetchOne(db, sql: sql + "id = ?", arguments: [id]) }
                    ?? nil)
            return row.map {
                CustomerHit(id: $0["id"], name: $0["name"], company: $0["company"], city: $0["city"])
            }
        }
        if let exact { return [exact] }
        return try searchCustomers(trimmed, limit: limit)
    }

    /// Logs a touchpoint and its feedback answers in one `IMMEDIATE` transaction; the feedback
    /// rows point at the new interaction. Returns the interaction's id.
    @discardableResult
    public func logInteraction(_ interaction: InteractionRecord, feedback: [FeedbackRecord])
        throws(StoreError) -> Int64
    {
        try write { db in
            let insert = try db.makeStatement(sql: RecordSQL.insertInteraction)
            try RawBinder.execute(insert, in: db) { RecordSQL.bind(interaction, to: $0) }
            let interactionID = db.lastInsertedRowID
            let insertFeedback = try db.makeStatement(sql: RecordSQL.insertFeedback)
            for var answer in feedback {
                answer.interactionID = interactionID
                try RawBinder.execute(insertFeedback, in: db) { RecordSQL.bind(answer, to: $0) }
            }
            return interactionID
        }
    }

    /// Removes a logged touchpoint and its feedback (undo), in one transaction. Returns whether
    /// it was there; when it was not, nothing is changed.
    ///
    /// `customerID` and `createdAt`, when given, must match too: rowids of deleted rows can be
    /// handed out again, so an undo names the row it means by more than its id and never
    /// removes a newer touchpoint that happens to have the same id.
    @discardableResult
    public func deleteInteraction(id: Int64, customerID: Int64? = nil, createdAt: Int64? = nil)
        throws(StoreError) -> Bool
    {
        try write { db in
            let exists =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM interactions WHERE id = :id
                            AND (:customer IS NULL OR customer_id = :customer)
                            AND (:created IS NULL OR created_at = :created))
                        """, arguments: ["id": id, "customer": customerID, "created": createdAt]) ?? false
            guard exists else { return false }
            try db.execute(sql: "DELETE FROM feedback WHERE interaction_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM interactions WHERE id = ?", arguments: [id])
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
