import Foundation

/// The rules that turn facts into suggested actions, read from a JSON file the user can read and
/// change (`clientele rules` prints the default set). Parsing only: files are read by callers.
public struct ActionRuleSet: Sendable, Equatable {
    /// No suggestion contacts a customer the company reached out to this many days ago or less.
    public var contactFatigueDays: Int
    /// Relational NPS is asked at most this often (days between) and this many times a year.
    public var relationalSurveyMinDays: Int
    public var relationalSurveysPerYear: Int
    /// At most this many suggestions per customer, highest priority first: the list is the
    /// account manager's plan, and six contacts in two weeks is no plan (at least 1).
    public var suggestionsPerCustomer: Int
    public var rules: [ActionRule]

    public init(
        contactFatigueDays: Int, relationalSurveyMinDays: Int, relationalSurveysPerYear: Int,
        suggestionsPerCustomer: Int = 3, rules: [ActionRule]
    ) {
        self.contactFatigueDays = contactFatigueDays
        self.relationalSurveyMinDays = relationalSurveyMinDays
        self.relationalSurveysPerYear = relationalSurveysPerYear
        self.suggestionsPerCustomer = suggestionsPerCustomer
        self.rules = rules
    }
}

/// One rule: when every condition holds, suggest `action`.
public struct ActionRule: Sendable, Equatable {
    public var id: String
    public var action: ActionKind
    public var priority: Int
    public var due: DueRule
    public var channel: Channel?
    public var fatigue: FatiguePolicy
    /// The relationship types the rule applies to (all when the file names none).
    public var relationshipTypes: Set<RelationshipType>
    public var conditions: [Condition]
    /// The fact whose value explains the action (shown in the sentence).
    public var detail: ActionFact?
}

/// When a suggested action is due: a number of days after the as-of day, or a fact's value in
/// days plus an offset (for example 14 days before the notice deadline); never before the as-of day.
public enum DueRule: Sendable, Equatable {
    case inDays(Int)
    case fromFact(ActionFact, offset: Int)
}

/// What contact fatigue does to a rule.
public enum FatiguePolicy: String, Sendable, Equatable, CaseIterable {
    /// Drop the suggestion while the customer was contacted recently (the default).
    case suppress
    /// Keep it, due once the fatigue window has passed (for urgent matters such as complaints).
    case `defer`
    /// Keep it on its own day: a follow-up the customer agreed to ("call me back tomorrow") is
    /// not an unasked contact. Only the `follow-up` action may say so, so a rules file cannot
    /// switch fatigue off for selling.
    case exempt
}

/// `fact op value`, for example `openComplaints >= 1` or `segment in [at-risk, cant-lose]`.
public struct Condition: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case isIn = "in"
        case between
    }

    public var fact: ActionFact
    public var op: Operator
    public var values: [FactValue]

    public init(fact: ActionFact, op: Operator, values: [FactValue]) {
        self.fact = fact
        self.op = op
        self.values = values
    }

    /// A condition on a missing fact (no NPS answer, no contract) never holds.
    public func holds(for value: FactValue?) -> Bool {
        guard let value else { return false }
        switch op {
        case .equal: return values.first == value
        case .notEqual: return values.first != value
        case .isIn: return values.contains(value)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let left) = value, case .number(let right)? = values.first else {
                return false
            }
            switch op {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            default: return left >= right
            }
        case .between:
            guard case .number(let x) = value, values.count == 2, case .number(let low) = values[0],
                case .number(let high) = values[1]
            else { return false }
            return low <= x && x <= high
        }
    }
}

/// A rules file that cannot be used, with where and why.
public struct RuleSetError: Error, Equatable, CustomStringConvertible {
    public var location: String
    public var problem: String

    public var description: String { location.isEmpty ? problem : "\(location): \(problem)" }
}

