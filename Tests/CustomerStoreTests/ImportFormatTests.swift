import Foundation
import Scoring
import Testing

@testable import CustomerStore

@Suite("Import: encodings, delimiters, quoting, dates and numbers")
struct ImportFormatTests {
    static let header = "Kundennummer;Name;Firma;Ort;E-Mail\r\n"
    static let row = "K-2;Jörg Straße;„Bäcker“ GmbH – Köln;Köln; joerg@example.de \r\n"

    @Test(
        "Every encoding ends in the same NFC text; no BOM, no U+FFFD, no control characters",
        arguments: ["utf8", "utf8bom", "utf16le", "utf16be", "cp1252", "forced1252"])
    func encodings(name: String) throws {
        let fixture = try ImportFixture()
        let text = Self.header + Self.row
        let bytes: [UInt8] =
            switch name {
            case "utf8": Array(text.utf8)
            case "utf8bom": [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case "utf16le": utf16(text, bigEndian: false)
            case "utf16be": utf16(text, bigEndian: true)
            default: windows1252(text)
            }
        try fixture.run(.customers, bytes) {
            if name == "forced1252" { $0.encoding = .windows1252 }
        }
        let rows = try fixture.strings(
            "SELECT external_id || '|' || name || '|' || company || '|' || city || '|' || email FROM customers "
                + "WHERE external_id = 'K-2'")
        #expect(rows == ["K-2|Jörg Straße|„Bäcker“ GmbH – Köln|Köln|joerg@example.de"])
        #expect(!rows[0].unicodeScalars.contains("\u{FFFD}"))
    }

    @Test("0x80 is the euro sign; an amount with it imports")
    func euroByte() throws {
        let fixture = try ImportFixture()
        let bytes =
            Array("customer_id;date;amount\nK-1;01.02.2025;".utf8) + [0x80] + Array(" 1.234,56\n".utf8)
        try fixture.run(.orders, bytes)
        #expect(try fixture.ints("SELECT amount_minor FROM orders") == [123_456])
    }

    @Test("Bytes undefined in Windows-1252 are refused at their line, never stored as U+FFFD")
    func undefinedBytes() throws {
        let fixture = try ImportFixture()
        let bytes = Array("customer_id,name\nK-5,ok\nK-6,A".utf8) + [0x81] + Array("B\n".utf8)
        let (_, issues) = fixture.issues(.customers, bytes)
        #expect(issues.first?.hasPrefix("in.csv:3:2: contains bytes that are not text") == true)
        #expect(try fixture.count("customers") == 1)
    }

    @Test(
        "Delimiters: comma, semicolon, tab, sep= line and --delimiter; quoting with all three inside",
        arguments: [",", ";", "\t", "sep", "forced"])
    func delimiters(kind: String) throws {
        let fixture = try ImportFixture()
        let d = kind == "sep" || kind == "forced" ? ";" : kind
        var text =
            "customer_id\(d)name\(d)street\r\n\"K-9\"\(d)\"Doe, \"\"Jo\"\"; A\"\(d)\"Weg, 1; 2\"\r\n\r\n\n"
        if kind == "sep" { text = "sep=;\r\n" + text }
        try fixture.run(.customers, Array(text.utf8)) {
            if kind == "forced" { $0.delimiter = UInt8(ascii: ";") }
        }
        let names = try fixture.strings("SELECT name FROM customers WHERE external_id = 'K-9'")
        #expect(names == ["Doe, \"Jo\"; A"])
        #expect(try fixture.count("customers") == 2)
    }

    @Test("Dates: ISO, ISO date-time with Z and fractions, German long and short years with time")
    func dates() throws {
        let day = CalendarDay(year: 2024, month: 12, day: 31)!.startUnixSeconds
        #expect(ImportValues.time("31.12.2024") == day + 12 * 3600)
        #expect(ImportValues.time("31.12.24 14:30") == day + 14 * 3600 + 30 * 60)
        #expect(ImportValues.time("2024-12-31T14:30:00.250Z") == day + 14 * 3600 + 30 * 60)
        #expect(ImportValues.date("1.5.65") == CalendarDay(year: 2065, month: 5, day: 1))
        #expect(ImportValues.date("1.5.75") == CalendarDay(year: 1975, month: 5, day: 1))
        #expect(ImportValues.time("32.12.24") == nil)
    }

    @Test("The file's number style decides 1.234; without evidence it is an error with a hint")
    func numberStyle() throws {
        let german = try ImportFixture()
        try german.run(
            .orders, Array("customer_id;date;amount\nK-1;2025-01-01;1.234\nK-1;2025-01-02;5\n".utf8))
        #expect(try german.ints("SELECT amount_minor FROM orders ORDER BY ordered_at") == [123_400, 500])

        let english = try ImportFixture()
        let file = "customer_id,date,amount\nK-1,2025-01-01,\"1,234\"\nK-1,2025-01-02,5.50\n"
        try english.run(.orders, Array(file.utf8))
        #expect(try english.ints("SELECT amount_minor FROM orders ORDER BY ordered_at") == [123_400, 550])

        let unclear = try ImportFixture()
        let (_, issues) = unclear.issues(
            .orders, Array("customer_id,date,amount\nK-1,2025-01-01,1.234\n".utf8))
        #expect(issues == ["in.csv:2:3: \(ImportCell.ambiguityHint) (\"1.234\")"])
        #expect(try unclear.count("orders") == 0)
    }

    @Test("Money in another currency is refused at its cell, whether a column or the amount's symbol says so")
    func foreignCurrency() throws {
        let fixture = try ImportFixture()
        let (_, byColumn) = fixture.issues(
            .orders,
            Array("customer_id,date,amount,currency\nK-1,2025-01-01,5,EUR\nK-1,2025-01-02,5,JPY\n".utf8))
        #expect(
            byColumn == [
                "in.csv:3:4: an amount in JPY: Clientele keeps every amount in EUR; convert the file's "
                    + "amounts to EUR first (\"JPY\")"
            ])
        let (_, bySymbol) = fixture.issues(
            .orders,
            Array("Kunde;Datum;Betrag\nK-1;1.1.2025;12,50 €\nK-1;2.1.2025;CHF 20\nK-1;3.1.2025;5,00 $\n".utf8)
        )
        #expect(bySymbol.count == 2, "\(bySymbol)")
        #expect(bySymbol.first?.hasPrefix("in.csv:3:3: an amount in CHF") == true, "\(bySymbol)")
        #expect(bySymbol.last?.hasPrefix("in.csv:4:3: an amount in USD") == true, "\(bySymbol)")
        let (_, contract) = fixture.issues(
            .contracts,
            Array(
                "customer_id,product,starts_on,recurring_amount,currency\nK-1,Wartung,2025-01-01,99,CHF\n"
                    .utf8))
        #expect(contract.first?.hasPrefix("in.csv:2:5: an amount in CHF") == true, "\(contract)")
        #expect(try fixture.count("orders") == 0)
        #expect(try fixture.count("contracts") == 0)
        // Euro spellings are fine, and stored as EUR.
        try fixture.run(.orders, Array("customer_id,date,amount,currency\nK-1,2025-01-01,5 EUR,€\n".utf8))
        #expect(try fixture.strings("SELECT currency FROM orders") == ["EUR"])
    }

