// Degenerate customer bases end in sensible results or exactly one clear error: never NaN, a crash
// or an endless loop.
import Foundation
import Testing

@testable import Scoring

/// Expects `notIdentifiable` for `model`, whichever parameter the optimizer found running off.
func expectNotIdentifiable(
    _ model: ScoringModel, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(ScoringError) -> Void
) {
    do {
        try body()
        Issue.record("expected notIdentifiable, got a result", sourceLocation: sourceLocation)
    } catch {
        guard case .notIdentifiable(model: model, _) = error else {
            Issue.record("expected notIdentifiable, got \(error)", sourceLocation: sourceLocation)
            return
        }
    }
}

@Suite("Degenerate inputs")
struct DegenerateInputTests {
    @Test func emptyBase() {
        #expect(throws: ScoringError.emptyCustomerBase) { try BGNBDFit.fit([PurchaseHistory]()) }
        #expect(throws: ScoringError.emptyCustomerBase) { try GammaGammaFit.fit([SpendHistory]()) }
        #expect(throws: ScoringError.emptyCustomerBase) { try CustomerBaseAnalysis.analyze(summaries: []) }
    }

    @Test func oneCustomer() {
        let one = PurchaseHistory(frequency: 3, recency: 10, age: 20)
        #expect(throws: ScoringError.tooFewCustomers(model: .bgnbd, count: 1, minimum: 2)) {
            try BGNBDFit.fit([one])
        }
        #expect(throws: ScoringError.tooFewCustomers(model: .gammaGamma, count: 1, minimum: 2)) {
            try GammaGammaFit.fit([SpendHistory(frequency: 3, meanSpend: 12)])
        }
    }

    @Test func noRepeatBuyers() {
        let histories = (0..<100).map { PurchaseHistory(frequency: 0, recency: 0, age: Double(10 + $0)) }
        #expect(throws: ScoringError.noRepeatPurchases(model: .bgnbd)) { try BGNBDFit.fit(histories) }
        let spends = (0..<100).map { _ in SpendHistory(frequency: 0, meanSpend: 0) }
        #expect(throws: ScoringError.noRepeatPurchases(model: .gammaGamma)) { try GammaGammaFit.fit(spends) }
    }

    @Test func allPurchasesOnOneDay() throws {
        // Everybody bought (possibly several orders) on the same calendar day only.
        var builder = PurchaseSummaryBuilder<Int>(asOfDay: 400, unit: .weeks)
        for customer in 0..<50 {
            try builder.add(customer: customer, day: 365, amount: 1_000)
            try builder.add(customer: customer, day: 365, amount: 250)
        }
        let summaries = builder.finish().map(\.summary)
        #expect(summaries.allSatisfy { $0.frequency == 0 && $0.recency == 0 })
        #expect(throws: ScoringError.noRepeatPurchases(model: .bgnbd)) {
            try CustomerBaseAnalysis.analyze(summaries: summaries)
        }
    }

    @Test func everyoneBoughtOnTheAsOfDay() {
        // t_x = T for every repeat buyer: nobody ever seems to leave, so dropout is not determined.
        let histories = (0..<500).map { i in
            let age = Double(10 + i % 30)
            return i % 7 == 0
                ? PurchaseHistory(frequency: 0, recency: 0, age: age)
                : PurchaseHistory(frequency: i % 7, recency: age, age: age)
        }
        #expect(throws: ScoringError.notIdentifiable(model: .bgnbd, parameter: "b")) {
            try BGNBDFit.fit(histories)
        }
    }

    @Test func identicalSpendsLeaveShapeUndetermined() {
        let spends = (0..<100).map { _ in SpendHistory(frequency: 2, meanSpend: 10) }
        expectNotIdentifiable(.gammaGamma) { () throws(ScoringError) in _ = try GammaGammaFit.fit(spends) }
    }

    @Test func twoCustomersAreNotEnoughForFourParameters() {
        let histories = [
            PurchaseHistory(frequency: 3, recency: 10, age: 20),
            PurchaseHistory(frequency: 0, recency: 0, age: 20),
        ]
        expectNotIdentifiable(.bgnbd) { () throws(ScoringError) in _ = try BGNBDFit.fit(histories) }
    }

    @Test func heavyBuyersInTheThousandsGiveFiniteResults() throws {
        var base = simulateBase(count: 5_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 3)
        base.histories += [
            PurchaseHistory(frequency: 5_000, recency: 77.9, age: 78),
            PurchaseHistory(frequency: 3_000, recency: 2, age: 70),
        ]
        base.spends += [
            SpendHistory(frequency: 5_000, meanSpend: 3), SpendHistory(frequency: 3_000, meanSpend: 1e6),
        ]
        let analysis = try CustomerBaseAnalysis.analyze(
            histories: base.histories, spends: base.spends, unit: .weeks)
        #expect(analysis.purchases.relativeGradient <= 1e-10)
        for estimate in analysis.customers {
            #expect(estimate.probabilityAlive >= 0 && estimate.probabilityAlive <= 1)
            #expect(estimate.expectedPurchases >= 0 && estimate.expectedPurchases.isFinite)
            #expect(estimate.probabilityNoPurchase >= 0 && estimate.probabilityNoPurchase <= 1)
            let value = try #require(estimate.lifetimeValue)
            #expect(value >= 0 && value.isFinite)
        }
        let stillBuying = try #require(analysis.customers.dropLast().last)
        let gone = try #require(analysis.customers.last)
        #expect(stillBuying.probabilityAlive > 0.5)
        #expect(stillBuying.expectedPurchases > 1_000)
        #expect(gone.probabilityAlive == 0)
        #expect(gone.expectedPurchases == 0)
    }

    @Test func invalidHistoriesAreRejectedWithTheirPosition() {
        let valid = PurchaseHistory(frequency: 1, recency: 5, age: 10)
        for invalid in [
            PurchaseHistory(frequency: 1, recency: 11, age: 10),  // last purchase after as-of
            PurchaseHistory(frequency: -1, recency: 0, age: 10),
            PurchaseHistory(frequency: 2, recency: 0, age: 10),  // repeats on the first day
            PurchaseHistory(frequency: 0, recency: 3, age: 10),
            PurchaseHistory(frequency: 1, recency: .nan, age: 10),
            PurchaseHistory(frequency: 1, recency: 5, age: .infinity),
        ] {
            #expect(throws: ScoringError.invalidHistory(model: .bgnbd, index: 1)) {
                try BGNBDData(histories: [valid, invalid])
            }
        }
        #expect(throws: ScoringError.invalidHistory(model: .bgnbd, index: 0)) {
            try BGNBDData(weightedHistories: [(valid, 0)])
        }
        #expect(throws: ScoringError.invalidHistory(model: .gammaGamma, index: 0)) {
            try GammaGammaData(spends: [SpendHistory(frequency: 1, meanSpend: .nan)])
        }
    }

    @Test func iterationCapIsReportedAsNonConvergence() {
        let base = simulateBase(count: 2_000, purchases: trueBGNBD, spend: trueGammaGamma, seed: 11)
        #expect {
            try BGNBDFit.fit(base.histories, options: FitOptions(maxIterations: 1))
        } throws: { error in
            guard case .didNotConverge(model: .bgnbd, iterations: 1, let gradient) = error as? ScoringError
            else { return false }
            return gradient > 1e-10 && gradient.isFinite
        }
    }

    @Test func invalidParametersAndOptions() {
        #expect(throws: ScoringError.invalidParameter(name: "alpha", value: 0)) {
            try BGNBDParameters(r: 1, alpha: 0, a: 1, b: 1).validate()
        }
        let model = CustomerValueModel(
            purchases: trueBGNBD, spend: trueGammaGamma, unit: .weeks)
        let history = PurchaseHistory(frequency: 1, recency: 1, age: 2)
        let spend = SpendHistory(frequency: 1, meanSpend: 10)
        #expect(throws: ScoringError.invalidOption(name: "monthlyDiscountRate", value: -1)) {
            try model.lifetimeValue(
                history: history, spend: spend, options: LifetimeValueOptions(monthlyDiscountRate: -1))
        }
        #expect(throws: ScoringError.invalidOption(name: "months", value: -2)) {
            try model.lifetimeValue(history: history, spend: spend, options: LifetimeValueOptions(months: -2))
        }
    }

    @Test func seriesTermCapEndsInAnError() {
        // t/(α+T) = 3.65e8: the series would need ~1e10 terms.
        let parameters = BGNBDParameters(r: 0.24, alpha: 1e-6, a: 0.79, b: 2.43)
        #expect(throws: ScoringError.seriesDidNotConverge(terms: defaultSeriesTermLimit)) {
            try parameters.expectedPurchases(in: 365)
        }
    }
}
