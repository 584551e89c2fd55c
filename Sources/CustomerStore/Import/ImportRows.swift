import Scoring

/// One valid row, with the customer it belongs to still as the file's external id (resolved
/// to a store id in the write pass).
struct ImportRow {
    var line: Int
    var customer: String
    var payload: Payload

    enum Payload {
        /// The customer as the file has it; `columns` lists the store columns the file holds,
        /// which are the only ones an update changes.
        case customer(CustomerRecord, columns: [String])
        case order(OrderRecord)
        case interaction(InteractionRecord)
        case feedback(FeedbackRecord)
        case contract(ContractRecord, columns: [String])
    }
}

/// Turns one record into an `ImportRow` of the importer's kind, checking every value against
/// the schema's constraints first (a bad value is a located error, never a failed INSERT).
enum ImportRows {
    static func parse(
        _ cell: inout ImportCell, kind: ImportKind, style: ImportNumberStyle??, createdAt: Int64
    )
        -> ImportRow?
    {
        let customer = cell.required("customer_id", what: .customerID)
        let payload: ImportRow.Payload?
        switch kind {
        case .customers: payload = customerRow(&cell, customer: customer, createdAt: createdAt)
        case .orders: payload = order(&cell, style: style)
        case .interactions: payload = interaction(&cell, createdAt: createdAt)
        case .feedback: payload = feedback(&cell)
        case .contracts: payload = contract(&cell, style: style)
        }
        guard let customer, let payload, cell.problems.isEmpty else { return nil }
        return ImportRow(line: cell.record.line, customer: customer, payload: payload)
    }

