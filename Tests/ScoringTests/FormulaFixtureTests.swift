// Closed-form values at fixed parameters against an independent 50-digit computation
// (Fixtures/btyd-formulas.json, copied from /work/shared/reference; time unit: weeks).
import Foundation
import Testing

@testable import Scoring

struct FormulaFixture: Decodable {
    struct BGNBD: Decodable {
        var r: Double
        var alpha: Double
        var a: Double
        var b: Double
        var parameters: BGNBDParameters { BGNBDParameters(r: r, alpha: alpha, a: a, b: b) }
    }

    struct GammaGamma: Decodable {
        var p: Double
        var q: Double
        var gamma: Double
    }

    struct Customer: Decodable {
        var x: Int
        var recency: Double
        var age: Double
        var m: Double
        var logLikelihood: Double
        var probabilityAlive: Double
        var expectedPurchasesNext39: Double
        var expectedPurchasesNext4: Double
        var expectedAverageSpend: Double
        var gammaGammaLogLikelihood: Double?
        var history: PurchaseHistory { PurchaseHistory(frequency: x, recency: recency, age: age) }
        var spend: SpendHistory { SpendHistory(frequency: x, meanSpend: m) }

        enum CodingKeys: String, CodingKey {
            case x, m
            case recency = "t_x"
            case age = "T"
            case logLikelihood = "log_likelihood"
            case probabilityAlive = "p_alive"
            case expectedPurchasesNext39 = "expected_purchases_next_39"
            case expectedPurchasesNext4 = "expected_purchases_next_4"
            case expectedAverageSpend = "expected_average_spend"
            case gammaGammaLogLikelihood = "gamma_gamma_log_likelihood"
        }
    }

    struct Extreme: Decodable {
        struct Case: Decodable {
            var x: Int
            var recency: Double
            var age: Double
            var logLikelihood: Double
            var history: PurchaseHistory { PurchaseHistory(frequency: x, recency: recency, age: age) }

            enum CodingKeys: String, CodingKey {
                case x
                case recency = "t_x"
                case age = "T"
                case logLikelihood = "log_likelihood"
            }
        }
        var params: BGNBD
        var cases: [Case]
    }

    var bgnbd: BGNBD
    var gammaGamma: GammaGamma
    var unconditionalExpectedPurchases: [String: Double]
    var customers: [Customer]
    var extremeLogLikelihood: Extreme

    enum CodingKeys: String, CodingKey {
        case customers
        case bgnbd = "bgnbd_params"
        case gammaGamma = "gamma_gamma_params"
        case unconditionalExpectedPurchases = "unconditional_expected_purchases"
        case extremeLogLikelihood = "extreme_log_likelihood"
    }

    static func load() throws -> FormulaFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/btyd-formulas.json")
        return try JSONDecoder().decode(FormulaFixture.self, from: Data(contentsOf: url))
    }
}

/// |actual − expected| ≤ tolerance·|expected|; an expected 0 (an underflow in the reference) must be
/// matched by a value that is 0 to double precision.
func expectClose(
    _ actual: Double, _ expected: Double, relative tolerance: Double = 1e-8, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let ok: Bool
    if expected == 0 {
        ok = abs(actual) <= 1e-300
    } else {
        ok = abs(actual - expected) <= tolerance * abs(expected)
    }
    #expect(ok, "\(label): \(actual) vs \(expected)", sourceLocation: sourceLocation)
}

@Suite("Formulas against the 50-digit reference")
struct FormulaFixtureTests {
    let fixture: FormulaFixture

    init() throws {
        fixture = try FormulaFixture.load()
    }

    var bgnbd: BGNBDParameters { fixture.bgnbd.parameters }

    var gammaGamma: GammaGammaParameters {
        let g = fixture.gammaGamma
        return GammaGammaParameters(p: g.p, q: g.q, gamma: g.gamma)
    }

    @Test func fixtureIsComplete() {
        #expect(fixture.customers.count == 10)
        #expect(fixture.extremeLogLikelihood.cases.count == 3)
        #expect(fixture.unconditionalExpectedPurchases.count == 6)
    }

    @Test func perCustomerLogLikelihood() {
        for c in fixture.customers {
            expectClose(bgnbd.logLikelihood(c.history), c.logLikelihood, "LL x=\(c.x)")
        }
    }

    @Test func heavyBuyerLogLikelihood() {
        let params = fixture.extremeLogLikelihood.params.parameters
        for c in fixture.extremeLogLikelihood.cases {
            expectClose(params.logLikelihood(c.history), c.logLikelihood, "LL x=\(c.x)")
        }
    }

    @Test func groupedTotalMatchesSumOfCustomers() throws {
        let params = fixture.extremeLogLikelihood.params.parameters
        let histories = fixture.extremeLogLikelihood.cases.map(\.history)
        let expected = fixture.extremeLogLikelihood.cases.reduce(0) { $0 + $1.logLikelihood }
        // Each history twice: the total counts customers, not distinct histories.
        let data = try BGNBDData(histories: histories + histories)
        #expect(data.distinctHistories == 3)
        expectClose(data.logLikelihood(params), 2 * expected, "total LL")
    }

    @Test func probabilityAlive() {
        for c in fixture.customers {
            expectClose(bgnbd.probabilityAlive(c.history), c.probabilityAlive, "P(alive) x=\(c.x)")
        }
    }

    @Test func conditionalExpectedPurchases() throws {
        for c in fixture.customers {
            expectClose(
                try bgnbd.expectedPurchases(in: 39, given: c.history), c.expectedPurchasesNext39,
                "E[Y(39)] x=\(c.x)")
            expectClose(
                try bgnbd.expectedPurchases(in: 4, given: c.history), c.expectedPurchasesNext4,
                "E[Y(4)] x=\(c.x)")
        }
    }

    @Test func unconditionalExpectedPurchases() throws {
        for (key, expected) in fixture.unconditionalExpectedPurchases {
            let t = try #require(Double(key))
            expectClose(try bgnbd.expectedPurchases(in: t), expected, "E[X(\(key))]")
        }
    }

    @Test func expectedAverageSpend() throws {
        for c in fixture.customers {
            expectClose(
                try gammaGamma.expectedAverageSpend(c.spend), c.expectedAverageSpend, "E[M] x=\(c.x)")
        }
    }

    @Test func gammaGammaLogLikelihood() {
        for c in fixture.customers {
            let actual = gammaGamma.logLikelihood(c.spend)
            if let expected = c.gammaGammaLogLikelihood {
                expectClose(actual ?? .nan, expected, "GG LL x=\(c.x)")
            } else {
                #expect(actual == nil)
            }
        }
    }
}
