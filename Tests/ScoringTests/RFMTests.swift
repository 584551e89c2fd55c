import Testing

@testable import Scoring

@Suite("RFM scores and segments")
struct RFMTests {
    @Test("Quintile boundaries use nearest rank and score recency inversely")
    func boundaries() throws {
        let purchases = (1...10).map { index in
            PurchaseFacts(
                firstDay: daysAgo(400), lastDay: daysAgo(index * 10), purchaseDays: index,
                totalSpendMinor: Int64(index) * 1_000)
        }
        let boundaries = try #require(RFMBoundaries(purchases: purchases, asOf: today))
        #expect(boundaries.recencyDays == [20, 40, 60, 80])
        #expect(boundaries.purchaseDays == [2, 4, 6, 8])
        // Bought 10 days ago, 10 purchase days, top spend: the best in every measure.
        #expect(
            boundaries.score(purchases[9].with(lastDay: daysAgo(10)), asOf: today)
                == RFMScore(recency: 5, frequency: 5, monetary: 5))
        // Bought 100 days ago, once, lowest spend: the worst.
        #expect(
            boundaries.score(purchases[0].with(lastDay: daysAgo(100)), asOf: today)
                == RFMScore(recency: 1, frequency: 1, monetary: 1))
        #expect(RFMBoundaries(purchases: [], asOf: today) == nil)
    }

    @Test(
        "The grid names every corner as documented",
        arguments: [
            (5, 5, 5, false, Segment.champions), (4, 4, 4, false, .champions), (5, 1, 1, false, .new),
            (4, 1, 1, false, .promising), (4, 3, 3, false, .loyal), (3, 5, 4, false, .loyal),
            (5, 3, 2, false, .potentialLoyalist), (3, 3, 3, false, .needAttention),
            (3, 1, 2, false, .aboutToSleep),
            (2, 4, 3, false, .atRisk), (1, 3, 3, false, .atRisk), (1, 5, 5, false, .cantLose),
            (2, 5, 5, false, .cantLose),
            (2, 1, 1, false, .hibernating), (1, 1, 2, false, .lost), (5, 4, 4, true, .new),
            (4, 5, 5, true, .promising),
            (3, 1, 1, true, .aboutToSleep),
        ])
    func grid(recency: Int, frequency: Int, monetary: Int, single: Bool, expected: Segment) {
        #expect(
            RFMScore(recency: recency, frequency: frequency, monetary: monetary).segment(
                isSinglePurchase: single)
                == expected)
    }

    @Test("Every cell of the grid is a real segment, and every grid segment is reachable")
    func gridIsComplete() {
        let reached = Set(RFMScore.grid.flatMap { $0 })
        #expect(reached.count == 11)
        #expect(!reached.contains(.prospect))
    }
}

extension PurchaseFacts {
    func with(lastDay: CalendarDay) -> PurchaseFacts {
        PurchaseFacts(
            firstDay: firstDay, lastDay: lastDay, purchaseDays: purchaseDays, totalSpendMinor: totalSpendMinor
        )
    }
}
