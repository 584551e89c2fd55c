extension ActionRuleSet {
    /// The rules Clientele ships with, as the JSON a user copies and edits
    /// (`clientele rules > my-rules.json`, then `--rules my-rules.json`).
    /// Each rule cites the DOMAIN.md advice it follows in its description.
    public static let standardJSON = """
        {
          "settings": {
            "contactFatigueDays": 3,
            "relationalSurveyMinDays": 180,
            "relationalSurveysPerYear": 2,
            "suggestionsPerCustomer": 3
          },
          "rules": [
            {
              "id": "resolve-complaint",
              "description": "Resolve an open complaint first: an unanswered complaint weakens the bond lastingly.",
              "action": "resolve-complaint", "priority": 100, "channel": "call", "fatigue": "defer",
              "due": {"inDays": 0}, "detail": "oldestOpenComplaintDays",
              "when": [{"fact": "openComplaints", "op": ">=", "value": 1}]
            },
            {
              "id": "follow-up-due",
              "description": "A follow-up agreed on an earlier touchpoint, on the day agreed (the customer asked for it: no contact fatigue).",
              "action": "follow-up", "priority": 95, "fatigue": "exempt",
              "due": {"fact": "followUpDueInDays", "offset": 0}, "detail": "followUpDueInDays",
              "when": [{"fact": "followUpDueInDays", "op": "<=", "value": 366}]
            },
            {
              "id": "call-back-detractor",
              "description": "Close the loop: call back a detractor soon after their answer.",
              "action": "call-back-detractor", "priority": 90, "channel": "call",
              "due": {"inDays": 1}, "detail": "latestNPS",
              "when": [
                {"fact": "latestNPSClass", "op": "==", "value": "detractor"},
                {"fact": "latestNPSDaysAgo", "op": "<=", "value": 30},
                {"fact": "contactedSinceLatestNPS", "op": "==", "value": false}
              ]
            },
            {
              "id": "win-back-cancelled",
              "description": "The contract was cancelled: talk before it ends.",
              "action": "win-back", "priority": 88, "channel": "call",
              "due": {"inDays": 2}, "detail": "daysToContractEnd",
              "when": [{"fact": "contractCancelled", "op": "==", "value": true}]
            },
            {
              "id": "prepare-renewal",
              "description": "Prepare the renewal conversation three weeks before the notice deadline.",
              "action": "prepare-renewal", "priority": 85, "channel": "meeting",
              "due": {"fact": "daysToNoticeDeadline", "offset": -21}, "detail": "daysToNoticeDeadline",
              "when": [{"fact": "daysToNoticeDeadline", "op": "between", "value": [0, 60]}]
            },
            {
              "id": "strengthen-lock-in-only",
              "description": "Held only by lock-in: build an emotional bond before the lock ends (once an open complaint is resolved).",
              "action": "strengthen-relationship", "priority": 65, "channel": "meeting",
              "due": {"inDays": 7}, "detail": "daysToContractEnd",
              "when": [
                {"fact": "lockInOnly", "op": "==", "value": true},
                {"fact": "daysToContractEnd", "op": "<=", "value": 180},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "onboarding-check-in",
              "description": "A new customer: check in once the first order has arrived (an open complaint is resolved first; that call is the check-in).",
              "action": "onboarding-check-in", "priority": 60, "channel": "call",
              "due": {"inDays": 2}, "detail": "customerDays",
              "when": [
                {"fact": "customerDays", "op": "between", "value": [3, 60]},
                {"fact": "purchaseDays", "op": ">=", "value": 1},
                {"fact": "hadOnboarding", "op": "==", "value": false},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "reactivate-lapsing",
              "description": "A customer drifting away: give them a reason to come back; not while a complaint is open (resolve it first) or a contract is cancelled (the win-back conversation is the action).",
              "action": "reactivate", "priority": 55, "channel": "call",
              "due": {"inDays": 3}, "detail": "daysSinceLastOrder",
              "when": [
                {"fact": "segment", "op": "in", "value": ["at-risk", "cant-lose", "about-to-sleep", "hibernating"]},
                {"fact": "churnRisk", "op": ">=", "value": 0.35},
                {"fact": "openComplaints", "op": "==", "value": 0},
                {"fact": "contractCancelled", "op": "==", "value": false}
              ]
            },
            {
              "id": "reactivate-high-risk",
              "description": "A good segment by purchases so far, but the model sees them leaving: act as for a lapsing customer, whatever the segment says.",
              "action": "reactivate", "priority": 55, "channel": "call",
              "due": {"inDays": 3}, "detail": "daysSinceLastOrder",
              "when": [
                {"fact": "segment", "op": "in", "value": ["champions", "loyal", "potential-loyalist", "need-attention", "promising"]},
                {"fact": "churnRisk", "op": ">=", "value": 0.7},
                {"fact": "openComplaints", "op": "==", "value": 0},
                {"fact": "contractCancelled", "op": "==", "value": false}
              ]
            },
            {
              "id": "surprise-relationship-at-risk",
              "description": "A relationship customer at risk: a positive surprise, never points.",
              "action": "positive-surprise", "priority": 50, "relationshipTypes": ["relationship"],
              "due": {"inDays": 7},
              "when": [
                {"fact": "churnRisk", "op": ">=", "value": 0.35},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "surprise-relationship-valued",
              "description": "Surprise a valued relationship customer now and then.",
              "action": "positive-surprise", "priority": 40, "relationshipTypes": ["relationship"],
              "due": {"inDays": 14}, "detail": "daysSinceLastTouch",
              "when": [
                {"fact": "valueTier", "op": "==", "value": "A"},
                {"fact": "daysSinceLastTouch", "op": ">=", "value": 90},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "loyalty-bonus-reminder",
              "description": "A transactional customer in the bonus programme who is overdue: remind them of their bonus; not while a complaint is open.",
              "action": "loyalty-bonus-reminder", "priority": 45, "channel": "email",
              "relationshipTypes": ["transactional"],
              "due": {"inDays": 3}, "detail": "daysSinceLastOrder",
              "when": [
                {"fact": "loyaltyMember", "op": "==", "value": true},
                {"fact": "orderOverdueRatio", "op": ">=", "value": 1.5},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "ask-promoter-for-referral",
              "description": "A recent promoter: ask for a referral or a review.",
              "action": "ask-for-referral", "priority": 40, "channel": "call",
              "due": {"inDays": 7}, "detail": "latestNPS",
              "when": [
                {"fact": "latestNPSClass", "op": "==", "value": "promoter"},
                {"fact": "latestNPSDaysAgo", "op": "<=", "value": 90},
                {"fact": "openComplaints", "op": "==", "value": 0}
              ]
            },
            {
              "id": "cross-sell-active",
              "description": "An active, valuable customer: offer a complementary product; not at high churn risk (keep them first), nor while a complaint is open, a contract is cancelled or one ends within 90 days without renewing (win back or renew first).",
              "action": "cross-sell", "priority": 35,
              "due": {"inDays": 14}, "detail": "daysSinceLastOrder",
              "when": [
                {"fact": "segment", "op": "in", "value": ["champions", "loyal", "potential-loyalist"]},
                {"fact": "daysSinceLastOrder", "op": "between", "value": [14, 90]},
                {"fact": "churnRisk", "op": "<", "value": 0.6},
                {"fact": "openComplaints", "op": "==", "value": 0},
                {"fact": "contractCancelled", "op": "==", "value": false},
                {"fact": "daysToContractEndWithoutRenewal", "op": ">", "value": 90}
              ]
            },
            {
              "id": "birthday-greeting",
              "description": "A birthday card, sent two days ahead.",
              "action": "birthday-greeting", "priority": 30, "channel": "letter",
              "due": {"fact": "daysToBirthday", "offset": -2}, "detail": "daysToBirthday",
              "when": [{"fact": "daysToBirthday", "op": "between", "value": [0, 10]}]
            },
            {
              "id": "relational-nps-due",
              "description": "Ask the relational NPS question; at most twice a year (also enforced by the program); not within 90 days of a detractor's answer (call them back instead).",
              "action": "relational-nps", "priority": 20, "channel": "email",
              "due": {"inDays": 14},
              "when": [
                {"fact": "daysSinceRelationalNPS", "op": ">=", "value": 180},
                {"fact": "relationalNPSLastYear", "op": "<", "value": 2},
                {"fact": "openComplaints", "op": "==", "value": 0},
                {"fact": "daysSinceDetractorNPS", "op": ">", "value": 90},
                {"fact": "purchaseDays", "op": ">=", "value": 2}
              ]
            }
          ]
        }
        """

    /// The shipped rules, parsed.
    public static func standard() throws(RuleSetError) -> ActionRuleSet {
        try parse(standardJSON)
    }
}
