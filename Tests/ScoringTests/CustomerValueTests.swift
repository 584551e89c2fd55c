// Predictions and customer lifetime value: internal consistency, the a = 1 and q ≤ 1 edges, and
// the batch pipeline against the per-customer functions.
import Foundation
import Testing

@testable import Scoring

@Suite("Predictions and lifetime value")
struct CustomerValueTests {
    let model = CustomerValueModel(purchases: trueBGNBD, spend: trueGammaGamma, unit: .weeks)

    /// The textbook BG/NBD expectation with the plain hypergeometric series, fine for moderate x.
    func textbookExpectedPurchases(_ p: BGNBDParameters, _ h: PurchaseHistory, _ t: Double) throws -> Double {
        let x = Double(h.frequency)
        let z = t / (p.alpha + h.age + t)
        let f = try #require(hypergeometric2F1(p.r + x, p.b + x, p.a + p.b + x - 1, z))
        let ratio = pow((p.alpha + h.age) / (p.alpha + h.age + t), p.r + x)
        let ifAlive = (p.a + p.b + x - 1) / (p.a - 1) * (1 - ratio * f)
        return ifAlive * p.probabilityAlive(h)
    }

    @Test(arguments: [0.3, 0.79, 1.6, 4.0])
    func expectedPurchasesMatchTextbookSeries(a: Double) throws {
        let p = BGNBDParameters(r: 0.8, alpha: 6, a: a, b: 2.4)
        for history in [
            PurchaseHistory(frequency: 0, recency: 0, age: 0),
            PurchaseHistory(frequency: 0, recency: 0, age: 30),
            PurchaseHistory(frequency: 4, recency: 20, age: 30),
            PurchaseHistory(frequency: 30, recency: 2, age: 3),
        ] {
            for t in [0.5, 4, 20, 39] {  // both sides of t/(α+T) = ½
                let ours = try p.expectedPurchases(in: t, given: history)
                let textbook = try textbookExpectedPurchases(p, history, t)
                #expect(
                    abs(ours - textbook) <= 1e-9 * textbook,
                    "a=\(a) \(history) t=\(t): \(ours) vs \(textbook)")
            }
        }
    }

    @Test func expectedPurchasesAreSmoothThroughAEqualsOne() throws {
        // The textbook formula is 0/0 at a = 1; ours has the (a−1) cancelled, so it is continuous.
        let history = PurchaseHistory(frequency: 2, recency: 30, age: 38)
        for t in [3.0, 39, 400] {
            let values = try [1 - 1e-7, 1, 1 + 1e-7].map { (a) throws(ScoringError) in
                try BGNBDParameters(r: 0.24, alpha: 4.4, a: a, b: 2.43).expectedPurchases(
                    in: t, given: history)
            }
            #expect(values.allSatisfy { $0.isFinite && $0 > 0 })
            #expect(abs(values[1] - values[0]) <= 1e-6 * values[1])
            #expect(abs(values[2] - values[1]) <= 1e-6 * values[1])
            // Monotone in a (more dropout, fewer purchases) on both sides.
            #expect(values[0] > values[1] && values[1] > values[2])
        }
    }

    @Test func probabilityOfNoPurchaseHasTheRightLimits() {
        let p = trueBGNBD
        let h = PurchaseHistory(frequency: 5, recency: 20, age: 40)
        #expect(p.probabilityNoPurchase(in: 0, given: h) == 1)
        let forever = p.probabilityNoPurchase(in: 1e12, given: h)
        #expect(abs(forever - (1 - p.probabilityAlive(h))) <= 1e-12)
        var previous = 1.0
        for t in [1.0, 4, 13, 52] {
            let value = p.probabilityNoPurchase(in: t, given: h)
            #expect(value < previous && value > 0)
            previous = value
        }
    }

    @Test func lifetimeValueIsTheDiscountedSumOfMonthlyPurchases() throws {
        let history = PurchaseHistory(frequency: 4, recency: 20, age: 30)
        let spend = SpendHistory(frequency: 4, meanSpend: 25)
        let options = LifetimeValueOptions(margin: 0.3, monthlyDiscountRate: 0.02, months: 6)
        let month = options.daysPerMonth / 7
        var expected = 0.0
        for i in 1...6 {
            let increment =
                try trueBGNBD.expectedPurchases(in: Double(i) * month, given: history)
                - trueBGNBD.expectedPurchases(in: Double(i - 1) * month, given: history)
            expected +=
                try increment * 0.3 * trueGammaGamma.expectedAverageSpend(spend) / pow(1.02, Double(i))
        }
        let value = try model.lifetimeValue(history: history, spend: spend, options: options)
        #expect(abs(value - expected) <= 1e-12 * expected)
        // Without discounting it is just expected purchases times expected spend.
        let plain = try model.lifetimeValue(
            history: history, spend: spend, options: LifetimeValueOptions(monthlyDiscountRate: 0))
        let horizon = 12 * month
        let product =
            try trueBGNBD.expectedPurchases(in: horizon, given: history)
            * trueGammaGamma.expectedAverageSpend(spend)
        #expect(abs(plain - product) <= 1e-12 * product)
    }

    @Test func unboundedSpendIsReportedNotReturned() throws {
        let heavyTailed = GammaGammaParameters(p: 2, q: 0.8, gamma: 5)
        #expect(throws: ScoringError.unboundedExpectedSpend(q: 0.8, frequency: 0)) {
            try heavyTailed.populationMeanSpend()
        }
        // With repeat purchases px + q − 1 = 1.8 > 0: the posterior mean is finite.
        let repeatBuyer = try heavyTailed.expectedAverageSpend(SpendHistory(frequency: 1, meanSpend: 30))
        #expect(abs(repeatBuyer - 2 * 35 / 1.8) <= 1e-12 * repeatBuyer)
        let tiny = GammaGammaParameters(p: 0.1, q: 0.5, gamma: 5)
        #expect(throws: ScoringError.unboundedExpectedSpend(q: 0.5, frequency: 2)) {
            try tiny.expectedAverageSpend(SpendHistory(frequency: 2, meanSpend: 30))
        }
        let model = CustomerValueModel(purchases: trueBGNBD, spend: heavyTailed, unit: .weeks)
        #expect(throws: ScoringError.unboundedExpectedSpend(q: 0.8, frequency: 0)) {
            try model.lifetimeValue(
                history: PurchaseHistory(frequency: 0, recency: 0, age: 10),
                spend: SpendHistory(frequency: 0, meanSpend: 0))
        }
    }

    @Test func analysisWithHeavyTailedSpendLeavesOnlyUnboundedValuesEmpty() throws {
        let base = simulateBase(
            count: 20_000, purchases: trueBGNBD, spend: GammaGammaParameters(p: 2, q: 0.8, gamma: 5), seed: 4)
        let analysis = try CustomerBaseAnalysis.analyze(
            histories: base.histories, spends: base.spends, unit: .weeks)
        let spendFit = try analysis.spend.get()
        #expect(spendFit.parameters.q < 1)
        for (estimate, spend) in zip(analysis.customers, base.spends) {
            #expect((estimate.lifetimeValue == nil) == (spend.frequency == 0))
            #expect((estimate.expectedAverageSpend == nil) == (spend.frequency == 0))
        }
    }

    @Test func batchScoresMatchPerCustomerFunctions() throws {
        let base = simulateBase(count: 20_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 99)
        let options = AnalysisOptions(lifetimeValue: LifetimeValueOptions(margin: 0.4, months: 6))
        let analysis = try CustomerBaseAnalysis.analyze(
            histories: base.histories, spends: base.spends, unit: .weeks, options: options)
        let spendFit = try analysis.spend.get()
        let fitted = CustomerValueModel(
            purchases: analysis.purchases.parameters, spend: spendFit.parameters, unit: .weeks)
        let horizon = 6 * options.lifetimeValue.daysPerMonth / 7
        #expect(analysis.customers.count == base.histories.count)
        for index in stride(from: 0, to: base.histories.count, by: 97) {
            let history = base.histories[index]
            let estimate = analysis.customers[index]
            let p = fitted.purchases
            #expect(abs(estimate.probabilityAlive - p.probabilityAlive(history)) <= 1e-14)
            let purchases = try p.expectedPurchases(in: horizon, given: history)
            #expect(abs(estimate.expectedPurchases - purchases) <= 1e-12 * max(purchases, 1e-300))
            #expect(
                abs(estimate.probabilityNoPurchase - p.probabilityNoPurchase(in: horizon, given: history))
                    <= 1e-14)
            let value = try fitted.lifetimeValue(
                history: history, spend: base.spends[index], options: options.lifetimeValue)
            let batchValue = try #require(estimate.lifetimeValue)
            #expect(abs(batchValue - value) <= 1e-12 * max(value, 1e-300))
        }
    }

    @Test func daysAndWeeksGiveTheSameModel() throws {
        // The same base in days: α scales by 7, r, a, b stay, and the log-likelihood (a density in
        // time) moves by Σx·ln 7.
        let base = simulateBase(count: 20_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 5)
        let inDays = base.histories.map {
            PurchaseHistory(frequency: $0.frequency, recency: $0.recency * 7, age: $0.age * 7)
        }
        let weeks = try BGNBDFit.fit(base.histories)
        let days = try BGNBDFit.fit(inDays)
        #expect(abs(days.parameters.alpha / 7 - weeks.parameters.alpha) <= 1e-7 * weeks.parameters.alpha)
        #expect(abs(days.parameters.r - weeks.parameters.r) <= 1e-7 * weeks.parameters.r)
        #expect(abs(days.parameters.a - weeks.parameters.a) <= 1e-7 * weeks.parameters.a)
        #expect(abs(days.parameters.b - weeks.parameters.b) <= 1e-7 * weeks.parameters.b)
        let repeats = Double(base.histories.reduce(0) { $0 + $1.frequency })
        #expect(
            abs(days.logLikelihood - (weeks.logLikelihood - repeats * log(7))) <= 1e-9
                * abs(days.logLikelihood))
        // CLV is unit-free because the month is the same 365.25/12 days in both.
        let history = base.histories[0]
        let spend = SpendHistory(frequency: 3, meanSpend: 20)
        let weekValue = try CustomerValueModel(
            purchases: weeks.parameters, spend: trueGammaGamma, unit: .weeks
        )
        .lifetimeValue(history: history, spend: spend)
        let dayValue = try CustomerValueModel(purchases: days.parameters, spend: trueGammaGamma, unit: .days)
            .lifetimeValue(history: inDays[0], spend: spend)
        #expect(abs(weekValue - dayValue) <= 1e-6 * weekValue)
    }

    @Test func fitIsDeterministic() throws {
        let base = simulateBase(count: 5_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 8)
        let first = try BGNBDFit.fit(base.histories)
        let second = try BGNBDFit.fit(base.histories)
        #expect(first.parameters == second.parameters)
        #expect(first.logLikelihood == second.logLikelihood)
    }
}