    @Test("A German CRM export: Status on complaint rows is the complaint's state; net before gross")
    func germanCRMExport() throws {
        let fixture = try ImportFixture()
        let touches = """
            Kundennummer;Datum;Kanal;Art;Status;Notiz
            K-1;01.03.2025;E-Mail;Beschwerde;erledigt;Lieferung kam zu spät
            K-1;02.03.2025;Telefon;Beschwerde;offen;Rechnung falsch
            K-1;03.03.2025;Telefon;Verkauf;erreicht;Angebot besprochen

            """
        try fixture.run(.interactions, Array(touches.utf8))
        #expect(
            try fixture.strings(
                """
                SELECT kind || '|' || ifnull(complaint_status, '-') || '|' || ifnull(outcome, '-')
                FROM interactions ORDER BY occurred_at
                """) == ["complaint|resolved|completed", "complaint|open|-", "sales|-|reached"])
        // Without a direction column complaints come from the customer, as in the log form: an
        // outbound one would count as our contact and defer "resolve the complaint" by fatigue.
        #expect(
            try fixture.strings("SELECT direction FROM interactions ORDER BY occurred_at")
                == ["inbound", "inbound", "outbound"])
        // Net and gross: the net amount is the customer's revenue (without VAT).
        try fixture.run(
            .orders, Array("Kundennummer;Datum;Netto;Brutto\nK-1;01.03.2025;100,00;119,00\n".utf8))
        #expect(try fixture.strings("SELECT amount_minor FROM orders") == ["10000"])
    }

    @Test("Headers match without case or accents, --map overrides, a missing column lists the headers")
    func headers() throws {
        let fixture = try ImportFixture()
        try fixture.run(.orders, Array("KUNDEN-NR.;DATUM;Umsatz;Waehrung\nK-1;1.1.2025;5;eur\n".utf8))
        #expect(try fixture.strings("SELECT currency FROM orders") == ["EUR"])
        try fixture.run(.orders, Array("Kd;Tag;Summe\nK-1;2.1.2025;7\n".utf8)) {
            $0.columnMap = ["Kd": "customer_id", "Tag": "date"]
        }
        #expect(try fixture.count("orders") == 2)
        #expect(
            throws: ImportError.missingColumn(file: "in.csv", column: "date", found: ["Kd", "Tag", "Summe"])
        ) {
            try fixture.run(.orders, Array("Kd;Tag;Summe\nK-1;2.1.2025;7\n".utf8)) {
                $0.columnMap = ["Kd": "customer_id"]
            }
        }
    }

    @Test("Feedback: an NPS column implies the metric; scores are checked against their scale")
    func feedbackScales() throws {
        let fixture = try ImportFixture()
        try fixture.run(.feedback, Array("Kundennummer;Datum;NPS\nK-1;01.03.2025;9\n".utf8))
        #expect(try fixture.strings("SELECT metric || nps_type || score FROM feedback") == ["npsrelational9"])
        let (_, issues) = fixture.issues(
            .feedback,
            Array("customer_id,date,metric,score\nK-1,2025-03-01,csat,6\nK-1,2025-03-02,ces,0\n".utf8))
        #expect(issues.count == 2)
        #expect(issues.first?.hasPrefix("in.csv:2:4: a CSAT score is a whole number from 1 to 5") == true)
    }

    @Test("Interactions with German vocabulary; complaints open by default")
    func interactions() throws {
        let fixture = try ImportFixture()
        let file =
            "Kunde;Datum;Kanal;Art;Ergebnis;Notiz\nK-1;03.03.2025 10:00;Anruf;Beschwerde;erreicht;\"Lieferung\nzu spät\"\n"
        let summary = try fixture.run(.interactions, Array(file.utf8))
        #expect(summary.inserted == 1)
        #expect(
            try fixture.strings(
                "SELECT channel || kind || outcome || complaint_status || note FROM interactions")
                == ["callcomplaintreachedopenLieferung\nzu spät"])
    }
}