extension ActionRuleSet {
    /// Parses a rules file. Every problem names the rule (by position and id) and the key.
    public static func parse(_ json: String) throws(RuleSetError) -> ActionRuleSet {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        } catch {
            throw RuleSetError(
                location: "",
                problem: "the rules file is not valid JSON; check quotes and commas "
                    + "(`python3 -m json.tool FILE` shows the line)")
        }
        guard case .object(let object) = root else {
            throw RuleSetError(
                location: "", problem: "the rules file must be a JSON object with \"settings\" and \"rules\"")
        }
        let settings = object["settings"]?.object ?? [:]
        func setting(_ key: String, _ fallback: Int) throws(RuleSetError) -> Int {
            guard let raw = settings[key] else { return fallback }
            guard let value = raw.int, value >= 0 else {
                throw RuleSetError(
                    location: "settings.\(key)", problem: "must be a whole number of days, at least 0")
            }
            return value
        }
        func count(_ key: String, _ fallback: Int) throws(RuleSetError) -> Int {
            guard let raw = settings[key] else { return fallback }
            guard let value = raw.int, value >= 1 else {
                throw RuleSetError(location: "settings.\(key)", problem: "must be a whole number, at least 1")
            }
            return value
        }
        guard case .array(let rawRules)? = object["rules"] else {
            throw RuleSetError(location: "rules", problem: "missing: a list of rules is required")
        }
        var rules: [ActionRule] = []
        var seen = Set<String>()
        for (index, raw) in rawRules.enumerated() {
            let rule = try parseRule(raw, index: index)
            guard seen.insert(rule.id).inserted else {
                throw RuleSetError(
                    location: "rules[\(index)]", problem: "the id \"\(rule.id)\" is used twice")
            }
            rules.append(rule)
        }
        return ActionRuleSet(
            contactFatigueDays: try setting("contactFatigueDays", 3),
            relationalSurveyMinDays: try setting("relationalSurveyMinDays", 180),
            relationalSurveysPerYear: try setting("relationalSurveysPerYear", 2),
            suggestionsPerCustomer: try count("suggestionsPerCustomer", 3), rules: rules)
    }

    private static let ruleKeys: Set<String> = [
        "id", "description", "action", "priority", "due", "channel", "fatigue", "relationshipTypes", "detail",
        "when",
    ]

    private static func parseRule(_ raw: JSONValue, index: Int) throws(RuleSetError) -> ActionRule {
        guard case .object(let object) = raw else {
            throw RuleSetError(location: "rules[\(index)]", problem: "each rule must be a JSON object")
        }
        let id = object["id"]?.string ?? ""
        let location = id.isEmpty ? "rules[\(index)]" : "rules[\(index)] (\"\(id)\")"
        func fail(_ key: String, _ problem: String) -> RuleSetError {
            RuleSetError(location: "\(location).\(key)", problem: problem)
        }
        // A misspelt key ("priorty") would otherwise be ignored silently.
        for key in object.keys.sorted() where !ruleKeys.contains(key) {
            throw fail(key, "unknown key (known: \(ruleKeys.sorted().joined(separator: ", ")))")
        }
        guard !id.isEmpty else { throw fail("id", "missing: every rule needs an id") }
        guard let actionName = object["action"]?.string, let action = ActionKind(rawValue: actionName) else {
            let known = ActionKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(
                "action", "unknown or missing action \(object["action"]?.text ?? "") (known: \(known))")
        }
        guard let priority = object["priority"]?.int else {
            throw fail("priority", "missing: a whole number, higher comes first")
        }
        let due: DueRule
        switch object["due"] {
        case nil:
            due = .inDays(0)
        case .object(let dueObject)?:
            if let days = dueObject["inDays"]?.int {
                due = .inDays(days)
            } else if let factName = dueObject["fact"]?.string, let fact = ActionFact(rawValue: factName) {
                due = .fromFact(fact, offset: dueObject["offset"]?.int ?? 0)
            } else {
                throw fail("due", "use {\"inDays\": N} or {\"fact\": NAME, \"offset\": N} with a known fact")
            }
        default:
            throw fail("due", "use {\"inDays\": N} or {\"fact\": NAME, \"offset\": N}")
        }
        var channel: Channel?
        if let channelName = object["channel"] {
            guard let name = channelName.string, let parsed = Channel(rawValue: name) else {
                throw fail("channel", "unknown channel \(channelName.text)")
            }
            channel = parsed
        }
        var fatigue = FatiguePolicy.suppress
        if let policyName = object["fatigue"] {
            guard let name = policyName.string, let parsed = FatiguePolicy(rawValue: name) else {
                throw fail("fatigue", "must be \"suppress\", \"defer\" or \"exempt\"")
            }
            guard parsed != .exempt || action == .followUp else {
                throw fail(
                    "fatigue",
                    "only a follow-up the customer agreed to may be \"exempt\" from contact fatigue")
            }
            fatigue = parsed
        }
        var types = Set(RelationshipType.allCases)
        if let rawTypes = object["relationshipTypes"] {
            guard case .array(let items) = rawTypes, !items.isEmpty else {
                throw fail("relationshipTypes", "must be a non-empty list such as [\"relationship\"]")
            }
            types = []
            for item in items {
                guard let name = item.string, let type = RelationshipType(rawValue: name) else {
                    throw fail("relationshipTypes", "unknown relationship type \(item.text)")
                }
                types.insert(type)
            }
        }
        var detail: ActionFact?
        if let detailName = object["detail"] {
            guard let name = detailName.string, let fact = ActionFact(rawValue: name) else {
                throw fail("detail", "unknown fact \(detailName.text)")
            }
            detail = fact
        }
        guard case .array(let rawConditions)? = object["when"] else {
            throw fail("when", "missing: a list of conditions (use [] for always)")
        }
        var conditions: [Condition] = []
        for (conditionIndex, rawCondition) in rawConditions.enumerated() {
            conditions.append(
                try parseCondition(rawCondition, location: "\(location).when[\(conditionIndex)]"))
        }
        return ActionRule(
            id: id, action: action, priority: priority, due: due, channel: channel, fatigue: fatigue,
            relationshipTypes: types, conditions: conditions, detail: detail)
    }

    private static func parseCondition(_ raw: JSONValue, location: String) throws(RuleSetError) -> Condition {
        guard case .object(let object) = raw else {
            throw RuleSetError(
                location: location, problem: "a condition is {\"fact\": ..., \"op\": ..., \"value\": ...}")
        }
        guard let factName = object["fact"]?.string, let fact = ActionFact(rawValue: factName) else {
            throw RuleSetError(
                location: location + ".fact", problem: "unknown fact \(object["fact"]?.text ?? "")")
        }
        guard let opName = object["op"]?.string, let op = Condition.Operator(rawValue: opName) else {
            let known = Condition.Operator.allCases.map(\.rawValue).joined(separator: " ")
            throw RuleSetError(
                location: location + ".op",
                problem: "unknown operator \(object["op"]?.text ?? "") (known: \(known))")
        }
        guard let rawValue = object["value"] else {
            throw RuleSetError(location: location + ".value", problem: "missing")
        }
        let list: [JSONValue]
        if case .array(let items) = rawValue { list = items } else { list = [rawValue] }
        var values: [FactValue] = []
        for item in list {
            switch item {
            case .bool(let flag): values.append(.flag(flag))
            case .number(let number): values.append(.number(number))
            case .string(let word): values.append(.word(word))
            default:
                throw RuleSetError(
                    location: location + ".value", problem: "must be a number, true/false, a word or a list")
            }
        }
        if op == .between && values.count != 2 {
            throw RuleSetError(location: location + ".value", problem: "between needs [low, high]")
        }
        return Condition(fact: fact, op: op, values: values)
    }
}

/// A parsed JSON document. JSONDecoder keeps `true` and `1` apart, which JSONSerialization does not.
enum JSONValue: Decodable, Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// A whole number, or nil (2.5 is not a number of days).
    var int: Int? {
        if case .number(let value) = self, value.rounded() == value, abs(value) < 1e9 {
            Int(value)
        } else {
            nil
        }
    }

    /// The value as a person would write it in the file, for error messages.
    var text: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .number(let value): value.rounded() == value ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
