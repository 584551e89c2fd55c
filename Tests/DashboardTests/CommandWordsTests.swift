import Scoring
import Testing

@testable import Dashboard

/// `:filter` and `:sort` take back the words the screens show, English and German, in either
/// language's session; a wrong value is named with the words that are taken.
@Suite("Dashboard: command words in both languages")
struct CommandWordsTests {
    private let none = ListFilter()

    private func filter(_ text: String) -> ListFilter? {
        if case .success(.filter(let filter)) = ColonCommand.parse(text, current: none) { return filter }
        return nil
    }

    @Test("Bands, types and tiers as the English and the German screens show them")
    func filterWords() {
        for word in ["high", "hoch", "HOCH", "Hoch"] { #expect(filter("filter band \(word)")?.band == .high) }
        #expect(filter("filter band mittel")?.band == .medium)
        #expect(filter("filter band niedrig")?.band == .low)
        #expect(filter("filter risiko hoch")?.band == .high)
        for word in ["beziehungsorientiert", "Beziehung", "relationship"] {
            #expect(filter("filter type \(word)")?.relationship == .relationship, "\(word)")
        }
        for word in ["transaktionsorientiert", "transaktional", "transactional"] {
            #expect(filter("filter type \(word)")?.relationship == .transactional, "\(word)")
        }
        #expect(filter("filter tier a")?.tier == .a)
        #expect(filter("filter wert B")?.tier == .b)
        #expect(filter("filter betreuer Anna Schröder")?.owner == "Anna Schröder")
    }

    @Test("Sort by the header's words in both languages, with a direction in either")
    func sortWords() {
        let cases: [(String, ColonCommand)] = [
            ("sort risiko", .sort(.risk, nil)), ("sort wert desc", .sort(.value, .descending)),
            ("sort Kontakt", .sort(.lastTouch, nil)),
            ("sort nächster schritt ab", .sort(.nextAction, .descending)),
            ("sort next action", .sort(.nextAction, nil)), ("sort name auf", .sort(.name, .ascending)),
            ("sort risk", .sort(.risk, nil)),
        ]
        for (text, expected) in cases {
            #expect(ColonCommand.parse(text, current: none) == .success(expected), "\(text)")
        }
    }

    @Test("A wrong value says which, and lists the words taken (the screen's language first)")
    func wrongValues() {
        let english = Catalog(language: .en)
        let german = Catalog(language: .de)
        func message(_ text: String, _ catalog: Catalog) -> String? {
            if case .failure(let error) = ColonCommand.parse(text, current: none) {
                return error.message(catalog)
            }
            return nil
        }
        #expect(
            message("filter band hi", english)
                == "no risk band \"hi\"; one of: low, medium, high (or niedrig, mittel, hoch)")
        #expect(
            message("filter band hi", german)
                == "kein Risikoband „hi“; eines von: niedrig, mittel, hoch (oder low, medium, high)")
        #expect(
            message("filter type foo", german)
                == "keine Beziehungsart „foo“; eine von: transaktional, beziehungsorientiert "
                + "(oder transactional, relationship)")
        #expect(message("filter tier D", english) == "no value tier \"D\"; one of: A, B, C")
        #expect(
            message("sort umsatz", german)
                == "keine Spalte „umsatz“ zum Sortieren; eine von: name, segment, risiko, wert, kontakt, "
                + "nächster (oder risk, value, touch, next)")
        #expect(
            message("sort risiko hoch", german)
                == "keine Sortierrichtung „hoch“; eine von: auf, ab (oder asc, desc)")
    }

    @Test("The German usage line names the German column words, which are taken")
    func germanUsage() {
        let german = Catalog(language: .de)
        guard case .failure(let error) = ColonCommand.parse("sort", current: none) else {
            Issue.record("sort without a column parsed")
            return
        }
        let usage = error.message(german)
        #expect(usage == "Aufruf: sort name|segment|risiko|wert|kontakt|nächster [auf|ab]")
        let words = usage.dropFirst("Aufruf: sort ".count).split(separator: " ")
        for column in words[0].split(separator: "|") {
            for direction in words[1].dropFirst().dropLast().split(separator: "|") {
                let text = "sort \(column) \(direction)"
                guard case .success(.sort) = ColonCommand.parse(text, current: none) else {
                    Issue.record("\(text) is not taken")
                    continue
                }
            }
        }
    }

    @Test("The filter chip reads in the screen's language: no \"tier A\" in German")
    func chip() {
        var state = Fixtures.listState(columns: 100, rows: 14, language: .de)
        _ = Dashboard.update(&state, .key(.character(":")))
        for character in "filter tier A" { _ = Dashboard.update(&state, .key(.character(character))) }
        _ = Dashboard.update(&state, .key(.enter))
        let header = ListScreen.summary(state)
        #expect(header.contains("Filter Wert A"), "\(header)")
        #expect(!header.contains("Filter tier"), "\(header)")
    }
}
