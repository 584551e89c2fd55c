import Testing

@testable import Scoring

/// When BG/NBD cannot be fitted, `clientele score` says why in plain words before the
/// optimiser's detail (audit 6, finding 12).
@Suite("The BG/NBD note in plain words")
struct BGNBDNoteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var error: ScoringError
        var buyers: Int
        var repeatBuyers: Int
        var plain: String
        var testDescription: String { plain }
    }

    @Test(
        "Why first, what the scores do meanwhile, then the technical detail",
        arguments: [
            Case(
                error: .didNotConverge(model: .bgnbd, iterations: 21, relativeGradient: 2e-8), buyers: 5,
                repeatBuyers: 3,
                plain: "BG/NBD not fitted: only 3 of 5 customers with purchases have bought more than once,"),
            Case(
                error: .noRepeatPurchases(model: .bgnbd), buyers: 4, repeatBuyers: 0,
                plain: "BG/NBD not fitted: no customer has bought more than once yet (4 with purchases),"),
            Case(
                error: .notIdentifiable(model: .bgnbd, parameter: "b"), buyers: 4, repeatBuyers: 4,
                plain: "BG/NBD not fitted: only 4 customers have purchases,"),
            Case(
                error: .tooFewCustomers(model: .bgnbd, count: 1, minimum: 2), buyers: 1, repeatBuyers: 1,
                plain: "BG/NBD not fitted: only 1 customer has purchases,"),
        ])
    func plainFirst(_ example: Case) {
        let note = example.error.bgnbdNote(buyers: example.buyers, repeatBuyers: example.repeatBuyers)
        #expect(note.hasPrefix(example.plain), "\(note)")
        #expect(note.contains("CLV stays empty, and values count contracts only, until more customers"))
        let detail = example.error.english.replacingOccurrences(of: "not fitted: ", with: "")
        #expect(note.hasSuffix("Detail: " + detail), "\(note)")
    }

    @Test("A refusal that is not about the data keeps its own sentence")
    func otherErrors() {
        let error = ScoringError.invalidOption(name: "horizon", value: -1)
        #expect(error.bgnbdNote(buyers: 10, repeatBuyers: 5) == "BG/NBD: " + error.english)
    }
}
