import Scoring

/// Names, places and phrases of a German-speaking book of business (DE, AT, CH), with the
/// umlauts, accents and occasional CJK names real customer lists contain.
enum DemoVocabulary {
    static let femaleFirstNames = [
        "Anna", "Käthe", "Jördis", "Sophie", "Marie", "Lena", "Hannah", "Jana", "Sabine", "Ursula", "Zoë",
        "Renée", "Chloé", "Ayşe", "Çağla", "Małgorzata", "Birgit", "Anke", "Brigitte", "Elif", "Inés", "Maja",
        "Lea", "Friederike", "Gülay", "Anneliese", "Dörte", "Hélène",
    ]
    static let maleFirstNames = [
        "Jürgen", "Jörg", "Björn", "Sören", "Günther", "Lukas", "Felix", "Jonas", "Thomas", "Stefan",
        "Michael",
        "Andreas", "José", "François", "Łukasz", "Ömer", "Mehmet", "Henrik", "Matthias", "Bernd", "Rüdiger",
        "Uwe", "Kai", "Noël", "Mikaël", "Tobias", "Jan", "Dieter",
    ]
    static let lastNames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
        "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Köhler", "Weiß", "Jäger", "Groß", "Böhm", "Dvořák", "Nowak", "Yılmaz", "Öztürk", "Şahin",
        "García", "Dubois", "Lefèvre", "Gößmann", "Müller-Lüdenscheidt", "Oßwald", "Kühn", "Förster",
        "Brückner",
    ]
    /// About one customer in a hundred carries a name in Chinese, Japanese or Korean script.
    static let cjkNames = [
        "王伟", "李娜", "张敏", "陈静", "山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "김민준", "이서연", "박지훈",
    ]
    static let trades = [
        "Bäckerei", "Autohaus", "Metzgerei", "Schreinerei", "Elektro", "Sanitär", "Gärtnerei", "Kanzlei",
        "Praxis Dr.", "Hotel", "Café", "Buchhandlung", "Weingut", "Steuerbüro", "Ingenieurbüro", "Brauhaus",
        "Optik", "Möbelhaus", "Blumen", "Zahnarztpraxis Dr.",
    ]
    static let legalForms = ["GmbH", "GmbH & Co. KG", "KG", "AG", "e. K.", "OHG", ""]
    static let cjkCompanies = ["東京精密商事", "大阪貿易株式会社", "上海贸易有限公司", "서울테크"]

    struct Place {
        let city: String
        let postalCode: String
        let country: String
        let dialCode: String
    }

    static let places = [
        Place(city: "Berlin", postalCode: "10115", country: "DE", dialCode: "+49 30"),
        Place(city: "Hamburg", postalCode: "20095", country: "DE", dialCode: "+49 40"),
        Place(city: "München", postalCode: "80331", country: "DE", dialCode: "+49 89"),
        Place(city: "Köln", postalCode: "50667", country: "DE", dialCode: "+49 221"),
        Place(city: "Frankfurt am Main", postalCode: "60311", country: "DE", dialCode: "+49 69"),
        Place(city: "Stuttgart", postalCode: "70173", country: "DE", dialCode: "+49 711"),
        Place(city: "Düsseldorf", postalCode: "40213", country: "DE", dialCode: "+49 211"),
        Place(city: "Leipzig", postalCode: "04109", country: "DE", dialCode: "+49 341"),
        Place(city: "Nürnberg", postalCode: "90402", country: "DE", dialCode: "+49 911"),
        Place(city: "Münster", postalCode: "48143", country: "DE", dialCode: "+49 251"),
        Place(city: "Würzburg", postalCode: "97070", country: "DE", dialCode: "+49 931"),
        Place(city: "Lübeck", postalCode: "23552", country: "DE", dialCode: "+49 451"),
        Place(city: "Göttingen", postalCode: "37073", country: "DE", dialCode: "+49 551"),
        Place(city: "Osnabrück", postalCode: "49074", country: "DE", dialCode: "+49 541"),
        Place(city: "Saarbrücken", postalCode: "66111", country: "DE", dialCode: "+49 681"),
        Place(city: "Wien", postalCode: "1010", country: "AT", dialCode: "+43 1"),
        Place(city: "Graz", postalCode: "8010", country: "AT", dialCode: "+43 316"),
        Place(city: "Salzburg", postalCode: "5020", country: "AT", dialCode: "+43 662"),
        Place(city: "Zürich", postalCode: "8001", country: "CH", dialCode: "+41 44"),
        Place(city: "Basel", postalCode: "4051", country: "CH", dialCode: "+41 61"),
        Place(city: "Bern", postalCode: "3011", country: "CH", dialCode: "+41 31"),
    ]
    static let streets = [
        "Hauptstraße", "Bahnhofstraße", "Schloßallee", "Königsweg", "Gartenstraße", "Lindenstraße",
        "Am Mühlbach", "Schillerstraße", "Goethestraße", "Rosenweg", "Bergstraße", "Kirchplatz",
        "Friedrichstraße", "Am Grünen Hang", "Fährstraße",
    ]
    static let privateMailDomains = [
        "gmx.de", "web.de", "t-online.de", "posteo.de", "mail.de", "gmx.at", "bluewin.ch",
    ]

    /// The account managers who own customers.
    static let owners = [
        "Anna Schröder", "Jonas Weiß", "Leyla Yılmaz", "Marco Rossi", "Sophie Lefèvre", "Felix Bäumer",
    ]
    static let tags = [
        "Newsletter", "VIP", "Messe 2025", "Großkunde", "Empfehlung", "Skonto", "Sammelrechnung",
    ]

    static let categories = [
        "Kaffeemaschinen", "Wartung", "Ersatzteile", "Software-Lizenzen", "Schulungen", "Büromöbel",
        "Reinigungsmittel", "Druckerzubehör",
    ]
    static let contractProducts = [
        ("Wartungsvertrag Premium", 8_900), ("Software-Abo Business", 24_900), ("Servicepaket Plus", 4_900),
        ("Kaffee-Flatrate Büro", 12_900), ("Leasing Kaffeevollautomat", 19_900),
        ("Support-Vertrag Gold", 49_900),
    ]

    /// German transliteration for email addresses (ä → ae), plain letters for other accents.
    static let emailTransliteration: [Unicode.Scalar: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ı": "i", "ş": "s", "ç": "c", "ğ": "g",
        "é": "e",
        "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "â": "a", "í": "i", "ó": "o", "ô": "o", "ú": "u",
        "ř": "r", "š": "s", "ž": "z", "č": "c", "ñ": "n", "ą": "a", "ę": "e", "ń": "n", "ś": "s", "ź": "z",
        "ż": "z",
    ]

    /// A note template split at its placeholders once, so filling it costs no searching.
    enum NotePart {
        case text(String)
        case product
        case owner
    }

    static let noteTemplates: [InteractionKind: [[NotePart]]] = {
        var templates: [InteractionKind: [[NotePart]]] = [:]
        for kind in InteractionKind.allCases {
            templates[kind] = notes(for: kind.rawValue).map(parse)
        }
        return templates
    }()

    static func note(_ parts: [NotePart], product: String, owner: String) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let value): text += value
            case .product: text += product
            case .owner: text += owner
            }
        }
        return text
    }

    private static func parse(_ template: String) -> [NotePart] {
        var parts: [NotePart] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            parts.append(rest[open...close] == "{owner}" ? .owner : .product)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    static func notes(for kind: String) -> [String] {
        switch kind {
        case "sales":
            [
                "Angebot für {product} besprochen, Kunde überlegt noch.",
                "Nachbestellung {product} aufgenommen.",
                "Interesse an {product}; Preisliste per E-Mail geschickt.",
                "Rahmenvertrag für {product} angefragt – Rückruf vereinbart.",
            ]
        case "service":
            [
                "Frage zur Rechnung geklärt.",
                "Lieferzeit für {product} nachgefragt – Termin bestätigt.",
                "Zugang zurückgesetzt, funktioniert wieder.",
                "Gerät {product} gewartet, alles in Ordnung.",
            ]
        case "complaint":
            [
                "Reklamation: {product} beschädigt geliefert.",
                "Beschwerde über lange Lieferzeit.",
                "Rechnung doppelt gebucht – Kunde verärgert.",
                "Techniker kam nicht zum vereinbarten Termin.",
            ]
        case "feedback":
            [
                "Kunde lobt die schnelle Lieferung.",
                "Rückmeldung: Bestellprozess zu umständlich.",
                "Sehr zufrieden mit der Beratung durch {owner}.",
            ]
        case "greeting":
            // Sent on the customer's greeting day (DemoGenerator.greetingDay): the first for a
            // customer with a birthday, the second for one without.
            ["Geburtstagskarte verschickt.", "Karte zum Kundenjubiläum verschickt."]
        case "survey":
            ["Zufriedenheitsumfrage ausgefüllt.", "Kurzumfrage nach dem Servicefall beantwortet."]
        case "onboarding":
            ["Willkommensgespräch: Ansprechpartner vorgestellt, Fragen zu {product} beantwortet."]
        case "renewal":
            [
                "Vertragsverlängerung angesprochen, Kunde prüft die Konditionen.",
                "Verlängerung um ein Jahr zugesagt.",
            ]
        case "referral":
            // Asking, not receiving: a referral the customer made is a `referrals` row (it
            // counts towards emotional binding); a note saying one came in without that row
            // would contradict the binding profile next to it.
            [
                "Nach einer Empfehlung gefragt – Kunde überlegt, wen er ansprechen kann.",
                "Empfehlungsprogramm vorgestellt, Flyer mitgegeben.",
            ]
        default:
            ["Adressänderung mitgeteilt.", "Kurzer Austausch auf der Messe.", "Ansprechpartner gewechselt."]
        }
    }
}
