/// A customer's churn risk (0–1), its band, and the reasons behind it, strongest first.
public struct RiskAssessment: Sendable, Equatable {
    public var risk: Double
    public var band: RiskBand
    public var reasons: [WeightedReason]
    public var bindings: BindingProfile
}

/// Combines purchase behaviour, contracts, feedback, complaints and bindings into one risk.
///
/// Each signal is a hazard h in [0, 1] ("how likely this alone makes us lose the customer");
/// independent hazards combine as 1 − ∏(1 − hᵢ). The purchase hazard comes from the BG/NBD
/// P(alive) and from how overdue the next order is against the customer's own rhythm; the
/// other hazards and their sizes are documented in docs/MODEL.md. A recent promoter answer
/// lowers the result by a fifth. The top three hazards become the reasons.
public enum ChurnRisk {
    /// `probabilityAlive` is the BG/NBD P(alive) when the customer has a purchase history and
    /// the population fit exists; `populationGapDays` is the typical gap between purchases in
    /// the whole base, used when the customer has no rhythm of their own.
    public static func assess(
        _ facts: CustomerFacts, asOf: CalendarDay, probabilityAlive: Double?, populationGapDays: Double?,
        settings: ModelSettings = ModelSettings()
    ) -> RiskAssessment {
        let bindings = BindingProfile(facts: facts, asOf: asOf, settings: settings)
        var hazards: [WeightedReason] = []
        func add(_ reason: RiskReason, _ weight: Double) {
            if weight > 0 { hazards.append(WeightedReason(reason: reason, weight: min(1, weight))) }
        }

        let signals =
            purchaseHazards(
                facts, asOf: asOf, probabilityAlive: probabilityAlive, populationGapDays: populationGapDays,
                contractRunning: facts.contracts.contains { $0.isRunning(on: asOf) })
            + contractHazards(facts, asOf: asOf, bindings: bindings, settings: settings)
            + feedbackHazards(facts, asOf: asOf, settings: settings)
        for signal in signals { add(signal.reason, signal.weight) }

        let touch = facts.touchpoints
        if touch.openComplaints > 0 {
            let oldest = touch.oldestOpenComplaint.map { $0.days(until: asOf) } ?? 0
            let weight = 0.3 + 0.1 * Double(touch.openComplaints - 1) + (oldest > 14 ? 0.15 : 0)
            add(.openComplaints(count: touch.openComplaints, oldestDays: oldest), weight)
        }
        if touch.recentNegative >= 2 {
            add(.negativeSentiment(negative: touch.recentNegative, of: touch.recentTouches), 0.15)
        }
        if facts.relationshipType == .relationship, let usual = touch.usualContactGapDays,
            let last = touch.lastTouch
        {
            let since = last.days(until: asOf)
            if since > 90 && Double(since) > 2 * usual {
                add(.contactGap(daysSinceTouch: since, usualGapDays: Int(usual.rounded())), 0.15)
            }
        }
        if bindings.isLockInOnly, let strongest = bindings.lockInStrongest {
            add(.lockInOnly(strongest: strongest), 0.1)
        }

        var survival = hazards.reduce(1.0) { $0 * (1 - $1.weight) }
        if let (answer, _) = facts.feedback.latestNPS, NPSClass(score: answer.score) == .promoter,
            answer.day.days(until: asOf) <= 180
        {
            survival = 1 - 0.8 * (1 - survival)
        }
        let risk = min(1, max(0, 1 - survival))
        let band: RiskBand = risk >= settings.highRisk ? .high : risk >= settings.mediumRisk ? .medium : .low
        let reasons = hazards.sorted { $0.weight > $1.weight }.prefix(3)
        return RiskAssessment(risk: risk, band: band, reasons: Array(reasons), bindings: bindings)
    }

