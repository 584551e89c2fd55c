import ArgumentParser
import DemoData
import Foundation
import Scoring

/// `clientele bench model`: this model against the Python `lifetimes` package on the same
/// synthetic summary, in one run.
struct BenchModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit and score a synthetic base with this model and with Python lifetimes; compare.",
        discussion: """
            Needs a Python with lifetimes 0.11.3 for the comparison: \
            `bash Tests/Benchmarks/setup-lifetimes.sh` creates one in .build/lifetimes-venv (found \
            automatically). Without it, only this model is timed.
            """)

    @Option(help: "Customers in the synthetic base.")
    var customers = 1_000_000

    @Option(help: "Seed of the synthetic base.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Python with lifetimes (default: .build/lifetimes-venv/bin/python).", valueName: "path"))
    var python: String?

    @Flag(name: .customLong("no-python"), help: "Time this model only.")
    var noPython = false

    func run() throws {
        var figures = JSONFigures()
        var started = Clock.monotonicSeconds()
        let summaries = SyntheticSummaries.generate(customers: customers, seed: seed)
        figures["customers"] = .int(summaries.count)
        figures["generateSeconds"] = .number(Clock.monotonicSeconds() - started)

        started = Clock.monotonicSeconds()
        let data = try BGNBDData(histories: summaries.map(\.history))
        let fit = try BGNBDFit.fit(data)
        figures["bgnbdFitSeconds"] = .number(Clock.monotonicSeconds() - started)
        figures["distinctHistories"] = .int(fit.distinctHistories)

        started = Clock.monotonicSeconds()
        let analysis = try CustomerBaseAnalysis.analyze(summaries: summaries)
        let analyzeSeconds = Clock.monotonicSeconds() - started
        figures["fitBothAndPredictSeconds"] = .number(analyzeSeconds)
        let ours = analysis.purchases.parameters
        figures["bgnbd"] = .object([
            "r": .number(ours.r), "alpha": .number(ours.alpha), "a": .number(ours.a), "b": .number(ours.b),
            "logLikelihood": .number(analysis.purchases.logLikelihood),
        ])
        if let spend = try? analysis.spend.get().parameters {
            figures["gammaGamma"] = .object([
                "p": .number(spend.p), "q": .number(spend.q), "gamma": .number(spend.gamma),
            ])
        }

        if !noPython, let python = python ?? Self.defaultPython() {
            let reference = try Self.runLifetimes(python: python, summaries: summaries)
            figures["lifetimes"] = .raw(reference.json)
            if let total = reference.totalSeconds {
                figures["lifetimesTotalSeconds"] = .number(total)
                figures["speedup"] = .number(total / analyzeSeconds)
            }
            if let theirs = reference.bgnbd {
                let differences = [
                    abs(theirs.r / ours.r - 1), abs(theirs.alpha / ours.alpha - 1),
                    abs(theirs.a / ours.a - 1),
                    abs(theirs.b / ours.b - 1),
                ]
                figures["bgnbdMaxRelativeDifference"] = .number(differences.max() ?? 0)
                // Both parameter sets under one likelihood: which fit is better, and by how much.
                figures["logLikelihoodAtLifetimesParameters"] = .number(data.logLikelihood(theirs))
            }
            if let theirs = reference.gammaGamma, let spend = try? analysis.spend.get().parameters {
                let differences = [
                    abs(theirs.p / spend.p - 1), abs(theirs.q / spend.q - 1),
                    abs(theirs.gamma / spend.gamma - 1),
                ]
                figures["gammaGammaMaxRelativeDifference"] = .number(differences.max() ?? 0)
            }
        } else if !noPython {
            figures["lifetimes"] = .string(
                "not run: no Python with lifetimes (bash Tests/Benchmarks/setup-lifetimes.sh)")
        }
        print(figures.json)
    }

    static func defaultPython() -> String? {
        let path = FileManager.default.currentDirectoryPath + "/.build/lifetimes-venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    struct Reference {
        var json: String
        var totalSeconds: Double?
        var bgnbd: BGNBDParameters?
        var gammaGamma: GammaGammaParameters?
    }

    /// Writes the summary as CSV and runs the lifetimes script on it.
    static func runLifetimes(python: String, summaries: [PurchaseSummary]) throws -> Reference {
        let folder = NSTemporaryDirectory() + "clientele-bench-model-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/summary.csv"
        var text = "frequency,recency,T,monetary_value\n"
        text.reserveCapacity(summaries.count * 32)
        for summary in summaries {
            text += "\(summary.frequency),\(summary.recency),\(summary.age),\(summary.repeatMeanSpend)\n"
        }
        try text.write(toFile: csv, atomically: false, encoding: .utf8)
        let script = FileManager.default.currentDirectoryPath + "/Tests/Benchmarks/lifetimes_fit.py"
        guard FileManager.default.fileExists(atPath: script) else {
            throw CommandError("run the model benchmark from the project folder (it needs \(script))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, csv]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError("the lifetimes script failed (see above)")
        }
        let json = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        let bgnbd = (object["bgnbd"] as? [String: Double]).flatMap { p -> BGNBDParameters? in
            guard let r = p["r"], let alpha = p["alpha"], let a = p["a"], let b = p["b"] else { return nil }
            return BGNBDParameters(r: r, alpha: alpha, a: a, b: b)
        }
        let gammaGamma = (object["gammaGamma"] as? [String: Double]).flatMap { p -> GammaGammaParameters? in
            guard let pValue = p["p"], let q = p["q"], let gamma = p["gamma"] else { return nil }
            return GammaGammaParameters(p: pValue, q: q, gamma: gamma)
        }
        return Reference(
            json: json, totalSeconds: object["totalSeconds"] as? Double, bgnbd: bgnbd, gammaGamma: gammaGamma)
    }
}

/// An ordered JSON object for benchmark output (keys in insertion order, numbers unrounded).
struct JSONFigures {
    indirect enum Value {
        case number(Double)
        case int(Int)
        case string(String)
        case raw(String)
        case object([(String, Value)])

        static func object(_ dictionary: KeyValuePairs<String, Value>) -> Value {
            .object(dictionary.map { ($0.key, $0.value) })
        }

        var json: String {
            switch self {
            case .number(let value): value.isFinite ? "\(value)" : "null"
            case .int(let value): "\(value)"
            case .string(let value): Format.jsonString(value)
            case .raw(let value): value
            case .object(let pairs):
                "{" + pairs.map { "\(Format.jsonString($0.0)): \($0.1.json)" }.joined(separator: ", ") + "}"
            }
        }
    }

    private var pairs: [(String, Value)] = []

    subscript(key: String) -> Value? {
        get { pairs.first { $0.0 == key }?.1 }
        set {
            pairs.removeAll { $0.0 == key }
            if let newValue { pairs.append((key, newValue)) }
        }
    }

    var json: String { Value.object(pairs).json }
}
