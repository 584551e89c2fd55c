import Scoring

/// Amounts as written in German and English files, read exactly into minor units.
///
/// Thousands groups always have three digits, so most forms say which separator is the
/// decimal one: `1.234,56`, `1,234.56`, `12,5`, `12.50`, `1.234.567`. Only one separator
/// followed by exactly three digits (`1.234`, `1,234`) is ambiguous; the file's style decides
/// it (`ImportNumberStyle`), and a file that gives no evidence gets an error with a hint.
enum Amount {
    enum Reading: Equatable {
        case value(Int64)
        /// `1.234` or `1,234`: what it means with a decimal comma, and with a decimal point.
        case ambiguous(ifDecimalComma: Int64?, ifDecimalPoint: Int64?)
        case invalid(ImportAmountFault)
    }

    /// The currency symbols and codes an amount may carry, and the currency each writes.
    static let symbolCurrencies = [
        "€": "EUR", "EUR": "EUR", "$": "USD", "USD": "USD", "CHF": "CHF", "£": "GBP", "GBP": "GBP",
        "Fr.": "CHF", "SFr.": "CHF",
    ]
    /// Longest first, so "SFr." is taken whole and not as "Fr." after an "S".
    static let symbols = symbolCurrencies.keys.sorted { ($0.count, $0) > ($1.count, $1) }

    /// The currency an amount's own symbol names (`12,50 €`, `CHF 20`), if it has one.
    static func currencyMark(_ text: String) -> String? {
        let body = text.trimmingCharacters(in: .whitespaces)
        return symbols.first { body.hasPrefix($0) || body.hasSuffix($0) }.flatMap { symbolCurrencies[$0] }
    }
    static let maxDigits = 13

    static func read(_ text: String) -> Reading {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        for symbol in symbols {
            if body.hasPrefix(symbol) { body = body.dropFirst(symbol.count) }
            if body.hasSuffix(symbol) { body = body.dropLast(symbol.count) }
        }
        // Spaces (also no-break and narrow no-break) as thousands separators are dropped.
        var cleaned = String(body.unicodeScalars.filter { ![" ", "\u{00A0}", "\u{202F}"].contains($0) })
        var negative = false
        if cleaned.hasPrefix("-") || cleaned.hasPrefix("−") {
            negative = true
            cleaned.removeFirst()
        } else if cleaned.hasSuffix("-") {
            negative = true
            cleaned.removeLast()
        } else if cleaned.hasPrefix("+") {
            cleaned.removeFirst()
        }
        guard !cleaned.isEmpty,
            cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            cleaned.first?.isNumber == true
        else { return .invalid(.notAnAmount) }
        let sign: Int64 = negative ? -1 : 1
        let commas = cleaned.filter { $0 == "," }.count
        let points = cleaned.filter { $0 == "." }.count
        if let lastComma = cleaned.lastIndex(of: ","), let lastPoint = cleaned.lastIndex(of: ".") {
            // The last separator is the decimal one; the other kind groups thousands.
            let decimal: Character = lastComma > lastPoint ? "," : "."
            let grouping: Character = decimal == "," ? "." : ","
            guard cleaned.filter({ $0 == decimal }).count == 1 else { return .invalid(.notAnAmount) }
            return compose(cleaned, decimal: decimal, grouping: grouping).map { .value(sign * $0) }
                ?? .invalid(.notAnAmount)
        }
        let separator: Character? = commas > 0 ? "," : points > 0 ? "." : nil
        guard let separator else {
            return compose(cleaned, decimal: ",", grouping: ".").map { .value(sign * $0) }
                ?? .invalid(.notAnAmount)
        }
        let pieces = cleaned.split(separator: separator, omittingEmptySubsequences: false)
        if pieces.count > 2 {
            // Several of one kind: thousands groups.
            return compose(cleaned, decimal: separator == "," ? "." : ",", grouping: separator)
                .map { .value(sign * $0) } ?? .invalid(.notAnAmount)
        }
        let fraction = pieces[1].count
        if fraction == 3 && (1...3).contains(pieces[0].count) && pieces[0] != "0" {
            let asGroup = compose(cleaned, decimal: separator == "," ? "." : ",", grouping: separator)
            let grouped = asGroup.map { sign * $0 }
            return separator == "."
                ? .ambiguous(ifDecimalComma: grouped, ifDecimalPoint: nil)
                : .ambiguous(ifDecimalComma: nil, ifDecimalPoint: grouped)
        }
        return compose(cleaned, decimal: separator, grouping: separator == "," ? "." : ",")
            .map { .value(sign * $0) } ?? .invalid(fraction > 2 ? .moreThanTwoDecimals : .notAnAmount)
    }

    /// Integer and fraction with checked thousands groups; nil if malformed or too large.
    private static func compose(_ text: String, decimal: Character, grouping: Character) -> Int64? {
        let halves = text.split(separator: decimal, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        let groups = halves[0].split(separator: grouping, omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let whole = groups.joined()
        guard !whole.isEmpty, whole.count <= maxDigits, let wholeValue = Int64(whole) else { return nil }
        var cents: Int64 = 0
        if halves.count == 2 {
            let fraction = halves[1]
            guard (1...2).contains(fraction.count), let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        return wholeValue * 100 + cents
    }

    /// Evidence for the file's style from one cell: a comma followed by exactly two digits at
    /// the end means a decimal comma; a point followed by one or two digits, a decimal point.
    static func evidence(_ text: String) -> ImportNumberStyle? {
        if text.isPrintableASCII {
            // The same rule on bytes (ASCII digits are the only ASCII numbers).
            let kept = text.utf8.filter {
                ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".")
            }
            guard kept.count >= 3 else { return nil }
            let last = kept.count - 1
            func digit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            if kept[last - 2] == UInt8(ascii: ","), digit(kept[last - 1]), digit(kept[last]) {
                return .decimalComma
            }
            if kept[last - 1] == UInt8(ascii: ".")
                || (kept[last - 2] == UInt8(ascii: ".") && digit(kept[last - 1]))
            {
                return .decimalPoint
            }
            return nil
        }
        let trimmed = Array(
            text.trimmingCharacters(in: .whitespaces).filter { $0.isNumber || $0 == "," || $0 == "." })
        guard trimmed.count >= 3 else { return nil }
        let last = trimmed.count - 1
        if trimmed[last - 2] == ",", trimmed[last - 1].isNumber, trimmed[last].isNumber {
            return .decimalComma
        }
        if trimmed[last - 1] == "." || (trimmed[last - 2] == "." && trimmed[last - 1].isNumber) {
            return .decimalPoint
        }
        return nil
    }
}
