import Foundation
import Scoring

/// Hand-written JSON for the per-customer columns of `scores` (reasons, actions, bindings).
///
/// It produces exactly what the types' `Codable` conformances read back (a test decodes every
/// case with `JSONDecoder`), but without `JSONEncoder`'s per-call cost. The text is built as
/// UTF-8 bytes in one buffer: a million customers' columns built as `String` appends were
/// about a tenth of a whole rescoring (measured with `perf`, 2026-11-22).
enum ScoreJSON {
    static func reasons(_ reasons: [WeightedReason]) -> String {
        var out = JSONBytes()
        appendReasons(reasons, to: &out)
        return out.string
    }

    static func actions(_ actions: [SuggestedAction]) -> String {
        var out = JSONBytes()
        appendActions(actions, to: &out)
        return out.string
    }

    static func bindings(_ strengths: BindingSignals) -> String {
        var out = JSONBytes()
        appendBindings(strengths, to: &out)
        return out.string
    }

    static func appendReasons(_ reasons: [WeightedReason], to out: inout JSONBytes) {
        out.raw("[")
        for (index, weighted) in reasons.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"reason\":")
            reason(weighted.reason, into: &out)
            out.raw(",\"weight\":")
            out.number(weighted.weight)
            out.raw("}")
        }
        out.raw("]")
    }

    private static func reason(_ reason: RiskReason, into out: inout JSONBytes) {
        switch reason {
        case .orderOverdue(let since, let gap):
            out.object("orderOverdue") {
                $0.field("daysSinceLastOrder", since)
                $0.field("usualGapDays", gap)
            }
        case .noRecentOrder(let since):
            out.object("noRecentOrder") { $0.field("daysSinceLastOrder", since) }
        case .likelyInactive(let percent):
            out.object("likelyInactive") { $0.field("percentAlive", percent) }
        case .detractor(let score, let daysAgo, let type):
            out.object("detractor") {
                $0.field("score", score)
                $0.field("daysAgo", daysAgo)
                $0.field("type", string: type.rawValue)
            }
        case .passive(let score, let daysAgo, let type):
            out.object("passive") {
                $0.field("score", score)
                $0.field("daysAgo", daysAgo)
                $0.field("type", string: type.rawValue)
            }
        case .openComplaints(let count, let oldest):
            out.object("openComplaints") {
                $0.field("count", count)
                $0.field("oldestDays", oldest)
            }
        case .contractCancelled(let daysToEnd):
            out.object("contractCancelled") { $0.field("daysToEnd", daysToEnd) }
        case .contractEnding(let daysToEnd, let deadline, let emotional):
            out.object("contractEnding") {
                $0.field("daysToEnd", daysToEnd)
                $0.field("daysToNoticeDeadline", deadline)
                $0.field("emotionalBinding", emotional.rawValue)
            }
        case .lockInOnly(let strongest):
            out.object("lockInOnly") { $0.field("strongest", string: strongest.rawValue) }
        case .contactGap(let since, let gap):
            out.object("contactGap") {
                $0.field("daysSinceTouch", since)
                $0.field("usualGapDays", gap)
            }
        case .negativeSentiment(let negative, let of):
            out.object("negativeSentiment") {
                $0.field("negative", negative)
                $0.field("of", of)
            }
        case .lowSatisfaction(let score, let daysAgo):
            out.object("lowSatisfaction") {
                $0.field("score", score)
                $0.field("daysAgo", daysAgo)
            }
        case .highEffort(let score, let daysAgo):
            out.object("highEffort") {
                $0.field("score", score)
                $0.field("daysAgo", daysAgo)
            }
        }
    }

    static func appendActions(_ actions: [SuggestedAction], to out: inout JSONBytes) {
        out.raw("[")
        for (index, action) in actions.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{")
            out.field("kind", string: action.kind.rawValue, first: true)
            out.field("ruleID", string: action.ruleID)
            out.key("due", first: false)
            out.raw("\"")
            out.isoDay(action.due)
            out.raw("\"")
            out.field("priority", action.priority)
            if let channel = action.channel { out.field("channel", string: channel.rawValue) }
            if let detail = action.detail { out.field("detail", detail) }
            out.raw("}")
        }
        out.raw("]")
    }

    static func appendBindings(_ strengths: BindingSignals, to out: inout JSONBytes) {
        out.raw("{")
        for (index, binding) in Binding.allCases.enumerated() {
            out.field(binding.rawValue, strengths[binding].rawValue, first: index == 0)
        }
        out.raw("}")
    }

    /// `CalendarDay.iso`, without its string interpolation.
    static func isoDay(_ day: CalendarDay) -> String {
        var out = JSONBytes()
        out.isoDay(day)
        return out.string
    }
}

/// Appends JSON as UTF-8 bytes into one growing buffer (the per-customer columns are written a
/// million times, so no intermediate strings or joined pieces).
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A literal piece of JSON.
    mutating func raw(_ piece: StaticString) {
        piece.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A run-time string known to need no escaping (names and raw values of this program's types).
    mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `{"name":{...}}` with the fields `body` adds.
    mutating func object(_ name: String, _ body: (inout JSONBytes) -> Void) {
        raw("{\"")
        plain(name)
        raw("\":{")
        needsComma = false
        body(&self)
        raw("}}")
    }

    mutating func key(_ name: String, first: Bool) {
        if first { needsComma = false }
        if needsComma { raw(",") }
        needsComma = true
        raw("\"")
        plain(name)
        raw("\":")
    }

    mutating func field(_ name: String, _ value: Int, first: Bool = false) {
        key(name, first: first)
        integer(value)
    }

    mutating func field(_ name: String, string value: String, first: Bool = false) {
        key(name, first: first)
        // Plain printable ASCII needs no escaping; anything else goes through the one escaper.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            raw("\"")
            plain(value)
            raw("\"")
        } else {
            plain(JSONText.quoted(value))
        }
    }

    /// Decimal digits of `value`, as `String(value)` writes them.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(0x30 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Shortest round-tripping decimal; weights are finite by construction, anything else is 0.
    mutating func number(_ value: Double) {
        if value.isFinite { plain(value.description) } else { raw("0") }
    }

    /// `YYYY-MM-DD` for years 0...9999, `CalendarDay.iso` otherwise.
    mutating func isoDay(_ day: CalendarDay) {
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else {
            plain(day.iso)
            return
        }
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(0x30 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(0x2D)
        digits(month, 2)
        bytes.append(0x2D)
        digits(date, 2)
    }
}
