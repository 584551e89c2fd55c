/// What an import brings in; each kind has its own columns (`ImportSchema.fields`).
public enum ImportKind: String, Sendable, CaseIterable {
    case customers, orders, interactions, feedback, contracts
}

/// One column an importer understands: its field name (used by `--map` and in messages),
/// the header names it is recognised by, and whether the file must have it.
struct ImportField: Sendable {
    var name: String
    var aliases: [String]
    var required = false
}

/// The columns of each kind, with English and German header names. Headers are compared by
/// `ImportValues.headerKey` (no case, accents, spaces, dashes, dots or underscores).
enum ImportSchema {
    static let customer = ImportField(
        name: "customer_id",
        aliases: [
            "customer_id", "customer", "customer_no", "customer_number", "kundennummer", "kunden-nr.",
            "kundennr", "kunde", "kunden_id", "kdnr", "kd-nr.", "external_id",
        ], required: true)
    static let date = ImportField(
        name: "date",
        aliases: [
            "date", "datum", "order_date", "bestelldatum", "ordered_at", "zeitpunkt", "time", "timestamp",
            "occurred_at", "given_at", "zeit", "uhrzeit", "erstellt",
        ], required: true)
    static let currency = ImportField(
        name: "currency", aliases: ["currency", "währung", "waehrung", "wahrung"])
    static let reference = ImportField(
        name: "reference",
        aliases: [
            "external_ref", "reference", "ref", "referenz", "vorgang", "vorgangsnummer", "ticket", "beleg",
        ])

    static func fields(_ kind: ImportKind) -> [ImportField] {
        switch kind {
        case .customers: customers
        case .orders: orders
        case .interactions: interactions
        case .feedback: feedback
        case .contracts: contracts
        }
    }

    static let customers: [ImportField] = [
        customer,
        ImportField(name: "name", aliases: ["name", "full_name", "kundenname", "vollständiger name"]),
        ImportField(
            name: "company", aliases: ["company", "firma", "unternehmen", "organisation", "organization"]),
        ImportField(name: "kind", aliases: ["kind", "type", "typ", "kundenart", "kundentyp"]),
        ImportField(name: "email", aliases: ["email", "e-mail", "mail", "e-mail-adresse", "email_address"]),
        ImportField(
            name: "phone", aliases: ["phone", "telefon", "tel", "tel.", "telefonnummer", "mobile", "handy"]),
        ImportField(
            name: "street", aliases: ["street", "straße", "strasse", "address", "adresse", "anschrift"]),
        ImportField(name: "postal_code", aliases: ["postal_code", "zip", "postcode", "plz", "postleitzahl"]),
        ImportField(name: "city", aliases: ["city", "ort", "stadt", "town", "wohnort"]),
        ImportField(name: "country", aliases: ["country", "land", "country_code", "ländercode"]),
        ImportField(
            name: "owner", aliases: ["owner", "betreuer", "account_manager", "berater", "zuständig"]),
        ImportField(
            name: "relationship_type",
            aliases: ["relationship_type", "relationship", "beziehung", "beziehungstyp"]),
        ImportField(name: "birthday", aliases: ["birthday", "geburtstag", "geburtsdatum", "date_of_birth"]),
        ImportField(name: "tags", aliases: ["tags", "schlagworte", "labels", "merkmale"]),
        ImportField(name: "consent_email", aliases: ["consent_email", "einwilligung_email", "newsletter"]),
        ImportField(name: "consent_phone", aliases: ["consent_phone", "einwilligung_telefon"]),
        ImportField(name: "consent_post", aliases: ["consent_post", "einwilligung_post"]),
    ]

    static let orders: [ImportField] = [
        customer, date,
        ImportField(
            name: "amount",
            // Net before gross: with both columns the net one is taken (customer value is
            // counted without VAT); `--map Brutto=amount` takes the gross.
            aliases: ["amount", "betrag", "umsatz", "total", "summe", "wert", "netto", "brutto"],
            required: true),
        currency,
        ImportField(name: "category", aliases: ["category", "kategorie", "warengruppe", "produktgruppe"]),
        ImportField(
            name: "order_number",
            aliases: [
                "order_id", "order", "order_no", "order_number", "bestellnummer", "auftragsnummer", "auftrag",
                "external_ref", "beleg", "belegnummer", "rechnungsnummer",
            ]),
    ]

