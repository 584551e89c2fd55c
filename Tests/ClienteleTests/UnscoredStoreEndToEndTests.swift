import Foundation
import GRDB
import Testing
import TmuxTesting

/// A demo store left unscored (`clientele demo` does not score), opened in the real dashboard
/// (audit 6, finding 14): active customers counted by their recent orders, "–" for revenue at
/// risk, and the list and call list saying that scoring is the missing step.
@Suite("Dashboard on an unscored store, in tmux", .serialized)
struct UnscoredStoreEndToEndTests {
    static let asOf = "2025-06-30"

    @Test("Overview, customer list and call list before the first `clientele score`")
    func unscoredStore() throws {
        let scratch = try Scratch()
        let path = scratch.file("unscored.sqlite")
        let made = try Clientele.run(
            ["demo", "--db", path, "--customers", "120", "--as-of", Self.asOf],
            environment: scratch.environment)
        #expect(made.status == 0, "\(made.standardError)")
        // The active count as docs/UI.md defines it without scores: an order in the 90 days up
        // to the as-of day (2025-04-02 up to 2025-06-30 inclusive, UTC).
        let queue = try DatabaseQueue(path: path)
        let (customers, active, scores) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? -1,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(DISTINCT customer_id) FROM orders
                        WHERE ordered_at >= strftime('%s', '2025-04-02') AND ordered_at < strftime('%s', '2025-07-01')
                        """) ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM scores") ?? -1
            )
        }
        try queue.close()
        #expect(scores == 0, "the demo store is unscored")
        #expect(active > 0, "the demo has recent orders")
        let environment = scratch.environment.merging(["XDG_CONFIG_HOME": scratch.file("config")]) { $1 }
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", path, "--as-of", Self.asOf], environment: environment,
            width: 120, height: 40)
        #expect(tmux.waitFor("Revenue at risk"), "no overview:\n\(tmux.lastCapture)")
        #expect(
            tmux.waitFor("\(active) ("), "active should be \(active) of \(customers):\n\(tmux.lastCapture)")
        let lines = tmux.lastCapture.split(separator: "\n", omittingEmptySubsequences: false)
        if let row = lines.firstIndex(where: { $0.contains("Revenue at risk") }), row + 1 < lines.count,
            let label = lines[row].range(of: "Revenue at risk")
        {
            let column = lines[row].distance(from: lines[row].startIndex, to: label.lowerBound)
            let below = Array(lines[row + 1])
            #expect(column < below.count && below[column] == "–", "\(lines[row + 1])")
        } else {
            Issue.record("no Revenue at risk tile:\n\(tmux.lastCapture)")
        }
        #expect(!tmux.lastCapture.contains("€0"))
        try tmux.sendKeys("c")
        #expect(
            tmux.waitFor("\(customers) customers, not scored yet: run `clientele score`."),
            "list:\n\(tmux.lastCapture)")
        try tmux.sendKeys("q")
        try tmux.sendKeys("3")
        #expect(
            tmux.waitFor("No call list yet: the store is not scored. Run `clientele score`."),
            "call list:\n\(tmux.lastCapture)")
        try tmux.sendKeys("q")
        try tmux.sendKeys("q")
        #expect(tmux.waitForFormat("#{pane_dead}", toBe: "1"))
        #expect(tmux.exitStatus() == 0)
    }
}
