import Foundation
import Scoring

/// Hand-written JSON for the per-customer columns of `scores` (reasons, actions, bindings).
///
/// It produces exactly what the types' `Codable` conformances read back (a test decodes every
/// case with `JSONDecoder`), but without `JSONEncoder`'s per-call cost, which for a million
/// customers was the largest part of a rescoring.
enum ScoreJSON {
    static func reasons(_ reasons: [WeightedReason]) -> String {
        var out = "["
        for (index, weighted) in reasons.enumerated() {
            if index > 0 { out += "," }
            out += "{\"reason\":" + reason(weighted.reason) + ",\"weight\":" + number(weighted.weight) + "}"
        }
        return out + "]"
    }

    static func reason(_ reason: RiskReason) -> String {
        switch reason {
        case .orderOverdue(let since, let gap):
            object("orderOverdue", [("daysSinceLastOrder", "\(since)"), ("usualGapDays", "\(gap)")])
        case .noRecentOrder(let since):
            object("noRecentOrder", [("daysSinceLastOrder", "\(since)")])
        case .likelyInactive(let percent):
            object("likelyInactive", [("percentAlive", "\(percent)")])
        case .detractor(let score, let daysAgo, let type):
            object(
                "detractor",
                [("score", "\(score)"), ("daysAgo", "\(daysAgo)"), ("type", string(type.rawValue))])
        case .passive(let score, let daysAgo, let type):
            object(
                "passive",
                [("score", "\(score)"), ("daysAgo", "\(daysAgo)"), ("type", string(type.rawValue))])
        case .openComplaints(let count, let oldest):
            object("openComplaints", [("count", "\(count)"), ("oldestDays", "\(oldest)")])
        case .contractCancelled(let daysToEnd):
            object("contractCancelled", [("daysToEnd", "\(daysToEnd)")])
        case .contractEnding(let daysToEnd, let deadline, let emotional):
            object(
                "contractEnding",
                [
                    ("daysToEnd", "\(daysToEnd)"), ("daysToNoticeDeadline", "\(deadline)"),
                    ("emotionalBinding", "\(emotional.rawValue)"),
                ])
        case .lockInOnly(let strongest):
            object("lockInOnly", [("strongest", string(strongest.rawValue))])
        case .contactGap(let since, let gap):
            object("contactGap", [("daysSinceTouch", "\(since)"), ("usualGapDays", "\(gap)")])
        case .negativeSentiment(let negative, let of):
            object("negativeSentiment", [("negative", "\(negative)"), ("of", "\(of)")])
        case .lowSatisfaction(let score, let daysAgo):
            object("lowSatisfaction", [("score", "\(score)"), ("daysAgo", "\(daysAgo)")])
        case .highEffort(let score, let daysAgo):
            object("highEffort", [("score", "\(score)"), ("daysAgo", "\(daysAgo)")])
        }
    }

    static func actions(_ actions: [SuggestedAction]) -> String {
        var out = "["
        for (index, action) in actions.enumerated() {
            if index > 0 { out += "," }
            var fields = [
                ("kind", string(action.kind.rawValue)), ("ruleID", string(action.ruleID)),
                ("due", string(action.due.iso)), ("priority", "\(action.priority)"),
            ]
            if let channel = action.channel { fields.append(("channel", string(channel.rawValue))) }
            if let detail = action.detail { fields.append(("detail", "\(detail)")) }
            out += "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
        return out + "]"
    }

    static func bindings(_ strengths: BindingSignals) -> String {
        "{" + Binding.allCases.map { "\"\($0.rawValue)\":\(strengths[$0].rawValue)" }.joined(separator: ",")
            + "}"
    }

    private static func object(_ name: String, _ fields: [(String, String)]) -> String {
        "{\"\(name)\":{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}}"
    }

    private static func string(_ text: String) -> String {
        RecordSQL.jsonString(text)
    }

    /// Shortest round-tripping decimal; weights are finite by construction, anything else is 0.
    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
