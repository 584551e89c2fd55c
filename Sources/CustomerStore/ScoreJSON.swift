import Foundation
import Scoring

/// Hand-written JSON for the per-customer columns of `scores` (reasons, actions, bindings).
///
/// It produces exactly what the types' `Codable` conformances read back (a test decodes every
/// case with `JSONDecoder`), but without `JSONEncoder`'s per-call cost, which for a million
/// customers was the largest part of a rescoring.
enum ScoreJSON {
    static func reasons(_ reasons: [WeightedReason]) -> String {
        var out = JSONOut()
        out.raw("[")
        for (index, weighted) in reasons.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"reason\":")
            reason(weighted.reason, into: &out)
            out.raw(",\"weight\":")
            out.raw(number(weighted.weight))
            out.raw("}")
        }
        out.raw("]")
        return out.text
    }

    private static func reason(_ reason: RiskReason, into out: inout JSONOut) {
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

    static func actions(_ actions: [SuggestedAction]) -> String {
        var out = JSONOut()
        out.raw("[")
        for (index, action) in actions.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{")
            out.field("kind", string: action.kind.rawValue, first: true)
            out.field("ruleID", string: action.ruleID)
            out.field("due", string: isoDay(action.due))
            out.field("priority", action.priority)
            if let channel = action.channel { out.field("channel", string: channel.rawValue) }
            if let detail = action.detail { out.field("detail", detail) }
            out.raw("}")
        }
        out.raw("]")
        return out.text
    }

    static func bindings(_ strengths: BindingSignals) -> String {
        var out = JSONOut()
        out.raw("{")
        for (index, binding) in Binding.allCases.enumerated() {
            out.field(binding.rawValue, strengths[binding].rawValue, first: index == 0)
        }
        out.raw("}")
        return out.text
    }

    /// `CalendarDay.iso` without its string interpolation, for the years a due date can have.
    static func isoDay(_ day: CalendarDay) -> String {
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else { return day.iso }
        var text = ""
        text.reserveCapacity(10)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value / divisor % 10)))
                divisor /= 10
            }
        }
        digits(year, 4)
        text.unicodeScalars.append("-")
        digits(month, 2)
        text.unicodeScalars.append("-")
        digits(date, 2)
        return text
    }

    /// Shortest round-tripping decimal; weights are finite by construction, anything else is 0.
    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}

/// Appends JSON into one growing string (the per-customer columns are written a million times,
/// so no intermediate arrays or joined pieces).
private struct JSONOut {
    var text = ""
    private var needsComma = false

    init() { text.reserveCapacity(256) }

    mutating func raw(_ piece: String) { text += piece }

    /// `{"name":{...}}` with the fields `body` adds.
    mutating func object(_ name: String, _ body: (inout JSONOut) -> Void) {
        text += "{\""
        text += name
        text += "\":{"
        needsComma = false
        body(&self)
        text += "}}"
    }

    private mutating func key(_ name: String, first: Bool) {
        if first { needsComma = false }
        if needsComma { text += "," }
        needsComma = true
        text += "\""
        text += name
        text += "\":"
    }

    mutating func field(_ name: String, _ value: Int, first: Bool = false) {
        key(name, first: first)
        text += String(value)
    }

    mutating func field(_ name: String, string value: String, first: Bool = false) {
        key(name, first: first)
        // Plain printable ASCII needs no escaping; anything else goes through the one escaper.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            text += "\""
            text += value
            text += "\""
        } else {
            text += JSONText.quoted(value)
        }
    }
}
