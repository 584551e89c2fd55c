import Foundation

/// The list search's second half: a customer number (external id) or a phone number, the
/// usual lookups when a customer calls in, which the full-text index over names cannot do.
///
/// Every part is an index range (the external id's unique index, migration 0008's index on
/// the phone's digits), so a number costs a few index probes however large the store is.
/// Broad prefixes are left out: fewer than three digits of a customer number, or fewer than
/// five of a phone number, would match a large share of the store on every keystroke.
enum NumberSearch {
    /// The phone's digits: the expression of the index `customers_by_phone_digits`. Queries
    /// must use it verbatim (same text, unqualified `phone`) for SQLite to use that index.
    static let phoneDigits = """
        replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '/', ''), '-', ''), \
        '(', ''), ')', ''), '.', ''), '+', '')
        """

    /// Country codes whose numbers are written nationally with a leading 0 that the
    /// international form drops (+49 341 … is 0341 …): the German-speaking countries and
    /// their neighbours.
    static let trunkZeroCountryCodes = ["49", "43", "41", "423", "31", "32", "33", "44"]

    /// Fewest digits of a customer number or phone number before a prefix is searched.
    static let minimumIDPrefixDigits = 3
    static let minimumPhoneDigits = 5

    /// `SELECT id …` statements whose union is the customers `text` names by number, with
    /// their arguments; empty when `text` looks like no number.
    static func parts(_ text: String) -> [(sql: String, arguments: [String])] {
        let term = text.trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { return [] }
        var parts: [(sql: String, arguments: [String])] = []
        var ids = [term]
        if term.uppercased() != term { ids.append(term.uppercased()) }
        let idDigits = term.filter(\.isASCIIDigit).count
        for id in ids {
            if idDigits >= minimumIDPrefixDigits {
                parts.append(
                    (
                        "SELECT id FROM customers WHERE external_id >= ? AND external_id < ?",
                        [id, id + "\u{10FFFF}"]
                    ))
            } else {
                parts.append(("SELECT id FROM customers WHERE external_id = ?", [id]))
            }
        }
        for prefix in phonePrefixes(term) {
            parts.append(
                (
                    "SELECT id FROM customers WHERE phone IS NOT NULL AND \(phoneDigits) >= ? AND \(phoneDigits) < ?",
                    [prefix, prefix + "\u{10FFFF}"]
                ))
        }
        return parts
    }

    /// The digit strings a stored phone's digits may start with when `term` is (the start
    /// of) its number: international (`+49 341 …`, `0049 341 …`, `49341…`) or national
    /// (`0341 …`), each also in the other form; `+49 (0)341` is written both with and
    /// without its 0. Empty when `term` has other characters or too few digits.
    static func phonePrefixes(_ term: String) -> [String] {
        let separators: Set<Character> = [" ", "/", "-", "(", ")", ".", "+"]
        guard term.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) else { return [] }
        let digits = String(term.filter(\.isASCIIDigit))
        guard digits.count >= minimumPhoneDigits else { return [] }
        var prefixes: [String] = []
        func add(_ prefix: String) {
            if !prefix.isEmpty, !prefixes.contains(prefix) { prefixes.append(prefix) }
        }
        let international: String
        if term.hasPrefix("+") {
            international = digits
        } else if digits.hasPrefix("00") {
            international = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0") {
            // National: the same number under each country code, and as typed.
            let national = String(digits.dropFirst())
            add(digits)
            for code in trunkZeroCountryCodes {
                add(code + national)
                add(code + "0" + national)
                add("00" + code + national)
            }
            return prefixes
        } else {
            international = digits
        }
        add(international)
        add("00" + international)
        for code in trunkZeroCountryCodes where international.hasPrefix(code) {
            var national = String(international.dropFirst(code.count))
            if national.hasPrefix("0") { national.removeFirst() }
            add("0" + national)
            add(code + national)
            add(code + "0" + national)
        }
        return prefixes
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
