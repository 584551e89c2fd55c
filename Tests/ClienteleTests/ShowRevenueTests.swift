import Foundation
import GRDB
import Testing

/// `clientele show` prints the revenue to date and the number of orders (audit 6, finding 5):
/// the "Can't lose" customer whose 12-month value is €0 shows what they bought before.
@Suite("Revenue to date in clientele show")
struct ShowRevenueTests {
    /// `1234567` → `€12,345.67`, as the English catalogue writes euros.
    private static func euros(_ minor: Int64) -> String {
        let whole = String(minor / 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "€" + String(grouped.reversed()) + "." + String(format: "%02lld", minor % 100)
    }

    @Test("The biggest past buyer among the scored customers, as the orders table sums them")
    func revenueLine() throws {
        let scratch = try Scratch()
        let path = scratch.file("show.sqlite")
        for arguments in [
            ["demo", "--db", path, "--customers", "150", "--as-of", "2025-06-30"],
            ["score", "--db", path, "--as-of", "2025-06-30", "--quiet"],
        ] {
            let result = try Clientele.run(arguments, environment: scratch.environment)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let queue = try DatabaseQueue(path: path)
        let row = try queue.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT o.customer_id AS id, count(*) AS orders, sum(o.amount_minor) AS revenue,
                        s.value_minor AS value
                    FROM orders o JOIN scores s ON s.customer_id = o.customer_id
                    GROUP BY o.customer_id ORDER BY revenue DESC LIMIT 1
                    """)
        }
        try queue.close()
        let found = try #require(row)
        let id: Int64 = found["id"]
        let orders: Int = found["orders"]
        let revenue: Int64 = found["revenue"]
        let shown = try Clientele.run(["show", "id:\(id)", "--db", path], environment: scratch.environment)
        #expect(shown.status == 0, "\(shown.standardError)")
        let expected = "  revenue      \(Self.euros(revenue)) from \(orders) orders to date"
        #expect(shown.standardOutput.contains(expected), "\(expected)\n\(shown.standardOutput)")
        let german = try Clientele.run(
            ["show", "id:\(id)", "--db", path, "--lang", "de"], environment: scratch.environment)
        #expect(german.standardOutput.contains("  Umsatz       "), "\(german.standardOutput)")
        #expect(german.standardOutput.contains("aus \(orders) Bestellungen bis heute"))
    }
}