    private static func customerRow(_ cell: inout ImportCell, customer: String?, createdAt: Int64)
        -> ImportRow.Payload?
    {
        var record = CustomerRecord(id: 0, externalID: customer, name: customer ?? "", createdAt: createdAt)
        var columns: [String] = []
        // An empty cell never overwrites: a known customer keeps what the store has (as the
        // big CRMs' imports do), so a sparse export or a repeated row cannot blank an email.
        // The name stays required: an empty one is a problem.
        func present(_ field: String, _ column: String? = nil) -> Bool {
            guard cell.has(field), field == "name" || !cell.isBlank(field) else { return false }
            columns.append(column ?? field)
            return true
        }
        if present("name") {
            record.name = cell.required("name", what: .name) ?? ""
            columns.append("sort_name")
        }
        if present("company") { record.company = cell.text("company", limit: ImportCell.shortLimit) }
        if present("kind") { record.kind = cell.choice("kind", kinds, what: .customerKind) ?? .person }
        if present("email") { record.email = cell.text("email", limit: 320) }
        if present("phone") { record.phone = cell.text("phone", limit: 64) }
        if present("street") { record.street = cell.text("street", limit: ImportCell.shortLimit) }
        if present("postal_code") { record.postalCode = cell.text("postal_code", limit: 32) }
        if present("city") { record.city = cell.text("city", limit: ImportCell.shortLimit) }
        if present("country") { record.country = cell.choice("country", countries, what: .country) }
        if present("owner") { record.owner = cell.text("owner", limit: ImportCell.shortLimit) }
        if present("relationship_type") {
            record.relationshipType =
                cell.choice("relationship_type", relationships, what: .relationshipType) ?? .transactional
        }
        if present("birthday") { record.birthday = cell.day("birthday") ?? nil }
        if present("tags") {
            record.tags =
                cell.text("tags", limit: 2_000).map {
                    $0.split(whereSeparator: { ",;|".contains($0) }).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }
                } ?? []
        }
        if present("consent_email") { record.consentEmail = cell.flag("consent_email") ?? false }
        if present("consent_phone") { record.consentPhone = cell.flag("consent_phone") ?? false }
        if present("consent_post") { record.consentPost = cell.flag("consent_post") ?? false }
        return .customer(record, columns: columns)
    }

    private static func order(_ cell: inout ImportCell, style: ImportNumberStyle??) -> ImportRow.Payload? {
        let time = cell.time("date")
        let amount = cell.amount("amount", style: style)
        let currency = cell.storeCurrency("currency", amountField: "amount")
        let category = cell.text("category", limit: ImportCell.shortLimit)
        let number = cell.text("order_number", limit: ImportCell.shortLimit)
        guard let time, let amount else { return nil }
        return .order(
            OrderRecord(
                id: 0, customerID: 0, orderedAt: time, amountMinor: amount, currency: currency,
                category: category, externalRef: number))
    }

    private static func interaction(_ cell: inout ImportCell, createdAt: Int64) -> ImportRow.Payload? {
        let time = cell.time("date")
        let channel = cell.choice("channel", channels, what: .channel)
        if channel == nil && cell.problems.isEmpty { cell.problem("channel", .empty(.channel), "") }
        let kind = cell.choice("kind", interactionKinds, what: .interactionKind)
        if kind == nil && cell.problems.isEmpty { cell.problem("kind", .empty(.interactionKind), "") }
        let direction =
            cell.choice("direction", directions, what: .direction) ?? kind?.usualDirection ?? .outbound
        // A German CRM's one "Status" column (read as the outcome) carries a complaint's state on
        // complaint rows when there is no complaint-status column: "offen", "erledigt", "gelöst".
        let outcomeKey = cell.text("outcome", limit: 64).map(ImportValues.headerKey)
        let stateInOutcome =
            kind == .complaint && !cell.has("complaint_status")
            ? outcomeKey.flatMap { complaintStates[$0] } : nil
        let outcome =
            stateInOutcome != nil && outcomeKey.flatMap({ outcomes[$0] }) == nil
            ? nil : cell.choice("outcome", outcomes, what: .outcome)
        let sentiment =
            cell.text("sentiment", limit: 16).flatMap { Int($0) }.flatMap(Sentiment.init(rawValue:))
            ?? cell.choice("sentiment", sentiments, what: .sentiment)
        let note = cell.text("note", multiline: true) ?? ""
        let author = cell.text("author", limit: ImportCell.shortLimit)
        let followUp = cell.day("follow_up_on") ?? nil
        var status = cell.choice("complaint_status", complaintStates, what: .complaintStatus)
        let reference = cell.text("reference", limit: ImportCell.shortLimit)
        guard let time, let channel, let kind else { return nil }
        // The schema ties complaint status to complaints: open by default, none for other kinds.
        if kind == .complaint && status == nil { status = stateInOutcome ?? .open }
        if kind != .complaint && status != nil {
            cell.problem("complaint_status", .statusOnlyForComplaints, status?.rawValue)
            return nil
        }
        return .interaction(
            InteractionRecord(
                id: 0, customerID: 0, occurredAt: time, channel: channel, direction: direction, kind: kind,
                outcome: outcome, sentiment: sentiment, note: note, author: author, followUpOn: followUp,
                complaintStatus: status, externalRef: reference, createdAt: createdAt))
    }

    private static func feedback(_ cell: inout ImportCell) -> ImportRow.Payload? {
        let time = cell.time("date")
        var metric = cell.choice("metric", metrics, what: .metric)
        if metric == nil, cell.text("metric") == nil, let implied = cell.mapping.impliedMetric {
            metric = FeedbackMetric(rawValue: implied)
        }
        if metric == nil && !cell.problems.contains(where: { $0.column == cell.mapping["metric"] }) {
            cell.problem(
                cell.has("metric") ? "metric" : "score",
                .whichMetric, nil)
        }
        let scoreText = cell.text("score", limit: 8)
        var npsType = cell.choice("nps_type", npsTypes, what: .npsType)
        let comment = cell.text("comment", multiline: true)
        guard let time, let metric else { return nil }
        guard let scoreText, let score = Int(scoreText), metric.range.contains(score) else {
            cell.problem("score", .scoreOutOfRange(metric), scoreText ?? "")
            return nil
        }
        if metric == .nps { npsType = npsType ?? .relational } else { npsType = nil }
        return .feedback(
            FeedbackRecord(
                id: 0, customerID: 0, givenAt: time, metric: metric, npsType: npsType, score: score,
                comment: comment))
    }

    private static func contract(_ cell: inout ImportCell, style: ImportNumberStyle??) -> ImportRow.Payload? {
        var columns: [String] = []
        // As for customers: an empty cell keeps the stored value.
        func present(_ field: String, _ column: String) -> Bool {
            guard cell.has(field), !cell.isBlank(field) else { return false }
            columns.append(column)
            return true
        }
        let product = cell.required("product", what: .product)
        let starts = cell.day("starts_on") ?? nil
        if starts == nil && cell.problems.isEmpty { cell.problem("starts_on", .empty(.startDate), "") }
        var record = ContractRecord(
            id: 0, customerID: 0, product: product ?? "", startsOn: starts ?? CalendarDay(daysSinceEpoch: 0),
            endsOn: nil)
        if present("ends_on", "ends_on") { record.endsOn = cell.day("ends_on") ?? nil }
        if present("auto_renews", "auto_renews") { record.autoRenews = cell.flag("auto_renews") ?? true }
        if present("notice_days", "notice_days") {
            record.noticeDays = cell.integer("notice_days", range: 0...3650, what: .noticePeriod) ?? 0
        }
        if present("recurring_amount", "recurring_minor") {
            let amount = cell.amount("recurring_amount", style: style) ?? 0
            if amount < 0 { cell.problem("recurring_amount", .negativeRecurringAmount, nil) }
            record.recurringMinor = amount
        }
        if present("currency", "currency") { record.currency = "EUR" }
        // A column or the amount's own symbol naming another currency is refused.
        _ = cell.storeCurrency("currency", amountField: "recurring_amount")
        if present("billing_period", "billing_period") {
            record.billingPeriod = cell.choice("billing_period", periods, what: .billingPeriod) ?? .monthly
        }
        if present("status", "status") {
            record.status = cell.choice("status", contractStates, what: .contractStatus) ?? .active
        }
        record.externalRef = cell.text("reference", limit: ImportCell.shortLimit)
        if let starts, let ends = record.endsOn, ends < starts {
            cell.problem("ends_on", .endsBeforeStart, ends.iso)
        }
        guard product != nil, starts != nil else { return nil }
        return .contract(record, columns: columns)
    }

    /// Folded spellings (see `ImportValues.headerKey`) to vocabulary values, English and German.
    static func table<T>(_ pairs: [(String, T)]) -> [String: T] {
        Dictionary(
            pairs.map { (ImportValues.headerKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    static let kinds = table([
        ("person", CustomerKind.person), ("privat", .person), ("privatperson", .person), ("private", .person),
        ("company", .company), ("firma", .company), ("unternehmen", .company), ("business", .company),
        ("geschäftskunde", .company),
    ])
    static let relationships = table([
        ("transactional", RelationshipType.transactional), ("transaktional", .transactional),
        ("transaktionsorientiert", .transactional), ("relationship", .relationship),
        ("beziehung", .relationship),
        // What the German detail screen shows, so a list copied from it imports back.
        ("beziehungsorientiert", .relationship),
    ])
    static let countries: [String: String] = {
        var table: [String: String] = [:]
        for code in [
            "DE", "AT", "CH", "FR", "IT", "NL", "BE", "LU", "PL", "DK", "CZ", "ES", "GB", "US", "LI",
        ] {
            table[code.lowercased()] = code
        }
        for (name, code) in [
            ("deutschland", "DE"), ("germany", "DE"), ("österreich", "AT"), ("austria", "AT"),
            ("schweiz", "CH"),
            ("switzerland", "CH"), ("frankreich", "FR"), ("france", "FR"), ("italien", "IT"), ("italy", "IT"),
            ("niederlande", "NL"), ("netherlands", "NL"), ("belgien", "BE"), ("luxemburg", "LU"),
            ("polen", "PL"), ("dänemark", "DK"), ("tschechien", "CZ"), ("spanien", "ES"), ("uk", "GB"),
            ("usa", "US"), ("liechtenstein", "LI"),
        ] {
            table[ImportValues.headerKey(name)] = code
        }
        return table
    }()
    static let channels = table([
        ("call", Channel.call), ("anruf", .call), ("telefon", .call), ("phone", .call), ("email", .email),
        ("e-mail", .email), ("mail", .email), ("meeting", .meeting), ("termin", .meeting),
        ("treffen", .meeting),
        ("visit", .visit), ("besuch", .visit), ("chat", .chat), ("letter", .letter), ("brief", .letter),
        ("post", .letter), ("note", .note), ("notiz", .note),
    ])
    static let interactionKinds = table([
        ("sales", InteractionKind.sales), ("verkauf", .sales), ("vertrieb", .sales), ("service", .service),
        ("support", .service), ("complaint", .complaint), ("beschwerde", .complaint),
        ("reklamation", .complaint), ("feedback", .feedback), ("greeting", .greeting), ("gruß", .greeting),
        ("glückwunsch", .greeting), ("survey", .survey), ("umfrage", .survey), ("onboarding", .onboarding),
        ("renewal", .renewal), ("verlängerung", .renewal), ("referral", .referral),
        ("empfehlung", .referral), ("other", .other), ("sonstiges", .other), ("andere", .other),
    ])
    static let directions = table([
        ("inbound", Direction.inbound), ("eingehend", .inbound), ("in", .inbound), ("outbound", .outbound),
        ("ausgehend", .outbound), ("out", .outbound),
    ])
    static let outcomes = table([
        ("reached", InteractionOutcome.reached), ("erreicht", .reached), ("voicemail", .voicemail),
        ("mailbox", .voicemail), ("anrufbeantworter", .voicemail), ("no_answer", .noAnswer),
        ("nicht erreicht", .noAnswer), ("call_back", .callBack), ("rückruf", .callBack),
        ("not_interested", .notInterested), ("kein interesse", .notInterested), ("sent", .sent),
        ("gesendet", .sent), ("versendet", .sent), ("received", .received), ("erhalten", .received),
        ("completed", .completed), ("erledigt", .completed), ("abgeschlossen", .completed),
    ])
    static let sentiments = table([
        ("positive", Sentiment.positive), ("positiv", .positive), ("neutral", .neutral),
        ("negative", .negative), ("negativ", .negative),
    ])
    static let complaintStates = table([
        ("open", ComplaintStatus.open), ("offen", .open), ("resolved", .resolved), ("gelöst", .resolved),
        ("erledigt", .resolved),
    ])
    static let metrics = table([("nps", FeedbackMetric.nps), ("csat", .csat), ("ces", .ces)])
    static let npsTypes = table([
        ("transactional", NPSType.transactional), ("transaktional", .transactional),
        ("relational", .relational), ("beziehung", .relational),
    ])
    static let periods = table([
        ("monthly", BillingPeriod.monthly), ("monatlich", .monthly), ("quarterly", .quarterly),
        ("vierteljährlich", .quarterly), ("quartalsweise", .quarterly), ("yearly", .yearly),
        ("jährlich", .yearly), ("annual", .yearly),
    ])
    static let contractStates = table([
        ("active", ContractStatus.active), ("aktiv", .active), ("cancelled", .cancelled),
        ("gekündigt", .cancelled), ("expired", .expired), ("abgelaufen", .expired), ("pending", .pending),
        ("ausstehend", .pending),
    ])
}
