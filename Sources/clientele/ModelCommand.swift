import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `clientele model`: the latest population fit, for people or scripts.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Show the latest fitted models (BG/NBD, Gamma-Gamma) with standard errors.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON with stable keys for scripts.")
    var json = false

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        guard let model = try customerStore.latestPopulationModel() else {
            throw CommandError("the store has not been scored yet; run `clientele score` first")
        }
        if json {
            print(try ModelReport.json(model))
        } else {
            print(ModelReport.text(model, distribution: try customerStore.scoreDistribution(), seconds: nil))
        }
    }
}

/// How a fitted population model is shown.
enum ModelReport {
    /// The documented JSON shape: keys never change once released.
    struct JSONShape: Encodable {
        struct BGNBD: Encodable {
            var r, alpha, a, b, logLikelihood: Double
            var standardErrors: [String: Double]
        }
        struct GammaGamma: Encodable {
            var p, q, gamma, logLikelihood: Double
            var customers: Int
        }
        var asOf: String
        var timeUnit: String
        var customers: Int
        var bgnbd: BGNBD?
        var gammaGamma: GammaGamma?

        enum CodingKeys: String, CodingKey {
            case asOf, timeUnit, customers, bgnbd, gammaGamma
        }

        /// A model that could not be fitted is `null`, never a missing key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(asOf, forKey: .asOf)
            try container.encode(timeUnit, forKey: .timeUnit)
            try container.encode(customers, forKey: .customers)
            try container.encode(bgnbd, forKey: .bgnbd)
            try container.encode(gammaGamma, forKey: .gammaGamma)
        }
    }

    static func json(_ model: PopulationModel) throws -> String {
        let shape = JSONShape(
            asOf: model.asOf.iso, timeUnit: model.timeUnit.rawValue, customers: model.customers,
            bgnbd: model.bgnbd.map { fit in
                let p = fit.parameters
                let se = fit.standardErrors
                return JSONShape.BGNBD(
                    r: p.r, alpha: p.alpha, a: p.a, b: p.b, logLikelihood: fit.logLikelihood,
                    standardErrors: ["r": se.r, "alpha": se.alpha, "a": se.a, "b": se.b])
            },
            gammaGamma: model.gammaGamma.map { fit in
                JSONShape.GammaGamma(
                    p: fit.parameters.p, q: fit.parameters.q, gamma: fit.parameters.gamma,
                    logLikelihood: fit.logLikelihood, customers: fit.customers)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(shape), as: UTF8.self)
    }

    static func text(
        _ model: PopulationModel, distribution: (segments: [String: Int], bands: [String: Int]),
        seconds: Double?
    )
        -> String
    {
        func number(_ value: Double) -> String { String(format: "%.6g", value) }
        var lines = [
            "Scored \(Format.grouped(model.customers)) customer\(model.customers == 1 ? "" : "s") as of \(model.asOf.iso) (time unit: \(model.timeUnit.rawValue))"
        ]
        if let fit = model.bgnbd {
            let p = fit.parameters
            let se = fit.standardErrors
            lines.append(
                "BG/NBD       r = \(number(p.r)) ± \(number(se.r))   α = \(number(p.alpha)) ± \(number(se.alpha))   "
                    + "a = \(number(p.a)) ± \(number(se.a))   b = \(number(p.b)) ± \(number(se.b))")
            lines.append(
                "             log-likelihood \(String(format: "%.3f", fit.logLikelihood)) over \(Format.grouped(fit.customers)) buyers"
            )
        }
        if let fit = model.gammaGamma {
            let p = fit.parameters
            let se = fit.standardErrors
            lines.append(
                "Gamma-Gamma  p = \(number(p.p)) ± \(number(se.p))   q = \(number(p.q)) ± \(number(se.q))   "
                    + "γ = \(number(p.gamma)) ± \(number(se.gamma))")
            lines.append(
                "             log-likelihood \(String(format: "%.3f", fit.logLikelihood)) over \(Format.grouped(fit.customers)) repeat buyers"
            )
        }
        for problem in model.problems { lines.append("Note: \(problem)") }
        lines.append(
            "Segments     "
                + Segment.allCases.compactMap { segment in
                    distribution.segments[segment.rawValue].map {
                        "\(segment.rawValue) \(Format.grouped($0))"
                    }
                }.joined(separator: ", "))
        lines.append(
            "Risk bands   "
                + RiskBand.allCases.map { band in
                    "\(band.rawValue) \(Format.grouped(distribution.bands[band.rawValue] ?? 0))"
                }.joined(separator: ", "))
        if let seconds { lines.append(String(format: "Time         %.2f s", seconds)) }
        return lines.joined(separator: "\n")
    }
}
