import Scoring

/// Labels for the model's and the store's vocabulary. The raw values stay the stable spellings
/// of files and commands; people read these.
extension Catalog {
    public func segment(_ segment: Segment) -> String {
        switch segment {
        case .champions: pick("Champions", "Champions")
        case .loyal: pick("Loyal", "Treue")
        case .potentialLoyalist: pick("Potential loyalist", "Potenziell treu")
        case .new: pick("New", "Neu")
        case .promising: pick("Promising", "Vielversprechend")
        case .needAttention: pick("Need attention", "Brauchen Zuwendung")
        case .aboutToSleep: pick("About to sleep", "Schlafen ein")
        case .atRisk: pick("At risk", "Gefährdet")
        case .cantLose: pick("Can't lose", "Nicht verlieren")
        case .hibernating: pick("Hibernating", "Winterschlaf")
        case .lost: pick("Lost", "Verloren")
        case .prospect: pick("Prospect", "Interessent")
        }
    }

    /// The band word; risk is never shown by colour alone.
    public func band(_ band: RiskBand) -> String {
        switch band {
        case .low: pick("low", "niedrig")
        case .medium: pick("medium", "mittel")
        case .high: pick("high", "hoch")
        }
    }

    public func relationship(_ type: RelationshipType) -> String {
        switch type {
        case .transactional: pick("transactional", "transaktional")
        case .relationship: pick("relationship", "beziehungsorientiert")
        }
    }

    public func binding(_ binding: Binding) -> String {
        switch binding {
        case .contractual: pick("contractual", "vertraglich")
        case .economic: pick("economic", "wirtschaftlich")
        case .technical: pick("technical", "technisch")
        case .situational: pick("situational", "situativ")
        case .emotional: pick("emotional", "emotional")
        }
    }

    public func strength(_ strength: BindingStrength) -> String {
        switch strength {
        case .none: pick("none", "keine")
        case .weak: pick("weak", "schwach")
        case .medium: pick("medium", "mittel")
        case .strong: pick("strong", "stark")
        }
    }

    public func channel(_ channel: Channel) -> String {
        switch channel {
        case .call: pick("call", "Anruf")
        case .email: pick("email", "E-Mail")
        case .meeting: pick("meeting", "Termin")
        case .visit: pick("visit", "Besuch")
        case .chat: pick("chat", "Chat")
        case .letter: pick("letter", "Brief")
        case .note: pick("note", "Notiz")
        }
    }

    public func interactionKind(_ kind: InteractionKind) -> String {
        switch kind {
        case .sales: pick("sales", "Verkauf")
        case .service: pick("service", "Service")
        case .complaint: pick("complaint", "Beschwerde")
        case .feedback: pick("feedback", "Feedback")
        case .greeting: pick("greeting", "Gruß")
        case .survey: pick("survey", "Umfrage")
        case .onboarding: pick("onboarding", "Einführung")
        case .renewal: pick("renewal", "Verlängerung")
        case .referral: pick("referral", "Empfehlung")
        case .other: pick("other", "Sonstiges")
        }
    }

    public func outcome(_ outcome: InteractionOutcome) -> String {
        switch outcome {
        case .reached: pick("reached", "erreicht")
        case .voicemail: pick("voicemail", "Mailbox")
        case .noAnswer: pick("no answer", "nicht erreicht")
        case .callBack: pick("call back", "Rückruf")
        case .notInterested: pick("not interested", "kein Interesse")
        case .sent: pick("sent", "gesendet")
        case .received: pick("received", "erhalten")
        case .completed: pick("completed", "erledigt")
        }
    }

    public func contractStatus(_ status: ContractStatus) -> String {
        switch status {
        case .active: pick("active", "aktiv")
        case .cancelled: pick("cancelled", "gekündigt")
        case .expired: pick("expired", "abgelaufen")
        case .pending: pick("pending", "ausstehend")
        }
    }

    public func metric(_ metric: FeedbackMetric, npsType: NPSType?) -> String {
        switch (metric, npsType) {
        case (.nps, .relational?): pick("rNPS", "rNPS")
        case (.nps, _): pick("tNPS", "tNPS")
        case (.csat, _): "CSAT"
        case (.ces, _): "CES"
        }
    }

    public func sortColumn(_ column: ListSortColumn) -> String {
        switch column {
        case .name: text(.columnName)
        case .segment: text(.columnSegment)
        case .risk: text(.columnRisk)
        case .value: text(.columnValue)
        case .lastTouch: text(.columnLastTouch)
        case .nextAction: text(.columnNextAction)
        }
    }

    /// A short label of what to do, for table cells.
    public func actionLabel(_ kind: ActionKind) -> String {
        switch kind {
        case .followUp: pick("follow up", "nachfassen")
        case .resolveComplaint: pick("resolve complaint", "Beschwerde lösen")
        case .callBackDetractor: pick("call back detractor", "Kritiker zurückrufen")
        case .prepareRenewal: pick("prepare renewal", "Verlängerung vorbereiten")
        case .winBack: pick("win back", "zurückgewinnen")
        case .askForReferral: pick("ask for referral", "um Empfehlung bitten")
        case .positiveSurprise: pick("positive surprise", "positiv überraschen")
        case .loyaltyBonusReminder: pick("bonus reminder", "an Bonus erinnern")
        case .onboardingCheckIn: pick("onboarding check-in", "Einführung nachfragen")
        case .birthdayGreeting: pick("birthday greeting", "Geburtstagsgruß")
        case .crossSell: pick("cross-sell", "Zusatzangebot")
        case .relationalSurvey: pick("ask relational NPS", "Beziehungs-NPS fragen")
        case .reactivate: pick("reactivate", "reaktivieren")
        case .strengthenRelationship: pick("strengthen relationship", "Beziehung stärken")
        }
    }
}
