/// Sentences about the customer list and the call list as a whole.
extension Catalog {
    /// The unfiltered customer list is empty although the store holds customers: none is
    /// scored yet, and scoring is the one step missing.
    func listNotScored(customers: Int) -> String {
        let count = number(customers)
        return customers == 1
            ? pick(
                "1 customer, not scored yet: run `clientele score`.",
                "1 Kunde, noch nicht bewertet: `clientele score` ausführen.")
            : pick(
                "\(count) customers, not scored yet: run `clientele score`.",
                "\(count) Kunden, noch nicht bewertet: `clientele score` ausführen.")
    }

    /// An owner filter that matches nobody, with the owners there are.
    func ownerNotFound(_ owner: String, owners: [String]) -> String {
        let list = owners.joined(separator: ", ")
        return owners.isEmpty
            ? pick(
                "no customer has the owner \"\(owner)\" (no customer has an owner)",
                "kein Kunde hat den Betreuer „\(owner)“ (kein Kunde hat einen Betreuer)")
            : pick(
                "no customer has the owner \"\(owner)\" (owners match exactly): \(list)",
                "kein Kunde hat den Betreuer „\(owner)“ (genaue Schreibweise): \(list)")
    }

    /// A command value that is not taken, with the words that are: `no risk band "hi"; one of: …`.
    func badValue(_ field: CommandField, _ value: String, accepted: [String]) -> String {
        let words = accepted.joined(separator: ", ")
        return switch field {
        case .band:
            pick(
                "no risk band \"\(value)\"; one of: \(words)",
                "kein Risikoband „\(value)“; eines von: \(words)")
        case .tier:
            pick(
                "no value tier \"\(value)\"; one of: \(words)",
                "keine Wertklasse „\(value)“; eine von: \(words)")
        case .type:
            pick(
                "no relationship type \"\(value)\"; one of: \(words)",
                "keine Beziehungsart „\(value)“; eine von: \(words)")
        case .column:
            pick(
                "no column \"\(value)\" to sort by; one of: \(words)",
                "keine Spalte „\(value)“ zum Sortieren; eine von: \(words)")
        case .direction:
            pick(
                "no sort direction \"\(value)\"; one of: \(words)",
                "keine Sortierrichtung „\(value)“; eine von: \(words)")
        }
    }

    /// "(or niedrig, mittel, hoch)": the other language's words, which are taken too.
    func orAlso(_ words: [String]) -> String {
        pick("(or ", "(oder ") + words.joined(separator: ", ") + ")"
    }
}
