import CustomerStore
import Foundation
import Scoring
import Testing

/// Golden-file tests of the call-list export: a small hand-made store, the real binary.
@Suite("Call list export", .serialized)
struct CallListExportTests {
    static let today = CalendarDay(year: 2025, month: 6, day: 30)!

    /// Three customers with known scores: an overdue follow-up, an open complaint, a plain
    /// suggestion; names with umlauts, a formula-looking company and a quote.
    private func makeStore(_ scratch: Scratch) throws -> String {
        let path = scratch.file("calls.sqlite")
        let store = try CustomerStore.open(path: path)
        let people: [(String, String?, String)] = [
            ("Jürgen Müller", "=HYPERLINK(\"http://x\")", "+49 221 123456"),
            ("Zoë \"Zo\" Ångström", nil, "0221 98765"),
            ("山田太郎", "東京精密商事", "+81 3 1234"),
        ]
        for (index, person) in people.enumerated() {
            try store.insert(
                CustomerRecord(
                    id: Int64(index + 1), externalID: "K-\(index + 1)", name: person.0, company: person.1,
                    email: "k\(index + 1)@example.de", phone: person.2, owner: "Anna Schröder", createdAt: 0))
        }
        func score(
            _ id: Int64, _ kind: ActionKind, detail: Int?, risk: Double, stake: Int64, reason: RiskReason
        )
            -> CustomerScore
        {
            CustomerScore(
                customerID: id, rfm: nil, segment: .atRisk, repeatPurchases: 3, probabilityAlive: 0.5,
                expectedPurchases: 1, expectedSpendMinor: 1_000, clvMinor: stake * 2, valueMinor: stake * 2,
                risk: risk,
                band: risk >= 0.65 ? .high : .medium, tier: .a, valueAtStakeMinor: stake,
                reasons: [WeightedReason(reason: reason, weight: risk)],
                actions: [
                    SuggestedAction(kind: kind, ruleID: "r", due: Self.today, priority: 1, detail: detail)
                ],
                bindings: BindingProfile(strengths: BindingSignals()),
                lastOrder: Self.today.adding(days: -94),
                lastTouch: Self.today.adding(days: -12))
        }
        let model = PopulationModel(
            version: "test", asOf: Self.today, timeUnit: .weeks, customers: 3, buyers: 3, bgnbd: nil,
            gammaGamma: nil,
            problems: [], rfm: nil, populationGapDays: nil, tierAMinor: 0, tierBMinor: 0,
            settings: ModelSettings())
        try store.replaceAllScores(
            [
                score(
                    3, .reactivate, detail: 94, risk: 0.7, stake: 900_000,
                    reason: .orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30)),
                score(
                    1, .followUp, detail: -2, risk: 0.5, stake: 1_250,
                    reason: .detractor(score: 4, daysAgo: 12, type: .transactional)),
                score(
                    2, .resolveComplaint, detail: 3, risk: 0.4, stake: 99_999,
                    reason: .openComplaints(count: 1, oldestDays: 3)),
            ], model: model, scoredAt: 0)
        try store.close()
        return path
    }

    @Test(
        "CSV: RFC 4180, ranked follow-up, complaint, then value at stake; formulas neutralised, phones kept")
    func csv() throws {
        let scratch = try Scratch()
        let path = try makeStore(scratch)
        let result = try Clientele.run(["calllist", "--db", path, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(result.status == 0, "\(result.standardError)")
        let expected =
            [
                "rank,customer_id,external_id,name,company,phone,email,owner,segment,risk,band,value_at_stake,action,reason,due,last_touch",
                "1,1,K-1,Jürgen Müller,\"'=HYPERLINK(\"\"http://x\"\")\",+49 221 123456,k1@example.de,Anna Schröder,at-risk,0.500,medium,12.50,"
                    + "follow up as agreed (2 days overdue),\"detractor, NPS 4, 12 days ago\",2025-06-30,2025-06-18",
                "2,2,K-2,\"Zoë \"\"Zo\"\" Ångström\",,0221 98765,k2@example.de,Anna Schröder,at-risk,0.400,medium,999.99,"
                    + "resolve the open complaint first (open for 3 days),\"an open complaint, 3 days old\",2025-06-30,2025-06-18",
                "3,3,K-3,山田太郎,東京精密商事,+81 3 1234,k3@example.de,Anna Schröder,at-risk,0.700,high,9000.00,"
                    + "give them a reason to come back (last order 94 days ago),no order for 94 days; usually orders every 30 days,"
                    + "2025-06-30,2025-06-18",
            ].joined(separator: "\r\n") + "\r\n"
        #expect(result.standardOutput == expected, "\(result.standardOutput)")
    }

    @Test("JSON: the same fields, numbers as numbers; --excel: BOM and semicolons; files are private")
    func jsonAndExcel() throws {
        let scratch = try Scratch()
        let path = try makeStore(scratch)
        let json = try Clientele.run([
            "calllist", "--db", path, "--as-of", "2025-06-30", "--format", "json", "--limit", "1",
        ])
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        let first = try #require(objects.first)
        #expect(Set(first.keys).count == 16)
        #expect(first["rank"] as? Int == 1)
        #expect(first["value_at_stake"] as? Double == 12.5)
        // JSON is data, not a spreadsheet: values as they are.
        #expect(first["company"] as? String == "=HYPERLINK(\"http://x\")")

        let file = scratch.file("calls.csv")
        let excel = try Clientele.run([
            "calllist", "--db", path, "--as-of", "2025-06-30", "--excel", "-o", file, "--lang", "de",
        ])
        #expect(excel.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("rank;customer_id;"))
        #expect(text.contains(";0,500;medium;12,50;"))
        // A dialler reads the phone column as written; the formula in the company stays guarded.
        #expect(text.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";+49 221 123456;"), "\(text)")
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test("Filters by owner, band and segment; nothing due gives only the header; an unknown owner is named")
    func filters() throws {
        let scratch = try Scratch()
        let path = try makeStore(scratch)
        let high = try Clientele.run(["calllist", "--db", path, "--as-of", "2025-06-30", "--band", "high"])
        #expect(high.standardOutput.split(separator: "\r\n").count == 2)
        let nobody = try Clientele.run([
            "calllist", "--db", path, "--as-of", "2025-06-30", "--owner", "Niemand",
        ])
        #expect(nobody.status == 1)
        #expect(nobody.standardOutput.isEmpty)
        #expect(
            nobody.standardError.contains("no customer has the owner \"Niemand\""), "\(nobody.standardError)")
        #expect(nobody.standardError.contains("owners: Anna Schröder"), "\(nobody.standardError)")
        let anna = try Clientele.run([
            "calllist", "--db", path, "--as-of", "2025-06-30", "--owner", "Anna Schröder",
        ])
        #expect(anna.status == 0)
        #expect(anna.standardOutput.split(separator: "\r\n").count > 1)
        let early = try Clientele.run(["calllist", "--db", path, "--as-of", "2025-06-29"])
        #expect(early.standardOutput.split(separator: "\r\n").count == 1)
    }
}
