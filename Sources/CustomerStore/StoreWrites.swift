import GRDB
import Scoring

/// Named writes of single records. Each is one `IMMEDIATE` transaction and returns the new id.
extension CustomerStore {
    @discardableResult
    public func insert(_ customer: CustomerRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertCustomer) { RecordSQL.bind(customer, to: $0) }
    }

    @discardableResult
    public func insert(_ order: OrderRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertOrder) { RecordSQL.bind(order, to: $0) }
    }

    @discardableResult
    public func insert(_ contract: ContractRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertContract) { RecordSQL.bind(contract, to: $0) }
    }

    @discardableResult
    public func insert(_ interaction: InteractionRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertInteraction) { RecordSQL.bind(interaction, to: $0) }
    }

    @discardableResult
    public func insert(_ feedback: FeedbackRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertFeedback) { RecordSQL.bind(feedback, to: $0) }
    }

    @discardableResult
    public func insert(_ referral: ReferralRecord) throws(StoreError) -> Int64 {
        try insertOne(RecordSQL.insertReferral) { RecordSQL.bind(referral, to: $0) }
    }

    private func insertOne(_ sql: String, bind: (RawBinder) -> Void) throws(StoreError) -> Int64 {
        try write { db in
            let statement = try db.makeStatement(sql: sql)
            try RawBinder.execute(statement, in: db, bind: bind)
            return db.lastInsertedRowID
        }
    }
}
