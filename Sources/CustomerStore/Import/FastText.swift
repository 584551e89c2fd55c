import Foundation
import Scoring

/// Fast paths for the common case of plain ASCII cells (profiled on a 200,000-row orders file:
/// Foundation's trimming and NFC normalisation bridge every cell through NSString and took most
/// of the import's time). Each returns exactly what the general code would; anything not plain
/// ASCII takes the general code.
extension String {
    /// Trimmed of `set` (whitespace, optionally newlines); untouched when the first and last
    /// bytes are printable ASCII, which are in neither set.
    func importTrimmed(_ set: CharacterSet) -> String {
        hasPlainEnds ? self : trimmingCharacters(in: set)
    }

    /// Trimmed of whitespace and newlines. Without a default argument: building the
    /// `CharacterSet` for every cell, even when unused, was 6 % of a 20M-row import (perf).
    func importTrimmed() -> String {
        hasPlainEnds ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var hasPlainEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    /// Printable ASCII only (0x20...0x7E): no controls, no U+FFFD, already NFC, one scalar per byte.
    var isPrintableASCII: Bool {
        utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}

enum FastValues {
    /// `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS][Z]` read from bytes, as `ImportValues.time`
    /// reads them; nil means "not this simple form, or not valid": the general parser decides.
    static func time(_ text: String) -> Int64? {
        let utf8 = text.utf8
        let length = utf8.count
        guard [10, 16, 17, 19, 20].contains(length) else { return nil }
        let bytes = Array(utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0, 4),
            let month = number(5, 2), let dayOfMonth = number(8, 2),
            let day = CalendarDay(year: year, month: month, day: dayOfMonth)
        else { return nil }
        if length == 10 { return day.startUnixSeconds + 12 * 3600 }
        let withSeconds = length >= 19
        let end = withSeconds ? 19 : 16
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"),
            length == end || bytes[end] == UInt8(ascii: "Z"),
            let hours = number(11, 2), let minutes = number(14, 2), hours < 24, minutes < 60
        else { return nil }
        var seconds = 0
        if withSeconds {
            guard bytes[16] == UInt8(ascii: ":"), let value = number(17, 2), value < 60 else { return nil }
            seconds = value
        }
        return day.startUnixSeconds + Int64(hours * 3600 + minutes * 60 + seconds)
    }

    /// `[-]D{1,13}[(.|,)D{1,2}]` in minor units; nil means "not this simple form".
    static func amount(_ text: String) -> Int64? {
        var whole: Int64 = 0
        var wholeDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var negative = false
        var inFraction = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    fraction = fraction * 10 + Int64(byte - 0x30)
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= Amount.maxDigits else { return nil }
                    whole = whole * 10 + Int64(byte - 0x30)
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !inFraction, wholeDigits > 0 else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
        let cents = fractionDigits == 1 ? fraction * 10 : fraction
        return (negative ? -1 : 1) * (whole * 100 + cents)
    }
}