    static let interactions: [ImportField] = [
        customer, date,
        ImportField(name: "channel", aliases: ["channel", "kanal", "medium", "weg"], required: true),
        ImportField(
            name: "kind", aliases: ["kind", "type", "art", "typ", "anlass", "thema"], required: true),
        ImportField(name: "direction", aliases: ["direction", "richtung"]),
        ImportField(name: "outcome", aliases: ["outcome", "result", "ergebnis", "status"]),
        ImportField(name: "sentiment", aliases: ["sentiment", "stimmung"]),
        ImportField(
            name: "note", aliases: ["note", "notiz", "notes", "bemerkung", "kommentar", "text", "inhalt"]),
        ImportField(name: "author", aliases: ["author", "autor", "bearbeiter", "mitarbeiter", "user"]),
        ImportField(
            name: "follow_up_on", aliases: ["follow_up_on", "follow_up", "wiedervorlage", "nachfassen"]),
        ImportField(name: "complaint_status", aliases: ["complaint_status", "beschwerdestatus"]),
        reference,
    ]

    static let feedback: [ImportField] = [
        customer, date,
        ImportField(name: "metric", aliases: ["metric", "metrik", "kennzahl", "umfrage", "survey"]),
        ImportField(
            name: "score",
            aliases: ["score", "wert", "bewertung", "punkte", "rating", "note", "nps", "csat", "ces"],
            required: true),
        ImportField(name: "nps_type", aliases: ["nps_type", "npstyp", "nps_art"]),
        ImportField(name: "comment", aliases: ["comment", "kommentar", "bemerkung", "freitext", "text"]),
    ]

    static let contracts: [ImportField] = [
        customer,
        ImportField(
            name: "product", aliases: ["product", "produkt", "tarif", "plan", "vertrag"], required: true),
        ImportField(
            name: "starts_on",
            aliases: ["starts_on", "start", "beginn", "vertragsbeginn", "start_date", "von"],
            required: true),
        ImportField(
            name: "ends_on",
            aliases: ["ends_on", "end", "ende", "vertragsende", "laufzeitende", "end_date", "bis"]),
        ImportField(
            name: "auto_renews", aliases: ["auto_renews", "auto_renewal", "verlängerung", "autoverlängerung"]),
        ImportField(
            name: "notice_days", aliases: ["notice_days", "kündigungsfrist", "kuendigungsfrist_tage"]),
        ImportField(
            name: "recurring_amount",
            aliases: ["recurring_amount", "amount", "betrag", "beitrag", "monatsbeitrag", "rate", "preis"]),
        currency,
        ImportField(
            name: "billing_period", aliases: ["billing_period", "abrechnung", "zahlweise", "intervall"]),
        ImportField(name: "status", aliases: ["status", "vertragsstatus"]),
        reference,
    ]
}

/// Which column holds which field, from the header and `--map COLUMN=FIELD`.
struct ColumnMapping: Sendable {
    var index: [String: Int] = [:]
    /// For feedback: a column named `NPS`, `CSAT` or `CES` implies the metric.
    var impliedMetric: String?
    var header: [String]

    subscript(_ field: String) -> Int? { index[field] }

    init(kind: ImportKind, header: [String], overrides: [String: String], file: String) throws(ImportError) {
        self.header = header
        let fields = ImportSchema.fields(kind)
        let keys = header.map(ImportValues.headerKey)
        var overridden: Set<Int> = []
        for (column, field) in overrides.sorted(by: { $0.key < $1.key }) {
            guard fields.contains(where: { $0.name == field }) else {
                throw ImportError.unknownField(field: field, known: fields.map(\.name))
            }
            guard let position = keys.firstIndex(of: ImportValues.headerKey(column)) else {
                throw ImportError.missingColumn(file: file, column: column, found: header)
            }
            index[field] = position
            overridden.insert(position)
        }
        for field in fields where index[field.name] == nil {
            let aliasKeys = field.aliases.map(ImportValues.headerKey)
            for alias in aliasKeys {
                if let position = keys.indices.first(where: {
                    keys[$0] == alias && !overridden.contains($0) && !index.values.contains($0)
                }) {
                    index[field.name] = position
                    if kind == .feedback && field.name == "score" && ["nps", "csat", "ces"].contains(alias) {
                        impliedMetric = alias
                    }
                    break
                }
            }
        }
        for field in fields where field.required && index[field.name] == nil {
            throw ImportError.missingColumn(file: file, column: field.name, found: header)
        }
    }
}
