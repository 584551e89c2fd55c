import Foundation
import GRDB
import Scoring

/// The insert statements for every record type, and how each record binds to them.
/// One place, so bulk loads and single named writes can never disagree.
enum RecordSQL {
    static let insertCustomer = """
        INSERT INTO customers (id, external_id, name, sort_name, company, kind, email, phone, street,
            postal_code, city, country, owner, relationship_type, binding_contractual, binding_economic,
            binding_technical, binding_situational, binding_emotional, birthday, tags, consent_email,
            consent_phone, consent_post, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26)
        """

    static func bind(_ c: CustomerRecord, to b: RawBinder) {
        b.bind(1, c.id > 0 ? c.id : nil)
        b.bind(2, c.externalID)
        b.bind(3, c.name)
        b.bind(4, sortKey(c.name))
        b.bind(5, c.company)
        b.bind(6, c.kind.rawValue)
        b.bind(7, c.email)
        b.bind(8, c.phone)
        b.bind(9, c.street)
        b.bind(10, c.postalCode)
        b.bind(11, c.city)
        b.bind(12, c.country)
        b.bind(13, c.owner)
        b.bind(14, c.relationshipType.rawValue)
        b.bind(15, c.bindings.contractual.rawValue)
        b.bind(16, c.bindings.economic.rawValue)
        b.bind(17, c.bindings.technical.rawValue)
        b.bind(18, c.bindings.situational.rawValue)
        b.bind(19, c.bindings.emotional.rawValue)
        b.bind(20, c.birthday?.iso)
        b.bind(21, jsonArray(c.tags))
        b.bind(22, c.consentEmail)
        b.bind(23, c.consentPhone)
        b.bind(24, c.consentPost)
        b.bind(25, c.createdAt)
        b.bind(26, c.updatedAt)
    }

    static let insertOrder = """
        INSERT INTO orders (id, customer_id, ordered_at, amount_minor, currency, category, external_ref)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """

    static func bind(_ o: OrderRecord, to b: RawBinder) {
        b.bind(1, o.id > 0 ? o.id : nil)
        b.bind(2, o.customerID)
        b.bind(3, o.orderedAt)
        b.bind(4, o.amountMinor)
        b.bind(5, o.currency)
        b.bind(6, o.category)
        b.bind(7, o.externalRef)
    }

    static let insertContract = """
        INSERT INTO contracts (id, customer_id, product, starts_on, ends_on, auto_renews, notice_days,
            recurring_minor, currency, billing_period, status, external_ref)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
        """

    static func bind(_ c: ContractRecord, to b: RawBinder) {
        b.bind(1, c.id > 0 ? c.id : nil)
        b.bind(2, c.customerID)
        b.bind(3, c.product)
        b.bind(4, c.startsOn.iso)
        b.bind(5, c.endsOn?.iso)
        b.bind(6, c.autoRenews)
        b.bind(7, c.noticeDays)
        b.bind(8, c.recurringMinor)
        b.bind(9, c.currency)
        b.bind(10, c.billingPeriod.rawValue)
        b.bind(11, c.status.rawValue)
        b.bind(12, c.externalRef)
    }

    static let insertInteraction = """
        INSERT INTO interactions (id, customer_id, occurred_at, channel, direction, kind, outcome, sentiment,
            note, author, follow_up_on, complaint_status, resolved_at, external_ref, created_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """

    static func bind(_ i: InteractionRecord, to b: RawBinder) {
        b.bind(1, i.id > 0 ? i.id : nil)
        b.bind(2, i.customerID)
        b.bind(3, i.occurredAt)
        b.bind(4, i.channel.rawValue)
        b.bind(5, i.direction.rawValue)
        b.bind(6, i.kind.rawValue)
        b.bind(7, i.outcome?.rawValue)
        b.bind(8, i.sentiment?.rawValue)
        b.bind(9, i.note)
        b.bind(10, i.author)
        b.bind(11, i.followUpOn?.iso)
        b.bind(12, i.complaintStatus?.rawValue)
        b.bind(13, i.resolvedAt)
        b.bind(14, i.externalRef)
        b.bind(15, i.createdAt)
    }

    static let insertFeedback = """
        INSERT INTO feedback (id, customer_id, interaction_id, given_at, metric, nps_type, score, comment)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        """

    static func bind(_ f: FeedbackRecord, to b: RawBinder) {
        b.bind(1, f.id > 0 ? f.id : nil)
        b.bind(2, f.customerID)
        b.bind(3, f.interactionID)
        b.bind(4, f.givenAt)
        b.bind(5, f.metric.rawValue)
        b.bind(6, f.npsType?.rawValue)
        b.bind(7, f.score)
        b.bind(8, f.comment)
    }

    static let insertReferral = """
        INSERT INTO referrals (id, referrer_id, referred_id, referred_at) VALUES (?1, ?2, ?3, ?4)
        """

    static func bind(_ r: ReferralRecord, to b: RawBinder) {
        b.bind(1, r.id > 0 ? r.id : nil)
        b.bind(2, r.referrerID)
        b.bind(3, r.referredID)
        b.bind(4, r.referredAt)
    }

    /// The key the customer list sorts names by: case- and accent-folded, so "Özdemir"
    /// sorts with "Ozdemir" and "müller" with "Müller". `ß` folds to "ss" as in German dictionaries.
    static func sortKey(_ name: String) -> String {
        NameFolding.sortKey(name)
    }

    /// A JSON array of strings, escaped by hand (tags are short; no encoder round trip per row).
    static func jsonArray(_ values: [String]) -> String {
        guard !values.isEmpty else { return "[]" }
        return "[" + values.map(jsonString).joined(separator: ",") + "]"
    }

    static func jsonString(_ value: String) -> String {
        JSONText.quoted(value)
    }
}