    /// `contractRunning`: the customer is in a running contract. Then the contract is the
    /// relationship (its end, notice and cancellation are the churn signals): a pause in one-off
    /// orders weighs half, and "probably no longer buying" is not said of someone who pays
    /// every month (the audit found 383 demo customers with a running contract at 90 % risk).
    static func purchaseHazards(
        _ facts: CustomerFacts, asOf: CalendarDay, probabilityAlive: Double?, populationGapDays: Double?,
        contractRunning: Bool = false
    ) -> [WeightedReason] {
        guard let purchases = facts.purchases else { return [] }
        let pauseWeight = contractRunning ? 0.5 : 1
        var hazards: [WeightedReason] = []
        let since = purchases.lastDay.days(until: asOf)
        if let usual = purchases.usualGapDays, usual > 0 {
            // Overdue by more than one and a half usual gaps starts to count; four gaps is serious.
            let ratio = Double(since) / usual
            if ratio > 1.5 {
                // The purchase model already weighs a pause against this customer's rhythm and
                // the whole base; when it still finds them likely active, the pause counts less.
                let trust = probabilityAlive.map { min(1, 2 * (1 - $0) + 0.2) } ?? 1
                let weight = min(0.7, 0.25 * (ratio - 1.5) + 0.15) * trust * pauseWeight
                hazards.append(
                    WeightedReason(
                        reason: .orderOverdue(daysSinceLastOrder: since, usualGapDays: Int(usual.rounded())),
                        weight: weight))
            }
        } else if let gap = populationGapDays, gap > 0, Double(since) > 3 * gap {
            let weight = min(0.6, 0.1 * (Double(since) / gap - 3) + 0.2) * pauseWeight
            hazards.append(WeightedReason(reason: .noRecentOrder(daysSinceLastOrder: since), weight: weight))
        }
        if let alive = probabilityAlive, purchases.purchaseDays > 1, alive < 0.5, !contractRunning {
            hazards.append(
                WeightedReason(
                    reason: .likelyInactive(percentAlive: Int((alive * 100).rounded())), weight: 1 - alive))
        }
        return hazards
    }

    static func contractHazards(
        _ facts: CustomerFacts, asOf: CalendarDay, bindings: BindingProfile, settings: ModelSettings
    ) -> [WeightedReason] {
        var hazards: [WeightedReason] = []
        for contract in facts.contracts {
            guard let ends = contract.endsOn, ends >= asOf else { continue }
            let daysToEnd = asOf.days(until: ends)
            switch contract.status {
            case .cancelled:
                hazards.append(WeightedReason(reason: .contractCancelled(daysToEnd: daysToEnd), weight: 0.8))
            case .active, .pending:
                // Past its notice deadline an auto-renewing contract runs another term.
                if contract.isRenewing(on: asOf) { continue }
                let deadline = contract.noticeDeadline ?? ends
                let daysToDeadline = asOf.days(until: deadline)
                guard daysToDeadline <= settings.renewalWindowDays else { continue }
                let emotional = bindings.strengths.emotional
                let weight = emotional >= .medium ? 0.15 : emotional == .weak ? 0.3 : 0.4
                hazards.append(
                    WeightedReason(
                        reason: .contractEnding(
                            daysToEnd: daysToEnd, daysToNoticeDeadline: daysToDeadline,
                            emotionalBinding: emotional),
                        weight: weight))
            case .expired:
                continue
            }
        }
        return hazards
    }

    static func feedbackHazards(_ facts: CustomerFacts, asOf: CalendarDay, settings: ModelSettings)
        -> [WeightedReason]
    {
        var hazards: [WeightedReason] = []
        let memory = settings.feedbackMemoryDays
        if let (answer, type) = facts.feedback.latestNPS {
            let daysAgo = answer.day.days(until: asOf)
            if daysAgo <= memory {
                // Fresh answers weigh fully; they fade linearly to half over the memory window.
                let freshness = 1 - 0.5 * Double(daysAgo) / Double(memory)
                switch NPSClass(score: answer.score) {
                case .detractor:
                    let base = type == .relational ? 0.45 : 0.35
                    hazards.append(
                        WeightedReason(
                            reason: .detractor(score: answer.score, daysAgo: daysAgo, type: type),
                            weight: base * freshness))
                case .passive:
                    hazards.append(
                        WeightedReason(
                            reason: .passive(score: answer.score, daysAgo: daysAgo, type: type),
                            weight: 0.08 * freshness))
                case .promoter, nil:
                    break
                }
            }
        }
        if let csat = facts.feedback.latestCSAT, csat.score <= 2, csat.day.days(until: asOf) <= memory {
            hazards.append(
                WeightedReason(
                    reason: .lowSatisfaction(score: csat.score, daysAgo: csat.day.days(until: asOf)),
                    weight: 0.15))
        }
        if let ces = facts.feedback.latestCES, ces.score <= 3, ces.day.days(until: asOf) <= memory {
            hazards.append(
                WeightedReason(
                    reason: .highEffort(score: ces.score, daysAgo: ces.day.days(until: asOf)), weight: 0.1))
        }
        return hazards
    }
}
