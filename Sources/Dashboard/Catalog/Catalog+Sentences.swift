import Scoring

/// The model's structured reasons and actions as sentences an account manager accepts
/// (DOMAIN.md: "no order for 94 days; usually orders every 30").
extension Catalog {
    /// One risk reason as a sentence without a final full stop.
    public func reason(_ reason: RiskReason) -> String {
        switch reason {
        case .orderOverdue(let since, let usual):
            return pick(
                "no order for \(days(since)); usually orders every \(usual == 1 ? "day" : "\(usual) days")",
                "seit \(days(since)) keine Bestellung; bestellt sonst \(usual == 1 ? "täglich" : "alle \(usual) Tage")"
            )
        case .noRecentOrder(let since):
            return pick("no order for \(days(since))", "seit \(days(since)) keine Bestellung")
        case .likelyInactive(let percent):
            return pick(
                "probably no longer buying (\(percent)% chance still active)",
                "kauft vermutlich nicht mehr (nur \(percent) % Wahrscheinlichkeit, dass noch aktiv)")
        case .detractor(let score, let daysAgo, let type):
            return pick(
                "detractor, \(npsName(type)) \(score), \(ago(daysAgo))",
                "Kritiker, \(npsName(type)) \(score), \(ago(daysAgo))")
        case .passive(let score, let daysAgo, let type):
            return pick(
                "passive, \(npsName(type)) \(score), \(ago(daysAgo))",
                "unentschieden, \(npsName(type)) \(score), \(ago(daysAgo))")
        case .openComplaints(let count, let oldest):
            if oldest <= 0 {
                return count == 1
                    ? pick("an open complaint, opened today", "eine offene Beschwerde, seit heute")
                    : pick(
                        "\(count) open complaints, the oldest opened today",
                        "\(count) offene Beschwerden, die älteste seit heute")
            }
            return count == 1
                ? pick(
                    "an open complaint, \(days(oldest)) old", "eine offene Beschwerde, seit \(days(oldest))")
                : pick(
                    "\(count) open complaints, the oldest \(days(oldest)) old",
                    "\(count) offene Beschwerden, die älteste seit \(days(oldest))")
        case .contractCancelled(let toEnd):
            return pick(
                "contract cancelled, ends in \(days(toEnd))", "Vertrag gekündigt, endet in \(days(toEnd))")
        case .contractEnding(let toEnd, let toNotice, let emotional):
            var sentence =
                pick("contract ends in \(days(toEnd)), ", "Vertrag endet in \(days(toEnd)), ")
                + noticeDeadline(inDays: toNotice)
            switch emotional {
            case .none:
                sentence += pick(", no emotional binding signals", ", keine Zeichen emotionaler Bindung")
            case .weak: sentence += pick(", weak emotional binding", ", schwache emotionale Bindung")
            case .medium, .strong: break
            }
            return sentence
        case .lockInOnly(let strongest):
            return pick(
                "held only by \(binding(strongest)) binding, not emotionally",
                "nur \(binding(strongest)) gebunden, nicht emotional")
        case .contactGap(let since, let usual):
            return pick(
                "no contact for \(days(since)); usually every \(usual == 1 ? "day" : "\(usual) days")",
                "seit \(days(since)) kein Kontakt; sonst \(usual == 1 ? "täglich" : "alle \(usual) Tage")")
        case .negativeSentiment(let negative, let total):
            return pick(
                "\(negative) of the last \(total) touchpoints were negative",
                "\(negative) der letzten \(total) Kontakte waren negativ")
        case .lowSatisfaction(let score, let daysAgo):
            return pick(
                "low satisfaction, CSAT \(score) of 5, \(ago(daysAgo))",
                "geringe Zufriedenheit, CSAT \(score) von 5, \(ago(daysAgo))")
        case .highEffort(let score, let daysAgo):
            return pick(
                "high effort, CES \(score) of 7, \(ago(daysAgo))",
                "hoher Aufwand, CES \(score) von 7, \(ago(daysAgo))")
        }
    }

    /// A suggested action as a sentence as seen on `today`: a follow-up's figure is its timing,
    /// counted to today as every screen counts it (`ActionTiming`), not to the scoring day.
    public func action(_ action: SuggestedAction, today: CalendarDay) -> String {
        guard action.kind == .followUp else { return self.action(action.kind, detail: action.detail) }
        let inDays = ActionTiming.dueInDays(
            kind: action.kind, due: action.due, detail: action.detail, today: today)
        return self.action(action.kind, detail: inDays)
    }

