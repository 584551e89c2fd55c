import Foundation
import GRDB
import Scoring
import Testing

@testable import CustomerStore

/// Closing the loop: a resolved complaint closes the customer's open ones, and undo reopens
/// exactly those.
@Suite("Resolving complaints by logging")
struct ComplaintClosingTests {
    let folder: TemporaryFolder
    let store: CustomerStore
    let anna: Int64
    let ben: Int64

    init() throws {
        folder = try TemporaryFolder()
        store = try CustomerStore.open(path: folder.file("complaints.sqlite"))
        anna = try store.insert(CustomerRecord(id: 0, name: "Anna Müller", createdAt: 0))
        ben = try store.insert(CustomerRecord(id: 0, name: "Ben Öztürk", createdAt: 0))
    }

    @discardableResult
    func complaint(_ customer: Int64, at time: Int64, _ status: ComplaintStatus, resolvedAt: Int64? = nil)
        throws -> Int64
    {
        try store.insert(
            InteractionRecord(
                id: 0, customerID: customer, occurredAt: time, channel: .email, direction: .inbound,
                kind: .complaint, note: "Beschwerde \(time)", complaintStatus: status, resolvedAt: resolvedAt,
                createdAt: time))
    }

    func resolution(_ customer: Int64, at time: Int64) -> InteractionRecord {
        InteractionRecord(
            id: 0, customerID: customer, occurredAt: time, channel: .call, direction: .outbound,
            kind: .complaint, outcome: .reached, note: "Gutschrift vereinbart", complaintStatus: .resolved,
            resolvedAt: time, createdAt: time)
    }

    /// Every interaction as (id, customer, status, resolved_at), to compare whole tables.
    func complaints() throws -> [String] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, customer_id, complaint_status, resolved_at FROM interactions ORDER BY id
                    """
            ).map {
                "\($0["id"] as Int64) \($0["customer_id"] as Int64) \($0["complaint_status"] as String? ?? "-") \($0["resolved_at"] as Int64? ?? -1)"
            }
        }
    }

    func status(_ id: Int64) throws -> (String?, Int64?) {
        try store.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT complaint_status, resolved_at FROM interactions WHERE id = ?",
                arguments: [id])
            return (row?["complaint_status"], row?["resolved_at"])
        }
    }

    @Test("A resolved complaint closes the customer's open complaints, and only theirs, up to its time")
    func closes() throws {
        let first = try complaint(anna, at: 100, .open)
        let second = try complaint(anna, at: 200, .open)
        let earlier = try complaint(anna, at: 50, .resolved, resolvedAt: 60)
        let later = try complaint(anna, at: 400, .open)
        let bens = try complaint(ben, at: 150, .open)

        let stored = try store.logTouchpoint(resolution(anna, at: 300), feedback: [])
        #expect(stored.closedComplaintIDs == [first, second])
        #expect(try status(first) == ("resolved", 300))
        #expect(try status(second) == ("resolved", 300))
        #expect(try status(stored.id) == ("resolved", 300))
        // An earlier resolution keeps its time; a complaint made after the resolution and
        // another customer's complaint stay open.
        #expect(try status(earlier) == ("resolved", 60))
        #expect(try status(later) == ("open", nil))
        #expect(try status(bens) == ("open", nil))
    }

    @Test("Undo removes the resolution and reopens exactly the complaints it closed")
    func undoReopens() throws {
        try complaint(anna, at: 100, .open)
        try complaint(anna, at: 200, .open)
        try complaint(anna, at: 50, .resolved, resolvedAt: 60)
        try complaint(ben, at: 150, .open)
        let before = try complaints()

        let stored = try store.logTouchpoint(resolution(anna, at: 300), feedback: [])
        #expect(stored.closedComplaintIDs.count == 2)
        #expect(try complaints() != before)
        #expect(
            try store.deleteInteraction(
                id: stored.id, customerID: anna, createdAt: 300, reopening: stored.closedComplaintIDs))
        #expect(try complaints() == before)
    }

    @Test("Undo leaves a complaint resolved again since, or another customer's, as it is")
    func undoIsExact() throws {
        let open = try complaint(anna, at: 100, .open)
        let bens = try complaint(ben, at: 100, .open)
        let stored = try store.logTouchpoint(resolution(anna, at: 300), feedback: [])
        #expect(stored.closedComplaintIDs == [open])
        // Resolved again by someone else (another time): not this save's closing any more.
        try store.write { db in
            try db.execute(sql: "UPDATE interactions SET resolved_at = 350 WHERE id = ?", arguments: [open])
        }
        #expect(try store.deleteInteraction(id: stored.id, reopening: [open, bens]))
        #expect(try status(open) == ("resolved", 350))
        #expect(try status(bens) == ("open", nil))
    }

    @Test("Without open complaints a resolved complaint is just a touchpoint; an open one closes nothing")
    func nothingToClose() throws {
        let earlier = try complaint(anna, at: 50, .resolved, resolvedAt: 60)
        let stored = try store.logTouchpoint(resolution(anna, at: 300), feedback: [])
        #expect(stored.closedComplaintIDs.isEmpty)
        #expect(try status(stored.id) == ("resolved", 300))
        #expect(try status(earlier) == ("resolved", 60))

        let old = try complaint(ben, at: 100, .open)
        var another = resolution(ben, at: 200)
        another.complaintStatus = .open
        another.resolvedAt = nil
        let opened = try store.logTouchpoint(another, feedback: [])
        #expect(opened.closedComplaintIDs.isEmpty)
        #expect(try status(old) == ("open", nil))
        #expect(try status(opened.id) == ("open", nil))
    }
}
