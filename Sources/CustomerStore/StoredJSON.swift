import Foundation
import Scoring

/// Reads back the first element of the `scores.actions` and `scores.reasons` columns without
/// `JSONDecoder`, which costs tens of microseconds a call: too much for a hundred thousand rows
/// of a call-list export. The scanner understands the plain JSON ``ScoreJSON`` writes (objects,
/// strings without escapes, integers); anything else falls back to `JSONDecoder`, so a value
/// it does not understand is decoded slowly, never wrongly.
enum StoredJSON {
    /// The first suggested action of an `actions` column, or nil for an empty or unreadable one.
    static func firstAction(_ bytes: UnsafeBufferPointer<UInt8>) -> SuggestedAction? {
        var scanner = Scanner(bytes)
        switch scanner.firstElement() {
        case .empty: return nil
        case .value(.object(let fields)):
            if let action = action(fields) { return action }
        default: break
        }
        return try? JSONDecoder().decode([SuggestedAction].self, from: Data(buffer: bytes)).first
    }

    /// The strongest reason of a `reasons` column, or nil for an empty or unreadable one.
    static func firstReason(_ bytes: UnsafeBufferPointer<UInt8>) -> RiskReason? {
        var scanner = Scanner(bytes)
        switch scanner.firstElement() {
        case .empty: return nil
        case .value(.object(let fields)):
            if case .object(let named)? = fields.first(where: { $0.key == "reason" })?.value,
                named.count == 1, let only = named.first, case .object(let values) = only.value,
                let reason = reason(only.key, values)
            {
                return reason
            }
        default: break
        }
        return try? JSONDecoder().decode([WeightedReason].self, from: Data(buffer: bytes)).first?.reason
    }

    private static func action(_ fields: [Field]) -> SuggestedAction? {
        var kind: ActionKind?
        var ruleID: String?
        var due: CalendarDay?
        var priority: Int?
        var channel: Channel?
        var detail: Int?
        for field in fields {
            switch (field.key, field.value) {
            case ("kind", .string(let text)): kind = ActionKind(rawValue: text)
            case ("ruleID", .string(let text)): ruleID = text
            case ("due", .string(let text)): due = CalendarDay(iso: text)
            case ("priority", .integer(let value)): priority = value
            case ("channel", .string(let text)):
                guard let parsed = Channel(rawValue: text) else { return nil }
                channel = parsed
            case ("detail", .integer(let value)): detail = value
            default: return nil
            }
        }
        guard let kind, let ruleID, let due, let priority else { return nil }
        return SuggestedAction(
            kind: kind, ruleID: ruleID, due: due, priority: priority, channel: channel, detail: detail)
    }

    /// A reason from its case name and fields, exactly as the synthesised `Codable` reads it.
    private static func reason(_ name: String, _ fields: [Field]) -> RiskReason? {
        func int(_ key: String) -> Int? {
            if case .integer(let value)? = fields.first(where: { $0.key == key })?.value { return value }
            return nil
        }
        func string(_ key: String) -> String? {
            if case .string(let value)? = fields.first(where: { $0.key == key })?.value { return value }
            return nil
        }
        switch name {
        case "orderOverdue":
            guard let since = int("daysSinceLastOrder"), let gap = int("usualGapDays") else { return nil }
            return .orderOverdue(daysSinceLastOrder: since, usualGapDays: gap)
        case "noRecentOrder":
            return int("daysSinceLastOrder").map { .noRecentOrder(daysSinceLastOrder: $0) }
        case "likelyInactive":
            return int("percentAlive").map { .likelyInactive(percentAlive: $0) }
        case "detractor", "passive":
            guard let score = int("score"), let daysAgo = int("daysAgo"),
                let type = string("type").flatMap(NPSType.init(rawValue:))
            else { return nil }
            return name == "detractor"
                ? .detractor(score: score, daysAgo: daysAgo, type: type)
                : .passive(score: score, daysAgo: daysAgo, type: type)
        case "openComplaints":
            guard let count = int("count"), let oldest = int("oldestDays") else { return nil }
            return .openComplaints(count: count, oldestDays: oldest)
        case "contractCancelled":
            return int("daysToEnd").map { .contractCancelled(daysToEnd: $0) }
        case "contractEnding":
            guard let end = int("daysToEnd"), let deadline = int("daysToNoticeDeadline"),
                let emotional = int("emotionalBinding").flatMap(BindingStrength.init(rawValue:))
            else { return nil }
            return .contractEnding(
                daysToEnd: end, daysToNoticeDeadline: deadline, emotionalBinding: emotional)
        case "lockInOnly":
            return string("strongest").flatMap(Binding.init(rawValue:)).map { .lockInOnly(strongest: $0) }
        case "contactGap":
            guard let since = int("daysSinceTouch"), let gap = int("usualGapDays") else { return nil }
            return .contactGap(daysSinceTouch: since, usualGapDays: gap)
        case "negativeSentiment":
            guard let negative = int("negative"), let of = int("of") else { return nil }
            return .negativeSentiment(negative: negative, of: of)
        case "lowSatisfaction":
            guard let score = int("score"), let daysAgo = int("daysAgo") else { return nil }
            return .lowSatisfaction(score: score, daysAgo: daysAgo)
        case "highEffort":
            guard let score = int("score"), let daysAgo = int("daysAgo") else { return nil }
            return .highEffort(score: score, daysAgo: daysAgo)
        default:
            return nil
        }
    }

    typealias Field = (key: String, value: Value)

    enum Value {
        case string(String)
        case integer(Int)
        /// A number with a fraction or exponent (a reason's weight): skipped, not read.
        case otherNumber
        case object([Field])
    }

    enum Element {
        case empty
        case value(Value)
        /// Not the plain JSON the scanner knows; the caller falls back to `JSONDecoder`.
        case unknown
    }

    /// A forward-only scanner over UTF-8 bytes.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func firstElement() -> Element {
            guard consume(UInt8(ascii: "[")) else { return .unknown }
            if consume(UInt8(ascii: "]")) { return .empty }
            return value().map(Element.value) ?? .unknown
        }

        private mutating func skipSpaces() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func value() -> Value? {
            skipSpaces()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return nil
            }
        }

        /// A string without escapes (the scanner gives up on a backslash).
        private mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    let text = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                case UInt8(ascii: "\\"):
                    return nil
                default:
                    index += 1
                }
            }
            return nil
        }

        private mutating func number() -> Value? {
            var negative = false
            if bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var magnitude = 0
            var digits = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
                if overflowTimes || overflowSum { return nil }
                magnitude = sum
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            var fractional = false
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                    UInt8(ascii: "-"):
                    fractional = true
                case UInt8(ascii: "0")...UInt8(ascii: "9") where fractional:
                    break
                default:
                    break scan
                }
                index += 1
            }
            return fractional ? .otherNumber : .integer(negative ? -magnitude : magnitude)
        }

        private mutating func object() -> Value? {
            guard consume(UInt8(ascii: "{")) else { return nil }
            var fields: [Field] = []
            if consume(UInt8(ascii: "}")) { return .object(fields) }
            while true {
                skipSpaces()
                guard let key = string(), consume(UInt8(ascii: ":")), let value = value() else { return nil }
                fields.append((key, value))
                if consume(UInt8(ascii: "}")) { return .object(fields) }
                guard consume(UInt8(ascii: ",")) else { return nil }
            }
        }
    }
}