    /// A suggested action as a sentence; `detail` is the figure the standard rule for the kind
    /// attaches (see `StandardActionRules`).
    public func action(_ kind: ActionKind, detail: Int?) -> String {
        let base = actionSentence(kind)
        guard let detail, let explanation = actionDetail(kind, detail) else { return base }
        return base + " (" + explanation + ")"
    }

    private func actionSentence(_ kind: ActionKind) -> String {
        switch kind {
        case .followUp: pick("follow up as agreed", "wie vereinbart nachfassen")
        case .resolveComplaint: pick("resolve the open complaint first", "zuerst die offene Beschwerde lösen")
        case .callBackDetractor:
            pick("call back the detractor and close the loop", "Kritiker zurückrufen und nachhaken")
        case .prepareRenewal: pick("prepare the renewal conversation", "Verlängerungsgespräch vorbereiten")
        case .winBack:
            pick("talk about staying before the contract ends", "vor Vertragsende über Bleiben sprechen")
        case .askForReferral: pick("ask for a referral or a review", "um Empfehlung oder Bewertung bitten")
        case .positiveSurprise: pick("a positive surprise, not points", "positiv überraschen, keine Punkte")
        case .loyaltyBonusReminder: pick("remind them of their loyalty bonus", "an den Treuebonus erinnern")
        case .onboardingCheckIn: pick("check in on how things are going", "nachfragen, wie es läuft")
        case .birthdayGreeting: pick("send a birthday greeting", "Geburtstagsgruß senden")
        case .crossSell: pick("offer a complementary product", "ein passendes Zusatzprodukt anbieten")
        case .relationalSurvey: pick("ask the relational NPS question", "die Beziehungs-NPS-Frage stellen")
        case .reactivate: pick("give them a reason to come back", "einen Grund zum Wiederkommen geben")
        case .strengthenRelationship: pick("build a personal bond", "eine persönliche Bindung aufbauen")
        }
    }

    private func actionDetail(_ kind: ActionKind, _ value: Int) -> String? {
        switch kind {
        case .followUp:
            value < 0
                ? pick("\(days(-value)) overdue", "seit \(days(-value)) überfällig") : due(inDays: value)
        case .resolveComplaint:
            value <= 0
                ? pick("opened today", "seit heute offen")
                : pick("open for \(days(value))", "seit \(days(value)) offen")
        case .callBackDetractor, .askForReferral: "NPS \(value)"
        case .prepareRenewal: noticeDeadline(inDays: value)
        case .winBack, .strengthenRelationship:
            pick("contract ends in \(days(value))", "Vertrag endet in \(days(value))")
        case .onboardingCheckIn: pick("customer for \(days(value))", "Kunde seit \(days(value))")
        case .reactivate, .loyaltyBonusReminder, .crossSell:
            pick("last order \(days(value)) ago", "letzte Bestellung vor \(days(value))")
        case .positiveSurprise: pick("last contact \(days(value)) ago", "letzter Kontakt vor \(days(value))")
        case .birthdayGreeting:
            value == 0 ? text(.today) : pick("birthday in \(days(value))", "Geburtstag in \(days(value))")
        case .relationalSurvey: nil
        }
    }

    private func npsName(_ type: NPSType) -> String {
        type == .relational ? "rNPS" : "NPS"
    }

    /// "12 days ago" / "vor 12 Tagen"; "today" / "heute".
    private func ago(_ count: Int) -> String {
        if count <= 0 { return text(.today) }
        return pick("\(days(count)) ago", "vor \(days(count))")
    }

    /// The notice deadline of a contract relative to today; a deadline already passed (the
    /// contract then renews or ends as it stands) is said so, never as "in -75 days".
    func noticeDeadline(inDays value: Int) -> String {
        if value < 0 {
            return pick(
                "notice deadline passed \(days(-value)) ago",
                "Kündigungsfrist seit \(days(-value)) verstrichen")
        }
        if value == 0 { return pick("notice deadline today", "Kündigungsfrist heute") }
        return pick("notice deadline in \(days(value))", "Kündigungsfrist in \(days(value))")
    }
}
